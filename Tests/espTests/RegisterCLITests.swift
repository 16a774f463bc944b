import Foundation
import TestSupport
import Testing

@Suite("esp register, followup and summary", .serialized)
struct RegisterCLITests {
    /// The summary's total is the sum of the examples' expected advice totals:
    /// 569.44 + 32.76 + 138.92 + 203.14 + 259.21 = 1,203.47 €.
    @Test func registerFollowUpAndSummary() throws {
        let dir = NSTemporaryDirectory() + "esp-register-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/register.sqlite"
        let add = try CLI.run(["register", "add"] + CLI.examples + ["--register", db])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.components(separatedBy: "aufgenommen: ").count - 1 == CLI.examples.count)
        let mode = try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        var total = 0.0
        for example in CLI.examples {
            let json = try CLI.run(["advise", example, "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            total += (object["totals"] as? [String: Any])?["savingEUR"] as? Double ?? 0
        }
        let summary = try CLI.run(["summary", "--format", "json", "--register", db])
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("1203.47"))
        #expect(abs(total - 1203.47) < 0.005)

        // 1,450 kWh in 182 days → 2,907.97 kWh/year; 3,400 − 2,907.97 = 492.03 kWh/year saved; in English on request.
        let follow = try CLI.run([
            "followup", "NUE-2026-0187", "--date", "2026-09-09", "--meter-at-visit", "10000",
            "--electricity-meter", "11450", "--implemented", "LED,standby", "--register", db, "--lang", "en",
        ])
        #expect(follow.status == 0, "\(follow.stderr)")
        #expect(follow.stdout.contains("Electricity: now 2,908 kWh a year, saved 492 kWh a year"))
        let falling = try CLI.run([
            "followup", "NUE-2026-0187", "--date", "2026-10-09", "--electricity-meter", "11000", "--register", db,
        ])
        #expect(falling.status == 1)
        let unknown = try CLI.run([
            "followup", "NOPE", "--date", "2026-10-09", "--electricity-meter", "1", "--register", db,
        ])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("NOPE"))

        let export = try CLI.run(["register", "export", "--format", "csv", "--register", db])
        #expect(!export.stdout.contains("NUE-2026-0187"))
        #expect(!export.stdout.contains("Zählerstand"))
        let withIDs = try CLI.run(["register", "export", "--format", "csv", "--with-ids", "--register", db])
        #expect(withIDs.stdout.contains("NUE-2026-0187"))
    }

    @Test func foreignFileIsRefusedAndUntouched() throws {
        let dir = NSTemporaryDirectory() + "esp-register-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/notes.txt"
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: file))
        let result = try CLI.run(["register", "list", "--register", file])
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "not a database")
    }
}
