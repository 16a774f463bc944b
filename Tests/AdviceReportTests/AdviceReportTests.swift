import AdviceData
import AdviceLocalization
import EnergyAdvice
import Foundation
import HouseholdGenerator
import JSONText
import TestSupport
import Testing

@testable import AdviceReport

enum Shipped {
    static let root = Checkout.root

    static let examples = [
        "bremen-family-buergergeld.json", "bremen-house-heatpump.json", "leipzig-couple-tr.json",
        "leipzig-family-threat.json", "nuernberg-family-ru.json", "nuernberg-pensioner.json",
    ]

    static func advice(_ example: String) throws -> (Advice, CityTariffs) {
        try Checkout.advise(visitPath: root + "/Examples/" + example)
    }

    static func builder(_ language: String) throws -> SheetBuilder {
        SheetBuilder(localizer: try LocaleLibrary(directory: root + "/Locales").localizer(language: language))
    }

    /// The advisor's text, as `esp advise EXAMPLE --lang LANGUAGE` prints it.
    static func text(_ example: String, language: String = "de", audience: AdviceSheet.Audience = .office) throws
        -> String
    {
        let (advice, city) = try advice(example)
        return AdviceText.render(
            try builder(language).build(
                advice, office: city.office, audience: audience, debtCounselling: city.debtCounselling))
    }

    /// The JSON document, as `esp advise EXAMPLE --format json` prints it (warnings in German).
    static func json(_ example: String) throws -> String {
        let (advice, _) = try advice(example)
        return AdviceJSON.render(advice, message: try builder("de").warning)
    }

    static func sheet(
        _ advice: Advice, city: CityTariffs, language: String = "de",
        audience: AdviceSheet.Audience = .household
    ) throws -> AdviceSheet {
        try builder(language).build(
            advice, office: city.office, audience: audience, debtCounselling: city.debtCounselling)
    }
}

@Suite("Rendering an advice")
struct AdviceReportTests {
    func member(_ value: JSONValue, _ path: String...) -> JSONValue? {
        var current = value
        for key in path {
            guard case .object(let fields) = current, let next = fields.first(where: { $0.key == key }) else {
                return nil
            }
            current = next.value
        }
        return current
    }

