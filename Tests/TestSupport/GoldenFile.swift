import Foundation
import Testing

/// Outputs checked against files in the repository, so every change to what esp prints shows as a reviewed diff.
/// `ESP_UPDATE_GOLDEN=1 swift test` (or `make golden`) rewrites them; review the diff before committing.
public struct GoldenFiles: Sendable {
    /// The folder of the golden files, e.g. `Tests/espTests/Golden`.
    public let folder: String

    /// The golden files in `folderInCheckout`, a path relative to the checkout.
    public init(_ folderInCheckout: String) {
        folder = Checkout.root + "/" + folderInCheckout
    }

    /// `ESP_UPDATE_GOLDEN=1` is set: checks rewrite the files instead of comparing.
    public static var updating: Bool { ProcessInfo.processInfo.environment["ESP_UPDATE_GOLDEN"] == "1" }

    /// Records an issue naming the first line that differs, or rewrites the file when updating.
    public func check(_ actual: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = folder + "/" + file
        if Self.updating {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        guard actual != expected else { return }
        let a = actual.components(separatedBy: "\n")
        let e = expected.components(separatedBy: "\n")
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record(
            """
            \(file) differs at line \(line + 1):
              expected: \(line < e.count ? e[line] : "(end)")
              actual:   \(line < a.count ? a[line] : "(end)")
            Review the change; ESP_UPDATE_GOLDEN=1 swift test rewrites the golden files.
            """, sourceLocation: sourceLocation)
    }
}
