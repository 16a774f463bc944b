/// Rules 2, 3, 4 and 7 of calculation rules v2: expected figures, money at the energy price, who gets it, and what
/// an item given at the visit costs.
extension AdviceContext {
    /// Euros, CO2 and the split of one physical saving. Every part is rounded to cents before it is added, so the
    /// split adds up to the saving exactly.
    func price(electricityKWh: Double, heatKWh: Double, waterM3: Double) -> (saving: Saving, split: PayerSplit) {
        let electricityKWh = cents(electricityKWh)
        let heatKWh = cents(heatKWh)
        let waterM3 = cents(waterM3)
        let electricityEUR = cents(electricityKWh * electricityPrice)
        // Only the consumption share of a building's bill follows the flat's own use (rule 4).
        let heatEUR = heating.map { cents(cents(heatKWh * $0.tariff.energyPriceCtPerKWh / 100) * $0.billShare) } ?? 0
        let waterEUR = cents(waterM3 * water.value)
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

    /// The measure as the advice shows it: technical and expected figures, range, costs and payback.
    mutating func result(_ draft: MeasureDraft) throws(AdviceError) -> MeasureResult {
        let factor = try realisation(draft.kind)
        let technical = price(electricityKWh: draft.electricityKWh, heatKWh: draft.heatKWh, waterM3: draft.waterM3)
        let expected = price(
            electricityKWh: draft.electricityKWh * factor.likely, heatKWh: draft.heatKWh * factor.likely,
            waterM3: draft.waterM3 * factor.likely)
        let free = draft.item.map { city.kitPrices[$0] != nil } ?? false
        if draft.installedAtVisit, let item = draft.item, !free, !city.kitPrices.isEmpty {
            warn(.installedNotInKit(item: item))
        }
        let investment = draft.installedAtVisit || free ? 0 : cents(draft.retailEUR)
        let programmeCost =
            draft.installedAtVisit ? draft.item.map { cents(Double(draft.itemCount) * kitPrice($0)) } ?? 0 : 0
        let net = investment - draft.voucherEUR
        // The household repays what it pays only from its own part of the saving.
        let payback: Double? =
            net <= 0 ? 0 : (expected.split.household > 0 ? cents(12 * net / expected.split.household) : nil)
        return MeasureResult(
            kind: draft.kind, recommended: draft.recommended, installedAtVisit: draft.installedAtVisit,
            freeFromProgramme: free,
            expected: expected.saving, technical: technical.saving, realisation: factor,
            range: EURRange(
                lowEUR: cents(technical.saving.savingEUR * factor.low),
                highEUR: cents(technical.saving.savingEUR * factor.high)),
            capped: draft.capped, baseline: draft.baseline, investmentEUR: investment,
            programmeCostEUR: programmeCost, voucherEUR: cents(draft.voucherEUR), paybackMonths: payback,
            split: expected.split, details: draft.details)
    }
}
