import AdviceLocalization
import EnergyAdvice

/// Builds an ``AdviceSheet`` from an advice, the city's contacts and the texts of one language.
public struct SheetBuilder: Sendable {
    public let localizer: Localizer

    public init(localizer: Localizer) {
        self.localizer = localizer
    }

    var format: LocaleFormatter { localizer.format }

    func t(_ id: String, _ arguments: [String: MessageArgument] = [:]) -> String { localizer.text(id, arguments) }

    // MARK: Arguments

    func unit(_ id: String) -> String { t("unit.\(id)") }

    func kWh(_ x: Double) -> MessageArgument { .number(x, shown: format.quantity(x, unit: unit("kWh")), fractionDigits: 0) }
    func kg(_ x: Double) -> MessageArgument { .number(x, shown: format.quantity(x, unit: unit("kg")), fractionDigits: 0) }
    func litres(_ x: Double) -> MessageArgument {
        .number(x, shown: format.quantity(x, unit: unit("litres"), fractionDigits: x == x.rounded() ? 0 : 1), fractionDigits: 0)
    }
    func celsius(_ x: Double) -> MessageArgument {
        let digits = x == x.rounded() ? 0 : 1
        return .number(x, shown: format.number(x, fractionDigits: digits) + LocaleFormatter.noBreakSpace + "°C", fractionDigits: digits)
    }
    func money(_ x: Double, digits: Int = 2) -> MessageArgument { .number(x, shown: format.money(x, fractionDigits: digits), fractionDigits: digits) }
    func count(_ x: Double) -> MessageArgument { .number(x, shown: format.number(x), fractionDigits: 0) }
    func date(_ d: CalendarDate) -> MessageArgument { .text(format.date(year: d.year, month: d.month, day: d.day)) }
    func text(_ s: String) -> MessageArgument { .text(s) }

    // MARK: The sheet

    public func build(_ advice: Advice, city: CityTariffs?) -> AdviceSheet {
        let recommended = advice.measures.filter(\.recommended)
        return AdviceSheet(
            language: localizer.language,
            title: t("sheet.title"),
            visitLine: t("sheet.visit", ["date": date(advice.date), "visitId": text(advice.visitId)]),
            officeLine: city?.office.map {
                t("office.line", ["name": text($0.name), "address": text($0.address), "phone": text($0.phone)])
            },
            consumption: consumption(advice),
            scale: scale(advice.electricity.benchmark),
            steps: steps(recommended, totals: advice.totals),
            notRecommended: .init(heading: t("heading.notRecommended"), lines: advice.measures.filter { !$0.recommended }.map {
                t("notRecommended.line", ["title": text(title($0)), "kWh": kWh($0.electricityKWh + $0.heatKWh)])
            }),
            split: split(recommended, totals: advice.totals),
            installment: installment(advice.installment),
            tips: tips(advice),
            followUp: t("followup.line"),
            warnings: .init(heading: t("heading.warnings"), lines: advice.warnings.map(warning)),
            assumptions: .init(heading: t("heading.assumptions"), lines: advice.inputs.map(assumption)),
            sources: .init(heading: t("heading.sources"), lines: advice.tariffs.map(tariff)),
            smallPrint: [t("smallprint.rules", ["version": count(Double(Advice.rulesVersion))])]
        )
    }

    func consumption(_ advice: Advice) -> AdviceSheet.Section {
        let e = advice.electricity
        var lines = [
            t("consumption.electricity", ["kWh": kWh(e.annualKWh), "cost": money(e.annualCostEUR)]),
            t("benchmark.class", ["class": text(e.benchmark.classLetter)]),
            t("benchmark.average", ["persons": count(Double(advice.household.persons)), "average": kWh(e.benchmark.averageKWh)]),
        ]
        if let h = advice.heating {
            lines.append(t("consumption.heating", [
                "fuel": text(t("fuel.\(h.fuel.rawValue)")), "kWh": kWh(h.annualKWh), "perM2": kWh(h.kWhPerM2),
                "cost": money(h.annualCostEUR),
            ]))
            if h.estimated {
                lines.append(t("consumption.heatingEstimated"))
            } else {
                let ratio = h.benchmark.ratioToAverage
                let compare = ratio > 1.05 ? "above" : ratio < 0.95 ? "below" : "same"
                lines.append(t("heating.compare.\(compare)", ["average": kWh(h.benchmark.averageKWhPerM2)]))
            }
        }
        return .init(heading: t("heading.consumption"), lines: lines)
    }

    func scale(_ b: ElectricityBenchmark) -> AdviceSheet.BenchmarkScale {
        var labels = b.classUpperKWh.map { t("benchmark.upTo", ["kWh": kWh($0)]) }
        if let last = b.classUpperKWh.last { labels.append(t("benchmark.above", ["kWh": kWh(last)])) }
        let averageIndex = b.classUpperKWh.firstIndex { b.averageKWh <= $0 } ?? b.classUpperKWh.count
        return .init(letters: ElectricityBenchmarkTable.classLetters, labels: labels, householdIndex: b.classIndex,
                     averageIndex: averageIndex, youAreHere: t("benchmark.youAreHere"),
                     averageLabel: t("benchmark.averageMarker"))
    }

