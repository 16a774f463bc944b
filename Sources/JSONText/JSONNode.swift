/// A parsed JSON value that remembers where it came from, so later validation can point
/// at the offending value or key.
public struct JSONNode: Sendable, Equatable {
    /// The value itself; containers hold nodes, so every nested value keeps its position.
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        /// Members in source order; the parser guarantees the keys are unique.
        case object([JSONMember])
    }

    /// What the value is, including its children.
    public var kind: Kind
    /// Where the value starts: its first byte, e.g. the `{`, the opening `"`, or the `-` of a number.
    public var position: SourcePosition

    /// Creates a node; the parser does this, but tests and tools may build nodes too.
    public init(kind: Kind, position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// The value without positions.
    ///
    /// Recursion depth equals the nesting depth, which the parser bounds by ``JSONLimits/maxDepth``.
    public var value: JSONValue {
        switch kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .array(let elements): return .array(elements.map(\.value))
        case .object(let members): return .object(members.map { JSONField($0.key, $0.value.value) })
        }
    }

    /// The JSON type as users know it — `object`, `array`, `string`, `number`, `boolean` or
    /// `null` — for messages like "expected a number, found a string".
    public var typeName: String {
        switch kind {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// One `"key": value` pair of a parsed object, with the key's own position so an app can
/// report unknown or misspelled keys precisely.
public struct JSONMember: Sendable, Equatable {
    /// The decoded key.
    public var key: String
    /// Where the key's opening `"` is.
    public var keyPosition: SourcePosition
    /// The member's value, with its own position.
    public var value: JSONNode

    /// Creates a member from its parts.
    public init(key: String, keyPosition: SourcePosition, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
