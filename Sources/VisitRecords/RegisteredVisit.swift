import EnergyAdvice
import JSONText

/// One visit as a register keeps it: the figures of its advice, its recommended measures and its follow-ups.
///
/// A visit is identified by its id alone; ``contentHash`` tells whether a second visit under that id is the same
/// visit or another household's, whatever file or front end it came from.
public struct RegisteredVisit: Sendable, Equatable {
    /// The visit id of the visit file (`[A-Za-z0-9._-]{1,64}`).
    public var visitId: String
    /// The date of the advice visit.
    public var date: CalendarDate
    /// The city id of the tariffs used.
    public var city: String
    /// The language of the advice sheet (the visit's, or the default the advice filled in).
    public var language: String
    /// The benefit, `none` when the visit gave none.
    public var benefit: Benefit
    /// Persons in the household.
    public var persons: Int
    /// Who pays the heating and so keeps heating savings, after defaults.
    public var heatingCostsPaidBy: Payer
    /// Annual electricity use at the advice visit, kWh.
    public var electricityKWh: Double
    /// The heating at the advice visit; nil when the visit recorded none.
    public var heating: RegisteredHeating?
    /// The prices and CO2 factors the advice used, to value realised savings the same way.
    public var prices: SavingPrices
    /// The calculation rules version the advice was computed with (``Advice/rulesVersion``).
    public var rulesVersion: Int
    /// The advice's totals over the recommended measures.
    public var totals: Totals
    /// The recommended measures that save energy, in the advice's order (the tariff switch is in ``Totals/tariffSwitchEUR``).
    public var measures: [RegisteredMeasure]
    /// Follow-ups, oldest first.
    public var followUps: [FollowUpResult]
    /// The stored visit and advice documents: read for one visit, nil in lists and summaries (which would otherwise
    /// read kilobytes per visit they never use), and nil for ever once the household's data was forgotten.
    public var documents: RegisteredDocuments?
    /// The advisor's short name or code from the visit file; personal data, never exported.
    public var advisor: String?
    /// SHA-256 (hex) of the visit as stored (``RegisteredDocuments/visitJSON``).
    public var contentHash: String
    /// The electricity meter reading taken at the visit, kWh (`electricity.meterReading`): where follow-ups start.
    public var meterReadingKWh: Double?
    /// When the visit was first added and last updated (UTC, ISO 8601).
    public var addedAt: String
    /// See ``addedAt``.
    public var updatedAt: String
    /// When the household's personal data was deleted (UTC, ISO 8601); its anonymous figures stay.
    public var forgottenAt: String?
    /// The energy debt recorded at the visit, as anonymous figures; none when the visit recorded none.
    public var energyDebt: RegisteredDebt

    /// Creates the value from all its parts.
    public init(
        visitId: String, date: CalendarDate, city: String, language: String, benefit: Benefit, persons: Int,
        heatingCostsPaidBy: Payer, electricityKWh: Double, heating: RegisteredHeating?, prices: SavingPrices,
        rulesVersion: Int, totals: Totals, measures: [RegisteredMeasure], followUps: [FollowUpResult],
        documents: RegisteredDocuments?, advisor: String?, contentHash: String, meterReadingKWh: Double?,
        addedAt: String, updatedAt: String, forgottenAt: String?, energyDebt: RegisteredDebt = RegisteredDebt()
    ) {
        self.visitId = visitId
        self.date = date
        self.city = city
        self.language = language
        self.benefit = benefit
        self.persons = persons
        self.heatingCostsPaidBy = heatingCostsPaidBy
        self.electricityKWh = electricityKWh
        self.heating = heating
        self.prices = prices
        self.rulesVersion = rulesVersion
        self.totals = totals
        self.measures = measures
        self.followUps = followUps
        self.documents = documents
        self.advisor = advisor
        self.contentHash = contentHash
        self.meterReadingKWh = meterReadingKWh
        self.addedAt = addedAt
        self.updatedAt = updatedAt
        self.forgottenAt = forgottenAt
        self.energyDebt = energyDebt
    }

    /// Whether at least one follow-up was recorded.
    public var isFollowedUp: Bool { !followUps.isEmpty }
}

