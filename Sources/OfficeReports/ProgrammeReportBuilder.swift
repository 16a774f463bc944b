import AdviceLocalization
import AdviceReport
import EnergyAdvice
import VisitRecords

/// The council's report from the register's summary: key figures, charts, calibration from the city's follow-ups
/// and the methods, in the staff's language. Groups of fewer than five households are shown as "< 5" so no
/// household can be recognised from a small cell.
public struct ProgrammeReportBuilder: Sendable {
    /// The staff's texts.
    public let text: StaffText
    /// The realisation factors the advice used (the city's where it has its own, else the national ones).
    public let factors: [MeasureKind: RealisationFactor]
    /// The data files and how long they are valid, for the methods box.
    public let dataFiles: [String]
    /// The day of the report.
    public let today: CalendarDate

    /// Groups smaller than this are not shown in detail.
    public static let smallestGroup = 5

    /// A builder for reports in the staff's language.
    public init(text: StaffText, factors: [MeasureKind: RealisationFactor], dataFiles: [String], today: CalendarDate) {
        self.text = text
        self.factors = factors
        self.dataFiles = dataFiles
        self.today = today
    }

    func count(_ n: Int) -> String {
        n < Self.smallestGroup && n > 0 ? text("report.small") : text.localizer.format.number(Double(n))
    }

    func number(_ x: Double, digits: Int = 0) -> String { text.localizer.format.number(x, fractionDigits: digits) }
    func money(_ x: Double) -> String { text.localizer.format.money(x, fractionDigits: 0) }
    func percent(_ x: Double) -> String { text.localizer.format.percent(x) }

    /// The council's report of a summary.
    public func report(_ s: ProgrammeSummary) -> ProgrammeReport {
        let p = s.predicted
        let period: String
        let format = text.localizer.format
        func day(_ d: CalendarDate) -> String { format.date(year: d.year, month: d.month, day: d.day) }
        if let from = s.filter.from {
            period = text("report.period.range", ["from": .text(day(from)), "to": .text(day(s.filter.to ?? today))])
        } else {
            period = text("report.period.all", ["to": .text(day(s.filter.to ?? today))])
        }
        let cities = s.filter.city.map { [$0] } ?? s.cities
        var figures: [ProgrammeReport.KeyFigure] = [
            .init(label: text("report.key.households"), value: count(s.householdsAdvised)),
            .init(label: text("report.key.persons"), value: count(s.personsReached)),
            .init(
                label: text("report.key.followedUp"),
                value: text(
                    "report.key.followedUpValue",
                    ["count": .text(count(s.householdsFollowedUp)), "rate": .text(percent(s.followUpRate))])),
            .init(
                label: text("report.key.expected"),
                value: text(
                    "report.key.expectedValue",
                    [
                        "eur": .text(money(p.totalEUR)), "kWh": .text(number(p.electricity.kWh)),
                        "heat": .text(number(p.heating.kWh)), "co2": .text(number(p.co2Tonnes, digits: 1)),
                    ])),
        ]
        if s.householdsFollowedUp > 0 {
            let r = s.realised
            figures.append(
                .init(
                    label: text("report.key.realised"),
                    value: text(
                        "report.key.realisedValue",
                        [
                            "eur": .text(money(r.totalEUR)), "kWh": .text(number(r.electricity.kWh)),
                            "heat": .text(number(r.heating.kWh)),
                        ])))
        }
        figures.append(
            .init(
                label: text("report.key.switch"),
                value: text(
                    "report.key.switchValue",
                    ["households": .text(count(s.tariffSwitch.households)), "eur": .text(money(s.tariffSwitch.eur))])))
        let items = s.handedOut.reduce(0) { $0 + $1.items }
        figures.append(
            .init(
                label: text("report.key.handedOut"),
                value: text(
                    "report.key.handedOutValue",
                    ["items": .text(number(Double(items))), "cost": .text(money(s.programmeCostEUR))])))
        figures.append(
            .init(
                label: text("report.key.vouchers"),
                value: text(
                    "report.key.vouchersValue",
                    [
                        "promised": .text(count(s.fridgeVouchers.count)),
                        "done": .text(count(s.fridgeReplacementsReported)),
                    ])))
        if s.programmeCostEUR > 0 && p.co2Tonnes > 0 {
            figures.append(
                .init(label: text("report.key.costPerTonne"), value: money(s.programmeCostEUR / p.co2Tonnes)))
        }
        return ProgrammeReport(
            language: text.language, title: text("report.title"),
            subtitle: text(
                "report.subtitle", ["cities": .text(cities.joined(separator: ", ")), "period": .text(period)]),
            keyFiguresHeading: text("report.keyFigures"), keyFigures: figures, charts: charts(s),
            sections: [calibration(s), methods(s)],
            footer: text("report.footer", ["date": .text(day(today))]))
    }

