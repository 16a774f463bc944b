/// `tariff-switch` (rule 5): a real, named product of the city file, or the city's basic supply for a household that
/// is not in it (a contract or the replacement supply at a higher price), compared with the tariff in use on the
/// consumption left after the expected electricity savings. Euros only, kept out of the totals.
extension AdviceContext {
    mutating func tariffSwitch(afterSavingKWh saved: Double) -> MeasureResult? {
        let kWh = max(0, visit.electricity.annualKWh - saved)
        let now = electricityTariff.annualCostEUR(kWh: kWh)
        // A household with debts or a failed credit check cannot sign a product, but the basic supplier must take it.
        let mayChooseProducts = visit.electricity.switchPossible ?? true
        let supply = currentSupply
        var cheapest: (index: Int, costEUR: Double)?
        for chosen in effectiveTariffs where !chosen.notYetValid {
            let candidate = data.tariffs.entries[chosen.index].tariff
            guard candidate.id != electricityTariffID else { continue }
            let allowed =
                candidate.basicSupply
                ? supply != .basic && visit.electricity.tariff != nil
                : candidate.isSwitchTarget && mayChooseProducts
            guard allowed else { continue }
            let cost = candidate.price.annualCostEUR(kWh: kWh)
            if cost < cheapest?.costEUR ?? .infinity { cheapest = (chosen.index, cost) }
        }
        guard let best = cheapest else { return nil }
        let target = data.tariffs.entries[best.index].tariff
        let saving = cents(now - best.costEUR)
        guard saving > 0 else { return nil }
        let euros = Saving(savingEUR: saving)
        let notice = supply.flatMap { reference.noticeWeeks[$0] }
        if let supply, let notice { constant(.noticePeriod(supply), notice) }
        return MeasureResult(
            kind: .tariffSwitch, recommended: true, notRecommendedBecause: nil, installedAtVisit: false,
            freeFromProgramme: false, expected: euros, technical: euros,
            realisation: nil, range: EURRange(lowEUR: saving, highEUR: saving),
            householdRange: EURRange(lowEUR: saving, highEUR: saving), capped: false, baseline: .bill,
            investmentEUR: 0, programmeCostEUR: 0, voucherEUR: 0, paybackMonths: 0, lifetimeYears: nil,
            split: [.household: saving],
            details: .tariffSwitch(
                TariffSwitchDetails(
                    tariffID: target.id, supplier: target.price.supplier, name: target.price.name,
                    basicSupply: target.basicSupply, averagePrice: target.average, currentSupply: supply,
                    noticeWeeks: notice.map { Int($0.value) },
                    energyPriceCtPerKWh: target.price.energyPriceCtPerKWh,
                    basePriceEURPerYear: target.price.basePriceEURPerYear, validFrom: target.price.validFrom,
                    minimumTermMonths: target.minimumTermMonths, creditCheck: target.creditCheck,
                    kWhAfterSavings: cents(kWh), currentCostEUR: now, newCostEUR: best.costEUR)))
    }

    /// The household's supply: the visit's, else the basic supply when it pays the city's default tariff (which is
    /// the basic supply), else unknown (its own price may be a contract's).
    var currentSupply: SupplyKind? {
        if let supply = visit.electricity.supply { return supply }
        guard electricityTariffID != nil else { return nil }
        return data.tariffs.entries.first { $0.tariff.id == electricityTariffID }?.tariff.basicSupply == true
            ? .basic : nil
    }
}
