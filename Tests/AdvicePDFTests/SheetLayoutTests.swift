import AdviceData
import AdviceLocalization
import AdvicePDF
import AdviceReport
import EnergyAdvice
import Foundation
import TestSupport
import Testing

/// The sheets laid out as ``PDFRenderer`` prints them: what each reader gets, page by page.
enum Layouts {
    static let languages = ["de", "ru", "tr", "uk", "ar"]

    static func sheets(
        visitPath: String, languages: [String], advisor: String? = nil
    ) throws -> [AdviceSheet] {
        let (advice, city) = try Checkout.advise(visitPath: visitPath)
        let library = LocaleLibrary(directory: Checkout.locales)
        return try languages.enumerated().map { index, language in
            try SheetBuilder(localizer: library.localizer(language: language))
                .build(
                    advice, office: city.office, audience: index == 0 ? .household : .office,
                    advisor: index == 0 ? nil : advisor)
        }
    }

    /// The household's copy of every example and of the twelve-room household, in `language`.
    static func households(_ language: String, folder: TemporaryDirectory) throws -> [(String, SheetPages)] {
        let visits =
            PDFTests.examples.map { ($0, Checkout.root + "/Examples/" + $0) }
            + [("twelve rooms", try Fixture.largeVisit(in: folder))]
        return try visits.map { name, path in
            (name, PDFRenderer.layout(try sheets(visitPath: path, languages: [language])))
        }
    }

    /// The texts of a page without its page line.
    static func content(_ page: SheetPages.Page) -> [SheetPages.Text] {
        page.texts.filter { $0.role != .footer }
    }
}

@Suite("Sheets older readers can read")
struct SheetLayoutTests {
    typealias Role = SheetPages.Role

