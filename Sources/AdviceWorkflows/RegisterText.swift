import EnergyAdvice
import VisitRegister

/// The register's answers as plain lines for the terminal.
enum RegisterText {
    static func plain(_ x: Double) -> String { PlainNumber.fixed(x, decimals: 2) }

    static func list(_ visits: [RegisteredVisit]) -> String {
        if visits.isEmpty { return "the register is empty\n" }
        return visits.map { visit in
            [
                visit.visitId, visit.date.description, visit.city, visit.language,
                "\(visit.persons) persons", "\(plain(visit.totals.savingEUR)) €/year",
                visit.isFollowedUp ? "followed up" : "no follow-up",
            ].joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func show(_ visit: RegisteredVisit) -> String {
        var lines: [String] = []
        lines.append(
            "\(visit.visitId): \(visit.date) \(visit.city), language \(visit.language), \(visit.persons) persons, benefit \(visit.benefit.rawValue)"
        )
        lines.append(
            "electricity \(plain(visit.electricityKWh)) kWh/year"
                + (visit.heating.map {
                    ", heating \($0.fuel.rawValue) \(plain($0.annualKWh)) kWh/year"
                        + ($0.estimated ? " (estimated)" : "")
                } ?? ""))
        let t = visit.totals
        lines.append(
            "predicted: \(plain(t.electricityKWh)) kWh electricity, \(plain(t.heatKWh)) kWh heat, \(plain(t.savingEUR)) € (household \(plain(t.householdEUR)) €, public \(plain(t.publicEUR)) €), \(plain(t.co2Kg)) kg CO2"
        )
        for m in visit.measures {
            lines.append("  \(m.kind.rawValue): \(plain(m.electricityKWh + m.heatKWh)) kWh, \(plain(m.savingEUR)) €")
        }
        for f in visit.followUps {
            var line = "follow-up \(f.date) (\(f.daysSinceVisit) days)"
            if let e = f.electricity { line += ": electricity saved \(plain(e.savedKWhPerYear)) kWh/year" }
            if let h = f.heating { line += ", heating saved \(plain(h.savedKWhPerYear)) kWh/year" }
            line +=
                "; implemented: "
                + (f.implemented.isEmpty ? "none" : f.implemented.map(\.rawValue).joined(separator: ", "))
            line +=
                " (predicted \(plain(f.predicted.electricityKWh)) kWh electricity, \(plain(f.predicted.heatKWh)) kWh heat)"
            lines.append(line)
        }
        lines.append("advice rules version \(visit.rulesVersion), added \(visit.addedAt), updated \(visit.updatedAt)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func followUp(_ result: FollowUpResult, visitId: String, date: CalendarDate, heatingGiven: Bool) -> String {
        var lines: [String] = []
        if let e = result.electricity {
            lines.append(
                "electricity: \(plain(e.afterKWhPerYear)) kWh/year now, \(plain(e.savedKWhPerYear)) kWh/year saved (predicted for the implemented steps: \(plain(result.predicted.electricityKWh)))"
            )
        }
        if let h = result.heating {
            lines.append(
                "heating: \(plain(h.afterKWhPerYear)) kWh/year now, \(plain(h.savedKWhPerYear)) kWh/year saved (predicted: \(plain(result.predicted.heatKWh)))"
            )
        } else if heatingGiven {
            lines.append("heating: no saving counted: the heating at the visit was an estimate, not a bill")
        }
        lines.append("follow-up of \(visitId) on \(date) recorded")
        return lines.joined(separator: "\n") + "\n"
    }

    static func summary(_ s: ProgrammeSummary) -> String {
        let p = s.predicted
        var lines = [
            "households advised: \(s.householdsAdvised), followed up: \(s.householdsFollowedUp)",
            "predicted per year: electricity \(plain(p.electricity.kWh)) kWh / \(plain(p.electricity.eur)) € / \(PlainNumber.fixed(p.electricity.co2Tonnes, decimals: 3)) t CO2; heating \(plain(p.heating.kWh)) kWh / \(plain(p.heating.eur)) € / \(PlainNumber.fixed(p.heating.co2Tonnes, decimals: 3)) t CO2",
            "  total \(plain(p.totalEUR)) € (households \(plain(p.householdEUR)) €, public purse \(plain(p.publicEUR)) €, landlords \(plain(p.landlordEUR)) €), \(PlainNumber.fixed(p.co2Tonnes, decimals: 3)) t CO2, water \(plain(p.waterM3)) m³",
        ]
        let r = s.realised
        if s.householdsFollowedUp > 0 {
            lines.append(
                "realised per year: electricity \(plain(r.electricity.kWh)) kWh (\(r.householdsWithElectricity) households), heating \(plain(r.heating.kWh)) kWh (\(r.householdsWithHeating) households), \(plain(r.totalEUR)) €"
            )
        }
        lines.append("by measure:")
        lines += s.byMeasure.map {
            "  \($0.kind.rawValue): \($0.households) households, \(plain($0.electricityKWh + $0.heatKWh)) kWh, \(plain($0.savingEUR)) €"
        }
        lines.append("by language:")
        lines += s.byLanguage.map { "  \($0.key): \($0.households) households, \(plain($0.savingEUR)) €" }
        lines.append("by benefit:")
        lines += s.byBenefit.map { "  \($0.key): \($0.households) households, \(plain($0.savingEUR)) €" }
        lines.append("fridge vouchers: \(s.fridgeVouchers.count), \(plain(s.fridgeVouchers.eur)) €")
        return lines.joined(separator: "\n") + "\n"
    }
}
