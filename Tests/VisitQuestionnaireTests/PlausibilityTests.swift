import AdviceData
import EnergyAdvice
import TestSupport
import Testing

@testable import VisitQuestionnaire

@Suite("Plausibility warnings and terminal text")
struct PlausibilityTests {
    /// The answers up to (not including) the question with this id.
    static func questionnaire(before id: String, setup: QuestionnaireSetup = Fixture.setup) throws -> Questionnaire {
        var q = Questionnaire(setup: setup)
        let index = try #require(Fixture.pensioner.firstIndex { $0.question == id })
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(index)))
        #expect(q.currentQuestion?.id == id)
        return q
    }

    static func warning(_ outcome: AnswerOutcome) -> String? {
        if case .accepted(let warning, _) = outcome { return warning }
        return nil
    }

    /// Issue 18: every standby device is asked for its kind, the label's guess as default; a label that names a device
    /// that must stay on warns when another kind is chosen, and the visit records the kind chosen.
    @Test func standbyDevicesAreAskedForTheirKind() throws {
        var q = try Self.questionnaire(before: "standby[0]")
        #expect(
            q.answer("WLAN-Router + Telefon: 9 W")
                == .accepted(warning: nil, note: "= WLAN-Router + Telefon: 9 W, 20 h/Tag"))
        let question = try #require(q.currentQuestion)
        #expect(question.id == "standby[0].kind")
        #expect(question.defaultAnswer == "router")
        guard case .choice(let choices) = question.kind else {
            Issue.record("expected a choice")
            return
        }
        #expect(choices.map(\.value) == StandbyKind.allCases.map(\.rawValue))
        #expect(
            Self.warning(q.answer("tv"))
                == "„WLAN-Router + Telefon“ klingt nach \(StandbyKind.router.germanLabel): Das bleibt an und kommt an keine Steckdosenleiste."
        )
        var guessed = try Self.questionnaire(before: "standby[0]")
        _ = guessed.answer("Radio-Wecker: 2 W")
        #expect(guessed.currentQuestion?.defaultAnswer == "alarm-clock")
        guard case .accepted(nil, _) = guessed.answer("") else {
            Issue.record("the guess was not taken without a warning")
            return
        }
    }

    @Test func implausibleValuesAreAcceptedWithAWarning() throws {
        let cases: [(String, String, String)] = [
            ("household.livingAreaM2", "400", "m² pro Person"),
            ("electricity.annualKWh", "40000", "Ungewöhnlich hoch"),
            ("electricity.annualKWh", "120", "Ungewöhnlich niedrig"),
            ("lighting[0]", "Küche: 1 × 300 W Halogen", "nicht die Summe"),
            ("lighting[0]", "Flur: 40 W LED 3 h", "wirklich eine LED"),
            ("lighting[0]", "Flur: 1 Glühlampe 20 h", "16 Stunden"),
            ("cooling[0].measuredKWhPerDay", "5", "Messdauer"),
            ("standby[0]", "Heizlüfter: 80 W", "im Betrieb"),
            ("showers", "30 × 6 min", "pro Woche"),
            ("showers", "5 × 45 min", "Minuten"),
            ("showers.flowLitresPerMinute", "1 l in 2,5 s", "Messung wiederholen"),
            ("taps.kitchen", "18", "Messung wiederholen"),
            ("heating.annualKWh", "40000", "pro m²"),
            ("heating.roomTemperatureC", "30", "Heizkörper"),
        ]
        for (id, answer, expected) in cases {
            var q = try Self.questionnaire(before: id)
            let outcome = q.answer(answer)
            let warning = Self.warning(outcome)
            #expect(warning?.contains(expected) == true, "\(id) = \(answer): \(outcome)")
            #expect(q.answers.last?.question == id, "\(id): a warning still stores the answer")
        }
    }

    @Test func ordinaryValuesGiveNoWarning() throws {
        var q = Questionnaire(setup: Fixture.setup)
        let outcomes = Fixture.answer(&q, Fixture.pensionerAnswers)
        #expect(outcomes.allSatisfy { if case .accepted(nil, _) = $0 { true } else { false } }, "\(outcomes)")
    }

    @Test func theReferenceDataDecidesElectricityAndHeatingWhenLoaded() throws {
        let reference = try TariffLibrary(directory: Checkout.tariffs).reference()
        var setup = Fixture.setup
        setup.reference = reference
        // One person, flat, instantaneous heater: the Stromspiegel F bound is 2,700 kWh; the warning starts at twice that.
        let table = try #require(
            Plausibility.benchmarkTable(reference, persons: 1, dwelling: .flat, hotWater: .electricInstantaneous))
        let limit = try #require(table.classUpperKWh.last) * reference.plausibility.electricityAboveFBoundFactor
        var below = try Self.questionnaire(before: "electricity.annualKWh", setup: setup)
        #expect(Self.warning(below.answer(GermanNumber.text(limit))) == nil)
        var above = try Self.questionnaire(before: "electricity.annualKWh", setup: setup)
        let warning = try #require(Self.warning(above.answer(GermanNumber.text(limit + 1))))
        #expect(warning.contains("mehr als \(GermanNumber.text(limit)) kWh/Jahr"))
        #expect(warning.contains("Stromspiegel"))

        let average = try #require(reference.heatingAverageKWhPerM2[.gas]?.value)
        let high = average * reference.plausibility.heatingAboveAverageFactor * 48
        var heating = try Self.questionnaire(before: "heating.annualKWh", setup: setup)
        #expect(Self.warning(heating.answer(GermanNumber.text(high + 100)))?.contains("pro m²") == true)
    }

    @Test func largeHouseholdsUseTheLargestTable() throws {
        let reference = try TariffLibrary(directory: Checkout.tariffs).reference()
        let five = Plausibility.benchmarkTable(reference, persons: 5, dwelling: .house, hotWater: .none)
        #expect(five != nil)
        #expect(Plausibility.benchmarkTable(reference, persons: 9, dwelling: .house, hotWater: .none) == five)
    }

    @Test func aQuestionShowsUnitDefaultAndChoices() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, ["nuernberg", "", "", "", "3", ""])
        #expect(QuestionText.render(try #require(q.currentQuestion)) == "Wohnfläche (m²) [80]: ")
        q.goBack()
        #expect(
            QuestionText.render(try #require(q.currentQuestion)) == """
                  1  Wohnung
                  2  Haus
                Wohnform [Wohnung]: 
                """)
        q.goBack()
        q.goBack()
        #expect(
            QuestionText.render(try #require(q.currentQuestion)) == """
                  (Enter übernimmt den Vorschlag; oder die Nummer aus der Besuchsliste.)
                Besuchsnummer [NUE-2026-03-14-01]: 
                """)
        q.goBack()
        #expect(QuestionText.render(try #require(q.currentQuestion)) == "Datum des Besuchs (TT.MM.JJJJ) [14.03.2026]: ")
        #expect(q.currentQuestion?.defaultAnswer == "2026-03-14", "stored as the visit file writes it")
    }

    @Test func optionalAndMeasuredQuestionsExplainThemselves() throws {
        let fridge = try Self.questionnaire(before: "cooling[0].ageYears")
        #expect(
            QuestionText.render(try #require(fridge.currentQuestion)) == "Gerät 1: Alter (Jahre) [- = keine Angabe]: ")
        let flow = try Self.questionnaire(before: "showers.flowLitresPerMinute")
        let text = QuestionText.render(try #require(flow.currentQuestion))
        #expect(text.contains("„1 l in 5 s“"))
        #expect(text.hasSuffix("Durchfluss des Duschkopfs (L/min) [12]: "))
    }

    @Test func messagesAreMarked() {
        #expect(QuestionText.render(.section("Haushalt")) == "\n== Haushalt ==\n")
        #expect(QuestionText.render(.warning("zu hoch")) == "  Achtung: zu hoch\n")
        #expect(QuestionText.render(.problem("keine Zahl")) == "  Nicht übernommen: keine Zahl\n")
    }

    @Test func theSessionShowsSectionsWarningsAndProblems() throws {
        var prompter = ScriptedPrompter(["nuernberg", "", "", "", "0", "2", "", "400"])
        var session = QuestionnaireSession(Questionnaire(setup: Fixture.setup))
        var saved: [Int] = []
        let end = try session.run(&prompter) { (draft: Draft) throws(QuestionnaireError) in
            saved.append(draft.answers.count)
        }
        #expect(end == .endOfInput)
        #expect(saved == [1, 2, 3, 4, 5, 6, 7])
        #expect(prompter.messages.contains(.section("Besuch")))
        #expect(prompter.messages.contains(.section("Haushalt")))
        #expect(
            prompter.messages.contains { if case .problem(let m) = $0 { m.contains("von 1 bis 12") } else { false } })
        #expect(
            prompter.messages.contains { if case .warning(let m) = $0 { m.contains("m² pro Person") } else { false } })
    }
}
