import AdviceData
import Foundation

/// The checkout the tests run from, for the shipped Tariffs/, Locales/ and Examples/.
public enum Checkout {
    /// The package root: this file is Tests/TestSupport/Checkout.swift.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    public static var data: DataDirectory { DataDirectory(root: root) }
    public static var tariffs: String { root + "/Tariffs" }
    public static var locales: String { root + "/Locales" }
    public static var examples: String { root + "/Examples" }

    /// The shipped example visits, sorted.
    public static var exampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []).filter { $0.hasSuffix(".json") }
            .sorted()
    }
    public static var examplePaths: [String] { exampleNames.map { examples + "/" + $0 } }
    public static func session() -> AdviceSession { AdviceSession(data: data) }
}
