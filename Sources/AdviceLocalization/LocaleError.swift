import SafeFiles
import SafeText
import SafeXML

/// Why no texts could be loaded at all.
public enum LocaleError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSourceFile(path: String)
    case unknownLanguage(String, available: [String])
    case sourceUnusable([Diagnostic])

    /// The problems one by one, for a check that lists them with the others it found.
    public var issues: [Diagnostic] {
        switch self {
        case .sourceUnusable(let issues): issues
        default: [Diagnostic(.error, file: "", line: 0, message: description)]
        }
    }

    /// What is wrong and, for a missing language, how to add it.
    public var description: String {
        switch self {
        case .noSourceFile(let path): "the German source texts \(path) are missing"
        case .unknownLanguage(let language, let available):
            "no texts for language \"\(language)\"; available: \(available.joined(separator: ", ")) — add Locales/\(language).xlf to offer it"
        case .sourceUnusable(let issues): issues.map(\.description).joined(separator: "\n")
        }
    }
}
