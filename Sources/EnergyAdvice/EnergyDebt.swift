/// Arrears with an energy supplier as the advisor recorded them (`energyDebt[]` of `esp-visit/1`).
///
/// Dates are the days the household **received** a letter: legal periods run from receipt, not from the date
/// printed on it.
public struct EnergyDebt: Sendable, Equatable {
    /// Electricity or gas: each has its own supplier, contract and cut-off.
    public var carrier: DebtCarrier
    /// What the household owes the supplier now, after its payments, €; greater than 0.
    public var arrearsEUR: Double
    /// The monthly advance payment (Abschlag) on this contract, €; 0 means the contract has none. Nil: the visit's
    /// instalment for the carrier is taken, if it has one.
    public var monthlyInstallmentEUR: Double?
    /// The expected yearly bill of this contract, €, as the supplier states it.
    public var annualBillEUR: Double?
    /// Basic supply, replacement supply or another contract; nil means ``SupplyKind/basic``.
    public var supply: SupplyKind?
    /// The supplier's name, for the letters.
    public var supplier: String?
    /// The day the household received the threat of a cut-off (Androhung); nil: none received.
    public var threatDate: CalendarDate?
    /// The day the household received the letter announcing the day of the cut-off (Ankündigung); nil: none.
    public var announcementDate: CalendarDate?
    /// The supply is already interrupted; nil means false.
    public var cutOff: Bool?
    /// Circumstances of the household's members that a cut-off may endanger.
    public var risks: [HouseholdRisk]

    /// A debt as decoded from a visit file; the arguments left out are optional keys.
    public init(
        carrier: DebtCarrier, arrearsEUR: Double, monthlyInstallmentEUR: Double? = nil,
        annualBillEUR: Double? = nil, supply: SupplyKind? = nil, supplier: String? = nil,
        threatDate: CalendarDate? = nil, announcementDate: CalendarDate? = nil, cutOff: Bool? = nil,
        risks: [HouseholdRisk] = []
    ) {
        self.carrier = carrier
        self.arrearsEUR = arrearsEUR
        self.monthlyInstallmentEUR = monthlyInstallmentEUR
        self.annualBillEUR = annualBillEUR
        self.supply = supply
        self.supplier = supplier
        self.threatDate = threatDate
        self.announcementDate = announcementDate
        self.cutOff = cutOff
        self.risks = risks
    }
}

/// The energy a supplier can cut off for non-payment.
public enum DebtCarrier: String, Sendable, CaseIterable {
    /// `electricity` or `gas`.
    case electricity, gas
}

/// The kind of supply contract, which decides whether the household has a claim to an Abwendungsvereinbarung, whether
/// the basic supply is a way out of a dear contract, and the notice period to leave.
public enum SupplyKind: String, Sendable, CaseIterable {
    /// The local basic supplier's general terms (Grundversorgung, § 36 EnWG).
    case basic
    /// Replacement supply after a supplier failed (Ersatzversorgung, § 38 EnWG).
    case replacement
    /// Any other contract (Sondervertrag).
    case contract
}

/// A circumstance of a household member that can make a cut-off a danger to life and limb.
public enum HouseholdRisk: String, Sendable, CaseIterable {
    /// A medical device that runs on electricity.
    case medicalDevice = "medical-device"
    /// A baby or small child.
    case infant
    /// A pregnant member.
    case pregnancy
    /// A serious illness.
    case seriousIllness = "serious-illness"
    /// A disability.
    case disability
    /// An old member.
    case elderly
}
