import Foundation
import TestSupport
import Testing

/// Runs the built `esp` binary like an advisor would and checks what it prints and returns.
enum CLI {
    static let root = Checkout.root

    /// The esp binary sits beside the test bundle in the build folder.
    static var binary: String {
        let testBinary =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("esp").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ESP_DATA")
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static var examples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/Examples")) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { "Examples/" + $0 }
    }
}

@Suite("esp command line", .serialized)
struct CLITests {
    @Test func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "esp 0.3.0 (calculation rules 2, register schema 6)\n")
    }

    @Test func everyExampleGivesTheJSONContract() throws {
        #expect(CLI.examples.count >= 4)
        for example in CLI.examples {
            let result = try CLI.run(["advise", example, "--format", "json"])
            #expect(result.status == 0, "\(example): \(result.stderr)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["schema"] as? String == "esp-advice/2")
            for key in [
                "visitId", "city", "language", "inputs", "tariffs", "electricity", "measures", "totals", "installment",
            ] {
                #expect(object[key] != nil, "\(example) lacks \(key)")
            }
            let totals = try #require(object["totals"] as? [String: Any]).compactMapValues { $0 as? Double }
            let measures = try #require(object["measures"] as? [[String: Any]])
            // The tariff switch is not an energy saving: it stays out of the totals.
            let recommended = measures.filter {
                $0["recommended"] as? Bool == true && $0["id"] as? String != "tariff-switch"
            }
            let sum = recommended.reduce(0.0) { $0 + ($1["savingEUR"] as? Double ?? 0) }
            #expect(
                abs(sum - (totals["savingEUR"] ?? -1)) < 0.005,
                "\(example): totals.savingEUR is not the sum of the measures")
            let parts = (totals["householdEUR"] ?? 0) + (totals["publicEUR"] ?? 0) + (totals["landlordEUR"] ?? 0)
            #expect(abs(parts - (totals["savingEUR"] ?? -1)) < 0.005)
        }
    }

    @Test func textAdviceIsGerman() throws {
        let result = try CLI.run(["advise", "Examples/nuernberg-pensioner.json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Das können Sie tun"))
        #expect(result.stdout.contains("Dietzstr. 4, 90443"))
        // 2,300 kWh · 36.38 ct + 168 € = 1,004.74 €, an estimate read to two significant digits, German style with a
        // no-break space
        #expect(result.stdout.contains("etwa 1.000\u{00A0}€"))
        #expect(result.stderr.isEmpty)
    }

    @Test func badVisitExitsNonZeroWithPath() throws {
        let dir = NSTemporaryDirectory() + "esp-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/bad.json"
        try Data(
            """
            {"schema":"esp-visit/1","visitId":"X","date":"2026-05-01","city":"bremen","colour":"red",
             "household":{"persons":1,"dwelling":"flat","livingAreaM2":40},"electricity":{"annualKWh":2000}}
            """.utf8
        ).write(to: URL(fileURLWithPath: file))
        let result = try CLI.run(["advise", file])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(file):1:75: colour: unknown key"))
    }

    @Test func missingFile() throws {
        let result = try CLI.run(["advise", "Examples/nope.json"])
        #expect(result.status == 1)
        #expect(result.stderr == "esp: Examples/nope.json: cannot read the file: No such file or directory\n")
    }

    @Test func dataFolderWithoutTariffs() throws {
        let result = try CLI.run(["advise", CLI.examples[0], "--data", "/tmp"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no esp data folder (with Tariffs/) found; looked in:\n  - /tmp (--data)"))
    }

    @Test func tariffsCheckPassesOnShippedFiles() throws {
        let result = try CLI.run(["tariffs", "check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Referenzdaten und 3 Stadtdateien sind gültig"))
        // In English on request.
        let english = try CLI.run(["tariffs", "check"], environment: ["ESP_STAFF_LANG": "en"])
        #expect(english.stdout.hasSuffix("reference data and 3 city files are valid\n"))
    }

    /// 2027-11-15 is 46 days before the shipped files' validUntil: five warnings (reference, energy law, three
    /// cities), exit 0.
    @Test func tariffsCheckWarnsBeforeTheDataRunsOut() throws {
        let result = try CLI.run(["tariffs", "check"], environment: ["ESP_TODAY": "2027-11-15"])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("Referenzdaten und 3 Stadtdateien sind gültig, 5\u{00A0}Warnungen\n"))
        #expect(
            result.stderr.contains(
                "\(CLI.root)/Tariffs/leipzig.xml: warning: validUntil 2027-12-31 is in 46 days: check the prices and renew the date before then\n"
            ))
        let typo = try CLI.run(["tariffs", "check"], environment: ["ESP_TODAY": "15.11.2027"])
        #expect(typo.status == 1)
        #expect(typo.stderr == "esp: ESP_TODAY=15.11.2027 is not a date: use YYYY-MM-DD, e.g. 2027-11-15\n")
    }

    @Test func tariffsCheckReportsLines() throws {
        let dir = NSTemporaryDirectory() + "esp-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: CLI.root + "/Tariffs", toPath: dir)
        let file = dir + "/nuernberg.xml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(
                of: "validFrom=\"2026-01-01\" validUntil=\"2027-12-31\"",
                with: "validFrom=\"2026-01-01\" validUntil=\"2027-13-31\"")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["tariffs", "check", dir])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):13: <city> validUntil=\"2027-13-31\" is not a date: use YYYY-MM-DD"))
        #expect(result.stderr.contains("validUntil"))
    }

    @Test func tariffsList() throws {
        let result = try CLI.run(["tariffs", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("leipzig: Leipzig"))
        #expect(
            result.stdout.contains(
                "electricity l-strom-basis: Leipziger Stadtwerke L-Strom.basis (Grundversorgung), Grundpreis von 2024, 30.86 ct/kWh + 168 €/year"
            ))
    }
}

