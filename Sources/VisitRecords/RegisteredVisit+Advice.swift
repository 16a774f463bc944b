import EnergyAdvice

extension RegisteredVisit {
    /// The register's record of an advised visit, before any follow-up: the advice's figures, the prices it used,
    /// and the visit and advice documents as stored.
    ///
    /// - Parameters:
    ///   - visitJSON: the visit as stored (`esp-visit/1`); its SHA-256 is the record's ``contentHash``.
    ///   - adviceJSON: the advice document as stored (`esp-advice/2`).
    ///   - now: when it is recorded (UTC, ISO 8601).
    public init(visit: Visit, advice: Advice, visitJSON: String, adviceJSON: String, now: String) {
        self.init(
            visitId: advice.visitId, date: advice.date, city: advice.city, language: advice.language,
            benefit: advice.benefit, persons: advice.household.persons, heatingCostsPaidBy: advice.heatingPayer,
            electricityKWh: advice.electricity.annualKWh,
            heating: advice.heating.map {
                RegisteredHeating(fuel: $0.fuel, annualKWh: $0.annualKWh, estimated: $0.estimated)
            },
            prices: advice.savingPrices, rulesVersion: Advice.rulesVersion, totals: advice.totals,
            measures: advice.recommendedSavings.map(RegisteredMeasure.init(recommended:)),
            followUps: [],
            documents: RegisteredDocuments(visitJSON: visitJSON, adviceJSON: adviceJSON),
            advisor: visit.advisor, contentHash: SHA256.hex(visitJSON),
            meterReadingKWh: visit.electricity.meterReading?.kWh, addedAt: now, updatedAt: now, forgottenAt: nil,
            energyDebt: RegisteredDebt(visit.energyDebt))
    }
}

extension RegisteredMeasure {
    /// A recommended measure of an advice as the register keeps it.
    public init(recommended m: MeasureResult) {
        self.init(
            kind: m.kind, electricityKWh: m.electricityKWh, heatKWh: m.heatKWh, waterM3: m.waterM3,
            savingEUR: m.savingEUR, co2Kg: m.co2Kg, investmentEUR: m.investmentEUR, voucherEUR: m.voucherEUR,
            beneficiary: m.beneficiary, householdEUR: m.split.household, publicEUR: m.split.publicEUR,
            landlordEUR: m.split.landlord, installedAtVisit: m.installedAtVisit, items: m.items,
            programmeCostEUR: m.programmeCostEUR)
    }
}
