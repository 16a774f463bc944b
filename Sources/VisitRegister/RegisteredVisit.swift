import EnergyAdvice
import JSONText

/// One visit as the register keeps it: the figures of its advice, its recommended measures and its follow-ups.
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
    public var prices: RegisteredPrices
    /// The calculation rules version the advice was computed with (``Advice/rulesVersion``).
    public var rulesVersion: Int
    /// The advice's totals over the recommended measures.
    public var totals: Totals
    /// The recommended measures, in the advice's order.
    public var measures: [RegisteredMeasure]
    /// Follow-ups, oldest first.
    public var followUps: [FollowUpResult]
    /// The stored files; loaded for one visit (``VisitRegister/show(visitId:)``), nil in lists and summaries,
    /// which would otherwise read kilobytes per visit they never use.
    public var documents: RegisteredDocuments?
    /// The visit file the visit was last added from, as it was given; nil for visits added before esp recorded it.
    public var sourcePath: String?
    /// The electricity meter reading taken at the visit, kWh (`electricity.meterReading`): where follow-ups start.
    public var meterReadingKWh: Double?
    /// When the visit was first added and last updated (UTC, ISO 8601).
    public var addedAt: String
    /// See ``addedAt``.
    public var updatedAt: String

    /// Whether at least one follow-up was recorded.
    public var isFollowedUp: Bool { !followUps.isEmpty }
}

/// The files a registered visit was imported from and advised into.
public struct RegisteredDocuments: Sendable, Equatable {
    /// The full visit (`esp-visit/1`), notes included: personal data, never exported.
    public var visitJSON: String
    /// The advice document stored at import (`esp-advice/2`; `esp-advice/1` for visits advised under rules v1).
    public var adviceJSON: String
}

/// The heating of a registered visit.
public struct RegisteredHeating: Sendable, Equatable {
    public var fuel: HeatingFuel
    /// Annual heating use at the visit, kWh.
    public var annualKWh: Double
    /// True when the visit gave no kWh and the advice estimated them.
    public var estimated: Bool
    /// The share of a heating saving that reaches the bill (the consumption share of a building's bill, else 1).
    public var billShare: Double

    /// Creates the heating of a registered visit.
    public init(fuel: HeatingFuel, annualKWh: Double, estimated: Bool, billShare: Double = 1) {
        self.fuel = fuel
        self.annualKWh = annualKWh
        self.estimated = estimated
        self.billShare = billShare
    }
}

/// Prices (gross, €/kWh) and CO2 factors (kg/kWh) the advice used.
public struct RegisteredPrices: Sendable, Equatable {
    public var electricityEURPerKWh: Double
    public var electricityCO2KgPerKWh: Double?
    public var heatingEURPerKWh: Double?
    public var heatingCO2KgPerKWh: Double?
}

/// One recommended measure of a registered visit, with its yearly savings.
public struct RegisteredMeasure: Sendable, Equatable {
    public var kind: MeasureKind
    public var electricityKWh: Double
    public var heatKWh: Double
    public var waterM3: Double
    public var savingEUR: Double
    public var co2Kg: Double
    public var investmentEUR: Double
    /// The fridge voucher promised, € (0 for other measures).
    public var voucherEUR: Double
    /// Who receives the largest part of the saving.
    public var beneficiary: Payer
    /// The saving by who receives it.
    public var householdEUR: Double
    public var publicEUR: Double
    public var landlordEUR: Double
    /// Handed out or fitted at the visit (a Soforthilfe).
    public var installedAtVisit: Bool
    /// Items handed out at the visit: LED lamps of the row, 1 strip, showerhead or aerator; 0 when none.
    public var items: Int
    /// What the items cost the programme, € (its kit price).
    public var programmeCostEUR: Double
}

/// What became of one file of an import.
public struct ImportResult: Sendable, Equatable {
    /// The visit file as given.
    public var path: String
    /// Added, updated or failed.
    public var outcome: Outcome

    /// What became of the file.
    public enum Outcome: Sendable, Equatable {
        /// A new visit.
        case added(visitId: String)
        /// The visit was in the register and has been replaced by this file's; its follow-ups are kept.
        case updated(visitId: String)
        /// Nothing of this file was stored.
        case failed(RegisterError)
    }

    /// The visit id, unless the file failed.
    public var visitId: String? {
        switch outcome {
        case .added(let id), .updated(let id): id
        case .failed: nil
        }
    }

    /// The error, when the file failed.
    public var error: RegisterError? {
        if case .failed(let error) = outcome { return error }
        return nil
    }
}

extension MeasureResult {
    /// Items handed out or fitted at the visit: the lamps of an LED row, else one; none when nothing was.
    var items: Int {
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
