import AdviceReport
import CPangoCairo

/// A ``Letter`` on one A4 page after DIN 5008 (form B): the sender at the top, the recipient in the window of a
/// DL envelope, the information block on the right, fold and hole marks at the edge, then subject, text, signature
/// line and enclosures. A blank is a line to write on with what belongs there printed small beneath it; a box to tick
/// is a square.
///
/// The text is 11 pt; a letter that would not fit on the page is set again at 10.5, 10, 9.5 and 9 pt.
struct LetterLayout {
    let canvas: Canvas
    let letter: Letter
    /// The body text's size; headings and small print follow it.
    let size: Double

    static let sizes = [11.0, 10.5, 10, 9.5, 9]
    static let mm = 72 / 25.4

    /// Something to draw, placed.
    enum Element {
        case text(Canvas.Paragraph, x: Double, y: Double)
        case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, gray: Double)
        case box(x: Double, y: Double, side: Double)

        func draw(on canvas: Canvas) {
            switch self {
            case .text(let p, let x, let y): canvas.draw(p, x: x, y: y)
            case .line(let x1, let y1, let x2, let y2, let width, let gray):
                canvas.line(from: (x1, y1), to: (x2, y2), gray: gray, width: width)
            case .box(let x, let y, let side):
                canvas.rectangle(x: x, y: y, width: side, height: side, fill: nil, stroke: 0, lineWidth: 0.8)
            }
        }

