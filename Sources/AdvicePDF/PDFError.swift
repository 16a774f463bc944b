import AdviceReport
import CPangoCairo
import SafeFiles

/// Why a sheet could not be written; no partial file is left behind in any case.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case outputExists(path: String)
    case fontMissing(family: String, substitute: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write the PDF: \(reason)"
        case .outputExists(let path): "\(path) exists already; use --force to overwrite it"
        case .fontMissing(let family, let substitute):
            "the font \"\(family)\" is not installed (Pango would use \"\(substitute)\"); install it with: apt-get install fonts-dejavu-core"
        }
    }
}
