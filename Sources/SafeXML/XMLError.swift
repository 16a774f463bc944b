public import SafeFiles
public import SafeText

/// Thrown when a document or schema cannot be read or parsed; carries every issue found.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every problem found, in the order libxml2 reported them.
    public let issues: [Diagnostic]

    /// Creates an error from the issues found.
    public init(issues: [Diagnostic]) {
        self.issues = issues
    }

    /// Creates an error with a single issue.
    public init(file: String, line: Int, message: String) {
        self.issues = [Diagnostic(file: file, line: line, message: message.trimmingWhitespace())]
    }

    /// A file that could not be read, at line 0, in the words the XML readers have always used.
    public init(fileError: FileError) {
        switch fileError {
        case .tooLarge(let path, let limit):
            self.init(file: path, line: 0, message: "the file is larger than \(limit) bytes")
        case .unreadable(let path, let reason):
            self.init(file: path, line: 0, message: "cannot read '\(path)': \(reason)")
        default: self.init(file: fileError.path, line: 0, message: fileError.description)
        }
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