@Suite("esp report", .serialized)
struct ReportCLITests {
    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "esp-report-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func batchWritesOnePDFPerVisitAndReportsFailures() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = dir + "/bad.json"
        try Data("{\"schema\": \"esp-visit/1\"".utf8).write(to: URL(fileURLWithPath: bad))
        // A visit with a warning for the advisor: the pensioner's bill typed with one zero too many.
        let pensioner = try String(contentsOfFile: CLI.root + "/Examples/nuernberg-pensioner.json", encoding: .utf8)
        let warned = dir + "/warned.json"
        try pensioner.replacingOccurrences(of: "\"annualKWh\": 2300", with: "\"annualKWh\": 23000")
            .replacingOccurrences(of: "NUE-2026-0142", with: "NUE-2026-0143")
            .write(toFile: warned, atomically: true, encoding: .utf8)
        // The out folder does not exist yet: it is made (mode 0700), and the good visits print.
        let run = try CLI.run(["report"] + CLI.examples + [warned, bad, "--out-dir", dir + "/out", "--jobs", "2"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(bad):1:"))
        #expect(run.stderr.contains("esp: 7 von 8 Beratungsblättern geschrieben, 1 fehlgeschlagen"))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
        #expect(
            files == [
                "HB-2026-0057.pdf", "HB-2026-0112.pdf", "L-2026-0231.pdf", "L-2026-0305.pdf", "NUE-2026-0142.pdf",
                "NUE-2026-0143.pdf",
                "NUE-2026-0187.pdf",
            ])
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/out")[.posixPermissions] as? Int
        #expect(mode == 0o700)
        // The advisor's warnings reach the clerk, named by visit.
        #expect(run.stderr.contains("esp: warning: NUE-2026-0143: Der Stromverbrauch von 23.000"))
        // Not a terminal: no progress bar characters.
        #expect(!run.stderr.contains("[#"))
    }

    /// Two files with one visit id: the second is refused by name, even with --force, and counted as failed; the
    /// count is the truth (one sheet on disk).
    @Test func aSecondVisitWithTheSameIdIsRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let visits = dir + "/visits"
        try FileManager.default.createDirectory(atPath: visits, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: CLI.root + "/Examples/nuernberg-pensioner.json", encoding: .utf8)
        try text.write(toFile: visits + "/a.json", atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "\"persons\": 1", with: "\"persons\": 2")
            .write(toFile: visits + "/b.json", atomically: true, encoding: .utf8)
        let run = try CLI.run(["report", visits, "--out-dir", dir + "/out", "--force"])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "esp: \(visits)/b.json: die Besuchsnummer NUE-2026-0142 ist in diesem Stapel schon vergeben (\(visits)/a.json); kein Blatt geschrieben"
            ))
        #expect(run.stderr.contains("esp: 1 von 2 Beratungsblättern geschrieben, 1 fehlgeschlagen"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out") == ["NUE-2026-0142.pdf"])
    }

    @Test func existingFileNeedsForce() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/sheet.pdf"
        let first = try CLI.run(["report", "Examples/nuernberg-pensioner.json", "-o", out])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(["report", "Examples/nuernberg-pensioner.json", "-o", out])
        #expect(second.status == 1)
        #expect(second.stderr.contains("\(out) exists already; use --force to overwrite it"))
        let forced = try CLI.run(["report", "Examples/nuernberg-pensioner.json", "-o", out, "--force"])
        #expect(forced.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["sheet.pdf"])
    }

    @Test func reproducibleWithSourceDateEpoch() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["a.pdf", "b.pdf"] {
            let result = try CLI.run(
                ["report", "Examples/leipzig-couple-tr.json", "--second-language", "de", "-o", dir + "/" + name],
                environment: ["SOURCE_DATE_EPOCH": "1773482400"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.pdf"))
        #expect(a == b)
    }

    @Test func cityWithoutOfficeIsAnErrorPerVisit() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: CLI.root + "/Tariffs", toPath: dir + "/Tariffs")
        try FileManager.default.copyItem(atPath: CLI.root + "/Locales", toPath: dir + "/Locales")
        let file = dir + "/Tariffs/leipzig.xml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("<office ") }.joined(
                separator: "\n")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "report", CLI.root + "/Examples/leipzig-couple-tr.json", CLI.root + "/Examples/bremen-house-heatpump.json",
            "--data", dir, "--out-dir", dir,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the tariff file of leipzig has no <office>"))
        #expect(FileManager.default.fileExists(atPath: dir + "/HB-2026-0112.pdf"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/L-2026-0231.pdf"))
    }

    @Test func oneFileForManyVisitsIsAUsageError() throws {
        let result = try CLI.run([
            "report", "Examples/leipzig-couple-tr.json", "Examples/nuernberg-pensioner.json", "-o", "/tmp/x.pdf",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("use --out-dir for 2 visits"))
    }
}
