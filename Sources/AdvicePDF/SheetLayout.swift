import AdviceReport
import CPangoCairo

/// Turns one ``AdviceSheet`` into blocks for ``SheetPaginator``: office, consumption scale, steps table, who saves,
/// installment, tips, follow-up line and small print; on the office copy the advisor's warnings first and the
/// assumptions last. Black and white: shapes and grey steps carry the meaning.
///
/// Sections stay whole on a page (a heading never ends a page, the headline stays with its section, an installment
/// is never split); only the steps table breaks, between rows, with its column headings repeated and its last row
/// kept with the total and the notes.
struct SheetLayout {
    let canvas: Canvas
    let sheet: AdviceSheet
    let geometry: PageGeometry
    /// 1 for the normal gaps between sections; less to fit a sheet on fewer pages.
    var spacing = 1.0
    /// At most this many of the everyday tips (the first ones), where fewer tips save the household a page.
    var tipLimit: Int? = nil

    typealias Style = Canvas.Style
    typealias Role = SheetPages.Role
    typealias Part = SheetPages.Part

    var left: Double { geometry.left }
    var width: Double { geometry.width }

    func blocks() -> [Block] {
        var blocks = [header()]
        // The office copy: what the advisor must check comes before anything else.
        if sheet.audience == .office, let box = warnings() { blocks.append(box) }
        // A cut-off has dates to meet: the debt's page comes first, and the savings start on a page of their own.
        blocks += energyDebt()
        var savings = consumption()
        if !sheet.energyDebt.isEmpty { savings[0].startsPage = true }
        blocks += savings
        blocks += steps()
        blocks += section(sheet.tariffSwitch, part: .tariffSwitch)
        blocks += section(sheet.checkFirst, part: .checkFirst)
        blocks += notRecommended()
        blocks += section(sheet.split, part: .split, headline: true)
        blocks += section(sheet.installment, part: .installment)
        var tips = sheet.tips
        if let tipLimit { tips.lines = Array(tips.lines.prefix(tipLimit)) }
        blocks += section(tips, part: .tips, bullet: "• ")
        // On the household's copy the follow-up line belongs to the foot of the sheet; the office copy goes on with
        // the assumptions.
        var followUp = Block(
            height: 0, elements: [], spaceBefore: 14 * spacing, isTrailer: sheet.audience == .household)
        add(sheet.followUp, style: SheetStyle.followUp, role: .followUp, part: .followUp, to: &followUp)
        blocks.append(followUp)
        if sheet.audience == .office {
            blocks += section(
                sheet.assumptions, part: .assumptions, style: SheetStyle.assumption, role: .assumption, whole: false)
        }
        blocks.append(smallPrint())
        return blocks
    }

    // MARK: Pieces

    /// A paragraph across `width` (default: the whole width) at `x`, added to the bottom of `block`.
    @discardableResult
    func add(
        _ string: String, style: Style, role: Role, part: Part, to block: inout Block, x: Double? = nil,
        width: Double? = nil, after: Double = 0
    ) -> Canvas.Paragraph {
        let p = canvas.paragraph(string, width: width ?? self.width, style: style)
        block.elements.append(text(p, role: role, part: part, x: x ?? left, y: block.height))
        block.height += p.height + after
        return p
    }

    func text(_ p: Canvas.Paragraph, role: Role, part: Part, x: Double, y: Double) -> PageElement {
        .text(
            SheetPages.Text(
                role: role, part: part, string: p.text, x: x, y: y, width: p.boxWidth, height: p.height,
                size: p.style.size, bold: p.style.bold, gray: p.style.gray), p)
    }

