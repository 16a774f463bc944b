import AdviceLocalization
import AdviceReport
import EnergyAdvice
import VisitRecords

/// The council's report from the register's summary, in the staff's language: key figures, what was measured at
/// follow-ups beside what was expected of the same households, charts, and how the figures were made. Every figure
/// says how many households it rests on; figures about few households are withheld by the rules of ``Disclosure``.
/// What the data keeper needs (realisation factors to put into a city file) is ``CalibrationText``, not here.
public struct ProgrammeReportBuilder: Sendable {
    /// The staff's texts, with the names of the summary's cities.
    public let text: StaffText
    /// The data files the advice used, for the methods.
    public let dataFiles: [DataFile]
    /// The day of the report.
    public let today: CalendarDate

    /// A builder for reports in the staff's language.
    public init(text: StaffText, dataFiles: [DataFile], today: CalendarDate) {
        self.text = text
        self.dataFiles = dataFiles
        self.today = today
    }

    var withheld: String { text("report.withheld") }
    func number(_ x: Double, digits: Int = 0) -> String { text.localizer.format.number(x, fractionDigits: digits) }
    func count(_ n: Int) -> String { number(Double(n)) }
    func money(_ x: Double) -> String { text.localizer.format.money(x, fractionDigits: 0) }
    func percent(_ x: Double) -> String { text.localizer.format.percent(x) }
    func day(_ d: CalendarDate) -> String { text.localizer.format.date(year: d.year, month: d.month, day: d.day) }

    /// The council's report of a summary.
    public func report(_ s: ProgrammeSummary) -> ProgrammeReport {
        let period =
            s.filter.from.map {
                text("report.period.range", ["from": .text(day($0)), "to": .text(day(s.filter.to ?? today))])
            } ?? text("report.period.all", ["to": .text(day(s.filter.to ?? today))])
        let cities = s.filter.city.map { [$0] } ?? s.cities
        return ProgrammeReport(
            language: text.language, title: text("report.title"),
            subtitle: text("report.subtitle", ["cities": .text(text.cities(cities)), "period": .text(period)]),
            keyFiguresHeading: text("report.keyFigures"), keyFigures: keyFigures(s),
            tables: [measured(s)] + energyDebt(s),
            charts: charts(s), sections: [methods(s)], footer: text("report.footer", ["date": .text(day(today))]))
    }

    func keyFigures(_ s: ProgrammeSummary) -> [ProgrammeReport.KeyFigure] {
        let n = s.householdsAdvised
        let p = s.predicted
        let small = Disclosure.isSmall(n)
        /// A figure about `part` of the advised households, or the withheld mark.
        func about(_ part: Int, of whole: Int = n, _ shown: () -> String) -> String {
            Disclosure.withholds(part: part, of: whole) ? withheld : shown()
        }
        var figures: [ProgrammeReport.KeyFigure] = [
            .init(
                label: text("report.key.households"),
                value: small
                    ? withheld
                    : text(
                        "report.key.householdsValue",
                        ["households": text.count(n), "persons": text.count(s.personsReached)])
            ),
            .init(
                label: text("report.key.expected"),
                value: Disclosure.withholdsExpectedTotals(s)
                    ? withheld
                    : text(
                        "report.key.expectedValue",
                        [
                            "eur": .text(money(p.totalEUR)), "kWh": .text(number(p.electricity.kWh)),
                            "heat": .text(number(p.heating.kWh)), "co2": .text(number(p.co2Tonnes, digits: 1)),
                        ])),
            .init(
                label: text("report.key.followedUp"),
                value: about(s.householdsFollowedUp) {
                    text(
                        "report.key.followedUpValue",
                        [
                            "count": text.count(s.householdsFollowedUp), "total": text.count(n),
                            "rate": .text(percent(s.followUpRate)),
                        ])
                }),
        ]
        let r = s.realised
        let measuredEUR = measuredTotals(s)
        figures.append(
            .init(
                label: text("report.key.measured"),
                value: r.householdsWithFigures == 0
                    ? text("report.key.measuredNone")
                    : measuredEUR.shown
                        ? text(
                            "report.key.measuredValue",
                            [
                                "measured": .text(money(r.totalEUR)), "households": text.count(r.householdsWithFigures),
                                "expected": .text(money(measuredEUR.expected)),
                                "percent": .text(ratio(r.totalEUR, measuredEUR.expected)),
                            ]) : withheld))
        figures.append(
            .init(
                label: text("report.key.switch"),
                value: s.tariffSwitch.households == 0
                    ? text("report.key.none")
                    : about(s.tariffSwitch.households) {
                        text(
                            "report.key.switchValue",
                            [
                                "households": text.count(s.tariffSwitch.households),
                                "eur": .text(money(s.tariffSwitch.eur)),
                            ])
                    }))
        let items = s.handedOut.reduce(0) { $0 + $1.items }
        let costShown = !Disclosure.withholds(part: s.householdsHandedOut, of: n)
        figures.append(
            .init(
                label: text("report.key.handedOut"),
                value: items == 0
                    ? text("report.key.none")
                    : costShown
                        ? text(
                            "report.key.handedOutValue",
                            [
                                "items": text.count(items), "households": text.count(s.householdsHandedOut),
                                "cost": .text(money(s.programmeCostEUR)),
                            ]) : withheld))
        figures.append(
            .init(
                label: text("report.key.costPerTonne"),
                value: !costShown || Disclosure.withholdsExpectedTotals(s)
                    ? withheld : costPerTonne(cost: s.programmeCostEUR, tonnes: p.co2Tonnes)))
        figures.append(
            .init(
                label: text("report.key.vouchers"),
                value: about(s.fridgeVouchers.households) {
                    text("report.key.vouchersValue", ["households": text.count(s.fridgeVouchers.households)])
                }))
        let followedShown = !Disclosure.withholds(part: s.householdsFollowedUp, of: n)
        figures.append(
            .init(
                label: text("report.key.replaced"),
                value: followedShown && s.householdsFollowedUp > 0
                    ? about(s.fridgeReplacementsReported, of: s.householdsFollowedUp) {
                        text(
                            "report.key.replacedValue",
                            [
                                "households": text.count(s.fridgeReplacementsReported),
                                "followedUp": text.count(s.householdsFollowedUp),
                            ])
                    } : withheld))
        // Of a small group of households nothing is shown, not even that it got no items or no switch.
        return small ? figures.map { .init(label: $0.label, value: withheld) } : figures
    }

