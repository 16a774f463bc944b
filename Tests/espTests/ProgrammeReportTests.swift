import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing
import VisitRegister

@testable import AdviceWorkflows

/// The council's report: every number it prints is the summary's, small groups are hidden, and the calibration
/// snippet goes into a city file as it is.
@Suite("The council's report", .serialized)
struct ProgrammeReportTests {
    /// Twenty visits (each example four times under its own id) and fifteen follow-ups a year later that carried
    /// out the recommended electricity steps and used 80 % of the electricity the advice expected to remain.
    static func register(_ folder: TemporaryDirectory) throws -> String {
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
        let register = try VisitRegister.open(path: path)
        #expect(register.add(visitPaths: visits, session: Checkout.session()).allSatisfy { $0.error == nil })
        var followed = 0
        for visit in try register.list() where followed < 15 {
            let steps = visit.measures.filter { $0.electricityKWh > 0 }
            guard !steps.isEmpty, let later = CalendarDate(year: visit.date.year + 1, month: visit.date.month, day: 1)
            else { continue }
            let expected = steps.reduce(0) { $0 + $1.electricityKWh }
            let used = (visit.electricityKWh - 0.8 * expected) * Double(later.dayNumber - visit.date.dayNumber) / 365
            _ = try register.followUp(
                visitId: visit.visitId, date: later, electricityKWhSinceFirstVisit: used,
                implemented: steps.map(\.kind))
            followed += 1
        }
        return path
    }

    @Test func everyNumberIsTheSummarys() throws {
        let folder = try TemporaryDirectory()
        let register = try Self.register(folder)
        let environment = ["ESP_DATA": Checkout.root, "ESP_TODAY": "2027-03-01", "SOURCE_DATE_EPOCH": "1772323200"]
        let json = Command.run(["summary", "--format", "json", "--register", register], environment: environment)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let pdf = folder.file("report.pdf")
        let made = Command.run(
            ["summary", "--format", "pdf", "-o", pdf, "--register", register], environment: environment)
        #expect(made.status == 0, "\(made.stderr)")
        let text = try Self.pdfText(pdf)

        let format = try Advisor(data: Checkout.data).staff("de").localizer.format
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
    @Test func theCalibrationSnippetFitsTheCityFile() throws {
        let folder = try TemporaryDirectory()
        let register = try VisitRegister.open(path: try Self.register(folder))
        let summary = try register.summary()
        let tariffs = try Checkout.data.tariffs.load(cityID: "nuernberg")
        let builder = ProgrammeReportBuilder(
            text: try Advisor(data: Checkout.data).staff("de"), factors: tariffs.reference.realisation,
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
    @Test func citiesSideBySide() throws {
        let folder = try TemporaryDirectory()
        let register = try Self.register(folder)
        let environment = ["ESP_DATA": Checkout.root, "ESP_TODAY": "2027-03-01"]
        var files: [String] = []
        for city in ["nuernberg", "bremen", "leipzig"] {
            let summary = Command.run(
                ["summary", "--format", "json", "--city", city, "--register", register], environment: environment)
            files.append(try folder.write("\(city).json", summary.stdout))
        }
        let text = Command.run(["compare"] + files, environment: environment)
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("nuernberg  bremen  leipzig") == true)
        #expect(lines.contains { $0.hasPrefix("Beratene Haushalte") && $0.hasSuffix("8       8        8") })
        let pdf = folder.file("compare.pdf")
        #expect(Command.run(["compare"] + files + ["-o", pdf], environment: environment).status == 0)
        #expect(try Self.pdfText(pdf).contains("Städte im Vergleich"))

        let twice = Command.run(["compare", files[0], files[0]], environment: environment)
        #expect(
            twice.stderr
                == "esp: \(files[0]): a second summary of nuernberg (the first is \(files[0])); give one per city\n")
        let all = Command.run(["summary", "--format", "json", "--register", register], environment: environment)
        let mixed = try folder.write("all.json", all.stdout)
        #expect(
            Command.run(["compare", mixed, files[1]], environment: environment).stderr
                == "esp: \(mixed): the summary covers bremen, leipzig, nuernberg; make one per city with --city\n")
        let export = Command.run(
            ["register", "export", "--format", "json", "--register", register], environment: environment)
        let rows = try folder.write("export.json", export.stdout)
        #expect(
            Command.run(["compare", rows, files[1]], environment: environment).stderr.hasPrefix(
                "esp: \(rows): a per-household export (esp-register-export/1); compare takes only aggregates"))
        let newer = try folder.write(
            "newer.json",
            try String(contentsOfFile: files[0], encoding: .utf8)
                .replacingOccurrences(of: "esp-programme-summary/1", with: "esp-programme-summary/2"))
        #expect(
            Command.run(["compare", newer, files[1]], environment: environment).stderr
                == "esp: \(newer): esp-programme-summary/2 is from a newer esp; this esp reads esp-programme-summary/1\n"
        )
        #expect(Command.run(["compare", files[0]], environment: environment).status == 1)
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