    func title(_ m: MeasureResult) -> String {
        let detail = m.text
        let base: String
        var place: String?
        switch m.kind {
        case .led:
            base = t("measure.led.title.\(detail("technology") ?? "incandescent")")
            place = detail("room")
        case .standby:
            base = t("measure.standby.title")
            place = detail("label")
        case .fridgeReplacement:
            base = t("measure.fridge-replacement.title.\(detail("kind") ?? "fridge")")
        default:
            base = t("measure.\(m.kind.rawValue).title")
        }
        guard let place, !place.isEmpty else { return base }
        return t("measure.place", ["title": text(base), "place": text(place)])
    }

    func why(_ m: MeasureResult) -> String {
        func number(_ key: String) -> Double { m.number(key) ?? 0 }
        func detail(_ key: String) -> String { m.text(key) ?? "" }
        switch m.kind {
        case .fridgeReplacement:
            return t("measure.fridge-replacement.why", ["old": kWh(number("oldAnnualKWh")), "new": kWh(number("newAnnualKWh"))])
        case .showerhead:
            return t("measure.showerhead.why", ["flow": litres(number("oldFlowLitresPerMinute")), "newFlow": litres(number("newFlowLitresPerMinute"))])
        case .roomTemperature:
            return t("measure.room-temperature.why", ["percent": .text(format.percent(number("savingPerKelvin")))])
        case .tariffSwitch:
            return t("measure.tariff-switch.why", ["name": text(detail("name")), "supplier": text(detail("supplier"))])
        default:
            return t("measure.\(m.kind.rawValue).why")
        }
    }

    func how(_ m: MeasureResult) -> String {
        func number(_ key: String) -> Double { m.number(key) ?? 0 }
        switch m.kind {
        case .led:
            return t("measure.led.how", ["lamps": count(number("lamps"))])
        case .fridgeReplacement where m.voucherEUR > 0:
            return t("measure.fridge-replacement.how.voucher", ["voucher": money(m.voucherEUR, digits: 0)])
        case .roomTemperature:
            return t("measure.room-temperature.how", ["target": celsius(number("targetTemperatureC")), "room": celsius(number("roomTemperatureC"))])
        default:
            return t("measure.\(m.kind.rawValue).how")
        }
    }

    func payback(_ months: Double?) -> String {
        guard let months else { return t("payback.never") }
        if months == 0 { return t("payback.now") }
        if months < 1 { return t("payback.underOneMonth") }
        return t("payback.months", ["months": count(months.rounded())])
    }

    func steps(_ measures: [MeasureResult], totals: Totals) -> AdviceSheet.StepTable {
        let rows = measures.map { m in
            let cost = m.investmentEUR - m.voucherEUR
            return AdviceSheet.Step(title: title(m), why: why(m), how: how(m), cells: [
                format.number(m.electricityKWh + m.heatKWh), format.money(m.savingEUR), format.number(m.co2Kg),
                cost <= 0 ? t("cost.free") : format.money(cost), payback(m.paybackMonths),
            ])
        }
        return .init(
            heading: t("heading.steps"),
            header: [t("table.step"), t("table.kWh"), t("table.eur"), t("table.co2"), t("table.cost"), t("table.payback")],
            rows: rows,
            total: [t("table.total"), format.number(totals.electricityKWh + totals.heatKWh), format.money(totals.savingEUR),
                    format.number(totals.co2Kg), "", ""]
        )
    }

    func split(_ measures: [MeasureResult], totals: Totals) -> AdviceSheet.Section {
        var byPayer = PayerSplit()
        for m in measures { byPayer += m.split }
        var lines = Payer.allCases.compactMap { payer -> String? in
            let amount = byPayer[payer]
            guard cents(amount) > 0 else { return nil }
            return t("split.\(payer.rawValue)", ["amount": money(cents(amount))])
        }
        if totals.publicEUR > 0 { lines.append(t("split.heatingNote")) }
        lines.append(t("split.total", ["amount": money(totals.savingEUR), "co2": kg(totals.co2Kg)]))
        return .init(heading: t("heading.split"), lines: lines)
    }

