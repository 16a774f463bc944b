import AdviceData
import AdviceWorkflows
import EnergyAdvice
import Foundation
import SQLiteVisitStore
import TestSupport
import Testing
import VisitRecords

@testable import OfficeReports

/// The council's report: every number it prints is the summary's, small groups are hidden, and the calibration
/// snippet goes into a city file as it is.
@Suite("The council's report", .serialized)
struct ProgrammeReportTests {
    /// Twenty visits (each example four times under its own id) and fifteen follow-ups a year later that carried
    /// out the recommended electricity steps and used 80 % of the electricity the advice expected to remain.
    static func register(_ folder: TemporaryDirectory) async throws -> String {
        var visits: [String] = []
        for name in Checkout.exampleNames {
            let text = try String(contentsOfFile: Checkout.examples + "/" + name, encoding: .utf8)
            let id = try #require(text.firstMatch(of: /"visitId": "([^"]+)"/)?.1)
            for copy in 1...4 {
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
        for visit in try await register.visits() where followed < 15 {
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
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let pdf = folder.file("report.pdf")
        let made = await Command.run(
            ["summary", "--format", "pdf", "-o", pdf, "--register", register], environment: environment)
        #expect(made.status == 0, "\(made.stderr)")
        let text = try Self.pdfText(pdf)

        let format = try Self.data.staff("de").localizer.format
        func money(_ x: Any?) -> String { format.money(x as? Double ?? -1, fractionDigits: 0) }
        func number(_ x: Any?) -> String { format.number(x as? Double ?? -1) }
        let households = try #require(summary["households"] as? [String: Any])
        let predicted = try #require(summary["predicted"] as? [String: Any])
        let electricity = try #require(predicted["electricity"] as? [String: Any])
        let heating = try #require(predicted["heating"] as? [String: Any])
        for shown in [
            number(households["advised"]), number(households["persons"]), money(predicted["totalEUR"]),
            number(electricity["kWh"]), number(heating["kWh"]), money(predicted["householdEUR"]),
            money(predicted["jobcenterEUR"]), money(predicted["socialOfficeEUR"]),
            format.percent(households["followUpRate"] as? Double ?? -1),
        ] {
            #expect(
                text.contains(shown.replacingOccurrences(of: "\u{00A0}", with: " ")), "\(shown) is not in the report")
        }
        for measure in try #require(summary["byMeasure"] as? [[String: Any]]) {
            let count = measure["households"] as? Double ?? 0
            let shown = count < 5 ? "< 5" : money(measure["savingEUR"]).replacingOccurrences(of: "\u{00A0}", with: " ")
            #expect(text.contains(shown), "\(measure["kind"] ?? "") \(shown)")
        }
        // The follow-ups used 80 % of what the advice expected: calibration near 80 %, from 15 households.
        let calibration = try #require(summary["calibration"] as? [[String: Any]])
        let led = try #require(calibration.first { $0["kind"] as? String == "led" })
        #expect(led["households"] as? Double == 15)
        let ratio = try #require(led["realisedOverExpected"] as? Double)
        #expect(text.contains(format.percent(ratio).replacingOccurrences(of: "\u{00A0}", with: " ")))
        // No visit id, name or note leaves the register.
        #expect(!text.contains("NUE-2026") && !text.contains("HB-2026"))
    }

    /// The suggested factors and their source, pasted into a copy of the city file, pass `esp tariffs check`.
    @Test func theCalibrationSnippetFitsTheCityFile() async throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteVisitStore.open(path: try await Self.register(folder), access: .read)
        let summary = try await store.summary(VisitFilter())
        let tariffs = try Checkout.data.tariffs.load(cityID: "nuernberg")
        let builder = ProgrammeReportBuilder(
            text: try Self.data.staff("de"), factors: tariffs.reference.realisation,
            dataFiles: [], today: try #require(CalendarDate(iso: "2027-03-01")))
        let code = builder.calibration(summary).code
        #expect(code.count >= 4, "\(code)")
        let data = try folder.copyTariffs()
        let file = data + "/nuernberg.xml"
        var city = try String(contentsOfFile: file, encoding: .utf8)
        city = city.replacingOccurrences(of: "  <sources>\n", with: "  <sources>\n    " + code[0] + "\n")
        city = city.replacingOccurrences(
            of: "</city>", with: code.dropFirst().map { "  " + $0 }.joined(separator: "\n") + "\n</city>")
        try city.write(toFile: file, atomically: true, encoding: .utf8)
        let check = TariffLibrary(directory: data).check()
        #expect(check.errors.isEmpty, "\(check.errors)")
        #expect(try TariffLibrary(directory: data).load(cityID: "nuernberg").city.realisation[.led] != nil)
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
        #expect(lines.first?.hasSuffix("nuernberg  bremen  leipzig") == true)
        #expect(lines.contains { $0.hasPrefix("Beratene Haushalte") && $0.hasSuffix("8       8        8") })
        let pdf = folder.file("compare.pdf")
        #expect(await Command.run(["compare"] + files + ["-o", pdf], environment: environment).status == 0)
        #expect(try Self.pdfText(pdf).contains("Städte im Vergleich"))

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
