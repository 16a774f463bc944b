/// `showerhead` and `tap-aerator`: less hot water, and the energy that heats it.
extension AdviceContext {
    /// What heats the household's water and how much of the carrier's energy reaches the tap.
    mutating func hotWaterSupply() -> (source: HotWaterSource, efficiency: Double?) {
        switch hotWater {
        case .electricInstantaneous, .electricBoiler:
            guard let efficiency = reference.hotWater.electricEfficiency[hotWater] else {
                return (.electric(hotWater), nil)
            }
            constant(.hotWaterEfficiency(fuel: nil, electric: hotWater), efficiency)
            return (.electric(hotWater), efficiency.value)
        case .none:
            guard let heating, heating.includesHotWater, let efficiency = heating.hotWaterEfficiency else {
                return (.unknown, nil)
            }
            constant(.hotWaterEfficiency(fuel: heating.fuel, electric: nil), efficiency)
            return (.heating(heating.fuel), efficiency.value)
        }
    }

    /// The useful heat of `litres` of water warmed from `cold` to `warm` °C, and the draft's energy figures.
    mutating func hotWaterSaving(litres: Double, warm: Double, cold: Double, oldFlow: Double, newFlow: Double)
        -> (details: HotWaterDetails, electricityKWh: Double, heatKWh: Double)
    {
        let perLitreKelvin = reference.hotWater.kWhPerLitreKelvin
        constant(.kWhPerLitreKelvin, perLitreKelvin)
        let useful = litres * max(0, warm - cold) * perLitreKelvin.value
        let (source, efficiency) = hotWaterSupply()
        var electricity = 0.0
        var heat = 0.0
        switch source {
        case .electric: electricity = useful / (efficiency ?? 1)
        case .heating: heat = useful / (efficiency ?? 1)
        case .unknown: warn(.hotWaterSourceUnknown)
        }
        let details = HotWaterDetails(
            oldFlowLitresPerMinute: oldFlow, newFlowLitresPerMinute: newFlow, litresPerYear: cents(litres),
            usefulKWh: cents(useful), source: source, efficiency: efficiency, boundKWh: nil)
        return (details, electricity, heat)
    }

    /// `showerhead`: an efficient head saves water and the energy that heats it.
    mutating func showerhead() -> MeasureDraft? {
        guard let showers = visit.showers else { return nil }
        let ref = reference.shower
        let installed = showers.installedAtVisit ?? false
        guard showers.flowLitresPerMinute > ref.replaceAboveLitresPerMinute.value else {
            if installed { warn(.installedWithoutSaving(path: "showers.installedAtVisit")) }
            return nil
        }
        constant(.showerReplaceAbove, ref.replaceAboveLitresPerMinute)
        constant(.showerEfficient, ref.efficientLitresPerMinute)
        let temperature = showers.temperatureC ?? VisitRules.showerTemperatureCDefault
        let cold = showers.coldWaterC ?? VisitRules.coldWaterCDefault
        if showers.temperatureC == nil { assume("showers.temperatureC", .number(temperature), .formatDefault) }
        if showers.coldWaterC == nil { assume("showers.coldWaterC", .number(cold), .formatDefault) }

        let newFlow = ref.efficientLitresPerMinute.value
        let litres = (showers.flowLitresPerMinute - newFlow) * showers.minutes * showers.perWeek * Self.weeksPerYear
        let saving = hotWaterSaving(
            litres: litres, warm: temperature, cold: cold,
            oldFlow: showers.flowLitresPerMinute, newFlow: newFlow)
        return MeasureDraft(
            kind: .showerhead, recommended: litres > 0, installedAtVisit: installed,
            electricityKWh: saving.electricityKWh, heatKWh: saving.heatKWh, waterM3: litres / 1000, baseline: .measured,
            item: .showerhead, retailEUR: retailPrice(.showerhead),
            details: .showerhead(
                ShowerheadDetails(hotWater: saving.details, temperatureC: temperature, coldWaterC: cold)))
    }

    /// `tap-aerator`: an aerator on every tap that runs faster than the reference threshold.
    mutating func addTaps(to drafts: inout [MeasureDraft]) {
        let ref = reference.tap
        for (index, tap) in visit.taps.enumerated() {
            let installed = tap.installedAtVisit ?? false
            guard tap.flowLitresPerMinute > ref.replaceAboveLitresPerMinute.value else {
                if installed { warn(.installedWithoutSaving(path: "taps[\(index)].installedAtVisit")) }
                continue
            }
            constant(.tapReplaceAbove, ref.replaceAboveLitresPerMinute)
            constant(.tapAerator, ref.aeratorLitresPerMinute)
            constant(.tapMixedTemperature, ref.mixedWaterTemperatureC)
            let minutes: Double
            if let given = tap.minutesPerDay {
                minutes = given
            } else {
                let typical = ref.minutesPerDay[tap.room]
                minutes = typical?.value ?? 0
                assume("taps[\(index)].minutesPerDay", .number(minutes), .estimate, typical?.source)
            }
            let newFlow = ref.aeratorLitresPerMinute.value
            let litres = (tap.flowLitresPerMinute - newFlow) * minutes * Self.daysPerYear
            let saving = hotWaterSaving(
                litres: litres, warm: ref.mixedWaterTemperatureC.value,
                // The house has one cold-water supply: the temperature measured at the shower, where given, else the
                // format's default (calculation rules, tap aerator).
                cold: visit.showers?.coldWaterC ?? VisitRules.coldWaterCDefault, oldFlow: tap.flowLitresPerMinute,
                newFlow: newFlow)
            drafts.append(
                MeasureDraft(
                    kind: .tapAerator, recommended: litres > 0, installedAtVisit: installed,
                    electricityKWh: saving.electricityKWh, heatKWh: saving.heatKWh, waterM3: litres / 1000,
                    baseline: tap.minutesPerDay == nil ? .estimated : .measured, item: .tapAerator,
                    retailEUR: retailPrice(.tapAerator),
                    details: .tapAerator(
                        TapAeratorDetails(
                            tap: index, room: tap.room, minutesPerDay: minutes, hotWater: saving.details,
                            mixedWaterTemperatureC: ref.mixedWaterTemperatureC.value))))
        }
    }
}