/// The files a registered visit was imported from and advised into.
public struct RegisteredDocuments: Sendable, Equatable {
    /// The full visit (`esp-visit/1`), notes included: personal data, never exported.
    public var visitJSON: String
    /// The advice document stored at import (`esp-advice/2`; `esp-advice/1` for visits advised under rules v1).
    public var adviceJSON: String

    /// Creates the value from all its parts.
    public init(visitJSON: String, adviceJSON: String) {
        self.visitJSON = visitJSON
        self.adviceJSON = adviceJSON
    }
}

/// The heating of a registered visit.
public struct RegisteredHeating: Sendable, Equatable {
    /// The heating fuel.
    public var fuel: HeatingFuel
    /// Annual heating use at the visit, kWh.
    public var annualKWh: Double
    /// True when the visit gave no kWh and the advice estimated them.
    public var estimated: Bool

    /// Creates the heating of a registered visit.
    public init(fuel: HeatingFuel, annualKWh: Double, estimated: Bool) {
        self.fuel = fuel
        self.annualKWh = annualKWh
        self.estimated = estimated
    }
}

/// One recommended measure of a registered visit, with its yearly savings.
public struct RegisteredMeasure: Sendable, Equatable {
    /// The step.
    public var kind: MeasureKind
    /// Expected electricity saved, kWh a year.
    public var electricityKWh: Double
    /// Expected heating fuel saved, kWh a year.
    public var heatKWh: Double
    /// Expected water saved, m³ a year.
    public var waterM3: Double
    /// Expected euros saved a year.
    public var savingEUR: Double
    /// Expected kg CO2 avoided a year.
    public var co2Kg: Double
    /// What the household pays for it, euros.
    public var investmentEUR: Double
    /// The fridge voucher promised, € (0 for other measures).
    public var voucherEUR: Double
    /// Who receives the largest part of the saving.
    public var beneficiary: Payer
    /// The saving by who receives it.
    public var householdEUR: Double
    /// The part the jobcenter or social office saves.
    public var publicEUR: Double
    /// The part a landlord saves.
    public var landlordEUR: Double
    /// Handed out or fitted at the visit (a Soforthilfe).
    public var installedAtVisit: Bool
    /// Items handed out at the visit: LED lamps of the row, 1 strip, showerhead or aerator; 0 when none.
    public var items: Int
    /// What the items cost the programme, € (its kit price).
    public var programmeCostEUR: Double

    /// Creates the value from all its parts.
    public init(
        kind: MeasureKind, electricityKWh: Double, heatKWh: Double, waterM3: Double, savingEUR: Double, co2Kg: Double,
        investmentEUR: Double, voucherEUR: Double, beneficiary: Payer, householdEUR: Double, publicEUR: Double,
        landlordEUR: Double, installedAtVisit: Bool, items: Int, programmeCostEUR: Double
    ) {
        self.kind = kind
        self.electricityKWh = electricityKWh
        self.heatKWh = heatKWh
        self.waterM3 = waterM3
        self.savingEUR = savingEUR
        self.co2Kg = co2Kg
        self.investmentEUR = investmentEUR
        self.voucherEUR = voucherEUR
        self.beneficiary = beneficiary
        self.householdEUR = householdEUR
        self.publicEUR = publicEUR
        self.landlordEUR = landlordEUR
        self.installedAtVisit = installedAtVisit
        self.items = items
        self.programmeCostEUR = programmeCostEUR
    }
}

extension MeasureResult {
    /// Items handed out or fitted at the visit: the lamps of an LED row, else one; none when nothing was.
    public var items: Int {
        guard installedAtVisit else { return 0 }
        if case .led(let details) = details { return details.lamps }
        return 1
    }
}

extension RegisteredDocuments {
    /// The advice's warnings for the advisor, as stored with the advice (German messages).
    public var warnings: [String] {
        guard let root = try? JSONParser.parse(Array(adviceJSON.utf8)) else { return [] }
        // The words where they were stored with the advice, else the warning's code.
        return root.value("warnings")?.elements.compactMap { $0.value("message")?.string ?? $0.value("code")?.string }
            ?? []
    }
}
