import SafeFiles
import SafeText
import SafeXML

/// One XLIFF 2.0 file of Locales/: German sources, and for other languages their targets.
public struct LocaleFile: Sendable {
    /// The XLIFF 2.0 namespace the root `<xliff>` must be in.
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    /// Translation files are small; anything bigger is refused before it is read.
    public static let maxFileBytes = 4 << 20

    /// Where the file was read from, as issues name it.
    public let path: String
    /// The language this file provides: `trgLang`, or `srcLang` for the source file.
    public let language: String
    /// `srcLang`: the language of the `<source>` texts, German in esp's files.
    public let sourceLanguage: String
    /// The file's units by id.
    public let units: [String: Unit]
    /// Unit ids in file order.
    public let order: [String]

    /// One text (`<unit>`): its German source and, in a translation, the translated text.
    public struct Unit: Sendable {
        /// The id esp asks for the text by, e.g. `sheet.title`.
        public let id: String
        /// The German text, in a translation the one it was translated from.
        public let source: String
        /// The translated text; nil in the source file and where the translation lacks it.
        public let target: String?
        /// The line of the `<target>`, else of the `<unit>`, for issues.
        public let line: Int
        /// The note for translators (`<notes><note>`), what the text is and what its placeholders hold.
        public var note: String? = nil
    }

    /// Reads and checks the structure; returns the file (nil when unusable) and the problems found.
    public static func read(path: String, expectedLanguage: String) -> (LocaleFile?, [Diagnostic]) {
        do {
            return read(
                bytes: try FileReader.bytes(atPath: path, maxBytes: maxFileBytes), path: path,
                expectedLanguage: expectedLanguage)
        } catch {
            return (nil, issues(XMLError(fileError: error)))
        }
    }

    private static func issues(_ error: XMLError) -> [Diagnostic] {
        error.issues.map { Diagnostic(.error, file: $0.file, line: $0.line, message: $0.message) }
    }

    /// Checks and reads a file's bytes; `path` names it in issues.
    public static func read(bytes: [UInt8], path: String, expectedLanguage: String) -> (LocaleFile?, [Diagnostic]) {
        var issues: [Diagnostic] = []
        func error(_ line: Int, _ message: String) {
            issues.append(Diagnostic(.error, file: path, line: line, message: message))
        }
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes: bytes, fileName: path, maxBytes: maxFileBytes)
        } catch {
            return (nil, Self.issues(error))
        }
        guard let root = document.root, root.name == "xliff", root.namespaceURI == namespace else {
            error(document.root?.line ?? 0, "the root element must be <xliff xmlns=\"\(namespace)\">")
            return (nil, issues)
        }
        if root.attribute("version") != "2.0" { error(root.line, "version must be \"2.0\"") }
        guard let srcLang = root.attribute("srcLang"), !srcLang.isEmpty else {
            error(root.line, "<xliff> lacks the srcLang attribute")
            return (nil, issues)
        }
        let trgLang = root.attribute("trgLang")
        let language: String
        if expectedLanguage == srcLang && trgLang == nil {
            language = srcLang
        } else if let trgLang {
            language = trgLang
            if trgLang != expectedLanguage {
                error(root.line, "trgLang=\"\(trgLang)\" does not match the file name \(expectedLanguage).xlf")
            }
        } else {
            error(
                root.line,
                "<xliff> lacks the trgLang attribute (the target language, \"\(expectedLanguage)\" for this file)")
            return (nil, issues)
        }

        var units: [String: Unit] = [:]
        var order: [String] = []
        for file in root.children(named: "file") {
            for unit in file.children(named: "unit") {
                guard let id = unit.attribute("id"), !id.isEmpty else {
                    error(unit.line, "<unit> lacks its id")
                    continue
                }
                let segments = unit.children(named: "segment")
                guard segments.count == 1, let segment = segments.first else {
                    error(unit.line, "unit \"\(id)\" must have exactly one <segment>")
                    continue
                }
                guard let source = segment.child(named: "source") else {
                    error(segment.line, "unit \"\(id)\" has no <source>")
                    continue
                }
                let target = segment.child(named: "target")
                // A unit with markup is not used at all: its text without the markup would still say what the
                // markup carried (a script's text, say) to the household.
                let marked = [source, target].compactMap { $0 }.filter { !$0.children.isEmpty }
                for element in marked {
                    error(
                        element.line,
                        "unit \"\(id)\": inline markup in <\(element.name)> is not supported; write plain text")
                }
                if !marked.isEmpty { continue }
                if units[id] != nil {
                    error(unit.line, "unit id \"\(id)\" is used twice")
                    continue
                }
                units[id] = Unit(
                    id: id, source: source.text, target: target?.text, line: target?.line ?? unit.line,
                    note: unit.child(named: "notes")?.child(named: "note")?.text)
                order.append(id)
            }
        }
        let file = LocaleFile(path: path, language: language, sourceLanguage: srcLang, units: units, order: order)
        return (file, issues)
    }
}
