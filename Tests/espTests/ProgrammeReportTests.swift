import AdviceData
import AdviceReport
import AdviceWorkflows
import EnergyAdvice
import Foundation
import SQLiteVisitStore
import TestSupport
import Testing
import VisitRecords

@testable import OfficeReports

/// The council's report: every number it prints is the summary's, small groups are withheld, measured figures stand
/// beside what was expected of the same households; the data keeper's calibration goes into a city file as it is.
@Suite("The council's report", .serialized)
struct ProgrammeReportTests {
    /// Each example `copies` times under its own id, and follow-ups a year later for the first `followUps` visits
    /// (by date) with electricity steps: they carried those steps out and used 80 % of the electricity the advice
    /// expected them to save less.
    static func register(_ folder: TemporaryDirectory, copies: Int = 4, followUps: Int = 15) async throws -> String {
        var visits: [String] = []
        for name in Checkout.exampleNames {
            let text = try String(contentsOfFile: Checkout.examples + "/" + name, encoding: .utf8)
            let id = try #require(text.firstMatch(of: /"visitId": "([^"]+)"/)?.1)
            for copy in 1...copies {
                visits.append(
                    try folder.write(
                        "visits/\(copy)-\(name)", text.replacingOccurrences(of: "\"\(id)\"", with: "\"\(id)-\(copy)\""))
                )
            }
        }
        let path = folder.file("register.sqlite")
        let register = Registering(
            store: try SQLiteVisitStore.open(path: path, access: .write), advising: Advising(data: Self.data))
        for visit in visits {
            _ = try await register.record(
                try VisitDecoder.load(path: visit), source: visit, now: "2027-03-01T10:00:00Z")
        }
        var followed = 0
        for visit in try await register.visits() where followed < followUps {
            let steps = visit.measures.filter { $0.electricityKWh > 0 }
            guard !steps.isEmpty, let later = CalendarDate(year: visit.date.year + 1, month: visit.date.month, day: 1)
            else { continue }
            let expected = steps.reduce(0) { $0 + $1.electricityKWh }
            let used = (visit.electricityKWh - 0.8 * expected) * Double(later.dayNumber - visit.date.dayNumber) / 365
            _ = try await register.followUp(
                FollowUpEntry(
                    visitId: visit.visitId, date: later, electricityKWhSinceVisit: used, implemented: steps.map(\.kind)),
                today: CalendarDate(year: 2030, month: 1, day: 1)!)
            followed += 1
        }
        return path
    }

    /// Every city and the staff texts of the checkout.
    static let data = DataSnapshot.load(Checkout.data, cities: .all, languages: .all, staffLanguages: .all)

