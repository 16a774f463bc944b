/// Turns a visit into advice with the national reference data and one city's tariffs.
///
/// Pure: no files, no clock, no language. Calculation rules version 1 of DESIGN.md.
public struct AdviceCalculator: Sendable {
    public let reference: ReferenceData
    public let city: CityTariffs

    public init(reference: ReferenceData, city: CityTariffs) {
        self.reference = reference
        self.city = city
    }

    public func advise(_ visit: Visit) throws(AdviceError) -> Advice {
        guard visit.city == city.id else { throw .cityMismatch(visitCity: visit.city, tariffCity: city.id) }
        var context = try AdviceContext(visit: visit, reference: reference, city: city)

        var measures: [MeasureResult] = []
        measures += context.lightingMeasures()
        measures += context.standbyMeasures()
        measures += context.coolingMeasures()
        measures += context.showerheadMeasure().map { [$0] } ?? []
        measures += context.roomTemperatureMeasure().map { [$0] } ?? []
        measures += context.ventilationMeasure().map { [$0] } ?? []
        measures += context.tariffSwitchMeasure().map { [$0] } ?? []

        let electricity = try context.electricitySummary()
        let heating = context.heatingSummary()
        context.addPlausibilityWarnings(electricity: electricity, heating: heating)

        return Advice(
            visitId: visit.visitId,
            date: visit.date,
            city: city.id,
            language: context.language,
            household: context.household,
            inputs: context.inputs,
            tariffs: context.usedTariffs(),
            electricity: electricity,
            heating: heating,
            measures: measures,
            totals: Totals(recommendedOf: measures),
            installment: InstallmentCheck(
                electricity: Installment(expectedAnnualEUR: electricity.annualCostEUR,
                                         currentMonthlyEUR: visit.electricity.monthlyInstallmentEUR),
                heating: heating.map {
                    Installment(expectedAnnualEUR: $0.annualCostEUR,
                                currentMonthlyEUR: visit.heating?.monthlyInstallmentEUR)
                }
            ),
            warnings: context.warnings
        )
    }
}

/// Rounds to 0.01, half away from zero, the precision of every number in `esp-advice/1`.
@inlinable
public func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }

extension Totals {
    /// Sums the recommended measures; each total is the sum of the already rounded parts.
    init(recommendedOf measures: [MeasureResult]) {
        let chosen = measures.filter(\.recommended)
        func sum(_ part: (MeasureResult) -> Double) -> Double { cents(chosen.reduce(0) { $0 + part($1) }) }
        self.init(
            electricityKWh: sum(\.electricityKWh),
            heatKWh: sum(\.heatKWh),
            waterM3: sum(\.waterM3),
            savingEUR: sum(\.savingEUR),
            householdEUR: sum { $0.split[.household] ?? 0 },
            publicEUR: sum { ($0.split[.jobcenter] ?? 0) + ($0.split[.socialOffice] ?? 0) },
            landlordEUR: sum { $0.split[.landlord] ?? 0 },
            co2Kg: sum(\.co2Kg)
        )
    }
}

extension Installment {
    init(expectedAnnualEUR: Double, currentMonthlyEUR: Double?) {
        let expected = cents(expectedAnnualEUR)
        self.init(
            expectedAnnualEUR: expected,
            currentMonthlyEUR: currentMonthlyEUR,
            recommendedMonthlyEUR: (expected / 12 - 1e-9).rounded(.up),
            balanceEUR: currentMonthlyEUR.map { cents(12 * $0 - expected) }
        )
    }
}
