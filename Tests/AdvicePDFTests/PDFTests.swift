import AdviceData
import AdviceLocalization
import AdvicePDF
import AdviceReport
import EnergyAdvice
import Foundation
import SafeFiles
import TestSupport
import Testing

enum Fixture {
    static let root = Checkout.root
    static let data = Checkout.data
    static let info = PDFDocumentInfo(
        title: "Test – X", author: "Büro", subject: "language: de", keywords: "esp",
        creationDate: "2026-03-14T10:00:00Z")

    static func sheets(_ example: String, languages: [String]) throws -> (Advice, [AdviceSheet]) {
        let (advice, city) = try Checkout.advise(visitPath: root + "/Examples/" + example)
        let library = LocaleLibrary(directory: data.localesPath)
        // The first language is the household's copy, any further one the office copy, as `esp report` makes them.
        let sheets = try languages.enumerated().map { index, language in
            try SheetBuilder(localizer: library.localizer(language: language))
                .build(advice, office: city.office, audience: index == 0 ? .household : .office)
        }
        return (advice, sheets)
    }

    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + name)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func pages(_ path: String) throws -> Int {
        let info = try tool("pdfinfo", [path])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }

    /// Twelve rooms of old lamps (eleven of the list, one in the advisor's own words) and twelve standby devices.
    static func largeVisit(in folder: TemporaryDirectory) throws -> String {
        let rooms = [
            "Küche", "Wohnzimmer", "Schlafzimmer", "Kinderzimmer", "Flur", "Bad", "Balkon", "Keller",
            "Arbeitszimmer", "Esszimmer", "Abstellraum", "Hobbyraum",
        ]
        let lamps = rooms.map {
            "{\"room\": \"\($0)\", \"lamps\": 2, \"watts\": 60, \"technology\": \"incandescent\", \"hoursPerDay\": 3}"
        }
        let devices = (1...12).map {
            "{\"kind\": \"standby\", \"label\": \"Gerät \($0)\", \"watts\": 8, \"hoursPerDay\": 20}"
        }
        return try folder.write(
            "big.json",
            """
            {"schema": "esp-visit/1", "visitId": "NUE-2026-0999", "date": "2026-03-10", "city": "nuernberg",
             "language": "ru", "advisor": "K. Yilmaz",
             "household": {"persons": 4, "dwelling": "flat", "livingAreaM2": 95, "benefit": "buergergeld"},
             "electricity": {"annualKWh": 5200, "monthlyInstallmentEUR": 150},
             "heating": {"fuel": "gas", "annualKWh": 14000, "roomTemperatureC": 22, "windowsTiltedInWinter": true},
             "showers": {"perWeek": 20, "minutes": 6, "flowLitresPerMinute": 12},
             "lighting": [\(lamps.joined(separator: ", "))], "appliances": [\(devices.joined(separator: ", "))]}
            """)
    }

    static func text(_ path: String) throws -> String {
        // pdftotext keeps no-break spaces; fold them so expectations read naturally.
        try tool("pdftotext", ["-layout", path, "-"]).replacingOccurrences(of: "\u{00A0}", with: " ")
    }
}

@Suite("The printed sheet")
struct PDFTests {
    static let examples = [
        "bremen-family-buergergeld.json", "bremen-house-heatpump.json", "leipzig-couple-tr.json",
        "nuernberg-family-ru.json", "nuernberg-pensioner.json",
    ]

    /// Every example in every language: one or two pages, extractable text with what the household keeps (the
    /// headline; the offices' part is said apart).
    @Test(arguments: ["de", "ru", "tr", "uk", "ar"])
    func everyExampleInEveryLanguage(language: String) throws {
        let folder = try TemporaryDirectory()
        for example in Self.examples {
            let (advice, sheets) = try Fixture.sheets(example, languages: [language])
            let path = folder.path + "/\(advice.visitId).pdf"
            let pages = try PDFRenderer.write(sheets, to: path, info: Fixture.info, overwrite: false)
            #expect((1...2).contains(pages), "\(example) in \(language) has \(pages) pages")
            #expect(try Fixture.pages(path) == pages)
            let text = try Fixture.text(path)
            let total = LocaleFormatter(language: language).money(advice.totals.householdEUR, fractionDigits: 0)
                .replacingOccurrences(of: "\u{00A0}", with: " ").filter { $0 != "\u{2066}" && $0 != "\u{2069}" }
            #expect(text.contains(total), "\(example) in \(language) lacks the total \(total)")
            #expect(text.contains(sheets[0].title))
            #expect(!text.contains("{"))
        }
    }

    @Test func germanSheetShowsTheOfficeAndTheNumbers() throws {
        let folder = try TemporaryDirectory()
        let (_, sheets) = try Fixture.sheets("nuernberg-pensioner.json", languages: ["de"])
        let path = folder.path + "/s.pdf"
        try PDFRenderer.write(sheets, to: path, info: Fixture.info, overwrite: false)
        let text = try Fixture.text(path)
        #expect(text.contains("ESP-Projekt des Sozialamtes Nürnberg"))
        #expect(text.contains("Strom: 2.300 kWh im Jahr. Das kostet etwa 1.000 €."))
        #expect(text.contains("Sie sind hier"))
        #expect(text.contains("Nummer NUE-2026-0142 · Seite 1 von 2"))
        // The household's copy: no advisor's warnings, assumptions, sources or rules version.
        #expect(!text.contains("für die Beratung"))
        #expect(!text.contains("Rechenregeln Version 2"))
        #expect(!text.contains("GET AG"))
    }

