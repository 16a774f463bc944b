import Foundation
import TestSupport
import Testing

/// What every command prints, run in process against checked-in files (Tests/espTests/Golden): advise as text and
/// JSON, the data checks, the register, follow-ups and the summary. Paths of the checkout and of the temporary
/// register read `$ROOT` and `$TMP`, clock times `<time>`. `make golden` rewrites the files.
@Suite("Golden files of the commands", .serialized)
struct CommandGoldenTests {
    static let golden = GoldenFiles("Tests/espTests/Golden")
    static let pensioner = Checkout.examples + "/nuernberg-pensioner.json"
    /// A day on which the shipped data is current, so the checks' answers do not change with the calendar.
    static let environment = ["ESP_DATA": Checkout.root, "ESP_TODAY": "2027-03-01"]

    /// `$ esp …`, the exit status, standard output and standard error, with the paths and times that change from
    /// run to run replaced.
    static func transcript(_ arguments: [String], temporary: String? = nil) async -> String {
        let result = await Command.run(arguments, environment: environment)
        func normal(_ text: String) -> String {
            var text = text
            if let temporary { text = text.replacingOccurrences(of: temporary, with: "$TMP") }
            text = text.replacingOccurrences(of: Checkout.root, with: "$ROOT")
            return text.replacing(
                /[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z?/, with: "<time>")
        }
        let shown = arguments.map { normal($0) }.joined(separator: " ")
        return "$ esp \(shown)\n--- exit status \(result.status)\n--- standard output\n\(normal(result.stdout))"
            + "--- standard error\n\(normal(result.stderr))"
    }

    @Test func advise() async throws {
        try Self.golden.check(await Self.transcript(["advise", Self.pensioner]), file: "advise.txt")
        try Self.golden.check(await Self.transcript(["advise", Self.pensioner, "--lang", "tr"]), file: "advise-tr.txt")
        try Self.golden.check(
            await Self.transcript(["advise", Self.pensioner, "--format", "json"]), file: "advise-json.txt")
        try Self.golden.check(
            await Self.transcript(["advise", Checkout.examples + "/missing.json"]), file: "advise-missing.txt")
    }

    @Test func dataChecks() async throws {
        try Self.golden.check(await Self.transcript(["tariffs", "check"]), file: "tariffs-check.txt")
        try Self.golden.check(await Self.transcript(["tariffs", "list"]), file: "tariffs-list.txt")
        try Self.golden.check(await Self.transcript(["locales", "check"]), file: "locales-check.txt")
        try Self.golden.check(await Self.transcript(["locales", "list"]), file: "locales-list.txt")
    }

    /// A clerk's month: every example into a new register, a follow-up, then what the office reads back.
    @Test func registerFollowUpAndSummary() async throws {
        let folder = try TemporaryDirectory()
        let register = ["--register", folder.file("register.sqlite")]
        func check(_ arguments: [String], _ file: String) async throws {
            try Self.golden.check(await Self.transcript(arguments + register, temporary: folder.path), file: file)
        }
        try await check(["register", "add", Checkout.examples], "register-add.txt")
        try await check(
            [
                "followup", "NUE-2026-0187", "--date", "2026-03-26", "--electricity-meter", "5000",
                "--meter-at-visit", "4900",
            ], "followup-short.txt")
        try await check(
            ["followup", "HB-2026-0057", "--date", "2027-02-01", "--heating-kwh", "8000"],
            "followup-estimated-heating.txt")
        try await check(
            [
                "followup", "NUE-2026-0142", "--date", "2026-06-01", "--electricity-meter", "1",
                "--meter-at-visit", "0", "--implemented", "tap-aerator",
            ], "followup-not-recommended.txt")
        try await check(
            [
                "followup", "NUE-2026-0142", "--date", "2027-02-17", "--meter-at-visit", "10000",
                "--electricity-meter", "12000", "--implemented", "led,standby",
            ], "followup.txt")
        try await check(["register", "list"], "register-list.txt")
        try await check(["register", "show", "NUE-2026-0142"], "register-show.txt")
        try await check(["register", "show", "NOT-THERE"], "register-show-unknown.txt")
        try await check(["register", "export", "--format", "csv", "--with-ids"], "register-export.csv.txt")
        try await check(["summary"], "summary.txt")
        try await check(["summary", "--lang", "en"], "summary-en.txt")
        try await check(["summary", "--city", "fuerth"], "summary-unknown-city.txt")
        try await check(["summary", "--from", "2026-12-31", "--to", "2026-01-01"], "summary-reversed-dates.txt")
        try await check(["register", "list", "--lang", "en"], "register-list-en.txt")
        try await check(["summary", "--format", "csv"], "summary-csv.txt")
        try await check(["summary", "--format", "json"], "summary-json.txt")
        try await check(["calibration", "--city", "nuernberg"], "calibration.txt")
        try await check(["register", "show", "HB-2026-0057", "--lang", "en"], "register-show-en.txt")
    }
}

@Suite("esp locales new", .serialized)
struct LocalesNewTests {
    /// A city adds the language its households speak: a template with every unit, 0 % until translated; a second
    /// run keeps the work already done unless --force.
    @Test func aTemplateWithEveryUnit() async throws {
        let data = try TemporaryDirectory()
        let root = try data.copyData()
        let environment = ["ESP_DATA": root]
        let units =
            try String(contentsOfFile: Checkout.locales + "/de.xlf", encoding: .utf8)
            .components(separatedBy: "<unit id=").count - 1
        let first = await Command.run(["locales", "new", "fa"], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("\(root)/Locales/fa.xlf: \(units) units to translate."))
        let template = try data.read("Locales/fa.xlf")
        #expect(template.contains("trgLang=\"fa\""))
        #expect(template.components(separatedBy: "<target></target>").count - 1 == units)
        let check = await Command.run(["locales", "check"], environment: environment)
        #expect(
            check.stdout.contains(
                "fa: 0/\(units) units (0 %), missing: \(units) units (sheet.title, sheet.visit, office.line, …)"))
        let again = await Command.run(["locales", "new", "fa"], environment: environment)
        #expect(again.status == 1)
        #expect(again.stderr == "esp: \(root)/Locales/fa.xlf exists already; use --force to start it anew\n")
        let bad = await Command.run(["locales", "new", "Ukrainisch"], environment: environment)
        #expect(bad.stderr == "esp: \"Ukrainisch\" is not a language tag: use e.g. uk, ar, fa or pt-BR\n")
    }
}
