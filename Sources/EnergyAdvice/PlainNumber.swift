/// The one way numbers are written for staff: in messages, the register's lines and the programme summary. Plain
/// digits with a decimal point, never a locale's grouping or an exponent, so a clerk can type the figure back.
/// (The household's sheet formats numbers per language in AdviceLocalization.)
public enum PlainNumber {
    /// Whole numbers without a fraction (`1300`), others as Swift writes them (`36.38`).
    public static func text(_ x: Double) -> String {
        x.isFinite && x.magnitude < 1e15 && x == x.rounded() ? String(Int64(x)) : String(x)
    }

    /// Exactly `decimals` digits after the point, rounded half away from zero: `fixed(1155.375, decimals: 2)` is
    /// `1155.38`.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        let scaled = (x * scale).rounded()
        guard x.isFinite, scaled.magnitude < 9e15 else { return String(x) }
        let units = Int64(scaled)
        let digits = String(units.magnitude)
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let sign = units < 0 ? "-" : ""
        guard decimals > 0 else { return sign + padded }
        return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals)
    }
}
