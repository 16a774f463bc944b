import EnergyAdvice
import JSONText

/// One entry of `energyDebt[]` in `esp-advice/2`: first the keys of the contract (DESIGN.md, "Energy debt"), then
/// what the sheet and the letters need to explain them, and the sources of every rule used.
enum EnergyDebtJSON {
    static func debt(_ d: EnergyDebtAdvice) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("carrier", .string(d.carrier.rawValue)),
            JSONField("arrearsEUR", num(d.arrearsEUR)),
            JSONField("cutOffLawful", d.cutOffLawful.map(JSONValue.bool) ?? .null),
            JSONField("reasons", .array(d.reasons.map { .string($0.rawValue) })),
            JSONField("earliestCutOff", date(d.dates.earliestCutOff)),
            JSONField("disproportionate", .bool(d.disproportionate)),
            JSONField("installmentPlan", d.plan.map(plan) ?? .null),
            JSONField(
                "steps",
                .array(
                    d.steps.map {
                        .object([JSONField("code", .string($0.code.rawValue)), JSONField("by", date($0.by))])
                    }
                )),
            JSONField("supply", .string(d.supply.rawValue)),
        ]
        if let supplier = d.supplier { fields.append(JSONField("supplier", .string(supplier))) }
        fields += [
            JSONField("cutOff", .bool(d.cutOff)),
            JSONField("rules", d.rules.map(rules) ?? .null),
            JSONField("threshold", d.threshold.map(threshold) ?? .null),
            JSONField("dates", dates(d.dates)),
            JSONField(
                "dangers",
                .array(
                    d.dangers.map {
                        .object([
                            JSONField("risk", .string($0.risk.rawValue)),
                            JSONField("carrier", .string($0.carrier.rawValue)),
                            JSONField("heatingSeasonOnly", .bool($0.heatingSeasonOnly)),
                        ])
                    })),
            JSONField("loan", d.loan.map(loan) ?? .null),
            JSONField(
                "hardshipFunds",
                .array(
                    d.hardshipFunds.map { fund in
                        var f = [JSONField("name", .string(fund.name))]
                        if let supplier = fund.supplier { f.append(JSONField("supplier", .string(supplier))) }
                        f.append(JSONField("contact", .string(fund.contact)))
                        return .object(f)
                    })),
            JSONField("sources", .array(sources(d).map(AdviceJSON.source))),
        ]
        return .object(fields)
    }

    static func num(_ x: Double) -> JSONValue { AdviceJSON.num(x) }

    static func date(_ date: CalendarDate?) -> JSONValue { date.map { .string($0.description) } ?? .null }

    static func plan(_ p: InstallmentPlanProposal) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("months", .number(Double(p.months))),
            JSONField("monthlyEUR", num(p.monthlyEUR)),
            JSONField("lastMonthlyEUR", num(p.lastMonthlyEUR)),
            JSONField("minMonths", .number(Double(p.minMonths))),
            JSONField("maxMonths", .number(Double(p.maxMonths))),
            JSONField("statutory", .bool(p.statutory)),
            JSONField("fits", .bool(p.fits)),
            JSONField("availableMonthlyEUR", num(p.availableMonthlyEUR)),
            JSONField("savingMonthlyEUR", num(p.savingMonthlyEUR)),
            JSONField("installmentBalanceMonthlyEUR", p.installmentBalanceMonthlyEUR.map(num) ?? .null),
            JSONField("runningInstallmentEUR", p.runningInstallmentEUR.map(num) ?? .null),
            JSONField("expectedAnnualEUR", p.expectedAnnualEUR.map(num) ?? .null),
            JSONField("totalMonthlyEUR", p.totalMonthlyEUR.map(num) ?? .null),
        ]
        fields.append(JSONField("source", .string(p.source.id)))
        return .object(fields)
    }

    static func rules(_ r: CutOffRules) -> JSONValue {
        .object([
            JSONField("id", .string(r.id)),
            JSONField("law", .string(r.law)),
            JSONField("validFrom", .string(r.validFrom.description)),
            JSONField("validUntil", date(r.validUntil)),
            JSONField("minimumArrearsEUR", num(r.minimumArrearsEUR.value)),
            JSONField("installmentMultiple", AdviceJSON.precise(r.installmentMultiple.value)),
            JSONField("annualBillDivisor", AdviceJSON.precise(r.annualBillDivisor.value)),
            JSONField("threatWeeks", .number(Double(r.threatWeeks.value))),
            JSONField("announcementWorkingDays", .number(Double(r.announcementWorkingDays.value))),
        ])
    }

    static func threshold(_ t: ArrearsThreshold) -> JSONValue {
        var fields = [JSONField("basis", .string(t.basis.rawValue)), JSONField("minimumEUR", num(t.minimumEUR))]
        if let installment = t.installmentEUR { fields.append(JSONField("installmentEUR", num(installment))) }
        if let from = t.installmentFrom { fields.append(JSONField("installmentFrom", .string(from.rawValue))) }
        if let bill = t.annualBillEUR { fields.append(JSONField("annualBillEUR", num(bill))) }
        fields.append(JSONField("requiredEUR", num(t.requiredEUR)))
        return .object(fields)
    }

    static func dates(_ d: CutOffDates) -> JSONValue {
        .object([
            JSONField("threatDate", date(d.threatDate)),
            JSONField("threatPeriodEnds", date(d.threatPeriodEnds)),
            JSONField("announcementDate", date(d.announcementDate)),
            JSONField("announcementPeriodEnds", date(d.announcementPeriodEnds)),
            JSONField("announcementPending", .bool(d.announcementPending)),
            JSONField("state", d.state.map { .string($0.rawValue) } ?? .null),
            JSONField(
                "holidaysSkipped",
                .array(
                    d.holidaysSkipped.map {
                        .object([JSONField("date", .string($0.date.description)), JSONField("name", .string($0.name))])
                    })),
            JSONField("riskDate", .string(d.riskDate.description)),
        ])
    }

    static func loan(_ l: LoanAdvice) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("office", .string(l.office.rawValue)),
            JSONField(
                "bases",
                .array(
                    l.bases.map {
                        .object([
                            JSONField("law", .string($0.law)), JSONField("grantPossible", .bool($0.grantPossible)),
                        ])
                    })),
        ]
        if let offset = l.offset {
            var o = [JSONField("percent", num(offset.percent)), JSONField("upTo", .bool(offset.upTo))]
            if let level = offset.standardRateLevel {
                o.append(JSONField("standardRateLevel", .number(Double(level))))
            }
            if let from = offset.validFrom { o.append(JSONField("validFrom", .string(from.description))) }
            fields.append(JSONField("offset", .object(o)))
        } else {
            fields.append(JSONField("offset", .null))
        }
        if let rate = l.standardRate {
            fields.append(
                JSONField(
                    "standardRate",
                    .object([
                        JSONField("level", .number(Double(rate.level))), JSONField("eur", num(rate.eur)),
                        JSONField("validFrom", .string(rate.validFrom.description)),
                    ])))
        }
        fields.append(JSONField("offsetMonthlyEUR", l.offsetMonthlyEUR.map(num) ?? .null))
        return .object(fields)
    }

    /// Every source the entry rests on, each once, in the order of the law: rules, threshold, periods,
    /// disproportionality, plan, loan.
    static func sources(_ d: EnergyDebtAdvice) -> [Source] {
        var list: [Source] = []
        func add(_ source: Source?) {
            if let source, !list.contains(where: { $0.id == source.id }) { list.append(source) }
        }
        if let r = d.rules {
            add(r.source)
            add(r.minimumArrearsEUR.source)
            if let t = d.threshold {
                add(t.basis == .installment ? r.installmentMultiple.source : r.annualBillDivisor.source)
            }
            add(r.threatWeeks.source)
            add(r.announcementWorkingDays.source)
            add(r.periodCounting)
            add(r.workingDays)
            add(r.disproportionality)
        }
        for holiday in d.dates.holidaysSkipped { add(holiday.source) }
        for danger in d.dangers { add(danger.source) }
        if d.dangers.contains(where: \.heatingSeasonOnly) { add(d.heatingSeason.source) }
        add(d.plan?.source)
        for basis in d.loan?.bases ?? [] { add(basis.source) }
        add(d.loan?.offset?.source)
        add(d.loan?.standardRate?.source)
        for fund in d.hardshipFunds { add(fund.source) }
        return list
    }
}
