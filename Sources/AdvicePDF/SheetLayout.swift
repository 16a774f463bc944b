import AdviceReport
import CPangoCairo

/// Draws one ``AdviceSheet`` on A4 pages: office, consumption scale, steps table, who saves, installment,
/// tips, follow-up line and small print. Black and white: shapes and grey steps carry the meaning.
struct SheetLayout {
    let canvas: Canvas
    let sheet: AdviceSheet

    typealias Style = Canvas.Style
    static let body = Style(size: 9.5)
    static let small = Style(size: 8, gray: 0.25)
    static let tiny = Style(size: 6.5, gray: 0.3)
    static let heading = Style(size: 12, bold: true)

    func draw() {
        header()
        // The office copy: what the advisor must check comes before anything else.
        if sheet.audience == .office { warnings() }
        section(sheet.consumption.heading)
        for line in sheet.consumption.lines { canvas.flow(line, style: Self.body) }
        scale()
        steps()
        list(sheet.tariffSwitch)
        list(sheet.checkFirst)
        list(sheet.notRecommended, style: Self.small)
        list(sheet.split, emphasizeLast: true)
        list(sheet.installment)
        list(sheet.tips, bullet: "• ")
        canvas.advance(6)
        canvas.flow(sheet.followUp, style: Style(size: 11, bold: true), after: 8)
        if sheet.audience == .office { list(sheet.assumptions, style: Self.small) }
        smallPrint()
    }

    /// The advisor's warnings in a framed box.
    func warnings() {
        guard !sheet.warnings.isEmpty else { return }
        let text = ([sheet.warnings.heading] + sheet.warnings.lines.map { "! " + $0 }).joined(separator: "\n")
        let p = canvas.paragraph(text, width: canvas.width - 16, style: Style(size: 9, bold: true))
        canvas.ensure(p.height + 12)
        canvas.rectangle(
            x: canvas.left, y: canvas.y, width: canvas.width, height: p.height + 10, fill: nil, stroke: 0,
            lineWidth: 1.5)
        canvas.draw(p, x: canvas.left + 8, y: canvas.y + 5)
        canvas.advance(p.height + 14)
    }

    func header() {
        let title = canvas.paragraph(sheet.title, width: canvas.width, style: Style(size: 18, bold: true))
        canvas.draw(title, x: canvas.left, y: canvas.y)
        canvas.advance(title.height + 2)
        canvas.flow(sheet.visitLine, style: Self.small, after: 6)
        if let office = sheet.officeLine {
            let p = canvas.paragraph(office, width: canvas.width - 16, style: Style(size: 10, bold: true))
            canvas.rectangle(
                x: canvas.left, y: canvas.y, width: canvas.width, height: p.height + 10, fill: 0.93, stroke: 0)
            canvas.draw(p, x: canvas.left + 8, y: canvas.y + 5)
            canvas.advance(p.height + 12)
        }
    }

    func section(_ heading: String) {
        let p = canvas.paragraph(heading, width: canvas.width, style: Self.heading)
        // Keep a heading with at least a few lines of what follows it.
        canvas.ensure(p.height + 40)
        canvas.advance(4)
        canvas.draw(p, x: canvas.left, y: canvas.y)
        canvas.advance(p.height + 1)
        canvas.line(from: (canvas.left, canvas.y), to: (canvas.left + canvas.width, canvas.y), gray: 0.4, width: 0.5)
        canvas.advance(4)
    }

