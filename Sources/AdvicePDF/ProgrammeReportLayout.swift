import AdviceReport
import CPangoCairo

/// Draws a ``ProgrammeReport`` on A4 pages: title, key figures, tables, charts of horizontal bars drawn with Cairo
/// (vector, labelled, black and white), then how the figures were made. Set for reading on paper: body text at
/// 10 pt, nothing that carries meaning under 9 pt, figures aligned by their last digit.
struct ProgrammeReportLayout {
    let canvas: Canvas
    let report: ProgrammeReport

    typealias Style = Canvas.Style
    static let body = Style(size: 10)
    static let label = Style(size: 9.5)
    static let figure = Style(size: 9.5, align: PANGO_ALIGN_RIGHT, figure: true)
    static let columnHeading = Style(size: 9, bold: true)
    static let figureHeading = Style(size: 9, bold: true, align: PANGO_ALIGN_RIGHT)
    static let note = Style(size: 9)
    static let footer = Style(size: 9, gray: 0.3)
    static let heading = Style(size: 12.5, bold: true)

    func draw() {
        canvas.flow(report.title, style: Style(size: 18, bold: true), after: 2)
        canvas.flow(report.subtitle, style: Self.body, after: 8)
        if !report.keyFigures.isEmpty { keyFigures() }
        for table in report.tables { draw(table) }
        for chart in report.charts { draw(chart) }
        for section in report.sections { draw(section) }
        canvas.advance(6)
        canvas.flow(report.footer, style: Self.footer)
    }

    /// A heading that never ends a page: `keep` more points must fit under it.
    func heading(_ text: String, keep: Double = 40) {
        let title = canvas.paragraph(text, width: canvas.width, style: Self.heading)
        canvas.ensure(6 + title.height + 6 + keep)
        canvas.advance(6)
        canvas.draw(title, x: canvas.left, y: canvas.y)
        canvas.advance(title.height + 2)
        canvas.line(from: (canvas.left, canvas.y), to: (canvas.left + canvas.width, canvas.y), gray: 0.4, width: 0.5)
        canvas.advance(4)
    }

    /// Two columns of label and value.
    func keyFigures() {
        heading(report.keyFiguresHeading)
        let labelWidth = canvas.width * 0.36
        for figure in report.keyFigures {
            let label = canvas.paragraph(figure.label, width: labelWidth - 8, style: Self.body)
            let value = canvas.paragraph(
                figure.value, width: canvas.width - labelWidth - 8, style: Style(size: 10.5, bold: true))
            let height = max(label.height, value.height) + 5
            canvas.ensure(height)
            canvas.draw(label, x: canvas.left + 4, y: canvas.y + 2)
            canvas.draw(value, x: canvas.left + labelWidth, y: canvas.y + 2)
            canvas.advance(height)
            canvas.line(
                from: (canvas.left, canvas.y), to: (canvas.left + canvas.width, canvas.y), gray: 0.8, width: 0.3)
        }
    }

    /// A label column, then the figure columns of equal width, right-aligned; the headings repeat on a new page.
    func draw(_ table: ProgrammeReport.Table) {
        let figures = max(1, table.columns.count - 1)
        let labelWidth = canvas.width * (figures > 3 ? 0.26 : 0.34)
        let gap = 8.0
        let columnWidth = (canvas.width - labelWidth) / Double(figures)
        func lefts() -> [Double] { (0..<figures).map { canvas.left + labelWidth + Double($0) * columnWidth + gap } }
        func row(_ texts: [String], label: Style, figure: Style) -> (cells: [Canvas.Paragraph], height: Double) {
            let cells = texts.enumerated().map { index, text in
                canvas.paragraph(
                    text, width: index == 0 ? labelWidth - gap : columnWidth - gap, style: index == 0 ? label : figure)
            }
            return (cells, (cells.map(\.height).max() ?? 0) + 6)
        }
        let header = row(table.columns, label: Self.columnHeading, figure: Self.figureHeading)
        func drawHeader() {
            for (index, cell) in header.cells.enumerated() {
                canvas.draw(cell, x: index == 0 ? canvas.left : lefts()[index - 1], y: canvas.y + 2)
            }
            canvas.advance(header.height)
            canvas.line(
                from: (canvas.left, canvas.y), to: (canvas.left + canvas.width, canvas.y), gray: 0.3, width: 0.6)
        }
        let rows = table.rows.map { row([$0.label] + $0.cells, label: Self.label, figure: Self.figure) }
        heading(table.title, keep: header.height + (rows.first?.height ?? 0))
        drawHeader()
        for row in rows {
            if canvas.y + row.height > canvas.bottom {
                canvas.newPage()
                drawHeader()
            }
            for (index, cell) in row.cells.enumerated() {
                canvas.draw(cell, x: index == 0 ? canvas.left : lefts()[index - 1], y: canvas.y + 3)
            }
            canvas.advance(row.height)
            canvas.line(
                from: (canvas.left, canvas.y), to: (canvas.left + canvas.width, canvas.y), gray: 0.8, width: 0.3)
        }
        canvas.advance(4)
        for note in table.notes { canvas.flow(note, style: Self.note, after: 2) }
    }

