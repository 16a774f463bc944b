import AdviceData
import EnergyAdvice
import TestSupport
import Testing

@testable import VisitQuestionnaire

@Suite("Questionnaire: a whole visit, answer by answer")
struct QuestionnaireTests {
    @Test func scriptedSessionMakesExactlyTheExpectedVisit() throws {
        var q = Questionnaire(setup: Fixture.setup)
        for (index, step) in Fixture.pensioner.enumerated() {
            let question = try #require(
                q.currentQuestion, "finished early, before answer \(index + 1) (\(step.question))")
            #expect(question.id == step.question, "answer \(index + 1)")
            let outcome = q.answer(step.answer)
            guard case .accepted = outcome else {
                Issue.record("answer \(index + 1) \(step.question) = \"\(step.answer)\": \(outcome)")
                return
            }
        }
        #expect(q.currentQuestion == nil)
        #expect(q.isComplete)
        #expect(try q.visit() == Fixture.pensionerVisit)
    }

    @Test func minimalVisitIsExactlyThisFile() throws {
        var q = Questionnaire(setup: Fixture.setup)
        let outcomes = Fixture.answer(&q, Fixture.minimalAnswers)
        #expect(outcomes.allSatisfy { if case .accepted = $0 { true } else { false } }, "\(outcomes)")
        #expect(
            try q.visitText() == """
                {
                  "schema": "esp-visit/1",
                  "visitId": "HB-7",
                  "date": "2026-03-01",
                  "city": "bremen",
                  "language": "ru",
                  "household": {
                    "persons": 3,
                    "dwelling": "house",
                    "livingAreaM2": 90,
                    "benefit": "wohngeld",
                    "waterCostsPaidBy": "household"
                  },
                  "electricity": {
                    "annualKWh": 3100,
                    "hotWater": "none",
                    "switchPossible": true
                  },
                  "notes": "Fragebogen-Test"
                }

                """)
    }

    @Test func theFinishedVisitIsAValidFile() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Fixture.pensionerAnswers)
        let text = try q.visitText()
        let decoded = try VisitDecoder.decode(Array(text.utf8), path: "pensioner.json")
        #expect(decoded == Fixture.pensionerVisit)
    }

    @Test func theVisitIsRefusedUntilEveryQuestionIsAnswered() {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(5)))
        #expect(
            caught { () throws(QuestionnaireError) in try q.visit() }
                == .incomplete(nextQuestion: "household.dwelling"))
    }

    @Test func invalidAnswersAreReaskedWithTheAllowedRange() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(4)))
        #expect(q.currentQuestion?.id == "household.persons")
        for bad in ["0", "13", "zwei", "2,5", "-1", "1e3"] {
            guard case .rejected(let message) = q.answer(bad) else {
                Issue.record("\(bad) was accepted")
                continue
            }
            #expect(message.contains("von 1 bis 12 Personen"), "\(bad): \(message)")
            #expect(q.currentQuestion?.id == "household.persons", "\(bad) moved on")
        }
        #expect(q.answers.count == 4, "a rejected answer is never stored")
        #expect(q.answer("3") == .accepted(warning: nil))
        #expect(q.currentQuestion?.id == "household.dwelling")
    }

    @Test func rangesInMessagesComeFromVisitRules() {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(6)))
        #expect(q.currentQuestion?.kind == .number(VisitRules.livingAreaM2))
        #expect(q.answer("5") == .rejected("5 liegt außerhalb des erlaubten Bereichs. Erlaubt: von 10 bis 400 m²."))
        Fixture.answer(&q, ["48", "", "-"])
        #expect(q.currentQuestion?.kind == .number(VisitRules.electricityKWh))
        #expect(
            q.answer("0")
                == .rejected("0 liegt außerhalb des erlaubten Bereichs. Erlaubt: mehr als 0 bis 50000 kWh/Jahr."))
    }

    @Test func backReasksThePreviousQuestionAndTheNewAnswerWins() throws {
        var q = Questionnaire(setup: Fixture.setup)
        var answers = Fixture.pensionerAnswers
        Fixture.answer(&q, Array(answers.prefix(5)))
        #expect(q.currentQuestion?.id == "household.dwelling")
        #expect(q.answer("<") == .back)
        #expect(q.currentQuestion?.id == "household.persons")
        #expect(q.answers.count == 4)
        #expect(q.answer("2") == .accepted(warning: nil))
        answers.removeFirst(5)
        Fixture.answer(&q, answers)
        let visit = try q.visit()
        #expect(visit.household.persons == 2)
        var expected = Fixture.pensionerVisit
        expected.household.persons = 2
        #expect(visit == expected)
    }

    @Test func backWorksInLoopsAndWithTheGermanWord() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(15)))
        #expect(q.currentQuestion?.id == "lighting[2]")
        #expect(q.answer("zurück") == .back)
        #expect(q.currentQuestion?.id == "lighting[1]")
        #expect(q.answer("Zurück") == .back)
        #expect(q.currentQuestion?.id == "lighting[0]")
        // Now there is only one lamp row.
        Fixture.answer(&q, ["Küche: 1 LED 2 h", "fertig"])
        #expect(q.currentQuestion?.id == "cooling[0]")
    }

    @Test func backAtTheFirstQuestionIsRefused() {
        var q = Questionnaire(setup: Fixture.setup)
        guard case .rejected = q.answer("<") else {
            Issue.record("went back from the first question")
            return
        }
        #expect(q.currentQuestion?.id == "city")
    }

    @Test func backAfterTheLastAnswerReopensIt() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Fixture.minimalAnswers)
        #expect(q.isComplete)
        #expect(q.answer("<") == .back)
        #expect(q.currentQuestion?.id == "notes")
        #expect(q.answer("-") == .accepted(warning: nil))
        #expect(try q.visit().notes == nil)
    }

    @Test func emptyAnswersTakeTheDefaultAndStoreItResolved() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, ["nuernberg", "", "", ""])
        try #require(q.answers.count == 4)
        #expect(q.answers[1] == DraftAnswer(question: "language", answer: VisitRules.languageDefault))
        #expect(q.answers[2] == DraftAnswer(question: "date", answer: "2026-03-14"))
        #expect(q.answers[3] == DraftAnswer(question: "visitId", answer: "NUE-2026-03-14-01"))
    }

    @Test func questionsWithoutDefaultNeedAnAnswer() {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(9)))
        let question = q.currentQuestion
        #expect(question?.id == "electricity.annualKWh")
        #expect(question?.defaultAnswer == nil)
        #expect(q.answer("") == .rejected("Bitte eine Antwort eingeben; für diese Frage gibt es keine Vorgabe."))
    }

    @Test func choicesByNumberValueOrLabel() {
        for answer in ["2", "house", "Haus", "HAUS"] {
            var q = Questionnaire(setup: Fixture.setup)
            Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(5)))
            #expect(q.answer(answer) == .accepted(warning: nil), "\(answer)")
            #expect(q.answers.last == DraftAnswer(question: "household.dwelling", answer: "house"), "\(answer)")
        }
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(5)))
        #expect(q.answer("3") == .rejected("„3“ ist keine der Möglichkeiten. Bitte wählen: 1 Wohnung, 2 Haus."))
    }

    @Test func choicesListEveryValueOfTheVocabulary() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(7)))
        guard case .choice(let choices) = try #require(q.currentQuestion).kind else {
            Issue.record("hot water is not a choice")
            return
        }
        #expect(choices.map(\.value) == HotWaterSource.allCases.map(\.rawValue))
    }

    @Test func germanNumbers() {
        let range = AllowedRange(0, 100_000)
        let question = Question.number("x", "s", "Zahl", unit: "kWh/Jahr", range: range, default: nil)
        func value(_ text: String) -> Double? {
            if case .value(let parsed) = question.parse(text), case .number(let x) = parsed.value { return x }
            return nil
        }
        #expect(value("48,5") == 48.5)
        #expect(value("48.5") == 48.5)
        #expect(value("2300") == 2300)
        #expect(value("2.300,5") == 2300.5)
        #expect(value("12.345.678") == nil, "beyond the range")
        #expect(value("0.125") == 0.125)
        #expect(value("2300 kWh") == 2300)
        #expect(value("2300 kwh/jahr") == 2300)
        #expect(value("2300 L") == nil)
        #expect(value("1e3") == nil)
        #expect(value("0x10") == nil)
        #expect(value("nan") == nil)
        guard case .rejected(let message) = question.parse("2.300") else {
            Issue.record("2.300 was taken as a number")
            return
        }
        #expect(message.contains("2300") && message.contains("2,300"), "\(message)")
    }

    @Test func textAnswersFollowTheFormatRules() {
        var q = Questionnaire(setup: Fixture.setup)
        guard case .rejected(let city) = q.answer("hamburg") else {
            Issue.record("a city without tariff file was accepted")
            return
        }
        #expect(city.contains("bremen, leipzig, nuernberg"))
        Fixture.answer(&q, ["nuernberg"])
        guard case .rejected(let language) = q.answer("fr") else {
            Issue.record("a language without Locales file was accepted")
            return
        }
        #expect(language.contains("de, ru, tr"))
        Fixture.answer(&q, ["tr", ""])
        guard case .rejected(let id) = q.answer("NUE 2026/1") else {
            Issue.record("a visit id with a space was accepted")
            return
        }
        #expect(id.contains("1 bis 64 Zeichen"))
    }

    @Test func textLengthsAreCheckedByTheVisitDecoder() {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(13)))
        #expect(q.currentQuestion?.id == "lighting[0]")
        guard case .rejected(let message) = q.answer(String(repeating: "x", count: 101) + ": 1 LED") else {
            Issue.record("a room name of 101 characters was accepted")
            return
        }
        #expect(message == "Zu lang: höchstens 100 Zeichen.")
        guard case .accepted = q.answer(String(repeating: "x", count: 100) + ": 1 LED") else {
            Issue.record("a room name of 100 characters was refused")
            return
        }
    }

    @Test func anyCityAndLanguageWithoutDataFolder() throws {
        var q = Questionnaire(setup: QuestionnaireSetup(today: Fixture.today))
        #expect(q.answer("muenchen") == .accepted(warning: nil))
        #expect(q.answer("pt-BR") == .accepted(warning: nil))
        var bad = Questionnaire(setup: QuestionnaireSetup(today: Fixture.today))
        guard case .rejected = bad.answer("München") else {
            Issue.record("a city id with capitals and umlauts was accepted")
            return
        }
    }

    @Test func meterReadingsBecomeAYearlyFigure() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, ["nuernberg", "", "14.03.2026", "M-1", "2", "", "", "", "12345,4"])
        #expect(q.currentQuestion?.id == "electricity.annualKWh")
        #expect(q.currentQuestion?.defaultAnswer == nil, "an accidental Enter does not skip the bill")
        #expect(q.answer("-") == .accepted(warning: nil))
        #expect(q.currentQuestion?.id == "electricity.previousReading.date")
        #expect(q.currentQuestion?.defaultAnswer == "2025-03-14")
        #expect(q.answer("") == .accepted(warning: nil))
        #expect(q.currentQuestion?.id == "electricity.previousReading.kWh")
        #expect(
            q.answer("13000")
                == .rejected("13000 liegt außerhalb des erlaubten Bereichs. Erlaubt: von 0 bis 12345,4 kWh."))
        #expect(q.answer("10000") == .accepted(warning: nil, note: "≈ 2345 kWh/Jahr (hochgerechnet aus 365 Tagen)"))
        // installment, price, switch, lamps, fridges, standby, showers, two taps, heating, benefit, water, arrears,
        // advisor, notes
        Fixture.answer(&q, ["-", "-", "", "fertig", "kein", "", "-", "", "", "keine", "", "", "", "-", "-"])
        #expect(try q.visit().electricity.annualKWh == 2345)
        // The reading at the visit is the one follow-ups count from.
        #expect(try q.visit().electricity.meterReading == MeterReading(date: Fixture.date("2026-03-14"), kWh: 12345.4))
    }

    @Test func boundsWorkedOutFromReadingsAreShownRounded() {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, ["nuernberg", "", "14.03.2026", "M-1", "2", "", "", "", "99999", "-", "2025-08-26"])
        #expect(q.currentQuestion?.id == "electricity.previousReading.kWh")
        // 200 days at most 50000 kWh a year: 27397,26… kWh below today's reading, rounded to whole kWh.
        #expect(q.currentQuestion?.kind == .number(AllowedRange(72602, 99999)))
        #expect(
            q.answer("1") == .rejected("1 liegt außerhalb des erlaubten Bereichs. Erlaubt: von 72602 bis 99999 kWh."))
    }

    @Test func meterDatesMustBeInOrder() {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, ["nuernberg", "", "14.03.2026", "M-1", "2", "", "", "", "5000", "-"])
        #expect(q.currentQuestion?.id == "electricity.previousReading.date")
        #expect(q.answer("2026-04-01") == .rejected("Die frühere Ablesung muss vor dem Besuch (14.03.2026) liegen."))
        guard case .accepted(let warning, _) = q.answer("2026-02-28") else {
            Issue.record("an earlier date was refused")
            return
        }
        #expect(warning?.contains("14 Tage") == true)
    }

    @Test func optionalValuesAreLeftOutWithADash() throws {
        var q = Questionnaire(setup: Fixture.setup)
        var answers = Fixture.pensionerAnswers
        let index = try #require(Fixture.pensioner.firstIndex { $0.question == "cooling[0].ageYears" })
        answers[index] = "-"
        let measured = try #require(Fixture.pensioner.firstIndex { $0.question == "cooling[0].measuredKWhPerDay" })
        answers[measured] = "unbekannt"
        // Not measured: the label value is asked instead.
        answers.insert("310", at: measured + 1)
        Fixture.answer(&q, answers)
        let visit = try q.visit()
        #expect(visit.appliances.first == .cooling(CoolingAppliance(kind: .fridge, annualKWh: 310)))
        #expect(q.answers.contains(DraftAnswer(question: "cooling[0].ageYears", answer: "-")))
        #expect(q.answers.contains(DraftAnswer(question: "cooling[0].annualKWh", answer: "310")))
    }

    @Test func requiredValuesRefuseTheDash() {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(4)))
        guard case .rejected = q.answer("-") else {
            Issue.record("persons accepted '-'")
            return
        }
    }

    @Test func ownTariffIsAskedOnlyWhenWanted() throws {
        var q = Questionnaire(setup: Fixture.setup)
        var answers = Fixture.minimalAnswers
        let price = 11
        answers[price] = "38,5"
        answers.insert("150", at: price + 1)
        Fixture.answer(&q, answers)
        #expect(try q.visit().electricity.tariff == PriceOverride(energyPriceCtPerKWh: 38.5, basePriceEURPerYear: 150))
        try #require(q.answeredQuestions.count > price + 2)
        #expect(
            q.answeredQuestions.map(\.id)[price...price + 2] == [
                "electricity.tariff.energyPriceCtPerKWh", "electricity.tariff.basePriceEURPerYear",
                "electricity.switchPossible",
            ])
    }

    @Test func heatingPayerDefaultsFollowTheBenefit() throws {
        var q = Questionnaire(setup: Fixture.setup)
        var answers = Fixture.pensionerAnswers
        let benefit = try #require(Fixture.pensioner.firstIndex { $0.question == "household.benefit" })
        answers[benefit] = "Bürgergeld"
        Fixture.answer(&q, answers)
        #expect(try q.visit().household.heatingCostsPaidBy == VisitRules.defaultHousingCostPayer(for: .buergergeld))
        #expect(try q.visit().household.heatingCostsPaidBy == .jobcenter)
    }

    @Test func everyAnsweredQuestionIsListed() {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Fixture.pensionerAnswers)
        #expect(q.answeredQuestions.map(\.id) == Fixture.pensioner.map(\.question))
        #expect(q.answers.map(\.question) == Fixture.pensioner.map(\.question))
    }

    @Test func loopsEndAtTheRowLimit() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(13)))
        while let id = q.currentQuestion?.id, id.hasPrefix("lighting") {
            guard q.answer("1 Glühlampe") == .accepted(warning: nil, note: "= 1 × 60 W Glühlampe, 3 h/Tag") else {
                Issue.record("\(id) refused a row")
                return
            }
        }
        #expect(q.currentQuestion?.id == "cooling[0]")
        Fixture.answer(&q, ["kein", "", "-", "", "", "n", "keine", "", "", "", "", ""])
        #expect(q.isComplete)
        let visit = try q.visit()
        #expect(visit.lighting.count == QuestionnaireDefaults.maxRows)
        #expect(
            visit.lighting.last
                == LightingRow(
                    lamps: 1, watts: 60, technology: .incandescent, hoursPerDay: 3,
                    installedAtVisit: false))
    }

    @Test func answeringAfterTheEndIsRefused() {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Fixture.minimalAnswers)
        guard case .rejected = q.answer("x") else {
            Issue.record("accepted an answer after the last question")
            return
        }
        #expect(q.answers.count == Fixture.minimalAnswers.count)
    }

    @Test func withASingleCityItIsTheDefault() {
        var q = Questionnaire(setup: QuestionnaireSetup(today: Fixture.today, cities: ["leipzig"]))
        #expect(q.currentQuestion?.defaultAnswer == "leipzig")
        #expect(q.answer("") == .accepted(warning: nil))
        #expect(q.answers == [DraftAnswer(question: "city", answer: "leipzig")])
    }

    @Test func everyQuestionShowsItsUnitAndADefaultUnlessItIsAReading() {
        var q = Questionnaire(setup: Fixture.setup)
        var seen = 0
        for answer in Fixture.pensionerAnswers {
            guard let question = q.currentQuestion else { break }
            seen += 1
            switch question.kind {
            case .number, .integer, .flow, .energyPerDay:
                #expect(question.unit != nil, "\(question.id) has no unit")
            default:
                break
            }
            // Readings from the bill and measured tap flows have no default on purpose; the city has one only when a
            // single city is known.
            let readings = ["electricity.annualKWh", "city", "lighting[0]"]
            if !readings.contains(question.id) {
                #expect(question.defaultAnswer != nil, "\(question.id) has no default")
            }
            q.answer(answer)
        }
        #expect(seen == Fixture.pensioner.count)
    }
}
