import AdviceData
import EnergyAdvice
import TestSupport
import Testing

@testable import VisitQuestionnaire

/// The questionnaire as screens for a browser: the same questions, parsing, messages and warnings, a screen at a time.
@Suite("Visit form")
struct VisitFormTests {
    /// Answers every screen with the pensioner's answers (by question id), "" for a field the script does not name.
    static func fillAll(_ form: inout VisitForm, _ answers: [String: String]) -> Int {
        var screens = 0
        while let step = form.currentStep, screens < 40 {
            var values: [String: String] = [:]
            var defaults: [String: String] = [:]
            for field in form.fields(step: step) {
                values[field.question.id] = answers[field.question.id] ?? (field.shownDefault ?? "")
                if let shown = field.shownDefault { defaults[field.question.id] = shown }
            }
            let result = form.submit(step: step, values: values, shownDefaults: defaults)
            #expect(result.problems.isEmpty, "step \(step): \(result.problems)")
            screens += 1
        }
        return screens
    }

    @Test func everySectionIsOnOneScreenInTheQuestionnairesOrder() throws {
        var form = VisitForm(setup: Fixture.setup)
        let answers = Dictionary(Fixture.pensioner.map { ($0.question, $0.answer) }, uniquingKeysWith: { a, _ in a })
        _ = Self.fillAll(&form, answers)
        #expect(form.isComplete)
        let steps = form.questionnaire.answeredQuestions.map { VisitForm.stepIndex(ofSection: $0.section) }
        #expect(steps == steps.sorted())
        let sections = Set(form.questionnaire.answeredQuestions.map(\.section))
        for section in sections {
            #expect(VisitForm.steps.filter { $0.sections.contains(section) }.count == 1, "\(section)")
        }
    }

    @Test func theFormMakesTheSameVisitAsTheTerminal() throws {
        var prompter = ScriptedPrompter(Fixture.pensioner.map(\.answer) + [""])
        var session = QuestionnaireSession(Questionnaire(setup: Fixture.setup))
        guard
            case .finished(let terminal) = try session.run(
                &prompter, save: { (_: Draft) throws(QuestionnaireError) in })
        else {
            Issue.record("the terminal session did not finish")
            return
        }
        var form = VisitForm(setup: Fixture.setup)
        let answers = Dictionary(Fixture.pensioner.map { ($0.question, $0.answer) }, uniquingKeysWith: { a, _ in a })
        let screens = Self.fillAll(&form, answers)
        #expect(try form.visit() == terminal)
        // Eight screens, each submitted once, and the last one twice: the benefit given on it (Grundsicherung) changes
        // the default of who pays water (Sozialamt), which is shown again to be checked. No other screen needed a
        // second round: the lookahead showed every question.
        #expect(screens == 9)
    }

