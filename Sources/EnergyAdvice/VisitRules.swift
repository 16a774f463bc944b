/// The allowed values of `esp-visit/1`, in one place for the decoder, the questionnaire and the docs.
public enum VisitRules {
    /// The `schema` value every visit file carries; rules v2 only added optional keys, so it is still version 1.
    public static let schema = "esp-visit/1"
    /// The sheet's language when the visit names none: German, the source language of Locales/.
    public static let languageDefault = "de"

    /// `household.persons`.
    public static let persons = AllowedRange(1, 12)
    /// `household.livingAreaM2`, m².
    public static let livingAreaM2 = AllowedRange(10, 400)
    /// `electricity.annualKWh`, kWh/year: every household uses some.
    public static let electricityKWh = AllowedRange(above: 0, 50_000)
    /// `heating.annualKWh`, kWh/year.
    public static let heatingKWh = AllowedRange(above: 0, 200_000)
    /// Monthly advance payments, €.
    public static let installmentEUR = AllowedRange(0, 10_000)
    /// Energy prices of a bill, gross ct/kWh (``InputLimits/energyPriceCt``).
    public static let energyPriceCt = InputLimits.energyPriceCt
    /// Base prices of a bill, gross €/year; a figure above 0 is at least ``InputLimits/lowestYearlyBasePriceEUR``.
    public static let basePriceEUR = InputLimits.basePriceEUR.allowed
    /// Room and target temperatures, °C.
    public static let roomTemperatureC = AllowedRange(5, 35)
    /// Lamps in one lighting row.
    public static let lamps = AllowedRange(1, 200)
    /// Watts of a lamp or of a standby device.
    public static let watts = AllowedRange(above: 0, 5_000)
    /// Hours a day a lamp burns or a device stands by.
    public static let hoursPerDay = AllowedRange(0, 24)
    /// Age of a cooling appliance, years.
    public static let ageYears = AllowedRange(0, 80)
    /// kWh/year of a cooling appliance, old or new.
    public static let applianceKWh = AllowedRange(above: 0, 5_000)
    /// A plug meter's kWh a day.
    public static let measuredKWhPerDay = AllowedRange(above: 0, 20)
    /// A cooling appliance's volume, litres.
    public static let volumeLitres = AllowedRange(above: 0, 2_000)
    /// Showers a week of the whole household; at most ``InputLimits/showersPerPersonPerWeek`` per person too.
    public static let showersPerWeek = InputLimits.showersPerWeek
    /// Minutes per shower.
    public static let showerMinutes = InputLimits.showerMinutes.allowed
    /// Flow of a showerhead or tap, L/min (the same physical limit for both, ``InputLimits``).
    public static let flowLitresPerMinute = InputLimits.showerFlowLitresPerMinute.allowed
    /// Shower temperature, °C.
    public static let showerTemperatureC = InputLimits.showerTemperatureC.allowed
    /// Cold-water temperature, °C.
    public static let coldWaterC = InputLimits.coldWaterC.allowed
    /// `heating.consumptionShare`: the Heizkostenverordnung bills 50–70 % by use, up to 100 % by agreement.
    public static let consumptionShare = AllowedRange(0.5, 1)
    /// Minutes a day a tap runs.
    public static let tapMinutesPerDay = InputLimits.tapMinutesPerDay.allowed
    /// `household.annualWaterM3`: a household's drinking water a year, m³ (about 46 m³ per person, Destatis 2022).
    public static let annualWaterM3 = AllowedRange(above: 0, 2_000)
    /// `heating.hotWaterKWh`, kWh/year: at most the whole heating bill.
    public static let hotWaterKWh = AllowedRange(above: 0, 200_000)
    /// Household meters show at most 6 to 8 digits before the decimal mark.
    public static let meterKWh = AllowedRange(0, 99_999_999)
    /// Characters of `advisor`: a short name or code, not a signature.
    public static let advisorMaxLength = 64
    /// Characters of `household.name`: the name a letter is signed with.
    public static let contactNameMaxLength = 100
    /// Characters of `household.address`: street, postcode and town on one line.
    public static let contactAddressMaxLength = 200

    /// The defaults the format itself names (Documentation/VisitFile.md).
    public static let targetTemperatureCDefault = 20.0
    /// `showers.temperatureC` when the visit leaves it out, °C.
    public static let showerTemperatureCDefault = 38.0
    /// `showers.coldWaterC` when the visit leaves it out, °C; taps always count from it.
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
    /// ``isValidVisitId(_:)`` in words, for error messages.
    public static let visitIdPattern = "1 to 64 characters of A-Z, a-z, 0-9, '.', '_', '-'"

    /// A language tag as used for Locales/ files: `de`, `ru`, `tr`, `pt-BR`.
    public static func isValidLanguage(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
            first.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return false }
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
    /// The lower end; whether it is allowed itself says ``lowerInclusive``.
    public let lower: Double
    /// True for `lower ≤ x`, false for `lower < x`.
    public let lowerInclusive: Bool
    /// The upper end, always allowed.
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

    /// True for a finite value inside the range; NaN and infinities never are.
    public func contains(_ value: Double) -> Bool {
        value.isFinite && (lowerInclusive ? value >= lower : value > lower) && value <= upper
    }

    /// The range in the words of an error message: "from 1 to 12", "greater than 0 and at most 50000".
    public var description: String {
        lowerInclusive
            ? "from \(PlainNumber.text(lower)) to \(PlainNumber.text(upper))"
            : "greater than \(PlainNumber.text(lower)) and at most \(PlainNumber.text(upper))"
    }

}
