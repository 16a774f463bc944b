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
        for table in report.tables { html += self.table(table) }
        for chart in report.charts { html += self.chart(chart) }
        for section in report.sections {
            html += "<h2>\(section.heading.html)</h2>" + section.lines.map { "<p>\($0.html)</p>" }.joined()
        }
        html += "<p class=\"small\">\(report.footer.html)</p>"
        return html
    }

    /// A table of the report: a header row, a row per figure, the numbers right-aligned, notes under it.
    static func table(_ table: ProgrammeReport.Table) -> String {
        var html = "<div class=\"table-wrap\"><table><caption>\(table.title.html)</caption><thead><tr>"
        html += table.columns.enumerated().map { index, column in
            "<th scope=\"col\"\(index > 0 ? " class=\"num\"" : "")>\(column.html)</th>"
        }.joined()
        html += "</tr></thead><tbody>"
        for row in table.rows {
            html += "<tr><th scope=\"row\">\(row.label.html)</th>"
            html += row.cells.map { "<td class=\"num\">\($0.html)</td>" }.joined() + "</tr>"
        }
        html += "</tbody></table></div>"
        html += table.notes.map { "<p class=\"small\">\($0.html)</p>" }.joined()
        return html
    }

    /// One bar per row, its length the row's share of the largest value; the value (and, where given, the households
    /// it rests on) printed beside it, so the chart reads without the picture too.
    static func chart(_ chart: ProgrammeReport.Chart) -> String {
        var html = "<figure class=\"chart\"><h3>\(chart.title.html)</h3>"
        guard !chart.rows.isEmpty else {
            return html + "<p>\(chart.emptyText.html)</p></figure>"
        }
        // Rows of groups too small to show ("< 5") keep their label and text, without a bar.
        let scale = max(chart.rows.compactMap(\.value).max() ?? 1, 1e-9)
        for row in chart.rows {
            let share = max(0, min(1, (row.value ?? 0) / scale))
            html += "<div class=\"bar-row\"><span>\(row.label.html)</span><span class=\"bar-track\">"
            html +=
                "<svg viewBox=\"0 0 1000 20\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
            html += "<rect x=\"0\" y=\"0\" width=\"\(Int(share * 1000))\" height=\"20\" fill=\"#0b4f8a\"/>"
            html += "</svg></span><span class=\"num\">\(row.shown.html)"
            if let count = row.count { html += " <span class=\"small\">(\(count.html))</span>" }
            html += "</span></div>"
        }
        return html + "</figure>"
    }
}
