import AdviceLocalization
import CPangoCairo

/// A thin, page-aware drawing surface over Cairo and Pango, in PDF points (1/72 inch).
///
/// Not thread-safe: each sheet gets its own canvas; Pango's default font map is per thread.
final class Canvas {
    static let a4Width = 595.276
    static let a4Height = 841.89

    let surface: OpaquePointer
    /// The PDF's bytes as cairo writes them; handed over and freed by `finish()`. Nil for a canvas that only
    /// measures.
    private let buffer: UnsafeMutablePointer<esp_memory_buffer>?
    let cairo: OpaquePointer
    private(set) var pango: OpaquePointer?
    private let cache = TextCache.current()
    let fontFamily: String
    private(set) var language: String
    /// The page is laid out right to left (Arabic, Persian, Hebrew, Urdu): every x is mirrored when drawn, so the
    /// layout code places things as for a left-to-right page and the sheet comes out as its mirror image, while
    /// Pango keeps numbers and units left to right inside the text.
    private(set) var rightToLeft: Bool
    let margin = 34.0
    private(set) var y: Double
    private(set) var pages = 1

    var left: Double { margin }
    var width: Double { Self.a4Width - 2 * margin }
    var bottom: Double { Self.a4Height - margin }

    /// A canvas drawing a PDF in memory.
    init(fontFamily: String, language: String, metadata: [(cairo_pdf_metadata_t, String)]) throws(PDFError) {
        let memory = UnsafeMutablePointer<esp_memory_buffer>.allocate(capacity: 1)
        memory.initialize(to: esp_memory_buffer(data: nil, used: 0, capacity: 0, failed: 0))
        buffer = memory
        surface = esp_pdf_surface_for_memory(memory, Self.a4Width, Self.a4Height)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            let reason = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
            cairo_surface_destroy(surface)
            memory.deallocate()
            throw .cannotRender(reason: reason)
        }
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        for (key, value) in metadata { cairo_pdf_surface_set_metadata(surface, key, value) }
        cairo = cairo_create(surface)
        // The thread's Pango context for the language: a context per layout would redo font set-up every time.
        pango = cache.context(language: language, cairo: cairo)
        self.fontFamily = fontFamily
        self.language = language
        self.rightToLeft = Self.isRightToLeft(language)
        y = margin
    }

    /// A canvas that measures text for `language` and writes nothing: for laying sheets out without a file.
    init(measuringFor language: String, fontFamily: String) {
        buffer = nil
        surface = esp_pdf_surface_discarding(Self.a4Width, Self.a4Height)
        cairo = cairo_create(surface)
        pango = cache.context(language: language, cairo: cairo)
        self.fontFamily = fontFamily
        self.language = language
        self.rightToLeft = Self.isRightToLeft(language)
        y = margin
    }

    /// Releases a measuring canvas (a writing one is finished with ``finish()``).
    func discard() {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// Finishes the document and hands over its bytes; a PDF exists only when this succeeds.
    func finish() throws(PDFError) -> [UInt8] {
        cairo_destroy(cairo)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard let buffer else { return [] }
        defer {
            free(buffer.pointee.data)
            buffer.deallocate()
        }
        guard status == CAIRO_STATUS_SUCCESS, buffer.pointee.failed == 0 else {
            throw .cannotRender(reason: String(cString: cairo_status_to_string(status)))
        }
        guard let data = buffer.pointee.data else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: buffer.pointee.used))
    }

    static func isRightToLeft(_ language: String) -> Bool { LocaleFormatter.isRightToLeft(language) }

    static func mirrored(_ align: PangoAlignment) -> PangoAlignment {
        align == PANGO_ALIGN_LEFT ? PANGO_ALIGN_RIGHT : align == PANGO_ALIGN_RIGHT ? PANGO_ALIGN_LEFT : align
    }

    /// `x` of a box `width` wide, as drawn: mirrored on a right-to-left page.
    func mirrored(_ x: Double, width: Double = 0) -> Double {
        rightToLeft ? Self.a4Width - x - width : x
    }

    /// The same canvas, shaping text for another language (the second-language copy).
    func switching(to language: String) -> Canvas {
        self.language = language
        self.rightToLeft = Self.isRightToLeft(language)
        pango = cache.context(language: language, cairo: cairo)
        return self
    }

    func newPage() {
        cairo_show_page(cairo)
        pages += 1
        y = margin
    }

    /// Starts a new page unless `height` still fits on this one.
    func ensure(_ height: Double) {
        if y + height > bottom { newPage() }
    }

    func advance(_ height: Double) { y += height }

    // MARK: Text

    struct Style {
        var size: Double
        var bold = false
        var gray = 0.0
        var align: PangoAlignment = PANGO_ALIGN_LEFT
        /// A figure in a table column: tabular digits, and aligned to the right on every page, also a right-to-left
        /// one, so the last digits of a column stand one under the other.
        var figure = false
    }

    /// A laid-out paragraph; measure it, then draw it where it fits.
    final class Paragraph {
        /// Nil only when Pango could not allocate a layout; such a paragraph takes no space.
        let layout: OpaquePointer?
        let text: String
        let style: Style
        let height: Double
        let width: Double
        let gray: Double
        /// Laid out in a fixed width (and aligned within it) rather than on one natural line.
        let isWrapped: Bool
        /// The width of the box the paragraph is drawn in: its layout width, else its natural width.
        var boxWidth: Double { layoutWidth ?? width }
        private let layoutWidth: Double?

        init(layout: OpaquePointer?, text: String, style: Style, layoutWidth: Double?) {
            self.layout = layout
            self.text = text
            self.style = style
            self.gray = style.gray
            self.isWrapped = layoutWidth != nil
            self.layoutWidth = layoutWidth
            var ink = PangoRectangle()
            var logical = PangoRectangle()
            if let layout { pango_layout_get_extents(layout, &ink, &logical) }
            height = Double(logical.height) / Double(PANGO_SCALE)
            width = Double(logical.width) / Double(PANGO_SCALE)
        }

        deinit { if let layout { esp_object_unref(UnsafeMutableRawPointer(layout)) } }
    }

    /// `width` nil: one line at its natural width, for measuring table columns.
    func paragraph(_ text: String, width: Double?, style: Style) -> Paragraph {
        let pangoWidth = width.map { Int32($0 * Double(PANGO_SCALE)) } ?? -1
        let key = TextCache.Key(
            text: text, width: pangoWidth, size: style.size, bold: style.bold,
            align: style.align.rawValue, figure: style.figure, language: language, family: fontFamily)
        let rightToLeft = self.rightToLeft
        let layout = cache.layout(key) { () -> OpaquePointer? in
            guard let pango, let layout = pango_layout_new(pango) else { return nil }
            let description = pango_font_description_new()
            pango_font_description_set_family(description, fontFamily)
            pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
            pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
            pango_layout_set_font_description(layout, description)
            pango_font_description_free(description)
            pango_layout_set_width(layout, pangoWidth)
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            // On a right-to-left page every paragraph is right to left, also one that starts with a German name or
            // a number, and aligned from the right: the page is the mirror image of a left-to-right one.
            if rightToLeft {
                pango_layout_set_auto_dir(layout, 0)
                pango_layout_set_alignment(layout, style.figure ? style.align : Self.mirrored(style.align))
            } else {
                pango_layout_set_alignment(layout, style.align)
            }
            if style.figure { esp_layout_set_tabular_figures(layout) }
            pango_layout_set_text(layout, text, -1)
            return layout
        }
        return Paragraph(layout: layout, text: text, style: style, layoutWidth: width)
    }

    func draw(_ paragraph: Paragraph, x: Double, y: Double) {
        cairo_save(cairo)
        cairo_set_source_rgb(cairo, paragraph.gray, paragraph.gray, paragraph.gray)
        cairo_move_to(cairo, mirrored(x, width: paragraph.boxWidth), y)
        if let layout = paragraph.layout { pango_cairo_show_layout(cairo, layout) }
        cairo_restore(cairo)
    }

    /// Draws a paragraph at the cursor across the full width, moving the cursor below it.
    @discardableResult
    func flow(_ text: String, style: Style, indent: Double = 0, after: Double = 2) -> Double {
        let p = paragraph(text, width: width - indent, style: style)
        ensure(p.height)
        draw(p, x: left + indent, y: y)
        y += p.height + after
        return p.height
    }

    // MARK: Shapes

    func rectangle(
        x: Double, y: Double, width: Double, height: Double, fill: Double?, stroke: Double?, lineWidth: Double = 0.6
    ) {
        cairo_save(cairo)
        cairo_rectangle(cairo, mirrored(x, width: width), y, width, height)
        if let fill {
            cairo_set_source_rgb(cairo, fill, fill, fill)
            if stroke != nil { cairo_fill_preserve(cairo) } else { cairo_fill(cairo) }
        }
        if let stroke {
            cairo_set_source_rgb(cairo, stroke, stroke, stroke)
            cairo_set_line_width(cairo, lineWidth)
            cairo_stroke(cairo)
        }
        cairo_restore(cairo)
    }

    func line(
        from a: (Double, Double), to b: (Double, Double), gray: Double = 0, width: Double = 0.6, dash: Double? = nil
    ) {
        cairo_save(cairo)
        cairo_set_source_rgb(cairo, gray, gray, gray)
        cairo_set_line_width(cairo, width)
        if let dash {
            var pattern = [dash, dash]
            cairo_set_dash(cairo, &pattern, 2, 0)
        }
        cairo_move_to(cairo, mirrored(a.0), a.1)
        cairo_line_to(cairo, mirrored(b.0), b.1)
        cairo_stroke(cairo)
        cairo_restore(cairo)
    }

    /// A filled triangle pointing down at (x, tipY): the "you are here" marker.
    func downArrow(x: Double, tipY: Double, size: Double) {
        let x = mirrored(x)
        cairo_save(cairo)
        cairo_set_source_rgb(cairo, 0, 0, 0)
        cairo_move_to(cairo, x - size / 2, tipY - size)
        cairo_line_to(cairo, x + size / 2, tipY - size)
        cairo_line_to(cairo, x, tipY)
        cairo_close_path(cairo)
        cairo_fill(cairo)
        cairo_restore(cairo)
    }

    /// An outlined triangle pointing up at (x, tipY): the average marker, told apart by shape not colour.
    func upArrow(x: Double, tipY: Double, size: Double) {
        let x = mirrored(x)
        cairo_save(cairo)
        cairo_set_source_rgb(cairo, 0, 0, 0)
        cairo_set_line_width(cairo, 0.8)
        cairo_move_to(cairo, x - size / 2, tipY + size)
        cairo_line_to(cairo, x + size / 2, tipY + size)
        cairo_line_to(cairo, x, tipY)
        cairo_close_path(cairo)
        cairo_stroke(cairo)
        cairo_restore(cairo)
    }
}