    /// What the programme's items cost per tonne of CO₂ the advice expects to avoid a year, or why it has no value.
    func costPerTonne(cost: Double, tonnes: Double) -> String {
        guard cost > 0 else { return text("report.costPerTonne.noItems") }
        guard tonnes > 0 else { return text("report.costPerTonne.noCO2") }
        return money(cost / tonnes)
    }

    /// `part` as a share of `whole` (de `72 %`), or "–" when nothing was expected.
    func ratio(_ part: Double, _ whole: Double) -> String { whole > 0 ? percent(part / whole) : "–" }

    /// Whether the measured euros and CO₂ (electricity and heating together) may be shown, and what was expected of
    /// the same households for all recommended steps. A carrier's row that is withheld withholds them too: the
    /// total less the other carrier would give it back.
    func measuredTotals(_ s: ProgrammeSummary) -> (shown: Bool, expected: Double) {
        let r = s.realised
        let n = s.householdsAdvised
        let carriers = [r.householdsWithElectricity, r.householdsWithHeating]
        let shown =
            !Disclosure.withholds(part: r.householdsWithFigures, of: n)
            && carriers.allSatisfy { $0 == 0 || !Disclosure.withholds(part: $0, of: n) }
        return (shown, cents(r.expectedElectricity.recommended.eur + r.expectedHeating.recommended.eur))
    }

