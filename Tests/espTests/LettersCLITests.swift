import Foundation
import SafeFiles
import TestSupport
import Testing

/// `esp letters`: the household's letters written as files, all or none, and the name and address of the visit
/// never leaving it for the register's exports and summaries.
@Suite("esp letters")
struct LettersCLITests {
    static let example = Checkout.examples + "/leipzig-family-threat.json"

    @Test func writesOneFilePerLetterAndNamesThem() async throws {
        let folder = try TemporaryDirectory()
        let out = folder.path + "/briefe"
        let result = await Command.run(["letters", Self.example, "--out-dir", out])
        #expect(result.status == 0, "\(result.stderr)")
        let paths = ["L-2026-0305-1-strom-versorger.pdf", "L-2026-0305-1-strom-jobcenter.pdf"].map { out + "/" + $0 }
        #expect(result.stdout == paths.map { $0 + "\n" }.joined())
        for path in paths {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(path) describes a household")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).starts(with: Array("%PDF".utf8)))
        }
        // All or none: with one letter in the way nothing is written, and --force replaces both.
        try FileManager.default.removeItem(atPath: paths[1])
        let again = await Command.run(["letters", Self.example, "--out-dir", out])
        #expect(again.status == 1)
        #expect(again.stderr == "esp: \(paths[0]) exists already; use --force to overwrite it\n")
        #expect(!FileManager.default.fileExists(atPath: paths[1]))
        #expect(await Command.run(["letters", Self.example, "--out-dir", out, "--force"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: paths[1]))
    }

    @Test func aVisitWithoutDebtsHasNoLetters() async throws {
        let folder = try TemporaryDirectory()
        let result = await Command.run([
            "letters", Checkout.examples + "/nuernberg-pensioner.json", "--out-dir", folder.path,
        ])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "esp: visit NUE-2026-0142 records no energy debt (energyDebt[] in the visit file): there are no letters to write\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// The name and address go into the letters and the register's stored visit, never into an export, a summary or
    /// the advice.
    @Test func theNameStaysOutOfExportsAndSummaries() async throws {
        let folder = try TemporaryDirectory()
        let visit = try folder.write(
            "visit.json",
            try String(contentsOfFile: Self.example, encoding: .utf8).replacingOccurrences(
                of: #""benefit": "buergergeld""#,
                with: #""benefit": "buergergeld", "name": "Anna Quappenmuster", "address": "Unkenweg 7, 04109 Leipzig""#
            ))
        let letters = await Command.run(["letters", visit, "--out-dir", folder.path + "/out"])
        #expect(letters.status == 0, "\(letters.stderr)")
        let supplierLetter = folder.path + "/out/L-2026-0305-1-strom-versorger.pdf"
        #expect(try LetterFiles.pdfText(supplierLetter).contains("Anna Quappenmuster"))
        let register = folder.path + "/register.sqlite"
        #expect(await Command.run(["register", "add", visit, "--register", register]).status == 0)
        for command in [
            ["register", "export", "--format", "csv"], ["register", "export", "--format", "json"],
            ["summary", "--format", "json"], ["summary", "--format", "csv"], ["register", "list"],
            ["register", "show", "L-2026-0305"], ["advise", visit, "--format", "json"], ["advise", visit],
        ] {
            let arguments = command.first == "advise" ? command : command + ["--register", register]
            let result = await Command.run(arguments)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            for secret in ["Quappenmuster", "Unkenweg"] {
                #expect(!result.stdout.contains(secret), "\(command) shows \(secret)")
            }
        }
    }
}

enum LetterFiles {
    static func pdfText(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
