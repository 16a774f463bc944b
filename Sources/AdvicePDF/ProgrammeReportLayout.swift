import AdviceReport
import CPangoCairo

/// Draws a ``ProgrammeReport`` on A4 pages: title, key figures, charts of horizontal bars drawn with Cairo
/// (vector, labelled, black and white: grey steps and whiskers carry the meaning), then calibration and methods.
struct ProgrammeReportLayout {
    let canvas: Canvas
    let report: ProgrammeReport

    typealias Style = Canvas.Style
    static let body = Style(size: 9.5)
    static let small = Style(size: 8, gray: 0.25)
    static let label = Style(size: 8.5)
    static let heading = Style(size: 12, bold: true)
    static let code = Style(size: 7.5, gray: 0.1)

    func draw() {
        canvas.flow(report.title, style: Style(size: 18, bold: true), after: 2)
        canvas.flow(report.subtitle, style: Self.small, after: 8)
        keyFigures()
        for chart in report.charts { draw(chart) }
        for section in report.sections { draw(section) }
        canvas.advance(6)
        canvas.flow(report.footer, style: Self.small)
    }

    func heading(_ text: String) {
        canvas.ensure(40)
        canvas.advance(6)
        canvas.flow(text, style: Self.heading, after: 2)
        canvas.line(from: (canvas.left, canvas.y), to: (canvas.left + canvas.width, canvas.y), gray: 0.4, width: 0.5)
        canvas.advance(4)
    }

    /// Two columns of label and value in a framed box.
    func keyFigures() {
        heading(report.keyFiguresHeading)
        let labelWidth = canvas.width * 0.42
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

    func draw(_ chart: ProgrammeReport.Chart) {
        heading(chart.title)
        guard !chart.rows.isEmpty else {
            canvas.flow(chart.emptyText, style: Self.small)
            return
        }
        switch chart.kind {
        case .bars, .ratios: bars(chart)
        case .stacked: stacked(chart)
        }
    }

    /// Labels on the left, bars from a common origin, the printed value after each bar; ratios around a dashed
    /// reference line at 100 % with their interval as whiskers.
    func bars(_ chart: ProgrammeReport.Chart) {
        let labelWidth = canvas.width * 0.3
        let valueWidth = canvas.width * 0.3
        let barLeft = canvas.left + labelWidth
        let barWidth = canvas.width - labelWidth - valueWidth
        let ratios = chart.kind == .ratios
        let highest = chart.rows.compactMap { ratios ? max($0.high ?? 0, $0.value ?? 0) : $0.value }.max() ?? 0
        let scale = max(highest, ratios ? 1.25 : 0)
        let barHeight = 9.0
        let top = canvas.y
        for row in chart.rows {
            let label = canvas.paragraph(row.label, width: labelWidth - 6, style: Self.label)
            let height = max(label.height, barHeight) + 4
            canvas.ensure(height)
            canvas.draw(label, x: canvas.left, y: canvas.y + 1)
            var end = barLeft
            if let value = row.value, scale > 0 {
                let length = max(0, value) / scale * barWidth
                canvas.rectangle(
                    x: barLeft, y: canvas.y + 1, width: length, height: barHeight, fill: 0.45, stroke: 0,
                    lineWidth: 0.4)
                end = barLeft + length
                if let low = row.low, let high = row.high {
                    let middle = canvas.y + 1 + barHeight / 2
                    let from = barLeft + max(0, low) / scale * barWidth
                    let to = barLeft + max(0, high) / scale * barWidth
                    canvas.line(from: (from, middle), to: (to, middle), width: 0.8)
                    canvas.line(from: (from, middle - 3), to: (from, middle + 3), width: 0.8)
                    canvas.line(from: (to, middle - 3), to: (to, middle + 3), width: 0.8)
                    end = max(end, to)
                }
            }
            // A ratio's value is printed beyond the reference line, where no bar or whisker reaches.
            if ratios && scale > 0 { end = max(end, barLeft + barWidth / scale) }
            let shown = canvas.paragraph(row.shown, width: nil, style: Self.label)
            canvas.draw(shown, x: end + 4, y: canvas.y + 1)
            canvas.advance(height)
        }
        if ratios && scale > 0 {
            let x = barLeft + barWidth / scale
            canvas.line(from: (x, top - 2), to: (x, canvas.y), gray: 0.2, width: 0.6, dash: 2)
        }
        canvas.advance(4)
    }

    /// One bar across the width, split into the rows' shares in four greys, with a legend beneath.
    func stacked(_ chart: ProgrammeReport.Chart) {
        let total = chart.rows.compactMap(\.value).filter { $0 > 0 }.reduce(0, +)
        let greys = [0.25, 0.55, 0.8, 0.95]
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
        for line in section.lines { canvas.flow(line, style: Self.body, after: 2) }
        if !section.code.isEmpty {
            canvas.advance(2)
            for line in section.code { canvas.flow(line, style: Self.code, indent: 8, after: 0.5) }
        }
    }
}
