import Foundation
import TestSupport
import Testing

@Suite("esp in the household's language", .serialized)
struct LanguageCLITests {
    /// The same advice in three languages: what the household keeps agrees with the JSON, formatted per locale
    /// (the jobcenter's 14.74 € of the 203.14 € are said apart).
    @Test(arguments: [("de", "188\u{00A0}€"), ("ru", "188\u{00A0}€"), ("tr", "188\u{00A0}€")])
    func adviceInEachLanguage(language: String, total: String) throws {
        let json = try CLI.run(["advise", "Examples/nuernberg-family-ru.json", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["savingEUR"] as? Double == 203.14)
        #expect(totals["householdEUR"] as? Double == 188.4)
        let result = try CLI.run(["advise", "Examples/nuernberg-family-ru.json", "--lang", language])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains(total))
        #expect(!result.stdout.contains("{"), "a raw placeholder reached the household")
    }

    @Test func visitLanguageIsTheDefault() throws {
        let result = try CLI.run(["advise", "Examples/leipzig-couple-tr.json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("139\u{00A0}€"))
    }

    @Test func unknownLanguageIsAClearError() throws {
        let result = try CLI.run(["advise", "Examples/leipzig-couple-tr.json", "--lang", "fr"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "esp: no texts for language \"fr\"; available: ar, de, ru, tr, uk — add Locales/fr.xlf to offer it\n"
        )
    }

    @Test func localesCheckAndList() throws {
        let check = try CLI.run(["locales", "check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("ru: "))
        #expect(check.stdout.contains("(100 %)"))
        let list = try CLI.run(["locales", "list"])
        #expect(list.stdout.contains("ru: plural categories: one, few, many, other"))
    }

    /// A language the code has never seen: one new file in a copied data folder, no rebuild.
    @Test func newLanguageWithoutCode() throws {
        let dir = NSTemporaryDirectory() + "esp-uk-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.root + "/Tariffs", toPath: dir + "/Tariffs")
        try FileManager.default.copyItem(atPath: CLI.root + "/Locales", toPath: dir + "/Locales")
        let uk = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="be">
              <file id="esp">
                <unit id="sheet.title"><segment><source>Ihre Energiesparberatung</source><target>Ваша консультація з енергозбереження</target></segment></unit>
                <unit id="measure.led.how"><segment><source>Tauschen Sie {lamps, plural, one {# Lampe} other {# Lampen}} gegen LED-Lampen mit warmem Licht.</source><target>Замініть {lamps, plural, one {# лампу} few {# лампи} many {# ламп} other {# лампи}} на світлодіодні лампи з теплим світлом.</target></segment></unit>
              </file>
            </xliff>
            """
        try Data(uk.utf8).write(to: URL(fileURLWithPath: dir + "/Locales/be.xlf"))
        let result = try CLI.run([
            "advise", CLI.root + "/Examples/nuernberg-family-ru.json", "--data", dir, "--lang", "be",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Ваша консультація з енергозбереження\n"))
        // The three LED rows are one row of 10 lamps: the `many` form.
        #expect(result.stdout.contains("Замініть 10\u{00A0}ламп на"))
        // Ukrainian numbers from Foundation's CLDR data; untranslated units in German, with a warning
        // (3,400 kWh · 36.38 ct + 168 € = 1,404.92 €, read as about 1,400 €)
        #expect(result.stdout.contains("1400\u{00A0}€") || result.stdout.contains("1\u{00A0}400\u{00A0}€"))
        #expect(result.stderr.contains("units are not translated; German is used for them"))
        let list = try CLI.run(["locales", "list", "--data", dir])
        #expect(list.stdout.contains("be: plural categories: one, few, many, other"))
    }
}
