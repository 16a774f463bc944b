/// `tariff-switch` (rule 5): a real, named product of the city file, compared with the tariff in use on the
/// consumption left after the expected electricity savings. Euros only, kept out of the totals.
extension AdviceContext {
    func tariffSwitch(afterSavingKWh saved: Double) -> MeasureResult? {
        guard visit.electricity.switchPossible ?? true else { return nil }
        let kWh = max(0, visit.electricity.annualKWh - saved)
        let now = electricityTariff.annualCostEUR(kWh: kWh)
        var cheapest: (index: Int, costEUR: Double)?
        for chosen in effectiveTariffs where !chosen.notYetValid {
            let candidate = data.tariffs.entries[chosen.index].tariff
            guard candidate.isSwitchTarget, candidate.id != electricityTariffID else { continue }
            let cost = candidate.price.annualCostEUR(kWh: kWh)
            if cost < cheapest?.costEUR ?? .infinity { cheapest = (chosen.index, cost) }
        }
        guard let best = cheapest else { return nil }
        let target = data.tariffs.entries[best.index].tariff
        let saving = cents(now - best.costEUR)
        guard saving > 0 else { return nil }
        let euros = Saving(savingEUR: saving)
        return MeasureResult(
            kind: .tariffSwitch, recommended: true, installedAtVisit: false, freeFromProgramme: false,
            expected: euros, technical: euros,
            realisation: nil, range: EURRange(lowEUR: saving, highEUR: saving), capped: false, baseline: .bill,
            investmentEUR: 0, programmeCostEUR: 0, voucherEUR: 0, paybackMonths: 0, split: [.household: saving],
            details: .tariffSwitch(
                TariffSwitchDetails(
                    tariffID: target.id, supplier: target.price.supplier, name: target.price.name,
                    energyPriceCtPerKWh: target.price.energyPriceCtPerKWh,
                    basePriceEURPerYear: target.price.basePriceEURPerYear, validFrom: target.price.validFrom,
                    minimumTermMonths: target.minimumTermMonths, creditCheck: target.creditCheck,
                    kWhAfterSavings: cents(kWh), currentCostEUR: cents(now), newCostEUR: cents(best.costEUR))))
    }
}
