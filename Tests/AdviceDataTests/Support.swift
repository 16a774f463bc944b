import AdviceData
import Foundation

/// The checkout this test file lives in, for the shipped Tariffs/ and Examples/.
enum Checkout {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static var data: DataDirectory { DataDirectory(root: root) }
    static var tariffs: String { root + "/Tariffs" }
    static var examples: String { root + "/Examples" }
}

/// A temporary folder removed when the value is dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "esp-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// A copy of the shipped Tariffs/ to break on purpose.
    func copyTariffs() throws -> String {
        let target = path + "/Tariffs"
        try FileManager.default.copyItem(atPath: Checkout.tariffs, toPath: target)
        return target
    }
}

/// Runs a throwing call and returns the DataError it threw, or nil.
func dataError<T>(_ body: () throws(DataError) -> T) -> DataError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}
