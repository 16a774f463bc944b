import AdviceReport
import CPangoCairo

/// Renders advice sheets — the household's sheet, then any second-language copy on its own pages — and programme
/// reports to PDF documents in memory; where they go (a file, an HTTP answer) is the front end's choice.
public enum PDFRenderer {
    /// The one font every PDF is set in: it has the Latin, Cyrillic and Arabic letters of all the languages.
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

    /// The sheets as one PDF: the household's sheet, then any second-language copy, each laid out as ``layout(_:)``
    /// says (a blank back page before a copy that would start on the back of the household's paper).
    public static func render(_ sheets: [AdviceSheet], info: PDFDocumentInfo) throws(PDFError) -> PDFBytes {
        try render(info: info, language: sheets.first?.language ?? "de") { canvas in
            let laidOut = layout(sheets, on: canvas)
            for (index, page) in laidOut.pages.enumerated() {
                if index > 0 { canvas.newPage() }
                _ = canvas.switching(to: page.language)
                for element in page.elements { element.draw(on: canvas) }
            }
        }
    }

    /// The sheets laid out on pages as ``render(_:info:)-([AdviceSheet],_)`` prints them, without making a PDF.
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

    /// A letter of the household as a one-page PDF, in the largest text size that fits the page.
    public static func render(_ letter: Letter, info: PDFDocumentInfo) throws(PDFError) -> PDFBytes {
        var fits = true
        let pdf = try render(info: info, language: "de") { canvas in
            guard let page = LetterLayout.fitted(letter, canvas: canvas) else {
                fits = false
                return
            }
            for element in page.elements { element.draw(on: canvas) }
        }
        guard fits else { throw .letterTooLong(subject: letter.subject.joined(separator: " ")) }
        return pdf
    }

    /// Letters as one PDF, each on its own page in the largest size that fits, with a blank page after each but the
    /// last: printed on both sides, every letter is a sheet of paper of its own, for its own envelope.
    public static func render(_ letters: [Letter], info: PDFDocumentInfo) throws(PDFError) -> PDFBytes {
        var tooLong: Letter?
        let pdf = try render(info: info, language: "de") { canvas in
            for (index, letter) in letters.enumerated() {
                guard let page = LetterLayout.fitted(letter, canvas: canvas) else {
                    tooLong = letter
                    return
                }
                if index > 0 {
                    canvas.newPage()
                    canvas.newPage()
                }
                for element in page.elements { element.draw(on: canvas) }
            }
        }
        if let tooLong { throw .letterTooLong(subject: tooLong.subject.joined(separator: " ")) }
        return pdf
    }

    /// The text size a letter is set in on its one page; nil when it does not fit even at the smallest size.
    public static func letterTextSize(_ letter: Letter) -> Double? {
        let canvas = Canvas(measuringFor: "de", fontFamily: fontFamily)
        defer { canvas.discard() }
        return LetterLayout.fitted(letter, canvas: canvas)?.size
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