    @Test func aRefusedAnswerStopsTheScreenAndKeepsWhatWasTyped() throws {
        var form = VisitForm(setup: Fixture.setup)
        var values = Dictionary(uniqueKeysWithValues: form.fields(step: 0).map { ($0.question.id, $0.value) })
        values["city"] = "nuernberg"
        values["household.persons"] = "30"
        values["household.livingAreaM2"] = "abc"
        let result = form.submit(step: 0, values: values)
        #expect(!result.isFinished)
        #expect(
            result.problems["household.persons"]
                == "30 liegt außerhalb des erlaubten Bereichs. Erlaubt: von 1 bis 12 Personen.")
        // Checked on its own although the screen stopped before it.
        #expect(result.problems["household.livingAreaM2"] == "„abc“ ist keine Zahl in m². Erlaubt: von 10 bis 400 m².")
        let shown = form.fields(step: 0, posted: values)
        #expect(shown.first { $0.question.id == "household.persons" }?.value == "30")
        #expect(shown.first { $0.question.id == "household.livingAreaM2" }?.value == "abc")
        // The answers before the refused one are in the draft.
        #expect(form.draft.answers.map(\.question) == ["city", "language", "date", "visitId"])
    }

    @Test func aValueOnTheWrongScaleIsAskedBackAsANewQuestion() throws {
        var form = VisitForm(setup: Fixture.setup)
        _ = form.submit(
            step: 0,
            values: [
                "city": "nuernberg", "language": "de", "date": "", "visitId": "", "household.persons": "2",
                "household.dwelling": "flat", "household.livingAreaM2": "60",
            ])
        #expect(form.currentStep == 1)
        var values = Dictionary(uniqueKeysWithValues: form.fields(step: 1).map { ($0.question.id, $0.value) })
        values["electricity.annualKWh"] = "2500"
        values["electricity.monthlyInstallmentEUR"] = "1020"
        let result = form.submit(step: 1, values: values)
        #expect(!result.isFinished)
        let asked = form.fields(step: 1, posted: values).map(\.question)
        let back = try #require(asked.first { $0.id == "electricity.monthlyInstallmentEUR.yearly" })
        #expect(back.prompt == "1020 € im Monat ist sehr viel. Ist das ein Jahresbetrag, also 85 € im Monat?")
        #expect(result.notices[back.id] != nil)
    }

    @Test func aDefaultThatAnEarlierAnswerChangedIsShownAgain() throws {
        var form = VisitForm(setup: Fixture.setup)
        let answers = Dictionary(Fixture.pensioner.map { ($0.question, $0.answer) }, uniquingKeysWith: { a, _ in a })
        while let step = form.currentStep, step < VisitForm.steps.count - 1 {
            var values: [String: String] = [:]
            for field in form.fields(step: step) {
                values[field.question.id] = answers[field.question.id] ?? field.value
            }
            _ = form.submit(step: step, values: values)
        }
        let fields = form.fields(step: VisitForm.steps.count - 1)
        var values = Dictionary(uniqueKeysWithValues: fields.map { ($0.question.id, $0.value) })
        let defaults = Dictionary(
            uniqueKeysWithValues: fields.compactMap { f in f.shownDefault.map { (f.question.id, $0) } })
        #expect(defaults["household.waterCostsPaidBy"] == "household")
        values["household.benefit"] = "buergergeld"
        let result = form.submit(step: VisitForm.steps.count - 1, values: values, shownDefaults: defaults)
        #expect(!result.isFinished)
        let payer = try #require(
            form.fields(step: VisitForm.steps.count - 1, posted: values).first {
                $0.question.id == "household.heatingCostsPaidBy"
            })
        #expect(payer.question.defaultAnswer == "jobcenter")
        #expect(
            result.notices["household.heatingCostsPaidBy"]
                == "Die Vorgabe passt jetzt zu Ihren Angaben: Jobcenter. Bitte prüfen.")
    }

    @Test func blankLampRowsAreOfferedAndAGapDoesNotEndTheList() {
        var form = VisitForm(setup: Fixture.setup)
        let answers = Dictionary(Fixture.pensioner.map { ($0.question, $0.answer) }, uniquingKeysWith: { a, _ in a })
        while let step = form.currentStep, step < 2 {
            var values: [String: String] = [:]
            for field in form.fields(step: step) {
                values[field.question.id] = answers[field.question.id] ?? field.value
            }
            _ = form.submit(step: step, values: values)
        }
        let rows = form.fields(step: 2).map(\.question.id)
        #expect(rows == ["lighting[0]", "lighting[1]", "lighting[2]", "lighting[3]", "lighting[4]"])
        // Row 3 filled while row 2 was left blank: the blank row does not end the list before it.
        var values = Dictionary(uniqueKeysWithValues: rows.map { ($0, "") })
        values["lighting[0]"] = "Küche: 2 × 60 W 3 h"
        values["lighting[2]"] = "Bad: 1 × 7 W LED 2 h"
        let result = form.submit(step: 2, values: values)
        #expect(result.isFinished)
        #expect(
            form.draft.answers.suffix(3).map(\.answer) == ["Küche: 2 × 60 W 3 h", "Bad: 1 × 7 W LED 2 h", "fertig"])
        // Five rows filled: the list goes on, so five more blank ones are offered.
        var again = VisitForm(setup: Fixture.setup)
        while let step = again.currentStep, step < 2 {
            var values: [String: String] = [:]
            for field in again.fields(step: step) {
                values[field.question.id] = answers[field.question.id] ?? field.value
            }
            _ = again.submit(step: step, values: values)
        }
        let full = Dictionary(uniqueKeysWithValues: (0..<5).map { ("lighting[\($0)]", "Raum \($0): 1 × 60 W") })
        let more = again.submit(step: 2, values: full)
        #expect(!more.isFinished)
        #expect(more.notices["lighting[5]"] != nil)
        #expect(again.fields(step: 2).count == 10)
    }

    @Test func rowPartsMakeTheQuestionnairesRowText() {
        #expect(
            RowParts.lampText(["room": "Küche", "lamps": "3", "watts": "60 W", "technology": "halogen", "hours": "4,5"])
                == "Küche: 3 × 60 W Halogen 4,5 h")
        #expect(RowParts.lampText(["technology": "led"]) == "")
        #expect(RowParts.lamp("Küche: 3 x 60W Glühlampe 4 h")["watts"] == "60")
        #expect(RowParts.standbyText(["label": "Fernseher", "watts": "12"]) == "Fernseher: 12 W")
        #expect(RowParts.showersText(["perWeek": "15", "minutes": "6"]) == "15 × 6 min")
        #expect(RowParts.showers("-").isEmpty)
    }

    @Test func aWebDraftResumesAtTheScreenWhereItStopped() throws {
        var form = VisitForm(setup: Fixture.setup)
        let answers = Dictionary(Fixture.pensioner.map { ($0.question, $0.answer) }, uniquingKeysWith: { a, _ in a })
        for _ in 0..<2 {
            guard let step = form.currentStep else { break }
            var values: [String: String] = [:]
            for field in form.fields(step: step) {
                values[field.question.id] = answers[field.question.id] ?? field.value
            }
            _ = form.submit(step: step, values: values)
        }
        let text = form.draft.text
        let again = try VisitForm(setup: Fixture.setup, draft: Draft.decode(Array(text.utf8), path: "d"), source: "d")
        #expect(again.currentStep == 2)
        #expect(again.progress.prefix(3) == [.done, .done, .current])
    }
}
