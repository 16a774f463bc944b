internal import CLibXML2
import SafeFiles
import SafeText

/// A parsed XML document, read with settings that make hostile input harmless.
///
/// Documents with a DTD are refused outright, which rules out entity
/// expansion attacks (billion laughs, quadratic blow-up) and external
/// entities (XXE); nothing is ever fetched from the network or the file
/// system while parsing.
///
/// `@unchecked Sendable`: the libxml2 tree is never changed after parsing,
/// and readers on several threads only read it.
public final class XMLDocument: @unchecked Sendable {
    /// The path or name given when parsing; used for the `file` of every issue.
    public let fileName: String
    let pointer: xmlDocPtr

    private init(pointer: xmlDocPtr, fileName: String) {
        self.pointer = pointer
        self.fileName = fileName
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element, or nil for a document without one.
    public var root: XMLElement? {
        xmlDocGetRootElement(pointer).map { XMLElement(document: self, node: $0) }
    }

    /// Parses `bytes` (any encoding libxml2 detects, usually UTF-8).
    ///
    /// - Parameters:
    ///   - fileName: Names the source in issues and serves as the document's base URL.
    ///   - maxBytes: Larger input is refused without parsing.
    /// - Throws: `XMLError` for input over `maxBytes`, empty input, a DTD,
    ///   or a document that is not well-formed (including namespace errors),
    ///   with libxml2's messages and lines.
    public static func parse(
        bytes: [UInt8], fileName: String, maxBytes: Int = 16 << 20
    ) throws(XMLError) -> XMLDocument {
        if bytes.count > maxBytes || bytes.count > Int(Int32.max) {
            throw XMLError(
                file: fileName, line: 0, message: "the file is larger than \(min(maxBytes, Int(Int32.max))) bytes")
        }
        if bytes.isEmpty {
            throw XMLError(file: fileName, line: 0, message: "the file is empty")
        }
        if let line = DoctypeScan.line(in: bytes) {
            throw doctypeRefused(fileName, line: line)
        }

        LibXML.prepare()
        guard let parser = xmlNewParserCtxt() else {
            throw XMLError(file: fileName, line: 0, message: "libxml2 could not create a parser")
        }
        defer { xmlFreeParserCtxt(parser) }
        // The shim's DOCTYPE callback writes the line here when it stops the
        // parser, which is how that stop is told apart from a syntax error.
        let doctypeLine = UnsafeMutablePointer<CInt>.allocate(capacity: 1)
        doctypeLine.initialize(to: 0)
        defer { doctypeLine.deallocate() }
        esp_installDoctypeRefusal(parser, doctypeLine)

        let collector = IssueCollector(fileName: fileName)
        let document = collector.collecting {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { characters in
                    xmlCtxtReadMemory(
                        parser, characters.baseAddress, CInt(characters.count),
                        fileName, nil, LibXML.parseOptions)
                }
            }
        }

        var issues = collector.issues
        if doctypeLine.pointee != 0 || document?.pointee.intSubset != nil || document?.pointee.extSubset != nil {
            issues = doctypeRefused(fileName, line: Int(doctypeLine.pointee)).issues
        } else if document == nil && issues.isEmpty {
            issues = [Diagnostic(file: fileName, line: 0, message: "the document could not be parsed")]
        }
        guard let document, issues.isEmpty else {
            xmlFreeDoc(document)
            throw XMLError(issues: issues)
        }
        return XMLDocument(pointer: document, fileName: fileName)
    }

    /// Reads the file at `path` and parses it like `parse(bytes:fileName:maxBytes:)`,
    /// with `path` as the file name.
    ///
    /// - Throws: `XMLError` when the file is larger than `maxBytes` (checked
    ///   before reading), cannot be opened or read (line 0, with the system's
    ///   reason), or fails to parse.
    public static func parse(fileAt path: String, maxBytes: Int = 16 << 20) throws(XMLError) -> XMLDocument {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.bytes(atPath: path, maxBytes: maxBytes)
        } catch {
            throw XMLError(fileError: error)
        }
        return try parse(bytes: bytes, fileName: path, maxBytes: maxBytes)
    }

    private static func doctypeRefused(_ fileName: String, line: Int) -> XMLError {
        XMLError(file: fileName, line: line, message: "document type declarations (DTD) are not allowed")
    }
}
