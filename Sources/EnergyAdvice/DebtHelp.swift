/// Where a household in arrears finds help in its city (`<debtCounselling>` of a city file).
public struct DebtCounselling: Sendable, Equatable {
    /// The service's name.
    public var name: String
    /// Street, postcode and town; nil when only a phone is known.
    public var address: String?
    /// The phone number; nil when only an address is known.
    public var phone: String?
    /// An e-mail address, where the service gives one.
    public var email: String?
    /// Where the contact was published.
    public var source: Source

    /// A contact as a city file gives it.
    public init(name: String, address: String?, phone: String?, email: String? = nil, source: Source) {
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.source = source
    }
}

/// A fund that pays energy debts in hardship cases (`<hardshipFund>` of a city file), e.g. a supplier's.
public struct HardshipFund: Sendable, Equatable {
    /// The fund's name.
    public var name: String
    /// The supplier whose customers it helps; nil: any supplier's.
    public var supplier: String?
    /// The debts it pays; nil: electricity and gas.
    public var carrier: DebtCarrier?
    /// How to reach it.
    public var contact: String
    /// Where its rules were published.
    public var source: Source

    /// A fund as a city file gives it.
    public init(name: String, supplier: String?, carrier: DebtCarrier?, contact: String, source: Source) {
        self.name = name
        self.supplier = supplier
        self.carrier = carrier
        self.contact = contact
        self.source = source
    }

    /// The fund can help with this debt: its carrier, and its supplier named in the debt's (when it names one).
    public func helps(with debt: EnergyDebt) -> Bool {
        guard carrier.map({ $0 == debt.carrier }) != false else { return false }
        guard let supplier else { return true }
        guard let named = debt.supplier else { return false }
        return named.lowercased().contains(supplier.lowercased())
    }
}