    /// Measured beside expected, carrier by carrier, for the households measured.
    func measured(_ s: ProgrammeSummary) -> ProgrammeReport.Table {
        let r = s.realised
        let n = s.householdsAdvised
        let format = text.localizer.format
        func kWh(_ x: Double) -> String { format.quantity(x, unit: "kWh") }
        func tonnes(_ kg: Double) -> String { format.quantity(kg.rounded() / 1000, unit: "t", fractionDigits: 1) }
        func row(
            _ label: String, households: Int, shown: Bool, measured: Double, expected: (Double, Double),
            _ value: (Double) -> String
        ) -> ProgrammeReport.Table.Row {
            guard households > 0 else {
                return .init(label: label, cells: ["0", text("report.measured.none"), "", ""])
            }
            guard shown else { return .init(label: label, cells: [withheld, withheld, withheld, withheld]) }
            return .init(
                label: label,
                cells: [
                    count(households), value(measured),
                    "\(value(expected.0)) (\(ratio(measured, expected.0)))",
                    "\(value(expected.1)) (\(ratio(measured, expected.1)))",
                ])
        }
        let e = r.expectedElectricity
        let h = r.expectedHeating
        let totals = measuredTotals(s)
        let table = ProgrammeReport.Table(
            title: text("report.measured.title"),
            columns: [
                "", text("report.count"), text("report.measured.measured"), text("report.measured.recommended"),
                text("report.measured.implemented"),
            ],
            rows: [
                row(
                    text("report.measured.electricity"), households: r.householdsWithElectricity,
                    shown: !Disclosure.withholds(part: r.householdsWithElectricity, of: n),
                    measured: r.electricity.kWh, expected: (e.recommended.kWh, e.implemented.kWh), kWh),
                row(
                    text("report.measured.heating"), households: r.householdsWithHeating,
                    shown: !Disclosure.withholds(part: r.householdsWithHeating, of: n),
                    measured: r.heating.kWh, expected: (h.recommended.kWh, h.implemented.kWh), kWh),
                row(
                    text("report.measured.eur"), households: r.householdsWithFigures, shown: totals.shown,
                    measured: r.totalEUR,
                    expected: (totals.expected, cents(e.implemented.eur + h.implemented.eur)), money),
                row(
                    text("report.measured.co2"), households: r.householdsWithFigures, shown: totals.shown,
                    measured: r.co2Kg,
                    expected: (
                        e.recommended.co2Kg + h.recommended.co2Kg, e.implemented.co2Kg + h.implemented.co2Kg
                    ), tonnes),
            ],
            notes: [text("report.measured.note.measured"), text("report.measured.note.expected")])
        guard Disclosure.isSmall(n) else { return table }
        return .init(
            title: table.title, columns: table.columns,
            rows: table.rows.map { .init(label: $0.label, cells: $0.cells.map { _ in withheld }) }, notes: table.notes)
    }

    /// Energy debt and cut-offs: the households that came with arrears, threats and cut-offs, and what their
    /// follow-ups found; no table when no household recorded a debt. Every count is a part of the debt households
    /// (rule 2 of ``Disclosure``), and they a part of the households advised.
    func energyDebt(_ s: ProgrammeSummary) -> [ProgrammeReport.Table] {
        let d = s.energyDebt
        guard d.households > 0 else { return [] }
        let all =
            Disclosure.isSmall(s.householdsAdvised) || Disclosure.withholds(part: d.households, of: s.householdsAdvised)
        func row(_ id: String, _ part: Int) -> ProgrammeReport.Table.Row {
            .init(
                label: text(id),
                cells: [
                    all || (part > 0 && Disclosure.withholds(part: part, of: d.households)) ? withheld : count(part)
                ])
        }
        return [
            ProgrammeReport.Table(
                title: text("report.debt.title"), columns: ["", text("report.count")],
                rows: [
                    .init(label: text("report.debt.households"), cells: [all ? withheld : count(d.households)]),
                    .init(
                        label: text("report.debt.arrears"),
                        cells: [all ? withheld : text.localizer.format.money(d.arrearsEUR, fractionDigits: 0)]),
                    row("report.debt.threatened", d.threatened),
                    row("report.debt.announced", d.announced),
                    row("report.debt.cutOff", d.cutOff),
                    row("report.debt.followedUp", d.followedUp),
                    row("report.debt.averted", d.cutOffsAverted),
                    row("report.debt.agreements", d.agreementsReached),
                ],
                notes: [text("report.debt.note")])
        ]
    }

