import Foundation
import SafeXML
import Testing

/// Parses a string literal as UTF-8.
func parse(_ text: String, fileName: String = "test.xml", maxBytes: Int = 16 << 20) throws(XMLError) -> XMLDocument {
    try XMLDocument.parse(bytes: Array(text.utf8), fileName: fileName, maxBytes: maxBytes)
}

/// The `XMLError` that `body` throws, or nil when it succeeds.
///
/// Untyped `throws` because closures inside `#require` do not pick up a typed
/// throw from context.
func xmlError<T>(_ body: () throws -> T) -> XMLError? {
    do {
        _ = try body()
        return nil
    } catch let error as XMLError {
        return error
    } catch {
        Issue.record("expected XMLError, got \(error)")
        return nil
    }
}

/// A fresh file in a private temporary directory, removed by `cleanUp()`.
struct TemporaryFile {
    let directory: URL
    let path: String

    init(named name: String, contents: [UInt8]) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("SafeXMLTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents).write(to: url)
        path = url.path
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
    }
}
