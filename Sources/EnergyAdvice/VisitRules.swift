/// The allowed values of `esp-visit/1`, in one place for the decoder, the questionnaire and the docs.
public enum VisitRules {
    public static let schema = "esp-visit/1"
    public static let languageDefault = "de"

    public static let persons = AllowedRange(1, 12)
    public static let livingAreaM2 = AllowedRange(10, 400)
    public static let electricityKWh = AllowedRange(above: 0, 50_000)
    public static let heatingKWh = AllowedRange(above: 0, 200_000)
    public static let installmentEUR = AllowedRange(0, 10_000)
    public static let energyPriceCt = AllowedRange(above: 0, 500)
    public static let basePriceEUR = AllowedRange(0, 5_000)
    public static let roomTemperatureC = AllowedRange(5, 35)
    public static let lamps = AllowedRange(1, 200)
    public static let watts = AllowedRange(above: 0, 5_000)
    public static let hoursPerDay = AllowedRange(0, 24)
    public static let ageYears = AllowedRange(0, 80)
    public static let applianceKWh = AllowedRange(above: 0, 5_000)
    public static let measuredKWhPerDay = AllowedRange(above: 0, 20)
    public static let volumeLitres = AllowedRange(above: 0, 2_000)
    public static let showersPerWeek = AllowedRange(0, 200)
    public static let showerMinutes = AllowedRange(above: 0, 120)
    public static let flowLitresPerMinute = AllowedRange(above: 0, 60)
    public static let showerTemperatureC = AllowedRange(20, 60)
    public static let coldWaterC = AllowedRange(0, 30)
    public static let consumptionShare = AllowedRange(0.5, 1)
    public static let tapMinutesPerDay = AllowedRange(0, 240)
    /// Household meters show at most 6 to 8 digits before the decimal mark.
    public static let meterKWh = AllowedRange(0, 99_999_999)
    public static let advisorMaxLength = 64

    /// The defaults the format itself names (Documentation/VisitFile.md).
    public static let targetTemperatureCDefault = 20.0
    public static let showerTemperatureCDefault = 38.0
    public static let coldWaterCDefault = 10.0

    /// `[A-Za-z0-9._-]{1,64}`
    public static func isValidVisitId(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
    }
    public static let visitIdPattern = "1 to 64 characters of A-Z, a-z, 0-9, '.', '_', '-'"

    /// A language tag as used for Locales/ files: `de`, `ru`, `tr`, `pt-BR`.
    public static func isValidLanguage(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// Who pays housing costs (heating, water and wastewater) when the visit does not say: the jobcenter for
    /// Bürgergeld (SGB II), the social office for Sozialhilfe, Grundsicherung (SGB XII) and AsylbLG, else the
    /// household.
    public static func defaultHousingCostPayer(for benefit: Benefit) -> Payer {
        switch benefit {
        case .buergergeld: .jobcenter
        case .sozialhilfe, .grundsicherung, .asylblg: .socialOffice
        case .wohngeld, .kinderzuschlag, .none: .household
        }
    }

    /// "building" for a flat heated with gas, oil, district heating or pellets (central heating billed by the
    /// landlord), else "own".
    public static func defaultBilling(dwelling: Dwelling, fuel: HeatingFuel) -> HeatingBilling {
        switch (dwelling, fuel) {
        case (.flat, .gas), (.flat, .oil), (.flat, .district), (.flat, .pellets): .building
        default: .own
        }
    }
}

/// A closed or half-open interval of allowed numbers, with the words to describe it in an error.
public struct AllowedRange: Sendable, Equatable, CustomStringConvertible {
    public let lower: Double
    public let lowerInclusive: Bool
    public let upper: Double

    /// `lower ≤ x ≤ upper`
    public init(_ lower: Double, _ upper: Double) {
        self.lower = lower
        self.lowerInclusive = true
        self.upper = upper
    }

    /// `lower < x ≤ upper`
    public init(above lower: Double, _ upper: Double) {
        self.lower = lower
        self.lowerInclusive = false
        self.upper = upper
    }

    public func contains(_ value: Double) -> Bool {
        value.isFinite && (lowerInclusive ? value >= lower : value > lower) && value <= upper
    }

    public var description: String {
        lowerInclusive
            ? "from \(PlainNumber.text(lower)) to \(PlainNumber.text(upper))"
            : "greater than \(PlainNumber.text(lower)) and at most \(PlainNumber.text(upper))"
    }

}
