import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing

@testable import VisitQuestionnaire

@Suite("esp visit edit: a finished visit replayed, changed after a recap, replaced whole", .serialized)
struct EditTests {
    let interview = VisitInterview(setup: Fixture.setup)

    func copy(_ example: String, to dir: TemporaryDirectory, as name: String? = nil) throws -> String {
        try dir.write(name ?? example, try String(contentsOfFile: Checkout.examples + "/" + example, encoding: .utf8))
    }

    @Test(arguments: Checkout.exampleNames)
    func everyExampleReplaysToItself(name: String) throws {
        let visit = try VisitDecoder.load(path: Checkout.examples + "/" + name)
        let q = Questionnaire(setup: Fixture.setup, carrying: VisitAnswers.answers(for: visit, setup: Fixture.setup))
        #expect(q.isComplete, "\(name) stops at \(q.currentQuestion?.id ?? "")")
        let replayed = try q.visit()
        #expect(VisitEdit.lostParts(original: visit, replayed: replayed) == [], "\(name)")
        #expect(VisitEdit.keepingUnasked(from: visit, in: replayed).visitId == visit.visitId)
    }

    @Test func confirmingWithoutChangesLeavesTheFileAsItIs() throws {
        let dir = try TemporaryDirectory()
        let path = try copy("nuernberg-pensioner.json", to: dir)
        let before = try dir.read("nuernberg-pensioner.json")
        var prompter = ScriptedPrompter([""])
        let result = try interview.edit(visitPath: path, prompter: &prompter)
        #expect(result == .unchanged(visitPath: path))
        #expect(result.message == "Nichts geändert: \(path)")
        #expect(try dir.read("nuernberg-pensioner.json") == before)
        #expect(try dir.names() == ["nuernberg-pensioner.json"], "the draft is gone")
        #expect(prompter.asked.map(\.id) == ["recap"])
    }

    @Test func aChangeByIdReplacesTheFileAndKeepsWhatIsNotAsked() throws {
        let dir = try TemporaryDirectory()
        let path = try copy("bremen-house-heatpump.json", to: dir)
        let original = try VisitDecoder.load(path: path)
        var prompter = ScriptedPrompter(["household.persons", "5", ""])
        let result = try interview.edit(visitPath: path, prompter: &prompter)
        var expected = original
        expected.household.persons = 5
        let saved = try VisitDecoder.load(path: path)
        #expect(result == .saved(visitPath: path, visit: saved))
        #expect(saved.household.persons == 5)
        #expect(saved.appliances == original.appliances, "replacementAnnualKWh is kept")
        #expect(saved.notes == original.notes)
        #expect(VisitEdit.lostParts(original: expected, replayed: saved) == [])
        #expect(try dir.mode("bremen-house-heatpump.json") == 0o600)
        #expect(try dir.names() == ["bremen-house-heatpump.json"])
        #expect(prompter.asked.first?.defaultAnswer == "j", "the recap comes first")
        #expect(prompter.asked.map(\.id) == ["recap", "household.persons", "recap"])
    }

    /// Issue 18: an aerator was fitted on the bathroom tap ("j" for the only tap worth one). Measuring the kitchen tap
    /// in an edit makes the question a list of two taps: the old "j" must not silently mean both (the sheet would say
    /// an aerator was fitted in the kitchen). The question is asked again, without the old answer as its default.
    @Test func aChangedTapDoesNotInheritAnEarlierHandOutAnswer() throws {
        let dir = try TemporaryDirectory()
        var visit = Fixture.pensionerVisit
        visit.taps = [TapUse(room: .bathroom, flowLitresPerMinute: 12, installedAtVisit: true)]
        let path = try dir.write("v.json", VisitEncoder.text(visit))
        var prompter = ScriptedPrompter(["taps.kitchen", "12", "2", ""])
        let result = try interview.edit(visitPath: path, prompter: &prompter)
        let saved = try VisitDecoder.load(path: path)
        #expect(result == .saved(visitPath: path, visit: saved))
        #expect(prompter.asked.map(\.id) == ["recap", "taps.kitchen", "handouts.taps", "recap"])
        let handOut = try #require(prompter.asked.first { $0.id == "handouts.taps" })
        #expect(handOut.defaultAnswer != "j")
        #expect(saved.taps.map(\.room) == [.kitchen, .bathroom])
        #expect(saved.taps.map(\.installedAtVisit) == [false, true])
    }

