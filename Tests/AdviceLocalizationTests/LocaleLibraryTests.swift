import AdviceLocalization
import Foundation
import TestSupport
import Testing

/// A Locales folder made up in a temporary directory.
final class TempLocales {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "esp-locales-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try write("de", Self.german)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    static let german = xliff(
        language: nil,
        units: [
            ("greeting", "Guten Tag", nil),
            ("lamps", "Tauschen Sie {n, plural, one {# Lampe} other {# Lampen}}.", nil),
            ("saving", "Sie sparen {amount} im Jahr.", nil),
        ])

    static func xliff(language: String?, units: [(String, String, String?)]) -> String {
        var text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"de\""
        if let language { text += " trgLang=\"\(language)\"" }
        text += ">\n  <file id=\"t\">\n"
        for (id, source, target) in units {
            text += "    <unit id=\"\(id)\"><segment><source>\(source)</source>"
            if let target { text += "<target>\(target)</target>" }
            text += "</segment></unit>\n"
        }
        return text + "  </file>\n</xliff>\n"
    }

    func write(_ language: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/\(language).xlf"))
    }

    var library: LocaleLibrary { LocaleLibrary(directory: path) }
}

@Suite("Locales/: loading, checking, falling back")
struct LocaleLibraryTests {
    static let root = Checkout.root

    @Test func shippedLocalesHaveNoErrors() {
        let report = LocaleLibrary(directory: Self.root + "/Locales").check(requiredIDs: [])
        #expect(report.issues.filter { $0.severity == .error } == [])
        #expect(report.languages.map(\.language) == ["de", "ar", "ru", "tr", "uk"])
        for language in report.languages {
            #expect(language.missing == [], "\(language.language) misses units")
            #expect(language.translated == language.total)
        }
    }

    @Test func russianPluralFromTheShippedFile() throws {
        let ru = try LocaleLibrary(directory: Self.root + "/Locales").localizer(language: "ru")
        #expect(ru.warnings == [])
        let months = [1, 2, 5, 11, 21].map {
            ru.text("payback.months", ["months": .number(Double($0), shown: "\($0)", fractionDigits: 0)])
        }
        #expect(months.allSatisfy { !$0.contains("{") })
        #expect(Set(months).count >= 3)
    }

    @Test func missingUnitFallsBackToGermanWithWarning() throws {
        let locales = try TempLocales()
        try locales.write("ru", TempLocales.xliff(language: "ru", units: [("greeting", "Guten Tag", "Здравствуйте")]))
        let ru = try locales.library.localizer(language: "ru")
        #expect(ru.text("greeting") == "Здравствуйте")
        #expect(ru.text("saving", ["amount": .text("5 €")]) == "Sie sparen 5 € im Jahr.")
        #expect(ru.warnings.map(\.message).contains("2 of 3 units are not translated; German is used for them"))
        let report = locales.library.check(requiredIDs: ["greeting"])
        #expect(!report.hasErrors)
        #expect(report.languages.last?.missing == ["lamps", "saving"])
    }

    @Test func mismatchedPlaceholdersAreAnErrorWithLine() throws {
        let locales = try TempLocales()
        try locales.write(
            "tr",
            TempLocales.xliff(
                language: "tr", units: [("saving", "Sie sparen {amount} im Jahr.", "Yılda {tutar} tasarruf edersiniz.")]
            ))
        let report = locales.library.check(requiredIDs: [])
        let issue = try #require(report.issues.first { $0.severity == .error })
        #expect(
            issue.description
                == "\(locales.path)/tr.xlf:4: unit \"saving\": placeholders {tutar} differ from the German {amount}; German is used"
        )
        // At run time the household still reads a complete sentence, in German, never "{tutar}".
        let tr = try locales.library.localizer(language: "tr")
        #expect(tr.text("saving", ["amount": .text("5 €")]) == "Sie sparen 5 € im Jahr.")
    }

    @Test func unknownPluralCategoryForTheLanguage() throws {
        let locales = try TempLocales()
        try locales.write(
            "tr",
            TempLocales.xliff(
                language: "tr",
                units: [
                    (
                        "lamps", "Tauschen Sie {n, plural, one {# Lampe} other {# Lampen}}.",
                        "{n, plural, one {# lamba} few {# lamba} other {# lamba}} değiştirin."
                    )
                ]))
        let report = locales.library.check(requiredIDs: [])
        #expect(
            report.issues.contains {
                $0.severity == .error
                    && $0.message
                        == "unit \"lamps\": plural \"n\" uses few, which \"tr\" does not have (it has one, other)"
            })
    }

    @Test func missingTargetLanguageAttribute() throws {
        let locales = try TempLocales()
        try locales.write("ru", TempLocales.xliff(language: nil, units: [("greeting", "Guten Tag", "Здравствуйте")]))
        let report = locales.library.check(requiredIDs: [])
        #expect(
            report.issues.contains {
                $0.description
                    == "\(locales.path)/ru.xlf:2: <xliff> lacks the trgLang attribute (the target language, \"ru\" for this file)"
            })
        // Advice still works, in German.
        let localizer = try locales.library.localizer(language: "ru")
        #expect(localizer.text("greeting") == "Guten Tag")
    }

    @Test func notWellFormedAndDTDAreRefused() throws {
        let locales = try TempLocales()
        try locales.write(
            "ru", "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">\n<file>\n</xliff>\n"
        )
        try locales.write(
            "uk",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<xliff>&e;</xliff>\n")
        let report = locales.library.check(requiredIDs: [])
        let errors = report.issues.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("\(locales.path)/ru.xlf:4: ") })
        #expect(errors.contains { $0.hasPrefix("\(locales.path)/uk.xlf:") && $0.contains("DTD") })
        #expect(!errors.joined().contains("root:"))
    }

    @Test func brokenMessageSyntaxAndControlCharacters() throws {
        let locales = try TempLocales()
        try locales.write(
            "ru",
            TempLocales.xliff(
                language: "ru",
                units: [
                    ("greeting", "Guten Tag", "Здравствуйте&#x9B;31m"),
                    (
                        "lamps", "Tauschen Sie {n, plural, one {# Lampe} other {# Lampen}}.",
                        "Замените {n, plural, one {# лампу}."
                    ),
                ]))
        let messages = locales.library.check(requiredIDs: []).issues.filter { $0.severity == .error }.map(\.message)
        #expect(messages.contains("unit \"greeting\": the control character U+009B is not allowed; write plain text"))
        #expect(messages.contains { $0.hasPrefix("unit \"lamps\": invalid message: ") })
    }

    @Test func requiredIdsMissingFromTheSource() throws {
        let locales = try TempLocales()
        let report = locales.library.check(requiredIDs: ["greeting", "farewell"])
        #expect(report.issues.map(\.message) == ["unit \"farewell\" is used by esp but missing"])
    }

    @Test func unknownLanguage() throws {
        let locales = try TempLocales()
        #expect(throws: LocaleError.unknownLanguage("fr", available: ["de"])) {
            try locales.library.localizer(language: "fr")
        }
    }
}

