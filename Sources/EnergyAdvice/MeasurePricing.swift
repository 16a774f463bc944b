/// Rules 2, 3, 4 and 7 of calculation rules v2: expected figures, money at the energy price, who gets it, and what
/// an item given at the visit costs.
extension AdviceContext {
    /// Euros, CO2 and the split of one physical saving. Every part is rounded to cents before it is added, so the
    /// split adds up to the saving exactly.
    func price(electricityKWh: Double, heatKWh: Double, waterM3: Double) -> (saving: Saving, split: PayerSplit) {
        let electricityKWh = cents(electricityKWh)
        let heatKWh = cents(heatKWh)
        let waterM3 = cents(waterM3)
        // Money in decimal arithmetic, rounded half away from zero (475 kWh × 30.86 ct = 146.59 €).
        let electricityEUR = DecimalMoney.euros(kWh: electricityKWh, ctPerKWh: electricityTariff.energyPriceCtPerKWh)
        // Only the consumption share of a building's bill follows the flat's own use (rule 4).
        let heatEUR =
            heating.map {
                DecimalMoney.cents(
                    DecimalMoney.euros(kWh: heatKWh, ctPerKWh: $0.tariff.energyPriceCtPerKWh), times: $0.billShare)
            } ?? 0
        let waterEUR = DecimalMoney.cents(waterM3, times: water.value)
        var split = PayerSplit()
        split.household = electricityEUR
        split[heatingPayer] = cents(split[heatingPayer] + heatEUR)
        split[waterPayer] = cents(split[waterPayer] + waterEUR)
        var co2 = 0.0
        if electricityKWh > 0, let factor = electricityCO2 { co2 += electricityKWh * factor.value }
        if heatKWh > 0, let factor = heatCO2 { co2 += heatKWh * factor.value }
        let saving = Saving(
            electricityKWh: electricityKWh, heatKWh: heatKWh, waterM3: waterM3,
            savingEUR: cents(electricityEUR + heatEUR + waterEUR), co2Kg: cents(co2))
        return (saving, split)
    }

    /// The measure as the advice shows it: technical and expected figures, range, costs, payback, and whether it is
    /// recommended: a step the household pays for only when its own part of the saving pays it back within the item's
    /// life.
    mutating func result(_ draft: MeasureDraft) throws(AdviceError) -> MeasureResult {
        let factor = try realisation(draft.kind)
        let technical = price(electricityKWh: draft.electricityKWh, heatKWh: draft.heatKWh, waterM3: draft.waterM3)
        let expected = price(
            electricityKWh: draft.electricityKWh * factor.likely, heatKWh: draft.heatKWh * factor.likely,
            waterM3: draft.waterM3 * factor.likely)
        // The city's programme hands the item out for free: the household pays nothing for it, but until it is
        // handed out the sheet says where to get it, not that it is done (`freeFromProgramme`).
        let kit = draft.item.map { city.kitPrices[$0] != nil } ?? false
        if draft.installedAtVisit, let item = draft.item, !kit, !city.kitPrices.isEmpty {
            warn(.installedNotInKit(item: item))
        }
        let investment = draft.installedAtVisit || kit ? 0 : cents(draft.retailEUR)
        let programmeCost =
            draft.installedAtVisit
            ? draft.item.map { DecimalMoney.cents(Double(draft.itemCount), times: kitPrice($0)) } ?? 0 : 0
        let net = investment - draft.voucherEUR
        // The household repays what it pays only from its own part of the saving.
        let payback: Double? =
            net <= 0 ? 0 : (expected.split.household > 0 ? cents(12 * net / expected.split.household) : nil)
        let lifetime = lifetimeYears(of: draft)
        var reason: NotRecommendedReason?
        if !draft.recommended {
            switch draft.details {
            case .fridgeReplacement(let d) where d.action == .measureFirst: reason = .measureFirst
            case .standby(let d) where d.kind.mustStayOn: reason = .mustStayOn
            default: reason = .savesTooLittle
            }
        } else if net > 0 {
            if payback == nil {
                reason = .savesTheHouseholdNothing
            } else if let payback, let lifetime, payback > lifetime * 12 {
                reason = .paysBackTooLate
            }
        }
        return MeasureResult(
            kind: draft.kind, recommended: draft.recommended && reason == nil, notRecommendedBecause: reason,
            installedAtVisit: draft.installedAtVisit, freeFromProgramme: kit,
            expected: expected.saving, technical: technical.saving, realisation: factor,
            range: Self.range(technical.saving.savingEUR, around: expected.saving.savingEUR, factor: factor),
            householdRange: Self.range(technical.split.household, around: expected.split.household, factor: factor),
            capped: draft.capped, baseline: draft.baseline, investmentEUR: investment,
            programmeCostEUR: programmeCost, voucherEUR: cents(draft.voucherEUR), paybackMonths: payback,
            lifetimeYears: lifetime.map(cents), split: expected.split, details: draft.details)
    }

    /// technical × low to technical × high, always around the expected figure: the expected figure is priced from its
    /// own rounded kWh and m³, so a saving of a few cents could otherwise fall a cent outside its range (issue 18: a
    /// tap aerator whose low end was above its expected figure).
    static func range(_ technicalEUR: Double, around expectedEUR: Double, factor: RealisationFactor) -> EURRange {
        EURRange(
            lowEUR: min(DecimalMoney.cents(technicalEUR, times: factor.low), expectedEUR),
            highEUR: max(DecimalMoney.cents(technicalEUR, times: factor.high), expectedEUR))
    }

    /// How long the step's item lasts (listed in `inputs`): a lamp by its burning hours at the row's hours a day, a new
    /// cooling appliance, a strip, a showerhead or an aerator by its years. Nil for advice without an item.
    mutating func lifetimeYears(of draft: MeasureDraft) -> Double? {
        let item: LifetimeItem
        var hoursPerDay: Double?
        switch draft.details {
        case .led(let d):
            item = .ledLamp
            hoursPerDay = d.hoursPerDay
        case .fridgeReplacement(let d): item = LifetimeItem(d.kind)
        default:
            guard let kit = draft.item else { return nil }
            item = LifetimeItem(kit)
        }
        guard let lifetime = reference.lifetimes[item] else { return nil }
        if let years = lifetime.years { constant(.lifetime(item), years) }
        if let hours = lifetime.hours { constant(.lifetime(item), hours) }
        return lifetime.years(hoursPerDay: hoursPerDay)
    }
}
