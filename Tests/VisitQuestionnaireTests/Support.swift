import EnergyAdvice
import Foundation
import TestSupport
import Testing

@testable import VisitQuestionnaire

/// Shared fixtures: a fixed "today", the shipped cities and languages, and one complete visit as answers.
enum Fixture {
    static let today = CalendarDate(year: 2026, month: 3, day: 14) ?? CalendarDate(year: 2000, month: 1, day: 1)!
    static let setup = QuestionnaireSetup(
        today: today, cities: ["bremen", "leipzig", "nuernberg"], languages: ["de", "ru", "tr"])

    static func date(_ iso: String) -> CalendarDate {
        CalendarDate(iso: iso) ?? today
    }

    /// The answers of a pensioner's visit in Nürnberg, with the question each one is for, so a test can tell
    /// exactly where a script and the questionnaire part ways. Empty strings take the default.
    static let pensioner: [(question: String, answer: String)] = [
        ("city", "nuernberg"),
        ("language", ""),
        ("date", "17.02.2026"),
        ("visitId", "NUE-2026-0142"),
        ("household.persons", "1"),
        ("household.dwelling", ""),
        ("household.livingAreaM2", "48"),
        ("electricity.hotWater", "2"),
        ("electricity.meterReading.kWh", "41234,5"),
        ("electricity.annualKWh", "2300"),
        ("electricity.monthlyInstallmentEUR", "68 €"),
        ("electricity.tariff.energyPriceCtPerKWh", ""),
        ("electricity.switchPossible", ""),
        ("lighting[0]", "Küche: 1 × 60 W Glühlampe 4 h"),
        ("lighting[1]", "Wohnzimmer: 3 x 40 W Halogen 5 h"),
        ("lighting[2]", "Flur: 40 W Glühlampe 1,5 h"),
        ("lighting[3]", ""),
        ("cooling[0]", ""),
        ("cooling[0].ageYears", "20"),
        ("cooling[0].measuredKWhPerDay", "0,95"),
        ("cooling[1]", ""),
        ("standby[0]", "Fernseher + Receiver: 12 W"),
        ("standby[0].kind", ""),
        ("standby[1]", ""),
        ("showers", "5 × 6 min"),
        ("showers.flowLitresPerMinute", "1 l in 5 s"),
        ("taps.kitchen", "1 l in 5 s"),
        ("taps.bathroom", ""),
        ("handouts.led", "1"),
        ("handouts.standby", "n"),
        ("handouts.showerhead", "ja"),
        ("handouts.taps", "j"),
        ("heating.fuel", ""),
        ("heating.annualKWh", "6050"),
        ("heating.billing", ""),
        ("heating.consumptionSharePercent", "70"),
        ("heating.roomTemperatureC", "22"),
        ("heating.targetTemperatureC", ""),
        ("heating.windowsTiltedInWinter", ""),
        ("heating.monthlyInstallmentEUR", ""),
        ("heating.tariff.energyPriceCtPerKWh", ""),
        ("household.benefit", "grundsicherung"),
        ("household.heatingCostsPaidBy", ""),
        ("household.waterCostsPaidBy", ""),
        ("energyDebt[0]", ""),
        ("advisor", "AB"),
        ("notes", ""),
    ]

    static var pensionerAnswers: [String] { pensioner.map(\.answer) }

    static let pensionerVisit = Visit(
        visitId: "NUE-2026-0142", date: date("2026-02-17"), city: "nuernberg", language: "de", advisor: "AB",
        household: Household(
            persons: 1, dwelling: .flat, livingAreaM2: 48, benefit: .grundsicherung,
            heatingCostsPaidBy: .socialOffice, waterCostsPaidBy: .socialOffice),
        electricity: ElectricityUse(
            annualKWh: 2300, meterReading: MeterReading(date: date("2026-02-17"), kWh: 41234.5),
            hotWater: .electricInstantaneous, monthlyInstallmentEUR: 68, switchPossible: true),
        heating: HeatingUse(
            fuel: .gas, annualKWh: 6050, includesHotWater: false, billing: .building, consumptionShare: 0.7,
            roomTemperatureC: 22, targetTemperatureC: 20, windowsTiltedInWinter: false),
        lighting: [
            LightingRow(
                room: "Küche", lamps: 1, watts: 60, technology: .incandescent, hoursPerDay: 4, installedAtVisit: true),
            LightingRow(
                room: "Wohnzimmer", lamps: 3, watts: 40, technology: .halogen, hoursPerDay: 5, installedAtVisit: false),
            LightingRow(
                room: "Flur", lamps: 1, watts: 40, technology: .incandescent, hoursPerDay: 1.5, installedAtVisit: false),
        ],
        appliances: [
            .cooling(CoolingAppliance(kind: .fridge, ageYears: 20, measuredKWhPerDay: 0.95)),
            .standby(
                StandbyDevice(
                    kind: .tv, label: "Fernseher + Receiver", watts: 12, hoursPerDay: 20, installedAtVisit: false)),
        ],
        showers: ShowerHabits(perWeek: 5, minutes: 6, flowLitresPerMinute: 12, installedAtVisit: true),
        taps: [TapUse(room: .kitchen, flowLitresPerMinute: 12, installedAtVisit: true)])

    /// The shortest complete visit: no lamps, no appliances, no showers, no heating.
    static let minimalAnswers = [
        "bremen", "ru", "2026-03-01", "HB-7", "3", "Haus", "90", "", "-", "3100", "-", "-", "",
        "fertig", "kein", "", "-", "", "", "keine", "wohngeld", "", "", "", "Fragebogen-Test",
    ]

    /// The pensioner's answers and Enter at the recap: what a whole session is given.
    static var pensionerSession: [String] { pensionerAnswers + [""] }

    /// The pensioner's questionnaire answered up to (not including) the question with this id.
    static func questionnaire(before id: String, setup: QuestionnaireSetup = Fixture.setup) throws -> Questionnaire {
        var q = Questionnaire(setup: setup)
        let index = try #require(pensioner.firstIndex { $0.question == id })
        answer(&q, Array(pensionerAnswers.prefix(index)))
        try #require(q.currentQuestion?.id == id)
        return q
    }

    /// The pensioner's answers with some replaced or dropped (nil), by question id.
    static func pensionerAnswers(changing changes: [String: String?]) -> [String] {
        pensioner.compactMap { step in
            changes.keys.contains(step.question) ? changes[step.question] ?? nil : step.answer
        }
    }

    /// Answers a questionnaire from a list; stops at the first rejected answer, returning the outcomes.
    @discardableResult
    static func answer(_ questionnaire: inout Questionnaire, _ answers: [String]) -> [AnswerOutcome] {
        var outcomes: [AnswerOutcome] = []
        for text in answers {
            let outcome = questionnaire.answer(text)
            outcomes.append(outcome)
            if case .rejected = outcome { break }
        }
        return outcomes
    }
}
