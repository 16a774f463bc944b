import AdviceLocalization
import EnergyAdvice

/// The household's page for each energy debt: what happens by which date, what to do and sign, whom to call.
///
/// Plain words in the household's language, real dates with their weekday, never "soon". The supplier is named once
/// at the top and called "the supplier" after that, so no sentence has to decline a German company name.
extension SheetBuilder {
    func debtPages(_ advice: Advice, office: AdviceOffice?, counselling: [DebtCounselling]) -> [AdviceSheet.DebtPage] {
        advice.energyDebt.map { debtPage($0, advice: advice, office: office, counselling: counselling) }
    }

    /// A deadline as readers plan it: with its weekday.
    func deadline(_ d: CalendarDate) -> MessageArgument {
        .text(format.dateWithWeekday(year: d.year, month: d.month, day: d.day))
    }

    func days(_ n: Int) -> MessageArgument { count(Double(n)) }

    /// A German name or address inside text of another script: kept left to right on a right-to-left page.
    func german(_ s: String) -> String { format.isolatesAmounts ? "\u{2066}" + s + "\u{2069}" : s }

    func debtPage(
        _ d: EnergyDebtAdvice, advice: Advice, office: AdviceOffice?, counselling: [DebtCounselling]
    ) -> AdviceSheet.DebtPage {
        var facts: [String] = []
        if let supplier = d.supplier { facts.append(t("debt.supplier", ["supplier": text(supplier)])) }
        facts.append(t("debt.arrears", ["amount": amount(d.arrearsEUR)]))
        if let key = keyDate(d, today: advice.date) { facts.append(key) }
        let loanStep = d.steps.contains { [.applyLoanJobcenter, .applyLoanSocialOffice].contains($0.code) }
        return AdviceSheet.DebtPage(
            heading: t("debt.heading.\(d.carrier.rawValue)"),
            facts: facts,
            situation: .init(heading: t("debt.when.heading"), lines: situation(d, today: advice.date)),
            stepsHeading: t("debt.todo.heading"),
            steps: d.steps.map { step($0, debt: d, today: advice.date) },
            letters: .init(
                heading: t("debt.letters.heading"),
                lines: [
                    t(loanStep ? "debt.letters.both" : "debt.letters.supplier"), t("debt.letters.fillIn"),
                    t("debt.letters.send"),
                ]),
            help: .init(
                heading: t("debt.help.heading"),
                lines: help(d, benefit: advice.household.benefit ?? .none, office: office, counselling: counselling)))
    }

    // MARK: What happens by which date

    /// The arrears are below what a cut-off needs (§ 41f Abs. 3 EnWG).
    func belowThreshold(_ d: EnergyDebtAdvice) -> Bool {
        let below: Set<CutOffReason> = [.belowMinimumArrears, .belowInstallmentThreshold, .belowAnnualBillThreshold]
        return d.reasons.contains { below.contains($0) }
    }

    /// The one date the household must not miss, printed large under the arrears: the supply is cut off, may be cut
    /// off now, or from which day. Nil while no cut-off can be dated (no threat, or arrears below the threshold).
    func keyDate(_ d: EnergyDebtAdvice, today: CalendarDate) -> String? {
        if d.cutOff { return t("debt.when.cutOff") }
        guard d.rules != nil, !belowThreshold(d), let earliest = d.dates.earliestCutOff else { return nil }
        return earliest <= today ? t("debt.when.lawfulNow") : t("debt.when.earliest", ["date": deadline(earliest)])
    }

    func situation(_ d: EnergyDebtAdvice, today: CalendarDate) -> [String] {
        if d.cutOff { return [t("debt.when.restore")] + danger(d) }
        guard let rules = d.rules else { return [t("debt.when.noRules")] + danger(d) }
        var lines: [String] = []
        let belowThreshold = belowThreshold(d)
        if belowThreshold, let threshold = d.threshold {
            lines.append(t("debt.when.belowThreshold", ["required": amount(threshold.requiredEUR)]))
            lines.append(t("debt.when.keepPaying"))
        }
        if let threat = d.dates.threatDate {
            lines.append(t("debt.when.threat", ["date": date(threat)]))
        } else {
            lines.append(t("debt.when.noThreat", ["weeks": days(rules.threatWeeks.value)]))
        }
        let workingDays = days(rules.announcementWorkingDays.value)
        if let announcement = d.dates.announcementDate {
            lines.append(t("debt.when.announcement", ["date": date(announcement)]))
        } else {
            lines.append(t("debt.when.byLetter", ["days": workingDays]))
        }
        lines += danger(d)
        let prospect: Set<DebtStepCode> = [.applyLoanJobcenter, .applyLoanSocialOffice, .acceptAgreement]
        if d.steps.contains(where: { prospect.contains($0.code) }) { lines.append(t("debt.when.prospect")) }
        return lines
    }

    /// The recorded risks that make a cut-off dangerous, in the household's words.
    func danger(_ d: EnergyDebtAdvice) -> [String] {
        guard d.disproportionate else { return [] }
        let risks = d.dangers.map { t("risk.\($0.risk.rawValue)") }.joined(separator: format.listSeparator)
        return [t("debt.when.danger", ["risks": text(risks)])]
    }

    // MARK: What to do, by when