@Suite("esp locales check: what a translation gets wrong")
struct TranslationCheckTests {
    /// "Замініть 3 ламп": a Ukrainian plural with one/other only lacks few and many, which Ukrainian needs.
    @Test func aPluralLackingACategoryIsAnError() throws {
        let locales = try TempLocales()
        try locales.write(
            "uk",
            TempLocales.xliff(
                language: "uk",
                units: [
                    ("greeting", "Guten Tag", "Добрий день"),
                    (
                        "lamps", "Tauschen Sie {n, plural, one {# Lampe} other {# Lampen}}.",
                        "Замініть {n, plural, one {# лампу} other {# ламп}}."
                    ),
                    ("saving", "Sie sparen {amount} im Jahr.", "Ви заощаджуєте {amount} на рік."),
                ]))
        let report = LocaleLibrary(directory: locales.path).check(requiredIDs: [])
        #expect(
            report.issues.map(\.description).contains(
                "\(locales.path)/uk.xlf:5: unit \"lamps\": plural \"n\" lacks few, many, which \"uk\" needs (its forms: one, few, many, other)"
            ))
        #expect(report.hasErrors)
    }

    /// German `=1` is all that `one` holds; Russian `one` also holds 21, so `=1` alone does not cover it.
    @Test func anExactCaseCoversOneOnlyWhereOneIsOne() throws {
        let locales = try TempLocales()
        try locales.write(
            "ru",
            TempLocales.xliff(
                language: "ru",
                units: [
                    (
                        "lamps", "Tauschen Sie {n, plural, one {# Lampe} other {# Lampen}}.",
                        "Замените {n, plural, =1 {одну лампу} few {# лампы} many {# ламп} other {# лампы}}."
                    )
                ]))
        let report = LocaleLibrary(directory: locales.path).check(requiredIDs: [])
        #expect(report.issues.contains { $0.message.contains("plural \"n\" lacks one, which \"ru\" needs") })
    }

    /// A Ukrainian file that is the Russian one with another language tag: copied, and in Russian letters.
    @Test func aCopiedFileIsFlagged() throws {
        let locales = try TempLocales()
        let russian = [
            ("greeting", "Guten Tag", "Добрый день, мы рады вам помочь"),
            (
                "lamps", "Tauschen Sie {n, plural, one {# Lampe} other {# Lampen}}.",
                "Замените {n, plural, one {# лампу} few {# лампы} many {# ламп} other {# лампы}} в этой комнате."
            ),
            ("saving", "Sie sparen {amount} im Jahr.", "Sie sparen {amount} im Jahr."),
        ]
        try locales.write("ru", TempLocales.xliff(language: "ru", units: russian))
        try locales.write("uk", TempLocales.xliff(language: "uk", units: russian))
        let warnings = LocaleLibrary(directory: locales.path).check(requiredIDs: []).issues
            .filter { $0.severity == .warning && $0.file.hasSuffix("uk.xlf") }.map(\.message)
        #expect(
            warnings.contains(
                "2 unit(s) are word for word the ru.xlf text (first: \"greeting\"); copied from another language?"))
        #expect(
            warnings.contains(
                "1 unit(s) are the German source word for word (first: \"saving\"); copied, not translated?"))
        #expect(warnings.contains { $0.hasPrefix("2 unit(s) contain ы, э, ъ or ё, which Ukrainian does not use") })
        #expect(warnings.contains { $0.hasPrefix("1 unit(s) are mostly not in Cyrillic letters") })
    }
}