    @Test func jsonCarriesTheContractKeysInOrder() throws {
        let (advice, _) = try Shipped.advice("bremen-family-buergergeld.json")
        guard case .object(let fields) = AdviceJSON.document(advice) else {
            Issue.record("not an object")
            return
        }
        #expect(
            fields.map(\.key) == [
                "schema", "rulesVersion", "visitId", "date", "city", "language", "inputs", "warnings",
                "tariffs", "electricity", "heating", "measures", "totals", "installment",
            ])
        guard case .array(let measures)? = member(AdviceJSON.document(advice), "measures"),
            case .object(let first)? = measures.first
        else {
            Issue.record("no measures")
            return
        }
        #expect(
            first.map(\.key) == [
                "id", "recommended", "installedAtVisit", "freeFromProgramme", "electricityKWh", "heatKWh", "waterM3",
                "savingEUR", "co2Kg",
                "technical", "realisationFactor", "range", "householdRange", "capped", "baseline", "investmentEUR",
                "programmeCostEUR", "voucherEUR", "paybackMonths", "lifetimeYears", "split", "details",
            ])
    }

    @Test func jsonReparsesToTheSameNumbers() throws {
        let (advice, _) = try Shipped.advice("nuernberg-pensioner.json")
        let text = AdviceJSON.render(advice)
        let parsed = try JSONParser.parse(Array(text.utf8)).value
        #expect(parsed == AdviceJSON.document(advice))
        #expect(member(parsed, "schema") == .string("esp-advice/2"))
        #expect(member(parsed, "totals", "savingEUR") == .number(advice.totals.savingEUR))
        #expect(
            member(parsed, "electricity", "benchmark", "class") == .string(advice.electricity.benchmark.classLetter))
    }

    /// Bremen family: gas heating estimated as 114 kWh/m² · 85 m² = 9,690 kWh; its hot water 35.52 · 85 = 3,019.2 kWh.
    @Test func estimatedHeatingIsMarked() throws {
        let (advice, _) = try Shipped.advice("bremen-family-buergergeld.json")
        let json = AdviceJSON.document(advice)
        #expect(member(json, "heating", "annualKWh") == .number(9690))
        #expect(member(json, "heating", "estimated") == .bool(true))
        #expect(member(json, "heating", "hotWaterKWh") == .number(3019.2))
        #expect(member(json, "heating", "billing") == .string("building"))
        #expect(member(json, "heating", "benchmark", "verdict") == nil)
    }

    /// Every example in every language, office and household copy, fits an 80-column terminal — wrapped, not cut:
    /// every word of the sheet is still there.
    static func words(_ text: String) -> Int {
        // A right-to-left line's mark (U+200F) is no word.
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0 != "\u{200F}" }.count
    }

    @Test func terminalTextFitsEightyColumns() throws {
        for example in Shipped.examples {
            for language in ["de", "ru", "tr", "uk", "ar"] {
                for audience in [AdviceSheet.Audience.office, .household] {
                    let text = try Shipped.text(example, language: language, audience: audience)
                    let long = text.split(separator: "\n").map(String.init).filter { $0.count > 80 }
                    #expect(long.isEmpty, "\(example) \(language): \(long.joined(separator: "\n"))")
                    let (advice, city) = try Shipped.advice(example)
                    let sheet = try Shipped.builder(language).build(
                        advice, office: city.office, audience: audience, debtCounselling: city.debtCounselling)
                    let unwrapped = AdviceText.layout(sheet).joined(separator: "\n")
                    #expect(Self.words(text) == Self.words(unwrapped))
                }
            }
        }
    }

    @Test func textUsesGermanNumbersWithNoBreakSpaces() throws {
        let text = try Shipped.text("nuernberg-pensioner.json")
        #expect(text.contains("Dietzstr. 4, 90443"))
        // Wrapped for an 80-column window, never cut.
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        // 2,300 kWh · 36.38 ct + 168 € = 1,004.74 €, an estimate: two significant digits.
        #expect(text.contains("Das kostet etwa 1.000\u{00A0}€."))
        // A quantity never breaks: no plain space between a digit and its unit.
        #expect(text.range(of: "[0-9] (kWh|€|kg|Monate|Jahre|Liter)", options: .regularExpression) == nil)
        // Estimates are read in whole euros: no cents in the household's sentences.
        #expect(
            !text.contains("Sie selbst sparen")
                || text.range(of: "Sie selbst sparen [0-9.]+,[0-9]{2}", options: .regularExpression) == nil)
    }

    /// Warnings reach the advisor's terminal and the office copy, never the household's sheet.
    @Test func warningsOnlyOnTheOfficeCopy() throws {
        let (advice, city) = try Shipped.advice("nuernberg-pensioner.json")
        var changed = advice
        changed.warnings = [.electricityImplausiblyHigh(kWh: 20_000, limitKWh: 5400)]
        let office = try Shipped.sheet(changed, city: city, audience: .office)
        #expect(
            office.warnings.lines == [
                "Der Stromverbrauch von 20.000\u{00A0}kWh ist sehr hoch (mehr als 5.400\u{00A0}kWh). Bitte die Zählerstände prüfen."
            ])
        let household = try Shipped.sheet(changed, city: city, audience: .household)
        #expect(household.warnings.isEmpty && household.assumptions.isEmpty)
        #expect(!AdviceText.render(household).contains("Zählerstände"))
        #expect(household.steps.rows.allSatisfy { !AdviceText.render(household).contains($0.advisorNote) })
    }

    /// The Bremen family: its showers use less than its (estimated) heating, so the shower's gas saving is not cut
    /// by an average any more; the tariff switch is not offered (the household is in the basic supply), and the
    /// jobcenter gets the heating and water savings.
    @Test func bremenFamilyFollowsRulesTwo() throws {
        let (advice, _) = try Shipped.advice("bremen-family-buergergeld.json")
        #expect(!advice.warnings.contains { $0.code == "hot-water-above-use" })
        #expect(advice.tariffSwitch == nil)
        let shower = try #require(advice.measures.first { $0.kind == .showerhead })
        #expect(shower.split.household == 0 && shower.split.jobcenter == shower.savingEUR)
        let heat = advice.recommendedSavings.reduce(0) { $0 + $1.technical.heatKWh }
        #expect(heat <= (advice.heating?.annualKWh ?? 0))
    }
}

/// The text and JSON of every example in de, ru and tr against checked-in files, so every change to an output
/// shows as a reviewed diff; `make golden` rewrites them.
@Suite("Golden files")
struct GoldenFileTests {
    static let golden = GoldenFiles("Tests/AdviceReportTests/Golden")

    static func check(_ actual: String, file: String) throws { try golden.check(actual, file: file) }

    static func name(_ example: String) -> String { String(example.dropLast(5)) }

    @Test(arguments: Shipped.examples)
    func text(example: String) throws {
        for language in ["de", "ru", "tr", "uk", "ar"] {
            try Self.check(try Shipped.text(example, language: language), file: "\(Self.name(example)).\(language).txt")
        }
        try Self.check(
            try Shipped.text(example, language: "de", audience: .household),
            file: "\(Self.name(example)).household.de.txt")
    }

    @Test(arguments: Shipped.examples)
    func json(example: String) throws {
        try Self.check(try Shipped.json(example), file: "\(Self.name(example)).json")
    }
}

@Suite("Advice JSON round-trips")
struct AdviceJSONPropertyTests {
    /// For 1,000 generated Nürnberg households the written esp-advice/2 document parses back to the same JSON
    /// value: every number survives its text form.
    @Test func generatedAdviceReparsesToTheSameDocument() throws {
        let tariffs = try DataDirectory(root: Shipped.root).tariffs.load(cityID: "nuernberg")
        let calculator = AdviceCalculator(reference: tariffs.reference, city: tariffs.city)
        var households = HouseholdGenerator(city: "nuernberg", fuels: Array(tariffs.city.heatingTariffs.keys), seed: 5)
        for index in 0..<1000 {
            let generated = households.visit(index)
            let advice = try calculator.advise(try #require(generated))
            let document = AdviceJSON.document(advice)
            for text in [AdviceJSON.render(advice), AdviceJSON.compact(advice)] {
                #expect(try JSONParser.parse(Array(text.utf8)).value == document, "household \(index)")
            }
        }
    }
}
