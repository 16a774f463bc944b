/// Decides the energy-debt path of a visit: pure, like ``AdviceCalculator``, and driven by the law's data.
///
/// For each debt: the rules in force on the visit date for its supply; whether the arrears reach the threshold; the
/// earliest lawful cut-off (the weeks after the threat, the working days after the announcement); whether a
/// recorded risk makes a cut-off disproportionate; the shortest instalment plan that fits what the advised savings
/// free up; the loan of the household's benefit; and the steps in order with their last days.
public struct EnergyDebtAdvisor: Sendable {
    /// The law as data.
    public let law: EnergyDebtLaw
    /// The city: its state's holidays, its own holidays and its hardship funds.
    public let city: CityTariffs
    let calendar: WorkingDayCalendar

    /// An advisor for the visits of one city.
    public init(law: EnergyDebtLaw, city: CityTariffs) {
        self.law = law
        self.city = city
        calendar = WorkingDayCalendar(state: city.state, holidays: law.holidays, local: city.holidays)
    }

    /// The path for every debt of the visit; `advice` is the visit's advice without it (its savings, installment
    /// check and the household with its defaults).
    public func advise(_ visit: Visit, advice: Advice) -> [EnergyDebtAdvice] {
        visit.energyDebt.enumerated().map { advise($1, index: $0, visit: visit, advice: advice) }
    }

    func advise(_ debt: EnergyDebt, index: Int, visit: Visit, advice: Advice) -> EnergyDebtAdvice {
        let today = visit.date
        let supply = debt.supply ?? .basic
        let cutOff = debt.cutOff ?? false
        let rules = law.cutOffRules(on: today, supply: supply)
        let running = runningInstallment(debt, visit: visit, advice: advice)

        var reasons: [CutOffReason] = []
        var threshold: ArrearsThreshold?
        var dates: CutOffDates
        if let rules {
            threshold = arrearsThreshold(debt, rules: rules, running: running, reasons: &reasons)
            dates = cutOffDates(debt, rules: rules, today: today, reasons: &reasons)
        } else {
            reasons.append(.noRulesInForce)
            dates = receivedDates(debt, today: today)
        }

        // The danger is judged for the day a cut-off would come: now when it has come or may come any day.
        dates.riskDate = cutOff ? today : max(today, dates.earliestCutOff ?? today)
        let dangers = self.dangers(debt, on: dates.riskDate, advice: advice)
        if !dangers.isEmpty { reasons.append(.disproportionate) }

        let unknown: Set<CutOffReason> = [.noRulesInForce, .thresholdUnknown]
        let lawful: Bool? =
            reasons.contains { !unknown.contains($0) } ? false : reasons.isEmpty ? true : nil

        let plan = rules?.agreement.flatMap {
            self.plan(debt, agreement: $0, supply: supply, running: running, advice: advice)
        }
        let loan = self.loan(debt, on: today, benefit: advice.household.benefit ?? .none)
        let funds = city.hardshipFunds.filter { $0.helps(with: debt) }
        let steps = self.steps(
            debt, rules: rules, supply: supply, cutOff: cutOff, dates: dates, today: today,
            disproportionate: !dangers.isEmpty, loan: loan, hardshipFund: !funds.isEmpty)

        return EnergyDebtAdvice(
            debtIndex: index, carrier: debt.carrier, arrearsEUR: debt.arrearsEUR, supply: supply,
            supplier: debt.supplier, cutOff: cutOff, rules: rules, cutOffLawful: lawful, reasons: reasons,
            threshold: threshold, dates: dates, disproportionate: !dangers.isEmpty, dangers: dangers,
            heatingSeason: law.heatingSeason, plan: plan,
            loan: loan, steps: steps, hardshipFunds: funds)
    }

    // MARK: The threshold (§ 41f Abs. 3 EnWG)

    /// The monthly instalment of the contract: the debt's own, else the visit's for the carrier (electricity, or
    /// the household's own gas heating). 0 means the contract has none.
    func runningInstallment(_ debt: EnergyDebt, visit: Visit, advice: Advice) -> (eur: Double, from: InstallmentOrigin)?
    {
        if let own = debt.monthlyInstallmentEUR { return (own, .debt) }
        switch debt.carrier {
        case .electricity:
            return visit.electricity.monthlyInstallmentEUR.map { ($0, .electricity) }
        case .gas:
            guard ownGasHeating(advice) else { return nil }
            return visit.heating?.monthlyInstallmentEUR.map { ($0, .heating) }
        }
    }

