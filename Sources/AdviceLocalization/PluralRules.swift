/// CLDR plural categories.
public enum PluralCategory: String, Sendable, CaseIterable, Comparable {
    case zero, one, two, few, many, other

    public static func < (a: PluralCategory, b: PluralCategory) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// The CLDR cardinal plural rules of one language (CLDR 44 `plurals.xml`), for integers and decimals.
public struct PluralRules: Sendable {
    public let language: String
    /// The categories this language distinguishes; a message may only use these.
    public let categories: Set<PluralCategory>
    private let rule: @Sendable (Operands) -> PluralCategory

    /// CLDR operands: n absolute value, i integer digits, v number of visible fraction digits, f those digits.
    public struct Operands: Sendable {
        public let n: Double
        public let i: Int
        public let v: Int
        public let f: Int

        /// `fractionDigits` is how many decimals the number is shown with, which CLDR counts (1 vs 1.0).
        public init(_ value: Double, fractionDigits: Int = 0) {
            let magnitude = abs(value)
            n = magnitude
            i = Int(exactly: magnitude.rounded(.towardZero)) ?? Int.max
            v = fractionDigits
            var scale = 1.0
            for _ in 0..<fractionDigits { scale *= 10 }
            f = fractionDigits == 0 ? 0 : Int(((magnitude - magnitude.rounded(.towardZero)) * scale).rounded())
        }
    }

    public func category(_ value: Double, fractionDigits: Int = 0) -> PluralCategory {
        rule(Operands(value, fractionDigits: fractionDigits))
    }

    /// Rules for a language tag (`ru`, `pt-BR`); nil when CLDR data for it is not built in.
    public static func forLanguage(_ tag: String) -> PluralRules? {
        let language = String(tag.split(separator: "-").first ?? Substring(tag)).lowercased()
        guard let (categories, rule) = table[language] else { return nil }
        return PluralRules(language: language, categories: categories, rule: rule)
    }

    /// Languages whose rules are built in.
    public static var knownLanguages: [String] { table.keys.sorted() }

    private typealias Rule = @Sendable (Operands) -> PluralCategory

    private static let oneOther: Set<PluralCategory> = [.one, .other]
    private static let slavic: Set<PluralCategory> = [.one, .few, .many, .other]

    /// "one: i = 1 and v = 0" — German, English, Dutch, Swedish, Italian, …
    private static let germanic: Rule = { $0.i == 1 && $0.v == 0 ? .one : .other }
    /// "one: n = 1" — Turkish, Greek, Hungarian, …
    private static let nIsOne: Rule = { $0.n == 1 ? .one : .other }
    /// Russian and Ukrainian.
    private static let eastSlavic: Rule = { o in
        guard o.v == 0 else { return .other }
        let mod10 = o.i % 10
        let mod100 = o.i % 100
        if mod10 == 1 && mod100 != 11 { return .one }
        if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
        return .many
    }

    private static let table: [String: (Set<PluralCategory>, Rule)] = [
        "de": (oneOther, germanic), "en": (oneOther, germanic), "nl": (oneOther, germanic),
        "sv": (oneOther, germanic), "et": (oneOther, germanic),
        "fi": (oneOther, germanic), "tr": (oneOther, nIsOne), "el": (oneOther, nIsOne), "hu": (oneOther, nIsOne),
        "bg": (oneOther, nIsOne), "sq": (oneOther, nIsOne), "ku": (oneOther, nIsOne),
        "ru": (slavic, eastSlavic), "uk": (slavic, eastSlavic),
        "pl": (
            slavic,
            { o in
                guard o.v == 0 else { return .other }
                let mod10 = o.i % 10
                let mod100 = o.i % 100
                if o.i == 1 { return .one }
                if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
                return .many
            }
        ),
        "fa": (oneOther, { $0.i == 0 || $0.n == 1 ? .one : .other }),
        "ar": (
            [.zero, .one, .two, .few, .many, .other],
            { o in
                let isInteger = o.n == o.n.rounded(.towardZero)
                let mod100 = o.i % 100
                if o.n == 0 { return .zero }
                if o.n == 1 { return .one }
                if o.n == 2 { return .two }
                if isInteger && (3...10).contains(mod100) { return .few }
                if isInteger && (11...99).contains(mod100) { return .many }
                return .other
            }
        ),
        "ja": ([.other], { _ in .other }), "zh": ([.other], { _ in .other }), "vi": ([.other], { _ in .other }),
    ]
}
