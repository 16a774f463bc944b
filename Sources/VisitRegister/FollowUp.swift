import EnergyAdvice
import GRDB

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
    public var meterNowKWh: Double?
    /// Realised electricity saving; nil when this follow-up gave no electricity figures.
    public var electricity: RealisedSaving?
    /// Realised heating saving; nil when this follow-up gave no heating figure.
    public var heating: RealisedSaving?
    /// What the advice predicted for the implemented measures.
    public var predicted: PredictedSaving

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
    public var savedEURPerYear: Double?
    public var savedCO2KgPerYear: Double?
    /// Who keeps this saving: the household for electricity, the heating payer for heating.
    public var beneficiary: Payer
}

/// The advice's predicted yearly savings of a set of recommended measures.
public struct PredictedSaving: Sendable, Equatable {
    public var electricityKWh: Double
    public var heatKWh: Double
    public var savingEUR: Double
    public var co2Kg: Double

    /// The sums over `measures` whose kind is in `kinds`.
    public init(measures: [RegisteredMeasure], kinds: [MeasureKind]) {
        let chosen = measures.filter { kinds.contains($0.kind) }
        electricityKWh = cents(chosen.reduce(0) { $0 + $1.electricityKWh })
        heatKWh = cents(chosen.reduce(0) { $0 + $1.heatKWh })
        savingEUR = cents(chosen.reduce(0) { $0 + $1.savingEUR })
        co2Kg = cents(chosen.reduce(0) { $0 + $1.co2Kg })
    }
}

/// A follow-up as stored.
struct StoredFollowUp {
    var visitId: String
    var date: CalendarDate
    var electricityKWhSinceVisit: Double?
    var meterAtVisitKWh: Double?
    var meterNowKWh: Double?
    var heatingKWhPerYear: Double?
    var implemented: [MeasureKind]

    init(
        visitId: String, date: CalendarDate, electricityKWhSinceVisit: Double?, meterAtVisitKWh: Double?,
        meterNowKWh: Double?, heatingKWhPerYear: Double?, implemented: [MeasureKind]
    ) {
        self.visitId = visitId
        self.date = date
        self.electricityKWhSinceVisit = electricityKWhSinceVisit
        self.meterAtVisitKWh = meterAtVisitKWh
        self.meterNowKWh = meterNowKWh
        self.heatingKWhPerYear = heatingKWhPerYear
        self.implemented = implemented
    }

    /// The columns `init(_:path:)` decodes, by position.
    static let columns =
        "visit_id, date, electricity_kwh_since_visit, meter_at_visit_kwh, meter_now_kwh, heating_kwh_per_year, id"

    init(_ row: Row, path: String) throws {
        self.init(
            visitId: try row.decode(atIndex: 0),
            date: try VisitRegister.decodeDate(row, 1, "date", path: path),
            electricityKWhSinceVisit: try row.decode(atIndex: 2),
            meterAtVisitKWh: try row.decode(atIndex: 3),
            meterNowKWh: try row.decode(atIndex: 4),
            heatingKWhPerYear: try row.decode(atIndex: 5),
            implemented: []
        )
    }
}

extension FollowUpResult {
    /// A year for normalising consumption, as in the calculation rules.
    static let daysPerYear = 365.0

    init(visit: RegisteredVisit, stored: StoredFollowUp) {
        let days = stored.date.dayNumber - visit.date.dayNumber
        var electricity: RealisedSaving?
        if let used = stored.electricityKWhSinceVisit, days > 0 {
            let after = used * Self.daysPerYear / Double(days)
            let saved = visit.electricityKWh - after
            electricity = RealisedSaving(
                beforeKWhPerYear: visit.electricityKWh, baselineEstimated: false, usedSinceVisitKWh: used,
                afterKWhPerYear: cents(after), savedKWhPerYear: cents(saved),
                savedEURPerYear: cents(saved * visit.prices.electricityEURPerKWh),
                savedCO2KgPerYear: visit.prices.electricityCO2KgPerKWh.map { cents(saved * $0) },
                beneficiary: .household)
        }
        var heating: RealisedSaving?
        // Rules v2, rule 6: a heating estimated at the visit is no baseline for a measured saving.
        if let after = stored.heatingKWhPerYear, let before = visit.heating, !before.estimated {
            let saved = before.annualKWh - after
            heating = RealisedSaving(
                beforeKWhPerYear: before.annualKWh, baselineEstimated: false, usedSinceVisitKWh: nil,
                afterKWhPerYear: cents(after), savedKWhPerYear: cents(saved),
                // Only the consumption share of a building's bill follows the flat's use.
                savedEURPerYear: visit.prices.heatingEURPerKWh.map { cents(saved * $0 * before.billShare) },
                savedCO2KgPerYear: visit.prices.heatingCO2KgPerKWh.map { cents(saved * $0) },
                beneficiary: visit.heatingCostsPaidBy)
        }
        self.init(
            visitId: visit.visitId, date: stored.date, daysSinceVisit: days, implemented: stored.implemented,
            meterAtVisitKWh: stored.meterAtVisitKWh, meterNowKWh: stored.meterNowKWh,
            electricity: electricity, heating: heating,
            predicted: PredictedSaving(measures: visit.measures, kinds: stored.implemented))
    }
}

extension VisitRegister {
    /// Largest meter reading or consumption accepted, kWh.
    static let maxMeterKWh = 1e9