    /// Body text and the table at 11 pt or more, nothing under 9 pt, grey only for what may be skipped: the sizes
    /// as laid out, for every example and the twelve-room household in every language.
    @Test(arguments: Layouts.languages)
    func sizesForOlderReaders(language: String) throws {
        let folder = try TemporaryDirectory()
        let pinned: [Role: Double] = [
            .title: 20, .office: 11, .heading: 13, .body: 11, .tableHeader: 11, .stepTitle: 11, .detail: 11, .total: 12,
            .headline: 14, .places: 10, .note: 10, .scaleLabel: 9, .followUp: 12,
            .smallPrint: 9, .footer: 9,
        ]
        let atLeastEleven: Set<Role> = [.body, .tableHeader, .stepTitle, .figure, .detail, .total, .headline, .office]
        let skippable: Set<Role> = [.smallPrint, .footer]
        for (name, layout) in try Layouts.households(language, folder: folder) {
            let texts = layout.pages.flatMap(\.texts)
            for text in texts {
                #expect(text.size >= 9, "\(name) \(language): \(text.role) \"\(text.string)\" at \(text.size) pt")
                if atLeastEleven.contains(text.role) {
                    #expect(text.size >= 11, "\(name) \(language): \(text.role) at \(text.size) pt")
                }
                if let size = pinned[text.role] { #expect(text.size == size, "\(text.role) in \(name) \(language)") }
                // White letters on the dark classes are not grey; anything between black and white may be skipped.
                if text.gray > 0 && text.gray < 1 {
                    #expect(skippable.contains(text.role), "\(name) \(language): grey \(text.role) \"\(text.string)\"")
                }
            }
            // Figures at 11 pt, the total's at 12.
            #expect(texts.filter { $0.role == .figure }.allSatisfy { [11, 12].contains($0.size) })
            // What a reader must not miss is black.
            #expect(texts.filter { [.places, .note].contains($0.role) }.allSatisfy { $0.gray == 0 })
        }
    }

    /// At most two pages for the household; a heading never ends a page; the consumption, the headline with its
    /// section, the installment, the tips and the other sections each on one page; the last step with the total
    /// and the notes; never a page of nothing but the follow-up line and small print.
    @Test(arguments: Layouts.languages)
    func sectionsStayTogether(language: String) throws {
        let folder = try TemporaryDirectory()
        let whole: [SheetPages.Part] = [
            .header, .consumption, .tariffSwitch, .checkFirst, .notRecommended, .split, .installment, .tips,
        ]
        for (name, layout) in try Layouts.households(language, folder: folder) {
            #expect((1...2).contains(layout.pages.count), "\(name) in \(language): \(layout.pages.count) pages")
            for page in layout.pages {
                let content = Layouts.content(page)
                #expect(
                    !content.allSatisfy { [.smallPrint, .followUp].contains($0.role) },
                    "\(name) in \(language): page \(page.number) holds only small print")
                for heading in content where heading.role == .heading {
                    #expect(
                        content.contains { $0.part == heading.part && $0.role != .heading && $0.y > heading.y },
                        "\(name) in \(language): \"\(heading.string)\" ends page \(page.number)")
                }
            }
            for part in whole {
                let pages = Set(layout.pages.filter { $0.texts.contains { $0.part == part } }.map(\.number))
                #expect(pages.count <= 1, "\(name) in \(language): \(part) runs over pages \(pages.sorted())")
            }
            let headline = layout.pages.first { $0.texts.contains { $0.role == .headline } }
            #expect(headline?.texts.contains { $0.part == .split && $0.role == .heading } == true)
            // The table's last step, its total and its notes on one page.
            let tail = layout.pages.filter { page in
                page.texts.contains { $0.role == .total }
                    || page.texts.contains { $0.role == .note && $0.part == .steps }
            }
            #expect(tail.count == 1, "\(name) in \(language): the total is cut from the table's end")
            if let page = tail.first, let total = page.texts.first(where: { $0.role == .total }) {
                #expect(page.texts.contains { $0.role == .stepTitle && $0.y < total.y })
            }
        }
    }

    /// A simple household (one step: the Bremen heat-pump house on the city's tariff, so that no way into the basic
    /// supply is offered) on one page in every language: tighter gaps, and an everyday tip or two fewer where that
    /// is not enough; a household that needs two pages keeps every tip.
    @Test(arguments: Layouts.languages)
    func aSimpleHouseholdFitsOnOnePage(language: String) throws {
        func tips(_ layout: SheetPages) -> Int {
            layout.pages.flatMap(\.texts).filter { $0.part == .tips && $0.role == .body }.count
        }
        let folder = try TemporaryDirectory()
        let house = try String(
            contentsOfFile: Checkout.root + "/Examples/bremen-house-heatpump.json", encoding: .utf8)
        let ownTariff = #"""
            "monthlyInstallmentEUR": 175,
                "tariff": {
                  "energyPriceCtPerKWh": 38.5,
                  "basePriceEURPerYear": 150
                }
            """#
        #expect(house.contains(ownTariff))
        let visitPath = try folder.write(
            "simple.json", house.replacingOccurrences(of: ownTariff, with: #""monthlyInstallmentEUR": 175"#))
        let simple = PDFRenderer.layout(try Layouts.sheets(visitPath: visitPath, languages: [language]))
        #expect(simple.pages.count == 1)
        #expect(tips(simple) >= 1)
        let office = PDFRenderer.layout(try Layouts.sheets(visitPath: visitPath, languages: [language, "de"]))
        #expect(tips(office) - tips(simple) == 4, "the office copy keeps its four tips")
        let family = PDFRenderer.layout(
            try Layouts.sheets(visitPath: Checkout.root + "/Examples/nuernberg-family-ru.json", languages: [language]))
        #expect(family.pages.count == 2)
        #expect(tips(family) == 4)
    }

    /// "Seite 1 von 2" and the visit number at the foot of every page, in the household's language.
    @Test func everyPageSaysItsNumberAndTheVisit() throws {
        let folder = try TemporaryDirectory()
        let expected = [
            "de": "Nummer NUE-2026-0999 · Seite %d von %d", "ru": "Номер: NUE-2026-0999 · Страница %d из %d",
            "uk": "Номер: NUE-2026-0999 · Сторінка %d з %d", "tr": "Numara: NUE-2026-0999 · Sayfa %d/%d",
            "ar": "رقم الملف: \u{2066}NUE-2026-0999\u{2069} · الصفحة %d من %d",
        ]
        for language in Layouts.languages {
            let layout = PDFRenderer.layout(
                try Layouts.sheets(visitPath: try Fixture.largeVisit(in: folder), languages: [language]))
            #expect(layout.pages.count == 2)
            for page in layout.pages {
                let footers = page.texts.filter { $0.role == .footer }
                #expect(footers.count == 1)
                let line = String(format: expected[language] ?? "", page.number, page.count)
                #expect(footers.first?.string == line, "\(language) page \(page.number)")
                // Below everything else on the page.
                #expect(Layouts.content(page).allSatisfy { $0.y + $0.height <= (footers.first?.y ?? 0) })
            }
        }
    }

    /// The office copy after a household's copy of one page: a blank back, so it starts on a sheet of paper of its
    /// own; titled as the copy for the file, with the advisor, the warnings and the assumptions.
    @Test func theOfficeCopyStartsOnItsOwnSheetOfPaper() throws {
        let folder = try TemporaryDirectory()
        let short = try folder.write(
            "short.json",
            """
            {"schema": "esp-visit/1", "visitId": "NUE-2026-0300", "date": "2026-03-10", "city": "nuernberg",
             "advisor": "K. Yilmaz",
             "household": {"persons": 1, "dwelling": "flat", "livingAreaM2": 40},
             "electricity": {"annualKWh": 25000}}
            """)
        let sheets = try Layouts.sheets(visitPath: short, languages: ["ru", "de"], advisor: "K. Yilmaz")
        let layout = PDFRenderer.layout(sheets)
        #expect(layout.pages.map(\.copy) == [.household, nil, .office])
        #expect(layout.pages[1].texts.isEmpty)
        let office = layout.pages[2].texts
        #expect(office.first { $0.role == .title }?.string == "Kopie für die Akte: Energiesparberatung")
        #expect(office.contains { $0.role == .advisorLine && $0.string == "Beraten von: K. Yilmaz" })
        // 25,000 kWh for one person: the advisor's warning, framed at the top.
        #expect(office.contains { $0.role == .warning && $0.string.contains("25.000") })
        #expect(office.contains { $0.part == .assumptions && $0.role == .heading })
        #expect(
            office.first { $0.role == .footer }?.string == "Kopie für die Akte · Nummer NUE-2026-0300 · Seite 1 von 1")
        let household = layout.pages[0].texts
        #expect(household.first { $0.role == .title }?.string == "Ваша консультация по экономии энергии")
        #expect(!household.contains { [.advisorLine, .warning].contains($0.role) || $0.part == .assumptions })
        // A household's copy of two pages needs no blank page: the office copy starts on the next sheet anyway.
        let two = PDFRenderer.layout(
            try Layouts.sheets(visitPath: try Fixture.largeVisit(in: folder), languages: ["ru", "de"]))
        #expect(two.pages.prefix(3).map(\.copy) == [.household, .household, .office])
    }

    /// The figures of each column end one under the other, in every language: on an Arabic page too, where the
    /// columns are mirrored and stand left of the steps.
    @Test(arguments: Layouts.languages)
    func figuresAlignByTheirLastDigit(language: String) throws {
        let layout = PDFRenderer.layout(
            try Layouts.sheets(
                visitPath: Checkout.root + "/Examples/nuernberg-family-ru.json", languages: [language]))
        let texts = layout.pages.flatMap(\.texts)
        let figures = texts.filter { $0.role == .figure }
        let rightEdges = Set(figures.map { (($0.x + $0.width) * 100).rounded() / 100 })
        // kWh, euros, cost, payback.
        #expect(rightEdges.count == 4, "\(language): figure columns end at \(rightEdges.sorted())")
        let headings = texts.filter { $0.role == .tableHeader }.dropFirst()
        #expect(headings.allSatisfy { rightEdges.contains((($0.x + $0.width) * 100).rounded() / 100) })
        let titles = texts.filter { $0.role == .stepTitle }
        if LocaleFormatter.isRightToLeft(language) {
            #expect(figures.allSatisfy { figure in titles.allSatisfy { figure.x + figure.width < $0.x + 1 } })
        } else {
            #expect(figures.allSatisfy { figure in titles.allSatisfy { $0.x + $0.width < figure.x + 1 } })
        }
    }

    /// "Masrafı ne zaman çıkar?" keeps two words to a line at least: two lines, not four.
    @Test func theTurkishPaybackHeadingIsTwoLinesAtMost() throws {
        let layout = PDFRenderer.layout(
            try Layouts.sheets(visitPath: Checkout.root + "/Examples/leipzig-couple-tr.json", languages: ["tr"]))
        let headings = layout.pages.flatMap(\.texts).filter { $0.role == .tableHeader }
        let payback = try #require(headings.first { $0.string == "Masrafı ne zaman çıkar?" })
        let oneLine = try #require(headings.first { $0.string == "Masraf" })
        #expect(payback.height <= 2 * oneLine.height + 0.5)
    }

    /// The PDF as printed: every word's box (pdftotext -bbox) is at least as tall as 9 pt of DejaVu Sans, whose
    /// ascent and descent make 1.164 em; body words are 11 pt boxes (12.8 pt tall).
    @Test func thePrintedWordsAreAtLeastNinePoints() throws {
        let folder = try TemporaryDirectory()
        let (_, sheets) = try Fixture.sheets("nuernberg-family-ru.json", languages: ["de"])
        let path = folder.file("s.pdf")
        try PDFRenderer.write(sheets, to: path, info: Fixture.info, overwrite: false)
        let html = try Fixture.tool("pdftotext", ["-bbox", path, "-"])
        let words = html.split(separator: "\n").filter { $0.contains("<word ") }
        let heights = words.compactMap { line -> (String, Double)? in
            func value(_ name: String) -> Double? {
                guard let range = line.range(of: name + "=\"") else { return nil }
                return Double(line[range.upperBound...].prefix { $0 != "\"" })
            }
            guard let yMin = value("yMin"), let yMax = value("yMax") else { return nil }
            let word = line.split(separator: ">").dropFirst().first?.split(separator: "<").first ?? ""
            return (String(word), yMax - yMin)
        }
        #expect(heights.count > 300)
        for (word, height) in heights { #expect(height >= 9 * 1.164 - 0.05, "\"\(word)\" is \(height) pt tall") }
        let strom = heights.first { $0.0 == "Strom:" }
        #expect(abs((strom?.1 ?? 0) - 11 * 1.164) < 0.1)
    }
}
