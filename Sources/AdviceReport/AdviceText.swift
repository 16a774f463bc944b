import AdviceLocalization
import SafeText

/// The sheet as plain text for a terminal: the same texts and numbers as the PDF, wrapped to ``width`` columns
/// (an 80-column window shows it whole; nothing is cut).
public enum AdviceText {
    /// The width of a terminal window that everybody has.
    public static let width = 80

    /// An office copy (the advisor's terminal) adds the warnings, the technical figures, assumptions and sources.
    /// A right-to-left sheet's lines begin with a right-to-left mark, so a bidi-aware terminal sets each line right
    /// to left even where it starts with a number.
    public static func render(_ sheet: AdviceSheet) -> String {
        guard LocaleFormatter.isRightToLeft(sheet.language) else {
            return layout(sheet).flatMap { TerminalText.wrap($0, width: width) }.joined(separator: "\n") + "\n"
        }
        return layout(sheet).flatMap { TerminalText.wrap($0, width: width - 1) }
            .map { $0.isEmpty ? $0 : "\u{200F}" + $0 }.joined(separator: "\n") + "\n"
    }

    static func layout(_ sheet: AdviceSheet) -> [String] {
        let forOffice = sheet.audience == .office
        var lines = [sheet.title, sheet.visitLine]
        if let office = sheet.officeLine { lines.append(office) }
        // The advisor must act on warnings before the household leaves: they come first.
        if forOffice { section(sheet.warnings, into: &lines, bullet: "! ") }
        // A cut-off has dates to meet: its page comes before the savings.
        for page in sheet.energyDebt { debt(page, into: &lines) }
        section(sheet.consumption, into: &lines)
        lines.append(scale(sheet.scale))
        lines.append("")
        lines.append(sheet.steps.heading)
        lines += table(
            [sheet.steps.header] + sheet.steps.rows.map { [$0.title] + $0.cells } + [sheet.steps.total],
            header: sheet.steps.header)
        lines += sheet.steps.notes.map { "  " + $0 }
        for step in sheet.steps.rows {
            lines.append("  • \(step.title): \(step.why) \(step.how)")
            if let places = step.places { lines.append("    (\(places))") }
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
        return lines
    }

    /// The page of one energy debt: the facts under its heading, then what happens, what to do by when (each step
    /// under its deadline), the letters and whom to call.
    static func debt(_ page: AdviceSheet.DebtPage, into lines: inout [String]) {
        lines.append("")
        lines.append(page.heading)
        lines += page.facts.map { "  " + $0 }
        section(page.situation, into: &lines)
        lines.append("")
        lines.append(page.stepsHeading)
        // Steps due on the same day stand under one deadline.
        var shown: String?
        for step in page.steps {
            if let deadline = step.deadline, deadline != shown { lines.append("  " + deadline) }
            shown = step.deadline
            lines.append("  • " + step.text)
            lines += step.details.map { "    " + $0 }
        }
        section(page.letters, into: &lines)
        section(page.help, into: &lines)
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

    /// Columns when they fit in ``width``; else one block per row — its title, then each figure with its column's
    /// heading — so a narrow window shows every figure with its meaning.
    static func table(_ rows: [[String]], header: [String]) -> [String] {
        let columns = columnTable(rows)
        guard columns.contains(where: { $0.count > width }) else { return columns }
        return rows.dropFirst().flatMap { row -> [String] in
            let figures = zip(header.dropFirst(), row.dropFirst())
                .filter { !$0.1.allSatisfy { $0 == " " } }
                .map { "\($0.0): \($0.1)" }
            return ["  " + (row.first ?? "")] + wrapList(figures, indent: "      ")
        }
    }

    /// Items joined by " · ", broken between items to fit ``width``.
    static func wrapList(_ items: [String], indent: String) -> [String] {
        var lines: [String] = []
        var current = indent
        for item in items {
            let candidate = current == indent ? current + item : current + " · " + item
            if candidate.count > width && current != indent {
                lines.append(current)
                current = indent + item
            } else {
                current = candidate
            }
        }
        if current != indent { lines.append(current) }
        return lines
    }

    /// Left-aligns the first column and right-aligns the numbers, measuring in characters.
    static func columnTable(_ rows: [[String]]) -> [String] {
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
