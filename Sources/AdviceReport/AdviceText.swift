/// The sheet as plain text for a terminal: the same texts and numbers as the PDF, laid out in columns.
public enum AdviceText {
    /// An office copy (the advisor's terminal) adds the warnings, the technical figures, assumptions and sources.
    public static func render(_ sheet: AdviceSheet) -> String {
        let forOffice = sheet.audience == .office
        var lines = [sheet.title, sheet.visitLine]
        if let office = sheet.officeLine { lines.append(office) }
        // The advisor must act on warnings before the household leaves: they come first.
        if forOffice { section(sheet.warnings, into: &lines, bullet: "! ") }
        section(sheet.consumption, into: &lines)
        lines.append(scale(sheet.scale))
        lines.append("")
        lines.append(sheet.steps.heading)
        lines += table([sheet.steps.header] + sheet.steps.rows.map { [$0.title] + $0.cells } + [sheet.steps.total])
        lines += sheet.steps.notes.map { "  " + $0 }
        for step in sheet.steps.rows {
            lines.append("  • \(step.title): \(step.why) \(step.how)")
            if forOffice { lines.append("    [\(step.advisorNote)]") }
        }
        section(sheet.tariffSwitch, into: &lines)
        section(sheet.checkFirst, into: &lines)
        section(sheet.notRecommended, into: &lines)
        section(sheet.split, into: &lines)
        section(sheet.installment, into: &lines)
        section(sheet.tips, into: &lines)
        lines.append("")
        lines.append(sheet.followUp)
        if forOffice { section(sheet.assumptions, into: &lines) }
        section(sheet.sources, into: &lines)
        lines.append("")
        lines += sheet.smallPrint
        return lines.joined(separator: "\n") + "\n"
    }

    static func section(_ section: AdviceSheet.Section, into lines: inout [String], bullet: String = "") {
        guard !section.isEmpty else { return }
        lines.append("")
        lines.append(section.heading)
        lines += section.lines.map { "  " + bullet + $0 }
    }

    /// `A ≤900 | … | [F ≤2.700] ← Sie sind hier`
    static func scale(_ scale: AdviceSheet.BenchmarkScale) -> String {
        let cells = zip(scale.letters, scale.labels).enumerated().map { index, pair in
            let cell = "\(pair.0) \(pair.1)"
            return index == scale.householdIndex ? "[\(cell)]" : cell
        }
        return "  " + cells.joined(separator: " | ") + "  ← " + scale.youAreHere + " ("
            + scale.letters[scale.householdIndex] + ")"
    }

    /// Left-aligns the first column and right-aligns the numbers, measuring in characters.
    static func table(_ rows: [[String]]) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        let widths = (0..<columns).map { c in rows.map { $0.count > c ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            "  "
                + (0..<columns).map { c in
                    let cell = row.count > c ? row[c] : ""
                    let pad = String(repeating: " ", count: widths[c] - cell.count)
                    return c == 0 ? cell + pad : pad + cell
                }.joined(separator: "  ")
        }
    }
}
