import AdviceData
import AdviceLocalization
import AdvicePDF
import AdviceReport
import EnergyAdvice
import Foundation
import SafeFiles
import TestSupport
import Testing

enum DebtFixture {
    static let golden = GoldenFiles("Tests/AdvicePDFTests/Golden")

    /// The household's copy in `language` of a visit file, with the city's debt counselling.
    static func sheet(_ path: String, language: String) throws -> AdviceSheet {
        let (advice, city) = try Checkout.advise(visitPath: path)
        return try SheetBuilder(localizer: LocaleLibrary(directory: Checkout.locales).localizer(language: language))
            .build(advice, office: city.office, debtCounselling: city.debtCounselling)
    }

    static var example: String { Checkout.root + "/Examples/leipzig-family-threat.json" }

    /// The example with a second debt, for gas, and the household's name and address.
    static func twoDebts(in folder: TemporaryDirectory) throws -> String {
        let text = try String(contentsOfFile: example, encoding: .utf8)
            .replacingOccurrences(
                of: #""benefit": "buergergeld""#,
                with: #""benefit": "buergergeld", "name": "Anna Muster", "address": "Lindenweg 3a, 04109 Leipzig""#
            )
            .replacingOccurrences(
                of: #""risks": ["infant"]"#,
                with: #""risks": ["infant"] }, { "carrier": "gas", "arrearsEUR": 260, "threatDate": "2026-11-02""#)
        return try folder.write("two-debts.json", text)
    }

    /// The texts of pdftotext in reading order, no-break spaces folded.
    static func text(_ path: String, first: Int, last: Int) throws -> String {
        try Fixture.tool("pdftotext", ["-f", String(first), "-l", String(last), path, "-"])
            .replacingOccurrences(of: "\u{00A0}", with: " ")
    }
}

@Suite("The energy-debt page and the letters, printed")
struct EnergyDebtPDFTests {
    typealias Role = SheetPages.Role

