import EnergyAdvice

/// Values that are allowed but probably a typo or a mis-measurement: they warn, they never refuse, and the
/// advisor may go back with `<`.
///
/// Electricity and heating use the reference data's own limits (Stromspiegel table and heating average per m²,
/// times the factors in `<plausibility>`), exactly as the advice does, when the data folder was found. Everything
/// else is a modest rule of thumb, each with its reason, kept loose so that real households rarely trigger it.
enum Plausibility {
    // MARK: Rules of thumb without reference data

    /// About twice the Stromspiegel's G threshold of a one-person flat (2,000 kWh) per person.
    static let fallbackElectricityHighKWhPerPerson = 4_000.0
    /// Below this a whole household is unusual: a fridge alone uses 100–300 kWh a year.
    static let fallbackElectricityLowKWh = 300.0
    /// Heating per m² of living area: unrenovated buildings reach about 250–300 kWh/m², new ones 30–50.
    static let fallbackHeatingKWhPerM2 = (low: 20.0, high: 350.0)

    // MARK: Rules of thumb for the rest of the form

    /// Living space per person; below or above is possible, but often a typo (m² of the building, not the flat).
    static let areaPerPersonM2 = (low: 8.0, high: 150.0)
    /// One lamp above 150 W is rare in a flat; usually the watts of the whole row were typed.
    static let wattsPerLampHigh = 150.0
    /// An LED lamp above 30 W is rare; usually the watts of the old lamp it replaced were typed.
    static let ledWattsPerLampHigh = 30.0
    /// Light on for more than 16 hours a day is rare outside a hallway light that is never switched off.
    static let lightingHoursHigh = 16.0
    /// Standby above 50 W is usually the operating power, not standby.
    static let standbyWattsHigh = 50.0
    /// A fridge or freezer uses about 0.2 (new, small) to 2.5 kWh (old chest freezer) a day.
    static let coolingKWhPerDay = (low: 0.15, high: 3.0)
    /// An annual label value above 1,000 kWh is beyond even old chest freezers.
    static let coolingAnnualKWhHigh = 1_000.0
    /// Two showers a day per person is already a lot (``InputLimits/showersPerPersonPerWeek``).
    static let showersPerPersonPerWeekHigh = InputLimits.showersPerPersonPerWeek.usual.upperBound
    /// A shower above 20 minutes is rare; minutes and seconds get mixed up (``InputLimits/showerMinutes``).
    static let showerMinutesHigh = InputLimits.showerMinutes.usual.upperBound
    /// Showerheads deliver about 4.5 (economy) to 20 L/min (class S) (``InputLimits/showerFlowLitresPerMinute``).
    static let flowLitresPerMinute = (
        low: InputLimits.showerFlowLitresPerMinute.usual.lowerBound,
        high: InputLimits.showerFlowLitresPerMinute.usual.upperBound
    )
    /// Taps deliver about 2 to 15 L/min (class A) (``InputLimits/tapFlowLitresPerMinute``).
    static let tapFlowLitresPerMinute = (
        low: InputLimits.tapFlowLitresPerMinute.usual.lowerBound,
        high: InputLimits.tapFlowLitresPerMinute.usual.upperBound
    )
    /// A living room below 16 °C or above 26 °C in the heating season is rare (or the thermometer sits at the radiator).
    static let roomTemperatureC = (low: 16.0, high: 26.0)
    /// Monthly advance payments above this are usually a yearly sum: even large households pay about 200–300 € a month
    /// for electricity.
    static let installmentMonthlyHighEUR = 500.0
    /// Gas heating below this many kWh per m² and year is probably a figure in m³ (about a tenth of the kWh).
    static let gasKWhPerM2LikelyCubicMetres = 30.0
    /// Readings fewer days apart than this make a rough yearly figure (season, holidays).
    static let shortMeterPeriodDays = 28

    // MARK: Checks

