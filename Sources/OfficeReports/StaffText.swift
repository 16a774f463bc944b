import AdviceLocalization
import EnergyAdvice

/// What staff read — the register, follow-ups, the summary, batch and check reports — in their language, from
/// `Locales/staff/LANG.xlf` (German the source, English shipped; a city adds its own), with numbers formatted for
/// the language.
public struct StaffText: Sendable {
    /// The folder of the staff texts inside Locales/.
    public static let folder = "staff"
    /// The staff language when none is asked for.
    public static let defaultLanguage = "de"

    /// The loaded texts of one staff language.
    public let localizer: Localizer
    /// The display names of the cities whose files were read (`nuernberg` → `Nürnberg`), by city id.
    public let cityNames: [String: String]

    /// Staff texts from a localizer of `Locales/staff`; `cityNames` are the names in the city files at hand.
    public init(localizer: Localizer, cityNames: [String: String] = [:]) {
        self.localizer = localizer
        self.cityNames = cityNames
    }

    /// The language of the texts.
    public var language: String { localizer.language }

    /// The text `id` with its placeholders filled.
    public func callAsFunction(_ id: String, _ arguments: [String: MessageArgument] = [:]) -> String {
        localizer.text(id, arguments)
    }

    /// A number for a placeholder, grouped for the language (de `2.300`, en `2,300`).
    public func number(_ value: Double, digits: Int = 0) -> MessageArgument {
        .number(value, shown: localizer.format.number(value, fractionDigits: digits), fractionDigits: digits)
    }

    /// A whole count, for plurals.
    public func count(_ value: Int) -> MessageArgument { number(Double(value)) }

    /// Euros with cents (de `1.234,50 €`).
    public func money(_ value: Double) -> MessageArgument { .text(localizer.format.money(value)) }

    /// A share as a percentage (de `25 %`).
    public func percent(_ share: Double) -> MessageArgument { .text(localizer.format.percent(share)) }

    /// A day in the language's form (de `02.11.2026`).
    public func date(_ date: CalendarDate) -> MessageArgument {
        .text(localizer.format.date(year: date.year, month: date.month, day: date.day))
    }

    /// The step's name for staff (`LED-Lampen`).
    public func measure(_ kind: MeasureKind) -> String { self("measure.\(kind.rawValue)") }

    /// A language's name in the staff's language (de `Ukrainisch`, en `Ukrainian` for `uk`), from CLDR through
    /// Foundation, so a language a city adds is named without a text; the tag itself only if CLDR does not know it.
    public func language(_ tag: String) -> String { localizer.format.languageName(tag) ?? tag }

    /// A benefit's name (`Bürgergeld`, `keine Leistung`).
    public func benefit(_ benefit: Benefit) -> String { self("benefit.\(benefit.rawValue)") }

    /// A benefit by its key in the visit format and the summary (`buergergeld`); an unknown key as it is.
    public func benefit(key: String) -> String { Benefit(rawValue: key).map(benefit) ?? key }

    /// A quarter of the summary (`2026-Q1`) in the staff's words (de `1. Quartal 2026`).
    public func quarter(_ key: String) -> String {
        let parts = key.split(separator: "-Q")
        guard parts.count == 2, let year = Int(parts[0]), let quarter = Int(parts[1]) else { return key }
        return self("report.quarter", ["quarter": .text(String(quarter)), "year": .text(String(year))])
    }

    /// A heating fuel's name (`Fernwärme`).
    public func fuel(_ fuel: HeatingFuel) -> String { self("fuel.\(fuel.rawValue)") }

    /// A city's name: the `name` of its city file; for a city without a file at hand (a summary sent by another
    /// city), the staff text `city.ID` where a staff file has one, else the id.
    public func city(_ id: String) -> String {
        if let name = cityNames[id] { return name }
        let text = self("city.\(id)")
        return text.isEmpty ? id : text
    }

    /// Cities' names in a list (`Nürnberg, Bremen`).
    public func cities(_ ids: [String]) -> String { ids.map(city).joined(separator: localizer.format.listSeparator) }
}
