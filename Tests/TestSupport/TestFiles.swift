import Foundation

/// Files for tests that need an odd one.
public enum TestFiles {
    /// A file of `bytes` bytes that takes no disk space, for size limits.
    public static func createSparse(_ path: String, bytes: UInt64) -> Bool {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { return false }
        defer { try? handle.close() }
        return (try? handle.truncate(atOffset: bytes)) != nil
    }

    /// The names in `folder` that end in `suffix`, sorted.
    public static func list(_ folder: String, suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(suffix) }.sorted()
    }
}
