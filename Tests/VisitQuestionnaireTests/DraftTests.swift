import EnergyAdvice
import TestSupport
import Testing

@testable import VisitQuestionnaire

@Suite("Drafts: replaying answers")
struct DraftTests {
    /// After every number of answers, the draft written, read back and replayed continues at the next question
    /// and, given the rest of the answers, ends with the same visit.
    @Test func aDraftAfterAnyAnswerContinuesWhereItStopped() throws {
        let all = Fixture.pensionerAnswers
        for n in 0...all.count {
            var first = Questionnaire(setup: Fixture.setup)
            Fixture.answer(&first, Array(all.prefix(n)))
            #expect(first.answers.count == n)
            let text = first.draft.text
            let draft = try Draft.decode(Array(text.utf8), path: "draft-\(n)")
            var resumed = try Questionnaire(setup: Fixture.setup, replaying: draft.answers, source: "draft-\(n)")
            #expect(resumed.answers == first.answers)
            if n < all.count {
                #expect(resumed.currentQuestion?.id == Fixture.pensioner[n].question, "after \(n) answers")
            } else {
                #expect(resumed.isComplete)
            }
            Fixture.answer(&resumed, Array(all.dropFirst(n)))
            #expect(try resumed.visit() == Fixture.pensionerVisit, "resumed after \(n) answers")
        }
    }