    @Test func anInterruptedEditKeepsTheFileAndContinuesFromItsDraft() throws {
        let dir = try TemporaryDirectory()
        let path = try copy("nuernberg-family-ru.json", to: dir)
        let before = try dir.read("nuernberg-family-ru.json")
        var first = ScriptedPrompter(["7", "82"])  // answer 7 is the living area; then the input ends at the recap
        let stopped = try interview.edit(visitPath: path, prompter: &first)
        #expect(stopped == .editStopped(draftPath: path + ".draft", visitPath: path))
        #expect(stopped.message.hasSuffix("Weiter mit: esp visit edit \(path)"))
        #expect(try dir.read("nuernberg-family-ru.json") == before, "the old file is untouched")
        #expect(try dir.mode("nuernberg-family-ru.json.draft") == 0o600)

        var second = ScriptedPrompter([""])
        let saved = try interview.edit(visitPath: path, prompter: &second)
        guard case .saved(_, let visit) = saved else {
            Issue.record("\(saved)")
            return
        }
        #expect(visit.household.livingAreaM2 == 82)
        #expect(second.messages.contains(.note("Angefangene Änderung aus \(path).draft übernommen.")))
        #expect(try dir.names() == ["nuernberg-family-ru.json"])
    }

    @Test func cancellingLeavesTheFileAndRemovesTheDraft() throws {
        let dir = try TemporaryDirectory()
        let path = try copy("leipzig-couple-tr.json", to: dir)
        let before = try dir.read("leipzig-couple-tr.json")
        var prompter = ScriptedPrompter(["household.livingAreaM2", "99", "abbrechen"])
        #expect(try interview.edit(visitPath: path, prompter: &prompter) == .unchanged(visitPath: path))
        #expect(try dir.read("leipzig-couple-tr.json") == before)
        #expect(try dir.names() == ["leipzig-couple-tr.json"])
    }

    @Test func aVisitIdOfAnotherFileIsRefusedWhileEditing() throws {
        let dir = try TemporaryDirectory()
        let path = try copy("nuernberg-pensioner.json", to: dir)
        _ = try copy("nuernberg-family-ru.json", to: dir)
        var prompter = ScriptedPrompter(["visitId", "NUE-2026-0187", "NUE-2026-0142-b", ""])
        guard case .saved(_, let visit) = try interview.edit(visitPath: path, prompter: &prompter) else {
            Issue.record("not saved")
            return
        }
        #expect(visit.visitId == "NUE-2026-0142-b")
        #expect(
            prompter.messages.contains(
                .problem(
                    "Die Besuchsnummer NUE-2026-0187 hat schon \(dir.file("nuernberg-family-ru.json")). Enter übernimmt die freie Nummer NUE-2026-0142."
                )))
    }

    @Test func aFileTheQuestionnaireCannotExpressIsRefusedBeforeTheFirstQuestion() throws {
        let dir = try TemporaryDirectory()
        var visit = try VisitDecoder.load(path: Checkout.examples + "/nuernberg-pensioner.json")
        visit.taps = [
            TapUse(room: .kitchen, flowLitresPerMinute: 12), TapUse(room: .kitchen, flowLitresPerMinute: 8),
        ]
        let path = try dir.write("two-taps.json", VisitEncoder.text(visit))
        var prompter = ScriptedPrompter([""])
        let error = caught { () throws(QuestionnaireError) in try interview.edit(visitPath: path, prompter: &prompter) }
        #expect(error == .notEditable(path: path, fields: ["taps"]))
        #expect(prompter.asked.isEmpty)
        #expect(try dir.names() == ["two-taps.json"])
        let broken = try dir.write("broken.json", "{\"schema\": \"esp-visit/1\"")
        let unreadable = caught { () throws(QuestionnaireError) in
            try interview.edit(visitPath: broken, prompter: &prompter)
        }
        guard case .visitUnreadable(broken, _) = unreadable else {
            Issue.record("\(String(describing: unreadable))")
            return
        }
    }
}
