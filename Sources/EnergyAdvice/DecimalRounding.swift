/// Rounds to 0.01, half away from zero, as a decimal number: the precision of every number in `esp-advice/2`.
///
/// A binary double cannot hold most decimal fractions: the double nearest to 146.585 lies just below it, so rounding
/// the double would give 146.58. A value that lies within a rounding error of a half cent is therefore decided on
/// its shortest decimal digits (146.585 → 146.59, −0.125 → −0.13); every other value rounds as the double does.
public func cents(_ value: Double) -> Double {
    let scaled = value * 100
    let rounded = scaled.rounded()
    // Far from a tie the double and the decimal agree.
    guard abs(abs(scaled - scaled.rounded(.towardZero)) - 0.5) < 1e-6, let exact = DecimalNumber(value) else {
        return rounded / 100
    }
    return exact.roundedToCents()
}

/// Money as decimal arithmetic: a product of a quantity and a price, computed exactly on their decimal digits and
/// then rounded to cents half away from zero (calculation rules: 475 kWh × 30.86 ct = 146.585 € → 146.59 €).
public enum DecimalMoney {
    /// x × y rounded to cents. Exact whenever both have at most nine decimals and the product fits 64-bit integers,
    /// which every rounded quantity and every price of the data does; otherwise the double product, rounded.
    public static func cents(_ x: Double, times y: Double) -> Double {
        guard let a = DecimalNumber(x), let b = DecimalNumber(y), let product = a.multiplied(by: b) else {
            return EnergyAdvice.cents(x * y)
        }
        return product.roundedToCents()
    }

    /// kWh × ct/kWh in euros, rounded to cents: the worth of saved kWh, or the energy part of a bill.
    public static func euros(kWh: Double, ctPerKWh: Double) -> Double {
        guard let a = DecimalNumber(kWh), let b = DecimalNumber(ctPerKWh), var product = a.multiplied(by: b) else {
            return EnergyAdvice.cents(kWh * ctPerKWh / 100)
        }
        product.scale += 2
        return product.roundedToCents()
    }
}

/// A decimal number units / 10^scale with a 64-bit integer of units, recovered from a double's shortest digits.
struct DecimalNumber {
    var units: Int64
    var scale: Int

    static let powers: [Double] = (0...18).map { exponent in
        var p = 1.0
        for _ in 0..<exponent { p *= 10 }
        return p
    }

    /// The double's value with the fewest decimals (at most nine) that reads back as the same double; nil for
    /// values with more decimals, NaN, infinities and numbers beyond 10^15.
    init?(_ value: Double) {
        guard value.isFinite, abs(value) < 1e15 else { return nil }
        for scale in 0...9 {
            let scaled = (value * Self.powers[scale]).rounded()
            guard abs(scaled) < 9e15 else { return nil }
            if scaled / Self.powers[scale] == value {
                units = Int64(scaled)
                self.scale = scale
                return
            }
        }
        return nil
    }

    /// The exact product, nil when it overflows.
    func multiplied(by other: DecimalNumber) -> DecimalNumber? {
        let (units, overflow) = units.multipliedReportingOverflow(by: other.units)
        guard !overflow else { return nil }
        return DecimalNumber(units: units, scale: scale + other.scale)
    }

    private init(units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// Rounded to two decimals, half away from zero, as a double.
    func roundedToCents() -> Double {
        guard scale > 2 else { return Double(units) / Self.powers[scale] }
        var divisor: Int64 = 1
        for _ in 0..<(scale - 2) {
            let (next, overflow) = divisor.multipliedReportingOverflow(by: 10)
            // Beyond 10^18 nothing is left of the units: the value is zero at two decimals.
            if overflow { return 0 }
            divisor = next
        }
        let quotient = units / divisor
        let remainder = units % divisor
        let rounded = 2 * abs(remainder) >= divisor ? quotient + (units < 0 ? -1 : 1) : quotient
        return Double(rounded) / 100
    }
}
