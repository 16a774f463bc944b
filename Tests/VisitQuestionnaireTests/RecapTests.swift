import AdviceData
import EnergyAdvice
import TestSupport
import Testing

@testable import VisitQuestionnaire

@Suite("Recap before saving, and changing an answer without answering the rest again")
struct RecapTests {
    /// Runs a session over the pensioner's answers and then `afterwards`; returns the end and the prompter.
    static func session(_ afterwards: [String], setup: QuestionnaireSetup = Fixture.setup) throws -> (
        SessionEnd, ScriptedPrompter, [Draft]
    ) {
        var prompter = ScriptedPrompter(Fixture.pensionerAnswers + afterwards)
        var session = QuestionnaireSession(Questionnaire(setup: setup))
        var drafts: [Draft] = []
        let end = try session.run(&prompter) { (draft: Draft) throws(QuestionnaireError) in drafts.append(draft) }
        return (end, prompter, drafts)
    }

    @Test func theRecapSummarisesTheHousehold() throws {
        #expect(
            VisitRecap.lines(Fixture.pensionerVisit) == [
                "Besuch NUE-2026-0142 am 17.02.2026, nuernberg, Blatt auf de",
                "Haushalt: 1 Person, Wohnung 48 m², Grundsicherung",
                "Strom: 2300 kWh/Jahr, Zählerstand 41234,5 kWh am 17.02.2026, Abschlag 68 €/Monat, Warmwasser: Durchlauferhitzer",
                "Heizung: Gas, 6050 kWh/Jahr, 22 °C gemessen",
                "Erfasst: 3 Lampengruppen (5 Lampen), 1 Kühlgerät, 1 Standby-Gerät, Duschen 5 × 6 min, 12 L/min, 1 Wasserhahn",
                "Soforthilfen: 1 LED-Lampe in 1 Gruppe, Sparduschkopf, 1 Strahlregler",
            ])
    }

    @Test func enterAtTheRecapSaves() throws {
        let (end, prompter, _) = try Self.session([""])
        #expect(end == .finished(Fixture.pensionerVisit))
        #expect(prompter.asked.last?.id == "recap")
        #expect(prompter.messages.contains(.section("Zusammenfassung")))
        #expect(prompter.messages.contains(.note("Haushalt: 1 Person, Wohnung 48 m², Grundsicherung")))
    }

    @Test func theEndOfInputAtTheRecapKeepsTheDraft() throws {
        let (end, _, drafts) = try Self.session([])
        #expect(end == .endOfInput)
        #expect(drafts.last?.answers.count == Fixture.pensioner.count)
    }

    @Test func aNumberReopensThatAnswerAndKeepsTheRest() throws {
        // Answer 5 is the household size; Enter keeps every later answer, the recap comes again.
        let (end, prompter, drafts) = try Self.session(["5", "2", ""])
        var expected = Fixture.pensionerVisit
        expected.household.persons = 2
        #expect(end == .finished(expected))
        #expect(prompter.asked.map(\.id).suffix(3) == ["recap", "household.persons", "recap"])
        let reopened = try #require(prompter.asked.dropLast().last)
        #expect(reopened.defaultAnswer == "1", "the old answer is the default")
        let carrying = try #require(drafts.first { !$0.carried.isEmpty })
        #expect(carrying.answers.count == 4)
        #expect(carrying.carried.first == DraftAnswer(question: "household.persons", answer: "1"))
    }

    @Test func anIdReopensThatAnswerAndNewQuestionsAreAsked() throws {
        // Another lamp row after the last one: the row after it is asked, and so is the hand-out of LED lamps: the
        // old answer picked from a list of three rows (issue 18: a changed list never inherits a hand-out answer).
        let (end, prompter, _) = try Self.session(["lighting[3]", "Bad: 1 × 40 W Halogen 1 h", "", "1", ""])
        guard case .finished(let visit) = end else {
            Issue.record("\(end)")
            return
        }
        #expect(visit.lighting.count == 4)
        #expect(visit.lighting.map(\.installedAtVisit) == [true, false, false, false])
        #expect(
            prompter.asked.map(\.id).suffix(5) == ["recap", "lighting[3]", "lighting[4]", "handouts.led", "recap"])
        #expect(prompter.asked.last { $0.id == "handouts.led" }?.defaultAnswer == "keine", "no inherited default")
        #expect(prompter.remaining.isEmpty)
    }

    @Test func backFromTheRecapReopensTheLastAnswer() throws {
        let (end, prompter, _) = try Self.session(["<", "Schlüssel beim Nachbarn", ""])
        guard case .finished(let visit) = end else {
            Issue.record("\(end)")
            return
        }
        #expect(visit.notes == "Schlüssel beim Nachbarn")
        #expect(prompter.asked.map(\.id).suffix(3) == ["recap", "notes", "recap"])
    }

    @Test func aQuestionMarkListsTheAnswersAndAnythingElseIsAskedAgain() throws {
        let (end, prompter, _) = try Self.session(["?", "x", "99", ""])
        #expect(end == .finished(Fixture.pensionerVisit))
        #expect(prompter.messages.contains(.note("7 Wohnfläche: 48")))
        #expect(prompter.messages.contains(.note("8 Warmwasser kommt: Durchlauferhitzer (Strom)")))
        let problems = prompter.messages.compactMap { if case .problem(let text) = $0 { text } else { nil } }
        #expect(
            problems == [
                "„x“: bitte „j“ zum Speichern, die Nummer einer Antwort (Liste mit „?“) oder „<“ eingeben.",
                "„99“: bitte „j“ zum Speichern, die Nummer einer Antwort (Liste mit „?“) oder „<“ eingeben.",
            ])
    }

    @Test func aCarriedAnswerThatNoLongerFitsIsAsked() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Fixture.pensionerAnswers)
        let reopened = q.reopen("electricity.meterReading.kWh")
        #expect(reopened)
        // Without a reading the bill's figure is required; the carried 2300 still fits, so it is taken.
        #expect(q.answer("-") == .accepted(warning: nil))
        #expect(q.isComplete)
        #expect(try q.visit().electricity.meterReading == nil)
        // A lamp row that ends the list early drops the rows after it.
        let again = q.reopen("lighting[1]")
        #expect(again)
        #expect(q.answer("fertig") == .accepted(warning: nil))
        #expect(q.currentQuestion?.id == "handouts.led", "asked again: its answer named rows that are gone")
        #expect(q.answer("j") == .accepted(warning: nil))
        #expect(q.isComplete)
        #expect(try q.visit().lighting.count == 1)
    }

    @Test func aDraftWithCarriedAnswersResumesTheSame() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Fixture.pensionerAnswers)
        q.reopen("household.livingAreaM2")
        let draft = try Draft.decode(Array(q.draft.text.utf8), path: "d")
        #expect(draft.carried.count == Fixture.pensioner.count - 6)
        var resumed = try Questionnaire(setup: Fixture.setup, replaying: draft.answers, carried: draft.carried)
        #expect(resumed.currentQuestion?.defaultAnswer == "48")
        #expect(resumed.answer("52") == .accepted(warning: nil))
        #expect(resumed.isComplete)
        #expect(try resumed.visit().household.livingAreaM2 == 52)
    }

    @Test func aDraftOfTheFirstQuestionnaireKeepsWhatStillFits() throws {
        let old = """
            {"schema": "esp-visit-draft/1", "answers": [
              {"question": "city", "answer": "nuernberg"}, {"question": "language", "answer": "ru"},
              {"question": "date", "answer": "2026-03-01"}, {"question": "visitId", "answer": "NUE-1"},
              {"question": "household.persons", "answer": "2"}, {"question": "household.dwelling", "answer": "flat"},
              {"question": "household.livingAreaM2", "answer": "55"}, {"question": "electricity.hotWater", "answer": "none"},
              {"question": "electricity.source", "answer": "bill"}, {"question": "electricity.annualKWh", "answer": "2100"}
            ]}
            """
        let draft = try Draft.decode(Array(old.utf8), path: "old.draft")
        #expect(draft.isFromFirstQuestionnaire)
        var q = try Questionnaire(setup: Fixture.setup, replaying: draft.answers, carried: draft.carried)
        q.takeCarriedAnswers()
        #expect(q.answers.map(\.question) == Fixture.pensioner.prefix(7).map(\.question))
        #expect(q.currentQuestion?.id == "electricity.hotWater", "\"none\" is no answer of the new question")
    }
}
