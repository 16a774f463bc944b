import AdviceData
import AdviceLocalization
import AdvicePDF
import AdviceReport
import EnergyAdvice
import JSONText
import SafeFiles
import VisitRegister

/// Cities side by side from their programme summaries (`esp summary --format json`): aggregates only, never a
/// household's row. How Bremen learns from Nürnberg: households, savings per household, follow-up rate, realised ÷
/// expected per measure, the programme's cost per tonne of CO₂.
public struct CityComparison: Sendable {
    /// One city's figures, read from its summary.
    public struct City: Sendable {
        public var name: String
        public var households: Double
        public var savingEUR: Double
        public var followUpRate: Double
        public var co2Tonnes: Double
        public var programmeCostEUR: Double
        public var calibration: [String: (ratio: Double, households: Double)]

        public var savingPerHousehold: Double { households > 0 ? savingEUR / households : 0 }
        public var costPerTonne: Double? { co2Tonnes > 0 && programmeCostEUR > 0 ? programmeCostEUR / co2Tonnes : nil }
    }

    public var cities: [City]

    /// Reads the summaries; refuses what is not one (a per-household export, a newer esp's file), a summary of
    /// several cities or of none, and two summaries of one city.
    public static func read(_ paths: [String]) throws(WorkflowError) -> CityComparison {
        guard paths.count >= 2 else { throw .refused("compare needs the summaries of at least two cities") }
        var cities: [City] = []
        var seen: [String: String] = [:]
        for path in paths {
            let city = try read(path)
            if let first = seen[city.name] {
                throw .refused("\(path): a second summary of \(city.name) (the first is \(first)); give one per city")
            }
            seen[city.name] = path
            cities.append(city)
        }
        return CityComparison(cities: cities)
    }

    static func read(_ path: String) throws(WorkflowError) -> City {
        let root: JSONNode
        do {
            root = try JSONParser.parse(try FileReader.bytes(atPath: path, maxBytes: 16 << 20))
        } catch let error as FileError {
            throw .refused(error.description)
        } catch {
            throw .refused("\(path): not a JSON file: \(error)")
        }
        guard case .string(let schema)? = root.value("schema")?.kind else {
            throw .refused("\(path): not an esp programme summary (no schema); make one with esp summary --format json")
        }
        if schema == VisitRegister.exportSchema {
            throw .refused(
                "\(path): a per-household export (\(schema)); compare takes only aggregates: esp summary --format json --city CITY"
            )
        }
        if schema.hasPrefix("esp-programme-summary/") && schema != ProgrammeSummary.schema {
            throw .refused("\(path): \(schema) is from a newer esp; this esp reads \(ProgrammeSummary.schema)")
        }
        guard schema == ProgrammeSummary.schema else {
            throw .refused("\(path): \(schema) is not an esp programme summary")
        }
        let names = root.value("cities")?.strings ?? []
        guard names.count == 1, let name = names.first else {
            throw .refused(
                names.isEmpty
                    ? "\(path): the summary holds no visits"
                    : "\(path): the summary covers \(names.joined(separator: ", ")); make one per city with --city")
        }
        let households = root.value("households")
        guard let advised = households?.value("advised")?.number, advised > 0 else {
            throw .refused("\(path): the summary holds no visits")
        }
        var calibration: [String: (Double, Double)] = [:]
        for item in root.value("calibration")?.elements ?? [] {
            guard let kind = item.value("kind")?.string, let ratio = item.value("realisedOverExpected")?.number,
                let n = item.value("households")?.number
            else { continue }
            calibration[kind] = (ratio, n)
        }
        return City(
            name: name, households: advised,
            savingEUR: root.value("predicted")?.value("totalEUR")?.number ?? 0,
            followUpRate: households?.value("followUpRate")?.number ?? 0,
            co2Tonnes: root.value("predicted")?.value("co2Tonnes")?.number ?? 0,
            programmeCostEUR: root.value("handedOut")?.value("programmeCostEUR")?.number ?? 0,
            calibration: calibration)
    }

    /// The measures any city has calibration for, in the order of the rules.
    var calibratedMeasures: [MeasureKind] {
        MeasureKind.allCases.filter { kind in cities.contains { $0.calibration[kind.rawValue] != nil } }
    }

    /// One row per figure, one column per city.
    public func rows(_ text: StaffText) -> [(label: String, values: [String])] {
        let format = text.localizer.format
        func money(_ x: Double) -> String { format.money(x, fractionDigits: 0) }
        var rows: [(String, [String])] = [
            (text("compare.row.households"), cities.map { format.number($0.households) }),
            (text("compare.row.perHousehold"), cities.map { money($0.savingPerHousehold) }),
            (text("compare.row.followUpRate"), cities.map { format.percent($0.followUpRate) }),
            (text("compare.row.costPerTonne"), cities.map { $0.costPerTonne.map(money) ?? "–" }),
        ]
        for kind in calibratedMeasures {
            rows.append(
                (
                    text("compare.row.calibration", ["measure": .text(text.measure(kind))]),
                    cities.map { city in
                        guard let c = city.calibration[kind.rawValue] else { return "–" }
                        return c.households < Double(ProgrammeReportBuilder.smallestGroup)
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

    /// Writes the printed comparison.
    public func writePDF(_ text: StaffText, to file: String, overwrite: Bool, today: CalendarDate, creationDate: String)
        throws(WorkflowError) -> Int
    {
        let document = report(text, today: today)
        let info = PDFDocumentInfo(
            title: document.title, author: "esp", subject: document.subtitle, keywords: "esp; city comparison",
            creationDate: creationDate)
        do {
            return try PDFRenderer.write(document, to: file, info: info, overwrite: overwrite)
        } catch {
            throw .sheet(error)
        }
    }
}
