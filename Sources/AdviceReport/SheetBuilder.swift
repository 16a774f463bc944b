import AdviceLocalization
import EnergyAdvice
import Foundation

/// Builds an ``AdviceSheet`` from an advice, the city's advice office and the texts of one language.
///
/// The sheet shows expected figures rounded for reading: whole euros and kWh, paybacks of two years or more in
/// years, and what it says "etwa" of (costs, back-payments, CO2, the range) to two significant digits. The office
/// copy adds the advisor's warnings, assumptions, technical figures and sources.
public struct SheetBuilder: Sendable {
    /// The texts and formats of the sheet's language.
    public let localizer: Localizer

    /// A builder for the language of `localizer`.
    public init(localizer: Localizer) {
        self.localizer = localizer
    }

    var format: LocaleFormatter { localizer.format }

    func t(_ id: String, _ arguments: [String: MessageArgument] = [:]) -> String { localizer.text(id, arguments) }

    // MARK: Arguments

    func unit(_ id: String) -> String { t("unit.\(id)") }

    func kWh(_ x: Double) -> MessageArgument {
        .number(x, shown: format.quantity(x, unit: unit("kWh")), fractionDigits: 0)
    }
    func kg(_ x: Double) -> MessageArgument {
        .number(x, shown: format.quantity(x, unit: unit("kg")), fractionDigits: 0)
    }
    func litres(_ x: Double) -> MessageArgument {
        .number(
            x, shown: format.quantity(x, unit: unit("litres"), fractionDigits: x == x.rounded() ? 0 : 1),
            fractionDigits: 0)
    }
    func celsius(_ x: Double) -> MessageArgument {
        let digits = x == x.rounded() ? 0 : 1
        return .number(
            x, shown: format.quantity(x, unit: "°C", fractionDigits: digits),
            fractionDigits: digits)
    }
    /// Money rounded for reading: whole euros (an estimate has no cents to promise).
    func euros(_ x: Double) -> MessageArgument {
        .number(x, shown: format.money(x, fractionDigits: 0), fractionDigits: 0)
    }
    /// An estimate the sheet says "etwa" of: two significant digits, never finer than whole units
    /// (1.405 € → 1.400 €, 371 kg → 370 kg, 25 € → 25 €). Figures that add up to a total stay whole.
    static func roundedForReading(_ x: Double) -> Double {
        let magnitude = abs(x)
        guard magnitude >= 100 else { return x.rounded() }
        let step = pow(10, (log10(magnitude)).rounded(.down) - 1)
        return (x / step).rounded() * step
    }
    func aboutEuros(_ x: Double) -> MessageArgument { euros(Self.roundedForReading(x)) }
    func aboutKg(_ x: Double) -> MessageArgument { kg(Self.roundedForReading(x)) }
    /// An amount the household typed or pays, with cents only where it has some.
    func amount(_ x: Double) -> MessageArgument {
        let digits = x == x.rounded() ? 0 : 2
        return .number(x, shown: format.money(x, fractionDigits: digits), fractionDigits: digits)
    }
    func m3(_ x: Double) -> MessageArgument {
        .number(x, shown: format.quantity(x.rounded(), unit: unit("m3")), fractionDigits: 0)
    }
    func count(_ x: Double) -> MessageArgument { .number(x, shown: format.number(x), fractionDigits: 0) }
    func percent(_ share: Double) -> MessageArgument { .text(format.percent(share)) }
    func date(_ d: CalendarDate) -> MessageArgument { .text(format.date(year: d.year, month: d.month, day: d.day)) }
    func text(_ s: String) -> MessageArgument { .text(s) }

    // MARK: The sheet

