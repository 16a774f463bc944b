internal import CLibXML2
import SafeText

/// A compiled W3C XML Schema (XSD) that validates documents.
///
/// The schema is read like any document (no DTD, no network) and must be
/// self-contained: `xs:include` and `xs:import` of other files are never
/// loaded.
///
/// `@unchecked Sendable`: libxml2 only reads a compiled schema while
/// validating, and each validation gets its own context.
public final class XMLSchema: @unchecked Sendable {
    /// The path or name the schema was loaded from.
    public let fileName: String
    private let schema: xmlSchemaPtr
    /// libxml2's schema points into the document it was compiled from, so
    /// the document must outlive it; stored properties are released after
    /// `deinit` has freed the schema.
    private let source: XMLDocument

    private init(schema: xmlSchemaPtr, source: XMLDocument) {
        self.schema = schema
        self.source = source
        self.fileName = source.fileName
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// Reads and compiles the XSD file at `path`.
    ///
    /// - Throws: `XMLError` when the file cannot be read, is not a safe,
    ///   well-formed document, or is not a valid schema. Schema warnings
    ///   (such as a skipped import) count as errors, so a schema is never
    ///   silently weaker than written.
    public static func load(fileAt path: String) throws(XMLError) -> XMLSchema {
        try compile(XMLDocument.parse(fileAt: path))
    }

    /// Compiles an XSD held in memory; `fileName` names it in issues.
    ///
    /// - Throws: `XMLError` as for `load(fileAt:)`.
    public static func load(bytes: [UInt8], fileName: String) throws(XMLError) -> XMLSchema {
        try compile(XMLDocument.parse(bytes: bytes, fileName: fileName))
    }

    private static func compile(_ source: XMLDocument) throws(XMLError) -> XMLSchema {
        guard let parser = xmlSchemaNewDocParserCtxt(source.pointer) else {
            throw XMLError(file: source.fileName, line: 0, message: "libxml2 could not create a schema parser")
        }
        defer { xmlSchemaFreeParserCtxt(parser) }

        let collector = IssueCollector(fileName: source.fileName, recordsWarnings: true)
        xmlSchemaSetParserStructuredErrors(parser, structuredErrorHandler, collector.context)
        // The thread's handler too: a refused import is reported by the XML
        // parser libxml2 starts for it, not through the schema parser.
        let schema = collector.collecting { xmlSchemaParse(parser) }

        var issues = collector.issues
        if schema == nil && issues.isEmpty {
            issues = [Diagnostic(file: source.fileName, line: 0, message: "the schema could not be compiled")]
        }
        guard let schema, issues.isEmpty else {
            xmlSchemaFree(schema)
            throw XMLError(issues: issues)
        }
        return XMLSchema(schema: schema, source: source)
    }

    /// Every validation error, with the document's `fileName` and the line
    /// of the offending element; empty when the document is valid.
    ///
    /// Safe to call from several threads at once, also on the same document.
    public func validate(_ document: XMLDocument) -> [Diagnostic] {
        // Validation writes to the tree it checks (xs:ID values are
        // registered on the document), so it runs on a private copy: the
        // shared document stays untouched and every call starts afresh.
        guard let copy = xmlCopyDoc(document.pointer, 1) else {
            return [
                Diagnostic(
                    file: document.fileName, line: 0, message: "libxml2 could not copy the document for validation")
            ]
        }
        defer { xmlFreeDoc(copy) }
        Self.copyLargeLineNumbers(from: document.pointer.pointee.children, to: copy.pointee.children)
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [
                Diagnostic(file: document.fileName, line: 0, message: "libxml2 could not create a validation context")
            ]
        }
        defer { xmlSchemaFreeValidCtxt(context) }

        let collector = IssueCollector(fileName: document.fileName)
        xmlSchemaSetValidStructuredErrors(context, structuredErrorHandler, collector.context)
        // xmlSchemaValidateDoc returns the last error's code, not a count,
        // so the collected issues are the answer.
        let result = collector.collecting { xmlSchemaValidateDoc(context, copy) }

        var issues = collector.issues
        if result != 0 && issues.isEmpty {
            issues = [
                Diagnostic(
                    file: document.fileName, line: 0,
                    message: "the document could not be validated (libxml2 code \(result))")
            ]
        }
        return issues
    }

    /// Past line 65535 libxml2 parks a text node's line in its `psvi` field
    /// (marked by `line` 65535) and finds an element's line through its
    /// text; xmlCopyDoc copies neither, so without this, errors past that
    /// line would have none. The copy has exactly the original's shape (no
    /// DTD, so no entity nodes), which lets the two trees be walked in step.
    private static func copyLargeLineNumbers(from original: xmlNodePtr?, to copy: xmlNodePtr?) {
        var original = original
        var copy = copy
        while let source = original, let target = copy, source.pointee.type == target.pointee.type {
            if source.pointee.type == XML_TEXT_NODE, source.pointee.line == UInt16.max, target.pointee.psvi == nil {
                target.pointee.line = source.pointee.line
                target.pointee.psvi = source.pointee.psvi
            }
            copyLargeLineNumbers(from: source.pointee.children, to: target.pointee.children)
            original = source.pointee.next
            copy = target.pointee.next
        }
    }
}
