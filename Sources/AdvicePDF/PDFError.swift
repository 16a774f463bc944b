import AdviceReport
import CPangoCairo

/// Why a PDF could not be made.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Cairo failed (out of memory, a broken surface), with its own words.
    case cannotRender(reason: String)
    /// The sheet's font is not installed; Pango would substitute another.
    case fontMissing(family: String, substitute: String)
    /// A letter does not fit on its one page even in the smallest text size.
    case letterTooLong(subject: String)

    /// What went wrong, and for a missing font how to install it.
    public var description: String {
        switch self {
        case .cannotRender(let reason): "cannot make the PDF: \(reason)"
        case .fontMissing(let family, let substitute):
            "the font \"\(family)\" is not installed (Pango would use \"\(substitute)\"); install it with: apt-get install fonts-dejavu-core"
        case .letterTooLong(let subject):
            "the letter \"\(subject)\" does not fit on one A4 page even at 9 pt; shorten the names and addresses in the visit file"
        }
    }
}