    func header() -> Block {
        var block = Block(height: 0, elements: [], keepWithNext: true)
        add(
            sheet.fileCopyTitle ?? sheet.title, style: SheetStyle.title, role: .title, part: .header, to: &block,
            after: 2)
        add(sheet.visitLine, style: SheetStyle.visitLine, role: .visitLine, part: .header, to: &block, after: 2)
        if let advisor = sheet.advisorLine {
            add(advisor, style: SheetStyle.visitLine, role: .advisorLine, part: .header, to: &block, after: 2)
        }
        block.height += 4
        if let office = sheet.officeLine {
            let p = canvas.paragraph(office, width: width - 16, style: SheetStyle.office)
            block.elements.append(
                .box(
                    x: left, y: block.height, width: width, height: p.height + 10, fill: 0.93, stroke: 0, lineWidth: 0.6
                ))
            block.elements.append(text(p, role: .office, part: .header, x: left + 8, y: block.height + 5))
            block.height += p.height + 10
        }
        return block
    }

    /// The advisor's warnings in a framed box.
    func warnings() -> Block? {
        guard !sheet.warnings.isEmpty else { return nil }
        let body = ([sheet.warnings.heading] + sheet.warnings.lines.map { "! " + $0 }).joined(separator: "\n")
        let p = canvas.paragraph(body, width: width - 16, style: SheetStyle.warning)
        return Block(
            height: p.height + 10,
            elements: [
                .box(x: left, y: 0, width: width, height: p.height + 10, fill: nil, stroke: 0, lineWidth: 1.5),
                text(p, role: .warning, part: .warnings, x: left + 8, y: 5),
            ],
            spaceBefore: 10 * spacing)
    }

    /// A section heading with a rule under it, glued to what follows.
    func heading(_ string: String, part: Part) -> Block {
        var block = Block(height: 0, elements: [], spaceBefore: 10 * spacing, keepWithNext: true)
        add(string, style: SheetStyle.heading, role: .heading, part: part, to: &block, after: 1)
        block.elements.append(
            .rule(x1: left, y1: block.height, x2: left + width, y2: block.height, gray: 0.4, width: 0.5))
        block.height += 4
        return block
    }

    /// A heading and its lines, kept on one page (`whole`), else the heading with its first two lines. The split
    /// section's last line is its headline.
    func section(
        _ section: AdviceSheet.Section, part: Part, bullet: String = "", style: Style = SheetStyle.body,
        role: Role = .body, headline: Bool = false, whole: Bool = true
    ) -> [Block] {
        guard !section.isEmpty else { return [] }
        var blocks = [heading(section.heading, part: part)]
        for (index, line) in section.lines.enumerated() {
            let isHeadline = headline && index == section.lines.count - 1
            var block = Block(height: 0, elements: [], spaceBefore: isHeadline ? 3 * spacing : 0)
            add(
                bullet + line, style: isHeadline ? SheetStyle.headline : style, role: isHeadline ? .headline : role,
                part: part, to: &block, after: 1.5 * spacing)
            block.keepWithNext = index < section.lines.count - 1 && (whole || index < 2)
            blocks.append(block)
        }
        return blocks
    }

    /// The steps checked that do not pay, under the table's notes: a bold lead and a line each, kept together.
    func notRecommended() -> [Block] {
        let section = sheet.notRecommended
        guard !section.isEmpty else { return [] }
        var block = Block(height: 0, elements: [], spaceBefore: 4 * spacing)
        var lead = SheetStyle.note
        lead.bold = true
        add(section.heading, style: lead, role: .note, part: .notRecommended, to: &block, after: 1)
        for line in section.lines {
            add(line, style: SheetStyle.note, role: .note, part: .notRecommended, to: &block, after: 1)
        }
        return [block]
    }

    // MARK: Consumption

    func consumption() -> [Block] {
        var blocks = [heading(sheet.consumption.heading, part: .consumption)]
        for line in sheet.consumption.lines {
            var block = Block(height: 0, elements: [], keepWithNext: true)
            add(line, style: SheetStyle.body, role: .body, part: .consumption, to: &block, after: 1.5 * spacing)
            blocks.append(block)
        }
        blocks.append(scale())
        return blocks
    }

