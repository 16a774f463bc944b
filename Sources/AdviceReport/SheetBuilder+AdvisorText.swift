import AdviceLocalization
import EnergyAdvice

/// The advisor's texts: warnings, assumptions, prices and sources, and the ids every language must hold.
extension SheetBuilder {
    /// A warning in this builder's language (the staff's German by default), e.g. for the JSON's `message`.
    public func warning(_ w: AdviceWarning) -> String {
        let id = "warning.\(w.code)"
        switch w {
        case .electricityImplausiblyHigh(let v, let limit), .electricityImplausiblyLow(let v, let limit):
            return t(id, ["kWh": kWh(v.rounded()), "limit": kWh(limit)])
        case .heatingImplausiblyHigh(let v, let limit), .heatingImplausiblyLow(let v, let limit):
            return t(id, ["value": kWh(v.rounded()), "limit": kWh(limit.rounded())])
        case .cityTariffsExpired(_, let until), .referenceDataExpired(let until), .cityTariffsExpiring(_, let until),
            .referenceDataExpiring(let until):
            return t(id, ["date": date(until)])
        case .tariffNotYetValid(let name, let from):
            return t(id, ["name": text(name), "date": date(from)])
        case .hotWaterSourceUnknown, .buildingBillingForHouse, .consumptionShareIgnored, .hotWaterTwice:
            return t(id)
        case .voucherNeedsAge(let index):
            return t(id, ["number": count(Double(index + 1))])
        case .hotWaterAboveUse(let used, let available, let basis):
            return t(
                id,
                [
                    "used": kWh(used.rounded()), "available": kWh(available.rounded()),
                    "basis": text(t("warning.basis.\(basis.rawValue)")),
                ])
        case .waterAboveUse(let used, let household, let fromBill):
            return t(
                id,
                [
                    "used": m3(used), "household": m3(household),
                    "basis": text(t(fromBill ? "warning.water.bill" : "warning.water.persons")),
                ])
        case .waterUseUnusual(let used, let typical):
            return t(id, ["used": m3(used), "typical": m3(typical)])
        case .electricitySavingsCapped(let technical, let annual), .heatingSavingsCapped(let technical, let annual):
            return t(id, ["technical": kWh(technical.rounded()), "annual": kWh(annual.rounded())])
        case .largeShareOfElectricity(let saved, let annual), .largeShareOfHeating(let saved, let annual):
            return t(id, ["saved": kWh(saved.rounded()), "percent": percent(annual > 0 ? saved / annual : 0)])
        case .installedWithoutSaving(let path):
            return t(id, ["path": text(path)])
        case .installedNotInKit(let item):
            return t(id, ["item": text(t("kit.\(item.rawValue)"))])
        }
    }

    func assumption(_ input: AssumedInput) -> String {
        func number(_ x: Double) -> String {
            let digits = x == x.rounded() ? 0 : abs(x) < 0.01 ? 6 : 2
            return format.number(x, fractionDigits: digits)
        }
        let value: String
        switch input.value {
        case .number(let x): value = number(x)
        case .text(let s): value = s
        case .flag(let b): value = t(b ? "flag.yes" : "flag.no")
        case .factor(let low, let likely, let high): value = "\(number(likely)) (\(number(low))–\(number(high)))"
        }
        var line = "\(input.path) = \(value) (\(t("assumption.\(input.kind.rawValue)"))"
        if let source = input.source { line += ", " + sourceName(source) }
        return line + ")"
    }

    func sourceName(_ s: Source) -> String {
        "\(s.publisher) \(s.year)" + (s.confirmed ? "" : format.listSeparator + t("source.unconfirmed"))
    }

    func tariff(_ u: UsedTariff) -> String {
        let label: String
        switch u.use {
        case .water: label = t("tariff.water")
        case .co2: label = t("tariff.co2", ["carrier": text(t("carrier.\(u.carrier?.rawValue ?? "electricity")"))])
        case .electricity, .heating:
            if let supplier = u.supplier, let name = u.name {
                label = "\(supplier), \(name)"
            } else {
                label = t("tariff.householdBill", ["use": text(t("installment.\(u.use.rawValue)"))])
            }
        }
        var parts = figures(u)
        if let from = u.validFrom { parts.append(t("tariff.from", ["date": date(from)])) }
        if let s = u.source { parts.append(sourceName(s)) }
        return label + ": " + parts.joined(separator: format.listSeparator)
    }

    /// A price or factor as the household reads it: what it is for, the figure and since when, in the sheet's
    /// language; "unbestätigt" where its source is not confirmed. The supplier's product name and the publisher
    /// stay on the office copy (``tariff(_:)``).
    func price(_ u: UsedTariff) -> String {
        let label: String
        switch u.use {
        case .water: label = t("tariff.water")
        case .co2: label = t("tariff.co2", ["carrier": text(t("carrier.\(u.carrier?.rawValue ?? "electricity")"))])
        case .electricity, .heating:
            let use = t("installment.\(u.use.rawValue)")
            label = u.fromHouseholdBill ? t("tariff.householdBill", ["use": text(use)]) : use
        }
        var parts = figures(u)
        if let from = u.validFrom { parts.append(t("tariff.from", ["date": date(from)])) }
        if let s = u.source, !s.confirmed { parts.append(t("source.unconfirmed")) }
        return label + ": " + parts.joined(separator: format.listSeparator)
    }