    @Test func bilingualCopyAddsGermanPages() throws {
        let folder = try TemporaryDirectory()
        let (_, sheets) = try Fixture.sheets("leipzig-couple-tr.json", languages: ["tr", "de"])
        let path = folder.path + "/b.pdf"
        let pages = try PDFRenderer.write(sheets, to: path, info: Fixture.info, overwrite: false)
        let layout = PDFRenderer.layout(sheets)
        #expect(pages == layout.pages.count)
        #expect(try Fixture.pages(path) == pages)
        let text = try Fixture.text(path)
        #expect(text.contains("Enerji tasarrufu danışmanlığınız"))
        #expect(text.contains("Kopie für die Akte: Energiesparberatung"))
        #expect(!text.contains("Ihre Energiesparberatung"))
        #expect(text.contains("139 €"))
        // The German office copy carries the advisor's assumptions, the household's Turkish one does not.
        #expect(text.contains("Annahmen (für die Beratung)"))
        #expect(text.components(separatedBy: "Annahmen (für die Beratung)").count == 2)
    }

    @Test func sameInputSameBytes() throws {
        let folder = try TemporaryDirectory()
        let (_, sheets) = try Fixture.sheets("nuernberg-family-ru.json", languages: ["ru"])
        try PDFRenderer.write(sheets, to: folder.path + "/a.pdf", info: Fixture.info, overwrite: false)
        try PDFRenderer.write(sheets, to: folder.path + "/b.pdf", info: Fixture.info, overwrite: false)
        let a = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/a.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/b.pdf"))
        #expect(a == b)
        #expect(a.count > 10_000)
    }

    @Test func metadataAndMode() throws {
        let folder = try TemporaryDirectory()
        let (_, sheets) = try Fixture.sheets("nuernberg-pensioner.json", languages: ["de"])
        let path = folder.path + "/m.pdf"
        try PDFRenderer.write(sheets, to: path, info: Fixture.info, overwrite: false)
        let info = try Fixture.tool("pdfinfo", [path])
        #expect(info.contains("Title:           Test – X"))
        #expect(info.contains("Author:          Büro"))
        #expect(info.contains("Subject:         language: de"))
        let fonts = try Fixture.tool("pdffonts", [path])
        #expect(fonts.contains("DejaVuSans"))
        // Columns end with: emb sub uni object ID — every font must be embedded.
        let rows = fonts.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ") }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.count >= 5 && $0[$0.count - 5] == "yes" })
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func existingFileIsKeptWithoutForce() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/x.pdf"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        let (_, sheets) = try Fixture.sheets("nuernberg-pensioner.json", languages: ["de"])
        #expect(throws: FileError.exists(path: path)) {
            try PDFRenderer.write(sheets, to: path, info: Fixture.info, overwrite: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        try PDFRenderer.write(sheets, to: path, info: Fixture.info, overwrite: true)
        #expect(try Fixture.pages(path) >= 1)
        #expect((try folder.names()) == ["x.pdf"])
    }

    @Test func unwritableFolderLeavesNothing() throws {
        let (_, sheets) = try Fixture.sheets("nuernberg-pensioner.json", languages: ["de"])
        let path = "/nonexistent-esp-folder/s.pdf"
        #expect(throws: FileError.self) {
            try PDFRenderer.write(sheets, to: path, info: Fixture.info, overwrite: false)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func missingFontIsNamed() {
        #expect(throws: PDFError.self) { try PDFRenderer.checkFont("No Such Font Family") }
        #expect(throws: Never.self) { try PDFRenderer.checkFont() }
    }
}

@Suite("A sheet taken in at a glance")
struct GroupedStepsTests {
    /// Twelve rooms of old lamps and twelve standby devices: one LED row ("24 Lampen in 12 Räumen") and one strip
    /// row, why and how said once each; the rooms in the household's language.
    @Test func aLargeHouseholdIsGroupedInEveryLanguage() throws {
        let folder = try TemporaryDirectory()
        let (advice, city) = try Checkout.advise(visitPath: try Fixture.largeVisit(in: folder))
        let library = LocaleLibrary(directory: Checkout.locales)
        let storeroom = ["de": "Abstellraum", "ru": "Кладовая", "uk": "Комора", "tr": "Kiler", "ar": "المخزن"]
        for language in ["de", "ru", "tr", "uk", "ar"] {
            let builder = SheetBuilder(localizer: try library.localizer(language: language))
            let household = builder.build(advice, office: city.office, audience: .household)
            // LED lamps and strips grouped, then the room temperature and the airing. The showerhead is bought (it
            // is not in Nürnberg's kit) while the jobcenter keeps its whole saving: not recommended (issue 18).
            #expect(household.steps.rows.count == 4)
            #expect(
                advice.measures.first { $0.kind == .showerhead }?.notRecommendedBecause == .savesTheHouseholdNothing)
            #expect(household.steps.rows.filter { $0.places != nil }.count == 2)
            #expect(household.steps.rows[0].places?.contains("\(storeroom[language] ?? "") (2)") == true)
            // A room in the advisor's own words is printed as typed.
            #expect(household.steps.rows[0].places?.contains("Hobbyraum (2)") == true)
        }
        let german = SheetBuilder(localizer: try library.localizer(language: "de"))
        let sheet = german.build(advice, office: city.office, audience: .household)
        #expect(sheet.steps.rows[0].title == "LED-Lampen statt alter Lampen – 24\u{00A0}Lampen in 12\u{00A0}Räumen")
        #expect(sheet.steps.rows[1].title == "Steckdosenleisten mit Schalter – für 12\u{00A0}Geräte")
    }
}
