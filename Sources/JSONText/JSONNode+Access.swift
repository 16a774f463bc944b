/// Reading a parsed document without a switch at every step: a member's value, and a scalar or array when the
/// node is one (nil or empty otherwise).
extension JSONNode {
    /// The value of the member `key` of an object; nil for a missing key or a node that is no object.
    public func value(_ key: String) -> JSONNode? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The number, when the node is one.
    public var number: Double? { if case .number(let x) = kind { x } else { nil } }
    /// The string, when the node is one.
    public var string: String? { if case .string(let s) = kind { s } else { nil } }
    /// The elements of an array; empty for any other node.
    public var elements: [JSONNode] { if case .array(let items) = kind { items } else { [] } }
    /// The string elements of an array.
    public var strings: [String] { elements.compactMap(\.string) }
}
