internal import CLibXML2
import SafeText

/// Process-wide libxml2 set-up, done once before any parser is created.
enum LibXML {
    /// Swift runs a static initialiser exactly once, even under contention,
    /// which is what `xmlInitParser` and the process-wide entity loader need.
    private static let ready: Bool = {
        xmlInitParser()
        esp_installDenyingEntityLoader()
        return true
    }()

    static func prepare() {
        _ = ready
    }

    /// What every document and schema is parsed with: no network, messages
    /// only through our handler, exact line numbers past 65535. Entity
    /// substitution, DTD loading and the size-limit override stay off.
    static let parseOptions = CInt(
        bitPattern:
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue)
}

/// Gathers libxml2's structured errors for one operation on one thread.
///
/// Only ever used synchronously by the thread that created it; libxml2
/// reaches it through an unretained pointer while the operation runs.
final class IssueCollector {
    let fileName: String
    private(set) var issues: [Diagnostic] = []
    private let recordsWarnings: Bool

    init(fileName: String, recordsWarnings: Bool = false) {
        self.fileName = fileName
        self.recordsWarnings = recordsWarnings
    }

    func add(line: Int, message: String) {
        issues.append(Diagnostic(file: fileName, line: line, message: message.trimmingWhitespace()))
    }

    fileprivate func record(_ error: xmlError) {
        let isWarning = error.level == XML_ERR_WARNING
        guard error.level != XML_ERR_NONE, recordsWarnings || !isWarning else { return }
        var line = Int(error.line)
        if line <= 0, let node = error.node {
            // Some validation errors carry the node but no line.
            line = max(Int(xmlGetLineNo(node.assumingMemoryBound(to: xmlNode.self))), 0)
        }
        var text = error.message.map { String(cString: $0) } ?? "unknown libxml2 error (code \(error.code))"
        // libxml2 suggests lifting its limits, which esp never does; say what the limit is for instead.
        text = text.replacing("use XML_PARSE_HUGE option", with: "beyond esp's safety limit for XML files")
        add(line: line, message: isWarning ? "warning: \(text.trimmingWhitespace())" : text)
    }

    /// The value libxml2 hands back to `structuredErrorHandler`.
    var context: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    /// Routes this thread's libxml2 errors here while `body` runs, then puts
    /// back whatever handler was there; libxml2 keeps these per thread.
    func collecting<Result>(_ body: () -> Result) -> Result {
        let previousHandler = esp_currentStructuredErrorFunc()
        let previousContext = esp_currentStructuredErrorContext()
        xmlSetStructuredErrorFunc(context, structuredErrorHandler)
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
        return withExtendedLifetime(self) { body() }
    }
}

/// The C callback for `xmlSetStructuredErrorFunc` and the schema contexts;
/// a plain function, so it captures nothing and the collector travels as
/// libxml2's context pointer.
func structuredErrorHandler(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<IssueCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
}

/// Takes ownership of a string libxml2 allocated for us.
func takeLibXMLString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    defer { esp_xmlFree(pointer) }
    return String(cString: pointer)
}
