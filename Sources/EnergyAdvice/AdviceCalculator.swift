/// Turns a visit into advice with the national reference data and one city's tariffs.
///
/// Pure: no files, no clock, no language. Calculation rules version 1 of DESIGN.md.
public struct AdviceCalculator: Sendable {
    public var reference: ReferenceData { data.reference }
    public var city: CityTariffs { data.city }
    let data: CalculationData

    public init(reference: ReferenceData, city: CityTariffs) {
        data = CalculationData(reference: reference, city: city)
    }

    public func advise(_ visit: Visit) throws(AdviceError) -> Advice {
        guard visit.city == data.city.id else { throw .cityMismatch(visitCity: visit.city, tariffCity: data.city.id) }
        var context = try AdviceContext(visit: visit, data: data)

        var measures: [MeasureResult] = []
        measures.reserveCapacity(visit.lighting.count + visit.appliances.count + 4)
        context.addLightingMeasures(to: &measures)
        context.addStandbyMeasures(to: &measures)
        context.addCoolingMeasures(to: &measures)
        for measure in [context.showerheadMeasure(), context.roomTemperatureMeasure(), context.ventilationMeasure(),
                        context.tariffSwitchMeasure()] {
            if let measure { measures.append(measure) }
        }

        let electricity = try context.electricitySummary()
        let heating = context.heatingSummary()
        context.addPlausibilityWarnings(electricity: electricity, heating: heating)

        return Advice(
            visitId: visit.visitId,
            date: visit.date,
            city: data.city.id,
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
        var sum = Totals(electricityKWh: 0, heatKWh: 0, waterM3: 0, savingEUR: 0, householdEUR: 0, publicEUR: 0,
                         landlordEUR: 0, co2Kg: 0)
        for m in measures where m.recommended {
            sum.electricityKWh += m.electricityKWh
            sum.heatKWh += m.heatKWh
            sum.waterM3 += m.waterM3
            sum.savingEUR += m.savingEUR
            sum.householdEUR += m.split.household
            sum.publicEUR += m.split.publicEUR
            sum.landlordEUR += m.split.landlord
            sum.co2Kg += m.co2Kg
        }
        self.init(
            electricityKWh: cents(sum.electricityKWh), heatKWh: cents(sum.heatKWh), waterM3: cents(sum.waterM3),
            savingEUR: cents(sum.savingEUR), householdEUR: cents(sum.householdEUR), publicEUR: cents(sum.publicEUR),
            landlordEUR: cents(sum.landlordEUR), co2Kg: cents(sum.co2Kg)
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
