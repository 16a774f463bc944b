/// A parsed ICU-style message: text, `{name}` placeholders and `{name, plural, one {# …} other {# …}}`.
///
/// Apostrophes follow ICU's "double optional" mode: `''` is one apostrophe, `'` before `{`, `}` or `#` starts
/// quoted text up to the next `'`, any other apostrophe is literal — so Turkish "Nürnberg'de" needs no escaping.
public struct MessageFormat: Sendable, Equatable {
    /// One piece of a message, in the order it is written.
    public indirect enum Part: Sendable, Equatable {
        /// Literal text, apostrophe quoting resolved.
        case text(String)
        /// `{name}`: the argument's text.
        case argument(String)
        /// `{name, plural, …}`: the case that fits the number `name` holds.
        case plural(String, [PluralCase])
        /// `#` inside a plural case: the number.
        case number
    }

    /// One case of a plural: `one {# Lampe}`.
    public struct PluralCase: Sendable, Equatable {
        /// A CLDR category name, or an exact value written `=0`.
        public var selector: Selector
        /// The case's text, in which `#` stands for the number.
        public var parts: [Part]
    }

    /// What picks a plural case; an exact value wins over the category.
    public enum Selector: Sendable, Equatable {
        /// `one`, `few`, `other`…: numbers of that category in the language.
        case category(PluralCategory)
        /// `=0`: exactly this number.
        case exact(Double)
    }

    /// The message piece by piece.
    public let parts: [Part]

    /// Parses ICU message syntax; throws at the first error, with its offset.
    public init(parsing text: String) throws(MessageSyntaxError) {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        parts = try parser.message(depth: 0, inPlural: false)
        if parser.index < parser.scalars.count {
            throw MessageSyntaxError(message: "unmatched '}'", offset: parser.index)
        }
    }

    /// Every placeholder name, including the ones that select a plural.
    public var placeholders: Set<String> { Self.names(parts) }

    /// The categories each plural placeholder uses, for checking against the language's rules.
    public var pluralCategories: [String: Set<PluralCategory>] {
        var result: [String: Set<PluralCategory>] = [:]
        Self.walk(parts) { part in
            if case .plural(let name, let cases) = part {
                for c in cases {
                    if case .category(let category) = c.selector { result[name, default: []].insert(category) }
                }
            }
        }
        return result
    }

    /// The exact values (`=1`) each plural placeholder gives a text of its own.
    public var pluralExactValues: [String: Set<Double>] {
        var result: [String: Set<Double>] = [:]
        Self.walk(parts) { part in
            if case .plural(let name, let cases) = part {
                for c in cases {
                    if case .exact(let value) = c.selector { result[name, default: []].insert(value) }
                }
            }
        }
        return result
    }

    static func names(_ parts: [Part]) -> Set<String> {
        var names: Set<String> = []
        walk(parts) { part in
            switch part {
            case .argument(let name), .plural(let name, _): names.insert(name)
            default: break
            }
        }
        return names
    }

    static func walk(_ parts: [Part], _ visit: (Part) -> Void) {
        for part in parts {
            visit(part)
            if case .plural(_, let cases) = part { for c in cases { walk(c.parts, visit) } }
        }
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func skipSpaces() {
            while let c = current, c.properties.isWhitespace { index += 1 }
        }

        func error(_ message: String) -> MessageSyntaxError { MessageSyntaxError(message: message, offset: index) }

        /// Reads until an unquoted `}` (left for the caller) or the end.
        mutating func message(depth: Int, inPlural: Bool) throws(MessageSyntaxError) -> [Part] {
            guard depth < 8 else { throw error("plurals nested deeper than 8 levels") }
            var parts: [Part] = []
            var text = ""
            func flush() {
                if !text.isEmpty {
                    parts.append(.text(text))
                    text = ""
                }
            }
            while let c = current {
                switch c {
                case "'":
                    index += 1
                    if current == "'" {
                        text.unicodeScalars.append("'")
                        index += 1
                    } else if let next = current, next == "{" || next == "}" || next == "#" {
                        while let q = current {
                            index += 1
                            if q == "'" {
                                if current == "'" {
                                    text.unicodeScalars.append("'")
                                    index += 1
                                    continue
                                }
                                break
                            }
                            text.unicodeScalars.append(q)
                        }
                    } else {
                        text.unicodeScalars.append("'")
                    }
                case "{":
                    flush()
                    parts.append(try placeholder(depth: depth))
                case "}":
                    flush()
                    return parts
                case "#" where inPlural:
                    flush()
                    parts.append(.number)
                    index += 1
                default:
                    text.unicodeScalars.append(c)
                    index += 1
                }
            }
            flush()
            return parts
        }

        mutating func name() throws(MessageSyntaxError) -> String {
            skipSpaces()
            var name = ""
            while let c = current, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" {
                name.unicodeScalars.append(c)
                index += 1
            }
            guard !name.isEmpty else { throw error("expected a placeholder name after '{'") }
            skipSpaces()
            return name
        }

