/// Finds a document type declaration before libxml2 sees the bytes.
///
/// A DOCTYPE can only appear in the prolog, so the scan walks the XML
/// declaration, processing instructions, comments and whitespace and stops at
/// the first other markup; `<!DOCTYPE` inside comments, CDATA or text is
/// never mistaken for one. Encodings that are not ASCII-compatible (UTF-16)
/// are missed here and caught by the parser's DOCTYPE callback instead.
enum DoctypeScan {
    private static let doctype = Array("<!DOCTYPE".utf8)
    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let instructionStart = Array("<?".utf8)
    private static let instructionEnd = Array("?>".utf8)

    /// The 1-based line of `<!DOCTYPE`, or nil when the prolog has none.
    static func line(in bytes: [UInt8]) -> Int? {
        var index = 0
        var line = 1
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }

        /// Moves past the construct opened by `opener` and ended by `terminator`
        /// (searched for after the opener, as in `<!---->`); false when it never
        /// ends, which the parser reports.
        func skip(_ opener: [UInt8], through terminator: [UInt8]) -> Bool {
            index += opener.count
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                if bytes[index...].starts(with: terminator) {
                    index += terminator.count
                    return true
                }
                index += 1
            }
            return false
        }

        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            default:
                let rest = bytes[index...]
                if rest.starts(with: doctype) {
                    return line
                } else if rest.starts(with: commentStart) {
                    guard skip(commentStart, through: commentEnd) else { return nil }
                } else if rest.starts(with: instructionStart) {
                    guard skip(instructionStart, through: instructionEnd) else { return nil }
                } else {
                    return nil
                }
            }
        }
        return nil
    }
}