    func step(_ step: DebtStep, debt d: EnergyDebtAdvice, today: CalendarDate) -> AdviceSheet.DebtStepLine {
        var by = step.by.map { day in
            day <= today ? t("debt.by.today", ["date": deadline(day)]) : t("debt.by", ["date": deadline(day)])
        }
        // The offer is accepted the day it comes, which no date can say: it has a band of its own.
        if step.code == .acceptAgreement, step.by == nil { by = t("debt.by.offer") }
        let agreement = d.rules?.agreement
        var details: [String] = []
        switch step.code {
        case .requestAgreement:
            if let offer = agreement?.offerWithinDays {
                details.append(t("debt.offer.days", ["days": days(offer.value)]))
            }
            // The basic supplier must offer the agreement with the announcement at the latest (§ 41g Abs. 1 Satz 2).
            if d.dates.announcementDate != nil { details.append(t("debt.offer.withAnnouncement")) }
            details += plan(d)
        case .requestPaymentPlan:
            details += plan(d)
            if d.dates.threatDate == nil, agreement?.supplies.contains(d.supply) == true {
                details.append(t("debt.plan.claimAfterThreat"))
            }
        case .stateDisproportionality:
            details.append(t("debt.danger.proof"))
        case .consentSocialOfficeContact:
            if let days = d.rules?.socialOfficeContact?.workingDays.value {
                details.append(t("debt.consent.days", ["days": self.days(days)]))
            }
        case .applyLoanJobcenter, .applyLoanSocialOffice:
            details += loan(d.loan)
        case .hardshipFund:
            details += d.hardshipFunds.map {
                t("debt.fund", ["name": text($0.name), "contact": text(german($0.contact))])
            }
        case .acceptAgreement:
            details.append(t("debt.agreement.pay"))
            if let months = agreement?.objectionWithinMonths?.value {
                details.append(t("debt.agreement.objection", ["months": self.days(months)]))
                if let rules = d.rules {
                    details.append(t("debt.agreement.missed", ["days": days(rules.announcementWorkingDays.value)]))
                }
            }
        case .debtCounselling:
            break
        }
        return .init(deadline: by, text: t("debt.step.\(step.code.rawValue)"), details: details)
    }

    /// The instalments to propose, what the household pays a month with them, and whether the savings carry them.
    func plan(_ d: EnergyDebtAdvice) -> [String] {
        guard let p = d.plan else { return [] }
        // The instalments add up to the arrears: a smaller last one where they do not divide evenly.
        var lines = [
            p.isEven
                ? t("debt.plan.proposal", ["months": days(p.months), "rate": amount(p.monthlyEUR)])
                : t(
                    "debt.plan.proposal.last",
                    ["months": days(p.months - 1), "rate": amount(p.monthlyEUR), "last": amount(p.lastMonthlyEUR)])
        ]
        if let total = p.totalMonthlyEUR, let running = p.runningInstallmentEUR, running > 0 {
            lines.append(
                t(
                    "debt.plan.total",
                    ["total": amount(total), "running": amount(running), "rate": amount(p.monthlyEUR)]))
        }
        if !p.statutory { lines.append(t("debt.plan.noClaim")) }
        if p.savingMonthlyEUR.rounded() > 0 {
            lines.append(t("debt.plan.saving", ["amount": euros(p.savingMonthlyEUR)]))
        }
        if let balance = p.installmentBalanceMonthlyEUR, balance.rounded() != 0 {
            lines.append(
                t(balance > 0 ? "debt.plan.balance.plus" : "debt.plan.balance.minus", ["amount": euros(abs(balance))]))
        }
        if p.availableMonthlyEUR.rounded() <= 0 {
            lines.append(t("debt.plan.nothingFree"))
        } else {
            lines.append(t(p.fits ? "debt.plan.fits" : "debt.plan.tooHigh", ["amount": euros(p.availableMonthlyEUR)]))
        }
        return lines
    }

    /// A grant where the office may give one, the monthly offset of a loan, and what to tell the supplier.
    func loan(_ loan: LoanAdvice?) -> [String] {
        guard let loan else { return [] }
        var lines: [String] = []
        if loan.bases.contains(where: \.grantPossible) { lines.append(t("debt.loan.grant")) }
        if let offset = loan.offset, let monthly = loan.offsetMonthlyEUR {
            lines.append(t(offset.upTo ? "debt.loan.offset.upTo" : "debt.loan.offset", ["amount": amount(monthly)]))
        }
        lines.append(t("debt.loan.tellSupplier"))
        return lines
    }

    // MARK: Whom to call

    func help(
        _ d: EnergyDebtAdvice, benefit: Benefit, office: AdviceOffice?, counselling: [DebtCounselling]
    ) -> [String] {
        var lines = [
            d.supplier.map { t("debt.help.supplier", ["supplier": text($0)]) } ?? t("debt.help.supplier.unnamed")
        ]
        switch d.loan?.office {
        case .jobcenter: lines.append(t("debt.help.jobcenter"))
        case .socialOffice:
            lines.append(
                t(
                    [.sozialhilfe, .grundsicherung].contains(benefit)
                        ? "debt.help.socialOffice" : "debt.help.socialOffice.ask"))
        default: break
        }
        for service in counselling {
            var parts = [german(service.name)]
            if let address = service.address { parts.append(german(address)) }
            if let phone = service.phone { parts.append(t("debt.help.phone", ["phone": text(phone)])) }
            if let email = service.email { parts.append(german(email)) }
            lines.append(t("debt.help.counselling", ["contact": text(parts.joined(separator: format.listSeparator))]))
        }
        lines.append(t("debt.help.fromLetter"))
        if let office {
            lines.append(t("debt.help.office", ["name": text(office.name), "phone": text(office.phone)]))
        }
        return lines
    }
}
