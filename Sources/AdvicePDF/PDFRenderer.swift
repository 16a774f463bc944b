import AdviceReport
import CPangoCairo
import SafeFiles

/// Renders advice sheets — the household's sheet, then any second-language copy on its own pages — and programme
/// reports to PDF files.
public enum PDFRenderer {
    public static let fontFamily = "DejaVu Sans"

    /// Fails when Pango would silently substitute another font for DejaVu Sans.
    public static func checkFont(_ family: String = fontFamily) throws(PDFError) {
        guard let fontMap = pango_cairo_font_map_get_default(), let context = pango_font_map_create_context(fontMap)
        else {
            throw .fontMissing(family: family, substitute: "none")
        }
        defer { esp_object_unref(UnsafeMutableRawPointer(context)) }
        let description = pango_font_description_from_string(family)
        defer { pango_font_description_free(description) }
        guard let font = pango_font_map_load_font(fontMap, context, description) else {
            throw .fontMissing(family: family, substitute: "none")
        }
        defer { esp_object_unref(UnsafeMutableRawPointer(font)) }
        let loaded = pango_font_describe(font)
        defer { pango_font_description_free(loaded) }
        let name = pango_font_description_get_family(loaded).map { String(cString: $0) } ?? ""
        guard name == family else { throw .fontMissing(family: family, substitute: name) }
    }

    /// Writes the sheets to `path` complete or not at all (``AtomicFile``); the file gets mode 0600 because a sheet
    /// describes a household.
    /// - Returns: the number of pages.
    @discardableResult
    public static func write(_ sheets: [AdviceSheet], to path: String, info: PDFDocumentInfo, overwrite: Bool)
        throws(PDFError) -> Int
    {
        try write(to: path, info: info, overwrite: overwrite, language: sheets.first?.language ?? "de") { canvas in
            for (index, sheet) in sheets.enumerated() {
                if index > 0 { canvas.newPage() }
                SheetLayout(canvas: canvas.switching(to: sheet.language), sheet: sheet).draw()
            }
        }
    }

    /// Writes a programme report: the same file handling as a sheet.
    @discardableResult
    public static func write(_ report: ProgrammeReport, to path: String, info: PDFDocumentInfo, overwrite: Bool)
        throws(PDFError) -> Int
    {
        try write(to: path, info: info, overwrite: overwrite, language: report.language) { canvas in
            ProgrammeReportLayout(canvas: canvas, report: report).draw()
        }
    }

    /// One PDF file, drawn by `draw` on a canvas in `language`, complete or not at all; a failure is a
    /// ``PDFError`` naming the file.
    static func write(
        to path: String, info: PDFDocumentInfo, overwrite: Bool, language: String, draw: (Canvas) -> Void
    ) throws(PDFError) -> Int {
        do throws(FileError) {
            let file = try AtomicFile(creating: path, replacing: overwrite)
            let canvas: Canvas
            do {
                canvas = try Canvas(
                    descriptor: file.descriptor, path: path, fontFamily: fontFamily, language: language,
                    metadata: [
                        (CAIRO_PDF_METADATA_TITLE, info.title), (CAIRO_PDF_METADATA_AUTHOR, info.author),
                        (CAIRO_PDF_METADATA_SUBJECT, info.subject), (CAIRO_PDF_METADATA_KEYWORDS, info.keywords),
                        (CAIRO_PDF_METADATA_CREATOR, "esp"), (CAIRO_PDF_METADATA_CREATE_DATE, info.creationDate),
                        (CAIRO_PDF_METADATA_MOD_DATE, info.creationDate),
                    ])
            } catch {
                throw FileError.unwritable(path: path, reason: reason(error))
            }
            draw(canvas)
            let pages = canvas.pages
            do {
                try canvas.finish()
            } catch {
                throw FileError.unwritable(path: path, reason: reason(error))
            }
            try file.commit()
            return pages
        } catch {
            if case .exists = error { throw .outputExists(path: path) }
            throw .cannotWrite(path: path, reason: Self.reason(error))
        }
    }

    static func reason(_ error: PDFError) -> String {
        if case .cannotWrite(_, let reason) = error { return reason }
        return error.description
    }

    static func reason(_ error: FileError) -> String {
        switch error {
        case .unwritable(_, let reason), .unreadable(_, let reason): reason
        default: error.description
        }
    }
}
