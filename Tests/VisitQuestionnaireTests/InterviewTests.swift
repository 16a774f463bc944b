import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing

@testable import VisitQuestionnaire

@Suite("Interview: draft and visit files", .serialized)
struct InterviewTests {
    let interview = VisitInterview(setup: Fixture.setup)

    @Test func aWholeInterviewWritesTheVisitAndRemovesTheDraft() throws {
        let dir = try TemporaryDirectory()
        var prompter = ScriptedPrompter(Fixture.pensionerSession)
        var announced: String?
        let result = try interview.start(
            output: dir.file("visit.json"), prompter: &prompter, onDraft: { announced = $0 })
        #expect(result == .saved(visitPath: dir.file("visit.json"), visit: Fixture.pensionerVisit))
        #expect(result.message == "Besuch gespeichert: \(dir.file("visit.json"))")
        #expect(announced == dir.file("visit.json.draft"))
        #expect(try dir.names() == ["visit.json"], "the draft and no temporary file remain")
        #expect(try dir.mode("visit.json") == 0o600)
        #expect(try VisitDecoder.load(path: dir.file("visit.json")) == Fixture.pensionerVisit)
        #expect(try dir.read("visit.json") == VisitEncoder.text(Fixture.pensionerVisit))
        #expect(prompter.remaining.isEmpty)
    }

    @Test func endOfInputMidwayLeavesAValidDraftThatResumes() throws {
        let dir = try TemporaryDirectory()
        let all = Fixture.pensionerAnswers
        let cut = 23
        var first = ScriptedPrompter(Array(all.prefix(cut)))
        let stopped = try interview.start(output: dir.file("v.json"), prompter: &first)
        #expect(stopped == .stopped(draftPath: dir.file("v.json.draft")))
        #expect(stopped.message.contains("esp visit resume \(dir.file("v.json.draft"))"))
        #expect(try dir.names() == ["v.json.draft"])
        #expect(try dir.mode("v.json.draft") == 0o600)
        let draft = try Draft.decode(Array(try dir.read("v.json.draft").utf8), path: "v.json.draft")
        #expect(draft.answers.count == cut)
        #expect(draft.answers.map(\.question) == Fixture.pensioner.prefix(cut).map(\.question))
        let replayed = try Questionnaire(setup: Fixture.setup, replaying: draft.answers)
        #expect(replayed.currentQuestion?.id == Fixture.pensioner[cut].question)
        #expect(first.asked.last?.id == Fixture.pensioner[cut].question, "the question that met the end of input")

        var second = ScriptedPrompter(Array(all.dropFirst(cut)) + [""])
        let saved = try interview.resume(draftPath: dir.file("v.json.draft"), output: nil, prompter: &second)
        #expect(saved == .saved(visitPath: dir.file("v.json"), visit: Fixture.pensionerVisit))
        #expect(try dir.names() == ["v.json"])
        #expect(second.messages.first == .note("Entwurf \(dir.file("v.json.draft")): \(cut) Antworten übernommen."))
    }

    @Test func everyAnswerIsOnDiskBeforeTheNextQuestion() throws {
        let dir = try TemporaryDirectory()
        struct Spy: Prompter {
            var inner: ScriptedPrompter
            let draftPath: String
            var draftSizes: [Int] = []
            mutating func answer(_ question: Question) -> String? {
                let text = (try? String(contentsOfFile: draftPath, encoding: .utf8)) ?? ""
                draftSizes.append((try? Draft.decode(Array(text.utf8), path: draftPath))?.answers.count ?? -1)
                return inner.answer(question)
            }
            mutating func show(_ message: PrompterMessage) { inner.show(message) }
        }
        var spy = Spy(
            inner: ScriptedPrompter(["nuernberg", "xx", "de", "<", "ru", "2026-03-01"]),
            draftPath: dir.file("s.json.draft"))
        _ = try interview.start(output: dir.file("s.json"), prompter: &spy)
        // Asked: city, language, language again (xx refused), date, language (after back), date, visitId.
        #expect(spy.draftSizes == [0, 1, 1, 2, 1, 2, 3])
        let draft = try Draft.decode(Array(try dir.read("s.json.draft").utf8), path: "s")
        #expect(draft.answers.map(\.answer) == ["nuernberg", "ru", "2026-03-01"])
    }

