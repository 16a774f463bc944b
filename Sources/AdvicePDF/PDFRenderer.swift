import AdviceReport
import CPangoCairo

/// Renders advice sheets — the household's sheet, then any second-language copy on its own pages — and programme
/// reports to PDF documents in memory; where they go (a file, an HTTP answer) is the front end's choice.
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

    /// The sheets as one PDF: the household's sheet, then any second-language copy.
    public static func render(_ sheets: [AdviceSheet], info: PDFDocumentInfo) throws(PDFError) -> PDFBytes {
        try render(info: info, language: sheets.first?.language ?? "de") { canvas in
            for (index, sheet) in sheets.enumerated() {
                if index > 0 { canvas.newPage() }
                SheetLayout(canvas: canvas.switching(to: sheet.language), sheet: sheet).draw()
            }
        }
    }

    /// A programme report (the council's report, a city comparison) as a PDF.
    public static func render(_ report: ProgrammeReport, info: PDFDocumentInfo) throws(PDFError) -> PDFBytes {
        try render(info: info, language: report.language) { canvas in
            ProgrammeReportLayout(canvas: canvas, report: report).draw()
        }
    }

    /// One PDF, drawn by `draw` on a canvas in `language`.
    static func render(info: PDFDocumentInfo, language: String, draw: (Canvas) -> Void) throws(PDFError) -> PDFBytes {
        let canvas = try Canvas(
            fontFamily: fontFamily, language: language,
            metadata: [
                (CAIRO_PDF_METADATA_TITLE, info.title), (CAIRO_PDF_METADATA_AUTHOR, info.author),
                (CAIRO_PDF_METADATA_SUBJECT, info.subject), (CAIRO_PDF_METADATA_KEYWORDS, info.keywords),
                (CAIRO_PDF_METADATA_CREATOR, "esp"), (CAIRO_PDF_METADATA_CREATE_DATE, info.creationDate),
                (CAIRO_PDF_METADATA_MOD_DATE, info.creationDate),
            ])
        draw(canvas)
        let pages = canvas.pages
        return PDFBytes(bytes: try canvas.finish(), pages: pages)
    }
}

/// A finished PDF document in memory.
public struct PDFBytes: Sendable, Equatable {
    /// The file's bytes.
    public var bytes: [UInt8]
    /// Its number of pages.
    public var pages: Int
}
