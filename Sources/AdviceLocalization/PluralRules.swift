/// CLDR plural categories.
public enum PluralCategory: String, Sendable, CaseIterable, Comparable {
    case zero, one, two, few, many, other

    /// CLDR's order, for listing categories: zero, one, two, few, many, other.
    public static func < (a: PluralCategory, b: PluralCategory) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// The CLDR cardinal plural rules of one language, for integers and decimals, from ``CLDRPlurals`` (every language
/// CLDR describes).
public struct PluralRules: Sendable {
    /// The CLDR key the rules were found under: the tag as given (`pt-PT`) or its language (`en`).
    public let language: String
    /// The categories this language distinguishes; a message may only use these, and must give each.
    public let categories: Set<PluralCategory>
    private let conditions: [(PluralCategory, CLDRPlurals.Condition)]

    /// The CLDR operands of a number as shown, which the rules test; for 1.50: n 1.5, i 1, v 2, f 50, w 1, t 5.
    public struct Operands: Sendable {
        /// The absolute value.
        public let n: Double
        /// The integer digits of n.
        public let i: Int
        /// How many fraction digits are shown, trailing zeros included.
        public let v: Int
        /// The shown fraction digits as a number, trailing zeros included.
        public let f: Int
        /// How many fraction digits are shown, without trailing zeros.
        public let w: Int
        /// The shown fraction digits as a number, without trailing zeros.
        public let t: Int
        /// The exponent of compact notation; 0, as esp never prints it.
        public let e: Int

        /// `fractionDigits` is how many decimals the number is shown with, which CLDR counts (1 vs 1.0).
        public init(_ value: Double, fractionDigits: Int = 0, exponent: Int = 0) {
            let magnitude = abs(value)
            n = magnitude
            i = Int(exactly: magnitude.rounded(.towardZero)) ?? Int.max
            v = fractionDigits
            var scale = 1.0
            for _ in 0..<fractionDigits { scale *= 10 }
            f = fractionDigits == 0 ? 0 : Int(((magnitude - magnitude.rounded(.towardZero)) * scale).rounded())
            var trimmed = f
            var digits = fractionDigits
            while digits > 0 && trimmed % 10 == 0 {
                trimmed /= 10
                digits -= 1
            }
            t = trimmed
            w = digits
            e = exponent
        }
    }

    /// The category of `value` shown with `fractionDigits` decimals: in Russian 1 is one, 1.0 other.
    public func category(_ value: Double, fractionDigits: Int = 0) -> PluralCategory {
        category(Operands(value, fractionDigits: fractionDigits))
    }

    /// The first category whose condition the operands meet; other when none does.
    public func category(_ operands: Operands) -> PluralCategory {
        for (category, condition) in conditions
        where condition.contains(where: { $0.allSatisfy { $0.holds(operands) } }) {
            return category
        }
        return .other
    }

    /// Rules for a language tag (`ru`, `pt-PT`, `en-GB`): the tag itself, else its language; nil when CLDR does
    /// not describe the language.
    public static func forLanguage(_ tag: String) -> PluralRules? {
        let normalized = tag.replacingOccurrences(of: "_", with: "-")
        let language = String(normalized.split(separator: "-").first ?? Substring(normalized)).lowercased()
        for key in [normalized, language] {
            if let conditions = CLDRPlurals.conditions(for: key) {
                return PluralRules(
                    language: key, categories: Set(conditions.map(\.0) + [.other]), conditions: conditions)
            }
            if CLDRPlurals.otherOnly.contains(key) {
                return PluralRules(language: key, categories: [.other], conditions: [])
            }
        }
        return nil
    }

    /// Every language CLDR describes.
    public static var knownLanguages: [String] {
        (Array(CLDRPlurals.languagesWithRules) + CLDRPlurals.otherOnly).sorted()
    }
}
