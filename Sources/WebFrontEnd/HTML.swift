/// Text made safe for HTML: every character that could start markup or end an attribute is escaped.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A path segment with everything but unreserved characters percent-encoded.
    static func pathSegment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let ch = Character(Unicode.Scalar(byte))
            if ch.isASCII && (ch.isLetter || ch.isNumber || "-._~".contains(ch)) {
                out.append(ch)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    /// The string escaped for HTML text and attributes.
    var html: String { HTML.escape(self) }

    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// The words of the pages in the staff's language: German, or English on request. The questionnaire's own questions,
/// messages and warnings stay German (they come from the questionnaire, as in `esp visit`).
struct Words: Sendable {
    let language: String

    var isEnglish: Bool { language == "en" }

    func callAsFunction(_ german: String, _ english: String) -> String { isEnglish ? english : german }
}