    func ownGasHeating(_ advice: Advice) -> Bool {
        advice.heating.map { $0.fuel == .gas && $0.billing == .own } == true
    }

    /// Compares in whole cents, so that 100 € meet a minimum of 100 € and a sixth of 1,000 € needs 166.67 €.
    func arrearsThreshold(
        _ debt: EnergyDebt, rules: CutOffRules, running: (eur: Double, from: InstallmentOrigin)?,
        reasons: inout [CutOffReason]
    ) -> ArrearsThreshold? {
        let arrears = Self.wholeCents(debt.arrearsEUR)
        let minimum = rules.minimumArrearsEUR.value
        if arrears < Self.wholeCents(minimum) { reasons.append(.belowMinimumArrears) }
        if let running, running.eur > 0 {
            let required = (Double(Self.wholeCents(running.eur)) * rules.installmentMultiple.value).rounded(.up)
            if Double(arrears) < required { reasons.append(.belowInstallmentThreshold) }
            return ArrearsThreshold(
                basis: .installment, minimumEUR: minimum, installmentEUR: running.eur, installmentFrom: running.from,
                annualBillEUR: nil, requiredEUR: max(minimum, required / 100))
        }
        if let bill = debt.annualBillEUR {
            let required = (Double(Self.wholeCents(bill)) / rules.annualBillDivisor.value).rounded(.up)
            if Double(arrears) < required { reasons.append(.belowAnnualBillThreshold) }
            return ArrearsThreshold(
                basis: .annualBill, minimumEUR: minimum, installmentEUR: nil, installmentFrom: nil,
                annualBillEUR: bill, requiredEUR: max(minimum, required / 100))
        }
        reasons.append(.thresholdUnknown)
        return nil
    }

    static func wholeCents(_ eur: Double) -> Int { Int((eur * 100).rounded()) }

    // MARK: The dates (§ 41f Abs. 1 and 5 EnWG; §§ 187 Abs. 1, 188 Abs. 2 BGB)

    /// The letters' dates as recorded, before any period is counted.
    func receivedDates(_ debt: EnergyDebt, today: CalendarDate) -> CutOffDates {
        CutOffDates(
            threatDate: debt.threatDate, announcementDate: debt.announcementDate,
            announcementPending: debt.announcementDate == nil, holidaysSkipped: [], state: city.state,
            riskDate: today)
    }

    func cutOffDates(_ debt: EnergyDebt, rules: CutOffRules, today: CalendarDate, reasons: inout [CutOffReason])
        -> CutOffDates
    {
        var dates = receivedDates(debt, today: today)
        // A period of weeks ends on the same weekday as the receipt (§ 188 Abs. 2 BGB); the cut-off may follow the
        // next day.
        var fromThreat: CalendarDate?
        if let threat = debt.threatDate {
            dates.threatPeriodEnds = threat.adding(days: 7 * rules.threatWeeks.value)
            fromThreat = dates.threatPeriodEnds?.adding(days: 1)
        }
        // Without an announcement yet, the earliest it can come is the visit day: count from there.
        var fromAnnouncement: CalendarDate?
        if debt.threatDate != nil || debt.announcementDate != nil,
            let counted = calendar.dayAfter(
                workingDays: rules.announcementWorkingDays.value, after: debt.announcementDate ?? today)
        {
            fromAnnouncement = counted.day
            dates.announcementPeriodEnds = counted.day.adding(days: -1)
            dates.holidaysSkipped = counted.holidaysSkipped
        }
        if let fromThreat, let fromAnnouncement { dates.earliestCutOff = max(fromThreat, fromAnnouncement) }

        if let fromThreat {
            if today < fromThreat { reasons.append(.threatPeriodRunning) }
        } else {
            reasons.append(.noThreat)
        }
        if debt.announcementDate == nil {
            reasons.append(.noAnnouncement)
        } else if let fromAnnouncement, today < fromAnnouncement {
            reasons.append(.announcementPeriodRunning)
        }
        return dates
    }

    // MARK: Disproportionality (§ 41f Abs. 1 Satz 2, Abs. 2 EnWG)

    /// The danger rules that a recorded risk meets, one per risk, in the order of the law's data.
    func dangers(_ debt: EnergyDebt, on day: CalendarDate, advice: Advice) -> [DangerRule] {
        var found: [DangerRule] = []
        for rule in law.dangers where debt.risks.contains(rule.risk) && !found.contains(where: { $0.risk == rule.risk })
        {
            guard endangers(rule.carrier, debt: debt, advice: advice) else { continue }
            if rule.heatingSeasonOnly && !law.heatingSeason.value.contains(day) { continue }
            found.append(rule)
        }
        return found
    }

