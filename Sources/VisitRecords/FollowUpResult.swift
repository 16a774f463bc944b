import EnergyAdvice

/// The result of a follow-up visit: what the household did, and what it saves compared with the advice visit.
///
/// The model (all figures per year):
/// - Electricity: the advice visit's annual kWh is the baseline. The kWh used from the advice visit to the
///   follow-up (given directly, or as the difference of two meter readings) is normalised to 365 days:
///   `after = used · 365 / days`; `saved = baseline − after`. A longer interval averages out seasons better.
/// - Heating: heating is seasonal, so it is not normalised by days; the follow-up gives the kWh of a full heating
///   year after the advice (from the heating bill); `saved = kWh at the visit − kWh per year after`.
/// - Both are compared with the advice's predicted savings of the measures the household implemented.
/// Savings are valued with the prices and CO2 factors of the advice; a negative saving means more was used.
public struct FollowUpResult: Sendable, Equatable {
    /// The advised visit followed up.
    public var visitId: String
    /// The date of the follow-up.
    public var date: CalendarDate
    /// Days from the advice visit to this follow-up.
    public var daysSinceVisit: Int
    /// The recommended measures the household has implemented, by kind.
    public var implemented: [MeasureKind]
    /// Electricity meter at the advice visit and at this follow-up, kWh, when meter readings were given.
    public var meterAtVisitKWh: Double?
    /// See ``meterAtVisitKWh``.
    public var meterNowKWh: Double?
    /// Realised electricity saving; nil when this follow-up gave no electricity figures.
    public var electricity: RealisedSaving?
    /// Realised heating saving; nil when this follow-up gave no heating figure.
    public var heating: RealisedSaving?
    /// What the advice predicted for the implemented measures.
    public var predicted: PredictedSaving
    /// Whether the energy supply continued since the visit (not cut off, or restored); nil when not asked.
    public var supplyContinued: Bool?
    /// Whether an agreement with the supplier was reached; nil when not asked.
    public var agreementReached: Bool?

    /// Creates the value from all its parts.
    public init(
        visitId: String, date: CalendarDate, daysSinceVisit: Int, implemented: [MeasureKind], meterAtVisitKWh: Double?,
        meterNowKWh: Double?, electricity: RealisedSaving?, heating: RealisedSaving?, predicted: PredictedSaving,
        supplyContinued: Bool? = nil, agreementReached: Bool? = nil
    ) {
        self.visitId = visitId
        self.date = date
        self.daysSinceVisit = daysSinceVisit
        self.implemented = implemented
        self.meterAtVisitKWh = meterAtVisitKWh
        self.meterNowKWh = meterNowKWh
        self.electricity = electricity
        self.heating = heating
        self.predicted = predicted
        self.supplyContinued = supplyContinued
        self.agreementReached = agreementReached
    }

    /// Follow-ups sooner than this after the visit extrapolate too few days to a year to be trusted alone.
    public static let shortPeriodDays = 90

    /// True when an electricity saving was extrapolated from fewer than ``shortPeriodDays`` days.
    public var isShortPeriod: Bool { electricity != nil && daysSinceVisit < Self.shortPeriodDays }
}

/// A saving measured at a follow-up, per year.
public struct RealisedSaving: Sendable, Equatable {
    /// kWh per year at the advice visit.
    public var beforeKWhPerYear: Double
    /// True when the baseline was an estimate of the advice (heating without a bill).
    public var baselineEstimated: Bool
    /// For electricity: the kWh used from the advice visit to the follow-up. For heating: nil.
    public var usedSinceVisitKWh: Double?
    /// kWh per year after the advice (electricity normalised to 365 days).
    public var afterKWhPerYear: Double
    /// before − after; negative when more is used now.
    public var savedKWhPerYear: Double
    /// The saving in euros a year, at the advice's price; nil without a price.
    public var savedEURPerYear: Double?
    /// The CO2 avoided a year, kg; nil without a factor.
    public var savedCO2KgPerYear: Double?
    /// Who keeps this saving: the household for electricity, the heating payer for heating.
    public var beneficiary: Payer

