import Foundation

/// A temporary folder removed when the value is dropped.
public final class TemporaryDirectory: @unchecked Sendable {
    /// The folder's full path.
    public let path: String

    /// A new, empty folder under the system's temporary folder.
    public init() throws {
        path = NSTemporaryDirectory() + "esp-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The full path of `name` in the folder; nothing is created.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` (folders in the name are created) and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    /// Writes `data` to `name` (folders in the name are created) and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ data: Data) throws -> String {
        let file = file(name)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The text of the file `name`, as UTF-8.
    public func read(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }

    /// A file or folder `name` is in the folder.
    public func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }

    /// Permission bits, e.g. 0o600.
    public func mode(_ name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: file(name))
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// The names directly in the folder, sorted.
    public func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }

    /// A copy of the shipped Tariffs/ to break on purpose; returns its path.
    public func copyTariffs() throws -> String {
        let target = path + "/Tariffs"
        try FileManager.default.copyItem(atPath: Checkout.tariffs, toPath: target)
        return target
    }

    /// A copy of the shipped Tariffs/ and Locales/, a data folder to change on purpose; returns its path.
    public func copyData() throws -> String {
        _ = try copyTariffs()
        try FileManager.default.copyItem(atPath: Checkout.locales, toPath: path + "/Locales")
        return path
    }
}