    func draw(_ chart: ProgrammeReport.Chart) {
        // A chart stays on one page with its heading (a legend or a households heading included).
        heading(chart.title, keep: min(Double(chart.rows.count) * 15 + (chart.kind == .stacked ? 30 : 16), 500))
        guard !chart.rows.isEmpty else {
            canvas.flow(chart.emptyText, style: Self.note)
            return
        }
        switch chart.kind {
        case .bars: bars(chart)
        case .stacked: stacked(chart)
        }
    }

    /// Labels on the left, the households each bar rests on in a column of their own, bars from a common origin, the
    /// printed value after each bar.
    func bars(_ chart: ProgrammeReport.Chart) {
        let labelWidth = canvas.width * 0.3
        let countWidth = chart.countHeading == nil ? 0 : canvas.width * 0.12
        let valueWidth = canvas.width * 0.16
        let barLeft = canvas.left + labelWidth + countWidth + (countWidth > 0 ? 10 : 0)
        let barWidth = canvas.left + canvas.width - valueWidth - barLeft
        let scale = chart.rows.compactMap(\.value).max() ?? 0
        let barHeight = 10.0
        if let heading = chart.countHeading {
            let shown = canvas.paragraph(heading, width: countWidth, style: Self.figureHeading)
            canvas.ensure(shown.height + 16)
            canvas.draw(shown, x: canvas.left + labelWidth, y: canvas.y)
            canvas.advance(shown.height + 2)
        }
        for row in chart.rows {
            let label = canvas.paragraph(row.label, width: labelWidth - 6, style: Self.label)
            let height = max(label.height, barHeight) + 4
            canvas.ensure(height)
            canvas.draw(label, x: canvas.left, y: canvas.y + 1)
            if let count = row.count {
                canvas.draw(
                    canvas.paragraph(count, width: countWidth, style: Self.figure), x: canvas.left + labelWidth,
                    y: canvas.y + 1)
            }
            var end = barLeft
            if let value = row.value, scale > 0 {
                let length = max(0, value) / scale * barWidth
                canvas.rectangle(
                    x: barLeft, y: canvas.y + 1, width: length, height: barHeight, fill: 0.45, stroke: 0,
                    lineWidth: 0.4)
                end = barLeft + length
            }
            canvas.draw(canvas.paragraph(row.shown, width: nil, style: Self.label), x: end + 4, y: canvas.y + 1)
            canvas.advance(height)
        }
        canvas.advance(4)
    }

    /// One bar across the width, split into the rows' shares in four greys, with a legend beneath; a row without a
    /// value is listed in the legend without a segment.
    func stacked(_ chart: ProgrammeReport.Chart) {
        let total = chart.rows.compactMap(\.value).filter { $0 > 0 }.reduce(0, +)
        let greys = [0.25, 0.55, 0.8, 0.95, 1.0]
        canvas.ensure(60)
        var x = canvas.left
        if total > 0 {
            for (index, row) in chart.rows.enumerated() {
                guard let value = row.value, value > 0 else { continue }
                let width = value / total * canvas.width
                canvas.rectangle(
                    x: x, y: canvas.y, width: width, height: 18, fill: greys[index % greys.count], stroke: 0,
                    lineWidth: 0.4)
                x += width
            }
        }
        canvas.advance(24)
        for (index, row) in chart.rows.enumerated() {
            canvas.rectangle(
                x: canvas.left, y: canvas.y + 1, width: 10, height: 8, fill: greys[index % greys.count], stroke: 0,
                lineWidth: 0.4)
            let text = canvas.paragraph(row.label + ": " + row.shown, width: canvas.width - 16, style: Self.label)
            canvas.draw(text, x: canvas.left + 16, y: canvas.y)
            canvas.advance(text.height + 2)
        }
        canvas.advance(4)
    }

    func draw(_ section: ProgrammeReport.Section) {
        heading(section.heading)
        for line in section.lines { canvas.flow(line, style: Self.body, after: 3) }
    }
}
