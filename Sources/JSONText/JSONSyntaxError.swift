/// Why a document is not acceptable JSON, and where.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Plain English without position, e.g. `expected ',' or '}' after an object member, found 'x'`,
    /// so apps can prefix it with a file name and position in their own format.
    public let message: String
    /// Where the problem is: the offending byte or value, or the end of input that stops short.
    public let position: SourcePosition

    /// Creates an error; public so callers can report their own checks in the same shape.
    public init(message: String, position: SourcePosition) {
        self.message = message
        self.position = position
    }

    /// Shorthand for `position.line`.
    public var line: Int { position.line }
    /// Shorthand for `position.column`.
    public var column: Int { position.column }

    /// `line L, column C: message`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}
