import EnergyAdvice
import JSONText

extension VisitRules {
    /// `energyDebt[].arrearsEUR`: what is owed after payments; greater than 0 (no arrears, no entry).
    public static let arrearsEUR = AllowedRange(above: 0, 100_000)
    /// `energyDebt[].annualBillEUR`: the supplier's expected yearly bill.
    public static let annualBillEUR = AllowedRange(above: 0, 100_000)
    /// Debts of one visit: a household has an electricity and perhaps a gas contract, sometimes an old one besides.
    public static let energyDebtMaxCount = 10
    /// `energyDebt[].supplier`, characters.
    public static let supplierMaxLength = 200
}

extension VisitReader {
    /// `energyDebt[]`, each entry checked against the visit date: letters are received by the day of the visit.
    func energyDebts(_ fields: Fields, visitDate: CalendarDate?) -> [EnergyDebt] {
        array(fields, "energyDebt", maxCount: VisitRules.energyDebtMaxCount).compactMap {
            energyDebt($0.node, $0.path, visitDate: visitDate)
        }
    }

    func energyDebt(_ node: JSONNode, _ path: String, visitDate: CalendarDate?) -> EnergyDebt? {
        guard
            let f = object(
                node, path,
                allowed: [
                    "carrier", "arrearsEUR", "monthlyInstallmentEUR", "annualBillEUR", "supply", "supplier",
                    "threatDate", "announcementDate", "cutOff", "risks",
                ])
        else { return nil }
        let carrier: DebtCarrier? = choice(f, "carrier")
        let arrears = number(f, "arrearsEUR", VisitRules.arrearsEUR)
        let installment = number(f, "monthlyInstallmentEUR", VisitRules.installmentEUR, required: false)
        let bill = number(f, "annualBillEUR", VisitRules.annualBillEUR, required: false)
        let supply: SupplyKind? = choice(f, "supply", required: false)
        let supplier = string(f, "supplier", required: false, maxLength: VisitRules.supplierMaxLength)
        if let supplier, supplier.trimmingSpaces.isEmpty, let node = f.members["supplier"] {
            report(node, f.path("supplier"), "empty; give the supplier's name, or leave the key out")
        }
        let threat = letterDate(f, "threatDate", visitDate: visitDate)
        var announcement = letterDate(f, "announcementDate", visitDate: visitDate)
        if let threat, let date = announcement, date < threat, let node = f.members["announcementDate"] {
            report(
                node, f.path("announcementDate"),
                "\(date) is before threatDate \(threat): the letter announcing the day of the cut-off comes after the threat; check both dates"
            )
            announcement = nil
        }
        let cutOff = bool(f, "cutOff")
        let risks = self.risks(f)
        guard let carrier, let arrears else { return nil }
        return EnergyDebt(
            carrier: carrier, arrearsEUR: arrears, monthlyInstallmentEUR: installment, annualBillEUR: bill,
            supply: supply, supplier: supplier, threatDate: threat, announcementDate: announcement, cutOff: cutOff,
            risks: risks)
    }

    /// The day a letter was received: a date, and not after the visit at which the household showed it.
    func letterDate(_ fields: Fields, _ key: String, visitDate: CalendarDate?) -> CalendarDate? {
        guard let text = string(fields, key, required: false), let node = fields.members[key] else { return nil }
        guard let date = CalendarDate(iso: text) else {
            report(node, fields.path(key), "\"\(text)\" is not a date; use YYYY-MM-DD, e.g. 2026-03-14")
            return nil
        }
        if let visitDate, date > visitDate {
            report(
                node, fields.path(key),
                "\(date) is after the visit (\(visitDate)); give the day the household received the letter, at the latest the visit day"
            )
            return nil
        }
        return date
    }

    /// `risks[]`: each a known word, each once.
    func risks(_ fields: Fields) -> [HouseholdRisk] {
        guard let node = fields.members["risks"] else { return [] }
        let allowed = HouseholdRisk.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard case .array(let items) = node.kind else {
            report(node, fields.path("risks"), "expected an array, found \(node.typeName); allowed: \(allowed)")
            return []
        }
        guard items.count <= HouseholdRisk.allCases.count else {
            report(node, fields.path("risks"), "more than \(HouseholdRisk.allCases.count) entries; allowed: \(allowed)")
            return []
        }
        var risks: [HouseholdRisk] = []
        for (index, item) in items.enumerated() {
            let path = "\(fields.path("risks"))[\(index)]"
            guard case .string(let text) = item.kind else {
                report(item, path, "expected one of \(allowed), found \(item.typeName)")
                continue
            }
            guard let risk = HouseholdRisk(rawValue: text) else {
                report(item, path, "\"\(text)\" is not allowed; allowed: \(allowed)")
                continue
            }
            if risks.contains(risk) {
                report(item, path, "\"\(text)\" is given twice")
                continue
            }
            risks.append(risk)
        }
        return risks
    }
}
