import AdviceLocalization
import EnergyAdvice
import SafeText
import VisitRecords

/// For whoever keeps a city's data, not for the council: how the city's follow-ups compare with the realisation
/// factors its advice used, what each interval means, and — from ``MeasureCalibration/enoughHouseholds`` households
/// on — the factors to put into the city file, as XML to paste, with where it goes.
public struct CalibrationText: Sendable {
    /// The staff's texts.
    public let text: StaffText

    /// Calibration text in the staff's language.
    public init(text: StaffText) {
        self.text = text
    }

    /// The calibration of one city's summary. `national` are the reference file's factors; the city's own
    /// (`city.realisation`) beat them, as in the advice.
    public func calibration(
        _ s: ProgrammeSummary, city: CityTariffs, national: [MeasureKind: RealisationFactor], file: String,
        today: CalendarDate
    ) -> String {
        let format = text.localizer.format
        func day(_ d: CalendarDate) -> String { format.date(year: d.year, month: d.month, day: d.day) }
        func factor(_ x: Double) -> String { format.number(x, fractionDigits: 2) }
        let period =
            s.filter.from.map {
                text("report.period.range", ["from": .text(day($0)), "to": .text(day(s.filter.to ?? today))])
            } ?? text("report.period.all", ["to": .text(day(s.filter.to ?? today))])
        var lines = [
            text("calibration.title", ["city": .text(city.name), "file": .text(file)]),
            text(
                "calibration.period",
                ["period": .text(period), "households": text.count(s.realised.householdsWithFigures)]),
            "",
            text("calibration.explain.ratio"),
            text("calibration.explain.interval", ["enough": text.count(MeasureCalibration.enoughHouseholds)]),
            "",
        ]
        var suggested: [MeasureKind: FactorSuggestion] = [:]
        for c in s.calibration {
            var arguments: [String: MessageArgument] = [
                "measure": .text(text.measure(c.kind)), "percent": text.percent(c.ratio),
                "households": text.count(c.households), "low": text.percent(c.low ?? c.ratio),
                "high": text.percent(c.high ?? c.ratio), "enough": text.count(MeasureCalibration.enoughHouseholds),
            ]
            lines.append(text(c.low == nil ? "calibration.line.one" : "calibration.line", arguments))
            guard let inUse = city.realisation[c.kind] ?? national[c.kind] else { continue }
            arguments["current"] = .text(factor(inUse.likely))
            arguments["from"] = .text(
                text(city.realisation[c.kind] == nil ? "calibration.from.reference" : "calibration.from.city"))
            guard let suggestion = c.suggestion(current: inUse.likely) else {
                lines.append(text("calibration.factor.wait", arguments))
                continue
            }
            suggested[c.kind] = suggestion
            arguments["likely"] = .text(factor(suggestion.likely))
            arguments["suggestedLow"] = .text(factor(suggestion.low))
            arguments["suggestedHigh"] = .text(factor(suggestion.high))
            lines.append(text("calibration.factor.suggest", arguments))
        }
        if s.calibration.isEmpty { lines.append(text("calibration.none")) }
        var output = TerminalText.wrapped(lines.joined(separator: "\n") + "\n")
        guard !suggested.isEmpty else { return output }

        let id = "\(city.id.prefix(40))-follow-ups-\(today)"
        let counts = s.calibration.filter { suggested[$0.kind] != nil }.map(\.households)
        let households = Set([counts.min() ?? 0, counts.max() ?? 0]).sorted().map(String.init).joined(separator: "–")
        let source =
            "<source id=\"\(id)\" publisher=\"\(Self.attribute(city.programme))\" document=\"esp calibration: "
            + "realised ÷ expected savings at the programme's follow-ups of visits \(s.filter.from.map { "from \($0) " } ?? "")"
            + "to \(s.filter.to ?? today), \(households) households per measure, 95 % interval\" year=\"\(today.year)\" "
            + "confirmed=\"true\"/>"
        // The city's own factors stay as they are unless the follow-ups suggest new ones: the element replaces the one
        // the file has.
        var factors: [String] = []
        for kind in MeasureKind.allCases {
            if let s = suggested[kind] {
                factors.append(
                    "<factor measure=\"\(kind.rawValue)\" low=\"\(PlainNumber.fixed(s.low, decimals: 2))\" "
                        + "likely=\"\(PlainNumber.fixed(s.likely, decimals: 2))\" "
                        + "high=\"\(PlainNumber.fixed(s.high, decimals: 2))\" source=\"\(id)\"/>")
            } else if let own = city.realisation[kind] {
                factors.append(
                    "<factor measure=\"\(kind.rawValue)\" low=\"\(PlainNumber.fixed(own.low, decimals: 2))\" "
                        + "likely=\"\(PlainNumber.fixed(own.likely, decimals: 2))\" "
                        + "high=\"\(PlainNumber.fixed(own.high, decimals: 2))\" source=\"\(own.source.id)\"/>")
            }
        }
        output += "\n"
        output += TerminalText.wrapped(
            [text("calibration.snippet", ["file": .text(file)]), text("calibration.snippet.sources")]
                .joined(separator: "\n") + "\n")
        output += "    " + source + "\n"
        output += TerminalText.wrapped(text("calibration.snippet.realisation") + "\n")
        output +=
            (["<realisation>"] + factors.map { "  " + $0 } + ["</realisation>"]).map { "    " + $0 }
            .joined(separator: "\n") + "\n"
        output += TerminalText.wrapped(text("calibration.snippet.check") + "\n")
        return output
    }

    /// Text for an XML attribute in double quotes.
    static func attribute(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