    func endangers(_ carrier: DangerCarrier, debt: EnergyDebt, advice: Advice) -> Bool {
        switch carrier {
        case .electricity: return debt.carrier == .electricity
        case .gas: return debt.carrier == .gas
        case .heating: return keepsWarm(debt.carrier, advice: advice)
        }
    }

    /// Whether cutting off `carrier` leaves the home cold: gas heats unless the visit records another heating;
    /// electricity heats with storage heaters or a heat pump, and runs the pump and controls of a heating billed
    /// on the household's own (a gas, oil, pellet or district-heating station of its own).
    func keepsWarm(_ carrier: DebtCarrier, advice: Advice) -> Bool {
        guard let heating = advice.heating else { return carrier == .gas }
        switch carrier {
        case .gas: return heating.fuel == .gas
        case .electricity:
            return heating.fuel.carrier == .electricity || heating.billing == .own
        }
    }

    // MARK: The Abwendungsvereinbarung (§ 41g Abs. 1 EnWG)

    func plan(
        _ debt: EnergyDebt, agreement: AgreementRules, supply: SupplyKind,
        running: (eur: Double, from: InstallmentOrigin)?, advice: Advice
    ) -> InstallmentPlanProposal? {
        guard let band = agreement.band(forArrearsEUR: debt.arrearsEUR), band.minMonths <= band.maxMonths,
            band.minMonths > 0
        else { return nil }
        let arrears = Self.wholeCents(debt.arrearsEUR)
        guard arrears > 0 else { return nil }
        let saving = cents(householdSavingEUR(debt.carrier, advice: advice) / 12)
        let expected = debt.annualBillEUR ?? expectedAnnualEUR(debt.carrier, advice: advice)
        var balance: Double?
        if let running, running.eur > 0, let expected { balance = cents(running.eur - expected / 12) }
        let available = cents(saving + (balance ?? 0))
        var term = band.maxMonths
        var fits = false
        for months in band.minMonths...band.maxMonths where Self.rate(arrears, months) <= Self.wholeCents(available) {
            term = months
            fits = true
            break
        }
        let rate = Self.rate(arrears, term)
        let (months, last) = Self.instalments(arrears, rate: rate)
        let monthly = Double(rate) / 100
        return InstallmentPlanProposal(
            months: months, monthlyEUR: monthly, lastMonthlyEUR: Double(last) / 100, minMonths: band.minMonths,
            maxMonths: band.maxMonths,
            source: band.source, statutory: agreement.supplies.contains(supply), fits: fits,
            availableMonthlyEUR: available, savingMonthlyEUR: saving, installmentBalanceMonthlyEUR: balance,
            runningInstallmentEUR: running?.eur, expectedAnnualEUR: expected,
            totalMonthlyEUR: running.map { cents($0.eur + monthly) })
    }

    /// The arrears ÷ months in cents, rounded up: the plan repays everything within its term.
    static func rate(_ arrearsCents: Int, _ months: Int) -> Int { (arrearsCents + months - 1) / months }

    /// The instalments of `rate` cents that repay `arrearsCents`: as many as it takes, the last one the rest, so they
    /// add up to the arrears to the cent. With `rate` = ``rate(_:_:)`` of a term that is the term itself, except for
    /// arrears under months × (months − 1) cents (5.52 € over 24 months), which fewer instalments repay.
    static func instalments(_ arrearsCents: Int, rate: Int) -> (count: Int, lastCents: Int) {
        let count = (arrearsCents + rate - 1) / rate
        return (count, arrearsCents - (count - 1) * rate)
    }

    /// The household's own expected yearly saving on `carrier` from the recommended steps that cost it nothing
    /// (``costsNothing(_:)``): their electricity at the energy price (electricity savings always stay with the
    /// household); for gas, their heating fuel at the gas price times the share that reaches the bill, when the
    /// household pays a gas heating of its own.
    func householdSavingEUR(_ carrier: DebtCarrier, advice: Advice) -> Double {
        let free = advice.recommendedSavings.filter(Self.costsNothing)
        switch carrier {
        case .electricity:
            guard let price = advice.tariffs.first(where: { $0.use == .electricity })?.energyPriceCtPerKWh else {
                return 0
            }
            return free.reduce(0) { $0 + $1.electricityKWh } * price / 100
        case .gas:
            guard ownGasHeating(advice), advice.household.heatingCostsPaidBy == .household,
                let heating = advice.heating,
                let price = advice.tariffs.first(where: { $0.use == .heating })?.energyPriceCtPerKWh
            else { return 0 }
            return free.reduce(0) { $0 + $1.heatKWh } * price / 100 * heating.consumptionShare
        }
    }