    /// - Parameters:
    ///   - office: the city's advice office, printed at the top.
    ///   - audience: the household's copy leaves out the advisor's warnings and assumptions.
    ///   - advisor: the visit's advisor, named on the office copy only.
    ///   - debtCounselling: the city's debt counselling, named on the page of each energy debt.
    public func build(
        _ advice: Advice, office: AdviceOffice?, audience: AdviceSheet.Audience = .household, advisor: String? = nil,
        debtCounselling: [DebtCounselling] = []
    ) -> AdviceSheet {
        let savings = advice.recommendedSavings
        let forOffice = audience == .office
        // Staff read the CO2 of all steps and which rules computed it.
        var smallPrint = [
            t("smallprint.expected"),
            t(advice.co2IncludesUpstream ? "smallprint.co2.withUpstream" : "smallprint.co2.withoutUpstream"),
        ]
        if forOffice {
            smallPrint.insert(t("smallprint.co2total", ["co2": aboutKg(advice.totals.co2Kg)]), at: 0)
            smallPrint.append(t("smallprint.rules", ["version": count(Double(Advice.rulesVersion))]))
        }
        return AdviceSheet(
            language: localizer.language,
            audience: audience,
            title: t("sheet.title"),
            fileCopyTitle: forOffice ? t("sheet.title.office") : nil,
            visitLine: t("sheet.visit", ["date": date(advice.date), "visitId": text(advice.visitId)]),
            advisorLine: forOffice
                ? advisor.flatMap { $0.isEmpty ? nil : t("sheet.advisor", ["advisor": text($0)]) } : nil,
            officeLine: office.map {
                t("office.line", ["name": text($0.name), "address": text($0.address), "phone": text($0.phone)])
            },
            energyDebt: debtPages(advice, office: office, counselling: debtCounselling),
            consumption: consumption(advice),
            scale: scale(advice.electricity.benchmark),
            steps: steps(savings, totals: advice.totals, householdRange: advice.householdRange),
            tariffSwitch: tariffSwitch(advice.tariffSwitch),
            checkFirst: .init(heading: t("heading.checkFirst"), lines: advice.measures.compactMap(checkFirst)),
            notRecommended: .init(
                heading: t("heading.notRecommended"), lines: advice.measures.filter(notWorthIt).map(notRecommended)),
            split: split(totals: advice.totals, heating: advice.heating),
            installment: installment(advice.installment),
            tips: tips(advice),
            followUp: t("followup.line"),
            warnings: .init(heading: t("heading.warnings"), lines: forOffice ? advice.warnings.map(warning) : []),
            assumptions: .init(
                heading: t("heading.assumptions"), lines: forOffice ? advice.inputs.map(assumption) : []),
            // Suppliers' product names and the sources' publishers are German: the office reads them, the
            // household reads its prices in its own words.
            sources: forOffice
                ? .init(heading: t("heading.sources"), lines: advice.tariffs.map(tariff))
                : .init(heading: t("heading.prices"), lines: advice.tariffs.map(price)),
            smallPrint: smallPrint,
            pageTemplate: t(
                forOffice ? "sheet.page.office" : "sheet.page",
                ["visitId": text(advice.visitId), "page": text("{page}"), "pages": text("{pages}")])
        )
    }

    /// A step that was checked and is not recommended; the fridge to measure first is listed apart.
    func notWorthIt(_ m: MeasureResult) -> Bool {
        !m.recommended && m.notRecommendedBecause != .measureFirst
    }

    /// Why a checked step is not recommended, in the household's words.
    func notRecommended(_ m: MeasureResult) -> String {
        let title = text(title(m))
        switch m.notRecommendedBecause {
        case .paysBackTooLate:
            return t(
                "notRecommended.paysBackTooLate",
                [
                    "title": title, "cost": euros(m.investmentEUR - m.voucherEUR),
                    "years": count(((m.paybackMonths ?? 0) / 12).rounded()),
                    "life": count((m.lifetimeYears ?? 0).rounded()),
                ])
        case .savesTheHouseholdNothing:
            return t("notRecommended.savesTheHouseholdNothing", ["title": title, "cost": euros(m.investmentEUR)])
        case .mustStayOn:
            guard case .standby(let d) = m.details else { return t("notRecommended.mustStayOn", ["device": title]) }
            return t(
                "notRecommended.mustStayOn", ["device": text(d.label ?? t("standby.kind.\(d.kind.rawValue)"))])
        case .savesTooLittle, .measureFirst, nil:
            return t(
                "notRecommended.line",
                ["title": title, "kWh": kWh((m.technical.electricityKWh + m.technical.heatKWh).rounded())])
        }
    }

