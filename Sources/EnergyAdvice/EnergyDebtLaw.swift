/// The law on cut-offs for non-payment, as dated data with sources (`Tariffs/energy-law.xml`): thresholds,
/// periods, the terms of an Abwendungsvereinbarung, the loans of the social benefits, public holidays and esp's
/// reading of "danger to life and limb".
public struct EnergyDebtLaw: Sendable, Equatable {
    /// The first day the file's figures apply.
    public var validFrom: CalendarDate
    /// The day by which the maintainers re-read the law; advice after it still works.
    public var validUntil: CalendarDate
    /// Every set of cut-off rules with its period of validity; at most one is in force for a supply on a day.
    public var cutOffRules: [CutOffRules]
    /// Loans (or grants) of the social benefits for energy debts, per benefit.
    public var loans: [BenefitLoan]
    /// The standard rates (Regelbedarfsstufen) an offset is a percentage of, with their validity.
    public var standardRates: [StandardRate]
    /// Public holidays of the states, as rules; they are not working days.
    public var holidays: [PublicHoliday]
    /// The months of the heating season, in which cold endangers infants, the old and the ill.
    public var heatingSeason: Sourced<HeatingSeason>
    /// esp's reading of when a recorded risk makes a cut-off a danger to life and limb.
    public var dangers: [DangerRule]

    /// The law as the loader read it.
    public init(
        validFrom: CalendarDate, validUntil: CalendarDate, cutOffRules: [CutOffRules], loans: [BenefitLoan],
        standardRates: [StandardRate], holidays: [PublicHoliday], heatingSeason: Sourced<HeatingSeason>,
        dangers: [DangerRule]
    ) {
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.cutOffRules = cutOffRules
        self.loans = loans
        self.standardRates = standardRates
        self.holidays = holidays
        self.heatingSeason = heatingSeason
        self.dangers = dangers
    }

    /// The cut-off rules in force on `date` for the supply; nil when none is.
    public func cutOffRules(on date: CalendarDate, supply: SupplyKind) -> CutOffRules? {
        cutOffRules.first { $0.isInForce(on: date) && $0.supplies.contains(supply) }
    }

    /// The loan a household with `benefit` can ask for; nil when the data names none.
    public func loan(for benefit: Benefit) -> BenefitLoan? {
        loans.first { $0.benefits.contains(benefit) }
    }

    /// The standard rate of `level` in force on `date`: the latest that started on or before it.
    public func standardRate(level: Int, on date: CalendarDate) -> StandardRate? {
        standardRates.filter { $0.level == level && $0.validFrom <= date }.max { $0.validFrom < $1.validFrom }
    }
}

/// One set of rules for cut-offs for non-payment, e.g. EnWG §§ 41f, 41g from 23 December 2025.
public struct CutOffRules: Sendable, Equatable {
    /// A stable id (`enwg-2025`).
    public var id: String
    /// The law's name as letters cite it ("§ 41f EnWG").
    public var law: String
    /// The first day the rules apply.
    public var validFrom: CalendarDate
    /// The last day they apply; nil while in force.
    public var validUntil: CalendarDate?
    /// The kinds of supply the rules govern.
    public var supplies: [SupplyKind]
    /// The arrears must reach at least this many euros.
    public var minimumArrearsEUR: Sourced<Double>
    /// … and at least this multiple of the monthly instalment.
    public var installmentMultiple: Sourced<Double>
    /// … or, without instalments, at least the yearly bill divided by this.
    public var annualBillDivisor: Sourced<Double>
    /// The cut-off may follow the threat only after this many weeks.
    public var threatWeeks: Sourced<Int>
    /// The letter announcing the cut-off must come this many working days before it.
    public var announcementWorkingDays: Sourced<Int>
    /// How the periods are counted: the day a letter is received does not count (§§ 187 Abs. 1, 188 Abs. 2 BGB).
    public var periodCounting: Source
    /// What a working day is: Monday to Saturday without public holidays.
    public var workingDays: Source
    /// The text that bars a disproportionate cut-off and names the statement in text form.
    public var disproportionality: Source
    /// The paragraph a letter cites for it ("§ 41f Abs. 1 Satz 2 und Abs. 2 EnWG"); nil: ``law``.
    public var disproportionalityLaw: String?
    /// The paragraph a letter cites for the concrete danger to life or limb ("§ 41f Abs. 2 EnWG"); nil: none.
    public var dangerLaw: String?
    /// The paragraph a letter cites for the other bar to a cut-off, that the household shows it will pay
    /// ("§ 41f Abs. 1 Satz 2 EnWG"); nil: none.
    public var paymentProspectsLaw: String?
    /// The household's claim to an Abwendungsvereinbarung; nil when the rules give none.
    public var agreement: AgreementRules?
    /// The household may let the supplier inform the social office; nil when the rules do not provide for it.
    public var socialOfficeContact: SocialOfficeContact?
    /// The law that put the rules in force, for ``validFrom`` and ``validUntil``.
    public var source: Source