    @Test func withoutOutputTheDraftIsNamedByDateAndTheVisitById() throws {
        let dir = try TemporaryDirectory()
        var first = ScriptedPrompter([])
        #expect(
            try interview.start(output: nil, draftDirectory: dir.path, prompter: &first)
                == .stopped(draftPath: dir.file("esp-visit-2026-03-14.draft")))
        var second = ScriptedPrompter(Fixture.minimalAnswers + [""])
        let result = try interview.start(output: nil, draftDirectory: dir.path, prompter: &second)
        guard case .saved(let path, let visit) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(path == dir.file("HB-7.json"))
        #expect(visit.visitId == "HB-7")
        #expect(try dir.names() == ["HB-7.json", "esp-visit-2026-03-14.draft"], "the second draft was -2 and is gone")
    }

    @Test func presetsAnswerTheirQuestionsOnce() throws {
        let dir = try TemporaryDirectory()
        var prompter = ScriptedPrompter(Array(Fixture.minimalAnswers.dropFirst(2)) + [""])
        let result = try interview.start(
            output: dir.file("p.json"), prefill: ["city": "bremen", "language": "ru"],
            prompter: &prompter)
        guard case .saved(_, let visit) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(visit.city == "bremen")
        #expect(visit.language == "ru")
        #expect(!prompter.asked.contains { $0.id == "city" || $0.id == "language" })
        #expect(prompter.messages.contains(.note("Stadt (Kennung der Tarifdatei): bremen (vorgegeben)")))
    }

    @Test func aRefusedPresetStopsBeforeAnyQuestion() throws {
        let dir = try TemporaryDirectory()
        var prompter = ScriptedPrompter(["x"])
        let error = caught { () throws(QuestionnaireError) in
            try interview.start(output: dir.file("p.json"), prefill: ["city": "hamburg"], prompter: &prompter)
        }
        guard case .presetRejected("city", "hamburg", _, nil) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(prompter.asked.isEmpty)
        #expect(try dir.names().isEmpty, "no draft for a refused preset")
    }

    @Test func aPresetAfterAnUnansweredQuestionIsRefusedWhenAskedAndTheDraftKept() throws {
        let dir = try TemporaryDirectory()
        var prompter = ScriptedPrompter(["bremen"])
        let error = caught { () throws(QuestionnaireError) in
            try interview.start(output: dir.file("p.json"), prefill: ["language": "xx"], prompter: &prompter)
        }
        guard case .presetRejected("language", "xx", let reason, dir.file("p.json.draft")) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(reason.contains("de, ru, tr"))
        #expect(error?.description.contains("esp visit resume \(dir.file("p.json.draft"))") == true)
        let draft = try Draft.decode(Array(try dir.read("p.json.draft").utf8), path: "d")
        #expect(draft.answers == [DraftAnswer(question: "city", answer: "bremen")])
    }

    @Test func presetsAreCheckedBeforeAnyFileWhenTheWayToThemHasDefaults() throws {
        let dir = try TemporaryDirectory()
        var prompter = ScriptedPrompter([])
        let error = caught { () throws(QuestionnaireError) in
            try interview.start(
                output: dir.file("p.json"), prefill: ["city": "bremen", "language": "xx"], prompter: &prompter)
        }
        guard case .presetRejected("language", "xx", _, nil) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(try dir.names().isEmpty)
    }

    @Test func anExistingOutputIsNeverReplaced() throws {
        let dir = try TemporaryDirectory()
        try dir.write("taken.json", "keep me")
        var prompter = ScriptedPrompter(Fixture.minimalAnswers)
        #expect(
            caught { () throws(QuestionnaireError) in
                try interview.start(output: dir.file("taken.json"), prompter: &prompter)
            } == .outputExists(path: dir.file("taken.json"), draftPath: nil))
        #expect(prompter.asked.isEmpty, "refused before the first question")
        #expect(try dir.read("taken.json") == "keep me")
        #expect(try dir.names() == ["taken.json"])
    }

    @Test func anOutputThatAppearsMeanwhileKeepsTheDraft() throws {
        let dir = try TemporaryDirectory()
        var first = ScriptedPrompter(Array(Fixture.minimalAnswers.prefix(5)))
        _ = try interview.start(output: dir.file("late.json"), prompter: &first)
        try dir.write("late.json", "someone else's")
        var second = ScriptedPrompter(Array(Fixture.minimalAnswers.dropFirst(5)) + [""])
        // Without -o the name comes from the draft; the file appeared after the interview began.
        let error = caught { () throws(QuestionnaireError) in
            try interview.resume(draftPath: dir.file("late.json.draft"), output: nil, prompter: &second)
        }
        #expect(error == .outputExists(path: dir.file("late.json"), draftPath: dir.file("late.json.draft")))
        #expect(try dir.read("late.json") == "someone else's")
        let draft = try Draft.decode(Array(try dir.read("late.json.draft").utf8), path: "d")
        #expect(draft.answers.count == Fixture.minimalAnswers.count, "every answer is still in the draft")
        var third = ScriptedPrompter([""])
        let saved = try interview.resume(
            draftPath: dir.file("late.json.draft"), output: dir.file("other.json"), prompter: &third)
        guard case .saved(let path, _) = saved else {
            Issue.record("\(saved)")
            return
        }
        #expect(path == dir.file("other.json"))
        #expect(third.asked.map(\.id) == ["recap"], "a complete draft needs no question but the recap")
    }

    @Test func anExistingDraftIsNotStartedAgain() throws {
        let dir = try TemporaryDirectory()
        try dir.write("v.json.draft", "{\"schema\": \"esp-visit-draft/1\", \"answers\": []}")
        var prompter = ScriptedPrompter([])
        #expect(
            caught { () throws(QuestionnaireError) in
                try interview.start(output: dir.file("v.json"), prompter: &prompter)
            } == .draftExists(path: dir.file("v.json.draft")))
    }

    @Test func corruptAndForeignDraftsAreRefusedAndLeftAsTheyAre() throws {
        let dir = try TemporaryDirectory()
        let texts = [
            "corrupt.draft": "{\"schema\": \"esp-visit-draft/1\", \"answers\": [{\"question\": \"city\", ",
            "visit.draft": try String(contentsOfFile: Checkout.examples + "/nuernberg-pensioner.json", encoding: .utf8),
            "wrong.draft":
                "{\"schema\": \"esp-visit-draft/2\", \"answers\": [{\"question\": \"date\", \"answer\": \"x\"}]}",
        ]
        for (name, text) in texts {
            try dir.write(name, text)
            var prompter = ScriptedPrompter(Fixture.pensionerAnswers)
            let error = caught { () throws(QuestionnaireError) in
                try interview.resume(draftPath: dir.file(name), output: nil, prompter: &prompter)
            }
            let message = try #require(error, "\(name) was resumed").description
            #expect(message.hasPrefix(dir.file(name)), "\(name): \(message)")
            #expect(message.contains("bleibt, wie sie ist"), "\(name): \(message)")
            #expect(try dir.read(name) == text, "\(name) was changed")
            #expect(prompter.asked.isEmpty)
        }
        #expect(try dir.names() == texts.keys.sorted(), "nothing was written beside them")
        var prompter = ScriptedPrompter([])
        #expect(
            caught { () throws(QuestionnaireError) in
                try interview.resume(draftPath: dir.file("missing.draft"), output: nil, prompter: &prompter)
            } == .draftUnreadable(path: dir.file("missing.draft"), reason: "No such file or directory"))
    }

    @Test func outputNamesFollowTheDraft() {
        #expect(VisitInterview.draftPath(forOutput: "a/visit.json") == "a/visit.json.draft")
        #expect(VisitInterview.outputPath(forDraft: "a/visit.json.draft", visitId: "X") == "a/visit.json")
        #expect(VisitInterview.outputPath(forDraft: "a/esp-visit-2026-03-14.draft", visitId: "X-1") == "a/X-1.json")
        #expect(VisitInterview.outputPath(forDraft: "b.draft", visitId: "X-1") == "X-1.json")
        #expect(VisitInterview.outputPath(forDraft: "a/.json.draft", visitId: "X") == "a/X.json")
        #expect(VisitInterview.resumeHint(draftPath: "my visit.draft").hasSuffix("esp visit resume 'my visit.draft'"))
    }

    @Test func aDraftThatCannotBeSavedStopsTheSession() throws {
        var prompter = ScriptedPrompter(["nuernberg", "de"])
        var session = QuestionnaireSession(Questionnaire(setup: Fixture.setup))
        let error = caught { () throws(QuestionnaireError) in
            try session.run(&prompter) { (_: Draft) throws(QuestionnaireError) in
                throw QuestionnaireError.cannotWrite(path: "d", reason: "No space left on device")
            }
        }
        #expect(error == .cannotWrite(path: "d", reason: "No space left on device"))
        #expect(prompter.asked.count == 1, "no second question after a failed save")
    }
}
