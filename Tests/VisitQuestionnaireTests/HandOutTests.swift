import AdviceData
import EnergyAdvice
import TestSupport
import Testing

@testable import VisitQuestionnaire

@Suite("Soforthilfen: what was handed out, once per kind of item")
struct HandOutTests {
    @Test func theVisitRecordsWhatWasFittedAtTheVisit() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Fixture.pensionerAnswers)
        let visit = try q.visit()
        #expect(visit.lighting.map(\.installedAtVisit) == [true, false, false])
        #expect(visit.showers?.installedAtVisit == true)
        #expect(visit.taps.map(\.installedAtVisit) == [true])
        #expect(
            visit.appliances.last
                == .standby(
                    StandbyDevice(
                        kind: .tv, label: "Fernseher + Receiver", watts: 12, hoursPerDay: 20, installedAtVisit: false)))
    }

    @Test func severalItemsAreChosenByNumberAndListedInTheHelp() throws {
        let q = try Fixture.questionnaire(before: "handouts.led")
        let question = try #require(q.currentQuestion)
        #expect(question.kind == .selection([1, 2, 3]))
        #expect(
            QuestionText.render(question) == """
                  (1 Küche: 1 × 60 W Glühlampe, 4 h/Tag; 2 Wohnzimmer: 3 × 40 W Halogen, 5 h/Tag; 3 Flur: 1 × 40 W Glühlampe, 1,5 h/Tag)
                LED-Lampen heute eingesetzt? (j = alle, n = keine, oder Nummern) [keine]: 
                """)
        for (answer, expected) in [
            ("j", [true, true, true]), ("2 3", [false, true, true]), ("", [false, false, false]),
        ] {
            var copy = q
            #expect(copy.answer(answer) == .accepted(warning: nil), "\(answer)")
            Fixture.answer(&copy, Array(Fixture.pensionerAnswers.dropFirst(29)))
            #expect(try copy.visit().lighting.map(\.installedAtVisit) == expected, "\(answer)")
        }
        var wrong = q
        #expect(wrong.answer("4") == .rejected("Nummer 4 gibt es hier nicht; möglich: 1, 2, 3."))
    }

    @Test func onlyItemsWorthReplacingAreOffered() throws {
        var setup = Fixture.setup
        setup.reference = try TariffLibrary(directory: Checkout.tariffs).reference()
        // An LED row, a shower of 8 L/min and taps of 8 L/min: below the 9 L/min thresholds, nothing to hand out
        // but the strip for the TV.
        let answers = Fixture.pensionerAnswers(changing: [
            "lighting[0]": "Küche: 2 LED 4 h", "lighting[1]": "fertig", "lighting[2]": nil, "lighting[3]": nil,
            "showers.flowLitresPerMinute": "8", "taps.kitchen": "8", "handouts.led": nil, "handouts.showerhead": nil,
            "handouts.taps": nil, "handouts.standby": "j",
        ])
        var q = Questionnaire(setup: setup)
        Fixture.answer(&q, answers)
        let visit = try q.visit()
        #expect(
            !q.answeredQuestions.contains {
                $0.id == "handouts.led" || $0.id == "handouts.showerhead" || $0.id == "handouts.taps"
            })
        #expect(q.answeredQuestions.filter { $0.section == "Soforthilfen" }.map(\.id) == ["handouts.standby"])
        #expect(visit.lighting.first?.installedAtVisit == nil)
        #expect(visit.showers?.installedAtVisit == nil)
        #expect(visit.taps.first?.installedAtVisit == nil)
        #expect(
            visit.appliances.last
                == .standby(
                    StandbyDevice(
                        kind: .tv, label: "Fernseher + Receiver", watts: 12, hoursPerDay: 20, installedAtVisit: true)))
    }

    @Test func withoutItemsTheSectionIsSkipped() throws {
        var q = Questionnaire(setup: Fixture.setup)
        Fixture.answer(&q, Fixture.minimalAnswers)
        #expect(q.isComplete)
        #expect(!q.answeredQuestions.contains { $0.section == "Soforthilfen" })
    }
}
