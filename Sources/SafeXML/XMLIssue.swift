import SafeText

/// One problem in an XML file, with the line it was found on.
public struct XMLIssue: Sendable, Equatable, CustomStringConvertible {
    /// The path or name of the file, as the caller gave it.
    public let file: String
    /// The 1-based line of the problem; 0 when no line applies (for example, a file that cannot be opened).
    public let line: Int
    /// A plain-English description, without a trailing newline.
    public let message: String

    /// Creates an issue; surrounding whitespace is trimmed from `message` because libxml2 ends its messages with a newline.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = max(line, 0)
        self.message = message.trimmingWhitespace()
    }

    /// `file:line: message`, the form compilers use, so editors can jump to it.
    /// `file:line: message`; characters of the file that could act on a terminal are quoted as `\u{…}`.
    public var description: String { SafeText.quoted("\(file):\(line): \(message)") }
}

/// Thrown when a document or schema cannot be read or parsed; carries every issue found.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every problem found, in the order libxml2 reported them.
    public let issues: [XMLIssue]

    /// Creates an error from the issues found.
    public init(issues: [XMLIssue]) {
        self.issues = issues
    }

    /// Creates an error with a single issue.
    public init(file: String, line: Int, message: String) {
        self.issues = [XMLIssue(file: file, line: line, message: message)]
    }

    /// One issue per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

extension String {
    /// Trims without Foundation, which SafeXML avoids so that its `XMLDocument` and `XMLElement` never meet Foundation's on Darwin.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
