import AdviceData
import EnergyAdvice
import TestSupport
import Testing

@testable import VisitQuestionnaire

/// How many prompts a medium household takes: 2 adults and a child, a 65 m² flat, gas heating with its bill, four
/// lamp rows, a fridge-freezer, two standby devices, showers, two taps, with hand-outs.
///
/// The questionnaire before issue 13 (commit 80b8a1d) took 86 prompts for the same household, driven by
/// ``beforeAnswers`` through a ScriptedPrompter with the shipped reference data; this one takes 51, including the recap,
/// the kind of each standby device (issue 18: a router or alarm clock must never go on a switchable strip) and the
/// question for energy debts (issue 23).
@Suite("Prompt count of a medium household")
struct PromptCountTests {
    /// The same household for the questionnaire of commit 80b8a1d: 86 answers, one per prompt, none refused. Kept to
    /// reproduce the "before" figure on that commit; today's questionnaire does not take them.
    static let beforeAnswers = [
        "nuernberg", "", "", "", "3", "", "65",
        "", "", "3200", "45678", "85", "", "",
        "", "", "3", "Glühlampe", "", "4", "j",
        "j", "", "2", "halogen", "40", "3", "j",
        "j", "", "1", "LED", "", "1",
        "j", "Kinderzimmer", "1", "Energiesparlampe", "", "3", "n",
        "n",
        "", "2", "12", "0,9", "250", "",
        "", "Fernseher + Receiver", "8", "", "j",
        "j", "Computer", "4", "", "n",
        "n",
        "", "", "", "1 l in 5 s", "j",
        "j", "1 l in 5 s", "j", "j", "1 l in 6 s", "n",
        "", "", "9500", "", "", "", "22", "", "", "90", "",
        "buergergeld", "", "",
        "", "",
    ]

    static let answers = [
        "nuernberg", "", "", "",  // city, language, date, visit id
        "3", "", "65",  // persons, flat, m²
        "", "45678", "3200", "85", "", "",  // hot water, meter reading, kWh, installment, price, switch
        "Wohnzimmer: 3 × 60 W Glühlampe 4 h", "Küche: 2 × 40 W Halogen 3 h", "Schlafzimmer: 1 × 7 W LED 1 h",
        "Kinderzimmer: 1 Energiesparlampe 3 h", "fertig",  // lamps
        "2", "12", "0,9", "",  // fridge-freezer, age, plug meter, no more
        "Fernseher + Receiver: 8 W", "", "Computer: 4 W", "", "",  // standby, each with its kind (the guess)
        "", "1 l in 5 s",  // 15 × 6 min, showerhead
        "1 l in 5 s", "1 l in 6 s",  // taps
        "1 2", "1", "j", "1",  // LED in rows 1 and 2, a strip for the TV, showerhead, aerator in the kitchen
        // gas, kWh, billing, share, 22 °C, 20 °C, windows, installment, price
        "", "9500", "", "", "22", "", "", "90", "",
        "buergergeld", "", "",  // benefit, payers
        "",  // no arrears
        "", "",  // advisor, notes
        "",  // recap: save
    ]

    @Test func aMediumHouseholdTakes51Prompts() throws {
        var setup = Fixture.setup
        setup.reference = try TariffLibrary(directory: Checkout.tariffs).reference()
        var prompter = ScriptedPrompter(Self.answers)
        var session = QuestionnaireSession(Questionnaire(setup: setup))
        let end = try session.run(&prompter) { (_: Draft) throws(QuestionnaireError) in }
        guard case .finished(let visit) = end else {
            Issue.record("\(end)")
            return
        }
        #expect(prompter.asked.count == 51)
        #expect(Self.beforeAnswers.count == 86)
        #expect(prompter.remaining.isEmpty)
        #expect(!prompter.messages.contains { if case .problem = $0 { true } else { false } })
        #expect(
            visit.household
                == Household(
                    persons: 3, dwelling: .flat, livingAreaM2: 65, benefit: .buergergeld,
                    heatingCostsPaidBy: .jobcenter, waterCostsPaidBy: .jobcenter))
        #expect(visit.electricity.meterReading == MeterReading(date: Fixture.today, kWh: 45678))
        #expect(visit.lighting.map(\.installedAtVisit) == [true, true, nil, false])
        #expect(visit.lighting.map(\.lamps) == [3, 2, 1, 1])
        #expect(
            visit.appliances == [
                .cooling(CoolingAppliance(kind: .fridgeFreezer, ageYears: 12, measuredKWhPerDay: 0.9)),
                .standby(
                    StandbyDevice(
                        kind: .tv, label: "Fernseher + Receiver", watts: 8, hoursPerDay: 20, installedAtVisit: true)),
                .standby(
                    StandbyDevice(
                        kind: .computer, label: "Computer", watts: 4, hoursPerDay: 20, installedAtVisit: false)),
            ])
        #expect(visit.showers == ShowerHabits(perWeek: 15, minutes: 6, flowLitresPerMinute: 12, installedAtVisit: true))
        #expect(visit.taps.map(\.installedAtVisit) == [true, false])
        #expect(visit.heating?.annualKWh == 9500)
        #expect(visit.heating?.includesHotWater == true)
    }
}
