import AdviceReport
import CPangoCairo
import SafeFiles

/// Document information written into the PDF.
public struct PDFDocumentInfo: Sendable {
    public var title: String
    public var author: String
    /// Carries the language (`Sprache: ru`); cairo 1.16 cannot write the catalogue's /Lang entry.
    public var subject: String
    public var keywords: String
    /// `YYYY-MM-DDThh:mm:ssZ`; fixed from `SOURCE_DATE_EPOCH` for byte-identical output.
    public var creationDate: String

    public init(title: String, author: String, subject: String, keywords: String, creationDate: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creationDate = creationDate
    }
}