    func consumption(_ advice: Advice) -> AdviceSheet.Section {
        let e = advice.electricity
        var lines = [
            t("consumption.electricity", ["kWh": kWh(e.annualKWh.rounded()), "cost": aboutEuros(e.annualCostEUR)]),
            t("benchmark.class", ["class": text(e.benchmark.classLetter)]),
            t(
                "benchmark.average",
                ["persons": count(Double(advice.household.persons)), "average": kWh(e.benchmark.averageKWh)]),
        ]
        if let h = advice.heating {
            lines.append(
                t(
                    "consumption.heating",
                    [
                        "fuel": text(t("fuel.\(h.fuel.rawValue)")), "kWh": kWh(h.annualKWh.rounded()),
                        "perM2": kWh(h.kWhPerM2.rounded()), "cost": aboutEuros(h.annualCostEUR),
                    ]))
            if let verdict = h.benchmark.verdict {
                lines.append(t("heating.compare.\(verdict.rawValue)", ["average": kWh(h.benchmark.averageKWhPerM2)]))
            } else {
                lines.append(t("consumption.heatingEstimated"))
            }
        }
        return .init(heading: t("heading.consumption"), lines: lines)
    }

    func scale(_ b: ElectricityBenchmark) -> AdviceSheet.BenchmarkScale {
        var labels = b.classUpperKWh.map { t("benchmark.upTo", ["kWh": kWh($0)]) }
        if let last = b.classUpperKWh.last { labels.append(t("benchmark.above", ["kWh": kWh(last)])) }
        return .init(
            letters: ElectricityBenchmarkTable.classLetters, labels: labels, householdIndex: b.classIndex,
            averageIndex: b.averageClassIndex, youAreHere: t("benchmark.youAreHere"),
            averageLabel: t("benchmark.averageMarker"))
    }

    /// Whole months below two years, whole years from two years on. An item the programme gives but has not fitted yet
    /// pays from the day it is fitted.
    func payback(_ months: Double?, installed: Bool, toFetch: Bool = false) -> String {
        if installed { return t("payback.now") }
        if toFetch { return t("payback.onceFitted") }
        guard let months else { return t("payback.never") }
        if months == 0 { return t("payback.now") }
        if months < 1 { return t("payback.underOneMonth") }
        if months >= 24 { return t("payback.years", ["years": count((months / 12).rounded())]) }
        return t("payback.months", ["months": count(months.rounded())])
    }

    func cost(_ m: MeasureResult) -> String {
        if m.installedAtVisit { return t("cost.doneToday") }
        // Free, but the household does not have it yet: it gets it from the advice office.
        if m.freeFromProgramme { return t("cost.freeAtOffice") }
        let net = m.investmentEUR - m.voucherEUR
        return net <= 0 ? t("cost.free") : format.money(net, fractionDigits: 0)
    }

    /// One row per step; several LED rows or standby devices become one row of their kind, so a household with
    /// twelve rooms reads "24 Lampen in 12 Räumen" once instead of the same two sentences twelve times.
    func steps(_ measures: [MeasureResult], totals: Totals, householdRange own: EURRange) -> AdviceSheet.StepTable {
        var rows: [AdviceSheet.Step] = []
        var grouped: Set<MeasureKind> = []
        for m in measures {
            let kind = measures.filter { $0.kind == m.kind }
            if [.led, .standby].contains(m.kind) && kind.count > 1 {
                if grouped.insert(m.kind).inserted { rows.append(group(kind)) }
                continue
            }
            rows.append(
                AdviceSheet.Step(
                    title: title(m) + (m.baseline == .estimated ? " *" : ""), why: why(m), how: how(m),
                    // The household's own part: what the offices save is said apart (split section).
                    cells: [
                        format.number((m.electricityKWh + m.heatKWh).rounded()),
                        format.money(m.split.household, fractionDigits: 0), cost(m),
                        payback(
                            m.paybackMonths, installed: m.installedAtVisit,
                            toFetch: m.freeFromProgramme && !m.installedAtVisit),
                    ],
                    advisorNote: advisorNote(m)))
        }
        var notes: [String] = []
        if !measures.isEmpty && own.highEUR.rounded() > 0 {
            notes.append(t("steps.range", ["low": aboutEuros(own.lowEUR), "high": aboutEuros(own.highEUR)]))
        }
        if measures.contains(where: { $0.baseline == .estimated }) { notes.append(t("steps.estimated")) }
        // A step whose whole saving goes to whoever pays the heating or the water shows 0 € for the household: say
        // why.
        if measures.contains(where: { $0.split.household.rounded() == 0 && $0.savingEUR.rounded() > 0 }) {
            notes.append(t("steps.noOwnSaving"))
        }
        return .init(
            heading: t("heading.steps"),
            header: [t("table.step"), t("table.kWh"), t("table.eur"), t("table.cost"), t("table.payback")],
            rows: rows,
            total: [
                t("table.total"), format.number((totals.electricityKWh + totals.heatKWh).rounded()),
                format.money(totals.householdEUR, fractionDigits: 0), "", "",
            ],
            notes: notes
        )
    }

