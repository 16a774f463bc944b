import AdviceLocalization
import EnergyAdvice
import SafeText
import VisitRecords

/// The register's answers as lines for staff, in their language, wrapped for an 80-column terminal.
public struct RegisterText: Sendable {
    /// The staff's texts.
    public let text: StaffText

    /// Register text in the staff's language.
    public init(text: StaffText) {
        self.text = text
    }

    /// One line per registered visit.
    public func list(_ visits: [RegisteredVisit]) -> String {
        if visits.isEmpty { return text("register.empty") + "\n" }
        return visits.map { visit in
            text(
                "register.list.line",
                [
                    "visitId": .text(visit.visitId), "date": .text(visit.date.description), "city": .text(visit.city),
                    "language": .text(visit.language), "persons": text.count(visit.persons),
                    "saving": text.money(visit.totals.savingEUR),
                    "followUp": .text(text(visit.isFollowedUp ? "register.followedUp" : "register.notFollowedUp")),
                ])
        }.joined(separator: "\n") + "\n"
    }

    /// One visit with its measures, warnings and follow-ups.
    public func show(_ visit: RegisteredVisit) -> String {
        var lines = [
            text(
                "register.show.head",
                [
                    "visitId": .text(visit.visitId), "date": text.date(visit.date),
                    "city": .text(text.city(visit.city)),
                    "language": .text(text.language(visit.language)), "persons": text.count(visit.persons),
                    "benefit": .text(text.benefit(visit.benefit)),
                ])
        ]
        if let advisor = visit.advisor { lines.append(text("register.show.advisor", ["advisor": .text(advisor)])) }
        if let forgotten = visit.forgottenAt, let day = CalendarDate(iso: String(forgotten.prefix(10))) {
            lines.append(text("register.show.forgotten", ["date": text.date(day)]))
        }
        lines.append(text("register.show.electricity", ["kWh": text.number(visit.electricityKWh)]))
        if let meter = visit.meterReadingKWh { lines.append(text("register.show.meter", ["kWh": text.number(meter)])) }
        if let heating = visit.heating {
            lines.append(
                text(
                    heating.estimated ? "register.show.heatingEstimated" : "register.show.heating",
                    ["fuel": .text(text.fuel(heating.fuel)), "kWh": text.number(heating.annualKWh)]))
        }
        let debt = visit.energyDebt
        if debt.isRecorded {
            lines.append(
                text(
                    "register.show.debt",
                    [
                        "debts": text.count(debt.debts), "arrears": text.money(debt.arrearsEUR),
                        "threatened": text.count(debt.threatened), "announced": text.count(debt.announced),
                        "cutOff": text.count(debt.cutOff),
                    ]))
        }
        let t = visit.totals
        lines.append(
            text(
                "register.show.predicted",
                [
                    "electricity": text.number(t.electricityKWh), "heat": text.number(t.heatKWh),
                    "saving": text.money(t.savingEUR), "household": text.money(t.householdEUR),
                    "public": text.money(t.publicEUR), "co2": text.number(t.co2Kg),
                ]))
        if t.tariffSwitchEUR > 0 {
            lines.append(text("register.show.switch", ["saving": text.money(t.tariffSwitchEUR)]))
        }
        for m in visit.measures {
            var arguments: [String: MessageArgument] = [
                "measure": .text(text.measure(m.kind)), "kWh": text.number(m.electricityKWh + m.heatKWh),
                "saving": text.money(m.savingEUR),
            ]
            if m.items > 0 {
                arguments["items"] = text.count(m.items)
                arguments["cost"] = text.money(m.programmeCostEUR)
            }
            lines.append(text(m.items > 0 ? "register.show.measureItems" : "register.show.measure", arguments))
        }
        let warnings = visit.documents?.warnings ?? []
        if !warnings.isEmpty {
            lines.append(text("register.show.warnings"))
            lines += warnings.map { text("register.show.warning", ["message": .text($0)]) }
        }
        for f in visit.followUps {
            let implemented =
                f.implemented.isEmpty ? text("register.none") : f.implemented.map(text.measure).joined(separator: ", ")
            lines.append(
                text(
                    "register.show.followUp",
                    [
                        "date": text.date(f.date), "days": text.count(f.daysSinceVisit),
                        "implemented": .text(implemented),
                    ]))
            if let e = f.electricity {
                lines.append(
                    text(
                        "register.show.followUp.electricity",
                        ["saved": text.number(e.savedKWhPerYear), "predicted": text.number(f.predicted.electricityKWh)])
                )
            }
            if let h = f.heating {
                lines.append(
                    text(
                        "register.show.followUp.heating",
                        ["saved": text.number(h.savedKWhPerYear), "predicted": text.number(f.predicted.heatKWh)]))
            }
            lines += debtAnswers(f)
        }
        lines.append(
            text(
                "register.show.meta",
                [
                    "rules": text.count(visit.rulesVersion), "added": .text(visit.addedAt),
                    "updated": .text(visit.updatedAt),
                ]))
        return TerminalText.wrapped(lines.joined(separator: "\n") + "\n")
    }