    /// Creates the value from all its parts.
    public init(
        beforeKWhPerYear: Double, baselineEstimated: Bool, usedSinceVisitKWh: Double?, afterKWhPerYear: Double,
        savedKWhPerYear: Double, savedEURPerYear: Double?, savedCO2KgPerYear: Double?, beneficiary: Payer
    ) {
        self.beforeKWhPerYear = beforeKWhPerYear
        self.baselineEstimated = baselineEstimated
        self.usedSinceVisitKWh = usedSinceVisitKWh
        self.afterKWhPerYear = afterKWhPerYear
        self.savedKWhPerYear = savedKWhPerYear
        self.savedEURPerYear = savedEURPerYear
        self.savedCO2KgPerYear = savedCO2KgPerYear
        self.beneficiary = beneficiary
    }
}

/// The advice's predicted yearly savings of a set of recommended measures.
public struct PredictedSaving: Sendable, Equatable {
    /// Electricity, kWh a year.
    public var electricityKWh: Double
    /// Heating fuel, kWh a year.
    public var heatKWh: Double
    /// Euros a year.
    public var savingEUR: Double
    /// Kilograms of CO2 a year.
    public var co2Kg: Double

    /// Creates the value from all its parts.
    public init(electricityKWh: Double, heatKWh: Double, savingEUR: Double, co2Kg: Double) {
        self.electricityKWh = electricityKWh
        self.heatKWh = heatKWh
        self.savingEUR = savingEUR
        self.co2Kg = co2Kg
    }

    /// The sums over `measures` whose kind is in `kinds`.
    public init(measures: [RegisteredMeasure], kinds: [MeasureKind]) {
        let chosen = measures.filter { kinds.contains($0.kind) }
        electricityKWh = cents(chosen.reduce(0) { $0 + $1.electricityKWh })
        heatKWh = cents(chosen.reduce(0) { $0 + $1.heatKWh })
        savingEUR = cents(chosen.reduce(0) { $0 + $1.savingEUR })
        co2Kg = cents(chosen.reduce(0) { $0 + $1.co2Kg })
    }
}

extension FollowUpResult {
    /// A year for normalising consumption, as in the calculation rules.
    static let daysPerYear = 365.0

    /// What a recorded follow-up shows against its visit: savings normalised to a year and valued with the prices
    /// the advice used (``SavingPrices``), beside the advice's expectation for the steps carried out.
    public init(visit: RegisteredVisit, record: FollowUpRecord) {
        let days = record.date.dayNumber - visit.date.dayNumber
        var electricity: RealisedSaving?
        if let used = record.electricityKWhSinceVisit, days > 0 {
            let after = used * Self.daysPerYear / Double(days)
            let saved = visit.electricityKWh - after
            let value = visit.prices.electricity(kWh: saved)
            electricity = RealisedSaving(
                beforeKWhPerYear: visit.electricityKWh, baselineEstimated: false, usedSinceVisitKWh: used,
                afterKWhPerYear: cents(after), savedKWhPerYear: cents(saved),
                savedEURPerYear: value.eur, savedCO2KgPerYear: value.co2Kg, beneficiary: .household)
        }
        var heating: RealisedSaving?
        // Rules v2, rule 6: a heating estimated at the visit is no baseline for a measured saving.
        if let after = record.heatingKWhPerYear, let before = visit.heating, !before.estimated {
            let saved = before.annualKWh - after
            let value = visit.prices.heating(kWh: saved)
            heating = RealisedSaving(
                beforeKWhPerYear: before.annualKWh, baselineEstimated: false, usedSinceVisitKWh: nil,
                afterKWhPerYear: cents(after), savedKWhPerYear: cents(saved),
                savedEURPerYear: value.eur, savedCO2KgPerYear: value.co2Kg, beneficiary: visit.heatingCostsPaidBy)
        }
        self.init(
            visitId: visit.visitId, date: record.date, daysSinceVisit: days, implemented: record.implemented,
            meterAtVisitKWh: record.meterAtVisitKWh, meterNowKWh: record.meterNowKWh,
            electricity: electricity, heating: heating,
            predicted: PredictedSaving(measures: visit.measures, kinds: record.implemented),
            supplyContinued: record.supplyContinued, agreementReached: record.agreementReached)
    }
}
