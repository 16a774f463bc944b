import SafeFiles
import SafeText
import SafeXML

/// What `esp locales check` prints.
public struct LocalesReport: Sendable {
    public struct Language: Sendable, Equatable {
        public let language: String
        public let translated: Int
        public let total: Int
        public let missing: [String]
        public let extra: [String]
    }

    public let directory: String
    public var languages: [Language] = []
    public var issues: [Diagnostic] = []

    public var hasErrors: Bool { issues.contains { $0.severity == .error } }
}