        mutating func placeholder(depth: Int) throws(MessageSyntaxError) -> Part {
            index += 1  // {
            let argument = try name()
            if current == "}" {
                index += 1
                return .argument(argument)
            }
            guard current == "," else { throw error("expected '}' or ', plural,' after placeholder \"\(argument)\"") }
            index += 1
            let type = try name()
            guard type == "plural" else {
                throw error("unsupported placeholder type \"\(type)\"; only plural is allowed")
            }
            guard current == "," else { throw error("expected ',' after 'plural'") }
            index += 1
            var cases: [PluralCase] = []
            skipSpaces()
            while let c = current, c != "}" {
                let selector = try self.selector()
                skipSpaces()
                guard current == "{" else { throw error("expected '{' after plural selector") }
                index += 1
                let parts = try message(depth: depth + 1, inPlural: true)
                guard current == "}" else { throw error("unclosed plural case in \"\(argument)\"") }
                index += 1
                if cases.contains(where: { $0.selector == selector }) {
                    throw error("plural case repeated in \"\(argument)\"")
                }
                cases.append(PluralCase(selector: selector, parts: parts))
                skipSpaces()
            }
            guard current == "}" else { throw error("unclosed plural \"\(argument)\"") }
            index += 1
            guard cases.contains(where: { $0.selector == .category(.other) }) else {
                throw error("plural \"\(argument)\" needs an 'other' case")
            }
            return .plural(argument, cases)
        }

        mutating func selector() throws(MessageSyntaxError) -> Selector {
            if current == "=" {
                index += 1
                var digits = ""
                while let c = current, ("0"..."9").contains(c) || c == "." {
                    digits.unicodeScalars.append(c)
                    index += 1
                }
                guard let value = Double(digits) else { throw error("expected a number after '='") }
                return .exact(value)
            }
            let word = try name()
            guard let category = PluralCategory(rawValue: word) else {
                throw error("unknown plural category \"\(word)\"; CLDR has zero, one, two, few, many, other")
            }
            return .category(category)
        }
    }
}

/// A broken message, with the character offset where parsing stopped.
public struct MessageSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. "unmatched '}'".
    public let message: String
    /// The offset in Unicode scalars from the start of the text, from 0.
    public let offset: Int

    /// `message (at character N)`, counting from 1.
    public var description: String { "\(message) (at character \(offset + 1))" }
}

/// A value for a placeholder: plain text, or a number with the text it is shown as.
public enum MessageArgument: Sendable, Equatable {
    case text(String)
    /// `shown` is the locale-formatted number with its unit; `fractionDigits` as shown, for plural rules.
    case number(Double, shown: String, fractionDigits: Int)
}

extension MessageFormat {
    /// Fills the placeholders. A missing argument becomes empty text, never the raw `{name}`.
    public func format(_ arguments: [String: MessageArgument], rules: PluralRules?) -> String {
        var out = ""
        Self.append(parts, arguments, rules, pound: nil, to: &out)
        return out
    }

    static func append(
        _ parts: [Part], _ arguments: [String: MessageArgument], _ rules: PluralRules?,
        pound: String?, to out: inout String
    ) {
        var afterNumber = false
        for part in parts {
            defer { afterNumber = part == .number }
            switch part {
            case .text(let text):
                // "# Lampen": the count and its noun must not be split across lines.
                if afterNumber, text.hasPrefix(" ") {
                    out += "\u{00A0}" + text.dropFirst()
                } else {
                    out += text
                }
            case .number: out += pound ?? ""
            case .argument(let name):
                switch arguments[name] {
                case .text(let s)?: out += s
                case .number(_, let shown, _)?: out += shown
                case nil: break
                }
            case .plural(let name, let cases):
                guard case .number(let value, let shown, let digits)? = arguments[name] else {
                    if case .text(let s)? = arguments[name] { out += s }
                    continue
                }
                let category = rules?.category(value, fractionDigits: digits) ?? (value == 1 ? .one : .other)
                let chosen =
                    cases.first { $0.selector == .exact(value) }
                    ?? cases.first { $0.selector == .category(category) }
                    ?? cases.first { $0.selector == .category(.other) }
                if let chosen { append(chosen.parts, arguments, rules, pound: shown, to: &out) }
            }
        }
    }
}
