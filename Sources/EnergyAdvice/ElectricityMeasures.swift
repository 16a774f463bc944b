/// `led`, `standby` and `fridge-replacement`: the measures that save electricity of appliances.
extension AdviceContext {
    /// `led`: every lighting row that is not LED yet and is switched on.
    mutating func addLighting(to drafts: inout [MeasureDraft]) throws(AdviceError) {
        for (index, row) in visit.lighting.enumerated() {
            let installed = row.installedAtVisit ?? false
            guard row.technology != .led, row.hoursPerDay > 0 else {
                if installed { warn(.installedWithoutSaving(path: "lighting[\(index)].installedAtVisit")) }
                continue
            }
            guard let share = data.ledShare[ListedConstant.position(row.technology)] else {
                throw .noLEDShare(row.technology)
            }
            constant(.ledShare(row.technology), share)
            let ledWatts = row.watts * share.value
            let kWh = Double(row.lamps) * (row.watts - ledWatts) * row.hoursPerDay * Self.daysPerYear / 1000
            drafts.append(
                MeasureDraft(
                    kind: .led, recommended: kWh > 0, installedAtVisit: installed, electricityKWh: kWh,
                    baseline: .measured, item: .ledLamp, itemCount: row.lamps,
                    retailEUR: Double(row.lamps) * retailPrice(.ledLamp),
                    details: .led(
                        LEDDetails(
                            row: index, room: row.room, lamps: row.lamps, technology: row.technology,
                            oldWatts: row.watts, ledWatts: cents(ledWatts), hoursPerDay: row.hoursPerDay))))
        }
    }

    /// `standby`: a switchable strip for every standby row, except devices that must stay on (a router, a phone, an
    /// alarm clock, a medical device): a strip would cut the phone line, the alarm or the device.
    mutating func addStandby(to drafts: inout [MeasureDraft]) {
        for (index, appliance) in visit.appliances.enumerated() {
            guard case .standby(let device) = appliance else { continue }
            let installed = device.installedAtVisit ?? false
            let kind = device.effectiveKind
            if kind.mustStayOn && installed {
                warn(.installedWithoutSaving(path: "appliances[\(index)].installedAtVisit"))
            }
            // Listed, never recommended and saving nothing: the sheet says to leave it on.
            let kWh = kind.mustStayOn ? 0 : device.watts * device.hoursPerDay * Self.daysPerYear / 1000
            if installed && kWh == 0 { warn(.installedWithoutSaving(path: "appliances[\(index)].installedAtVisit")) }
            drafts.append(
                MeasureDraft(
                    kind: .standby, recommended: kWh > 0, installedAtVisit: installed && !kind.mustStayOn,
                    electricityKWh: kWh,
                    baseline: .measured, item: .switchableStrip, retailEUR: retailPrice(.switchableStrip),
                    details: .standby(
                        StandbyDetails(
                            appliance: index, kind: kind, label: device.label, watts: device.watts,
                            hoursPerDay: device.hoursPerDay))))
        }
    }

    /// `fridge-replacement`: old consumption (label or measured) against a new device. By age alone the advice is
    /// to measure first, and it promises neither a saving nor a voucher (rule 6).
    mutating func addCooling(to drafts: inout [MeasureDraft]) throws(AdviceError) {
        for (index, appliance) in visit.appliances.enumerated() {
            guard case .cooling(let device) = appliance else { continue }
            guard let ref = reference.cooling[device.kind] else { throw .noCoolingReference(device.kind) }
            let path = "appliances[\(index)]"
            let oldKWh: Double
            let basis: Baseline
            if let annual = device.annualKWh {
                (oldKWh, basis) = (annual, .label)
            } else if let perDay = device.measuredKWhPerDay {
                (oldKWh, basis) = (perDay * Self.daysPerYear, .measured)
            } else {
                let estimate = ref.estimate(ageYears: device.ageYears)
                (oldKWh, basis) = (estimate.value, .estimated)
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
            // Rule 6: by age alone the advice is "measure it" — an estimate must not decide either way, except
            // for a device too young for the programme whose estimate saves too little anyway.
            let young = device.ageYears.map { $0 <= voucher.minAgeYears } ?? false
            let action: FridgeAction =
                basis == .estimated ? (young && !worthIt ? .keep : .measureFirst) : (worthIt ? .replace : .keep)
            let oldEnough = device.ageYears.map { $0 > voucher.minAgeYears }
            if voucherOffered && action == .replace && oldEnough == nil {
                warn(.voucherNeedsAge(applianceIndex: index))
            }
            let voucherEUR = voucherOffered && action == .replace && oldEnough == true ? voucher.amountEUR : 0
            drafts.append(
                MeasureDraft(
                    kind: .fridgeReplacement, recommended: action == .replace, installedAtVisit: false,
                    electricityKWh: saving, baseline: basis, retailEUR: ref.newDevicePriceEUR.value,
                    voucherEUR: voucherEUR,
                    details: .fridgeReplacement(
                        FridgeDetails(
                            appliance: index, kind: device.kind, ageYears: device.ageYears, oldAnnualKWh: cents(oldKWh),
                            oldBasis: basis, newAnnualKWh: newKWh, action: action, minSavingKWh: voucher.minSavingKWh,
                            voucherRule: voucherOffered ? voucher : nil))))
        }
    }
}
