import EnergyAdvice

extension VisitRecap {
    /// One line per debt — energy, arrears, supply, the letters received, a cut-off, the risks — and who signs the
    /// letters; nothing without debts.
    static func debts(_ visit: Visit) -> [String] {
        var lines = visit.energyDebt.map { debt in
            var text = "Zahlungsrückstand \(debt.carrier.germanLabel): \(euros(debt.arrearsEUR))"
            text +=
                ", "
                + ((debt.supply ?? .basic) == .basic
                    ? "Grundversorgung" : debt.supply == .replacement ? "Ersatzversorgung" : "Sondervertrag")
            if let supplier = debt.supplier { text += " bei \(supplier)" }
            if let threat = debt.threatDate { text += ", Androhung am \(DateText.german(threat))" }
            if let announcement = debt.announcementDate {
                text += ", Ankündigung am \(DateText.german(announcement))"
            }
            if debt.cutOff == true { text += ", schon gesperrt" }
            if !debt.risks.isEmpty { text += ", gefährdet: " + debt.risks.map(\.germanLabel).joined(separator: ", ") }
            return text
        }
        if !visit.energyDebt.isEmpty {
            let name = visit.contact?.name ?? "Name frei"
            let address = visit.contact?.address ?? "Anschrift frei"
            lines.append("Briefe: \(name), \(address)")
        }
        return lines
    }

    /// `412,80 €`, `300 €`: euros with cents where there are any, as on the supplier's letter.
    static func euros(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        guard cents % 100 != 0 else { return "\(cents / 100) €" }
        let rest = cents % 100
        return "\(cents / 100),\(rest < 10 ? "0" : "")\(rest) €"
    }
}
