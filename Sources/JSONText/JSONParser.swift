// One file of about 650 lines, on purpose: the parser is one state machine over one byte buffer (structure,
// scalars, UTF-8 checks), and its private state would have to become module-wide to split it across files.
/// A strict RFC 8259 parser that records the position of every value and key.
public enum JSONParser: Sendable {
    /// Parses exactly one JSON value, optionally surrounded by whitespace and preceded by a
    /// UTF-8 byte order mark.
    ///
    /// Beyond RFC 8259 it rejects duplicate keys (a second key would silently win in most
    /// readers, hiding mistakes), numbers too large for a Double, and anything past `limits`.
    /// Keys are compared as Swift strings, i.e. canonically equivalent spellings count as
    /// duplicates, because that is how apps will look them up.
    ///
    /// Nesting is handled with an explicit stack, so deep input fails with an error instead
    /// of overflowing the call stack.
    public static func parse(
        _ bytes: [UInt8], limits: JSONLimits = JSONLimits()
    ) throws(JSONSyntaxError) -> JSONNode {
        guard bytes.count <= limits.maxBytes else {
            throw JSONSyntaxError(
                message: "the document is larger than \(limits.maxBytes) bytes",
                position: SourcePosition(line: 1, column: 1))
        }
        // A raw pointer keeps byte access inline even in debug builds, where array and buffer
        // subscripts are calls; the parser checks every index against `end` itself and never
        // lets the pointer escape this call.
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) -> JSONNode in
            guard let base = buffer.baseAddress else {
                throw JSONSyntaxError(message: "the file is empty", position: SourcePosition(line: 1, column: 1))
            }
            var parser = Parser(base: base, end: buffer.count, limits: limits)
            return try parser.parseDocument()
        }
    }

    /// Parses the UTF-8 encoding of `text`, with the same rules as the byte-array overload.
    public static func parse(
        _ text: String, limits: JSONLimits = JSONLimits()
    ) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8), limits: limits)
    }
}

/// Byte values by name; computed rather than stored because stored statics go through a
/// lazy-initialisation check on every use in debug builds.
private enum ASCII {
    static var quote: UInt8 { 0x22 }
    static var backslash: UInt8 { 0x5C }
    static var comma: UInt8 { 0x2C }
    static var colon: UInt8 { 0x3A }
    static var openBracket: UInt8 { 0x5B }
    static var closeBracket: UInt8 { 0x5D }
    static var openBrace: UInt8 { 0x7B }
    static var closeBrace: UInt8 { 0x7D }
    static var minus: UInt8 { 0x2D }
    static var plus: UInt8 { 0x2B }
    static var dot: UInt8 { 0x2E }
    static var zero: UInt8 { 0x30 }
    static var nine: UInt8 { 0x39 }
    static var newline: UInt8 { 0x0A }

    static func isDigit(_ b: UInt8) -> Bool { b >= zero && b <= nine }

    static func isLetter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case zero...nine: return UInt32(b - zero)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}

/// An array or object whose closing bracket has not been read yet. Its finished children
/// wait on the parser's shared `nodes` or `members` stack from `first` on, so each container
/// costs one exactly sized array when it closes instead of repeated growth while it is open.
private struct OpenContainer {
    var isObject: Bool
    var position: SourcePosition
    var first: Int
    /// Filled only for large objects; small ones are checked by scanning their members, which
    /// avoids building a hash table for every little object.
    var keys: Set<String> = []
    var pendingKey = ""
    var pendingKeyPosition: SourcePosition

    init(isObject: Bool, position: SourcePosition, first: Int) {
        self.isObject = isObject
        self.position = position
        self.first = first
        self.pendingKeyPosition = position
    }
}

/// Works on the bytes with an index so that only finished strings allocate.
private struct Parser {
    /// The document's first byte; valid up to `end`, which every access checks first.
    let bytes: UnsafePointer<UInt8>
    /// The number of bytes.
    let end: Int
    let limits: JSONLimits
    var index = 0
    var line = 1
    /// Byte offset of the current line's first byte; columns are measured from here.
    var lineStart = 0

    init(base: UnsafePointer<UInt8>, end: Int, limits: JSONLimits) {
        self.bytes = base
        self.end = end
        self.limits = limits
    }

    var position: SourcePosition {
        SourcePosition(line: line, column: index - lineStart + 1)
    }

