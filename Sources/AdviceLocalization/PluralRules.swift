/// CLDR plural categories.
public enum PluralCategory: String, Sendable, CaseIterable, Comparable {
    case zero, one, two, few, many, other

    public static func < (a: PluralCategory, b: PluralCategory) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// The CLDR cardinal plural rules of one language, for integers and decimals, from ``CLDRPlurals`` (every language
/// CLDR describes).
public struct PluralRules: Sendable {
    public let language: String
    /// The categories this language distinguishes; a message may only use these, and must give each.
    public let categories: Set<PluralCategory>
    private let conditions: [(PluralCategory, CLDRPlurals.Condition)]

    /// CLDR operands: n absolute value, i integer digits, v number of visible fraction digits, f those digits,
    /// w and t the same without trailing zeros, e the exponent of compact notation (0: esp never prints it).
    public struct Operands: Sendable {
        public let n: Double
        public let i: Int
        public let v: Int
        public let f: Int
        public let w: Int
        public let t: Int
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

    public func category(_ value: Double, fractionDigits: Int = 0) -> PluralCategory {
        category(Operands(value, fractionDigits: fractionDigits))
    }

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