    func charts(_ s: ProgrammeSummary) -> [ProgrammeReport.Chart] {
        let byMeasure = s.byMeasure.map { m in
            m.households < Self.smallestGroup
                ? ProgrammeReport.Chart.Row(label: text.measure(m.kind), value: nil, shown: text("report.small"))
                : .init(label: text.measure(m.kind), value: m.savingEUR, shown: money(m.savingEUR))
        }
        let calibration = s.calibration.map { c -> ProgrammeReport.Chart.Row in
            let label = text.measure(c.kind)
            guard c.households >= Self.smallestGroup else {
                return .init(label: label, value: nil, shown: text("report.small"))
            }
            let shown =
                c.low.map { low in
                    text(
                        "report.bar.calibration",
                        [
                            "percent": .text(percent(c.ratio)), "low": .text(percent(low)),
                            "high": .text(percent(c.high ?? low)), "households": text.count(c.households),
                        ])
                } ?? percent(c.ratio)
            return .init(label: label, value: c.ratio, shown: shown, low: c.low, high: c.high)
        }
        func groups(_ groups: [GroupBreakdown], label: (String) -> String, money withMoney: Bool) -> [ProgrammeReport
            .Chart.Row]
        {
            groups.map { g in
                guard g.households >= Self.smallestGroup else {
                    return .init(label: label(g.key), value: nil, shown: text("report.small"))
                }
                let shown =
                    withMoney
                    ? text(
                        "report.bar.householdsEUR",
                        ["households": .text(count(g.households)), "eur": .text(money(g.savingEUR))])
                    : text("report.bar.households", ["households": .text(count(g.households))])
                return .init(label: label(g.key), value: Double(g.households), shown: shown)
            }
        }
        let p = s.predicted
        let split: [ProgrammeReport.Chart.Row] = [
            ("payer.household", p.householdEUR), ("payer.jobcenter", p.jobcenterEUR),
            ("payer.social-office", p.socialOfficeEUR), ("payer.landlord", p.landlordEUR),
        ].map { .init(label: text($0.0), value: $0.1, shown: money($0.1)) }
        return [
            .init(title: text("report.chart.byMeasure"), kind: .bars, rows: byMeasure),
            .init(
                title: text("report.chart.calibration"), kind: .ratios, rows: calibration,
                emptyText: text("report.none")),
            .init(
                title: text("report.chart.byQuarter"), kind: .bars,
                rows: groups(s.byQuarter, label: { $0 }, money: true)),
            .init(
                title: text("report.chart.byLanguage"), kind: .bars,
                rows: groups(s.byLanguage, label: { $0 }, money: false)),
            .init(
                title: text("report.chart.byBenefit"), kind: .bars,
                rows: groups(s.byBenefit, label: { $0 }, money: false)),
            .init(title: text("report.chart.split"), kind: .stacked, rows: split),
        ]
    }

    /// Per measure, realised ÷ expected and, with enough follow-ups, the factor to put into the city file.
    func calibration(_ s: ProgrammeSummary) -> ProgrammeReport.Section {
        var lines: [String] = []
        var code: [String] = []
        for c in s.calibration where c.households >= Self.smallestGroup {
            lines.append(
                text(
                    "report.calibration.line",
                    [
                        "measure": .text(text.measure(c.kind)), "percent": .text(percent(c.ratio)),
                        "low": .text(percent(c.low ?? c.ratio)), "high": .text(percent(c.high ?? c.ratio)),
                        "households": text.count(c.households),
                    ]))
            guard let suggestion = suggestion(c) else { continue }
            lines.append(
                text(
                    "report.calibration.suggest",
                    [
                        "likely": .text(number(suggestion.likely, digits: 2)),
                        "current": .text(number(factors[c.kind]?.likely ?? 1, digits: 2)),
                    ]))
            code.append(
                "<factor measure=\"\(c.kind.rawValue)\" low=\"\(PlainNumber.fixed(suggestion.low, decimals: 2))\" "
                    + "likely=\"\(PlainNumber.fixed(suggestion.likely, decimals: 2))\" "
                    + "high=\"\(PlainNumber.fixed(suggestion.high, decimals: 2))\" source=\"city-follow-ups-\(today.year)\"/>"
            )
        }
        if lines.isEmpty { lines.append(text("report.none")) }
        lines.append(text("report.calibration.wait", ["enough": text.count(MeasureCalibration.enoughHouseholds)]))
        if !code.isEmpty {
            lines.append(text("report.calibration.snippet"))
            let households = s.calibration.reduce(0) { max($0, $1.households) }
            code =
                [
                    "<source id=\"city-follow-ups-\(today.year)\" publisher=\"\(s.cities.joined(separator: ", "))\" "
                        + "document=\"esp summary: realised ÷ expected from up to \(households) follow-ups\" "
                        + "year=\"\(today.year)\" confirmed=\"true\"/>",
                    "<realisation>",
                ] + code.map { "  " + $0 } + ["</realisation>"]
        }
        return .init(heading: text("report.calibration"), lines: lines, code: code)
    }

    /// The factor the follow-ups suggest: the one in use times realised ÷ expected, its interval likewise, within
    /// 0…1; only from ``MeasureCalibration/enoughHouseholds`` households on.
    func suggestion(_ c: MeasureCalibration) -> (low: Double, likely: Double, high: Double)? {
        guard c.households >= MeasureCalibration.enoughHouseholds, let low = c.low, let high = c.high,
            let current = factors[c.kind]?.likely
        else { return nil }
        func clamp(_ x: Double) -> Double { min(1, max(0.05, x)) }
        let likely = clamp(current * c.ratio)
        return (min(likely, clamp(current * low)), likely, max(likely, clamp(current * high)))
    }

    func methods(_ s: ProgrammeSummary) -> ProgrammeReport.Section {
        let factorList = MeasureKind.allCases.compactMap { kind in
            factors[kind].map { "\(text.measure(kind)) \(number($0.likely, digits: 2))" }
        }.joined(separator: ", ")
        return .init(
            heading: text("report.methods"),
            lines: [
                text(
                    "report.method.rules",
                    ["versions": .text(s.rulesVersions.map(String.init).joined(separator: ", "))]),
                text("report.method.factors", ["factors": .text(factorList)]),
                text("report.method.data", ["files": .text(dataFiles.joined(separator: "; "))]),
                text(
                    "report.method.estimates",
                    ["count": .text(count(s.visitsWithEstimatedHeating)), "total": .text(count(s.householdsAdvised))]),
                text("report.method.anonymous"),
            ])
    }
}
