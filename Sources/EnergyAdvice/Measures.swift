/// The seven measures of calculation rules version 1, one function each.
extension AdviceContext {
    static let daysPerYear = 365.0
    static let weeksPerYear = 365.0 / 7

    /// `led`: every lighting row that is not LED yet and is switched on.
    func addLightingMeasures(to measures: inout [MeasureResult]) {
        for (index, row) in visit.lighting.enumerated() {
            guard row.technology != .led, row.hoursPerDay > 0,
                  let share = reference.lighting.ledShare[row.technology] else { continue }
            let ledWatts = row.watts * share.value
            let kWh = Double(row.lamps) * (row.watts - ledWatts) * row.hoursPerDay * Self.daysPerYear / 1000
            var details: [MeasureResult.Detail] = []
            details.reserveCapacity(7)
            details.append(.init("row", .number(Double(index))))
            if let room = row.room { details.append(.init("room", .text(room))) }
            details.append(.init("lamps", .number(Double(row.lamps))))
            details.append(.init("technology", .text(row.technology.rawValue)))
            details.append(.init("oldWatts", .number(row.watts)))
            details.append(.init("ledWatts", .number(cents(ledWatts))))
            details.append(.init("hoursPerDay", .number(row.hoursPerDay)))
            measures.append(measure(.led, recommended: kWh > 0, electricityKWh: kWh,
                                    investmentEUR: Double(row.lamps) * reference.lighting.ledPriceEUR.value, details: details))
        }
    }

    /// `standby`: a switchable strip for every standby row.
    func addStandbyMeasures(to measures: inout [MeasureResult]) {
        for (index, appliance) in visit.appliances.enumerated() {
            guard case .standby(let device) = appliance else { continue }
            let kWh = device.watts * device.hoursPerDay * Self.daysPerYear / 1000
            var details: [MeasureResult.Detail] = []
            details.reserveCapacity(4)
            details.append(.init("appliance", .number(Double(index))))
            if let label = device.label { details.append(.init("label", .text(label))) }
            details.append(.init("watts", .number(device.watts)))
            details.append(.init("hoursPerDay", .number(device.hoursPerDay)))
            measures.append(measure(.standby, recommended: kWh > 0, electricityKWh: kWh,
                                    investmentEUR: reference.standbyStripPriceEUR.value, details: details))
        }
    }

    /// `fridge-replacement`: old consumption (given, measured or estimated) against a new device.
    mutating func addCoolingMeasures(to measures: inout [MeasureResult]) {
        for (index, appliance) in visit.appliances.enumerated() {
            guard case .cooling(let device) = appliance, let ref = reference.cooling[device.kind] else { continue }
            let path = "appliances[\(index)]"
            let oldKWh: Double
            let basis: String
            if let annual = device.annualKWh {
                (oldKWh, basis) = (annual, "annual")
            } else if let perDay = device.measuredKWhPerDay {
                (oldKWh, basis) = (perDay * Self.daysPerYear, "measured")
            } else {
                let estimate = ref.estimate(ageYears: device.ageYears)
                (oldKWh, basis) = (estimate.value, "estimate")
                assume("\(path).annualKWh", .number(estimate.value), .estimate, estimate.source)
            }
            let newKWh: Double
            if let replacement = device.replacementAnnualKWh {
                newKWh = replacement
            } else {
                newKWh = ref.newDeviceKWh.value
                assume("\(path).replacementAnnualKWh", .number(newKWh), .estimate, ref.newDeviceKWh.source)
            }
            let saving = max(0, oldKWh - newKWh)
            let worthIt = saving >= voucher.minSavingKWh
            let oldEnough = device.ageYears.map { $0 > voucher.minAgeYears }
            if worthIt && oldEnough == nil { warn(.voucherNeedsAge(applianceIndex: index)) }
            let voucherEUR = worthIt && oldEnough == true ? voucher.amountEUR : 0
            var details: [MeasureResult.Detail] = []
            details.reserveCapacity(7)
            details.append(.init("appliance", .number(Double(index))))
            details.append(.init("kind", .text(device.kind.rawValue)))
            details.append(.init("oldAnnualKWh", .number(cents(oldKWh))))
            details.append(.init("oldBasis", .text(basis)))
            details.append(.init("newAnnualKWh", .number(newKWh)))
            if let age = device.ageYears { details.append(.init("ageYears", .number(Double(age)))) }
            details.append(.init("voucherMinSavingKWh", .number(voucher.minSavingKWh)))
            measures.append(measure(.fridgeReplacement, recommended: worthIt, electricityKWh: saving,
                                    investmentEUR: ref.newDevicePriceEUR.value, voucherEUR: voucherEUR,
                                    details: details))
        }
    }

