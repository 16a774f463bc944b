import EnergyAdvice

/// The checks a follow-up must pass before any store records it: the same rules for SQLite and PostgreSQL, run by
/// each store inside the transaction that writes it.
public enum FollowUpRules {
    /// Largest meter reading or consumption accepted, kWh.
    public static let maxMeterKWh = 1e9
    /// A use this many times the visit's (per year) is recorded only when the advisor confirms it: one digit typed
    /// too many on a meter reading turns into a saving of −100 million kWh in the council report.
    public static let unusualUseFactor = 3.0

    /// Whether a follow-up is added or replaces the one recorded on the same day.
    public enum Mode: Sendable, Equatable {
        /// A new follow-up; none may be recorded on its day.
        case record
        /// Corrects the follow-up recorded on the entry's day.
        case correct
    }

    /// Checks `entry` against its visit and the follow-ups recorded so far and returns what to store.
    ///
    /// - Parameters:
    ///   - visit: the registered visit (its follow-ups are not read; `recorded` holds them).
    ///   - recorded: the visit's follow-ups as stored, any order.
    ///   - today: the day the follow-up is recorded; a later date is unusual.
    public static func check(
        _ entry: FollowUpEntry, visit: RegisteredVisit, recorded: [FollowUpRecord], mode: Mode,
        today: CalendarDate
    ) throws(FollowUpProblem) -> FollowUpRecord {
        let checks: [(FollowUpProblem.Field, Double?, Double)] = [
            (.electricityKWhSinceVisit, entry.electricityKWhSinceVisit, maxMeterKWh),
            (.meterAtVisitKWh, entry.meterAtVisitKWh, maxMeterKWh),
            (.meterNowKWh, entry.meterNowKWh, maxMeterKWh),
            (.heatingKWhPerYear, entry.heatingKWhPerYear, VisitRules.heatingKWh.upper),
        ]
        for (field, value, upper) in checks {
            if let value, !(value.isFinite && value >= 0 && value <= upper) {
                throw .invalidNumber(field: field, value: value, upper: upper)
            }
        }
        if entry.electricityKWhSinceVisit != nil && (entry.meterAtVisitKWh != nil || entry.meterNowKWh != nil) {
            throw .electricityGivenTwice
        }
        if entry.meterAtVisitKWh != nil && entry.meterNowKWh == nil { throw .meterNowMissing }
        guard entry.date > visit.date else { throw .notAfterVisit(visitDate: visit.date) }
        if entry.date > today && !entry.confirmUnusual { throw .dateInFuture(today: today) }

        let sameDay = recorded.first { $0.date == entry.date }
        let others = recorded.filter { $0.date != entry.date }.sorted { $0.date < $1.date }
        switch mode {
        case .record:
            if sameDay != nil { throw .alreadyRecorded(date: entry.date) }
            if let last = others.last, entry.date <= last.date { throw .notAfterPrevious(previousDate: last.date) }
        case .correct:
            if sameDay == nil { throw .noFollowUpOn(date: entry.date, recorded: others.map(\.date)) }
        }
        let previous = others.last { $0.date < entry.date }
        let next = others.first { $0.date > entry.date }

        if entry.heatingKWhPerYear != nil {
            guard let heating = visit.heating else { throw .noHeatingAtVisit }
            if heating.estimated { throw .heatingBaselineEstimated }
        }
        // A follow-up answers for the supply only where the visit recorded a debt: else the council's counts of
        // averted cut-offs would count households that never had one.
        if (entry.supplyContinued != nil || entry.agreementReached != nil) && !visit.energyDebt.isRecorded {
            throw .noEnergyDebtAtVisit
        }
        let kinds = MeasureKind.allCases.filter { entry.implemented.contains($0) }
        let recommended = MeasureKind.allCases.filter { kind in visit.measures.contains { $0.kind == kind } }
        let unexpected = kinds.filter { !recommended.contains($0) }
        if !unexpected.isEmpty { throw .notRecommended(kinds: unexpected, recommended: recommended) }

        var usedSinceVisit = entry.electricityKWhSinceVisit
        var meterAtVisit: Double?
        if let meterNow = entry.meterNowKWh {
            // The reading taken at the visit (the visit file's electricity.meterReading), else another follow-up's.
            let recordedAtVisit = visit.meterReadingKWh ?? others.lazy.compactMap(\.meterAtVisitKWh).first
            if let recordedAtVisit, let given = entry.meterAtVisitKWh, recordedAtVisit != given {
                throw .meterAtVisitConflict(recordedKWh: recordedAtVisit, givenKWh: given)
            }
            guard let atVisit = recordedAtVisit ?? entry.meterAtVisitKWh else { throw .meterAtVisitMissing }
            let before = previous?.meterNowKWh ?? atVisit
            if meterNow < before { throw .meterReadingFalls(previousKWh: before, nowKWh: meterNow) }
            if let after = next?.meterNowKWh, meterNow > after {
                throw .meterReadingAboveLater(laterDate: next!.date, laterKWh: after, nowKWh: meterNow)
            }
            meterAtVisit = atVisit
            usedSinceVisit = meterNow - atVisit
        }
        if let used = usedSinceVisit {
            if let earlier = previous?.electricityKWhSinceVisit, used < earlier {
                throw .consumptionFalls(previousKWh: earlier, nowKWh: used)
            }
            let days = entry.date.dayNumber - visit.date.dayNumber
            let perYear = used * 365 / Double(days)
            if perYear > unusualUseFactor * visit.electricityKWh && !entry.confirmUnusual {
                throw .unusualElectricity(perYearKWh: cents(perYear), visitKWh: visit.electricityKWh)
            }
        }
        if let heating = entry.heatingKWhPerYear, let before = visit.heating?.annualKWh,
            heating > unusualUseFactor * before && !entry.confirmUnusual
        {
            throw .unusualHeating(perYearKWh: heating, visitKWh: before)
        }
        return FollowUpRecord(
            visitId: visit.visitId, date: entry.date, electricityKWhSinceVisit: usedSinceVisit,
            meterAtVisitKWh: meterAtVisit, meterNowKWh: entry.meterNowKWh, heatingKWhPerYear: entry.heatingKWhPerYear,
            implemented: kinds, supplyContinued: entry.supplyContinued, agreementReached: entry.agreementReached)
    }
}

