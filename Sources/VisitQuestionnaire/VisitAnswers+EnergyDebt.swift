import EnergyAdvice

extension VisitAnswers {
    /// The answers of the section „Zahlungsrückstand / Sperre“ that replay to the visit's debts, and its name and
    /// address for the letters when it has debts.
    static func energyDebtAnswers(_ visit: Visit) -> [DraftAnswer] {
        var list: [DraftAnswer] = []
        func add(_ id: String, _ answer: String) { list.append(DraftAnswer(question: id, answer: answer)) }
        func add(_ id: String, _ value: Double?) { add(id, value.map(number) ?? AnswerWords.skip) }
        for (i, debt) in visit.energyDebt.enumerated() {
            add("energyDebt[\(i)]", debt.carrier.rawValue)
            add("energyDebt[\(i)].arrearsEUR", debt.arrearsEUR)
            add("energyDebt[\(i)].supply", (debt.supply ?? .basic).rawValue)
            add("energyDebt[\(i)].supplier", debt.supplier ?? AnswerWords.skip)
            add("energyDebt[\(i)].monthlyInstallmentEUR", debt.monthlyInstallmentEUR)
            add("energyDebt[\(i)].annualBillEUR", debt.annualBillEUR)
            add("energyDebt[\(i)].threatDate", debt.threatDate?.description ?? AnswerWords.skip)
            add("energyDebt[\(i)].announcementDate", debt.announcementDate?.description ?? AnswerWords.skip)
            add("energyDebt[\(i)].cutOff", debt.cutOff == true ? "j" : "n")
            let chosen = debt.risks.compactMap { risk in HouseholdRisk.allCases.firstIndex(of: risk).map { $0 + 1 } }
            add(
                "energyDebt[\(i)].risks",
                RowText.storedSelection(chosen.sorted(), allowed: VisitFlow.riskNumbers))
        }
        if visit.energyDebt.count < VisitRules.energyDebtMaxCount {
            add("energyDebt[\(visit.energyDebt.count)]", "none")
        }
        if !visit.energyDebt.isEmpty {
            add("household.name", visit.contact?.name ?? AnswerWords.skip)
            add("household.address", visit.contact?.address ?? AnswerWords.skip)
        }
        return list
    }
}
