import Foundation
import SafeFiles

/// Numbers, money, percentages and dates for one language, through Foundation's CLDR data with an explicit
/// Locale (`Locale.current` is meaningless on the machines esp runs on). Quantities never break inside: the
/// space between a number and its unit is U+00A0.
public struct LocaleFormatter: Sendable {
    /// U+00A0, between a number and its unit.
    public static let noBreakSpace = "\u{00A0}"

    /// The language tag whose formats these are (`de`, `ar`).
    public let language: String
    /// Foundation's locale for `language`, with Western digits.
    public let locale: Locale
    /// Right-to-left languages get their amounts wrapped in a left-to-right isolate (U+2066 … U+2069), so "4 €"
    /// and "2.300 kWh" read as in a German letter inside Arabic text.
    public let isolatesAmounts: Bool
    private let dateFormatter: DateFormatterBox
    private let weekdayFormatter: DateFormatterBox

    /// The formats of the language tag `language` (`de`, `ar`, `pt-PT`): CLDR's, with Western digits.
    public init(language: String) {
        self.language = language
        // Western digits in every language, as German letters and bills print them (Arabic would use its own).
        self.locale = Locale(identifier: language + "@numbers=latn")
        self.isolatesAmounts = Self.isRightToLeft(language)
        let base = language.split(separator: "-").first.map(String.init) ?? ""
        self.dateFormatter = DateFormatterBox(locale: locale, pattern: Self.longDatePatterns[base])
        self.weekdayFormatter = DateFormatterBox(locale: locale, pattern: Self.fullDatePatterns[base], style: .full)
    }

    /// Long date patterns that differ from CLDR's for a reason: CLDR's Arabic puts a comma before the year
    /// ("14 مارس، 2026"), which native readers of the sheet took for a mistake; day, month, year as a letter writes it.
    static let longDatePatterns = ["ar": "d MMMM y"]
    /// The same with the weekday first, as a deadline is written: "الخميس، 19 نوفمبر 2026".
    static let fullDatePatterns = ["ar": "EEEE، d MMMM y"]

    /// A plain number, rounded half away from zero (what people expect on a bill, unlike banker's rounding).
    public func number(_ value: Double, fractionDigits: Int = 0) -> String {
        Self.unbreakable(
            value.formatted(
                .number.precision(.fractionLength(fractionDigits)).rounded(rule: .toNearestOrAwayFromZero).locale(
                    locale)))
    }

    /// Euros: the number in the language's own digits grouping and decimal mark, then the euro sign, in every
    /// language (de `1.234,50 €`, tr `1.234,50 €`, uk `1 234,50 €`): readers compare it with German bills and
    /// Jobcenter letters, which put the sign after the number.
    public func money(_ value: Double, fractionDigits: Int = 2) -> String {
        isolated(number(value, fractionDigits: fractionDigits) + Self.noBreakSpace + "€")
    }

    /// `share` 0.06 → de `6 %`, tr `%6`.
    public func percent(_ share: Double, fractionDigits: Int = 0) -> String {
        Self.unbreakable(
            share.formatted(
                .percent.precision(.fractionLength(0...fractionDigits)).rounded(rule: .toNearestOrAwayFromZero).locale(
                    locale)))
    }

    /// A number followed by its unit label, joined by a no-break space.
    public func quantity(_ value: Double, unit: String, fractionDigits: Int = 0) -> String {
        isolated(number(value, fractionDigits: fractionDigits) + Self.noBreakSpace + unit)
    }

    /// The name of the language `tag` (`uk`, `pt-BR`) in this language, from CLDR: de `Ukrainisch`,
    /// en `Portuguese (Brazil)`; nil when CLDR does not know the tag.
    public func languageName(_ tag: String) -> String? {
        guard let name = locale.localizedString(forIdentifier: tag), name != tag else { return nil }
        return name
    }

    /// Between the items of a list in running text: the Arabic comma where the script has one.
    public var listSeparator: String {
        let base = language.split(separator: "-").first.map(String.init) ?? language
        return ["ar", "fa", "ur", "ps", "ckb"].contains(base) ? "، " : ", "
    }

    /// Languages written right to left: their sheets are laid out mirrored and their amounts isolated.
    public static func isRightToLeft(_ language: String) -> Bool {
        let base = language.split(separator: "-").first.map(String.init) ?? language
        return ["ar", "fa", "he", "ur", "ps", "ckb", "yi"].contains(base)
    }

    /// An amount kept left to right in a right-to-left text.
    func isolated(_ text: String) -> String {
        isolatesAmounts ? "\u{2066}" + text + "\u{2069}" : text
    }

    /// A calendar date in the locale's long style (de `14. März 2026`, ru `14 марта 2026 г.`).
    public func date(year: Int, month: Int, day: Int) -> String {
        Self.unbreakable(dateFormatter.format(year: year, month: month, day: day))
    }

    /// A date with its weekday, for deadlines (de `Donnerstag, 19. November 2026`, tr `19 Kasım 2026 Perşembe`):
    /// readers plan by the day of the week.
    public func dateWithWeekday(year: Int, month: Int, day: Int) -> String {
        Self.unbreakable(weekdayFormatter.format(year: year, month: month, day: day))
    }

    /// Ordinary spaces inside a formatted value become no-break spaces.
    static func unbreakable(_ text: String) -> String {
        text.replacingOccurrences(of: " ", with: noBreakSpace)
    }
}

/// DateFormatter is a class and not Sendable; this box makes one per formatter, never changes it after set-up and
/// lets one thread at a time use it.
private final class DateFormatterBox: @unchecked Sendable {
    private let formatter: Locked<DateFormatter>
    private let calendar: Calendar

    init(locale: Locale, pattern: String?, style: DateFormatter.Style = .long) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        self.calendar = calendar
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateStyle = style
        formatter.timeStyle = .none
        if let pattern { formatter.dateFormat = pattern }
        self.formatter = Locked(formatter)
    }

    func format(year: Int, month: Int, day: Int) -> String {
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else {
            return "\(year)-\(month)-\(day)"
        }
        return formatter.withLock { $0.string(from: date) }
    }
}
