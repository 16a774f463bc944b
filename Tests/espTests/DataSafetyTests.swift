import Foundation
import GRDB
import TestSupport
import Testing

/// Kills `esp report` and `esp register add` with SIGKILL at spread-out moments and checks what is left: only
/// complete PDFs, and a register that passes SQLite's integrity check with every visit whole.
@Suite("data safety when killed", .serialized)
struct DataSafetyTests {
    /// Milliseconds after the start at which the process is killed: early (loading), middle, late.
    static let killDelays: [UInt32] = [40, 90, 160, 260, 420, 650]

    static func temporaryFolder() throws -> String {
        let dir = NSTemporaryDirectory() + "esp-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// `count` visit files made from the examples, each with its own id.
    static func visits(_ count: Int, in folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let examples = try CLI.examples.map { try Data(contentsOf: URL(fileURLWithPath: CLI.root + "/" + $0)) }
        for index in 0..<count {
            var visit = try #require(
                try JSONSerialization.jsonObject(with: examples[index % examples.count]) as? [String: Any])
            visit["visitId"] = String(format: "KILL-%04d", index)
            let data = try JSONSerialization.data(withJSONObject: visit, options: [.sortedKeys])
            try data.write(to: URL(fileURLWithPath: folder + String(format: "/v%04d.json", index)))
        }
    }

    /// Starts esp and kills it after `milliseconds`; returns whether it was still running (killed) then.
    static func runAndKill(_ arguments: [String], after milliseconds: UInt32) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(milliseconds * 1000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    @Test func aKilledReportLeavesOnlyCompletePDFs() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.visits(24, in: dir + "/visits")
        var killedWhileWriting = 0
        for (round, delay) in Self.killDelays.enumerated() {
            let out = dir + "/out\(round)"
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let killed = try Self.runAndKill(
                ["report", dir + "/visits", "--out-dir", out, "--jobs", "2"], after: delay)
            let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            if killed && !files.isEmpty && files.count < 24 { killedWhileWriting += 1 }
            for file in files {
                #expect(file.hasSuffix(".pdf") && !file.hasPrefix("."), "round \(round): a leftover file \(file)")
                let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/" + file))
                #expect(bytes.starts(with: Data("%PDF-".utf8)), "round \(round): \(file) does not start like a PDF")
                let tail = String(decoding: bytes.suffix(16), as: UTF8.self)
                #expect(tail.contains("%%EOF"), "round \(round): \(file) is cut off (\(bytes.count) bytes)")
            }
        }
        // At least one kill must have landed while sheets were being written, or the test proved nothing.
        #expect(killedWhileWriting >= 1)
        // Afterwards a full run writes every sheet.
        let out = dir + "/complete"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let result = try CLI.run(["report", dir + "/visits", "--out-dir", out, "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 24)
    }

    @Test func aKilledImportLeavesAWholeRegister() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Visits are stored a hundred to a transaction: 600 give the kills something to cut between.
        try Self.visits(600, in: dir + "/visits")
        let register = dir + "/register.sqlite"
        // Kills at fractions of how long a whole import takes on this machine now: fixed delays land before the
        // first commit on a busy machine and after the last on a quiet one.
        let started = Date()
        #expect(try CLI.run(["register", "add", dir + "/visits", "--register", dir + "/timing.sqlite"]).status == 0)
        let whole = Date().timeIntervalSince(started)
        var partial = 0
        for (round, fraction) in [0.15, 0.3, 0.45, 0.6, 0.75, 0.9].enumerated() {
            // Each round starts from an empty register, so each fraction cuts into the same work.
            for file in [register, register + "-wal", register + "-shm"] {
                try? FileManager.default.removeItem(atPath: file)
            }
            let delay = UInt32(whole * fraction * 1000)
            _ = try Self.runAndKill(["register", "add", dir + "/visits", "--register", register], after: delay)
            guard FileManager.default.fileExists(atPath: register) else { continue }
            let visits = try Self.checkRegister(register, round: round)
            if visits > 0 && visits < 600 { partial += 1 }
            let list = try CLI.run(["register", "list", "--register", register])
            #expect(list.status == 0, "round \(round): \(list.stderr)")
        }
        #expect(partial >= 1, "no kill landed in the middle of an import")
        let finish = try CLI.run(["register", "add", dir + "/visits", "--register", register])
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(try Self.checkRegister(register, round: -1) == 600)
    }

    /// SQLite's integrity check, and every visit whole: its documents there and as many measures stored as its
    /// advice recommends. Returns the number of visits.
    static func checkRegister(_ path: String, round: Int) throws -> Int {
        var config = Configuration()
        config.readonly = false  // a WAL left by the killed process is recovered on open
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok", "round \(round)")
            #expect(try Int.fetchOne(db, sql: "PRAGMA foreign_key_check") == nil, "round \(round)")
            guard try db.tableExists("visit_document") else { return 0 }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT visit_id, advice_json, (SELECT count(*) FROM measure m WHERE m.visit_id = v.visit_id) AS stored
                    FROM visit v JOIN visit_document USING (visit_id)
                    """)
            let visits = try Int.fetchOne(db, sql: "SELECT count(*) FROM visit") ?? 0
            #expect(rows.count == visits, "round \(round): a visit without its documents")
            for row in rows {
                let advice: String = row["advice_json"]
                // The register keeps the recommended steps that save energy; a tariff switch is kept apart.
                let recommended =
                    advice.components(separatedBy: "\"recommended\":true").count - 1
                    - advice.components(separatedBy: "{\"id\":\"tariff-switch\",\"recommended\":true").count + 1
                #expect(
                    row["stored"] == recommended,
                    "round \(round): \(row["visit_id"] as String? ?? "?") has measures missing")
            }
            return visits
        }
    }

    @Test func aFolderStandsForItsVisitFiles() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.visits(3, in: dir + "/visits")
        let added = try CLI.run(["register", "add", dir + "/visits", "--register", dir + "/r.sqlite"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("aufgenommen: KILL-") }.count == 3)

        let oneFile = try CLI.run(["report", dir + "/visits", "-o", dir + "/one.pdf"])
        #expect(oneFile.status == 1)
        #expect(
            oneFile.stderr
                == "esp: -o names one file for 3 visits (a folder stands for all its visit files); use --out-dir\n")

        try FileManager.default.createDirectory(atPath: dir + "/empty", withIntermediateDirectories: true)
        let empty = try CLI.run(["register", "add", dir + "/empty", "--register", dir + "/r.sqlite"])
        #expect(empty.status == 1)
        #expect(empty.stderr == "esp: \(dir)/empty: the folder holds no visit files (*.json)\n")
    }
}