    /// Seven boxes A–G that grow in height and darken, the household's class marked from above, the average class
    /// from below.
    func scale() -> Block {
        let s = sheet.scale
        let count = Double(s.letters.count)
        let gap = 3.0
        let boxWidth = (width - gap * (count - 1)) / count
        let maxHeight = 24.0
        var block = Block(height: 4, elements: [])
        // "Sie sind hier" beside a triangle that points at the household's class, in the room the lower classes
        // leave above them.
        func boxHeight(_ index: Int) -> Double { 15 + (maxHeight - 15) * Double(index) / (count - 1) }
        let marker = canvas.paragraph(s.youAreHere, width: nil, style: SheetStyle.scaleMarker)
        let markerLine = max(marker.height, 9)
        let baseY = block.height + markerLine + 1 + maxHeight
        let markerX = left + Double(s.householdIndex) * (boxWidth + gap) + boxWidth / 2
        let tipY = baseY - boxHeight(s.householdIndex) - 1
        block.elements.append(.marker(x: markerX, tipY: tipY, size: 8, down: true))
        let markerTextX =
            markerX + 7 + marker.width <= left + width ? markerX + 7 : markerX - 7 - marker.width
        block.elements.append(
            text(
                marker, role: .scaleMarker, part: .consumption, x: markerTextX,
                y: baseY - maxHeight - 1 - marker.height))
        var labelsHeight = 0.0
        for (index, letter) in s.letters.enumerated() {
            let x = left + Double(index) * (boxWidth + gap)
            let height = boxHeight(index)
            let fill = 0.95 - 0.8 * Double(index) / (count - 1)
            let isHousehold = index == s.householdIndex
            block.elements.append(
                .box(
                    x: x, y: baseY - height, width: boxWidth, height: height, fill: fill, stroke: 0,
                    lineWidth: isHousehold ? 2.5 : 0.6))
            var style = SheetStyle.scaleLetter
            style.gray = fill < 0.5 ? 1.0 : 0.0
            let letterP = canvas.paragraph(letter, width: boxWidth, style: style)
            block.elements.append(
                text(letterP, role: .scaleLetter, part: .consumption, x: x, y: baseY - height / 2 - letterP.height / 2))
            if index < s.labels.count {
                let label = canvas.paragraph(s.labels[index], width: boxWidth, style: SheetStyle.scaleLabel)
                block.elements.append(text(label, role: .scaleLabel, part: .consumption, x: x, y: baseY + 2))
                labelsHeight = max(labelsHeight, label.height)
            }
        }
        block.height = baseY + 2 + labelsHeight + 1
        // The average: an outlined triangle under its class, the word beside it (before it under class G).
        let averageX = left + Double(s.averageIndex) * (boxWidth + gap) + boxWidth / 2
        block.elements.append(.marker(x: averageX, tipY: block.height, size: 8, down: false))
        let average = canvas.paragraph(s.averageLabel, width: nil, style: SheetStyle.averageMarker)
        let besideX = averageX + 7 + average.width <= left + width ? averageX + 7 : averageX - 7 - average.width
        block.elements.append(
            text(average, role: .scaleMarker, part: .consumption, x: besideX, y: block.height + 4 - average.height / 2))
        block.height += 8 + 2
        return block
    }

    // MARK: Steps

