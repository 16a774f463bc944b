import AdviceLocalization
import AdviceReport
import EnergyAdvice
import SafeText
import VisitRecords

/// The city comparison as staff and councils read it: one table, cities as columns, every share with the households
/// it rests on, figures about few households withheld (``Disclosure``, city by city), for the terminal and in print.
extension CityComparison {
    /// The comparison as a table: a row per figure, a column per city (its name from its city file).
    public func table(_ text: StaffText) -> ProgrammeReport.Table {
        let format = text.localizer.format
        let withheld = text("report.withheld")
        func money(_ x: Double) -> String { format.money(x, fractionDigits: 0) }
        func share(_ part: Double, of whole: Double, households: Int) -> String {
            guard whole > 0 else { return "–" }
            return text(
                "compare.cell.ratio",
                ["percent": .text(format.percent(part / whole)), "households": text.count(households)])
        }
        /// A figure about `part` of a city's advised households.
        func cell(_ city: City, part: Int, _ shown: () -> String) -> String {
            Disclosure.withholds(part: part, of: city.households) ? withheld : shown()
        }
        func measured(_ city: City, households: Int, measured: Double, expected: Double) -> String {
            households == 0
                ? text("compare.cell.none")
                : cell(city, part: households) { share(measured, of: expected, households: households) }
        }
        var rows: [ProgrammeReport.Table.Row] = [
            .init(
                label: text("compare.row.households"),
                cells: cities.map {
                    Disclosure.isSmall($0.households) ? withheld : format.number(Double($0.households))
                }
            ),
            .init(
                label: text("compare.row.perHousehold"),
                cells: cities.map {
                    Disclosure.withholdsExpectedTotals($0.summary) ? withheld : money($0.savingPerHousehold)
                }),
            .init(
                label: text("compare.row.followedUp"),
                cells: cities.map { city in
                    cell(city, part: city.summary.householdsFollowedUp) {
                        text(
                            "compare.cell.followedUp",
                            [
                                "count": text.count(city.summary.householdsFollowedUp),
                                "rate": .text(format.percent(city.followUpRate)),
                            ])
                    }
                }),
            .init(
                label: text("compare.row.measuredElectricity"),
                cells: cities.map { city in
                    let r = city.summary.realised
                    return measured(
                        city, households: r.householdsWithElectricity, measured: r.electricity.kWh,
                        expected: r.expectedElectricity.recommended.kWh)
                }),
            .init(
                label: text("compare.row.measuredHeating"),
                cells: cities.map { city in
                    let r = city.summary.realised
                    return measured(
                        city, households: r.householdsWithHeating, measured: r.heating.kWh,
                        expected: r.expectedHeating.recommended.kWh)
                }),
            .init(
                label: text("compare.row.costPerTonne"),
                cells: cities.map { city in
                    let s = city.summary
                    guard !Disclosure.withholdsExpectedTotals(s) else { return withheld }
                    return cell(city, part: s.householdsHandedOut) {
                        if s.programmeCostEUR <= 0 { return text("report.costPerTonne.noItems") }
                        return city.costPerTonne.map(money) ?? text("report.costPerTonne.noCO2")
                    }
                }),
        ]
        for kind in calibratedMeasures {
            rows.append(
                .init(
                    label: text("compare.row.calibration", ["measure": .text(text.measure(kind))]),
                    cells: cities.map { city in
                        guard let c = city.calibration(kind) else { return text("compare.cell.none") }
                        return cell(city, part: c.households) { share(c.ratio, of: 1, households: c.households) }
                    }))
        }
        // Of a city with a small group of households nothing is shown, not even that nothing was measured.
        rows = rows.map { row in
            .init(
                label: row.label,
                cells: zip(cities, row.cells).map { city, cell in Disclosure.isSmall(city.households) ? withheld : cell
                })
        }
        return ProgrammeReport.Table(
            title: text("compare.table"), columns: [""] + cities.map { text.city($0.id) }, rows: rows,
            notes: [
                text("compare.note.ratio"), text("compare.note.cost"),
                text("report.method.anonymous", ["smallest": text.count(Disclosure.smallestGroup)]),
            ])
    }

