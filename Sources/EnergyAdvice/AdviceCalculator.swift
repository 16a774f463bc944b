/// Turns a visit into advice with the national reference data and one city's tariffs.
///
/// Pure: no files, no clock, no language. Calculation rules version 2: the technical figures of the v1 formulas,
/// bounded by the energy they come from, times a realisation factor, priced at the energy price and split by who
/// pays each cost.
public struct AdviceCalculator: Sendable {
    /// The national figures every advice of this calculator uses.
    public var reference: ReferenceData { data.reference }
    /// The city whose visits this calculator advises.
    public var city: CityTariffs { data.city }
    let data: CalculationData
    /// Judges the visit's energy debts; nil without the law's data.
    let debts: EnergyDebtAdvisor?

    /// Works out once what every visit of the city shares (tariffs in force by id, per-fuel figures, realisation
    /// factors and kit prices with the city's before the national ones), so ``advise(_:)`` does not repeat it.
    /// `energyLaw` judges energy debts; a visit that records some needs it.
    public init(reference: ReferenceData, city: CityTariffs, energyLaw: EnergyDebtLaw? = nil) {
        data = CalculationData(reference: reference, city: city)
        debts = energyLaw.map { EnergyDebtAdvisor(law: $0, city: city) }
    }

    /// The advice for one visit of this calculator's city.
    ///
    /// Throws when the data lack a figure the visit needs (a heating price, a benchmark row) or the visit is for
    /// another city; a visit that passed the decoder otherwise always advises, with warnings where inputs look wrong.
    public func advise(_ visit: Visit) throws(AdviceError) -> Advice {
        guard visit.city == data.city.id else { throw .cityMismatch(visitCity: visit.city, tariffCity: data.city.id) }
        var context = try AdviceContext(visit: visit, data: data)

        var drafts = try context.technicalMeasures()
        context.applyBounds(to: &drafts)
        var measures: [MeasureResult] = []
        measures.reserveCapacity(drafts.count + 1)
        for draft in drafts { measures.append(try context.result(draft)) }
        var totals = Totals(recommendedOf: measures)
        if let change = context.tariffSwitch(afterSavingKWh: totals.electricityKWh) {
            measures.append(change)
            totals.tariffSwitchEUR = change.savingEUR
        }

        let electricity = try context.electricitySummary()
        let heating = context.heatingSummary()
        context.addPlausibilityWarnings(electricity: electricity, heating: heating)
        context.flagLargeShares(totals)

        var advice = Advice(
            visitId: visit.visitId,
            date: visit.date,
            city: data.city.id,
            language: context.language,
            household: context.household,
            inputs: context.inputs,
            tariffs: context.usedTariffs(),
            electricity: electricity,
            heating: heating,
            measures: measures,
            totals: totals,
            installment: context.installmentCheck(electricity: electricity, heating: heating),
            warnings: context.warnings,
            co2IncludesUpstream: data.reference.co2IncludesUpstream
        )
        // The debts come last: the plan is paid from the savings just advised.
        if !visit.energyDebt.isEmpty {
            guard let debts else { throw .noEnergyLaw }
            advice.energyDebt = debts.advise(visit, advice: advice)
        }
        return advice
    }
}

extension Totals {
    /// Sums the expected figures of the recommended measures that save energy; each total is the sum of the
    /// already rounded parts. The tariff switch stays out.
    init(recommendedOf measures: [MeasureResult]) {
        var sum = Saving()
        var split = PayerSplit()
        var low = 0.0
        var high = 0.0
        for m in measures where m.recommended && m.kind != .tariffSwitch {
            sum.electricityKWh += m.electricityKWh
            sum.heatKWh += m.heatKWh
            sum.waterM3 += m.waterM3
            sum.savingEUR += m.savingEUR
            sum.co2Kg += m.co2Kg
            split += m.split
            low += m.range.lowEUR
            high += m.range.highEUR
        }
        split = PayerSplit(
            household: cents(split.household), jobcenter: cents(split.jobcenter),
            socialOffice: cents(split.socialOffice), landlord: cents(split.landlord))
        self.init(
            electricityKWh: cents(sum.electricityKWh), heatKWh: cents(sum.heatKWh), waterM3: cents(sum.waterM3),
            savingEUR: cents(sum.savingEUR), householdEUR: split.household, publicEUR: cents(split.publicEUR),
            landlordEUR: split.landlord, co2Kg: cents(sum.co2Kg), split: split,
            range: EURRange(lowEUR: cents(low), highEUR: cents(high)), tariffSwitchEUR: 0
        )
    }
}

extension Installment {
    /// The check of one bill; with something `missing` it gives neither a monthly amount nor a back-payment.
    init(payer: Payer, expectedAnnualEUR: Double, currentMonthlyEUR: Double?, missing: [InstallmentGap]) {
        let expected = cents(expectedAnnualEUR)
        let complete = missing.isEmpty
        self.init(
            payer: payer,
            expectedAnnualEUR: expected,
            currentMonthlyEUR: currentMonthlyEUR,
            recommendedMonthlyEUR: complete ? (expected / 12 - 1e-9).rounded(.up) : nil,
            balanceEUR: complete ? currentMonthlyEUR.map { cents(12 * $0 - expected) } : nil,
            missing: missing
        )
    }
}

extension AdviceContext {
    /// Electricity is the household's own bill; the heating's is whoever pays it. A check on an estimated use, or on
    /// a tariff without the base price it must have, says what is missing instead of promising a figure.
    func installmentCheck(electricity: ElectricitySummary, heating summary: HeatingSummary?) -> InstallmentCheck {
        var electricityGaps: [InstallmentGap] = []
        if electricityTariff.basePriceEURPerYear == 0 { electricityGaps.append(.basePrice) }
        var heatingCheck: Installment?
        if let summary, let heating {
            var gaps: [InstallmentGap] = []
            if heating.estimated { gaps.append(.bill) }
            // Delivered fuels (oil, pellets) have no base price; every grid-bound supply has one.
            if heating.tariff.basePriceEURPerYear == 0 && heating.fuel.hasBasePrice { gaps.append(.basePrice) }
            heatingCheck = Installment(
                payer: heatingPayer, expectedAnnualEUR: summary.annualCostEUR,
                currentMonthlyEUR: visit.heating?.monthlyInstallmentEUR, missing: gaps)
        }
        return InstallmentCheck(
            electricity: Installment(
                payer: .household, expectedAnnualEUR: electricity.annualCostEUR,
                currentMonthlyEUR: visit.electricity.monthlyInstallmentEUR, missing: electricityGaps),
            heating: heatingCheck)
    }

    /// Steps that together promise a large share of the household's use: the programmes measured about 15 % of the
    /// electricity and 22 % of the heating, so a share above ``PlausibilityLimits/savingShareOfUse`` is worth a look.
    mutating func flagLargeShares(_ totals: Totals) {
        let share = reference.plausibility.savingShareOfUse
        let electricity = visit.electricity.annualKWh
        if totals.electricityKWh > share * electricity {
            warn(.largeShareOfElectricity(savedKWh: totals.electricityKWh, annualKWh: electricity))
        }
        if let heating, totals.heatKWh > share * heating.annualKWh {
            warn(.largeShareOfHeating(savedKWh: totals.heatKWh, annualKWh: heating.annualKWh))
        }
    }
}