    /// Cut-off rules as the loader read them.
    public init(
        id: String, law: String, validFrom: CalendarDate, validUntil: CalendarDate?, supplies: [SupplyKind],
        minimumArrearsEUR: Sourced<Double>, installmentMultiple: Sourced<Double>, annualBillDivisor: Sourced<Double>,
        threatWeeks: Sourced<Int>, announcementWorkingDays: Sourced<Int>, periodCounting: Source,
        workingDays: Source, disproportionality: Source, disproportionalityLaw: String? = nil,
        dangerLaw: String? = nil, paymentProspectsLaw: String? = nil,
        agreement: AgreementRules?, socialOfficeContact: SocialOfficeContact?, source: Source
    ) {
        self.id = id
        self.law = law
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.supplies = supplies
        self.minimumArrearsEUR = minimumArrearsEUR
        self.installmentMultiple = installmentMultiple
        self.annualBillDivisor = annualBillDivisor
        self.threatWeeks = threatWeeks
        self.announcementWorkingDays = announcementWorkingDays
        self.periodCounting = periodCounting
        self.workingDays = workingDays
        self.disproportionality = disproportionality
        self.disproportionalityLaw = disproportionalityLaw
        self.dangerLaw = dangerLaw
        self.paymentProspectsLaw = paymentProspectsLaw
        self.agreement = agreement
        self.socialOfficeContact = socialOfficeContact
        self.source = source
    }

    /// True from ``validFrom`` to ``validUntil``, both included.
    public func isInForce(on date: CalendarDate) -> Bool {
        validFrom <= date && validUntil.map { date <= $0 } != false
    }
}

/// The Abwendungsvereinbarung: interest-free monthly instalments on the arrears, on top of the running payments,
/// while the supply continues.
public struct AgreementRules: Sendable, Equatable {
    /// The supplies whose supplier must offer one (under § 41g EnWG the basic supplier).
    public var supplies: [SupplyKind]
    /// Days within which the supplier must offer it once asked; nil when the rules set no such period.
    public var offerWithinDays: Sourced<Int>?
    /// The terms by the size of the arrears, lowest first.
    public var terms: [TermBand]
    /// Where the rules say it.
    public var source: Source
    /// The paragraph a letter cites for the claim ("§ 41g Abs. 1 EnWG"); nil: the rules' ``CutOffRules/law``.
    public var law: String?
    /// The sentence that lets the household demand the offer ("§ 41g Abs. 1 Satz 1 EnWG"): with it the letter
    /// demands the offer in the law's words; nil: the letter asks for the agreement under ``law``.
    public var requestLaw: String?
    /// The sentence that obliges the supplier to offer it within ``offerWithinDays`` in text form
    /// ("§ 41g Abs. 1 Satz 2 EnWG"); nil: none.
    public var offerLaw: String?
    /// Months after the agreement within which the household may object to the claims behind it, in text form;
    /// nil when the rules set no such period.
    public var objectionWithinMonths: Sourced<Int>?

    /// An agreement rule as the loader read it.
    public init(
        supplies: [SupplyKind], offerWithinDays: Sourced<Int>?, terms: [TermBand], source: Source, law: String? = nil,
        requestLaw: String? = nil, offerLaw: String? = nil, objectionWithinMonths: Sourced<Int>? = nil
    ) {
        self.supplies = supplies
        self.offerWithinDays = offerWithinDays
        self.terms = terms
        self.source = source
        self.law = law
        self.requestLaw = requestLaw
        self.offerLaw = offerLaw
        self.objectionWithinMonths = objectionWithinMonths
    }

    /// The band for `arrearsEUR`: the one with the highest ``TermBand/aboveEUR`` the arrears exceed.
    public func band(forArrearsEUR arrears: Double) -> TermBand? {
        terms.filter { arrears > $0.aboveEUR }.max { $0.aboveEUR < $1.aboveEUR }
    }
}

/// The term of an instalment plan for arrears above a sum.
public struct TermBand: Sendable, Equatable {
    /// The band applies to arrears greater than this (0 for the lowest band).
    public var aboveEUR: Double
    /// The shortest term, months.
    public var minMonths: Int
    /// The longest term, months.
    public var maxMonths: Int
    /// Where the law sets it.
    public var source: Source

    /// A band as the loader read it.
    public init(aboveEUR: Double, minMonths: Int, maxMonths: Int, source: Source) {
        self.aboveEUR = aboveEUR
        self.minMonths = minMonths
        self.maxMonths = maxMonths
        self.source = source
    }
}

/// With the household's consent the basic supplier informs the social office of the threat; the cut-off then waits
/// a number of working days after that information was sent.
public struct SocialOfficeContact: Sendable, Equatable {
    /// The supplies it applies to.
    public var supplies: [SupplyKind]
    /// Working days after the supplier informed the social office before a cut-off.
    public var workingDays: Sourced<Int>

    /// A consent rule as the loader read it.
    public init(supplies: [SupplyKind], workingDays: Sourced<Int>) {
        self.supplies = supplies
        self.workingDays = workingDays
    }
}

