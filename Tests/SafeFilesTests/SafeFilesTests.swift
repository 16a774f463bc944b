import Foundation
import SafeFiles
import TestSupport
import Testing

@Suite("SafeFiles: reading, atomic writing, paths")
struct SafeFilesTests {
    let directory: TemporaryDirectory
    var folder: String { directory.path }

    init() throws {
        directory = try TemporaryDirectory()
    }

    func names() throws -> [String] { try directory.names() }

    @Test func readsUpToTheLimitAndRefusesOneByteMore() throws {
        let path = folder + "/a.txt"
        try AtomicFile.write(Array("12345".utf8), to: path, replacing: false)
        #expect(try FileReader.bytes(atPath: path, maxBytes: 5) == Array("12345".utf8))
        #expect(throws: FileError.tooLarge(path: path, limitBytes: 4)) {
            try FileReader.bytes(atPath: path, maxBytes: 4)
        }
        #expect(throws: FileError.unreadable(path: folder, reason: "Is a directory")) {
            try FileReader.bytes(atPath: folder, maxBytes: 10)
        }
        #expect(throws: FileError.unreadable(path: folder + "/none", reason: "No such file or directory")) {
            try FileReader.bytes(atPath: folder + "/none", maxBytes: 10)
        }
    }

    @Test func writesWithModeAndNeverReplacesUnasked() throws {
        let path = folder + "/visit.json"
        try AtomicFile.write(Array("first".utf8), to: path, replacing: false)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: FileError.exists(path: path)) {
            try AtomicFile.write(Array("second".utf8), to: path, replacing: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        try AtomicFile.write(Array("third".utf8), to: path, replacing: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "third")
        #expect(try names() == ["visit.json"], "no temporary file is left behind")
    }

    /// A file that appears between opening and naming is kept: the new one is not linked over it.
    @Test func aFileThatAppearsMeanwhileIsKept() throws {
        let path = folder + "/sheet.pdf"
        let file = try AtomicFile(creating: path, replacing: false)
        try file.write(Array("new".utf8))
        try Data("theirs".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: FileError.exists(path: path)) { try file.commit() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "theirs")
        #expect(try names() == ["sheet.pdf"])
    }

    @Test func aFileDroppedBeforeCommitLeavesNothing() throws {
        do {
            let file = try AtomicFile(creating: folder + "/half.pdf", replacing: false)
            try file.write(Array("half".utf8))
        }
        #expect(try names().isEmpty)
    }

    @Test func pathsAsTheCommandLineGivesThem() {
        #expect(FilePath.join(".", "a.json") == "a.json")
        #expect(FilePath.join("dir/", "a.json") == "dir/a.json")
        #expect(FilePath.join("dir", "a.json") == "dir/a.json")
        #expect(FilePath.directory(of: "a.json") == ".")
        #expect(FilePath.directory(of: "/a.json") == "/")
        #expect(FilePath.directory(of: "x/y/") == "x")
        #expect(FilePath.name(of: "x/y.json") == "y.json")
    }

    @Test func lockedCountsEveryIncrementFromManyThreads() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<1000 { counter.withLock { $0 += 1 } }
        }
        #expect(counter.withLock { $0 } == 8000)
    }
}