    func charts(_ s: ProgrammeSummary) -> [ProgrammeReport.Chart] {
        let n = s.householdsAdvised
        // Euros that add up to the expected total are withheld with it.
        let totalsWithheld = Disclosure.withholdsExpectedTotals(s)
        /// Rows of euros whose groups add up to the total, each with its households; `hidden` from ``Disclosure``.
        func euroRows(_ rows: [(label: String, households: Int, eur: Double)], hidden: Set<Int>) -> [ProgrammeReport
            .Chart.Row]
        {
            rows.enumerated().map { index, row in
                totalsWithheld || hidden.contains(index)
                    ? .init(label: row.label, value: nil, shown: withheld, count: withheld)
                    : .init(label: row.label, value: row.eur, shown: money(row.eur), count: count(row.households))
            }
        }
        /// Households by group of a partition.
        func householdRows(_ groups: [GroupBreakdown], label: (String) -> String) -> [ProgrammeReport.Chart.Row] {
            let hidden = Disclosure.withheld(partition: groups.map(\.households))
            return groups.enumerated().map { index, g in
                Disclosure.isSmall(n) || hidden.contains(index)
                    ? .init(label: label(g.key), value: nil, shown: withheld)
                    : .init(label: label(g.key), value: Double(g.households), shown: count(g.households))
            }
        }
        let measures = s.byMeasure.map { (text.measure($0.kind), $0.households, $0.savingEUR) }
        let measuresHidden = Disclosure.withheld(sum: s.byMeasure.map(\.households), of: n).parts
        let quarters = s.byQuarter.map { (text.quarter($0.key), $0.households, $0.savingEUR) }
        let p = s.predicted
        let payers = p.householdsByPayer
        let split: [(label: String, households: Int, eur: Double)] = [
            (text("payer.household"), payers.household, p.householdEUR),
            (text("payer.jobcenter"), payers.jobcenter, p.jobcenterEUR),
            (text("payer.social-office"), payers.socialOffice, p.socialOfficeEUR),
            (text("payer.landlord"), payers.landlord, p.landlordEUR),
        ]
        let splitHidden = Disclosure.withheld(sum: s.payerHouseholds, of: n).parts
        var splitRows = split.enumerated().compactMap { index, row -> ProgrammeReport.Chart.Row? in
            guard !totalsWithheld && !splitHidden.contains(index) else { return nil }
            return .init(
                label: row.label, value: row.eur,
                shown: text(
                    "report.bar.eurHouseholds",
                    ["eur": .text(money(row.eur)), "households": text.count(row.households)]
                ))
        }
        if totalsWithheld || !splitHidden.isEmpty {
            let rest = totalsWithheld ? p.totalEUR : splitHidden.reduce(0) { $0 + split[$1].eur }
            let names = split.indices.filter { totalsWithheld || splitHidden.contains($0) }.map { split[$0].label }
            splitRows.append(
                .init(
                    label: names.joined(separator: text.localizer.format.listSeparator),
                    value: totalsWithheld ? nil : rest,
                    shown: withheld))
        }
        return [
            .init(
                title: text("report.chart.byMeasure"), kind: .bars, rows: euroRows(measures, hidden: measuresHidden),
                countHeading: text("report.count")),
            .init(
                title: text("report.chart.byQuarter"), kind: .bars,
                rows: euroRows(quarters, hidden: Disclosure.withheld(partition: s.byQuarter.map(\.households))),
                countHeading: text("report.count")),
            .init(
                title: text("report.chart.byLanguage"), kind: .bars,
                rows: householdRows(s.byLanguage, label: text.language)),
            .init(
                title: text("report.chart.byBenefit"), kind: .bars,
                rows: householdRows(s.byBenefit, label: text.benefit(key:))),
            .init(title: text("report.chart.split"), kind: .stacked, rows: splitRows),
        ]
    }

    func methods(_ s: ProgrammeSummary) -> ProgrammeReport.Section {
        let n = s.householdsAdvised
        var lines = [
            text(
                "report.method.expected",
                ["versions": .text(s.rulesVersions.map(String.init).joined(separator: ", "))])
        ]
        if s.visitsWithEstimatedHeating > 0 {
            lines.append(
                Disclosure.withholds(part: s.visitsWithEstimatedHeating, of: n)
                    ? text("report.method.estimatesWithheld")
                    : text(
                        "report.method.estimates",
                        ["count": text.count(s.visitsWithEstimatedHeating), "total": text.count(n)]))
        }
        let files = dataFiles.map { file in
            text(
                "report.method.file",
                [
                    "name": .text(file.city.map(text.city) ?? text("report.method.reference")),
                    "file": .text(file.name), "date": .text(day(file.validUntil)),
                ])
        }
        lines.append(text("report.method.data", ["files": .text(files.joined(separator: "; "))]))
        lines.append(text("report.method.anonymous", ["smallest": text.count(Disclosure.smallestGroup)]))
        return .init(heading: text("report.methods"), lines: lines)
    }
}

/// A data file the advice used: the national reference data or a city's file, and the day by which it is to be
/// looked at again.
public struct DataFile: Sendable, Equatable {
    /// The city of the file; nil for the reference data.
    public var city: String?
    /// Its `validUntil`.
    public var validUntil: CalendarDate

    /// A data file of `city` (nil: `reference.xml`).
    public init(city: String?, validUntil: CalendarDate) {
        self.city = city
        self.validUntil = validUntil
    }

    /// The file's name in Tariffs/.
    public var name: String { city.map { "\($0).xml" } ?? "reference.xml" }
}
