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

    /// Staff texts from a localizer of `Locales/staff`.
    public init(localizer: Localizer) {
        self.localizer = localizer
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
}
