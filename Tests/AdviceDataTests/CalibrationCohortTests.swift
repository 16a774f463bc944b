import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing

/// The realisation factors of Tariffs/reference.xml are calibrated on a cohort of 24 typical client households
/// (Tests/CalibrationCohort, made by its generate.py): with the shipped tariffs, the cohort must land where the
/// programmes measured, not where the formulas' technical maxima would put it.
@Suite("Calibration against the programmes' measured results")
struct CalibrationCohortTests {
    static let folder = Checkout.root + "/Tests/CalibrationCohort"

    static func advices() throws -> [Advice] {
        let files = try TestFiles.list(folder, suffix: ".json")
        return try files.map { try Checkout.advise(visitPath: folder + "/" + $0).advice }
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }

    /// Stromspar-Check: about 187 € a year per household (Caritas, 2024); ESP Nürnberg: about 120 € electricity and
    /// 130 € heating, 250 € a year (Stadt Nürnberg, Projektergebnisse). The cohort's mean expected saving must lie
    /// between the two; the technical figures of the same households are far above them.
    @Test func meanExpectedSavingLiesWhereTheProgrammesMeasured() throws {
        let advices = try Self.advices()
        #expect(advices.count == 24)
        let expected = Self.mean(advices.map(\.totals.savingEUR))
        #expect((187...250).contains(expected), "mean expected saving \(expected) € a year")
        let technical = Self.mean(advices.map { $0.recommendedSavings.reduce(0) { $0 + $1.technical.savingEUR } })
        #expect(technical > 250, "the technical maximum \(technical) € should exceed what programmes measure")
    }

    /// Electricity: Stromspar-Check −13.6 % (397 of 2,928 kWh), ESP Nürnberg −15 %. The cohort's mean expected share
    /// must stay below the programmes' measured shares (not promise more) and above half of them.
    @Test func electricityShareIsNoMoreThanMeasured() throws {
        let advices = try Self.advices()
        let share = Self.mean(advices.map { $0.totals.electricityKWh / $0.electricity.annualKWh })
        #expect(share > 0.07 && share <= 0.15, "mean electricity saving \(share)")
        // ESP Nürnberg: −22 % heating; the expected heating saving stays below it.
        let heating = Self.mean(
            advices.compactMap { advice in advice.heating.map { advice.totals.heatKWh / $0.annualKWh } })
        #expect(heating > 0.05 && heating <= 0.22, "mean heating saving \(heating)")
    }
}
