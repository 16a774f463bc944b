import JSONText

/// CSV per RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end in LF.
enum CSV {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + String(text.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }

    /// A scalar JSON value as CSV text; numbers as in the JSON, null as empty.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        default: value.serialized(pretty: false)
        }
    }
}