    /// `showerhead`: an efficient head saves water and the energy that heats it.
    mutating func showerheadMeasure() -> MeasureResult? {
        guard let showers = visit.showers else { return nil }
        let ref = reference.shower
        guard showers.flowLitresPerMinute > ref.replaceAboveLitresPerMinute.value else { return nil }
        let temperature = showers.temperatureC ?? VisitRules.showerTemperatureCDefault
        let cold = showers.coldWaterC ?? VisitRules.coldWaterCDefault
        if showers.temperatureC == nil { assume("showers.temperatureC", .number(temperature), .formatDefault) }
        if showers.coldWaterC == nil { assume("showers.coldWaterC", .number(cold), .formatDefault) }

        let litres = (showers.flowLitresPerMinute - ref.efficientLitresPerMinute.value)
            * showers.minutes * showers.perWeek * Self.weeksPerYear
        let usefulKWh = litres * max(0, temperature - cold) * ref.kWhPerLitreKelvin.value
        var electricityKWh = 0.0
        var heatKWh = 0.0
        let carrier: String
        switch hotWater {
        case .electricInstantaneous:
            electricityKWh = usefulKWh
            carrier = "electricity"
        case .electricBoiler:
            electricityKWh = usefulKWh / ref.electricBoilerEfficiency.value
            carrier = "electricity"
        case .none:
            if let heating, heating.includesHotWater {
                heatKWh = usefulKWh / ref.heatingSystemHotWaterEfficiency.value
                carrier = heating.fuel.rawValue
            } else {
                warn(.showerEnergyCarrierUnknown)
                carrier = "unknown"
            }
        }
        return measure(.showerhead, recommended: litres > 0, electricityKWh: electricityKWh, heatKWh: heatKWh,
                       waterM3: litres / 1000, investmentEUR: ref.showerheadPriceEUR.value, details: [
                           .init("oldFlowLitresPerMinute", .number(showers.flowLitresPerMinute)),
                           .init("newFlowLitresPerMinute", .number(ref.efficientLitresPerMinute.value)),
                           .init("litresPerYear", .number(cents(litres))),
                           .init("usefulKWh", .number(cents(usefulKWh))),
                           .init("carrier", .text(carrier)),
                       ])
    }

    /// `room-temperature`: each kelvin less saves a share of the space heating, up to a cap.
    func roomTemperatureMeasure() -> MeasureResult? {
        guard let heating, let room = heating.roomTemperatureC, room > heating.targetTemperatureC else { return nil }
        let kelvin = min(room - heating.targetTemperatureC, reference.heating.maxKelvin.value)
        let kWh = heating.spaceHeatingKWh * reference.heating.savingPerKelvin.value * kelvin
        return measure(.roomTemperature, recommended: true, heatKWh: kWh, details: [
            .init("roomTemperatureC", .number(room)),
            .init("targetTemperatureC", .number(heating.targetTemperatureC)),
            .init("kelvin", .number(cents(kelvin))),
            .init("savingPerKelvin", .number(reference.heating.savingPerKelvin.value)),
            .init("spaceHeatingKWh", .number(cents(heating.spaceHeatingKWh))),
        ])
    }

    /// `ventilation`: airing briefly and fully instead of tilted windows.
    func ventilationMeasure() -> MeasureResult? {
        guard let heating, heating.windowsTilted else { return nil }
        let share = reference.heating.tiltedWindowShare.value
        return measure(.ventilation, recommended: true, heatKWh: heating.spaceHeatingKWh * share, details: [
            .init("spaceHeatingKWh", .number(cents(heating.spaceHeatingKWh))),
            .init("share", .number(share)),
        ])
    }

    /// `tariff-switch`: the cheapest tariff of the city file against the one in use; euros only.
    func tariffSwitchMeasure() -> MeasureResult? {
        let kWh = visit.electricity.annualKWh
        let now = electricityTariff
        var cheapest: (index: Int, costEUR: Double)?
        for chosen in effectiveTariffs where !chosen.notYetValid {
            let candidate = data.tariffs.entries[chosen.index]
            guard candidate.tariff.id != electricityTariffID else { continue }
            let cost = candidate.tariff.price.annualCostEUR(kWh: kWh)
            if cost < cheapest?.costEUR ?? .infinity { cheapest = (chosen.index, cost) }
        }
        guard let best = cheapest.map({ data.tariffs.entries[$0.index].tariff }) else { return nil }
        let saving = (now.energyPriceCtPerKWh - best.price.energyPriceCtPerKWh) / 100 * kWh
            + (now.basePriceEURPerYear - best.price.basePriceEURPerYear)
        guard cents(saving) > 0 else { return nil }
        return measure(.tariffSwitch, recommended: true, tariffEUR: saving, details: [
            .init("tariff", .text(best.id)),
            .init("supplier", .text(best.price.supplier)),
            .init("name", .text(best.price.name)),
            .init("basicSupply", .flag(best.basicSupply)),
            .init("energyPriceCtPerKWh", .number(best.price.energyPriceCtPerKWh)),
            .init("basePriceEURPerYear", .number(best.price.basePriceEURPerYear)),
        ])
    }
}