/// Why a follow-up was not recorded; the facts, for each front end to word.
public enum FollowUpProblem: Error, Sendable, Equatable {
    /// The number fields of a follow-up.
    public enum Field: String, Sendable {
        case electricityKWhSinceVisit, meterAtVisitKWh, meterNowKWh, heatingKWhPerYear
    }

    /// A number below 0, not finite or above `upper`.
    case invalidNumber(field: Field, value: Double, upper: Double)
    /// Both a consumption since the visit and meter readings were given; they could disagree.
    case electricityGivenTwice
    /// A meter reading at the visit without a reading now says nothing.
    case meterNowMissing
    /// A follow-up must be dated after the advice visit.
    case notAfterVisit(visitDate: CalendarDate)
    /// A day after today, not confirmed.
    case dateInFuture(today: CalendarDate)
    /// A follow-up is recorded on that day already (correct it instead).
    case alreadyRecorded(date: CalendarDate)
    /// New follow-ups come in order: after the latest one.
    case notAfterPrevious(previousDate: CalendarDate)
    /// No follow-up on that day to correct or delete.
    case noFollowUpOn(date: CalendarDate, recorded: [CalendarDate])
    /// A heating figure for a visit that recorded no heating.
    case noHeatingAtVisit
    /// Whether the supply continued or an agreement was reached, for a visit that recorded no energy debt.
    case noEnergyDebtAtVisit
    /// A heating figure against a heating the advice only estimated (rule 6).
    case heatingBaselineEstimated
    /// Steps reported as carried out that the advice did not recommend.
    case notRecommended(kinds: [MeasureKind], recommended: [MeasureKind])
    /// The reading at the advice visit differs from the one recorded.
    case meterAtVisitConflict(recordedKWh: Double, givenKWh: Double)
    /// The first meter reading needs the reading at the visit as well.
    case meterAtVisitMissing
    /// A reading below the one before: meters only count up.
    case meterReadingFalls(previousKWh: Double, nowKWh: Double)
    /// A corrected reading above the one of a later follow-up.
    case meterReadingAboveLater(laterDate: CalendarDate, laterKWh: Double, nowKWh: Double)
    /// Less used since the visit than an earlier follow-up recorded.
    case consumptionFalls(previousKWh: Double, nowKWh: Double)
    /// A use per year above ``FollowUpRules/unusualUseFactor`` times the visit's, not confirmed.
    case unusualElectricity(perYearKWh: Double, visitKWh: Double)
    /// A heating use above ``FollowUpRules/unusualUseFactor`` times the visit's, not confirmed.
    case unusualHeating(perYearKWh: Double, visitKWh: Double)
}