    static func electricity(
        _ kWh: Double, persons: Int, dwelling: Dwelling, hotWater: HotWaterSystem,
        reference: ReferenceData?
    ) -> String? {
        if let reference,
            let table = benchmarkTable(reference, persons: persons, dwelling: dwelling, hotWater: hotWater),
            let aBound = table.classUpperKWh.first, let fBound = table.classUpperKWh.last
        {
            let limits = reference.plausibility
            let high = fBound * limits.electricityAboveFBoundFactor
            let low = aBound * limits.electricityBelowABoundFactor
            if kWh > high {
                return
                    "Ungewöhnlich hoch: mehr als \(number(high)) kWh/Jahr, das \(number(limits.electricityAboveFBoundFactor))-Fache "
                    + "der Grenze zu Klasse G im Stromspiegel für diesen Haushalt. Bitte Rechnung und Einheit prüfen."
            }
            if kWh < low {
                return "Ungewöhnlich niedrig: weniger als \(number(low)) kWh/Jahr für diesen Haushalt. "
                    + "Bitte prüfen: Jahreswert (nicht Monat), kWh (nicht MWh)?"
            }
            return nil
        }
        let high = fallbackElectricityHighKWhPerPerson * Double(persons)
        if kWh > high {
            return
                "Ungewöhnlich hoch: mehr als \(number(high)) kWh/Jahr für \(persons) Person(en). Bitte Rechnung und Einheit prüfen."
        }
        if kWh < fallbackElectricityLowKWh {
            return "Ungewöhnlich niedrig: weniger als \(number(fallbackElectricityLowKWh)) kWh/Jahr. "
                + "Bitte prüfen: Jahreswert (nicht Monat), kWh (nicht MWh)?"
        }
        return nil
    }

    /// The Stromspiegel table for the household; the largest household size in the tables stands for "or more".
    static func benchmarkTable(
        _ reference: ReferenceData, persons: Int, dwelling: Dwelling,
        hotWater: HotWaterSystem
    ) -> ElectricityBenchmarkTable? {
        guard let largest = reference.electricityBenchmarks.map(\.persons).max() else { return nil }
        let size = min(persons, largest)
        return reference.electricityBenchmarks.first {
            $0.persons == size && $0.dwelling == dwelling && $0.electricHotWater == hotWater.isElectric
        }
    }

    static func heating(
        _ kWh: Double, areaM2: Double, fuel: HeatingFuel, dwelling: Dwelling, reference: ReferenceData?
    ) -> String? {
        let perM2 = kWh / areaM2
        var low = fallbackHeatingKWhPerM2.low
        var high = fallbackHeatingKWhPerM2.high
        if let reference, let average = reference.heatingAverage(fuel, dwelling: dwelling)?.value {
            low = average * reference.plausibility.heatingBelowAverageFactor
            high = average * reference.plausibility.heatingAboveAverageFactor
        }
        if perM2 > high {
            return "Ungewöhnlich hoch: \(number(perM2)) kWh pro m² und Jahr (über \(number(high))). "
                + "Bitte prüfen: ganzes Haus statt Wohnung? m³ Gas statt kWh?"
        }
        if perM2 < low {
            return "Ungewöhnlich niedrig: \(number(perM2)) kWh pro m² und Jahr (unter \(number(low))). "
                + "Bitte prüfen: ganzes Jahr? kWh (nicht MWh)?"
        }
        return nil
    }

    static func outside(_ value: Double, _ bounds: (low: Double, high: Double), unit: String, hint: String) -> String? {
        if value > bounds.high {
            return "Ungewöhnlich hoch: mehr als \(number(bounds.high)) \(unit). \(hint)"
        }
        if value < bounds.low {
            return "Ungewöhnlich niedrig: weniger als \(number(bounds.low)) \(unit). \(hint)"
        }
        return nil
    }

    /// German, at most one decimal, for warnings.
    static func number(_ value: Double) -> String { GermanNumber.text(GermanNumber.rounded(value, decimals: 1)) }
}