    @Test func aDraftIsStoredResolvedSoItReplaysOnAnotherDay() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Fixture.minimalAnswers.prefix(2) + ["", ""])
        var tomorrow = Fixture.setup
        tomorrow.today = try #require(CalendarDate(iso: "2026-03-15"))
        let later = try Questionnaire(setup: tomorrow, replaying: q.answers)
        try #require(later.answers.count == 4)
        #expect(later.answers[2].answer == "2026-03-14")
        #expect(later.answers[3].answer == "HB-2026-03-14-01")
    }

    @Test func draftTextIsTheDocumentedFormat() {
        let draft = Draft(answers: [
            DraftAnswer(question: "city", answer: "nuernberg"),
            DraftAnswer(question: "showers.flowLitresPerMinute", answer: "1 l in 5 s"),
        ])
        #expect(
            draft.text == """
                {
                  "schema": "esp-visit-draft/2",
                  "answers": [
                    {
                      "question": "city",
                      "answer": "nuernberg"
                    },
                    {
                      "question": "showers.flowLitresPerMinute",
                      "answer": "1 l in 5 s"
                    }
                  ]
                }

                """)
        #expect(Draft(answers: []).text.contains("\"answers\": []"))
    }

    @Test func corruptDraftsAreRefusedWithFileAndPlace() {
        let cases: [(String, QuestionnaireError)] = [
            ("", .draftInvalid(path: "d.draft", line: 1, column: 1, field: "", message: "die Datei ist leer")),
            (
                "{\"schema\": \"esp-visit-draft/1\", \"answers\": [",
                .draftMalformed(
                    path: "d.draft", line: 1, column: 45, message: "unexpected end of file, expected a value")
            ),
            (
                "{\"schema\": \"esp-visit-draft/1\"}",
                .draftInvalid(path: "d.draft", line: 1, column: 1, field: "answers", message: "Pflichtfeld fehlt")
            ),
            (
                "{\"schema\": \"esp-visit-draft/1\", \"answers\": {}}",
                .draftInvalid(
                    path: "d.draft", line: 1, column: 44, field: "answers", message: "Liste erwartet, gefunden: object")
            ),
            (
                "{\"schema\": \"esp-visit-draft/1\", \"answers\": [{\"question\": \"city\"}]}",
                .draftInvalid(
                    path: "d.draft", line: 1, column: 45, field: "answers[0].answer", message: "Pflichtfeld fehlt")
            ),
            (
                "{\"schema\": \"esp-visit-draft/1\", \"answers\": [{\"question\": \"city\", \"answer\": 3}]}",
                .draftInvalid(
                    path: "d.draft", line: 1, column: 76, field: "answers[0].answer",
                    message: "Text erwartet, gefunden: number")
            ),
            (
                "{\"schema\": \"esp-visit-draft/1\", \"answers\": [], \"extra\": 1}",
                .draftInvalid(
                    path: "d.draft", line: 1, column: 48, field: "extra",
                    message: "unbekannter Schlüssel; erlaubt: schema, answers")
            ),
        ]
        for (text, expected) in cases {
            let error = caught { () throws(QuestionnaireError) in try Draft.decode(Array(text.utf8), path: "d.draft") }
            #expect(error == expected, "\(text)")
        }
    }

    @Test func malformedJSONIsNamed() throws {
        let error = caught { () throws(QuestionnaireError) in
            try Draft.decode(Array("{\"schema\": \"esp-visit-draft/1\",\n  \"answers\": [}".utf8), path: "v.json.draft")
        }
        guard case .draftMalformed(let path, let line, _, _) = try #require(error) else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(path == "v.json.draft")
        #expect(line == 2)
        #expect(error?.description.hasPrefix("v.json.draft:2:") == true)
    }

    @Test func aDraftOfAnotherSchemaIsRefused() throws {
        let visit = "{\"schema\": \"esp-visit/1\", \"visitId\": \"A\"}"
        let error = caught { () throws(QuestionnaireError) in try Draft.decode(Array(visit.utf8), path: "a.json") }
        #expect(error == .draftForeignSchema(path: "a.json", found: "esp-visit/1"))
        #expect(error?.description.contains("fertige Besuchsdatei") == true)
        #expect(error?.description.contains("erwartet \"esp-visit-draft/2\"") == true)

        let future = "{\"schema\": \"esp-visit-draft/3\", \"answers\": []}"
        #expect(
            caught { () throws(QuestionnaireError) in try Draft.decode(Array(future.utf8), path: "f") }
                == .draftForeignSchema(path: "f", found: "esp-visit-draft/3"))
        for other in ["[1, 2]", "{\"answers\": []}", "\"text\""] {
            #expect(
                caught { () throws(QuestionnaireError) in try Draft.decode(Array(other.utf8), path: "o") }
                    == .draftForeignSchema(path: "o", found: nil), "\(other)")
        }
    }

    @Test func answersForOtherQuestionsDoNotReplay() {
        let swapped = [
            DraftAnswer(question: "city", answer: "nuernberg"), DraftAnswer(question: "date", answer: "2026-03-01"),
        ]
        let error = caught { () throws(QuestionnaireError) in
            try Questionnaire(setup: Fixture.setup, replaying: swapped, source: "x.draft")
        }
        guard case .draftDoesNotReplay(let path, let number, let question, let reason) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(path == "x.draft")
        #expect(number == 2)
        #expect(question == "date")
        #expect(reason.contains("„language“"))
    }

    @Test func invalidStoredAnswersDoNotReplay() {
        let answers = [
            DraftAnswer(question: "city", answer: "nuernberg"), DraftAnswer(question: "language", answer: "de"),
            DraftAnswer(question: "date", answer: "31.02.2026"),
        ]
        let error = caught { () throws(QuestionnaireError) in
            try Questionnaire(setup: Fixture.setup, replaying: answers, source: "x.draft")
        }
        guard case .draftDoesNotReplay(_, 3, "date", let reason) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(reason.contains("kein Datum"))
    }

    @Test func answersBeyondTheEndDoNotReplay() {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Fixture.minimalAnswers)
        let answers = q.answers + [DraftAnswer(question: "more", answer: "x")]
        let error = caught { () throws(QuestionnaireError) in
            try Questionnaire(setup: Fixture.setup, replaying: answers, source: "x.draft")
        }
        #expect(
            error
                == .draftDoesNotReplay(
                    path: "x.draft", answerNumber: answers.count, question: "more",
                    reason: "der Fragebogen ist schon vor dieser Antwort fertig"))
    }
}