    /// Seven boxes A–G that grow in height and darken, the household's class marked from above, the
    /// average class from below.
    func scale() {
        let s = sheet.scale
        let count = Double(s.letters.count)
        let gap = 3.0
        let boxWidth = (canvas.width - gap * (count - 1)) / count
        let maxHeight = 26.0
        let marker = canvas.paragraph(
            s.youAreHere, width: boxWidth * 2, style: Style(size: 9, bold: true, align: PANGO_ALIGN_CENTER))
        let labelHeight = 14.0
        canvas.ensure(marker.height + 10 + maxHeight + labelHeight + 26)
        canvas.advance(4)
        let markerX = canvas.left + Double(s.householdIndex) * (boxWidth + gap) + boxWidth / 2
        canvas.draw(
            marker, x: min(max(canvas.left, markerX - boxWidth), canvas.left + canvas.width - 2 * boxWidth), y: canvas.y
        )
        canvas.advance(marker.height + 1)
        canvas.downArrow(x: markerX, tipY: canvas.y + 8, size: 8)
        canvas.advance(10)
        let baseY = canvas.y + maxHeight
        for (index, letter) in s.letters.enumerated() {
            let x = canvas.left + Double(index) * (boxWidth + gap)
            let height = 16 + (maxHeight - 16) * Double(index) / (count - 1)
            let fill = 0.95 - 0.8 * Double(index) / (count - 1)
            let isHousehold = index == s.householdIndex
            canvas.rectangle(
                x: x, y: baseY - height, width: boxWidth, height: height, fill: fill, stroke: 0,
                lineWidth: isHousehold ? 2.5 : 0.6)
            let text = fill < 0.5 ? 1.0 : 0.0
            let letterP = canvas.paragraph(
                letter, width: boxWidth, style: Style(size: 14, bold: true, gray: text, align: PANGO_ALIGN_CENTER))
            canvas.draw(letterP, x: x, y: baseY - height / 2 - letterP.height / 2)
            if index < s.labels.count {
                let label = canvas.paragraph(
                    s.labels[index], width: boxWidth, style: Style(size: 7, gray: 0.2, align: PANGO_ALIGN_CENTER))
                canvas.draw(label, x: x, y: baseY + 3)
            }
        }
        canvas.advance(maxHeight + labelHeight)
        let averageX = canvas.left + Double(s.averageIndex) * (boxWidth + gap) + boxWidth / 2
        canvas.upArrow(x: averageX, tipY: canvas.y, size: 7)
        let average = canvas.paragraph(
            s.averageLabel, width: boxWidth * 2, style: Style(size: 7.5, align: PANGO_ALIGN_CENTER))
        canvas.draw(
            average, x: min(max(canvas.left, averageX - boxWidth), canvas.left + canvas.width - 2 * boxWidth),
            y: canvas.y + 8)
        canvas.advance(8 + average.height + 4)
    }