        /// The text drawn, for tests.
        var string: String? {
            if case .text(let p, _, _) = self { return p.text }
            return nil
        }
    }

    /// The laid-out page and where its content ends.
    struct Page {
        var elements: [Element]
        var bottom: Double
        var size: Double
    }

    // DIN 5008: text from 25 mm to 20 mm from the right edge; the address field of form B at 45 mm from the top;
    // the information block from 125 mm; the subject below the address field.
    var left: Double { 25 * Self.mm }
    var right: Double { Canvas.a4Width - 20 * Self.mm }
    var width: Double { right - left }
    var bottom: Double { Canvas.a4Height - 15 * Self.mm }

    var body: Canvas.Style { Canvas.Style(size: size) }
    var bold: Canvas.Style { Canvas.Style(size: size, bold: true) }
    var small: Canvas.Style { Canvas.Style(size: max(7.5, size - 3), gray: 0.35) }

    /// The letter on one page at the largest size that fits; nil when not even 9 pt does.
    static func fitted(_ letter: Letter, canvas: Canvas) -> Page? {
        for size in sizes {
            let page = LetterLayout(canvas: canvas, letter: letter, size: size).page()
            if page.bottom <= LetterLayout(canvas: canvas, letter: letter, size: size).bottom { return page }
        }
        return nil
    }

    func page() -> Page {
        var elements = marks()
        // The sender, top left.
        var y = 12 * Self.mm
        for line in letter.sender { y = self.line(line, x: left, y: y, width: 85 * Self.mm, into: &elements) + 1 }
        // The recipient, in the envelope's window (form B: the address zone from 62.7 mm).
        var addressY = 63 * Self.mm
        for line in letter.address {
            addressY = self.line(line, x: left, y: addressY, width: 80 * Self.mm, into: &elements) + 1
        }
        // The information block: label above a line, from 125 mm, level with the address field.
        var infoY = 50 * Self.mm
        let infoX = 125 * Self.mm
        for detail in letter.details {
            let label = canvas.paragraph(detail.label + ":", width: right - infoX, style: small)
            elements.append(.text(label, x: infoX, y: infoY))
            infoY += label.height + 1
            infoY = line(detail.value, x: infoX, y: infoY, width: right - infoX, into: &elements) + 4
        }
        // The subject below everything above it, with a line's room, at the earliest where DIN 5008 puts it.
        y = max(y + size, addressY + size, infoY, 98.5 * Self.mm)
        if let urgent = letter.urgent { y = paragraph(urgent, style: bold, y: y, after: 4, into: &elements) }
        for line in letter.subject { y = paragraph(line, style: bold, y: y, after: 1, into: &elements) }
        y += size
        y = paragraph(letter.salutation, style: body, y: y, after: size * 0.6, into: &elements)
        for part in letter.body { y = self.part(part, y: y, into: &elements) }
        y = paragraph(letter.closing, style: body, y: y + size * 0.2, after: 0, into: &elements)
        // Room to sign, a line, the name under it.
        y += size * 2.8
        elements.append(.line(x1: left, y1: y, x2: left + 75 * Self.mm, y2: y, width: 0.6, gray: 0))
        y += 2
        switch letter.signer {
        case .text(let name): y = paragraph(name, style: body, y: y, after: 0, into: &elements)
        case .blank(let hint):
            elements.append(.text(canvas.paragraph(hint, width: 75 * Self.mm, style: small), x: left, y: y))
            y += size
        }
        if !letter.enclosures.isEmpty {
            y += size * 0.8
            y = paragraph(letter.enclosuresHeading + ":", style: bold, y: y, after: 1, into: &elements)
            for part in letter.enclosures { y = self.part(part, y: y, into: &elements, after: 1) }
        }
        return Page(elements: elements, bottom: y, size: size)
    }

    /// Fold marks at 105 and 210 mm and the hole mark at 148.5 mm, at the left edge.
    func marks() -> [Element] {
        [105.0, 210].map {
            .line(x1: 4 * Self.mm, y1: $0 * Self.mm, x2: 9 * Self.mm, y2: $0 * Self.mm, width: 0.4, gray: 0.4)
        }
            + [
                .line(
                    x1: 4 * Self.mm, y1: 148.5 * Self.mm, x2: 11 * Self.mm, y2: 148.5 * Self.mm, width: 0.4, gray: 0.4)
            ]
    }

    /// A known line as text; a blank as a line to write on, `width` long, with its hint small beneath.
    /// - Returns: the y below it.
    func line(_ line: Letter.Line, x: Double, y: Double, width: Double, into elements: inout [Element]) -> Double {
        switch line {
        case .text(let text):
            let p = canvas.paragraph(text, width: width, style: body)
            elements.append(.text(p, x: x, y: y))
            return y + p.height
        case .blank(let hint):
            // Room to write by hand: a little more than a line of text.
            let baseline = y + size * 1.6
            elements.append(.line(x1: x, y1: baseline, x2: x + width, y2: baseline, width: 0.5, gray: 0))
            guard !hint.isEmpty else { return baseline + 2 }
            let p = canvas.paragraph(hint, width: width, style: small)
            elements.append(.text(p, x: x, y: baseline + 0.5))
            return baseline + 0.5 + p.height
        }
    }

    func paragraph(
        _ text: String, style: Canvas.Style, x: Double? = nil, y: Double, after: Double,
        into elements: inout [Element]
    ) -> Double {
        let x = x ?? left
        let p = canvas.paragraph(text, width: right - x, style: style)
        elements.append(.text(p, x: x, y: y))
        return y + p.height + after
    }

    func part(_ part: Letter.Paragraph, y: Double, into elements: inout [Element], after: Double? = nil) -> Double {
        let gap = after ?? size * 0.6
        switch part {
        case .text(let text):
            return paragraph(text, style: body, y: y, after: gap, into: &elements)
        case .checkbox(let text):
            let side = size * 0.8
            elements.append(.box(x: left + 2, y: y + size * 0.25, side: side))
            return paragraph(text, style: body, x: left + side + 8, y: y, after: gap, into: &elements)
        case .list(let items):
            var y = y
            for item in items {
                let bullet = canvas.paragraph("–", width: nil, style: body)
                elements.append(.text(bullet, x: left + 6, y: y))
                y = paragraph(item, style: body, x: left + 18, y: y, after: 1, into: &elements)
            }
            return y + gap - 1
        }
    }
}
