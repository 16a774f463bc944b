import Foundation
import TestSupport
import Testing

@Suite("esp visit", .serialized)
struct VisitCLITests {
    /// The pensioner's visit as piped answers, one per question in order (empty = the default in [ ]).
    static let answers = [
        "nuernberg", "", "17.02.2026", "NUE-2026-0142",  // visit
        "1", "", "48",  // household
        "2", "41234,5", "2300", "68 €", "", "",  // hot water, reading, bill, installment, price, switch
        "Küche: 1 × 60 W Glühlampe 4 h", "Wohnzimmer: 3 x 40 W Halogen 5 h", "Flur: 40 W Glühlampe 1,5 h", "",  // lamps
        "", "20", "0,95", "",  // fridge
        "Fernseher + Receiver: 12 W", "", "",  // standby, its kind (the guess: TV), no more
        "5 × 6 min", "1 l in 5 s",  // showers
        "1 l in 5 s", "",  // taps
        "1", "n", "ja", "j",  // hand-outs
        "", "6050", "", "70", "22", "", "", "", "",  // heating
        "grundsicherung", "", "",  // benefit, heating and water payers
        "",  // no arrears
        "AB", "",  // advisor, notes
        "",  // recap: save
    ]

    func run(_ arguments: [String], input: [String]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data((input.joined(separator: "\n") + "\n").utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: "")
    }

    /// Piped answers give a valid visit file; stopping half-way and resuming gives the same bytes.
    @Test func pipedSessionAndResume() throws {
        let dir = NSTemporaryDirectory() + "esp-visit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // After the recap the advice is shown; an unknown answer at the sheet question is asked again, then "j"
        // writes the household's sheet.
        let whole = try run(["visit", "new", "-o", dir + "/whole.json"], input: Self.answers + ["x", "j"])
        #expect(whole.status == 0, "\(whole.stdout)")
        #expect(whole.stdout.contains("Nicht übernommen: Bitte „j“ (ja) oder „n“ (nein) eingeben."))
        #expect(whole.stdout.contains("Das können Sie tun"))
        #expect(FileManager.default.fileExists(atPath: dir + "/whole.pdf"))
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/whole.json")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let advice = try CLI.run(["advise", dir + "/whole.json", "--format", "json"])
        #expect(advice.status == 0)
        #expect(advice.stdout.contains("\"visitId\": \"NUE-2026-0142\""))

        // Another folder: in this one the visit id is taken now.
        let other = dir + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        let first = try run(["visit", "new", "-o", other + "/split.json"], input: Array(Self.answers.prefix(20)))
        #expect(first.status == 3, "\(first.stdout)")
        #expect(FileManager.default.fileExists(atPath: other + "/split.json.draft"))
        #expect(!FileManager.default.fileExists(atPath: other + "/split.json"))
        let rest = try run(
            ["visit", "resume", other + "/split.json.draft", "-o", other + "/split.json"],
            input: Array(Self.answers.dropFirst(20)))
        #expect(rest.status == 0, "\(rest.stdout)")
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/whole.json"))
        let b = try Data(contentsOf: URL(fileURLWithPath: other + "/split.json"))
        #expect(a == b)

        // Resumed into the first folder, the same draft must not make a second NUE-2026-0142 there.
        let third = dir + "/third"
        try FileManager.default.createDirectory(atPath: third, withIntermediateDirectories: true)
        _ = try run(["visit", "new", "-o", third + "/again.json"], input: Array(Self.answers.prefix(20)))
        let clash = try run(
            ["visit", "resume", third + "/again.json.draft", "-o", dir + "/OTHER.json"],
            input: ["NUE-2026-0143"] + Array(Self.answers.dropFirst(20)))
        #expect(clash.status == 0, "\(clash.stdout)")
        #expect(clash.stdout.contains("Die Besuchsnummer NUE-2026-0142 hat schon \(dir)/whole.json"))
        let again = try String(contentsOfFile: dir + "/OTHER.json", encoding: .utf8)
        #expect(again.contains("\"visitId\": \"NUE-2026-0143\""))
    }

