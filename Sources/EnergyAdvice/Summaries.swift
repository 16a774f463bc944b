/// Consumption summaries, benchmarks, warnings and the list of prices used.
extension AdviceContext {
    func electricitySummary() throws(AdviceError) -> ElectricitySummary {
        let persons = min(household.persons, 5)
        guard
            let table = reference.electricityBenchmarks.first(where: {
                $0.persons == persons && $0.dwelling == household.dwelling && $0.electricHotWater == hotWater.isElectric
            })
        else {
            throw .noBenchmarkTable(
                persons: persons, dwelling: household.dwelling, electricHotWater: hotWater.isElectric)
        }
        let kWh = visit.electricity.annualKWh
        let index = min(table.classIndex(of: kWh), 6)
        return ElectricitySummary(
            annualKWh: kWh,
            annualCostEUR: electricityTariff.annualCostEUR(kWh: kWh),
            benchmark: ElectricityBenchmark(
                classLetter: ElectricityBenchmarkTable.classLetters[index], classIndex: index,
                classUpperKWh: table.classUpperKWh, averageKWh: table.averageKWh,
                averageClassIndex: min(table.classIndex(of: table.averageKWh), 6), table: table
            )
        )
    }

    func heatingSummary() -> HeatingSummary? {
        guard let heating else { return nil }
        let perM2 = heating.annualKWh / household.livingAreaM2
        let ratio = perM2 / heating.average.value
        let band = reference.heating.averageBand.value
        let verdict: HeatingVerdict? =
            heating.estimated
            ? nil
            : ratio > 1 + band ? .above : ratio < 1 - band ? .below : .average
        return HeatingSummary(
            fuel: heating.fuel, annualKWh: heating.annualKWh, estimated: heating.estimated,
            includesHotWater: heating.includesHotWater, billing: heating.billing, consumptionShare: heating.billShare,
            spaceHeatingKWh: heating.spaceHeatingKWh, hotWaterKWh: heating.hotWaterKWh, kWhPerM2: cents(perM2),
            annualCostEUR: heating.tariff.annualCostEUR(kWh: heating.annualKWh),
            benchmark: HeatingBenchmark(
                averageKWhPerM2: heating.average.value, ratioToAverage: cents(ratio), verdict: verdict,
                source: heating.average.source
            )
        )
    }

    mutating func addPlausibilityWarnings(electricity: ElectricitySummary, heating: HeatingSummary?) {
        let limits = reference.plausibility
        let bounds = electricity.benchmark.classUpperKWh
        if let fBound = bounds.last, electricity.annualKWh > fBound * limits.electricityAboveFBoundFactor {
            warn(
                .electricityImplausiblyHigh(
                    kWh: electricity.annualKWh,
                    limitKWh: fBound * limits.electricityAboveFBoundFactor))
        }
        if let aBound = bounds.first, electricity.annualKWh < aBound * limits.electricityBelowABoundFactor {
            warn(
                .electricityImplausiblyLow(
                    kWh: electricity.annualKWh,
                    limitKWh: aBound * limits.electricityBelowABoundFactor))
        }
        // An estimate is the average by construction; only measured heating can be implausible.
        guard let heating, !heating.estimated else { return }
        let high = heating.benchmark.averageKWhPerM2 * limits.heatingAboveAverageFactor
        let low = heating.benchmark.averageKWhPerM2 * limits.heatingBelowAverageFactor
        if heating.kWhPerM2 > high {
            warn(.heatingImplausiblyHigh(kWhPerM2: heating.kWhPerM2, limitKWhPerM2: cents(high)))
        }
        if heating.kWhPerM2 < low {
            warn(.heatingImplausiblyLow(kWhPerM2: heating.kWhPerM2, limitKWhPerM2: cents(low)))
        }
    }

    /// Every price and factor that went into the numbers, for the small print.
    func usedTariffs() -> [UsedTariff] {
        func tariff(_ use: UsedTariff.Use, _ t: EnergyTariff) -> UsedTariff {
            let published = t.source != nil
            return UsedTariff(
                use: use, supplier: published ? t.supplier : nil, name: published ? t.name : nil,
                energyPriceCtPerKWh: t.energyPriceCtPerKWh, basePriceEURPerYear: t.basePriceEURPerYear,
                validFrom: t.validFrom, source: t.source)
        }
        var used: [UsedTariff] = []
        used.reserveCapacity(5)
        used.append(tariff(.electricity, electricityTariff))
        if let heating { used.append(tariff(.heating, heating.tariff)) }
        used.append(UsedTariff(use: .water, eurPerM3: water.value, source: water.source))
        let fuelCarrier = heating.map(\.fuel.carrier).flatMap { $0 == .electricity ? nil : $0 }
        for (carrier, factor) in [(EnergyCarrier.electricity, electricityCO2), (fuelCarrier, heatCO2)] {
            guard let carrier, let factor else { continue }
            used.append(UsedTariff(use: .co2, carrier: carrier, co2KgPerKWh: factor.value, source: factor.source))
        }
        return used
    }
}

extension ElectricityBenchmarkTable {
    /// The index of the first class whose upper bound is at least `kWh`; 6 (G) beyond the F bound.
    func classIndex(of kWh: Double) -> Int {
        classUpperKWh.firstIndex { kWh <= $0 } ?? classUpperKWh.count
    }
}