    @Test func everyNumberIsTheSummarys() async throws {
        let folder = try TemporaryDirectory()
        let register = try await Self.register(folder)
        let environment = ["ESP_DATA": Checkout.root, "ESP_TODAY": "2027-03-01", "SOURCE_DATE_EPOCH": "1772323200"]
        let json = await Command.run(["summary", "--format", "json", "--register", register], environment: environment)
        let summary = try ProgrammeSummary.read(Array(json.stdout.utf8))
        let pdf = folder.file("report.pdf")
        let made = await Command.run(
            ["summary", "--format", "pdf", "-o", pdf, "--register", register], environment: environment)
        #expect(made.status == 0, "\(made.stderr)")
        let text = try Self.pdfText(pdf)

        let format = try Self.data.staff("de").localizer.format
        func money(_ x: Double) -> String { format.money(x, fractionDigits: 0) }
        func number(_ x: Double) -> String { format.number(x) }
        let p = summary.predicted
        let r = summary.realised
        for shown in [
            "\(number(Double(summary.householdsAdvised))) Haushalte mit \(number(Double(summary.personsReached))) Personen",
            money(p.totalEUR), number(p.electricity.kWh), number(p.heating.kWh),
            "Haushalte: \(money(p.householdEUR)) · \(p.householdsByPayer.household) Haushalte",
            // The social office saves for the 4 Nürnberg pensioners: withheld, and the jobcenter with it.
            "Jobcenter, Sozialamt: geschützt",
            "\(summary.householdsFollowedUp) von \(summary.householdsAdvised) Haushalten (\(format.percent(summary.followUpRate)))",
            // Measured beside expected of the same 15 households: they saved 80 % of what their steps promised.
            money(r.totalEUR), "bei 15 Haushalten",
            money(r.expectedElectricity.recommended.eur + r.expectedHeating.recommended.eur),
            "\(number(r.electricity.kWh)) kWh", "\(number(r.expectedElectricity.recommended.kWh)) kWh (80 %)",
            // Names, not codes.
            "Bremen, Leipzig, Nürnberg", "Türkisch", "Russisch", "Bürgergeld", "keine Leistung", "1. Quartal 2026",
        ] {
            #expect(
                text.contains(shown.replacingOccurrences(of: "\u{00A0}", with: " ")), "\(shown) is not in the report")
        }
        let hidden = Disclosure.withheld(sum: summary.byMeasure.map(\.households), of: summary.householdsAdvised).parts
        for (index, measure) in summary.byMeasure.enumerated() {
            let name = try Self.data.staff("de").measure(measure.kind)
            let row = try #require(text.split(separator: "\n").first { $0.hasPrefix(name) }, "\(name)")
            let shown = hidden.contains(index) ? "geschützt" : money(measure.savingEUR)
            #expect(row.contains(shown.replacingOccurrences(of: "\u{00A0}", with: " ")), "\(row)")
            #expect(hidden.contains(index) || row.contains(" \(measure.households) "), "\(row)")
        }
        // The council reads no codes, no calibration snippet and no unexplained interval.
        for code in ["nuernberg", "buergergeld", " tr ", "<factor", "<realisation", "95 %"] {
            #expect(!text.replacingOccurrences(of: "nuernberg.xml", with: "").contains(code), "\(code)")
        }
        for hidden in [money(p.jobcenterEUR), money(p.socialOfficeEUR)] {
            #expect(!text.contains(hidden.replacingOccurrences(of: "\u{00A0}", with: " ")))
        }
        #expect(!text.contains("wirklich"), "expected figures are not what households really save")
        // No visit id, name or note leaves the register.
        #expect(!text.contains("NUE-2026") && !text.contains("HB-2026"))
    }

    /// With ten copies of each example followed up, `esp calibration` suggests factors; its source and its
    /// <realisation>, pasted into a copy of the city file where it says, pass `esp tariffs check` and are read.
    @Test func theCalibrationSnippetFitsTheCityFile() async throws {
        let folder = try TemporaryDirectory()
        let register = try await Self.register(folder, copies: 10, followUps: 100)
        let data = try folder.copyTariffs()
        for city in ["nuernberg", "bremen"] {
            let output = await Command.run(
                ["calibration", "--city", city, "--register", register],
                environment: ["ESP_DATA": Checkout.root, "ESP_TODAY": "2027-03-01"])
            #expect(output.status == 0, "\(output.stderr)")
            let lines = output.stdout.split(separator: "\n").map(String.init)
            let source = try #require(lines.first { $0.hasPrefix("    <source ") }, "\(output)").trimmingCharacters(
                in: .whitespaces)
            let first = try #require(lines.firstIndex(of: "    <realisation>"))
            let last = try #require(lines.firstIndex(of: "    </realisation>"))
            #expect(lines[first...last].contains { $0.contains("<factor measure=\"led\"") }, "\(output.stdout)")
            let file = data + "/\(city).xml"
            var text = try String(contentsOfFile: file, encoding: .utf8)
            text = text.replacingOccurrences(of: "  <sources>\n", with: "  <sources>\n    " + source + "\n")
            // Where the output says: after <water> and the optional elements after it, before <kit> and the rest.
            let block = lines[first...last].map { "  " + $0.dropFirst(4) }.joined(separator: "\n") + "\n"
            let before = ["  <kit ", "  <holiday", "  <debtCounselling", "  <hardshipFund", "</city>"]
            let starts = before.compactMap { text.range(of: $0)?.lowerBound }
            let at = try #require(starts.min())
            text.insert(contentsOf: block, at: at)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        let check = TariffLibrary(directory: data).check()
        #expect(check.errors.isEmpty, "\(check.errors)")
        #expect(try TariffLibrary(directory: data).load(cityID: "nuernberg").city.realisation[.led] != nil)
        #expect(try TariffLibrary(directory: data).load(cityID: "bremen").city.realisation[.led] != nil)
    }

    /// Three cities from one register, compared as text and as a report; what is not one city's summary is refused.
    @Test func citiesSideBySide() async throws {
        let folder = try TemporaryDirectory()
        let register = try await Self.register(folder)
        let environment = ["ESP_DATA": Checkout.root, "ESP_TODAY": "2027-03-01"]
        var files: [String] = []
        for city in ["nuernberg", "bremen", "leipzig"] {
            let summary = await Command.run(
                ["summary", "--format", "json", "--city", city, "--register", register], environment: environment)
            files.append(try folder.write("\(city).json", summary.stdout))
        }
        let text = await Command.run(["compare"] + files, environment: environment)
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Städte im Vergleich")
        // Cities as columns, by their names; the households advised in each.
        #expect(lines[1].split(separator: " ") == ["Nürnberg", "Bremen", "Leipzig"], "\(text.stdout)")
        #expect(
            lines[2].hasPrefix("Beratene Haushalte") && lines[2].split(separator: " ").suffix(3) == ["8", "8", "8"])
        #expect(lines.allSatisfy { $0.count <= 80 })
        let pdf = folder.file("compare.pdf")
        #expect(await Command.run(["compare"] + files + ["-o", pdf], environment: environment).status == 0)
        let printed = try Self.pdfText(pdf)
        #expect(printed.contains("Städte im Vergleich") && printed.contains("Die Städte nebeneinander"))
        #expect(printed.contains("Nürnberg") && !printed.contains("nuernberg"))

        let twice = await Command.run(["compare", files[0], files[0]], environment: environment)
        #expect(
            twice.stderr
                == "esp: \(files[0]): a second summary of nuernberg (the first is \(files[0])); give one per city\n")
        let all = await Command.run(["summary", "--format", "json", "--register", register], environment: environment)
        let mixed = try folder.write("all.json", all.stdout)
        #expect(
            await Command.run(["compare", mixed, files[1]], environment: environment).stderr
                == "esp: \(mixed): the summary covers bremen, leipzig, nuernberg; one summary per city is needed; "
                + "make one per city with esp summary --format json --city CITY\n")
        let export = await Command.run(
            ["register", "export", "--format", "json", "--register", register], environment: environment)
        let rows = try folder.write("export.json", export.stdout)
        #expect(
            await Command.run(["compare", rows, files[1]], environment: environment).stderr.hasPrefix(
                "esp: \(rows):1:1: a per-household export (esp-register-export/1); only programme summaries are taken"))
        let newer = try folder.write(
            "newer.json",
            try String(contentsOfFile: files[0], encoding: .utf8)
                .replacingOccurrences(of: "esp-programme-summary/1", with: "esp-programme-summary/2"))
        #expect(
            await Command.run(["compare", newer, files[1]], environment: environment).stderr
                == "esp: \(newer):2:13: schema: esp-programme-summary/2 is from a newer esp; this esp reads "
                + "esp-programme-summary/1\n"
        )
        #expect(await Command.run(["compare", files[0]], environment: environment).status == 1)
    }

    /// The council's report and the comparison of the 24 households as their document models (what the PDF draws),
    /// in German and English: every change to what a councillor reads shows as a reviewed diff.
    @Test func reportsAsTheyAreRead() async throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteVisitStore.open(path: try await Self.register(folder), access: .read)
        let today = try #require(CalendarDate(iso: "2027-03-01"))
        let reporting = Reporting(advising: Advising(data: Self.data))
        var summaries: [(source: String, summary: ProgrammeSummary)] = []
        for city in ["nuernberg", "bremen", "leipzig"] {
            summaries.append(("\(city).json", try await store.summary(VisitFilter(city: city))))
        }
        let comparison = try CityComparison.compare(summaries)
        for language in ["de", "en"] {
            let council = try reporting.councilDocument(
                of: try await store.summary(VisitFilter()), staffLanguage: language, today: today)
            let compared = comparison.report(try Self.data.staff(language), today: today)
            try Self.golden.check(
                Self.dump(council) + "\n" + Self.dump(compared), file: "council-report.\(language).txt")
        }
    }

    static let golden = GoldenFiles("Tests/espTests/Golden")

    /// A report's document model as lines: headings with `#`, table cells and chart columns split by `|`, a
    /// withheld bar without its length.
    static func dump(_ report: ProgrammeReport) -> String {
        var lines = ["# \(report.title)", report.subtitle]
        if !report.keyFigures.isEmpty {
            lines.append("## \(report.keyFiguresHeading)")
            lines += report.keyFigures.map { "\($0.label): \($0.value)" }
        }
        for table in report.tables {
            lines.append("## \(table.title)")
            lines.append(table.columns.joined(separator: " | "))
            lines += table.rows.map { ([$0.label] + $0.cells).joined(separator: " | ") }
            lines += table.notes
        }
        for chart in report.charts {
            lines.append("## \(chart.title)" + (chart.countHeading.map { " (\($0))" } ?? ""))
            lines += chart.rows.map { row in
                [
                    row.label, row.count, row.shown,
                    row.value.map { "bar \(PlainNumber.fixed($0, decimals: 2))" } ?? "no bar",
                ]
                .compactMap { $0 }.joined(separator: " | ")
            }
        }
        for section in report.sections { lines += ["## \(section.heading)"] + section.lines }
        lines.append(report.footer)
        return lines.joined(separator: "\n").replacingOccurrences(of: "\u{00A0}", with: " ") + "\n"
    }

    /// Help texts are read as they are printed: no line-continuation backslash may reach them.
    @Test func helpWithoutStrayBackslashes() async throws {
        for command in [
            [], ["advise"], ["report"], ["visit"], ["register"], ["followup"], ["summary"], ["calibration"],
            ["compare"],
            ["tariffs"], ["locales"],
        ] {
            let help = await Command.run(command + ["--help"])
            #expect(help.status == 0)
            #expect(!help.stdout.contains("\\"), "esp \(command.joined(separator: " ")) --help")
        }
    }

    static func pdfText(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{00A0}", with: " ")
    }
}
