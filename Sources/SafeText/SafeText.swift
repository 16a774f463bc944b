/// Text from files that reaches a terminal or a printed sheet: which characters may not pass, and how an error
/// message quotes hostile input without letting it act on the terminal.
public enum SafeText {
    /// The first character of `text` that may not be shown: C0 control characters (but line feed and tab in text
    /// of several lines, `lineBreaks`; a carriage return never, it lets a line overwrite itself), DEL, C1 controls, and the bidirectional embeddings and overrides
    /// (U+202A–U+202E) that reorder what a reader sees; the isolates (U+2066–U+2069) only when `isolates` is false.
    /// Nil when every character is fine.
    public static func forbidden(in text: String, lineBreaks: Bool = false, isolates: Bool = false) -> Unicode.Scalar? {
        text.unicodeScalars.first { isForbidden($0, lineBreaks: lineBreaks, isolates: isolates) }
    }

    static func isForbidden(_ scalar: Unicode.Scalar, lineBreaks: Bool, isolates: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: !lineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E: true
        case 0x2066...0x2069: !isolates
        default: false
        }
    }

    /// "U+001B", how a message names a character it will not show.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` with every character that `forbidden(in:)` refuses written as `\u{1B}`, so an error message can
    /// quote a key or a value from a hostile file.
    public static func quoted(_ text: String) -> String {
        guard forbidden(in: text, lineBreaks: true) != nil else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isForbidden(scalar, lineBreaks: true, isolates: false) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
