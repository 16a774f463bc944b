import AdvicePDF
import AdviceReport
import SafeFiles

/// The tests look at PDFs as files (pdftotext, pdfinfo, pdffonts): rendered in memory, then written the way every
/// front end writes them.
extension PDFRenderer {
    @discardableResult
    static func write(_ sheets: [AdviceSheet], to path: String, info: PDFDocumentInfo, overwrite: Bool) throws -> Int {
        let pdf = try render(sheets, info: info)
        try AtomicFile.write(pdf.bytes, to: path, replacing: overwrite)
        return pdf.pages
    }

    @discardableResult
    static func write(_ report: ProgrammeReport, to path: String, info: PDFDocumentInfo, overwrite: Bool) throws -> Int
    {
        let pdf = try render(report, info: info)
        try AtomicFile.write(pdf.bytes, to: path, replacing: overwrite)
        return pdf.pages
    }
}
