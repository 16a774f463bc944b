/// Rounds to 0.01, half away from zero, as a decimal number: the precision of every number in `esp-advice/2`.
///
/// A binary double cannot hold most decimal fractions: the double nearest to 146.585 lies just below it, so rounding
/// the double would give 146.58. A value that lies within a rounding error of a half cent is therefore decided on
/// its shortest decimal digits (146.585 → 146.59, −0.125 → −0.13); every other value rounds as the double does.
public func cents(_ value: Double) -> Double {
    let scaled = value * 100
    guard scaled.magnitude < DecimalNumber.integral else { return scaled.rounded() / 100 }
    let whole = Double(Int64(scaled))
    let fraction = (scaled - whole).magnitude
    // Far from a tie the double and the decimal agree.
    if abs(fraction - 0.5) < 1e-6, let exact = DecimalNumber(value) { return exact.roundedToCents() }
    return (fraction >= 0.5 ? whole + (scaled < 0 ? -1 : 1) : whole) / 100
}

/// `x` rounded half away from zero, through a 64-bit integer: `Double.rounded()` calls libm's `round` as a function
/// on the x86-64 baseline, which was a tenth of the calculation core's time.
@inline(__always)
func roundedHalfAway(_ x: Double) -> Double {
    guard x.magnitude < DecimalNumber.integral else { return x.rounded() }
    let whole = Double(Int64(x))  // truncates; exact below 2^63
    let fraction = x - whole  // exact: both lie within one binade of each other
    if fraction >= 0.5 { return whole + 1 }
    if fraction <= -0.5 { return whole - 1 }
    return whole
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

    /// Every double at least this large is a whole number (2^52).
    static let integral = 4_503_599_627_370_496.0

    /// The double's value with the fewest decimals (at most nine) that reads back as the same double; nil for
    /// values with more decimals, NaN, infinities and numbers beyond 10^15.
    init?(_ value: Double) {
        guard value.isFinite, abs(value) < 1e15 else { return nil }
        // Powers of ten by multiplication: exact up to 10^22, and no look-up in a global array per step.
        var power = 1.0
        for scale in 0...9 {
            let scaled = roundedHalfAway(value * power)
            guard abs(scaled) < 9e15 else { return nil }
            if scaled / power == value {
                units = Int64(scaled)
                self.scale = scale
                return
            }
            power *= 10
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
