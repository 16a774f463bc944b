import AdviceReport
import CPangoCairo
import SafeFiles

/// Document information written into the PDF.
public struct PDFDocumentInfo: Sendable {
    /// The name a PDF viewer shows for the document, e.g. the sheet's title and the visit id.
    public var title: String
    /// Who the document comes from: the advising office, the household for its letters, esp for reports.
    public var author: String
    /// Carries the language (`Sprache: ru`); cairo 1.16 cannot write the catalogue's /Lang entry.
    public var subject: String
    /// Search terms separated by `; `: esp, the kind of document, the city, the language.
    public var keywords: String
    /// `YYYY-MM-DDThh:mm:ssZ`; fixed from `SOURCE_DATE_EPOCH` for byte-identical output.
    public var creationDate: String

    /// Creates the value from all its parts.
    public init(title: String, author: String, subject: String, keywords: String, creationDate: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creationDate = creationDate
    }
}