    /// A step the household pays nothing for, after any voucher: an item the programme gives, a changed habit. What
    /// it must buy (a new fridge for hundreds of euros) needs money a household in arrears does not have; an
    /// instalment counted on its saving could not be paid, and a missed instalment lets the supplier cut off after
    /// a new announcement alone (§ 41g Abs. 1 Satz 11 EnWG).
    static func costsNothing(_ measure: MeasureResult) -> Bool {
        wholeCents(measure.investmentEUR - measure.voucherEUR) <= 0
    }

    /// The expected yearly bill of the carrier from the advice's installment check, when the advice has it.
    func expectedAnnualEUR(_ carrier: DebtCarrier, advice: Advice) -> Double? {
        switch carrier {
        case .electricity: advice.installment.electricity.expectedAnnualEUR
        case .gas: ownGasHeating(advice) ? advice.installment.heating?.expectedAnnualEUR : nil
        }
    }

    // MARK: The benefit's loan

    func loan(_ debt: EnergyDebt, on date: CalendarDate, benefit: Benefit) -> LoanAdvice? {
        guard let rule = law.loan(for: benefit) else { return nil }
        let bases = rule.bases(for: debt.carrier)
        guard !bases.isEmpty else { return nil }
        let offset = bases.lazy.compactMap { $0.offset(on: date) }.first
        let standardRate = offset.flatMap { law.standardRate(level: $0.standardRateLevel ?? 1, on: date) }
        var monthly: Double?
        if let offset, let standardRate { monthly = cents(standardRate.eur * offset.percent / 100) }
        return LoanAdvice(
            office: rule.office, bases: bases, offset: offset, standardRate: standardRate, offsetMonthlyEUR: monthly)
    }

    // MARK: The steps

    func steps(
        _ debt: EnergyDebt, rules: CutOffRules?, supply: SupplyKind, cutOff: Bool, dates: CutOffDates,
        today: CalendarDate, disproportionate: Bool, loan: LoanAdvice?, hardshipFund: Bool
    ) -> [DebtStep] {
        // The last day on which acting can still prevent the cut-off: today when it has come or may come any day.
        let actBy: CalendarDate? =
            cutOff ? today : dates.earliestCutOff.flatMap { $0.adding(days: -1) }.map { max(today, $0) }
        let agreement = rules?.agreement
        let claim = debt.threatDate != nil && agreement?.supplies.contains(supply) == true
        var steps: [DebtStep] = []
        if claim {
            // Asked in time, the offer (due within a week) arrives before the earliest cut-off.
            let offerDays = agreement?.offerWithinDays?.value ?? 0
            let requestBy = actBy.flatMap { $0.adding(days: -offerDays) }.map { max(today, $0) }
            steps.append(DebtStep(code: .requestAgreement, by: requestBy))
        } else {
            steps.append(DebtStep(code: .requestPaymentPlan, by: actBy))
        }
        if disproportionate { steps.append(DebtStep(code: .stateDisproportionality, by: actBy)) }
        if claim, rules?.socialOfficeContact?.supplies.contains(supply) == true {
            steps.append(DebtStep(code: .consentSocialOfficeContact, by: actBy))
        }
        if let loan {
            // The office needs the days up to the cut-off to decide (its letter asks it to decide by `actBy`): the
            // application is due on the first day the office is open, the visit day when it is.
            let applyBy = actBy.map { _ in calendar.firstOfficeDay(from: today) }
            steps.append(
                DebtStep(code: loan.office == .jobcenter ? .applyLoanJobcenter : .applyLoanSocialOffice, by: applyBy))
        }
        if hardshipFund { steps.append(DebtStep(code: .hardshipFund, by: actBy)) }
        steps.append(DebtStep(code: .debtCounselling, by: actBy))
        // The offer is accepted the day it comes, which may be after the other steps' day: it has no date.
        if claim { steps.append(DebtStep(code: .acceptAgreement, by: nil)) }
        return Self.byDate(steps)
    }

    /// The steps by their last day, earliest first, in their order on the same day; those without a day last.
    static func byDate(_ steps: [DebtStep]) -> [DebtStep] {
        steps.enumerated().sorted { a, b in
            switch (a.element.by, b.element.by) {
            case (let x?, let y?) where x != y: x < y
            case (.some, nil): true
            case (nil, .some): false
            default: a.offset < b.offset
            }
        }.map(\.element)
    }
}
