import AdviceReport

/// Advice sheets laid out on A4 pages, before anything is drawn: every piece of text with its box, size, weight and
/// grey, every rule and shape, page by page. ``PDFRenderer`` draws it; tests read it to pin sizes and page breaks.
///
/// Coordinates are PDF points (1/72 inch) from the top left corner of the page as printed: on a right-to-left page
/// they are already mirrored.
public struct SheetPages {
    /// Every page in print order, blank backs included.
    public var pages: [Page]

    /// One side of paper.
    public struct Page {
        /// Whose copy the page belongs to; nil for the blank back of a household's copy with an odd number of pages,
        /// so the office copy starts on a sheet of paper of its own when printed on both sides.
        public var copy: AdviceSheet.Audience?
        /// The copy's language tag (`de`, `ar`); the page of a right-to-left language is mirrored.
        public var language: String
        /// The page's number within its copy, from 1; 0 on a blank page.
        public var number: Int
        /// How many pages the copy has; 0 on a blank page.
        public var count: Int
        var elements: [PageElement]

        /// Every piece of text on the page, top to bottom.
        public var texts: [Text] {
            elements.compactMap { element -> Text? in
                guard case .text(var text, _) = element else { return nil }
                if Canvas.isRightToLeft(language) { text.x = Canvas.a4Width - text.x - text.width }
                return text
            }
        }
    }

    /// A piece of text as placed: one paragraph, possibly wrapped to several lines.
    public struct Text: Equatable, Sendable {
        /// What the text is to its reader, which sets its style.
        public var role: Role
        /// The part of the sheet the text belongs to, for checking that a part stays on one page.
        public var part: Part
        /// The paragraph's words as given, before wrapping.
        public var string: String
        /// The left edge of the text's box in points from the left edge of the page.
        public var x: Double
        /// The top of the text's box in points from the top of the page.
        public var y: Double
        /// The width of the box in points: the width the text was wrapped to, else the width of its one line.
        public var width: Double
        /// The height of the box in points, all its lines.
        public var height: Double
        /// Font size in points.
        public var size: Double
        /// Set in the font's bold face.
        public var bold: Bool
        /// 0 is black; grey only for what a reader may skip.
        public var gray: Double
    }

    /// What a piece of text is to its reader.
    public enum Role: String, Sendable, CaseIterable {
        case title, visitLine, advisorLine, office, heading, body, warning
        /// The class letters, the labels under them and the two markers of the A–G scale.
        case scaleLetter, scaleLabel, scaleMarker
        /// The steps table: the column headings, a step's name, its figures, what it is about and where.
        case tableHeader, stepTitle, figure, detail, places
        /// The row that adds the steps up, and the notes under the table.
        case total, note
        /// The one sentence that says what the household saves in all.
        case headline
        /// The supplier and the arrears at the top of an energy debt's page.
        case fact
        /// The last day of the energy-debt steps under it.
        case deadline
        case followUp
        /// The office copy's defaults, estimates and constants, one line each, for staff who check a figure.
        case assumption
        /// Prices, sources and explanations a reader may skip.
        case smallPrint
        /// "Seite 1 von 2" and the visit number at the foot of every page.
        case footer
    }

    /// The parts of a sheet, in the order they are printed.
    public enum Part: String, Sendable, CaseIterable {
        case header, warnings, energyDebt, consumption, steps, tariffSwitch, checkFirst, notRecommended, split
        case installment, tips
        case followUp, assumptions, smallPrint, footer
    }
}

/// What a page is drawn from; `y` of a block's elements counts from the block's top until it is placed.
enum PageElement {
    case text(SheetPages.Text, Canvas.Paragraph)
    case box(x: Double, y: Double, width: Double, height: Double, fill: Double?, stroke: Double?, lineWidth: Double)
    case rule(x1: Double, y1: Double, x2: Double, y2: Double, gray: Double, width: Double)
    /// A filled triangle pointing down (the household's class) or an outlined one pointing up (the average).
    case marker(x: Double, tipY: Double, size: Double, down: Bool)

    func moved(by dy: Double) -> PageElement {
        switch self {
        case .text(var text, let paragraph):
            text.y += dy
            return .text(text, paragraph)
        case .box(let x, let y, let width, let height, let fill, let stroke, let lineWidth):
            return .box(x: x, y: y + dy, width: width, height: height, fill: fill, stroke: stroke, lineWidth: lineWidth)
        case .rule(let x1, let y1, let x2, let y2, let gray, let width):
            return .rule(x1: x1, y1: y1 + dy, x2: x2, y2: y2 + dy, gray: gray, width: width)
        case .marker(let x, let tipY, let size, let down):
            return .marker(x: x, tipY: tipY + dy, size: size, down: down)
        }
    }

    /// Draws the element on the canvas's current page.
    func draw(on canvas: Canvas) {
        switch self {
        case .text(let text, let paragraph): canvas.draw(paragraph, x: text.x, y: text.y)
        case .box(let x, let y, let width, let height, let fill, let stroke, let lineWidth):
            canvas.rectangle(x: x, y: y, width: width, height: height, fill: fill, stroke: stroke, lineWidth: lineWidth)
        case .rule(let x1, let y1, let x2, let y2, let gray, let width):
            canvas.line(from: (x1, y1), to: (x2, y2), gray: gray, width: width)
        case .marker(let x, let tipY, let size, let down):
            if down {
                canvas.downArrow(x: x, tipY: tipY, size: size)
            } else {
                canvas.upArrow(x: x, tipY: tipY, size: size)
            }
        }
    }
}