    /// Records a follow-up of a registered visit and returns what it shows.
    ///
    /// Electricity can be given one of two ways: the kWh used since the advice visit (e.g. from a bill), or
    /// meter readings. The first follow-up with meter readings gives both the reading at the advice visit and the
    /// reading now; later follow-ups give only the reading now (the one at the visit is kept). A reading lower
    /// than the previous one is an error, as is a follow-up not after the visit or the latest follow-up.
    ///
    /// - Parameters:
    ///   - electricityKWhSinceFirstVisit: kWh used from the advice visit to `date`.
    ///   - meterAtVisitKWh: the electricity meter at the advice visit, kWh.
    ///   - meterNowKWh: the electricity meter on `date`, kWh.
    ///   - heatingKWhPerYear: heating kWh of a full year after the advice, from the heating bill.
    ///   - implemented: the kinds of recommended measures the household has carried out.
    public func followUp(
        visitId: String, date: CalendarDate, electricityKWhSinceFirstVisit: Double? = nil,
        meterAtVisitKWh: Double? = nil, meterNowKWh: Double? = nil, heatingKWhPerYear: Double? = nil,
        implemented: [MeasureKind] = []
    ) throws(RegisterError) -> FollowUpResult {
        let checks: [(String, Double?, Double)] = [
            ("electricityKWhSinceFirstVisit", electricityKWhSinceFirstVisit, Self.maxMeterKWh),
            ("meterAtVisitKWh", meterAtVisitKWh, Self.maxMeterKWh),
            ("meterNowKWh", meterNowKWh, Self.maxMeterKWh),
            ("heatingKWhPerYear", heatingKWhPerYear, VisitRules.heatingKWh.upper),
        ]
        for (field, value, upper) in checks {
            if let value, !(value.isFinite && value >= 0 && value <= upper) {
                throw .invalidNumber(field: field, value: value, allowed: "0 … \(PlainNumber.text(upper)) kWh")
            }
        }
        if electricityKWhSinceFirstVisit != nil && (meterAtVisitKWh != nil || meterNowKWh != nil) {
            throw .electricityGivenTwice(visitId: visitId)
        }
        if meterAtVisitKWh != nil && meterNowKWh == nil { throw .meterNowMissing(visitId: visitId) }
        let kinds = MeasureKind.allCases.filter { implemented.contains($0) }
        let now = Self.timestamp()
        let path = self.path

        return try write { db in
            guard let visit = try Self.loadVisits(db, path: path, visitId: visitId).first else {
                throw RegisterError.unknownVisit(visitId: visitId)
            }
            guard date > visit.date else {
                throw RegisterError.followUpNotAfterVisit(visitId: visitId, visitDate: visit.date, followUpDate: date)
            }
            let previous = try Row.fetchAll(
                db, sql: "SELECT \(StoredFollowUp.columns) FROM follow_up WHERE visit_id = ? ORDER BY date",
                arguments: [visitId]
            ).map { try StoredFollowUp($0, path: path) }
            if let last = previous.last, date <= last.date {
                throw RegisterError.followUpNotAfterPrevious(
                    visitId: visitId, previousDate: last.date, followUpDate: date)
            }
            if heatingKWhPerYear != nil {
                guard let heating = visit.heating else { throw RegisterError.noHeatingAtVisit(visitId: visitId) }
                if heating.estimated { throw RegisterError.heatingBaselineEstimated(visitId: visitId) }
            }
            let recommended = MeasureKind.allCases.filter { kind in visit.measures.contains { $0.kind == kind } }
            let unexpected = kinds.filter { !recommended.contains($0) }
            if !unexpected.isEmpty {
                throw RegisterError.notRecommended(visitId: visitId, kinds: unexpected, recommended: recommended)
            }

            var usedSinceVisit = electricityKWhSinceFirstVisit
            var meterAtVisit: Double?
            if let meterNow = meterNowKWh {
                // The reading taken at the visit (the visit file's electricity.meterReading), else the first
                // follow-up's.
                let recorded = visit.meterReadingKWh ?? previous.lazy.compactMap(\.meterAtVisitKWh).first
                if let recorded, let given = meterAtVisitKWh, recorded != given {
                    throw RegisterError.meterAtVisitConflict(visitId: visitId, recordedKWh: recorded, givenKWh: given)
                }
                guard let atVisit = recorded ?? meterAtVisitKWh else {
                    throw RegisterError.meterAtVisitMissing(visitId: visitId)
                }
                let previousReading = previous.compactMap(\.meterNowKWh).last ?? atVisit
                if meterNow < previousReading {
                    throw RegisterError.meterReadingFalls(
                        visitId: visitId, previousKWh: previousReading, nowKWh: meterNow)
                }
                meterAtVisit = atVisit
                usedSinceVisit = meterNow - atVisit
            }
            if let used = usedSinceVisit, let earlier = previous.compactMap(\.electricityKWhSinceVisit).last,
                used < earlier
            {
                throw RegisterError.consumptionFalls(visitId: visitId, previousKWh: earlier, nowKWh: used)
            }

            try db.execute(
                sql: """
                    INSERT INTO follow_up (visit_id, date, electricity_kwh_since_visit, meter_at_visit_kwh, meter_now_kwh,
                        heating_kwh_per_year, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    visitId, date.description, usedSinceVisit, meterAtVisit, meterNowKWh,
                    heatingKWhPerYear, now,
                ])
            let id = db.lastInsertedRowID
            for kind in kinds {
                try db.execute(
                    sql: "INSERT INTO follow_up_measure (follow_up_id, kind) VALUES (?, ?)",
                    arguments: [id, kind.rawValue])
            }
            let stored = StoredFollowUp(
                visitId: visitId, date: date, electricityKWhSinceVisit: usedSinceVisit, meterAtVisitKWh: meterAtVisit,
                meterNowKWh: meterNowKWh, heatingKWhPerYear: heatingKWhPerYear, implemented: kinds)
            return FollowUpResult(visit: visit, stored: stored)
        }
    }
}