    /// What a follow-up shows against the advice; `corrected` when it replaced the one of its day.
    public func followUp(_ result: FollowUpResult, corrected: Bool = false) -> String {
        var lines: [String] = []
        if let e = result.electricity {
            lines.append(
                text(
                    "followup.electricity",
                    [
                        "after": text.number(e.afterKWhPerYear), "saved": text.number(e.savedKWhPerYear),
                        "predicted": text.number(result.predicted.electricityKWh),
                    ]))
        }
        if let h = result.heating {
            lines.append(
                text(
                    "followup.heating",
                    [
                        "after": text.number(h.afterKWhPerYear), "saved": text.number(h.savedKWhPerYear),
                        "predicted": text.number(result.predicted.heatKWh),
                    ]))
        }
        lines += debtAnswers(result)
        if result.isShortPeriod {
            lines.append(
                text(
                    "followup.shortPeriod",
                    ["days": text.count(result.daysSinceVisit), "minimum": text.count(FollowUpResult.shortPeriodDays)]))
        }
        lines.append(
            text(
                corrected ? "followup.corrected" : "followup.recorded",
                ["visitId": .text(result.visitId), "date": text.date(result.date)]))
        return TerminalText.wrapped(lines.joined(separator: "\n") + "\n")
    }

    /// What a follow-up answered about a debt household's supply, one line each.
    func debtAnswers(_ f: FollowUpResult) -> [String] {
        var lines: [String] = []
        if let supply = f.supplyContinued {
            lines.append(text(supply ? "register.show.followUp.supplyContinued" : "register.show.followUp.supplyCut"))
        }
        if let agreement = f.agreementReached {
            lines.append(
                text(agreement ? "register.show.followUp.agreementReached" : "register.show.followUp.noAgreement"))
        }
        return lines
    }

