/// Numbers as staff type them in a form, by the questionnaire's rules: `1234,5`, `1.234,5`, `1234.5`; an ambiguous
/// `2.300` is refused, as in `esp visit`.
public enum FormNumber {
    /// The number, or nil for anything else (an empty field too).
    public static func parse(_ text: String) -> Double? {
        guard case .number(let value) = NumberText.parseNumeral(text.trimmed) else { return nil }
        return value
    }

    /// The text left after a leading number (`€/Monat` in `11,50 €/Monat`), trimmed; "" when the text is a number.
    public static func unitPart(_ text: String) -> String { NumberText.split(text).rest }

    /// `11,25` the German way, no grouping, as the questionnaire writes numbers.
    public static func text(_ value: Double) -> String { GermanNumber.text(value) }
}
