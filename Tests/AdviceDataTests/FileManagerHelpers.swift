import Foundation

enum FileManagerHelpers {
    static func createSparse(_ path: String, bytes: UInt64) -> Bool {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.truncate(atOffset: bytes)) != nil
    }

    static func list(_ dir: String, suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(suffix) }.sorted()
    }
}
