import AdviceLocalization
import Testing

@Suite("Plural rules and ICU messages")
struct MessageTests {
    static let lamps = "{n, plural, one {# лампа} few {# лампы} many {# ламп} other {# лампы}}"

    func ru(_ n: Double) throws -> String {
        let message = try MessageFormat(parsing: Self.lamps)
        return message.format(
            ["n": .number(n, shown: String(Int(n)), fractionDigits: 0)], rules: PluralRules.forLanguage("ru")
        )
        .replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    @Test(arguments: [
        (1.0, "1 лампа"), (2, "2 лампы"), (5, "5 ламп"), (11, "11 ламп"), (21, "21 лампа"),
        (22, "22 лампы"), (25, "25 ламп"), (101, "101 лампа"), (111, "111 ламп"), (0, "0 ламп"), (14, "14 ламп"),
    ])
    func russianForms(n: Double, expected: String) throws {
        #expect(try ru(n) == expected)
    }

    @Test func russianFractionIsOther() throws {
        let rules = try #require(PluralRules.forLanguage("ru"))
        #expect(rules.category(1.5, fractionDigits: 1) == .other)
        #expect(rules.category(1, fractionDigits: 0) == .one)
    }

    @Test func otherLanguages() throws {
        let de = try #require(PluralRules.forLanguage("de"))
        #expect(de.category(1) == .one)
        #expect(de.category(1, fractionDigits: 1) == .other)  // "1,0 Lampen"
        #expect(de.category(0) == .other)
        let tr = try #require(PluralRules.forLanguage("tr"))
        #expect(tr.category(1) == .one)
        #expect(tr.category(2) == .other)
        let uk = try #require(PluralRules.forLanguage("uk"))
        #expect([1, 3, 5, 11, 21].map { uk.category(Double($0)) } == [.one, .few, .many, .many, .one])
        let ar = try #require(PluralRules.forLanguage("ar"))
        #expect(
            [0, 1, 2, 3, 10, 11, 99, 100, 102].map { ar.category(Double($0)) } == [
                .zero, .one, .two, .few, .few, .many, .many, .other, .other,
            ])
        #expect(PluralRules.forLanguage("en-GB")?.category(1) == .one)
        #expect(PluralRules.forLanguage("xx") == nil)
    }

    @Test func placeholdersAndExactMatches() throws {
        let message = try MessageFormat(parsing: "{name}: {n, plural, =0 {keine Lampe} one {# Lampe} other {# Lampen}}")
        #expect(message.placeholders == ["name", "n"])
        #expect(message.pluralCategories == ["n": [.one, .other]])
        let rules = PluralRules.forLanguage("de")
        func run(_ n: Double) -> String {
            message.format(
                ["name": .text("Küche"), "n": .number(n, shown: "\(Int(n))", fractionDigits: 0)], rules: rules)
        }
        #expect(run(0) == "Küche: keine Lampe")
        // The count is glued to its noun with a no-break space.
        #expect(run(1) == "Küche: 1\u{00A0}Lampe")
        #expect(run(3) == "Küche: 3\u{00A0}Lampen")
    }

    @Test func apostrophes() throws {
        #expect(
            try MessageFormat(parsing: "Nürnberg'de {x}").format(["x": .text("ok")], rules: nil) == "Nürnberg'de ok")
        #expect(try MessageFormat(parsing: "'{x}' is literal, it''s").format([:], rules: nil) == "{x} is literal, it's")
    }

    @Test func missingArgumentNeverPrintsTheRawPlaceholder() throws {
        #expect(try MessageFormat(parsing: "Sie sparen {amount}.").format([:], rules: nil) == "Sie sparen .")
    }

    @Test(arguments: [
        ("{n, plural, one {# x}}", "plural \"n\" needs an 'other' case"),
        (
            "{n, plural, single {# x} other {#}}",
            "unknown plural category \"single\"; CLDR has zero, one, two, few, many, other"
        ),
        ("{n, select, a {x} other {y}}", "unsupported placeholder type \"select\"; only plural is allowed"),
        ("Hallo {name", "expected '}' or ', plural,' after placeholder \"name\""),
        ("Hallo }", "unmatched '}'"),
        ("{}", "expected a placeholder name after '{'"),
    ])
    func syntaxErrors(text: String, expected: String) {
        #expect(throws: MessageSyntaxError.self) { try MessageFormat(parsing: text) }
        do {
            _ = try MessageFormat(parsing: text)
        } catch {
            #expect(error.message == expected)
        }
    }
}

@Suite("Locale formatting")
struct FormattingTests {
    let nbsp = "\u{00A0}"

    @Test func money() {
        #expect(LocaleFormatter(language: "de").money(1234.5) == "1.234,50\(nbsp)€")
        #expect(LocaleFormatter(language: "ru").money(1234.5) == "1\(nbsp)234,50\(nbsp)€")
        // As on German bills and Jobcenter letters, the sign after the number in every language; Western digits.
        #expect(LocaleFormatter(language: "tr").money(1234.5) == "1.234,50\(nbsp)€")
        #expect(LocaleFormatter(language: "uk").money(1869.36) == "1\(nbsp)869,36\(nbsp)€")
        // Arabic: the amount isolated left to right inside the right-to-left text.
        #expect(LocaleFormatter(language: "ar").money(1070.68) == "\u{2066}1,070.68\(nbsp)€\u{2069}")
    }

    /// Half away from zero, as on a bill: 0.125 → 0,13 (banker's rounding would give 0,12).
    @Test func roundingIsHalfUp() {
        #expect(LocaleFormatter(language: "de").number(0.125, fractionDigits: 2) == "0,13")
        #expect(LocaleFormatter(language: "de").number(2.5) == "3")
    }

    @Test func quantitiesNeverBreak() {
        let de = LocaleFormatter(language: "de")
        #expect(de.quantity(2300, unit: "kWh") == "2.300\(nbsp)kWh")
        #expect(LocaleFormatter(language: "ru").quantity(12345, unit: "кВт·ч") == "12\(nbsp)345\(nbsp)кВт·ч")
        #expect(de.percent(0.06) == "6\(nbsp)%")
        #expect(LocaleFormatter(language: "tr").percent(0.06) == "%6")
    }

    @Test func dates() {
        // Spaces inside a date are no-break spaces too, so "14. März" never splits across lines.
        #expect(LocaleFormatter(language: "de").date(year: 2026, month: 3, day: 14) == "14.\(nbsp)März\(nbsp)2026")
        #expect(LocaleFormatter(language: "tr").date(year: 2026, month: 3, day: 14) == "14\(nbsp)Mart\(nbsp)2026")
        #expect(
            LocaleFormatter(language: "ru").date(year: 2026, month: 3, day: 14).hasPrefix("14\(nbsp)марта\(nbsp)2026"))
    }
}
