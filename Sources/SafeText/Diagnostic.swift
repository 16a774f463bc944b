/// One problem found in a file, for every loader and check of esp: tariff and locale XML, visit JSON, drafts.
///
/// Printed as `file[:line[:column]]: [json.path: ][warning: ]message`, the form compilers use so editors can jump
/// to it; an error carries no label, a warning says so.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// Whether the data can be used.
    public enum Severity: String, Sendable {
        /// The data cannot be used as it is.
        case error
        /// The data is used, but looks mistyped or runs out soon.
        case warning
    }

    /// Whether the data can be used despite the problem.
    public var severity: Severity
    /// The path or name of the file, as the caller gave it; "" when the message names what it is about.
    public var file: String
    /// The 1-based line; 0 when no line applies (a file that cannot be opened).
    public var line: Int
    /// The 1-based column, where the reader knows it.
    public var column: Int?
    /// The JSON path of the value, such as `household.persons` or `lighting[2].watts`; "" for the whole document.
    public var jsonPath: String?
    /// Plain words without a trailing newline.
    public var message: String

    /// A problem at a place in a file; leave out what is not known.
    public init(
        _ severity: Severity = .error, file: String, line: Int = 0, column: Int? = nil,
        jsonPath: String? = nil, message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = max(line, 0)
        self.column = column
        self.jsonPath = jsonPath
        self.message = message
    }

    /// A warning about `file` at `line`.
    public static func warning(file: String, line: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, message: message)
    }

    /// True for errors: the data cannot be used.
    public var isError: Bool { severity == .error }

    /// Characters of the file that could act on a terminal are quoted as `\u{…}`.
    public var description: String {
        // A problem of no particular file (its message names what it is about) has no location.
        var text = file
        if line > 0 { text += ":\(line)" }
        if line > 0, let column { text += ":\(column)" }
        if !text.isEmpty { text += ": " }
        if let jsonPath { text += (jsonPath.isEmpty ? "(document)" : jsonPath) + ": " }
        if severity == .warning { text += "warning: " }
        return SafeText.quoted(text + message)
    }
}