    /// The price or factor of a tariff line: ct/kWh with the base price, €/m³, kg CO₂/kWh.
    func figures(_ u: UsedTariff) -> [String] {
        var parts: [String] = []
        if let ct = u.energyPriceCtPerKWh {
            var price = format.quantity(ct, unit: unit("ctPerKWh"), fractionDigits: 2)
            if let base = u.basePriceEURPerYear, base > 0 { price += " + " + format.money(base) + "/" + unit("year") }
            parts.append(price)
        }
        if let m3 = u.eurPerM3 { parts.append(format.money(m3) + "/" + unit("m3")) }
        if let co2 = u.co2KgPerKWh {
            parts.append(format.quantity(co2, unit: unit("kgPerKWh"), fractionDigits: 3))
        }
        return parts
    }

    /// Every message id the sheet can ask for, so `esp locales check` can prove the source file complete.
    public static var requiredMessageIDs: [String] {
        var ids = [
            "sheet.title", "sheet.visit", "office.line", "heading.consumption", "heading.steps",
            "heading.notRecommended",
            "heading.checkFirst", "heading.tariffSwitch", "heading.split", "heading.installment", "heading.tips",
            "heading.warnings", "heading.assumptions", "heading.sources", "consumption.electricity",
            "consumption.heating", "consumption.heatingEstimated", "benchmark.class", "benchmark.average",
            "benchmark.averageMarker", "benchmark.upTo", "benchmark.above", "benchmark.youAreHere", "table.step",
            "table.kWh", "table.eur", "table.co2", "table.cost", "table.payback", "table.total", "payback.now",
            "payback.underOneMonth", "payback.months", "payback.years", "payback.never", "cost.free", "cost.doneToday",
            "cost.freeAtOffice", "payback.onceFitted",
            "measure.place", "measure.fridge-replacement.how.voucher", "measure.fridge-replacement.measureFirst",
            "measure.fridge-replacement.measureFirst.noVoucher",
            "notRecommended.line", "steps.range", "steps.estimated", "tariffSwitch.offer", "tariffSwitch.price",
            "tariffSwitch.term", "tariffSwitch.noTerm", "tariffSwitch.creditCheck", "tariffSwitch.apart",
            "split.heatingNote", "split.buildingNote", "installment.electricity", "installment.heating",
            "installment.expected", "installment.payMore", "installment.refund", "tip.heating.how",
            "tip.ventilation.how", "tip.cooking.how", "tip.washing.how", "tip.fridge.how", "assumption.default",
            "assumption.estimate", "assumption.city-tariff", "assumption.reference", "assumption.city",
            "source.unconfirmed", "tariff.water", "tariff.co2", "tariff.from", "tariff.householdBill",
            "smallprint.expected", "smallprint.co2.withUpstream", "smallprint.co2.withoutUpstream", "smallprint.rules",
            "followup.line", "flag.yes", "flag.no", "advisor.step", "advisor.capped", "advisor.programmeCost",
            "sheet.title.office", "sheet.advisor", "sheet.page", "sheet.page.office", "heading.prices",
            "measure.led.done", "warning.water.bill", "warning.water.persons", "split.householdNothing",
            "notRecommended.paysBackTooLate", "notRecommended.savesTheHouseholdNothing", "notRecommended.mustStayOn",
            "steps.noOwnSaving", "tariffSwitch.offer.basic", "tariffSwitch.offer.basicAverage",
            "tariffSwitch.averagePrice",
            "tariffSwitch.notice.weeks", "tariffSwitch.notice.replacement", "tariffSwitch.notice.contract",
        ]
        ids += KnownUse.allCases.map { "warning.basis.\($0.rawValue)" }
        ids += StandbyKind.allCases.map { "standby.kind.\($0.rawValue)" }
        ids += [Payer.jobcenter, .socialOffice, .landlord].map { "installment.paidBy.\($0.rawValue)" }
        ids += InstallmentGap.allCases.map { "installment.missing.\($0.rawValue)" }
        ids += Room.allCases.map { "room.\($0.rawValue)" }
        ids += ["kWh", "kg", "litres", "m3", "ctPerKWh", "kgPerKWh", "year"].map { "unit.\($0)" }
        ids += HeatingFuel.allCases.map { "fuel.\($0.rawValue)" }
        ids += HeatingVerdict.allCases.map { "heating.compare.\($0.rawValue)" }
        ids += EnergyCarrier.allCases.map { "carrier.\($0.rawValue)" }
        ids += Payer.allCases.map { "split.\($0.rawValue)" }
        ids += Baseline.allCases.map { "baseline.\($0.rawValue)" }
        ids += CoolingKind.allCases.map { "device.\($0.rawValue)" }
        ids += KitItem.allCases.map { "kit.\($0.rawValue)" }
        ids += LampTechnology.allCases.filter { $0 != .led }.map { "measure.led.title.\($0.rawValue)" }
        ids += CoolingKind.allCases.map { "measure.fridge-replacement.title.\($0.rawValue)" }
        ids += TapRoom.allCases.map { "measure.tap-aerator.title.\($0.rawValue)" }
        for kind in MeasureKind.allCases {
            if ![.led, .fridgeReplacement, .tapAerator].contains(kind) { ids.append("measure.\(kind.rawValue).title") }
            ids += ["measure.\(kind.rawValue).why", "measure.\(kind.rawValue).how"]
        }
        ids += [MeasureKind.led, .standby, .showerhead, .tapAerator].map { "measure.\($0.rawValue).free" }
        ids += [MeasureKind.standby, .showerhead, .tapAerator].map { "measure.\($0.rawValue).done" }
        ids += AdviceWarning.allCodes.map { "warning.\($0)" }
        return ids
    }
}
