internal import CLibXML2

/// A read-only view of one element; keeps its document alive.
public struct XMLElement: Sendable {
    /// The document this element belongs to.
    public let document: XMLDocument
    private let node: NodeReference

    init(document: XMLDocument, node: xmlNodePtr) {
        self.document = document
        self.node = NodeReference(pointer: node)
    }

    private var pointer: xmlNodePtr { node.pointer }

    /// The local name, without any prefix.
    public var name: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The namespace URI, or nil when the element is in no namespace.
    public var namespaceURI: String? {
        guard let href = pointer.pointee.ns?.pointee.href else { return nil }
        return String(cString: href)
    }

    /// The 1-based line of the start tag; 0 when unknown.
    public var line: Int {
        max(Int(xmlGetLineNo(pointer)), 0)
    }

    /// The value of the attribute `name` that has no namespace, or nil when absent.
    public func attribute(_ name: String) -> String? {
        takeLibXMLString(xmlGetNoNsProp(pointer, name))
    }

    /// Every attribute's name in document order; namespaced ones as written
    /// with their prefix (`xsi:schemaLocation`), so callers can spot
    /// unexpected attributes of any kind.
    public var attributeNames: [String] {
        var names: [String] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let local = current.pointee.name.map { String(cString: $0) } ?? ""
            if let prefix = current.pointee.ns?.pointee.prefix {
                names.append("\(String(cString: prefix)):\(local)")
            } else {
                names.append(local)
            }
            attribute = current.pointee.next
        }
        return names
    }

    /// The child elements in document order; text, comments and processing instructions are skipped.
    public var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                result.append(XMLElement(document: document, node: current))
            }
            child = current.pointee.next
        }
        return result
    }

    /// The child elements with local name `name`, in document order.
    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The first child element with local name `name`.
    public func child(named name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// All text inside the element, descendants included, concatenated
    /// (CDATA and character references resolved).
    public var text: String {
        takeLibXMLString(xmlNodeGetContent(pointer)) ?? ""
    }
}

/// `@unchecked Sendable`: the node belongs to an immutable document that the
/// owning `XMLElement` keeps alive.
private struct NodeReference: @unchecked Sendable {
    let pointer: xmlNodePtr
}