    /// A process killed with SIGKILL mid-session loses no answer: resuming gives the same visit.
    @Test func killedSessionResumes() throws {
        let dir = NSTemporaryDirectory() + "esp-visit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["visit", "new", "-o", dir + "/killed.json"]
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data((Self.answers.prefix(15).joined(separator: "\n") + "\n").utf8))
        // Wait until the draft holds all 15 answers, then kill without warning.
        let draft = dir + "/killed.json.draft"
        for _ in 0..<100 {
            if let text = try? String(contentsOfFile: draft, encoding: .utf8),
                text.components(separatedBy: "\"question\"").count - 1 >= 15
            {
                break
            }
            usleep(50_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let resumed = try run(
            ["visit", "resume", draft, "-o", dir + "/killed.json"], input: Array(Self.answers.dropFirst(15)))
        #expect(resumed.status == 0, "\(resumed.stdout)")
        try FileManager.default.createDirectory(atPath: dir + "/other", withIntermediateDirectories: true)
        let whole = try run(["visit", "new", "-o", dir + "/other/whole.json"], input: Self.answers)
        #expect(whole.status == 0)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: dir + "/killed.json"))
                == Data(contentsOf: URL(fileURLWithPath: dir + "/other/whole.json")))
    }

    /// `esp visit edit`: the recap first, an answer changed by its id, the file replaced after the recap.
    @Test func editChangesAFinishedVisit() throws {
        let dir = NSTemporaryDirectory() + "esp-visit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/NUE-2026-0142.json"
        try FileManager.default.copyItem(atPath: CLI.root + "/Examples/nuernberg-pensioner.json", toPath: file)
        let edited = try run(["visit", "edit", file], input: ["household.persons", "2", "", "n"])
        #expect(edited.status == 0, "\(edited.stdout)")
        #expect(edited.stdout.contains("Haushalt: 1 Person, Wohnung 48 m²"))
        #expect(edited.stdout.contains("Änderungen speichern? (NUE-2026-0142.json wird ersetzt)"))
        #expect(edited.stdout.contains("Besuch gespeichert: \(file)"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\"persons\": 2"))
        #expect(!FileManager.default.fileExists(atPath: file + ".draft"))
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // A new visit whose file name is the id of this one is refused before the first question.
        try FileManager.default.moveItem(atPath: file, toPath: dir + "/old.json")
        let refused = try run(["visit", "new", "-o", dir + "/NUE-2026-0142.json"], input: Self.answers)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("Die Besuchsnummer NUE-2026-0142 (aus dem Dateinamen"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/NUE-2026-0142.json.draft"))
    }

    /// Issue 18: after `esp visit edit`, a confirmed "write the sheet now" must not keep the sheet of the visit before
    /// the edit. The question says the file is replaced, and a yes replaces it.
    @Test func aConfirmedSheetReplacesAStaleOne() throws {
        let dir = NSTemporaryDirectory() + "esp-visit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/NUE-2026-0142.json"
        let pdf = dir + "/NUE-2026-0142.pdf"
        try FileManager.default.copyItem(atPath: CLI.root + "/Examples/nuernberg-pensioner.json", toPath: file)
        try Data("stale sheet of the visit before the edit".utf8).write(to: URL(fileURLWithPath: pdf))
        let edited = try run(["visit", "edit", file], input: ["household.persons", "2", "", "j"])
        #expect(edited.status == 0, "\(edited.stdout)")
        #expect(
            edited.stdout.contains("Beratungsblatt für den Haushalt neu schreiben (\(pdf) wird ersetzt)? (j/n) [j]: "))
        #expect(edited.stdout.contains("Beratungsblatt gespeichert: \(pdf)"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.starts(with: Array("%PDF".utf8)))
    }

    @Test func corruptDraftIsRefusedAndKept() throws {
        let dir = NSTemporaryDirectory() + "esp-visit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let draft = dir + "/x.draft"
        try Data("{\"schema\": \"something-else\"}".utf8).write(to: URL(fileURLWithPath: draft))
        let result = try run(["visit", "resume", draft], input: [])
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: draft, encoding: .utf8) == "{\"schema\": \"something-else\"}")
    }
}
