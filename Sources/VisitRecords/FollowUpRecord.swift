import EnergyAdvice

/// What an advisor reports at a follow-up, before it is checked against the visit and the follow-ups recorded so far.
///
/// Electricity comes one of two ways: the kWh used since the advice visit (e.g. from a bill), or meter readings.
/// The first follow-up with meter readings gives the reading at the visit too, unless the visit file recorded it.
public struct FollowUpEntry: Sendable, Equatable {
    /// The advised visit followed up.
    public var visitId: String
    /// The day of the follow-up.
    public var date: CalendarDate
    /// kWh used from the advice visit to ``date``.
    public var electricityKWhSinceVisit: Double?
    /// The electricity meter at the advice visit, kWh.
    public var meterAtVisitKWh: Double?
    /// The electricity meter on ``date``, kWh.
    public var meterNowKWh: Double?
    /// Heating kWh of a full year after the advice, from the heating bill.
    public var heatingKWhPerYear: Double?
    /// The kinds of recommended measures the household has carried out.
    public var implemented: [MeasureKind]
    /// Whether the energy supply continued since the visit (it was not cut off, or was restored); nil when not asked.
    public var supplyContinued: Bool?
    /// Whether the household made an agreement with its supplier (an Abwendungsvereinbarung or other instalment
    /// agreement); nil when not asked.
    public var agreementReached: Bool?
    /// The advisor confirmed figures that look wrong (a date after today, a use far beyond the visit's): they are
    /// recorded all the same.
    public var confirmUnusual: Bool

    /// A follow-up as reported; leave out what was not measured.
    public init(
        visitId: String, date: CalendarDate, electricityKWhSinceVisit: Double? = nil, meterAtVisitKWh: Double? = nil,
        meterNowKWh: Double? = nil, heatingKWhPerYear: Double? = nil, implemented: [MeasureKind] = [],
        confirmUnusual: Bool = false, supplyContinued: Bool? = nil, agreementReached: Bool? = nil
    ) {
        self.visitId = visitId
        self.date = date
        self.electricityKWhSinceVisit = electricityKWhSinceVisit
        self.meterAtVisitKWh = meterAtVisitKWh
        self.meterNowKWh = meterNowKWh
        self.heatingKWhPerYear = heatingKWhPerYear
        self.implemented = implemented
        self.confirmUnusual = confirmUnusual
        self.supplyContinued = supplyContinued
        self.agreementReached = agreementReached
    }
}

/// A follow-up as a store keeps it, after ``FollowUpRules`` accepted it: a visit has at most one per day.
public struct FollowUpRecord: Sendable, Equatable {
    /// The advised visit followed up.
    public var visitId: String
    /// The day of the follow-up; with ``visitId`` it identifies the follow-up.
    public var date: CalendarDate
    /// kWh used from the advice visit to ``date``, given or from the meter readings.
    public var electricityKWhSinceVisit: Double?
    /// The electricity meter at the advice visit, kWh, when readings were given.
    public var meterAtVisitKWh: Double?
    /// The electricity meter on ``date``, kWh.
    public var meterNowKWh: Double?
    /// Heating kWh of a full year after the advice.
    public var heatingKWhPerYear: Double?
    /// The recommended measures carried out, in the order of ``MeasureKind/allCases``.
    public var implemented: [MeasureKind]
    /// Whether the energy supply continued since the visit; nil when not asked.
    public var supplyContinued: Bool?
    /// Whether an agreement with the supplier was reached; nil when not asked.
    public var agreementReached: Bool?

    /// A follow-up as stored.
    public init(
        visitId: String, date: CalendarDate, electricityKWhSinceVisit: Double?, meterAtVisitKWh: Double?,
        meterNowKWh: Double?, heatingKWhPerYear: Double?, implemented: [MeasureKind], supplyContinued: Bool? = nil,
        agreementReached: Bool? = nil
    ) {
        self.visitId = visitId
        self.date = date
        self.electricityKWhSinceVisit = electricityKWhSinceVisit
        self.meterAtVisitKWh = meterAtVisitKWh
        self.meterNowKWh = meterNowKWh
        self.heatingKWhPerYear = heatingKWhPerYear
        self.implemented = implemented
        self.supplyContinued = supplyContinued
        self.agreementReached = agreementReached
    }
}

/// A follow-up corrected or deleted: the values it had before, kept in the register's history.
public struct FollowUpChange: Sendable, Equatable {
    /// What happened to the follow-up.
    public enum Kind: String, Sendable, CaseIterable {
        /// Replaced by corrected values.
        case corrected
        /// Removed.
        case deleted
    }

    /// Corrected or deleted.
    public var kind: Kind
    /// The follow-up as it was before the change.
    public var previous: FollowUpRecord
    /// When it changed (UTC, ISO 8601).
    public var changedAt: String

    /// A change as the history holds it.
    public init(kind: Kind, previous: FollowUpRecord, changedAt: String) {
        self.kind = kind
        self.previous = previous
        self.changedAt = changedAt
    }
}
