/// What esp concludes for one recorded energy debt: whether a cut-off is lawful, from when, whether it would be
/// disproportionate, the instalment plan the household can carry, and the steps in order with their dates.
///
/// Language-free, like ``Advice``: codes, numbers, dates and the law's data; the report layer words them.
public struct EnergyDebtAdvice: Sendable, Equatable {
    /// The debt's index in the visit's `energyDebt`.
    public var debtIndex: Int
    /// Electricity or gas.
    public var carrier: DebtCarrier
    /// The arrears as recorded, €.
    public var arrearsEUR: Double
    /// The kind of supply, its default filled in.
    public var supply: SupplyKind
    /// The supplier's name, as recorded.
    public var supplier: String?
    /// The supply was already interrupted at the visit.
    public var cutOff: Bool
    /// The rules in force on the visit date for this supply; nil when the data has none.
    public var rules: CutOffRules?
    /// True: a cut-off is lawful on the visit date; false: a condition is not met; nil: the data does not tell.
    public var cutOffLawful: Bool?
    /// Each condition that is not met or not known, in the order of the law.
    public var reasons: [CutOffReason]
    /// What the arrears must reach; nil when the rules or the figures to judge it are missing.
    public var threshold: ArrearsThreshold?
    /// The legal periods and the earliest lawful cut-off.
    public var dates: CutOffDates
    /// A recorded risk makes a cut-off a concrete danger to life and limb, in esp's reading of the law: the
    /// household should say so in text form.
    public var disproportionate: Bool
    /// The risks that make it so, with the rule that applied.
    public var dangers: [DangerRule]
    /// The heating season the dangers were judged with.
    public var heatingSeason: Sourced<HeatingSeason>
    /// The instalment plan to ask for; nil without rules that give one.
    public var plan: InstallmentPlanProposal?
    /// Help from the office that pays the household's benefit; nil when the data names none.
    public var loan: LoanAdvice?
    /// What the household does, in order, each with the last day for it.
    public var steps: [DebtStep]
    /// Hardship funds of the city that fit this debt.
    public var hardshipFunds: [HardshipFund]
}

/// A condition of a lawful cut-off that is not met (or not known).
public enum CutOffReason: String, Sendable, CaseIterable {
    /// No cut-off rules in force for this supply on the visit date.
    case noRulesInForce = "no-rules-in-force"
    /// The arrears are below the minimum sum (100 € under § 41f Abs. 3 EnWG).
    case belowMinimumArrears = "below-minimum-arrears"
    /// The arrears are below the multiple of the monthly instalment (twice).
    case belowInstallmentThreshold = "below-installment-threshold"
    /// Without instalments: below the share of the yearly bill (a sixth).
    case belowAnnualBillThreshold = "below-annual-bill-threshold"
    /// Neither an instalment nor a yearly bill is known, so the threshold cannot be judged.
    case thresholdUnknown = "threshold-unknown"
    /// No threat (Androhung) was received.
    case noThreat = "no-threat"
    /// The weeks after the threat have not yet passed on the visit date.
    case threatPeriodRunning = "threat-period-running"
    /// No letter announcing the day of the cut-off was received.
    case noAnnouncement = "no-announcement"
    /// The working days after the announcement have not yet passed on the visit date.
    case announcementPeriodRunning = "announcement-period-running"
    /// A recorded risk makes the cut-off disproportionate.
    case disproportionate
}

/// The sum the arrears must reach for a lawful cut-off.
public struct ArrearsThreshold: Sendable, Equatable {
    /// Which rule applies: the instalment, or the yearly bill when the contract has no instalments.
    public var basis: ThresholdBasis
    /// The minimum sum, €.
    public var minimumEUR: Double
    /// The monthly instalment the multiple is of, €; nil for the yearly-bill basis.
    public var installmentEUR: Double?
    /// Where that instalment was recorded.
    public var installmentFrom: InstallmentOrigin?
    /// The yearly bill the share is of, €; nil for the instalment basis.
    public var annualBillEUR: Double?
    /// The larger of the minimum and the multiple (or share), €: arrears at or above it meet the threshold.
    public var requiredEUR: Double
}

/// The rule of § 41f Abs. 3 Satz 1 EnWG that applies.
public enum ThresholdBasis: String, Sendable, CaseIterable {
    /// Nr. 1: a multiple of the monthly instalment; Nr. 2: a share of the yearly bill, when no instalments are due.
    case installment
    case annualBill = "annual-bill"
}

/// Where the monthly instalment of a debt came from.
public enum InstallmentOrigin: String, Sendable, CaseIterable {
    /// `energyDebt[].monthlyInstallmentEUR`.
    case debt = "energyDebt"
    /// `electricity.monthlyInstallmentEUR` for an electricity debt.
    case electricity
    /// `heating.monthlyInstallmentEUR` for a gas debt and a gas heating of the household's own.
    case heating
}

/// The periods before a lawful cut-off, counted as §§ 187 Abs. 1, 188 Abs. 2 BGB do: the day a letter is received
/// does not count, and the cut-off may come on the day after a period ends.
public struct CutOffDates: Sendable, Equatable {
    /// The day the threat was received.
    public var threatDate: CalendarDate?
    /// The last day of the weeks after the threat.
    public var threatPeriodEnds: CalendarDate?
    /// The day the announcement was received; nil while none has come.
    public var announcementDate: CalendarDate?
    /// The last of the working days after the announcement (or, while none has come, after the visit day: the
    /// earliest an announcement can still arrive).
    public var announcementPeriodEnds: CalendarDate?
    /// No announcement has come yet: the working days are counted from the visit day.
    public var announcementPending: Bool
    /// The first day a cut-off is lawful; nil without a threat.
    public var earliestCutOff: CalendarDate?
    /// Holidays on Monday to Saturday within the working days, which did not count.
    public var holidaysSkipped: [SkippedHoliday]
    /// The state whose holidays were skipped; nil when the city file names none (then only the nationwide ones).
    public var state: GermanState?
    /// The day the heating season was checked for: the visit day when the supply is already cut off or no cut-off
    /// date is known, else the earliest cut-off.
    public var riskDate: CalendarDate
}

