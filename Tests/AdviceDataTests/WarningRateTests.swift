import AdviceData
import EnergyAdvice
import Foundation
import HouseholdGenerator
import TestSupport
import Testing

/// Issue 18: a warning the advisor sees on most visits is a warning the advisor learns to ignore. The bounds of
/// rule 1 rest on what is known and the average-based flags mark outliers only, so each fires on well under one
/// household in ten — on the calibration cohort (24 typical clients) and on 2,000 generated typical households per
/// city (``HouseholdGenerator/typicalVisit(_:reference:)``: values drawn around what real households have; the
/// property tests' generator draws every allowed value evenly and is no measure of how often a warning fires).
///
/// `ESP_WARNING_RATES=1 swift test --skip-build --disable-xctest --filter WarningRateTests` prints the rates.
@Suite("How often the bounds and flags fire")
struct WarningRateTests {
    /// The warnings of rule 1 and the plausibility flags that issue 18 asks to keep rare.
    static let codes = [
        "hot-water-above-use", "water-above-use", "water-use-unusual", "electricity-savings-capped",
        "heating-savings-capped", "large-share-of-electricity", "large-share-of-heating",
    ]

    /// Generated households per city.
    static let generatedPerCity = 2000

    static func rates(_ advices: [Advice]) -> [String: Double] {
        var counts: [String: Int] = [:]
        for advice in advices {
            for code in Set(advice.warnings.map(\.code)) { counts[code, default: 0] += 1 }
        }
        return Dictionary(uniqueKeysWithValues: codes.map { ($0, Double(counts[$0] ?? 0) / Double(advices.count)) })
    }

    static func report(_ name: String, _ rates: [String: Double], count: Int) {
        guard ProcessInfo.processInfo.environment["ESP_WARNING_RATES"] == "1" else { return }
        print("\(name) (\(count) households):")
        for code in codes {
            let rate = rates[code] ?? 0
            print("  \(code): \(Int((rate * Double(count)).rounded())) = \(Double(Int(rate * 1000)) / 10) %")
        }
    }

    @Test func rareOnTheCalibrationCohort() throws {
        let advices = try CalibrationCohortTests.advices()
        let rates = Self.rates(advices)
        Self.report("calibration cohort", rates, count: advices.count)
        for (code, rate) in rates { #expect(rate < 0.1, "\(code) fires on \(rate * 100) % of the cohort") }
    }

    @Test func rareOnGeneratedHouseholds() throws {
        let library = TariffLibrary(directory: Checkout.tariffs)
        let reference = try library.reference()
        var advices: [Advice] = []
        for (index, id) in library.cityIDs().enumerated() {
            let city = try library.load(cityID: id).city
            let calculator = AdviceCalculator(reference: reference, city: city)
            var generator = HouseholdGenerator(
                city: id, fuels: HeatingFuel.allCases.filter { city.heatingTariffs[$0] != nil },
                seed: 2026 + UInt64(index))
            for n in 0..<Self.generatedPerCity {
                guard let visit = generator.typicalVisit(n, reference: reference) else { continue }
                advices.append(try calculator.advise(visit))
            }
        }
        let rates = Self.rates(advices)
        Self.report("generated households", rates, count: advices.count)
        for (code, rate) in rates { #expect(rate < 0.1, "\(code) fires on \(rate * 100) % of generated households") }
    }
}
