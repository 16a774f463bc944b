import AdviceData
import AdviceLocalization
import AdviceReport
import EnergyAdvice
import Foundation
import HouseholdGenerator
import JSONText
import Testing

enum Shipped {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func advice(_ example: String) throws -> (Advice, CityTariffs) {
        let data = DataDirectory(root: root)
        let advice = try AdvicePipeline.advise(visitPath: root + "/Examples/" + example, data: data)
        return (advice, try data.tariffs.load(cityID: advice.city).city)
    }

    static func text(_ example: String, language: String = "de") throws -> String {
        let (advice, city) = try advice(example)
        let localizer = try LocaleLibrary(directory: root + "/Locales").localizer(language: language)
        return AdviceText.render(SheetBuilder(localizer: localizer).build(advice, city: city))
    }

    static func sheet(_ advice: Advice, city: CityTariffs, language: String = "de") throws -> AdviceSheet {
        let localizer = try LocaleLibrary(directory: root + "/Locales").localizer(language: language)
        return SheetBuilder(localizer: localizer).build(advice, city: city)
    }
}

@Suite("Rendering an advice")
struct AdviceReportTests {
    func member(_ value: JSONValue, _ path: String...) -> JSONValue? {
        var current = value
        for key in path {
            guard case .object(let fields) = current, let next = fields.first(where: { $0.key == key }) else { return nil }
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
        #expect(fields.map(\.key) == ["schema", "rulesVersion", "visitId", "date", "city", "language", "inputs", "tariffs",
                                      "electricity", "heating", "measures", "totals", "installment", "warnings"])
    }

    @Test func jsonReparsesToTheSameNumbers() throws {
        let (advice, _) = try Shipped.advice("nuernberg-pensioner.json")
        let text = AdviceJSON.render(advice)
        let parsed = try JSONParser.parse(Array(text.utf8)).value
        #expect(parsed == AdviceJSON.document(advice))
        #expect(member(parsed, "electricity", "annualCostEUR") == .number(947.14))
        #expect(member(parsed, "totals", "savingEUR") == .number(advice.totals.savingEUR))
        #expect(member(parsed, "electricity", "benchmark", "class") == .string("F"))
    }

    /// Bremen family: gas heating estimated as 114 kWh/m² · 85 m² = 9,690 kWh.
    @Test func estimatedHeatingIsMarked() throws {
        let (advice, _) = try Shipped.advice("bremen-family-buergergeld.json")
        let json = AdviceJSON.document(advice)
        #expect(member(json, "heating", "annualKWh") == .number(9690))
        #expect(member(json, "heating", "estimated") == .bool(true))
    }

    @Test func textUsesGermanNumbersWithNoBreakSpaces() throws {
        let text = try Shipped.text("nuernberg-pensioner.json")
        #expect(text.contains("Strom: 2.300\u{00A0}kWh im Jahr. Das kostet etwa 947,14\u{00A0}€."))
        #expect(text.contains("Dietzstr. 4, 90443 Nürnberg"))
        #expect(text.contains("Das Sozialamt spart 85,09\u{00A0}€ im Jahr"))
        // A quantity never breaks: no plain space between a digit and its unit.
        #expect(text.range(of: "[0-9] (kWh|€|kg|Monate)", options: .regularExpression) == nil)
        #expect(!text.contains("water + wastewater"))
    }

    @Test func textShowsWarnings() throws {
        let (advice, city) = try Shipped.advice("nuernberg-pensioner.json")
        var changed = advice
        changed.warnings = [.electricityImplausiblyHigh(kWh: 20_000, limitKWh: 5400)]
        let sheet = try Shipped.sheet(changed, city: city)
        #expect(sheet.warnings.lines == ["Der Stromverbrauch von 20.000\u{00A0}kWh ist sehr hoch (mehr als 5.400\u{00A0}kWh). Bitte die Zählerstände prüfen."])
    }
}

@Suite("Advice JSON round-trips")
struct AdviceJSONPropertyTests {
    /// For 1,000 generated Nürnberg households the written esp-advice/1 document parses back to the same JSON
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
