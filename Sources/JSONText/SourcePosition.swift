/// A place in JSON source text, for error messages such as `visit.json:12:5: …`.
///
/// Columns count UTF-8 bytes, not characters: that keeps positions exact and cheap to
/// compute, and matches what most editors show for ASCII text. A leading byte order mark
/// is not counted, so the first visible character is always at column 1.
public struct SourcePosition: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The 1-based line number; only `\n` starts a new line, so `\r\n` counts once.
    public let line: Int
    /// The 1-based column, in UTF-8 bytes from the start of the line.
    public let column: Int

    /// Creates a position from 1-based line and byte column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line L, column C`.
    public var description: String { "line \(line), column \(column)" }
}