    /// The current byte, or nil at the end; callers compare against ASCII, so nil never matches.
    var peek: UInt8? {
        index < end ? bytes[index] : nil
    }

    /// Whether the current byte is `b`.
    func at(_ b: UInt8) -> Bool {
        index < end && bytes[index] == b
    }

    /// The bytes in `start..<stop` without the generic `Slice`, which is slow in debug builds.
    func slice(_ start: Int, _ stop: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + start, count: stop - start)
    }

    func text(_ start: Int, _ stop: Int) -> String {
        String(decoding: slice(start, stop), as: UTF8.self)
    }

    func error(_ message: String, at position: SourcePosition) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: position)
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            lineStart = 3
        }
        skipWhitespace()
        guard index < end else {
            throw error("the file is empty", at: SourcePosition(line: 1, column: 1))
        }
        let root = try parseValue()
        skipWhitespace()
        guard index == end else {
            if bytes[index] >= 0x80 && utf8SequenceLength(at: index) == nil {
                throw error("invalid UTF-8", at: position)
            }
            throw error("unexpected content after the JSON value", at: position)
        }
        return root
    }

    mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case ASCII.newline:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    // MARK: - Structure

    /// Parses one value of any depth without recursion: open containers live on `stack`, and
    /// each finished value is attached to the innermost one until a value is needed again.
    mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        // Kept out of `self` so the parser stays a plain value that is free to copy; debug
        // builds copy `self` for every non-mutating call.
        var stack: [OpenContainer] = []
        // Finished children of all open containers, innermost last. Only the first `nodeCount`
        // and `memberCount` entries are live: slots are overwritten rather than removed, which
        // is much cheaper in debug builds, and stale ones are dropped with the arrays at the end.
        var nodes: [JSONNode] = []
        var nodeCount = 0
        var members: [JSONMember] = []
        var memberCount = 0
        while true {
            skipWhitespace()
            let start = position
            var completed: JSONNode
            switch index < end ? bytes[index] : 0 {
            case ASCII.openBracket:
                try checkDepth(stack.count, at: start)
                index += 1
                skipWhitespace()
                if at(ASCII.closeBracket) {
                    index += 1
                    completed = JSONNode(kind: .array([]), position: start)
                } else {
                    stack.append(OpenContainer(isObject: false, position: start, first: nodeCount))
                    continue
                }
            case ASCII.openBrace:
                try checkDepth(stack.count, at: start)
                index += 1
                skipWhitespace()
                if at(ASCII.closeBrace) {
                    index += 1
                    completed = JSONNode(kind: .object([]), position: start)
                } else {
                    stack.append(OpenContainer(isObject: true, position: start, first: memberCount))
                    try readKey(afterComma: false, stack: &stack, members: members, memberCount: memberCount)
                    continue
                }
            default:
                completed = try parseScalar()
            }

            attaching: while true {
                let top = stack.count - 1
                guard top >= 0 else { return completed }
                skipWhitespace()
                let next = index < end ? bytes[index] : 0
                if stack[top].isObject {
                    let member = JSONMember(
                        key: stack[top].pendingKey, keyPosition: stack[top].pendingKeyPosition,
                        value: completed)
                    if memberCount < members.count {
                        members[memberCount] = member
                    } else {
                        members.append(member)
                    }
                    memberCount += 1
                    switch next {
                    case ASCII.comma:
                        index += 1
                        try readKey(afterComma: true, stack: &stack, members: members, memberCount: memberCount)
                        break attaching
                    case ASCII.closeBrace:
                        index += 1
                        let closed = stack.removeLast()
                        let children = Array(members[closed.first..<memberCount])
                        memberCount = closed.first
                        completed = JSONNode(kind: .object(children), position: closed.position)
                    default:
                        throw unexpected(expected: "',' or '}' after an object member")
                    }
                } else {
                    if nodeCount < nodes.count {
                        nodes[nodeCount] = completed
                    } else {
                        nodes.append(completed)
                    }
                    nodeCount += 1
                    switch next {
                    case ASCII.comma:
                        index += 1
                        skipWhitespace()
                        if at(ASCII.closeBracket) {
                            throw error(
                                "expected a value after ',', found ']' (trailing commas are not allowed)",
                                at: position)
                        }
                        break attaching
                    case ASCII.closeBracket:
                        index += 1
                        let closed = stack.removeLast()
                        let children = Array(nodes[closed.first..<nodeCount])
                        nodeCount = closed.first
                        completed = JSONNode(kind: .array(children), position: closed.position)
                    default:
                        throw unexpected(expected: "',' or ']' after an array element")
                    }
                }
            }
        }
    }

    func checkDepth(_ openCount: Int, at start: SourcePosition) throws(JSONSyntaxError) {
        if openCount >= limits.maxDepth {
            throw error("nesting deeper than \(limits.maxDepth) levels", at: start)
        }
    }

    /// Reads `"key":` for the innermost open object and leaves the index at the member's value.
    mutating func readKey(
        afterComma: Bool, stack: inout [OpenContainer], members: [JSONMember], memberCount: Int
    ) throws(JSONSyntaxError) {
        skipWhitespace()
        guard at(ASCII.quote) else {
            if afterComma && at(ASCII.closeBrace) {
                throw error(
                    "expected a string key after ',', found '}' (trailing commas are not allowed)",
                    at: position)
            }
            throw unexpected(expected: afterComma ? "a string key after ','" : "a string key or '}'")
        }
        let keyPosition = position
        let key = try parseString()
        let top = stack.count - 1
        let first = stack[top].first
        let hashThreshold = 16
        var isNew = true
        if memberCount - first < hashThreshold {
            for i in first..<memberCount where members[i].key == key {
                isNew = false
                break
            }
        } else {
            if stack[top].keys.isEmpty {
                stack[top].keys = Set(members[first..<memberCount].map(\.key))
            }
            isNew = stack[top].keys.insert(key).inserted
        }
        guard isNew else {
            throw error("duplicate key \(JSONParser.quoted(key))", at: keyPosition)
        }
        stack[top].pendingKey = key
        stack[top].pendingKeyPosition = keyPosition
        skipWhitespace()
        guard at(ASCII.colon) else {
            throw unexpected(expected: "':' after the key \(JSONParser.quoted(key))")
        }
        index += 1
    }

    // MARK: - Scalars

    mutating func parseScalar() throws(JSONSyntaxError) -> JSONNode {
        let start = position
        guard let b = peek else { throw unexpected(expected: "a value") }
        if b == ASCII.quote {
            return JSONNode(kind: .string(try parseString()), position: start)
        }
        if b == ASCII.minus || ASCII.isDigit(b) {
            return JSONNode(kind: .number(try parseNumber()), position: start)
        }
        guard ASCII.isLetter(b) else { throw unexpected(expected: "a value") }
        let wordEnd = endOfWord(from: index)
        let kind: JSONNode.Kind
        if matches("true", upTo: wordEnd) {
            kind = .bool(true)
        } else if matches("false", upTo: wordEnd) {
            kind = .bool(false)
        } else if matches("null", upTo: wordEnd) {
            kind = .null
        } else {
            if wordEnd == end {
                let word = slice(index, wordEnd)
                for literal in ["true", "false", "null"] where literal.utf8.starts(with: word) {
                    index = wordEnd
                    throw error("unexpected end of file, expected '\(literal)'", at: position)
                }
            }
            throw unexpected(expected: "a value")
        }
        index = wordEnd
        return JSONNode(kind: kind, position: start)
    }

    /// Whether the word from the index to `wordEnd` is `literal`.
    func matches(_ literal: StaticString, upTo wordEnd: Int) -> Bool {
        guard wordEnd - index == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for k in 0..<literal.utf8CodeUnitCount where bytes[index + k] != expected[k] {
            return false
        }
        return true
    }

    func endOfWord(from start: Int) -> Int {
        var stop = start
        while stop < end, ASCII.isLetter(bytes[stop]) || ASCII.isDigit(bytes[stop]) {
            stop += 1
        }
        return stop
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        let startPosition = position
        let negative = at(ASCII.minus)
        if negative { index += 1 }

        // Up to 15 significant digits fit a Double exactly; with a small power of ten that
        // allows one correctly rounded multiplication or division instead of text conversion.
        var mantissa = 0
        var significantDigits = 0
        var fractionDigits = 0

        guard index < end, ASCII.isDigit(bytes[index]) else {
            throw unexpected(expected: "a digit after '-'")
        }
        if bytes[index] == ASCII.zero {
            index += 1
            if index < end, ASCII.isDigit(bytes[index]) {
                throw error("numbers cannot have leading zeros", at: startPosition)
            }
        } else {
            while index < end, bytes[index] >= ASCII.zero, bytes[index] <= ASCII.nine {
                mantissa = mantissa &* 10 &+ Int(bytes[index] - ASCII.zero)
                significantDigits += 1
                index += 1
            }
        }
        if at(ASCII.dot) {
            index += 1
            guard index < end, ASCII.isDigit(bytes[index]) else {
                throw unexpected(expected: "a digit after the decimal point")
            }
            while index < end, bytes[index] >= ASCII.zero, bytes[index] <= ASCII.nine {
                // Leading zeros of a fraction like 0.0025 are not significant.
                if mantissa != 0 || bytes[index] != ASCII.zero { significantDigits += 1 }
                mantissa = mantissa &* 10 &+ Int(bytes[index] - ASCII.zero)
                fractionDigits += 1
                index += 1
            }
        }
        var exponent = 0
        if at(UInt8(ascii: "e")) || at(UInt8(ascii: "E")) {
            index += 1
            let negativeExponent = at(ASCII.minus)
            if at(ASCII.plus) || at(ASCII.minus) { index += 1 }
            guard index < end, ASCII.isDigit(bytes[index]) else {
                throw unexpected(expected: "a digit in the exponent")
            }
            while index < end, bytes[index] >= ASCII.zero, bytes[index] <= ASCII.nine {
                // Capped so absurd exponents cannot overflow; they go to the slow path anyway.
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[index] - ASCII.zero) }
                index += 1
            }
            if negativeExponent { exponent = -exponent }
        }
        if let next = peek, ASCII.isLetter(next) || ASCII.isDigit(next) || next == ASCII.dot {
            // Catches `0x1F`, `1.2.3` and `1e5e5` with one message naming the whole token.
            var stop = index
            while stop < end, stop - start < 40,
                ASCII.isLetter(bytes[stop]) || ASCII.isDigit(bytes[stop])
                    || [ASCII.dot, ASCII.plus, ASCII.minus].contains(bytes[stop])
            {
                stop += 1
            }
            throw error("invalid number '\(text(start, stop))'", at: startPosition)
        }

        let scale = exponent - fractionDigits
        // Past 15 digits `mantissa` may have wrapped (hence the `&` operators); it is unused then.
        if significantDigits <= 15 && scale >= -22 && scale <= 22 {
            // Powers of ten up to 1e22 are exact, so building one by multiplication is exact too.
            var power = 1.0
            for _ in 0..<(scale < 0 ? -scale : scale) { power *= 10 }
            let magnitude = scale < 0 ? Double(mantissa) / power : Double(mantissa) * power
            return negative ? -magnitude : magnitude
        }
        guard let value = Double(text(start, index)), value.isFinite else {
            throw error("number out of range", at: startPosition)
        }
        return value
    }

    /// Reads a string starting at its opening quote. Unescaped runs are copied in one go;
    /// a buffer is only built once an escape appears.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let startPosition = position
        index += 1
        var runStart = index
        var decoded: [UInt8] = []
        var hasEscapes = false
        while true {
            guard index < end else {
                throw error(
                    "unexpected end of file, expected '\"' to close the string that starts at \(startPosition)",
                    at: position)
            }
            let b = bytes[index]
            if b == ASCII.quote { break }
            if b == ASCII.backslash {
                decoded.append(contentsOf: slice(runStart, index))
                hasEscapes = true
                try parseEscape(into: &decoded, stringStart: startPosition)
                runStart = index
                continue
            }
            if b < 0x20 {
                if b == ASCII.newline || b == 0x0D {
                    throw error("line break inside a string (is a closing '\"' missing?)", at: position)
                }
                throw error(
                    "control character \(JSONParser.scalarName(UInt32(b))) must be escaped in a string", at: position)
            }
            if b < 0x80 {
                index += 1
            } else {
                guard let length = utf8SequenceLength(at: index) else {
                    throw error("invalid UTF-8", at: position)
                }
                index += length
            }
        }
        let run = slice(runStart, index)
        let byteCount = hasEscapes ? decoded.count + run.count : run.count
        guard byteCount <= limits.maxStringBytes else {
            throw error("string longer than \(limits.maxStringBytes) bytes", at: startPosition)
        }
        index += 1
        if hasEscapes {
            decoded.append(contentsOf: run)
            return String(decoding: decoded, as: UTF8.self)
        }
        return String(decoding: run, as: UTF8.self)
    }

    mutating func parseEscape(into decoded: inout [UInt8], stringStart: SourcePosition) throws(JSONSyntaxError) {
        let escapePosition = position
        index += 1
        guard let b = peek else {
            throw error(
                "unexpected end of file, expected '\"' to close the string that starts at \(stringStart)",
                at: position)
        }
        index += 1
        switch b {
        case ASCII.quote, ASCII.backslash, UInt8(ascii: "/"): decoded.append(b)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try hexQuad(escapePosition: escapePosition, stringStart: stringStart)
            var scalar = unit
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate only means something together with the low one after it.
                guard index + 1 < end, bytes[index] == ASCII.backslash,
                    bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw unpairedSurrogate(unit, at: escapePosition)
                }
                let lowPosition = position
                index += 2
                let low = try hexQuad(escapePosition: lowPosition, stringStart: stringStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw unpairedSurrogate(unit, at: escapePosition)
                }
                scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw unpairedSurrogate(unit, at: escapePosition)
            }
            guard let value = Unicode.Scalar(scalar) else {
                throw unpairedSurrogate(unit, at: escapePosition)
            }
            decoded.append(contentsOf: value.utf8)
        default:
            if b >= 0x20 && b < 0x7F {
                throw error("invalid escape sequence '\\\(Character(Unicode.Scalar(b)))'", at: escapePosition)
            }
            index -= 1
            if b >= 0x80 && utf8SequenceLength(at: index) == nil {
                throw error("invalid UTF-8", at: position)
            }
            throw error("invalid escape sequence: '\\' followed by \(describeCurrent())", at: escapePosition)
        }
    }

    /// Reads the four hex digits after `\u`.
    mutating func hexQuad(escapePosition: SourcePosition, stringStart: SourcePosition) throws(JSONSyntaxError) -> UInt32
    {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = peek else {
                throw error(
                    "unexpected end of file, expected '\"' to close the string that starts at \(stringStart)",
                    at: position)
            }
            guard let digit = ASCII.hexValue(b) else {
                throw error("expected 4 hex digits after '\\u'", at: escapePosition)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    func unpairedSurrogate(_ unit: UInt32, at position: SourcePosition) -> JSONSyntaxError {
        error("unpaired UTF-16 surrogate '\\u\(JSONParser.hex4(unit))' in a string", at: position)
    }

    // MARK: - UTF-8 and messages

    /// Length of the well-formed UTF-8 sequence at `i`, or nil; follows Unicode Table 3-7, so
    /// overlong forms, surrogates and values above U+10FFFF are rejected.
    func utf8SequenceLength(at i: Int) -> Int? {
        let lead = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return nil
        }
        guard i + length <= end else { return nil }
        guard bytes[i + 1] >= low && bytes[i + 1] <= high else { return nil }
        for k in 2..<length where bytes[i + k] < 0x80 || bytes[i + k] > 0xBF {
            return nil
        }
        return length
    }

    /// The error for finding something other than `expected` at the current index.
    func unexpected(expected: String) -> JSONSyntaxError {
        guard let b = peek else {
            return error("unexpected end of file, expected \(expected)", at: position)
        }
        if b >= 0x80 && utf8SequenceLength(at: index) == nil {
            return error("invalid UTF-8", at: position)
        }
        return error("expected \(expected), found \(describeCurrent())", at: position)
    }

    /// Names the input at the index for a message: a whole word such as `'NaN'`, a single
    /// printable character, or a code point for invisible and non-ASCII characters.
    func describeCurrent() -> String {
        guard let b = peek else { return "the end of the file" }
        if ASCII.isLetter(b) {
            let stop = min(endOfWord(from: index), index + 20)
            return "'\(text(index, stop))'"
        }
        if b >= 0x20 && b < 0x7F {
            return "'\(Character(Unicode.Scalar(b)))'"
        }
        if b < 0x80 {
            return JSONParser.scalarName(UInt32(b))
        }
        let length = utf8SequenceLength(at: index) ?? 1
        let character = text(index, index + length)
        let scalar = character.unicodeScalars.first?.value ?? 0xFFFD
        return "'\(character)' (\(JSONParser.scalarName(scalar)))"
    }
}

extension JSONParser {
    /// A key as JSON would spell it, so invisible characters stay visible in messages.
    static func quoted(_ key: String) -> String {
        var writer = JSONWriter(pretty: false)
        writer.writeString(key)
        return String(decoding: writer.output, as: UTF8.self)
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func scalarName(_ value: UInt32) -> String {
        "U+" + hex4(value)
    }
}