    /// The recommended steps: a title with why and how beneath it, and the figures in columns aligned by their last
    /// digit. Column widths follow the widest figure and keep each column heading to one line where the title
    /// column keeps enough room, else to two.
    func steps() -> [Block] {
        let table = sheet.steps
        var blocks = [heading(table.heading, part: .steps)]
        let columns = TableColumns(canvas: canvas, table: table, width: width)
        let rights = columns.rightEdges(left: left)

        /// A figure right-aligned in its column on every page: on a right-to-left page the column is mirrored, and
        /// the figure's right edge goes to the column's edge as printed.
        func figureX(_ p: Canvas.Paragraph, column: Int) -> Double {
            let right = rights[column]
            let columnLeft = right - columns.figureWidths[column]
            return canvas.rightToLeft ? columnLeft : right - p.boxWidth
        }

        func row(
            _ title: Canvas.Paragraph, titleRole: Role, cells: [Canvas.Paragraph], cellRole: Role,
            below: [(Canvas.Paragraph, Role)], shade: Double?
        ) -> Block {
            let top = max(title.height, cells.map(\.height).max() ?? 0)
            var block = Block(height: 0, elements: [])
            var y = 3 + top + 2
            var under: [PageElement] = []
            for (p, role) in below {
                under.append(text(p, role: role, part: .steps, x: left + 3, y: y))
                y += p.height + 1
            }
            block.height = y + 3
            if let shade {
                block.elements.append(
                    .box(x: left, y: 0, width: width, height: block.height, fill: shade, stroke: nil, lineWidth: 0))
            }
            block.elements.append(text(title, role: titleRole, part: .steps, x: left + 3, y: 3))
            block.elements += under
            for (column, p) in cells.enumerated() {
                block.elements.append(text(p, role: cellRole, part: .steps, x: figureX(p, column: column), y: 3))
            }
            block.elements.append(
                .rule(x1: left, y1: block.height, x2: left + width, y2: block.height, gray: 0.6, width: 0.4))
            return block
        }

        let headerRow = row(
            canvas.paragraph(table.header[0], width: columns.titleWidth - 6, style: SheetStyle.tableHeaderFirst),
            titleRole: .tableHeader,
            cells: table.header.dropFirst().enumerated().map { column, string in
                canvas.paragraph(string, width: columns.figureWidths[column], style: SheetStyle.tableHeader)
            }, cellRole: .tableHeader, below: [], shade: 0.88)
        var header = headerRow
        header.keepWithNext = true
        blocks.append(header)
        let repeated = RepeatedHeader(height: headerRow.height, elements: headerRow.elements)
        for (index, step) in table.rows.enumerated() {
            var detail = "\(step.why) \(step.how)"
            if sheet.audience == .office { detail += "\n[\(step.advisorNote)]" }
            var below = [(canvas.paragraph(detail, width: width - 6, style: SheetStyle.detail), Role.detail)]
            if let places = step.places {
                below.append((canvas.paragraph(places, width: width - 6, style: SheetStyle.places), .places))
            }
            var block = row(
                canvas.paragraph(step.title, width: columns.titleWidth - 6, style: SheetStyle.stepTitle),
                titleRole: .stepTitle, cells: columns.cells(step.cells, style: SheetStyle.figure), cellRole: .figure,
                below: below, shade: nil)
            block.repeatedHeader = repeated
            // The last step stays with the total.
            block.keepWithNext = index == table.rows.count - 1
            blocks.append(block)
        }
        var total = row(
            canvas.paragraph(table.total[0], width: columns.titleWidth - 6, style: SheetStyle.totalTitle),
            titleRole: .total, cells: columns.cells(Array(table.total.dropFirst()), style: SheetStyle.totalFigure),
            cellRole: .figure, below: [], shade: 0.88)
        total.repeatedHeader = repeated
        total.keepWithNext = !table.notes.isEmpty
        blocks.append(total)
        for (index, note) in table.notes.enumerated() {
            var block = Block(height: index == 0 ? 3 : 0, elements: [])
            add(note, style: SheetStyle.note, role: .note, part: .steps, to: &block, after: 1.5)
            block.keepWithNext = index < table.notes.count - 1
            blocks.append(block)
        }
        return blocks
    }

    // MARK: Small print

    /// Prices (with their sources on the office copy) and what the figures mean, at the foot of the last page.
    func smallPrint() -> Block {
        var block = Block(height: 0, elements: [], spaceBefore: 10 * spacing, isTrailer: true)
        block.elements.append(.rule(x1: left, y1: 0, x2: left + width, y2: 0, gray: 0.5, width: 0.4))
        block.height = 3
        let prices = sheet.sources.heading + ": " + sheet.sources.lines.joined(separator: " · ")
        for line in [prices] + sheet.smallPrint {
            add(line, style: SheetStyle.smallPrint, role: .smallPrint, part: .smallPrint, to: &block, after: 1)
        }
        return block
    }
}
