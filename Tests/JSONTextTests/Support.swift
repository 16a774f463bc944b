import JSONText
import TestSupport
import Testing

/// The error `parse` throws for `bytes`, or nil when it parses.
func syntaxError(_ bytes: [UInt8], limits: JSONLimits = JSONLimits()) -> JSONSyntaxError? {
    caught { () throws(JSONSyntaxError) in try JSONParser.parse(bytes, limits: limits) }
}

func syntaxError(_ text: String, limits: JSONLimits = JSONLimits()) -> JSONSyntaxError? {
    syntaxError(Array(text.utf8), limits: limits)
}

/// Checks message and position together so a wrong position cannot hide behind a right message.
func expectError(
    _ input: String, _ message: String, line: Int, column: Int,
    limits: JSONLimits = JSONLimits(),
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectError(
        Array(input.utf8), message, line: line, column: column, limits: limits,
        sourceLocation: sourceLocation)
}

func expectError(
    _ bytes: [UInt8], _ message: String, line: Int, column: Int,
    limits: JSONLimits = JSONLimits(),
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let expected = JSONSyntaxError(message: message, position: SourcePosition(line: line, column: column))
    #expect(syntaxError(bytes, limits: limits) == expected, sourceLocation: sourceLocation)
}

extension JSONNode {
    /// The member named `key`, for walking parsed test documents.
    func member(_ key: String) -> JSONMember? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }
    }

    func element(_ i: Int) -> JSONNode? {
        guard case .array(let elements) = kind, elements.indices.contains(i) else { return nil }
        return elements[i]
    }
}
