import SafeFiles
import SafeText
import SafeXML

/// What `esp locales check` prints.
public struct LocalesReport: Sendable {
    /// How far one language's file covers the German source.
    public struct Language: Sendable, Equatable {
        /// The language tag, as in the file name (`tr` for tr.xlf).
        public let language: String
        /// Units with a usable translation; for German, the units that parse.
        public let translated: Int
        /// Units in the German source.
        public let total: Int
        /// Ids of source units shown in German: not translated, or the translation is broken.
        public let missing: [String]
        /// Ids the translation has but the German source lacks; never used.
        public let extra: [String]
    }

    /// The Locales/ folder checked.
    public let directory: String
    /// German first, then every translation that could be read, in file-name order.
    public var languages: [Language] = []
    /// Errors and warnings of all files.
    public var issues: [Diagnostic] = []

    /// Some issue is an error, not only a warning: the check fails.
    public var hasErrors: Bool { issues.contains { $0.severity == .error } }
}