    /// LED rows or standby devices of one household as one row: sums, one why, one how, the places listed small.
    func group(_ measures: [MeasureResult]) -> AdviceSheet.Step {
        let kind = measures[0].kind
        let kWhSaved = measures.reduce(0) { $0 + $1.electricityKWh + $1.heatKWh }
        let ownSaving = measures.reduce(0) { $0 + $1.split.household }
        let net = measures.reduce(0) { $0 + max(0, $1.investmentEUR - $1.voucherEUR) }
        let allInstalled = measures.allSatisfy(\.installedAtVisit)
        let toFetch = measures.contains { !$0.installedAtVisit && $0.freeFromProgramme }
        let costText =
            allInstalled
            ? t("cost.doneToday")
            : net <= 0 ? t(toFetch ? "cost.freeAtOffice" : "cost.free") : format.money(net, fractionDigits: 0)
        let months: Double? = net <= 0 ? 0 : ownSaving > 0 ? net / (ownSaving / 12) : nil
        var places: [String] = []
        let title: String
        let size: String
        let how: String
        switch kind {
        case .led:
            var rooms: [String] = []
            var lamps = 0
            var fitted = 0
            for m in measures {
                guard case .led(let d) = m.details else { continue }
                lamps += d.lamps
                if m.installedAtVisit { fitted += d.lamps }
                let room = d.room.map(roomName) ?? t("measure.led.title.\(d.technology.rawValue)")
                if !rooms.contains(room) { rooms.append(room) }
                places.append("\(room) (\(d.lamps))")
            }
            title = t("measure.led.title.group")
            size = t("measure.led.group", ["lamps": count(Double(lamps)), "rooms": count(Double(rooms.count))])
            let toDo = lamps - fitted
            how = [
                toDo > 0 ? t("measure.led.how", ["lamps": count(Double(toDo))]) : nil,
                fitted > 0 ? t("measure.led.done", ["lamps": count(Double(fitted))]) : nil,
            ].compactMap { $0 }.joined(separator: " ")
        default:
            for m in measures {
                if case .standby(let d) = m.details { places.append(d.label ?? t("standby.kind.\(d.kind.rawValue)")) }
            }
            title = t("measure.standby.title.group")
            size = t("measure.standby.group", ["devices": count(Double(measures.count))])
            how = allInstalled ? t("measure.standby.done") : plainHow(measures[0])
        }
        let estimated = measures.contains { $0.baseline == .estimated }
        return AdviceSheet.Step(
            title: title + " – " + size + (estimated ? " *" : ""), why: why(measures[0]), how: how,
            cells: [
                format.number(kWhSaved.rounded()), format.money(ownSaving, fractionDigits: 0), costText,
                payback(months, installed: allInstalled, toFetch: toFetch && net <= 0),
            ],
            advisorNote: advisorNote(measures),
            places: places.joined(separator: " · "))
    }

    func tariffSwitch(_ m: MeasureResult?) -> AdviceSheet.Section {
        guard let m, case .tariffSwitch(let d) = m.details else {
            return .init(heading: t("heading.tariffSwitch"), lines: [])
        }
        // A basic supply priced at a national average names no supplier: the local one is the household's own.
        let offer =
            d.basicSupply
            ? (d.averagePrice ? "tariffSwitch.offer.basicAverage" : "tariffSwitch.offer.basic")
            : "tariffSwitch.offer"
        var lines = [
            t(offer, ["name": text(d.name), "supplier": text(d.supplier), "amount": aboutEuros(m.savingEUR)]),
            t(
                "tariffSwitch.price",
                [
                    "price": .text(format.quantity(d.energyPriceCtPerKWh, unit: unit("ctPerKWh"), fractionDigits: 2)),
                    "base": euros(d.basePriceEURPerYear), "date": date(d.validFrom),
                ]),
        ]
        if d.averagePrice { lines.append(t("tariffSwitch.averagePrice")) }
        if let term = d.minimumTermMonths {
            lines.append(term == 0 ? t("tariffSwitch.noTerm") : t("tariffSwitch.term", ["months": count(Double(term))]))
        }
        if d.creditCheck { lines.append(t("tariffSwitch.creditCheck")) }
        // How the household leaves what it has now.
        switch (d.currentSupply, d.noticeWeeks) {
        case (.replacement, _): lines.append(t("tariffSwitch.notice.replacement"))
        case (_, let weeks?) where weeks > 0:
            lines.append(t("tariffSwitch.notice.weeks", ["weeks": count(Double(weeks))]))
        default: lines.append(t("tariffSwitch.notice.contract"))
        }
        lines.append(t("measure.tariff-switch.how"))
        lines.append(t("tariffSwitch.apart"))
        return .init(heading: t("heading.tariffSwitch"), lines: lines)
    }

