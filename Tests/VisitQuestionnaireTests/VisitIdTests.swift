import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing

@testable import VisitQuestionnaire

@Suite("Visit ids: unique in the folder by construction", .serialized)
struct VisitIdTests {
    let interview = VisitInterview(setup: Fixture.setup)
    static let day = Fixture.date("2026-12-01")

    @Test func theProposalIsThePrefixTheDateAndTheNextFreeNumber() {
        #expect(VisitID.proposal(city: "nuernberg", date: Self.day, taken: [:]) == "NUE-2026-12-01-01")
        #expect(
            VisitID.proposal(city: "nuernberg", date: Self.day, taken: ["NUE-2026-12-01-01": "a.json"])
                == "NUE-2026-12-01-02")
        #expect(VisitID.proposal(city: "bremen", date: Self.day, taken: [:]) == "HB-2026-12-01-01")
        #expect(VisitID.proposal(city: "leipzig", date: Self.day, taken: [:]) == "L-2026-12-01-01")
        #expect(VisitID.proposal(city: "muenchen", date: Self.day, taken: [:]) == "MUE-2026-12-01-01")
        #expect(VisitID.proposal(city: "a.b", date: Self.day, taken: [:]) == "AB-2026-12-01-01")
        let ten = Dictionary(uniqueKeysWithValues: (1...9).map { ("NUE-2026-12-01-0\($0)", "x") })
        #expect(VisitID.proposal(city: "nuernberg", date: Self.day, taken: ten) == "NUE-2026-12-01-10")
    }

    @Test func theFolderNamesTheIdsItHolds() throws {
        let dir = try TemporaryDirectory()
        try dir.write(
            "a.json", try String(contentsOfFile: Checkout.examples + "/nuernberg-pensioner.json", encoding: .utf8))
        try dir.write("HB-7.json", "not a visit")
        try dir.write("notes.txt", "{\"schema\": \"esp-visit/1\", \"visitId\": \"TXT\"}")
        #expect(
            VisitFolder.visitIds(in: dir.path)
                == ["NUE-2026-0142": dir.file("a.json"), "a": dir.file("a.json"), "HB-7": dir.file("HB-7.json")])
        #expect(VisitFolder.visitIds(in: dir.path, except: dir.file("a.json")) == ["HB-7": dir.file("HB-7.json")])
        #expect(VisitFolder.visitIds(in: dir.file("missing")).isEmpty)
    }

    @Test func twoVisitsOnOneDayGetTwoNumbers() throws {
        let dir = try TemporaryDirectory()
        var ids: [String] = []
        for _ in 0..<2 {
            var prompter = ScriptedPrompter(Fixture.pensionerAnswers(changing: ["visitId": "", "date": ""]) + [""])
            let result = try interview.start(output: nil, draftDirectory: dir.path, prompter: &prompter)
            guard case .saved(let path, let visit) = result else {
                Issue.record("\(result)")
                return
            }
            #expect(path == dir.file("\(visit.visitId).json"))
            ids.append(visit.visitId)
        }
        #expect(ids == ["NUE-2026-03-14-01", "NUE-2026-03-14-02"])
    }

    @Test func withAnOutputTheProposalIsItsName() throws {
        let dir = try TemporaryDirectory()
        var prompter = ScriptedPrompter(Fixture.pensionerAnswers(changing: ["visitId": ""]) + [""])
        let result = try interview.start(output: dir.file("NUE-2026-0200.json"), prompter: &prompter)
        guard case .saved(_, let visit) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(visit.visitId == "NUE-2026-0200")
        #expect(prompter.asked.first { $0.id == "visitId" }?.defaultAnswer == "NUE-2026-0200")
    }

    @Test func anOutputWhoseIdAnotherFileHasIsRefusedBeforeTheFirstQuestion() throws {
        let dir = try TemporaryDirectory()
        try dir.write(
            "old.json", try String(contentsOfFile: Checkout.examples + "/nuernberg-pensioner.json", encoding: .utf8))
        var prompter = ScriptedPrompter(Fixture.pensionerSession)
        let error = caught { () throws(QuestionnaireError) in
            try interview.start(output: dir.file("NUE-2026-0142.json"), prompter: &prompter)
        }
        #expect(
            error
                == .visitIdTaken(
                    id: "NUE-2026-0142", takenBy: dir.file("old.json"), output: dir.file("NUE-2026-0142.json")))
        #expect(
            error?.description
                == "Die Besuchsnummer NUE-2026-0142 (aus dem Dateinamen \(dir.file("NUE-2026-0142.json"))) hat schon "
                + "\(dir.file("old.json")). Bitte einen anderen Dateinamen wählen, oder den Besuch ändern mit: "
                + "esp visit edit \(dir.file("old.json"))")
        #expect(prompter.asked.isEmpty)
        #expect(try dir.names() == ["old.json"])
        let exists = caught { () throws(QuestionnaireError) in
            try interview.start(output: dir.file("old.json"), prompter: &prompter)
        }
        #expect(
            exists?.description
                == "\(dir.file("old.json")) gibt es schon und wird nicht ersetzt (ändern mit esp visit edit)")
    }

    @Test func aTypedIdThatIsTakenIsAskedAgain() throws {
        let dir = try TemporaryDirectory()
        try dir.write(
            "old.json", try String(contentsOfFile: Checkout.examples + "/nuernberg-pensioner.json", encoding: .utf8))
        var answers = Fixture.pensionerSession
        answers.insert("", at: 4)  // after NUE-2026-0142 is refused, Enter takes the free proposal
        var prompter = ScriptedPrompter(answers)
        let result = try interview.start(output: nil, draftDirectory: dir.path, prompter: &prompter)
        guard case .saved(_, let visit) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(visit.visitId == "NUE-2026-02-17-01")
        #expect(
            prompter.messages.contains(
                .problem(
                    "Die Besuchsnummer NUE-2026-0142 hat schon \(dir.file("old.json")). Enter übernimmt die freie Nummer NUE-2026-02-17-01."
                )))
    }

    @Test func resumingIntoAFolderWithTheSameIdAsksForAnotherBeforeSaving() throws {
        let dir = try TemporaryDirectory()
        var first = ScriptedPrompter(Fixture.pensionerAnswers)
        _ = try interview.start(output: dir.file("draft-here.json"), prompter: &first)
        try dir.write(
            "other/taken.json",
            try String(contentsOfFile: Checkout.examples + "/nuernberg-pensioner.json", encoding: .utf8))
        var second = ScriptedPrompter(["NUE-2026-0143", ""])
        let result = try interview.resume(
            draftPath: dir.file("draft-here.json.draft"), output: dir.file("other/OTHER.json"), prompter: &second)
        guard case .saved(let path, let visit) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(path == dir.file("other/OTHER.json"))
        #expect(visit.visitId == "NUE-2026-0143")
        #expect(second.asked.map(\.id) == ["visitId", "recap"])
        #expect(
            second.messages.contains(
                .problem(
                    "Die Besuchsnummer NUE-2026-0142 hat schon \(dir.file("other/taken.json")); bitte eine andere eingeben."
                )))
    }

    @Test func anIdTakenWhileTheVisitWasRecordedIsAskedAgainAtTheEnd() throws {
        let dir = try TemporaryDirectory()
        struct Meanwhile: Prompter {
            var inner: ScriptedPrompter
            let dir: TemporaryDirectory
            mutating func answer(_ question: Question) -> String? {
                if question.id == "notes" {
                    // Another session saves a visit with the same id before this one ends.
                    _ = try? dir.write("other.json", "{\"schema\": \"esp-visit/1\", \"visitId\": \"NUE-2026-0142\"}")
                }
                return inner.answer(question)
            }
            mutating func show(_ message: PrompterMessage) { inner.show(message) }
        }
        var prompter = Meanwhile(inner: ScriptedPrompter(Fixture.pensionerAnswers + ["NUE-2026-0144", ""]), dir: dir)
        let result = try interview.start(output: nil, draftDirectory: dir.path, prompter: &prompter)
        guard case .saved(let path, let visit) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(visit.visitId == "NUE-2026-0144")
        #expect(path == dir.file("NUE-2026-0144.json"))
        #expect(
            prompter.inner.messages.contains(
                .problem(
                    "Die Besuchsnummer NUE-2026-0142 hat inzwischen \(dir.file("other.json")); bitte eine andere eingeben."
                )))
    }
}
