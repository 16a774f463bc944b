import AdviceReport

/// The programme report's document model as HTML: key figures, bar charts drawn as inline SVG (no script, no
/// library), further sections. The same document the council report PDF is drawn from.
enum ReportHTML {
    static func render(_ report: ProgrammeReport) -> String {
        var html = "<p>\(report.subtitle.html)</p><h2>\(report.keyFiguresHeading.html)</h2><div class=\"figures\">"
        html += report.keyFigures.map {
            "<div class=\"figure\"><span class=\"value\">\($0.value.html)</span><span class=\"label\">\($0.label.html)</span></div>"
        }.joined()
        html += "</div>"
        for chart in report.charts { html += self.chart(chart) }
        for section in report.sections {
            html += "<h2>\(section.heading.html)</h2>" + section.lines.map { "<p>\($0.html)</p>" }.joined()
            if !section.code.isEmpty {
                html += "<pre class=\"small\">\(section.code.joined(separator: "\n").html)</pre>"
            }
        }
        html += "<p class=\"small\">\(report.footer.html)</p>"
        return html
    }

    /// One bar per row, its length the row's share of the largest value; the value is printed beside it, so the
    /// chart reads without the picture too.
    static func chart(_ chart: ProgrammeReport.Chart) -> String {
        var html = "<figure class=\"chart\"><h3>\(chart.title.html)</h3>"
        guard !chart.rows.isEmpty else {
            return html + "<p>\(chart.emptyText.html)</p></figure>"
        }
        // Rows of groups too small to show ("< 5") keep their label and text, without a bar.
        let values = chart.rows.compactMap(\.value)
        let largest = max(values.map { max($0, chart.rows.compactMap(\.high).max() ?? 0) }.max() ?? 1, 1e-9)
        let scale = chart.kind == .ratios ? max(largest, 1.2) : largest
        for row in chart.rows {
            let share = max(0, min(1, (row.value ?? 0) / scale))
            html += "<div class=\"bar-row\"><span>\(row.label.html)</span><span class=\"bar-track\">"
            html +=
                "<svg viewBox=\"0 0 1000 20\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
            html += "<rect x=\"0\" y=\"0\" width=\"\(Int(share * 1000))\" height=\"20\" fill=\"#0b4f8a\"/>"
            if chart.kind == .ratios {
                let one = Int(1 / scale * 1000)
                html += "<line x1=\"\(one)\" x2=\"\(one)\" y1=\"0\" y2=\"20\" stroke=\"#1b1b1b\" stroke-width=\"6\"/>"
                if let low = row.low, let high = row.high {
                    html +=
                        "<line x1=\"\(Int(low / scale * 1000))\" x2=\"\(Int(high / scale * 1000))\" y1=\"10\" y2=\"10\" stroke=\"#ffd84d\" stroke-width=\"4\"/>"
                }
            }
            html += "</svg></span><span class=\"num\">\(row.shown.html)</span></div>"
        }
        return html + "</figure>"
    }
}
