import EnergyAdvice

/// What an edit keeps from the file that the questionnaire does not ask, and what it could not keep.
public enum VisitEdit {
    /// `edited` with the values of `original` that the questionnaire never asks for: a fridge's volume and
    /// replacement kWh (and its label kWh beside a measurement), the shower's temperatures, the taps' minutes a day,
    /// the meter reading's own date while its kWh are unchanged, the water bill, the heating bill's hot-water figure,
    /// the kind of electricity supply, and the name and address for the letters of a visit without debts.
    public static func keepingUnasked(from original: Visit, in edited: Visit) -> Visit {
        var result = edited
        result.household.annualWaterM3 = original.household.annualWaterM3
        result.electricity.supply = original.electricity.supply
        if result.heating != nil, let old = original.heating, old.fuel == result.heating?.fuel {
            result.heating?.hotWaterKWh = old.hotWaterKWh
            // A hot-water figure that no longer fits the new bill is dropped rather than made an error.
            if let figure = old.hotWaterKWh, let annual = result.heating?.annualKWh, figure > annual {
                result.heating?.hotWaterKWh = nil
            }
            if result.heating?.annualKWh == nil || result.heating?.includesHotWater == false {
                result.heating?.hotWaterKWh = nil
            }
        }
        let oldCooling = original.appliances.compactMap { if case .cooling(let d) = $0 { d } else { nil } }
        var coolingIndex = 0
        result.appliances = edited.appliances.map { appliance in
            guard case .cooling(var device) = appliance else { return appliance }
            defer { coolingIndex += 1 }
            guard coolingIndex < oldCooling.count, oldCooling[coolingIndex].kind == device.kind else {
                return appliance
            }
            let old = oldCooling[coolingIndex]
            device.volumeLitres = old.volumeLitres
            device.replacementAnnualKWh = old.replacementAnnualKWh
            if device.annualKWh == nil, device.measuredKWhPerDay != nil,
                device.measuredKWhPerDay == old.measuredKWhPerDay
            {
                device.annualKWh = old.annualKWh
            }
            return .cooling(device)
        }
        if var showers = result.showers, let old = original.showers {
            showers.temperatureC = old.temperatureC
            showers.coldWaterC = old.coldWaterC
            result.showers = showers
        }
        result.taps = edited.taps.map { tap in
            var kept = tap
            kept.minutesPerDay = original.taps.first { $0.room == tap.room }?.minutesPerDay
            return kept
        }
        if let reading = edited.electricity.meterReading, let old = original.electricity.meterReading,
            reading.kWh == old.kWh
        {
            result.electricity.meterReading = old
        }
        // The name and address for the letters are asked only with a debt: without one they stay as they are.
        if edited.energyDebt.isEmpty { result.contact = original.contact }
        return result
    }

    /// The parts of the visit (top-level keys) in which `replayed` differs from `original` once every default is
    /// written out: what the questionnaire cannot express and an edit would change unasked. Empty when the file can
    /// be edited without loss.
    public static func lostParts(original: Visit, replayed: Visit) -> [String] {
        let a = normalised(original)
        let b = normalised(keepingUnasked(from: original, in: replayed))
        var parts: [String] = []
        if a.visitId != b.visitId || a.date != b.date || a.city != b.city || a.language != b.language {
            parts.append("visitId, date, city, language")
        }
        if a.advisor != b.advisor { parts.append("advisor") }
        if a.household != b.household { parts.append("household") }
        if a.electricity != b.electricity { parts.append("electricity") }
        if a.heating != b.heating { parts.append("heating") }
        if a.lighting != b.lighting { parts.append("lighting") }
        if a.appliances != b.appliances { parts.append("appliances") }
        if a.showers != b.showers { parts.append("showers") }
        if a.taps != b.taps { parts.append("taps") }
        if a.notes != b.notes { parts.append("notes") }
        if a.energyDebt != b.energyDebt { parts.append("energyDebt") }
        if a.contact != b.contact { parts.append("household.name, household.address") }
        return parts
    }

    /// Every default of `esp-visit/1` written out, and values that mean nothing in their place left out (a payer of
    /// a heating that is not recorded, a target temperature without a measured one, a building's consumption share on
    /// an own bill, a hand-out flag on an LED row).
    static func normalised(_ visit: Visit) -> Visit {
        var v = visit
        v.language = v.language ?? VisitRules.languageDefault
        let benefit = v.household.benefit ?? .none
        v.household.benefit = benefit
        let payer = VisitRules.defaultHousingCostPayer(for: benefit)
        v.household.heatingCostsPaidBy = v.heating == nil ? nil : (v.household.heatingCostsPaidBy ?? payer)
        v.household.waterCostsPaidBy = v.household.waterCostsPaidBy ?? payer
        let hotWater = v.electricity.hotWater ?? .none
        v.electricity.hotWater = hotWater
        v.electricity.switchPossible = v.electricity.switchPossible ?? true
        if var heating = v.heating {
            heating.includesHotWater =
                heating.includesHotWater
                ?? (heating.hotWaterKWh != nil || (!hotWater.isElectric && heating.fuel != .electricStorage))
            let billing =
                heating.billing ?? VisitRules.defaultBilling(dwelling: v.household.dwelling, fuel: heating.fuel)
            heating.billing = billing
            if billing == .own { heating.consumptionShare = nil }
            heating.targetTemperatureC =
                heating.roomTemperatureC == nil
                ? nil : heating.targetTemperatureC ?? VisitRules.targetTemperatureCDefault
            heating.windowsTiltedInWinter = heating.windowsTiltedInWinter ?? false
            v.heating = heating
        }
        v.lighting = v.lighting.map { row in
            var row = row
            row.installedAtVisit = row.technology == .led ? nil : row.installedAtVisit ?? false
            return row
        }
        v.appliances = v.appliances.map { appliance in
            guard case .standby(var device) = appliance else { return appliance }
            device.installedAtVisit = device.installedAtVisit ?? false
            // "standby" without a kind is the questionnaire's "other".
            device.kind = device.kind ?? .other
            return .standby(device)
        }
        if var showers = v.showers {
            showers.installedAtVisit = showers.installedAtVisit ?? false
            v.showers = showers
        }
        // A debt's supply and cut-off written out; its risks in the order of the format, as the questionnaire
        // lists them.
        v.energyDebt = v.energyDebt.map { debt in
            var debt = debt
            debt.supply = debt.supply ?? .basic
            debt.cutOff = debt.cutOff ?? false
            debt.risks = HouseholdRisk.allCases.filter(debt.risks.contains)
            return debt
        }
        v.taps = TapRoom.allCases.flatMap { room in
            v.taps.filter { $0.room == room }.map { tap in
                var tap = tap
                tap.installedAtVisit = tap.installedAtVisit ?? false
                return tap
            }
        }
        return v
    }
}
