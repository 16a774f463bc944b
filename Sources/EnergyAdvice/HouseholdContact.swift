/// Who signs the household's letters, and where they live (`household.name`, `household.address` of `esp-visit/1`).
///
/// Personal data: the letters print it, nothing else does. The advice, the sheet, the register's figures and
/// exports never carry it; a letter without it has blank lines to write on.
public struct HouseholdContact: Sendable, Equatable {
    /// The name of the person who holds the contract and signs, as it should appear on a letter.
    public var name: String?
    /// Street and house number, postcode and town, parts separated by commas as on an envelope
    /// ("Musterstraße 1, 04109 Leipzig"); a letter prints each part on a line of its own.
    public var address: String?

    /// A contact; either part may be missing.
    public init(name: String? = nil, address: String? = nil) {
        self.name = name
        self.address = address
    }

    /// The address as the lines of an envelope: the parts between commas, trimmed, empty parts dropped.
    public var addressLines: [String] {
        guard let address else { return [] }
        return address.split(separator: ",").map(Self.trimmed).filter { !$0.isEmpty }
    }

    static func trimmed(_ part: Substring) -> String {
        var s = part
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
