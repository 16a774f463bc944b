import AdviceLocalization
import AdviceReport
import EnergyAdvice
import VisitRecords

/// The city comparison as staff read it: a table for the terminal and a printed report.
extension CityComparison {
    /// One row per figure, one column per city.
    public func rows(_ text: StaffText) -> [(label: String, values: [String])] {
        let format = text.localizer.format
        func money(_ x: Double) -> String { format.money(x, fractionDigits: 0) }
        var rows: [(String, [String])] = [
            (text("compare.row.households"), cities.map { format.number(Double($0.households)) }),
            (text("compare.row.perHousehold"), cities.map { money($0.savingPerHousehold) }),
            (text("compare.row.followUpRate"), cities.map { format.percent($0.followUpRate) }),
            (text("compare.row.costPerTonne"), cities.map { $0.costPerTonne.map(money) ?? "–" }),
        ]
        for kind in calibratedMeasures {
            rows.append(
                (
                    text("compare.row.calibration", ["measure": .text(text.measure(kind))]),
                    cities.map { city in
                        guard let c = city.calibration(kind) else { return "–" }
                        return c.households < ProgrammeReportBuilder.smallestGroup
                            ? text("report.small") : format.percent(c.ratio)
                    }
                ))
        }
        return rows
    }

    /// The comparison as a table for the terminal.
    public func text(_ text: StaffText) -> String {
        let header: (label: String, values: [String]) = (text("compare.title"), cities.map(\.name))
        let table = [header] + rows(text)
        var widths: [Int] = []
        for column in 0...cities.count {
            let cells: [String] = table.map { column == 0 ? $0.label : $0.values[column - 1] }
            widths.append(cells.map(\.count).max() ?? 0)
        }
        var lines: [String] = []
        for row in table {
            var cells = [row.label + String(repeating: " ", count: widths[0] - row.label.count)]
            for (index, value) in row.values.enumerated() {
                cells.append(String(repeating: " ", count: widths[index + 1] - value.count) + value)
            }
            lines.append(cells.joined(separator: "  "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The comparison as a printed report: the table as key figures per row, and a chart of savings per household.
    public func report(_ text: StaffText, today: CalendarDate) -> ProgrammeReport {
        let format = text.localizer.format
        let figures = rows(text).map { row in
            ProgrammeReport.KeyFigure(
                label: row.label,
                value: zip(cities, row.values).map { "\($0.name): \($1)" }.joined(separator: " · "))
        }
        let chart = ProgrammeReport.Chart(
            title: text("compare.chart.perHousehold"), kind: .bars,
            rows: cities.map {
                .init(
                    label: $0.name, value: $0.savingPerHousehold,
                    shown: format.money($0.savingPerHousehold, fractionDigits: 0))
            })
        return ProgrammeReport(
            language: text.language, title: text("compare.title"),
            subtitle: cities.map(\.name).joined(separator: " · "), keyFiguresHeading: text("report.keyFigures"),
            keyFigures: figures, charts: [chart], sections: [],
            footer: text(
                "report.footer", ["date": .text(format.date(year: today.year, month: today.month, day: today.day))]))
    }

}