/// Help with energy debts from the office that pays a household's benefit.
public struct BenefitLoan: Sendable, Equatable {
    /// The benefits whose households turn to this office.
    public var benefits: [Benefit]
    /// The jobcenter or the social office.
    public var office: Payer
    /// The legal bases, first the one to ask for, then the alternatives.
    public var bases: [LoanBasis]

    /// A loan rule as the loader read it.
    public init(benefits: [Benefit], office: Payer, bases: [LoanBasis]) {
        self.benefits = benefits
        self.office = office
        self.bases = bases
    }

    /// The bases that cover debts for `carrier`, in order.
    public func bases(for carrier: DebtCarrier) -> [LoanBasis] { bases.filter { $0.carriers.contains(carrier) } }
}

/// One legal basis for taking over energy debts.
public struct LoanBasis: Sendable, Equatable {
    /// As letters cite it: "§ 22 Abs. 8 SGB II".
    public var law: String
    /// The debts it covers.
    public var carriers: [DebtCarrier]
    /// The office may pay a grant instead of a loan.
    public var grantPossible: Bool
    /// How a loan is repaid from the benefit, each with its validity; empty: the decision sets the terms.
    public var offsets: [LoanOffset]
    /// The text of the basis.
    public var source: Source

    /// A basis as the loader read it.
    public init(law: String, carriers: [DebtCarrier], grantPossible: Bool, offsets: [LoanOffset], source: Source) {
        self.law = law
        self.carriers = carriers
        self.grantPossible = grantPossible
        self.offsets = offsets
        self.source = source
    }

    /// The offset rule in force on `date`.
    public func offset(on date: CalendarDate) -> LoanOffset? {
        offsets.first { $0.validFrom.map { $0 <= date } != false && $0.validUntil.map { date <= $0 } != false }
    }
}

/// Repayment of a benefit loan by withholding part of the standard rate each month.
public struct LoanOffset: Sendable, Equatable {
    /// Percent of the standard rate withheld a month.
    public var percent: Double
    /// True when the law sets a maximum ("bis zur Höhe"), false when it sets the rate.
    public var upTo: Bool
    /// The standard-rate level the percentage is of; nil: the borrower's own level.
    public var standardRateLevel: Int?
    /// The first day the rate applies; nil: no earlier rule is known.
    public var validFrom: CalendarDate?
    /// The last day it applies; nil while in force.
    public var validUntil: CalendarDate?
    /// The text that sets it.
    public var source: Source

    /// An offset as the loader read it.
    public init(
        percent: Double, upTo: Bool, standardRateLevel: Int?, validFrom: CalendarDate?, validUntil: CalendarDate?,
        source: Source
    ) {
        self.percent = percent
        self.upTo = upTo
        self.standardRateLevel = standardRateLevel
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.source = source
    }
}

/// A standard rate (Regelbedarfsstufe) a month, from a day on.
public struct StandardRate: Sendable, Equatable {
    /// The level, 1 (a single adult) to 6.
    public var level: Int
    /// Euros a month.
    public var eur: Double
    /// The first day it applies; it stays until a later entry of the same level.
    public var validFrom: CalendarDate
    /// The text that sets it.
    public var source: Source

    /// A standard rate as the loader read it.
    public init(level: Int, eur: Double, validFrom: CalendarDate, source: Source) {
        self.level = level
        self.eur = eur
        self.validFrom = validFrom
        self.source = source
    }
}

/// The months of the heating season, e.g. October to April.
public struct HeatingSeason: Sendable, Equatable {
    /// The first month, 1…12.
    public var fromMonth: Int
    /// The last month, 1…12; before ``fromMonth`` when the season spans the new year.
    public var untilMonth: Int

    /// A season from one month to another, both included.
    public init(fromMonth: Int, untilMonth: Int) {
        self.fromMonth = fromMonth
        self.untilMonth = untilMonth
    }

    /// True when `date` falls in the season.
    public func contains(_ date: CalendarDate) -> Bool {
        fromMonth <= untilMonth
            ? (fromMonth...untilMonth).contains(date.month)
            : date.month >= fromMonth || date.month <= untilMonth
    }
}

/// When a recorded risk makes a cut-off a concrete danger to life and limb, in esp's reading of the law.
public struct DangerRule: Sendable, Equatable {
    /// The risk.
    public var risk: HouseholdRisk
    /// Which cut-off endangers it.
    public var carrier: DangerCarrier
    /// Only in the heating season.
    public var heatingSeasonOnly: Bool
    /// The reading and the text it rests on.
    public var source: Source

    /// A rule as the loader read it.
    public init(risk: HouseholdRisk, carrier: DangerCarrier, heatingSeasonOnly: Bool, source: Source) {
        self.risk = risk
        self.carrier = carrier
        self.heatingSeasonOnly = heatingSeasonOnly
        self.source = source
    }
}

/// The cut-off a danger rule is about.
public enum DangerCarrier: String, Sendable, CaseIterable {
    /// A cut-off of electricity, or of gas.
    case electricity, gas
    /// A cut-off of whatever keeps the home warm: gas for a gas heating, electricity for electric heating or for
    /// the pump and controls of the household's own boiler.
    case heating
}
