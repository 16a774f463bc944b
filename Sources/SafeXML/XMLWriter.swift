/// Builds indented XML text with correct escaping.
///
/// Element and attribute names are written as given and must be valid XML
/// names. Values are escaped so that parsing the output gives them back
/// exactly: `&`, `<`, `>` and `"` become entities, and in attribute values
/// tab, newline and carriage return become character references so attribute
/// normalisation keeps them (carriage return likewise in text). Characters
/// that XML 1.0 cannot represent at all (controls other than tab, newline
/// and carriage return; U+FFFE and U+FFFF) are replaced by U+FFFD, so the
/// output is always well-formed and the loss is visible rather than silent.
public struct XMLWriter: Sendable {
    private var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    /// Names of the elements opened and not yet closed, outermost first.
    private var openElements: [String] = []
    /// True while the innermost start tag still lacks its `>`, so that an
    /// element closed without content can become `<name/>`.
    private var startTagPending = false

    /// Starts a document with the XML declaration.
    public init() {}

    /// Opens an element; its content follows until the matching `close()`.
    /// Attributes are written in the order given.
    public mutating func open(_ name: String, _ attributes: [(name: String, value: String)] = []) {
        finishPendingStartTag()
        output += indentation + "<" + name + Self.attributeText(attributes)
        openElements.append(name)
        startTagPending = true
    }

    /// Writes a complete element: `<name a="v">text</name>`, or `<name a="v"/>` when `text` is nil.
    public mutating func element(
        _ name: String, _ attributes: [(name: String, value: String)] = [], text: String? = nil
    ) {
        finishPendingStartTag()
        output += indentation + "<" + name + Self.attributeText(attributes)
        if let text {
            output += ">" + Self.escape(text, inAttribute: false) + "</" + name + ">\n"
        } else {
            output += "/>\n"
        }
    }

    /// Closes the innermost open element; does nothing when none is open.
    public mutating func close() {
        guard let name = openElements.popLast() else { return }
        if startTagPending {
            output += "/>\n"
            startTagPending = false
        } else {
            output += indentation + "</" + name + ">\n"
        }
    }

    /// The XML written so far, indented by two spaces per level; elements
    /// still open are closed in the returned text.
    public var text: String {
        var finished = self
        while !finished.openElements.isEmpty {
            finished.close()
        }
        return finished.output
    }

    private var indentation: String {
        String(repeating: "  ", count: openElements.count)
    }

    private mutating func finishPendingStartTag() {
        if startTagPending {
            output += ">\n"
            startTagPending = false
        }
    }

    private static func attributeText(_ attributes: [(name: String, value: String)]) -> String {
        attributes.map { " \($0.name)=\"\(escape($0.value, inAttribute: true))\"" }.joined()
    }

    static func escape(_ value: String, inAttribute: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