/// The Abwendungsvereinbarung to ask for: the shortest lawful term whose monthly amount fits what the advised
/// savings free up.
public struct InstallmentPlanProposal: Sendable, Equatable {
    /// The proposed term: the number of monthly instalments.
    public var months: Int
    /// The monthly amount on top of the running instalment: the arrears ÷ months, rounded up to the cent.
    public var monthlyEUR: Double
    /// The last instalment, €: what is left after `months − 1` instalments of ``monthlyEUR``, so the plan adds up
    /// to the arrears to the cent (17 × 22.94 € + 22.82 € = 412.80 €). Equal to ``monthlyEUR`` when the arrears
    /// divide evenly.
    public var lastMonthlyEUR: Double
    /// The shortest lawful term for these arrears, months.
    public var minMonths: Int
    /// The longest lawful term, months.
    public var maxMonths: Int
    /// The band's source.
    public var source: Source
    /// The household has a legal claim to the agreement (basic supply under § 41g EnWG); false: it can only ask.
    public var statutory: Bool
    /// The monthly amount fits ``availableMonthlyEUR``; false: even the longest term does not, and the proposal is
    /// the longest term.
    public var fits: Bool
    /// What the advised savings free up a month: ``savingMonthlyEUR`` + ``installmentBalanceMonthlyEUR``.
    public var availableMonthlyEUR: Double
    /// The household's own expected saving on this carrier a month, €, from the recommended steps that cost it
    /// nothing (items the programme gives, changed habits): a step it must pay for, such as a new fridge, needs money
    /// a household in arrears does not have, so the plan does not count on it.
    public var savingMonthlyEUR: Double
    /// The running instalment minus a twelfth of the expected yearly bill, €/month (negative: the instalment does
    /// not cover the use); nil when the instalment or the bill is not known or the contract has no instalments.
    public var installmentBalanceMonthlyEUR: Double?
    /// The running instalment, €/month; nil when not recorded.
    public var runningInstallmentEUR: Double?
    /// The yearly bill the balance compares with, €; nil when not known.
    public var expectedAnnualEUR: Double?
    /// What the household pays the supplier a month with the plan: running instalment + ``monthlyEUR``.
    public var totalMonthlyEUR: Double?

    /// The arrears divide evenly: every instalment is ``monthlyEUR``.
    public var isEven: Bool { lastMonthlyEUR == monthlyEUR }
}

/// A loan (or grant) to ask the jobcenter or social office for.
public struct LoanAdvice: Sendable, Equatable {
    /// Jobcenter or social office.
    public var office: Payer
    /// The legal bases to cite, first the one to ask for.
    public var bases: [LoanBasis]
    /// How a loan on the first basis that sets one is repaid, in force on the visit date.
    public var offset: LoanOffset?
    /// The standard rate the offset is computed from (level 1, a single adult, unless the rule names another).
    public var standardRate: StandardRate?
    /// The offset a month on that standard rate, €.
    public var offsetMonthlyEUR: Double?
}

/// One thing the household does, with the last day for it.
public struct DebtStep: Sendable, Equatable {
    /// What to do.
    public var code: DebtStepCode
    /// The last day; nil when no legal date presses, and for accepting the supplier's offer, which is due the day
    /// it comes (a day esp cannot know).
    public var by: CalendarDate?

    /// A step.
    public init(code: DebtStepCode, by: CalendarDate?) {
        self.code = code
        self.by = by
    }
}

/// The steps of the energy-debt path. ``EnergyDebtAdvice/steps`` lists them by their last day, earliest first; on
/// the same day in the order of these cases, except that accepting the offer, which has no day, comes last.
public enum DebtStepCode: String, Sendable, CaseIterable {
    /// Ask the basic supplier for an Abwendungsvereinbarung (§ 41g Abs. 1 Satz 1 EnWG).
    case requestAgreement = "request-agreement"
    /// Ask a supplier without that duty for a payment plan (§ 41f Abs. 4 Satz 2 Nr. 4 EnWG names it).
    case requestPaymentPlan = "request-payment-plan"
    /// Tell the supplier in text form why a cut-off is disproportionate (§ 41f Abs. 1 Satz 4 Nr. 1, Abs. 2 EnWG).
    case stateDisproportionality = "state-disproportionality"
    /// Sign the consent to the supplier informing the social office (§ 41g Abs. 3 EnWG).
    case consentSocialOfficeContact = "consent-social-office-contact"
    /// Apply to the jobcenter for a loan.
    case applyLoanJobcenter = "apply-loan-jobcenter"
    /// Apply to the social office for a loan or a grant.
    case applyLoanSocialOffice = "apply-loan-social-office"
    /// Ask the city's hardship fund.
    case hardshipFund = "hardship-fund"
    /// See the debt counselling.
    case debtCounselling = "debt-counselling"
    /// Accept the offer in text form as soon as it comes, before the cut-off (§ 41g Abs. 1 Satz 10 EnWG).
    case acceptAgreement = "accept-agreement"
}
