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
    /// - Returns: the number of pages, a blank back page included.
    @discardableResult
    public static func write(_ sheets: [AdviceSheet], to path: String, info: PDFDocumentInfo, overwrite: Bool)
        throws(PDFError) -> Int
    {
        try write(to: path, info: info, overwrite: overwrite, language: sheets.first?.language ?? "de") { canvas in
            let laidOut = layout(sheets, on: canvas)
            for (index, page) in laidOut.pages.enumerated() {
                if index > 0 { canvas.newPage() }
                _ = canvas.switching(to: page.language)
                for element in page.elements { element.draw(on: canvas) }
            }
        }
    }

    /// The sheets laid out on pages as ``write(_:to:info:overwrite:)`` prints them, without writing anything.
    public static func layout(_ sheets: [AdviceSheet]) -> SheetPages {
        let canvas = Canvas(measuringFor: sheets.first?.language ?? "de", fontFamily: fontFamily)
        defer { canvas.discard() }
        return layout(sheets, on: canvas)
    }

    /// Each sheet on pages of its own, with the page line at the foot of every page. A copy after one with an odd
    /// number of pages starts after a blank page, so it begins a new sheet of paper when printed on both sides.
    static func layout(_ sheets: [AdviceSheet], on canvas: Canvas) -> SheetPages {
        let geometry = PageGeometry.a4
        let paginator = SheetPaginator(geometry: geometry)
        var pages: [SheetPages.Page] = []
        for sheet in sheets {
            if pages.count % 2 == 1 {
                pages.append(.init(copy: nil, language: sheet.language, number: 0, count: 0, elements: []))
            }
            let measuring = canvas.switching(to: sheet.language)
            let placed = paginator.fitted(sheet, canvas: measuring)
            for (index, page) in placed.enumerated() {
                let line = measuring.paragraph(
                    sheet.pageLine(page: index + 1, of: placed.count), width: geometry.width, style: SheetStyle.footer)
                let footer = PageElement.text(
                    SheetPages.Text(
                        role: .footer, part: .footer, string: line.text, x: geometry.left, y: geometry.footerY,
                        width: line.boxWidth, height: line.height, size: line.style.size, bold: line.style.bold,
                        gray: line.style.gray), line)
                pages.append(
                    .init(
                        copy: sheet.audience, language: sheet.language, number: index + 1, count: placed.count,
                        elements: page.elements + [footer]))
            }
        }
        return SheetPages(pages: pages)
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