    /// The page comes first, at the sheet's sizes (11 pt text, the deadlines 12, the supplier, the arrears and the
    /// key date 14), its sections whole, and the savings start on a page of their own.
    @Test(arguments: Layouts.languages)
    func theDebtPageComesFirst(language: String) throws {
        let layout = PDFRenderer.layout([try DebtFixture.sheet(DebtFixture.example, language: language)])
        let debtPages = layout.pages.filter { $0.texts.contains { $0.part == .energyDebt } }
        #expect(debtPages.map(\.number) == Array(1...debtPages.count))
        #expect((1...2).contains(debtPages.count), "\(language): \(debtPages.count) pages for the debt")
        for page in debtPages {
            #expect(!page.texts.contains { $0.part == .consumption }, "\(language): savings beside the debt")
            let content = Layouts.content(page)
            for heading in content where heading.role == .heading {
                #expect(
                    content.contains { $0.part == heading.part && $0.role != .heading && $0.y > heading.y },
                    "\(language): \"\(heading.string)\" ends page \(page.number)")
            }
        }
        let texts = debtPages.flatMap(\.texts).filter { $0.part == .energyDebt }
        for text in texts {
            #expect(text.gray == 0, "\(language): grey \(text.string)")
            switch text.role {
            case .body, .detail: #expect(text.size == 11)
            case .deadline: #expect(text.size == 12 && text.bold)
            case .fact: #expect(text.size == 14 && text.bold)
            case .heading: #expect(text.size >= 13)
            default: Issue.record("\(language): unexpected role \(text.role)")
            }
        }
        #expect(texts.filter { $0.role == .fact }.count == 3)
        // A step is never without its deadline: a page that goes on with the steps of a day repeats that day.
        for page in debtPages {
            if let detail = page.texts.filter({ $0.role == .detail }).map(\.y).min() {
                #expect(
                    page.texts.contains { $0.role == .deadline && $0.y < detail },
                    "\(language): page \(page.number) has steps without their deadline")
            }
        }
        // The savings part keeps its own rules: at most two pages of its own.
        #expect((1...2).contains(layout.pages.count - debtPages.count))
    }

    /// A second debt starts a page of its own.
    @Test func eachDebtStartsAPage() throws {
        let folder = try TemporaryDirectory()
        let layout = PDFRenderer.layout([try DebtFixture.sheet(try DebtFixture.twoDebts(in: folder), language: "de")])
        let titles = layout.pages.flatMap { page in
            page.texts.filter { $0.part == .energyDebt && $0.role == .heading && $0.size == 16 }.map { (page, $0) }
        }
        #expect(
            titles.map(\.1.string) == [
                "Schulden beim Stromanbieter: Das ist jetzt wichtig",
                "Schulden beim Gasanbieter: Das ist jetzt wichtig",
            ])
        #expect(titles.count == 2 && titles[0].0.number < titles[1].0.number)
        if titles.count == 2 {
            let second = titles[1].0
            #expect(!second.texts.contains { $0.string.contains("Stromanbieter") })
        }
    }

    /// The household's page as printed, in every language (pdftotext of its pages): a golden file each.
    @Test(arguments: Layouts.languages)
    func goldenDebtPage(language: String) throws {
        let folder = try TemporaryDirectory()
        let sheet = try DebtFixture.sheet(DebtFixture.example, language: language)
        let pages = PDFRenderer.layout([sheet]).pages.filter { $0.texts.contains { $0.part == .energyDebt } }.count
        let path = folder.path + "/sheet.pdf"
        try PDFRenderer.write([sheet], to: path, info: Fixture.info, overwrite: false)
        try DebtFixture.golden.check(
            try DebtFixture.text(path, first: 1, last: pages), file: "leipzig-family-threat.debt.\(language).txt")
    }

    /// Both letters of the example, as printed: one page each, the text in a golden file, DejaVu embedded, 11 pt.
    @Test func goldenLetters() throws {
        let folder = try TemporaryDirectory()
        let (advice, _) = try Checkout.advise(visitPath: DebtFixture.example)
        for letter in LetterBuilder().letters(advice, contact: nil) {
            let name = letter.fileName(visitId: advice.visitId)
            let path = folder.path + "/" + name
            let pdf = try PDFRenderer.render(letter, info: Fixture.info)
            try AtomicFile.write(pdf.bytes, to: path, replacing: false)
            #expect(pdf.pages == 1)
            #expect(try Fixture.pages(path) == 1)
            // 11 pt where the letter fits, else a little smaller: the supplier's letter with its statement of the
            // danger needs 10 pt.
            #expect(PDFRenderer.letterTextSize(letter) == (letter.recipient == .supplier ? 10 : 11))
            #expect(try Fixture.tool("pdffonts", [path]).contains("DejaVuSans"))
            try DebtFixture.golden.check(
                try DebtFixture.text(path, first: 1, last: 1), file: String(name.dropLast(4)) + ".txt")
        }
    }

    /// The longest letter a visit file allows — every risk, a supply already cut off, a 200-character supplier, a
    /// 100-character name, an address of 200 characters — still fits on its one page.
    @Test func theLongestLetterFitsOnOnePage() throws {
        let folder = try TemporaryDirectory()
        let supplier = String(repeating: "Stadtwerke ", count: 18) + "AG"
        let name = String(repeating: "Anna-Maria ", count: 9) + "X"
        let address = (1...5).map { "Sehr lange Straße \($0) im Hinterhaus links, dritter Stock" }
            .joined(separator: ", ").prefix(200)
        let json = try String(contentsOfFile: DebtFixture.example, encoding: .utf8)
            .replacingOccurrences(
                of: #""benefit": "buergergeld""#,
                with: #""benefit": "sozialhilfe", "name": "\#(name)", "address": "\#(address)""#
            )
            .replacingOccurrences(
                of: #""supplier": "Leipziger Stadtwerke""#, with: #""supplier": "\#(supplier)", "cutOff": true"#
            )
            .replacingOccurrences(
                of: #""risks": ["infant"]"#,
                with: #""risks": ["medical-device", "infant", "pregnancy", "serious-illness", "disability", "elderly"]"#
            )
        let path = try folder.write("long.json", json)
        let (visit, advice) = (try VisitDecoder.load(path: path), try Checkout.advise(visitPath: path).advice)
        let letters = LetterBuilder().letters(advice, contact: visit.contact)
        #expect(letters.count == 2)
        for letter in letters {
            let size = try #require(PDFRenderer.letterTextSize(letter))
            #expect(size >= 9)
            #expect(try PDFRenderer.render(letter, info: Fixture.info).pages == 1)
        }
    }
}