    /// The programme summary for the terminal: the office's working figures, complete (what leaves the office,
    /// the council's report and the comparison, withholds small groups).
    public func summary(_ s: ProgrammeSummary) -> String {
        let p = s.predicted
        let payers = p.householdsByPayer
        var lines = [
            text(
                "summary.households",
                [
                    "advised": text.count(s.householdsAdvised), "persons": text.count(s.personsReached),
                    "followedUp": text.count(s.householdsFollowedUp), "rate": text.percent(s.followUpRate),
                ]),
            text("summary.predicted", ["households": text.count(s.householdsAdvised)]),
            text(
                "summary.electricity",
                [
                    "kWh": text.number(p.electricity.kWh), "eur": text.money(p.electricity.eur),
                    "co2": text.number(p.electricity.co2Tonnes, digits: 3),
                ]),
            text(
                "summary.heating",
                [
                    "kWh": text.number(p.heating.kWh), "eur": text.money(p.heating.eur),
                    "co2": text.number(p.heating.co2Tonnes, digits: 3),
                ]),
            text(
                "summary.total",
                [
                    "total": text.money(p.totalEUR), "co2": text.number(p.co2Tonnes, digits: 3),
                    "water": text.number(p.waterM3, digits: 1),
                ]),
            text("summary.split"),
        ]
        lines += [
            ("payer.household", p.householdEUR, payers.household),
            ("payer.jobcenter", p.jobcenterEUR, payers.jobcenter),
            ("payer.social-office", p.socialOfficeEUR, payers.socialOffice),
            ("payer.landlord", p.landlordEUR, payers.landlord),
        ].map { id, eur, households in
            text(
                "summary.split.line",
                ["payer": .text(text(id)), "eur": text.money(eur), "households": text.count(households)])
        }
        if s.tariffSwitch.households > 0 {
            lines.append(
                text(
                    "summary.switch",
                    ["households": text.count(s.tariffSwitch.households), "eur": text.money(s.tariffSwitch.eur)]))
        }
        lines += measured(s.realised)
        let d = s.energyDebt
        if d.households > 0 {
            lines.append(
                text(
                    "summary.debt",
                    [
                        "households": text.count(d.households), "arrears": text.money(d.arrearsEUR),
                        "threatened": text.count(d.threatened), "announced": text.count(d.announced),
                        "cutOff": text.count(d.cutOff),
                    ]))
            lines.append(
                text(
                    "summary.debt.outcome",
                    [
                        "followedUp": text.count(d.followedUp), "averted": text.count(d.cutOffsAverted),
                        "agreements": text.count(d.agreementsReached),
                    ]))
        }
        if !s.handedOut.isEmpty {
            let items = s.handedOut.reduce(0) { $0 + $1.items }
            lines.append(
                text(
                    "summary.handedOut",
                    [
                        "items": text.count(items), "households": text.count(s.householdsHandedOut),
                        "cost": text.money(s.programmeCostEUR),
                    ]))
            lines += s.handedOut.map { h in
                text(
                    "summary.handedOut.line",
                    [
                        "measure": .text(text.measure(h.kind)), "items": text.count(h.items),
                        "households": text.count(h.households), "cost": text.money(h.programmeCostEUR),
                    ])
            }
        }
        lines.append(
            text(
                "summary.vouchers",
                [
                    "count": text.count(s.fridgeVouchers.count), "eur": text.money(s.fridgeVouchers.eur),
                    "households": text.count(s.fridgeVouchers.households),
                    "reported": text.count(s.fridgeReplacementsReported),
                ]))
        lines.append(text("summary.byMeasure"))
        lines += s.byMeasure.map { m in
            text(
                "summary.byMeasure.line",
                [
                    "measure": .text(text.measure(m.kind)), "households": text.count(m.households),
                    "kWh": text.number(m.electricityKWh + m.heatKWh), "eur": text.money(m.savingEUR),
                ])
        }
        for (heading, groups, name) in [
            ("summary.byQuarter", s.byQuarter, text.quarter), ("summary.byLanguage", s.byLanguage, text.language),
            ("summary.byBenefit", s.byBenefit, text.benefit(key:)),
        ] as [(String, [GroupBreakdown], (String) -> String)] {
            lines.append(text(heading))
            lines += groups.map { g in
                text(
                    "summary.group.line",
                    ["key": .text(name(g.key)), "households": text.count(g.households), "eur": text.money(g.savingEUR)])
            }
        }
        return TerminalText.wrapped(lines.joined(separator: "\n") + "\n")
    }

    /// Measured at follow-ups beside what the advice expected of the same households, carrier by carrier.
    func measured(_ r: RealisedFigures) -> [String] {
        guard r.householdsWithFigures > 0 else { return [text("summary.measured.none")] }
        func share(_ part: Double, _ whole: Double) -> MessageArgument {
            whole > 0 ? text.percent(part / whole) : .text("–")
        }
        func line(_ id: String, households: Int, measured: Double, expected: ExpectedFigures?, eur: Bool = false)
            -> String
        {
            guard households > 0, let expected else { return text(id + ".none") }
            let all = eur ? expected.recommended.eur : expected.recommended.kWh
            let done = eur ? expected.implemented.eur : expected.implemented.kWh
            func shown(_ x: Double) -> MessageArgument { eur ? text.money(x) : text.number(x) }
            return text(
                id,
                [
                    "households": text.count(households), "measured": shown(measured), "expected": shown(all),
                    "percent": share(measured, all), "implemented": shown(done),
                    "implementedPercent": share(measured, done),
                ])
        }
        let both = ExpectedFigures(
            recommended: CarrierFigures(
                kWh: 0, eur: cents(r.expectedElectricity.recommended.eur + r.expectedHeating.recommended.eur), co2Kg: 0),
            implemented: CarrierFigures(
                kWh: 0, eur: cents(r.expectedElectricity.implemented.eur + r.expectedHeating.implemented.eur), co2Kg: 0)
        )
        return [
            text("summary.measured"),
            line(
                "summary.measured.electricity", households: r.householdsWithElectricity, measured: r.electricity.kWh,
                expected: r.expectedElectricity),
            line(
                "summary.measured.heating", households: r.householdsWithHeating, measured: r.heating.kWh,
                expected: r.expectedHeating),
            line(
                "summary.measured.eur", households: r.householdsWithFigures, measured: r.totalEUR, expected: both,
                eur: true),
        ]
    }
}