    /// The comparison for an 80-column terminal: its title, the table (long labels and cells wrapped in their
    /// columns) and the notes.
    public func text(_ text: StaffText) -> String {
        let table = self.table(text)
        var lines = [text("compare.title"), ""]
        lines += TextTable(columns: table.columns, rows: table.rows.map { [$0.label] + $0.cells }).lines()
        lines.append("")
        lines += table.notes.flatMap { TerminalText.wrap($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The comparison as a printed report: the table, and a chart of the expected saving per household.
    public func report(_ text: StaffText, today: CalendarDate) -> ProgrammeReport {
        let format = text.localizer.format
        let chart = ProgrammeReport.Chart(
            title: text("compare.chart.perHousehold"), kind: .bars,
            rows: cities.map { city in
                Disclosure.withholdsExpectedTotals(city.summary)
                    ? .init(
                        label: text.city(city.id), value: nil, shown: text("report.withheld"),
                        count: text("report.withheld"))
                    : .init(
                        label: text.city(city.id), value: city.savingPerHousehold,
                        shown: format.money(city.savingPerHousehold, fractionDigits: 0),
                        count: format.number(Double(city.households)))
            }, countHeading: text("report.count"))
        return ProgrammeReport(
            language: text.language, title: text("compare.title"),
            subtitle: text.cities(cities.map(\.id)), keyFiguresHeading: "", keyFigures: [], tables: [table(text)],
            charts: [chart], sections: [],
            footer: text(
                "compare.footer", ["date": .text(format.date(year: today.year, month: today.month, day: today.day))]))
    }
}

/// A table of text for a terminal: the first column left-aligned, the others right-aligned, every cell wrapped at
/// spaces into its column so the whole fits the width.
struct TextTable {
    var columns: [String]
    var rows: [[String]]
    var width = 80
    static let gap = 2

    func lines() -> [String] {
        let table = [columns] + rows
        let count = columns.count
        func longest(_ column: Int, _ measure: (String) -> Int) -> Int {
            table.map { measure($0[column]) }.max() ?? 0
        }
        let whole = (0..<count).map { longest($0) { $0.count } }
        let word = (0..<count).map { longest($0) { $0.split(separator: " ").map(\.count).max() ?? 0 } }
        var widths = whole
        var gap = Self.gap
        if widths.reduce(0, +) + gap * (count - 1) > width {
            // The figures' columns share what the labels leave (at least 24 characters), never below their longest
            // word; the labels take the rest, their further lines indented by two.
            let share = max(1, (width - gap * (count - 1) - 24) / max(1, count - 1))
            for column in 1..<count { widths[column] = min(whole[column], max(word[column], share)) }
            let figures = widths.dropFirst().reduce(0, +)
            // Many cities: one space between columns rather than a line too long.
            if word[0] + 2 + figures + gap * (count - 1) > width { gap = 1 }
            widths[0] = max(word[0] + 2, width - gap * (count - 1) - figures)
        }
        // A label's further lines are indented, and rows that take several lines are set apart by an empty line.
        let wrapped = table.map { row in
            row.enumerated().map { column, cell in
                column == 0
                    ? wrap(cell, width: widths[0] - 2).enumerated().map { $0 == 0 ? $1 : "  " + $1 }
                    : wrap(cell, width: widths[column])
            }
        }
        let spaced = wrapped.contains { $0.contains { $0.count > 1 } }
        var lines: [String] = []
        for (index, cells) in wrapped.enumerated() {
            if spaced && index > 1 { lines.append("") }
            let height = cells.map(\.count).max() ?? 1
            for line in 0..<height {
                var parts: [String] = []
                for (column, cell) in cells.enumerated() {
                    let text = line < cell.count ? cell[line] : ""
                    let pad = String(repeating: " ", count: max(0, widths[column] - text.count))
                    parts.append(column == 0 ? text + pad : pad + text)
                }
                let joined = parts.joined(separator: String(repeating: " ", count: gap))
                lines.append(String(joined.reversed().drop { $0 == " " }.reversed()))
            }
        }
        return lines
    }

    /// `text` broken at spaces into lines of at most `width` characters (a longer word stays whole).
    func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        return lines + [current]
    }
}
