/// A JSON value without source positions, used to build documents for output.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Fields are written in this order, which keeps output deterministic.
    case object([JSONField])

    /// JSON text for this value; the result always parses back with ``JSONParser``.
    ///
    /// Pretty output indents by two spaces, writes `"key": value` with one member or element
    /// per line, and writes empty containers as `[]` and `{}`. No trailing newline is added,
    /// so callers decide how the text ends.
    ///
    /// Numbers: non-finite values become `null` (JSON has no spelling for them); integral
    /// values below 1e15 in magnitude are written without a fraction (`-0.0` as `0`); all
    /// others use Swift's shortest round-trip form, e.g. `0.1`, `1e-07`, `1.7976931348623157e+308`.
    public func serialized(pretty: Bool = true) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.output.reserveCapacity(1 << 14)
        writer.write(self, indent: 0)
        return String(decoding: writer.output, as: UTF8.self)
    }
}

/// One `"key": value` pair of a ``JSONValue/object(_:)``.
public struct JSONField: Sendable, Equatable {
    /// The key, written with JSON string escaping.
    public var key: String
    /// The value written for the key.
    public var value: JSONValue

    /// Unlabelled so documents read like JSON: `JSONField("persons", .number(3))`.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// Builds UTF-8 bytes directly so escaping can work on bytes rather than characters.
struct JSONWriter {
    let pretty: Bool
    var output: [UInt8] = []

    init(pretty: Bool) {
        self.pretty = pretty
    }

    /// Recursion depth equals the value's nesting depth, which callers control.
    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null:
            append("null")
        case .bool(let b):
            append(b ? "true" : "false")
        case .number(let n):
            append(JSONWriter.format(n))
        case .string(let s):
            writeString(s)
        case .array(let elements):
            if elements.isEmpty {
                append("[]")
                return
            }
            output.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent: indent + 1)
                write(element, indent: indent + 1)
            }
            newline(indent: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty {
                append("{}")
                return
            }
            output.append(UInt8(ascii: "{"))
            for (i, field) in fields.enumerated() {
                if i > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent: indent + 1)
                writeString(field.key)
                append(pretty ? ": " : ":")
                write(field.value, indent: indent + 1)
            }
            newline(indent: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func newline(indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        // Byte by byte: `repeatElement` goes through generic code that is slow in debug builds.
        for _ in 0..<(2 * indent) { output.append(UInt8(ascii: " ")) }
    }

    mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { appendEscaped($0) }
        output.append(UInt8(ascii: "\""))
    }

    /// Copies runs that need no escaping in one go; per-byte appends are slow in debug builds.
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var runStart = 0
        var i = 0
        while i < count {
            let b = base[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
                i += 1
                continue
            }
            var length = 1
            let escape: String
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x09: escape = "\\t"
            case 0x0D: escape = "\\r"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0xE2:
                // U+2028 and U+2029 are valid in JSON but end lines in JavaScript, so text
                // pasted into a script would break; escaping costs nothing.
                guard i + 2 < count, base[i + 1] == 0x80, base[i + 2] == 0xA8 || base[i + 2] == 0xA9 else {
                    i += 1
                    continue
                }
                escape = base[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                escape =
                    "\\u00"
                    + String(decoding: [JSONWriter.hexDigit(b >> 4), JSONWriter.hexDigit(b & 0xF)], as: UTF8.self)
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
            append(escape)
            i += length
            runStart = i
        }
        output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Whole numbers print without `.0` so counts and years read naturally; the 1e15 bound
    /// keeps them well inside the range where a Double holds every integer exactly.
    static func format(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        // Converting through Int64 rather than calling `rounded()` keeps libm out of the link,
        // which plain Swift executables on Linux do not get for free.
        if n.magnitude < 1e15, Double(Int64(n)) == n {
            return String(Int64(n))
        }
        // Swift's description is the shortest text that reads back as the same Double, and
        // for finite values it is always valid JSON (`1e-07`, `5e-324`, `1e+16`).
        return n.description
    }
}
