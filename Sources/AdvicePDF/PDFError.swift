import AdviceReport
import CPangoCairo

/// Why a PDF could not be made.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Cairo failed (out of memory, a broken surface), with its own words.
    case cannotRender(reason: String)
    /// The sheet's font is not installed; Pango would substitute another.
    case fontMissing(family: String, substitute: String)

    /// What went wrong, and for a missing font how to install it.
    public var description: String {
        switch self {
        case .cannotRender(let reason): "cannot make the PDF: \(reason)"
        case .fontMissing(let family, let substitute):
            "the font \"\(family)\" is not installed (Pango would use \"\(substitute)\"); install it with: apt-get install fonts-dejavu-core"
        }
    }
}