    func checkFirst(_ m: MeasureResult) -> String? {
        guard case .fridgeReplacement(let d) = m.details, d.action == .measureFirst else { return nil }
        let device = text(t("device.\(d.kind.rawValue)"))
        guard let rule = d.voucherRule else {
            return t(
                "measure.fridge-replacement.measureFirst.noVoucher",
                ["device": device, "minSaving": kWh(d.minSavingKWh)])
        }
        return t(
            "measure.fridge-replacement.measureFirst",
            [
                "device": device, "minSaving": kWh(rule.minSavingKWh),
                "minAge": count(Double(rule.minAgeYears)), "voucher": euros(rule.amountEUR),
            ])
    }

    /// Who saves the money: what the offices (or the landlord) save, said apart, then what the household keeps, as the
    /// last line, which the printed sheet shows large: the household's own money is the headline.
    func split(totals: Totals, heating: HeatingSummary?) -> AdviceSheet.Section {
        var lines = Payer.allCases.filter { $0 != .household }.compactMap { payer -> String? in
            let amount = totals.split[payer]
            guard amount.rounded() > 0 else { return nil }
            return t("split.\(payer.rawValue)", ["amount": euros(amount)])
        }
        if totals.publicEUR > 0 { lines.append(t("split.heatingNote")) }
        if let heating, heating.billing == .building, totals.heatKWh > 0 {
            lines.append(t("split.buildingNote", ["share": percent(heating.consumptionShare)]))
        }
        lines.append(
            totals.householdEUR.rounded() > 0
                ? t("split.household", ["amount": euros(totals.householdEUR)]) : t("split.householdNothing"))
        return .init(heading: t("heading.split"), lines: lines)
    }

    /// The advance payments: the household's own, or the office's or landlord's for a heating someone else pays; a
    /// check that lacks the bill or the base price says so instead of promising a figure.
    func installment(_ check: InstallmentCheck) -> AdviceSheet.Section {
        var lines: [String] = []
        let parts: [(String, Installment?)] = [("electricity", check.electricity), ("heating", check.heating)]
        for case (let label, let installment?) in parts {
            let name = text(t("installment.\(label)"))
            guard installment.payer == .household else {
                lines.append(
                    t(
                        "installment.paidBy.\(installment.payer.rawValue)",
                        ["label": name, "amount": aboutEuros(installment.expectedAnnualEUR)]))
                continue
            }
            if let gap = installment.missing.first {
                lines.append(t("installment.missing.\(gap.rawValue)", ["label": name]))
                continue
            }
            guard let recommended = installment.recommendedMonthlyEUR else { continue }
            lines.append(
                t(
                    "installment.expected",
                    [
                        "label": name, "amount": aboutEuros(installment.expectedAnnualEUR),
                        "recommended": euros(recommended),
                    ]))
            if let current = installment.currentMonthlyEUR, let balance = installment.balanceEUR {
                let id = balance < 0 ? "installment.payMore" : "installment.refund"
                lines.append(t(id, ["current": amount(current), "balance": aboutEuros(abs(balance))]))
            }
        }
        return .init(heading: t("heading.installment"), lines: lines)
    }

    /// Three to four tips that fit the household: heating and airing only with heating, fridge only with one;
    /// four keep a typical sheet on one page.
    func tips(_ advice: Advice) -> AdviceSheet.Section {
        var ids: [String] = []
        if advice.heating != nil { ids += ["tip.heating.how", "tip.ventilation.how"] }
        if advice.measures.contains(where: { $0.kind == .fridgeReplacement }) { ids.append("tip.fridge.how") }
        ids += ["tip.cooking.how", "tip.washing.how"]
        return .init(heading: t("heading.tips"), lines: ids.prefix(4).map { t($0) })
    }
}
