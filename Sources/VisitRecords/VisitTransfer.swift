import EnergyAdvice

/// What a register holds about one visit that another register needs: the visit with its documents and its
/// follow-ups as recorded. `esp register push` moves them from a laptop to the office, `pull` brings follow-ups back.
public struct VisitTransfer: Sendable, Equatable {
    /// The visit with its documents (nil once its personal data was forgotten).
    public var visit: RegisteredVisit
    /// Its follow-ups as recorded, oldest first.
    public var followUps: [FollowUpRecord]

    /// A visit and its follow-ups.
    public init(visit: RegisteredVisit, followUps: [FollowUpRecord]) {
        self.visit = visit
        self.followUps = followUps
    }
}

/// What a register did with a ``VisitTransfer``: the visit and each follow-up are added, found present, or refused —
/// never overwritten.
public struct TransferOutcome: Sendable, Equatable {
    /// What happened to the visit.
    public enum VisitResult: Sendable, Equatable {
        /// It was new here and is registered now, with its follow-ups.
        case added
        /// The same visit (same content) was registered already.
        case present
        /// Refused; nothing of it was written.
        case refused(TransferRefusal)
    }

    /// The visit id.
    public var visitId: String
    /// What happened to the visit.
    public var visit: VisitResult
    /// Follow-ups that were new here and are recorded now.
    public var followUpsAdded: [CalendarDate]
    /// Follow-ups that were not recorded, and why.
    public var followUpConflicts: [FollowUpConflict]

    /// An outcome.
    public init(
        visitId: String, visit: VisitResult, followUpsAdded: [CalendarDate] = [],
        followUpConflicts: [FollowUpConflict] = []
    ) {
        self.visitId = visitId
        self.visit = visit
        self.followUpsAdded = followUpsAdded
        self.followUpConflicts = followUpConflicts
    }

    /// Whether something was refused: the visit or a follow-up.
    public var hasConflict: Bool {
        if case .refused = visit { return true }
        return !followUpConflicts.isEmpty
    }

    /// Whether the transfer changed nothing: the visit was present and no follow-up was added.
    public var changedNothing: Bool { visit == .present && followUpsAdded.isEmpty }
}

/// Why a register refused a visit sent to it.
public enum TransferRefusal: Sendable, Equatable {
    /// Another visit (other content) is registered under the id; `registered` says whose, where the user may see it.
    case otherVisit(registered: RegisteredIdentity?)
    /// The household's personal data was deleted here; it is not brought back.
    case forgotten(at: String)
}

/// A follow-up sent to a register that did not record it.
public struct FollowUpConflict: Sendable, Equatable {
    /// Why.
    public enum Reason: Sendable, Equatable {
        /// A follow-up of that day with other values is recorded there.
        case differs(registered: FollowUpRecord)
        /// It breaks a rule against the follow-ups recorded there.
        case rule(FollowUpProblem)
    }

    /// The day of the follow-up.
    public var date: CalendarDate
    /// Why it was not recorded.
    public var reason: Reason

    /// A conflict.
    public init(date: CalendarDate, reason: Reason) {
        self.date = date
        self.reason = reason
    }
}

extension FollowUpEntry {
    /// The entry that records `record` again in another register: meter readings where it had them, else the kWh
    /// since the visit. Figures that looked unusual were confirmed where it was first recorded.
    public init(resending record: FollowUpRecord) {
        self.init(
            visitId: record.visitId, date: record.date,
            electricityKWhSinceVisit: record.meterNowKWh == nil ? record.electricityKWhSinceVisit : nil,
            meterAtVisitKWh: record.meterNowKWh == nil ? nil : record.meterAtVisitKWh,
            meterNowKWh: record.meterNowKWh, heatingKWhPerYear: record.heatingKWhPerYear,
            implemented: record.implemented, confirmUnusual: true, supplyContinued: record.supplyContinued,
            agreementReached: record.agreementReached)
    }
}

/// Merges follow-ups sent with a visit into those a register holds: the one piece of logic every store runs inside
/// the transaction that writes them.
public enum FollowUpMerge {
    /// What to record of `sent` (oldest first), given the visit and what is recorded; and what is refused.
    public static func plan(
        sent: [FollowUpRecord], visit: RegisteredVisit, recorded: [FollowUpRecord], today: CalendarDate
    ) -> (add: [FollowUpRecord], conflicts: [FollowUpConflict]) {
        var held = recorded
        var add: [FollowUpRecord] = []
        var conflicts: [FollowUpConflict] = []
        for record in sent.sorted(by: { $0.date < $1.date }) {
            if let there = held.first(where: { $0.date == record.date }) {
                if there != record {
                    conflicts.append(FollowUpConflict(date: record.date, reason: .differs(registered: there)))
                }
                continue
            }
            do throws(FollowUpProblem) {
                let checked = try FollowUpRules.check(
                    FollowUpEntry(resending: record), visit: visit, recorded: held, mode: .record, today: today)
                add.append(checked)
                held.append(checked)
            } catch {
                conflicts.append(FollowUpConflict(date: record.date, reason: .rule(error)))
            }
        }
        return (add, conflicts)
    }
}

/// A household whose personal data a purge deleted.
public struct PurgedVisit: Sendable, Equatable {
    /// The visit id.
    public var visitId: String
    /// The city id.
    public var city: String
    /// The household's last visit or follow-up.
    public var lastContact: CalendarDate

    /// A purged visit.
    public init(visitId: String, city: String, lastContact: CalendarDate) {
        self.visitId = visitId
        self.city = city
        self.lastContact = lastContact
    }
}

/// Everything a register holds about one household, for a subject-access request (GDPR Art. 15).
public struct HouseholdDisclosure: Sendable, Equatable {
    /// The visit with its documents, figures, advisor and follow-ups (documents nil once forgotten).
    public var visit: RegisteredVisit
    /// The follow-ups as recorded.
    public var followUps: [FollowUpRecord]
    /// Corrected and deleted follow-ups, with their old values.
    public var history: [FollowUpChange]
    /// Every recorded read and change of the household's data, oldest first, this disclosure included.
    public var audit: [AuditEvent]
    /// The user who first registered the visit, where the register knows users.
    public var registeredBy: String?
    /// Other users given access to the visit.
    public var assignedTo: [String]
    /// When the disclosure was made (UTC, ISO 8601).
    public var madeAt: String
    /// The register it came from (no password).
    public var register: String

    /// A disclosure.
    public init(
        visit: RegisteredVisit, followUps: [FollowUpRecord], history: [FollowUpChange], audit: [AuditEvent],
        registeredBy: String?, assignedTo: [String], madeAt: String, register: String
    ) {
        self.visit = visit
        self.followUps = followUps
        self.history = history
        self.audit = audit
        self.registeredBy = registeredBy
        self.assignedTo = assignedTo
        self.madeAt = madeAt
        self.register = register
    }
}
