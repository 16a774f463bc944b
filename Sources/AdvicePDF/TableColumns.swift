import AdviceReport

/// The widths of the steps table's columns: the figures' columns as wide as their widest figure or heading, the
/// title column the rest.
struct TableColumns {
    let canvas: Canvas
    /// The width of each figure column's text, without the gap to its neighbour.
    let figureWidths: [Double]
    let titleWidth: Double
    static let gap = 10.0

    init(canvas: Canvas, table: AdviceSheet.StepTable, width: Double) {
        self.canvas = canvas
        let columns = table.header.count - 1
        func oneLine(_ string: String, _ style: Canvas.Style) -> Double {
            canvas.paragraph(string, width: nil, style: style).width
        }
        /// The narrowest width that holds `string` on two lines, broken between words.
        func twoLines(_ string: String, _ style: Canvas.Style) -> Double {
            let words = string.split(separator: " ").map(String.init)
            guard words.count > 1 else { return oneLine(string, style) }
            return (1..<words.count).map { split in
                max(
                    oneLine(words[..<split].joined(separator: " "), style),
                    oneLine(words[split...].joined(separator: " "), style))
            }.min() ?? oneLine(string, style)
        }
        let figures = (0..<columns).map { column in
            table.rows.map { $0.cells[column] } + [table.total[column + 1]]
        }
        let widest = figures.map { cells in
            cells.map { oneLine($0, SheetStyle.totalFigure) }.max() ?? 0
        }
        let headers = table.header.dropFirst().map { $0 }
        var widths = (0..<columns).map { max(widest[$0], oneLine(headers[$0], SheetStyle.tableHeader), 30) }
        let minimumTitle = 0.42 * width
        func room() -> Double { width - widths.reduce(0) { $0 + $1 + Self.gap } }
        // Headings wrap to two lines until the title column has its room: first those of three words or more, which
        // keep two words to a line, then the others; the longest first.
        func manyWords(_ column: Int) -> Int { headers[column].split(separator: " ").count >= 3 ? 1 : 0 }
        let order = (0..<columns).sorted { (manyWords($0), widths[$0]) > (manyWords($1), widths[$1]) }
        for column in order where room() < minimumTitle {
            widths[column] = max(widest[column], twoLines(headers[column], SheetStyle.tableHeader), 30)
        }
        // Then the words of the last column ("nach 19 Monaten") wrap too.
        if room() < minimumTitle, let last = widths.indices.last {
            let cells = figures[last].map { twoLines($0, SheetStyle.totalFigure) }.max() ?? 0
            widths[last] = max(cells, twoLines(headers[last], SheetStyle.tableHeader), 30)
        }
        figureWidths = widths
        titleWidth = room()
    }

    /// The right edge of each figure column, left to right as on a left-to-right page.
    func rightEdges(left: Double) -> [Double] {
        var x = left + titleWidth
        return figureWidths.map { w in
            x += Self.gap + w
            return x
        }
    }

    /// The row's figures, each on one line if it fits its column, else wrapped between words.
    func cells(_ strings: [String], style: Canvas.Style) -> [Canvas.Paragraph] {
        strings.enumerated().map { column, string in
            let p = canvas.paragraph(string, width: nil, style: style)
            return p.width <= figureWidths[column]
                ? p : canvas.paragraph(string, width: figureWidths[column], style: style)
        }
    }
}
