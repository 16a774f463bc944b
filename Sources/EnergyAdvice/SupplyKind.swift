/// The kind of supply contract: it decides whether the basic supply is a way out of an expensive contract, and the
/// notice period to leave.
public enum SupplyKind: String, Sendable, CaseIterable {
    /// The local basic supplier's general terms (Grundversorgung, § 36 EnWG).
    case basic
    /// Replacement supply after a supplier failed (Ersatzversorgung, § 38 EnWG).
    case replacement
    /// Any other contract (Sondervertrag).
    case contract
}
