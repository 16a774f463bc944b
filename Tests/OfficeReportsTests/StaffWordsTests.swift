import AdviceData
import EnergyAdvice
import TestSupport
import Testing
import VisitRecords

@testable import OfficeReports

/// Staff read names, not codes ("uk" reads as Britain), and the data keeper reads the calibration with its meaning.
@Suite("Names and the data keeper's calibration")
struct StaffWordsTests {
    @Test func namesInsteadOfCodes() throws {
        let de = try Households.staff("de")
        let en = try Households.staff("en")
        #expect(
            ["uk", "ar", "ru", "tr", "de"].map(de.language) == [
                "Ukrainisch", "Arabisch", "Russisch", "Türkisch", "Deutsch",
            ])
        #expect(["uk", "pt-BR"].map(en.language) == ["Ukrainian", "Portuguese (Brazil)"])
        #expect(
            Benefit.allCases.map(de.benefit) == [
                "Bürgergeld", "Sozialhilfe", "Grundsicherung", "Wohngeld", "Kinderzuschlag", "Asylbewerberleistungen",
                "keine Leistung",
            ])
        #expect(en.benefit(.buergergeld) == "Bürgergeld (citizen's income)")
        #expect(de.benefit(key: "asylblg") == "Asylbewerberleistungen")
        #expect(de.fuel(.district) == "Fernwärme" && en.fuel(.heatPump) == "heat pump")
        #expect(de.quarter("2026-Q3") == "3. Quartal 2026" && en.quarter("2026-Q3") == "Q3 2026")
        // A city by its file's name; one without a file here (a summary sent by another city) by its id.
        #expect(de.city("nuernberg") == "Nürnberg")
        #expect(de.city("fuerth") == "fuerth")
        #expect(de.cities(["bremen", "nuernberg"]) == "Bremen, Nürnberg")
    }

    /// The terminal summary names languages and benefits, and puts what was measured beside what was expected of the
    /// same households, with their number.
    @Test func theSummaryTextNamesAndCompares() throws {
        var visits =
            try Households.copies("nuernberg-pensioner.json", 3, language: "uk")
            + Households.copies("nuernberg-family-ru.json", 2, language: "ar", first: 3)
        visits[0] = Households.followedUp(visits[0])
        let text = RegisterText(text: try Households.staff("de")).summary(
            ProgrammeSummary(visits: visits, filter: VisitFilter())
        ).plain
        #expect(text.contains("  Ukrainisch: 3 Haushalte"))
        #expect(text.contains("  Arabisch: 2 Haushalte"))
        #expect(text.contains("  Grundsicherung: 3 Haushalte"))
        #expect(text.contains("  Bürgergeld: 2 Haushalte"))
        #expect(text.contains("  1. Quartal 2026: 5 Haushalte"))
        // 80 % of the electricity steps' expected saving measured at the one follow-up: 80 % of what was expected
        // of the steps carried out (all its electricity steps), of all its recommended steps likewise.
        #expect(text.contains("  Strom (1 Haushalt): "), "\(text)")
        #expect(text.contains("(gemessen 80 %)"), "\(text)")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    /// Twelve Nürnberg households that each saved 80 % of what their electricity steps were expected to save: every
    /// step measures 80 % of the expected (an interval of nothing), so the suggested factor is 0.8 × the factor in
    /// use — LED 0.8 × 0.8 = 0.64, strips 0.6 × 0.8 = 0.48 — and the city's own factor for airing stays in the
    /// snippet, which replaces the city file's <realisation>.
    @Test func calibrationSuggestsFactorsForTheCityFile() throws {
        let visits = try Households.copies("nuernberg-pensioner.json", 12).map { Households.followedUp($0) }
        let summary = ProgrammeSummary(visits: visits, filter: VisitFilter(city: "nuernberg"))
        let led = try #require(summary.calibration.first { $0.kind == .led })
        #expect(led.households == 12 && led.ratio == 0.8 && led.low == 0.8 && led.high == 0.8)
        var city = try Checkout.calculator(city: "nuernberg").city
        let own = Source(id: "nuernberg-own", publisher: "test", document: "hand-made", year: 2026, confirmed: true)
        city.realisation[.ventilation] = RealisationFactor(low: 0.3, likely: 0.45, high: 0.6, source: own)
        let national = try Checkout.calculator(city: "nuernberg").reference.realisation
        let text = CalibrationText(text: try Households.staff("de")).calibration(
            summary, city: city, national: national, file: "Tariffs/nuernberg.xml",
            today: CalendarDate(year: 2027, month: 3, day: 1)!
        ).plain
        #expect(text.hasPrefix("Realisierungsfaktoren aus den Nachbesuchen: Nürnberg (Tariffs/nuernberg.xml)\n"))
        #expect(text.contains("  LED-Lampen: gemessen 80 % des Erwarteten (80 %–80 %), 12 Haushalte\n"))
        #expect(text.contains("    Faktor jetzt 0,80 (Referenzdaten); Vorschlag 0,64 (0,64–0,64)\n"))
        #expect(text.contains("    Faktor jetzt 0,60 (Referenzdaten); Vorschlag 0,48 (0,48–0,48)\n"))
        #expect(
            text.contains(
                "      <factor measure=\"led\" low=\"0.64\" likely=\"0.64\" high=\"0.64\" "
                    + "source=\"nuernberg-follow-ups-2027-03-01\"/>\n"))
        #expect(
            text.contains(
                "      <factor measure=\"ventilation\" low=\"0.30\" likely=\"0.45\" high=\"0.60\" source=\"nuernberg-own\"/>\n"
            ))
        #expect(text.contains("publisher=\"EnergieSparProjekt (ESP) des Sozialamts Nürnberg\""))
        // What the interval means is said, not left to the reader.
        #expect(text.contains("In Klammern der Bereich (95 %)"))
        // Prose fits the terminal; the XML lines stay whole, to be copied as they are.
        #expect(
            text.split(separator: "\n").allSatisfy {
                $0.count <= 80 || $0.trimmingPrefix(while: \.isWhitespace).hasPrefix("<")
            })
    }

    /// Four cities side by side still fit 80 columns: labels and cells wrap in their columns.
    @Test func theComparisonFitsTheTerminal() throws {
        let cities = ["nuernberg", "bremen", "leipzig", "fuerth"]
        var summaries: [(source: String, summary: ProgrammeSummary)] = []
        for (index, id) in cities.enumerated() {
            var visits = try Households.copies("nuernberg-pensioner.json", 10, first: index * 10).map {
                Households.followedUp($0)
            }
            for i in visits.indices { visits[i].city = id }
            summaries.append(("\(id).json", ProgrammeSummary(visits: visits, filter: VisitFilter(city: id))))
        }
        let text = try CityComparison.compare(summaries).text(try Households.staff("de")).plain
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(text)")
        #expect(lines[2].hasSuffix("Nürnberg         Bremen        Leipzig         fuerth"), "\(lines[2])")
        #expect(lines.contains { $0.hasPrefix("Nachbesucht") && $0.hasSuffix("10 (100 %)") })
    }
}