    func installment(_ check: InstallmentCheck) -> AdviceSheet.Section {
        var lines: [String] = []
        let parts: [(String, Installment?)] = [("electricity", check.electricity), ("heating", check.heating)]
        for case let (label, installment?) in parts {
            lines.append(t("installment.expected", [
                "label": text(t("installment.\(label)")), "amount": money(installment.expectedAnnualEUR),
                "recommended": money(installment.recommendedMonthlyEUR, digits: 0),
            ]))
            if let current = installment.currentMonthlyEUR, let balance = installment.balanceEUR {
                let id = balance < 0 ? "installment.payMore" : "installment.refund"
                lines.append(t(id, ["current": money(current), "balance": money(abs(balance))]))
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

    func warning(_ w: AdviceWarning) -> String {
        let id = "warning.\(w.code)"
        switch w {
        case .electricityImplausiblyHigh(let v, let limit), .electricityImplausiblyLow(let v, let limit):
            return t(id, ["kWh": kWh(v), "limit": kWh(limit)])
        case .heatingImplausiblyHigh(let v, let limit), .heatingImplausiblyLow(let v, let limit):
            return t(id, ["value": kWh(v), "limit": kWh(limit)])
        case .cityTariffsExpired(_, let until), .referenceDataExpired(let until):
            return t(id, ["date": date(until)])
        case .tariffNotYetValid(let name, let from):
            return t(id, ["name": text(name), "date": date(from)])
        case .showerEnergyCarrierUnknown:
            return t(id)
        case .voucherNeedsAge(let index):
            return t(id, ["number": count(Double(index + 1))])
        }
    }

    func assumption(_ input: AssumedInput) -> String {
        let value: String
        switch input.value {
        case .number(let x): value = format.number(x, fractionDigits: x == x.rounded() ? 0 : 2)
        case .text(let s): value = s
        case .flag(let b): value = t(b ? "flag.yes" : "flag.no")
        }
        var line = "\(input.path) = \(value) (\(t("assumption.\(input.kind.rawValue)"))"
        if let source = input.source { line += ", " + sourceName(source) }
        return line + ")"
    }

    func sourceName(_ s: Source) -> String {
        "\(s.publisher) \(s.year)" + (s.confirmed ? "" : ", " + t("source.unconfirmed"))
    }

    func tariff(_ u: UsedTariff) -> String {
        let label: String
        switch u.use {
        case .water: label = t("tariff.water")
        case .co2: label = t("tariff.co2", ["carrier": text(t("carrier.\(u.name)"))]) + " (\(u.supplier))"
        default: label = "\(u.supplier), \(u.name)"
        }
        var parts: [String] = []
        if let ct = u.energyPriceCtPerKWh {
            var price = format.quantity(ct, unit: unit("ctPerKWh"), fractionDigits: 2)
            if let base = u.basePriceEURPerYear, base > 0 { price += " + " + format.money(base) + "/" + unit("year") }
            parts.append(price)
        }
        if let m3 = u.eurPerM3 { parts.append(format.money(m3) + "/" + unit("m3")) }
        if let co2 = u.co2KgPerKWh { parts.append(format.number(co2, fractionDigits: 3) + LocaleFormatter.noBreakSpace + unit("kgPerKWh")) }
        if let from = u.validFrom { parts.append(t("tariff.from", ["date": date(from)])) }
        if let s = u.source { parts.append(sourceName(s)) }
        return label + ": " + parts.joined(separator: ", ")
    }

    /// Every message id the sheet can ask for, so `esp locales check` can prove the source file complete.
    public static var requiredMessageIDs: [String] {
        var ids = [
            "sheet.title", "sheet.visit", "office.line", "heading.consumption", "heading.steps", "heading.notRecommended",
            "heading.split", "heading.installment", "heading.tips", "heading.warnings", "heading.assumptions",
            "heading.sources", "consumption.electricity", "consumption.heating", "consumption.heatingEstimated",
            "heating.compare.above", "heating.compare.below", "heating.compare.same", "benchmark.class",
            "benchmark.average", "benchmark.averageMarker", "benchmark.upTo", "benchmark.above", "benchmark.youAreHere", "table.step", "table.kWh",
            "table.eur", "table.co2", "table.cost", "table.payback", "table.total", "payback.now",
            "payback.underOneMonth", "payback.months", "payback.never", "cost.free", "measure.place",
            "measure.fridge-replacement.how.voucher", "notRecommended.line", "split.heatingNote", "split.total",
            "installment.electricity", "installment.heating", "installment.expected", "installment.payMore",
            "installment.refund", "tip.heating.how", "tip.ventilation.how", "tip.cooking.how", "tip.washing.how",
            "tip.fridge.how", "assumption.default", "assumption.estimate", "assumption.city-tariff", "source.unconfirmed",
            "tariff.water", "tariff.co2", "tariff.from", "smallprint.rules", "followup.line", "flag.yes", "flag.no",
        ]
        ids += ["kWh", "kg", "litres", "m3", "ctPerKWh", "kgPerKWh", "year"].map { "unit.\($0)" }
        ids += HeatingFuel.allCases.map { "fuel.\($0.rawValue)" }
        ids += EnergyCarrier.allCases.map { "carrier.\($0.rawValue)" }
        ids += Payer.allCases.map { "split.\($0.rawValue)" }
        ids += LampTechnology.allCases.filter { $0 != .led }.map { "measure.led.title.\($0.rawValue)" }
        ids += CoolingKind.allCases.map { "measure.fridge-replacement.title.\($0.rawValue)" }
        for kind in MeasureKind.allCases {
            if kind != .led && kind != .fridgeReplacement { ids.append("measure.\(kind.rawValue).title") }
            ids += ["measure.\(kind.rawValue).why", "measure.\(kind.rawValue).how"]
        }
        ids += AdviceWarning.allCodes.map { "warning.\($0)" }
        return ids
    }
}
