import AdviceLocalization
import AdviceReport

/// The advice sheet's document model as HTML, in the language it was built in (right to left for Arabic): what the
/// household reads, with who saves what.
enum AdviceHTML {
    static func render(_ sheet: AdviceSheet, headingLevel: Int = 2) -> String {
        let rtl = LocaleFormatter.isRightToLeft(sheet.language)
        let h = "h\(headingLevel)"
        let h3 = "h\(headingLevel + 1)"
        var html = "<section class=\"advice card\" lang=\"\(sheet.language.html)\" dir=\"\(rtl ? "rtl" : "ltr")\">"
        html += "<\(h)>\(sheet.title.html)</\(h)><p>\(sheet.visitLine.html)</p>"
        if let office = sheet.officeLine { html += "<p class=\"small\">\(office.html)</p>" }
        html += section(sheet.consumption, h3)
        let scale = sheet.scale
        if !scale.letters.isEmpty {
            html +=
                "<div class=\"scale\" role=\"img\" aria-label=\"\(scale.youAreHere.html): \(scale.letters[safe: scale.householdIndex]?.html ?? "")\">"
            for (index, letter) in scale.letters.enumerated() {
                let here = index == scale.householdIndex ? " here" : ""
                html +=
                    "<span class=\"c\(min(index, 6))\(here)\" title=\"\((scale.labels[safe: index] ?? "").html)\">\(letter.html)</span>"
            }
            html +=
                "</div><p class=\"small\">\(scale.youAreHere.html): \((scale.letters[safe: scale.householdIndex] ?? "").html). \(scale.averageLabel.html): \((scale.letters[safe: scale.averageIndex] ?? "").html).</p>"
        }
        let steps = sheet.steps
        if !steps.rows.isEmpty {
            html += "<\(h3)>\(steps.heading.html)</\(h3)><div class=\"table-wrap\"><table><thead><tr>"
            html += steps.header.enumerated().map {
                "<th scope=\"col\"\($0.offset > 0 ? " class=\"num\"" : "")>\($0.element.html)</th>"
            }.joined()
            html += "</tr></thead><tbody>"
            for step in steps.rows {
                html +=
                    "<tr><th scope=\"row\"><strong>\(step.title.html)</strong><br><span class=\"small\">\(step.how.html)</span>"
                if let places = step.places { html += "<br><span class=\"small\">\(places.html)</span>" }
                html += "</th>"
                html += step.cells.map { "<td class=\"num\">\($0.html)</td>" }.joined()
                html += "</tr>"
            }
            if !steps.total.isEmpty {
                html +=
                    "<tr>"
                    + steps.total.enumerated().map { index, cell in
                        index == 0
                            ? "<th scope=\"row\">\(cell.html)</th>"
                            : "<td class=\"num\"><strong>\(cell.html)</strong></td>"
                    }.joined() + "</tr>"
            }
            html += "</tbody></table></div>"
            html += steps.notes.map { "<p class=\"small\">\($0.html)</p>" }.joined()
        }
        for part in [
            sheet.split, sheet.tariffSwitch, sheet.checkFirst, sheet.installment, sheet.notRecommended, sheet.tips,
        ] {
            html += section(part, h3)
        }
        if !sheet.followUp.isEmpty { html += "<p>\(sheet.followUp.html)</p>" }
        if sheet.audience == .office {
            html += section(sheet.warnings, h3) + section(sheet.assumptions, h3)
        }
        html += section(sheet.sources, h3)
        html += sheet.smallPrint.map { "<p class=\"small\">\($0.html)</p>" }.joined()
        return html + "</section>"
    }

    static func section(_ section: AdviceSheet.Section, _ tag: String) -> String {
        guard !section.isEmpty else { return "" }
        return "<\(tag)>\(section.heading.html)</\(tag)><ul>" + section.lines.map { "<li>\($0.html)</li>" }.joined()
            + "</ul>"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