    /// The recommended steps: a title with why and how beneath it, and the numbers in right-aligned columns.
    func steps() {
        let table = sheet.steps
        section(table.heading)
        let headerStyle = Style(size: 8, bold: true)
        let cellStyle = Style(size: 9.5, bold: true)
        let totalStyle = Style(size: 11, bold: true)
        // Each number cell is shaped once, on one line; the widest sets its column, the title takes the rest.
        let bodyCells = table.rows.map { $0.cells.map { canvas.paragraph($0, width: nil, style: cellStyle) } }
        let totalCells = table.total.dropFirst().map { canvas.paragraph($0, width: nil, style: totalStyle) }
        let columns = table.header.count - 1
        let numberWidths = (0..<columns).map { column -> Double in
            let widest = (bodyCells.map { $0[column].width } + [totalCells[column].width]).max() ?? 0
            let headerWord = table.header[column + 1].split(separator: " ").map(\.count).max() ?? 0
            // The last column holds words ("nach 19 Monaten") and may wrap between them.
            let cap = column == columns - 1 ? 74.0 : 110
            return min(cap, max(widest, Double(headerWord) * 5.2, 36) + 10)
        }
        let firstWidth = canvas.width - numberWidths.reduce(0, +)
        var rights: [Double] = []
        var x = canvas.left + firstWidth
        for w in numberWidths {
            x += w
            rights.append(x - 3)
        }

        func fitted(_ p: Canvas.Paragraph, text: String, column: Int, style: Style) -> Canvas.Paragraph {
            let room = numberWidths[column] - 5
            guard p.width > room else { return p }
            return canvas.paragraph(
                text, width: room, style: Style(size: style.size, bold: style.bold, align: PANGO_ALIGN_RIGHT))
        }

        func row(
            _ title: String, cells: [Canvas.Paragraph], style: Style, detail: String?, places: String? = nil,
            shade: Double?
        ) {
            let first = canvas.paragraph(title, width: firstWidth - 6, style: style)
            // Why and how run under the whole row, so the title column stays short; at body size, which older
            // readers can read, and the places of a grouped row small beneath.
            let detailP = detail.map { canvas.paragraph($0, width: canvas.width - 6, style: Self.body) }
            let placesP = places.map { canvas.paragraph($0, width: canvas.width - 6, style: Self.small) }
            let top = max(first.height, cells.map(\.height).max() ?? 0)
            let below = (detailP.map { $0.height + 2 } ?? 0) + (placesP.map { $0.height + 1 } ?? 0)
            let height = top + below + 6
            canvas.ensure(height)
            if let shade {
                canvas.rectangle(
                    x: canvas.left, y: canvas.y, width: canvas.width, height: height, fill: shade, stroke: nil)
            }
            canvas.draw(first, x: canvas.left + 3, y: canvas.y + 3)
            if let detailP { canvas.draw(detailP, x: canvas.left + 3, y: canvas.y + 3 + top + 2) }
            if let placesP {
                canvas.draw(placesP, x: canvas.left + 3, y: canvas.y + 3 + top + 2 + (detailP?.height ?? 0) + 1)
            }
            for (column, p) in cells.enumerated() {
                // A wrapped paragraph is right-aligned within its own width; a one-line one is placed by its width.
                let x = p.isWrapped ? rights[column] - (numberWidths[column] - 5) : rights[column] - p.width
                canvas.draw(p, x: x, y: canvas.y + 3)
            }
            canvas.advance(height)
            canvas.line(
                from: (canvas.left, canvas.y), to: (canvas.left + canvas.width, canvas.y), gray: 0.6, width: 0.4)
        }

        let headerCells = table.header.dropFirst().enumerated().map { column, text in
            canvas.paragraph(
                text, width: numberWidths[column] - 5, style: Style(size: 8, bold: true, align: PANGO_ALIGN_RIGHT))
        }
        row(table.header[0], cells: headerCells, style: headerStyle, detail: nil, shade: 0.88)
        for (index, step) in table.rows.enumerated() {
            let cells = bodyCells[index].enumerated().map {
                fitted($1, text: step.cells[$0], column: $0, style: cellStyle)
            }
            var detail = "\(step.why) \(step.how)"
            if sheet.audience == .office { detail += "\n[\(step.advisorNote)]" }
            row(step.title, cells: cells, style: cellStyle, detail: detail, places: step.places, shade: nil)
        }
        let totals = totalCells.enumerated().map {
            fitted($1, text: table.total[$0 + 1], column: $0, style: totalStyle)
        }
        row(table.total[0], cells: totals, style: totalStyle, detail: nil, shade: 0.88)
        canvas.advance(2)
        for note in table.notes { canvas.flow(note, style: Self.small, after: 1) }
        canvas.advance(4)
    }

    func list(
        _ section: AdviceSheet.Section, bullet: String = "", emphasizeLast: Bool = false, style: Style = Self.body
    ) {
        guard !section.isEmpty else { return }
        self.section(section.heading)
        for (index, line) in section.lines.enumerated() {
            let isKey = emphasizeLast && index == section.lines.count - 1
            canvas.flow(bullet + line, style: isKey ? Style(size: 14, bold: true) : style, after: isKey ? 3 : 1.5)
        }
    }

    func smallPrint() {
        // One flowing paragraph keeps the sources to a few lines at the foot of the page.
        let lines = [sheet.sources.heading + ": " + sheet.sources.lines.joined(separator: " · ")] + sheet.smallPrint
        canvas.advance(4)
        canvas.line(from: (canvas.left, canvas.y), to: (canvas.left + canvas.width, canvas.y), gray: 0.5, width: 0.4)
        canvas.advance(3)
        for line in lines { canvas.flow(line, style: Self.tiny, after: 1) }
    }
}
