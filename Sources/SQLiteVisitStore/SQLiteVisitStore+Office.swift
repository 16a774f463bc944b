import EnergyAdvice
import GRDB
import VisitRecords

/// The audit log, subject-access disclosures, purges and transfers between registers.
extension SQLiteVisitStore {
    /// The audit log of a household, oldest first (see ``VisitStore/auditTrail(visitId:)``).
    public func auditTrail(visitId: String) async throws(StoreError) -> [AuditEvent] {
        let path = self.path
        return try read { db in try Self.auditEvents(db, visitId: visitId, path: path) }
    }

    /// Everything held about a household (see ``VisitStore/disclose(visitId:)``).
    public func disclose(visitId: String) async throws(StoreError) -> HouseholdDisclosure {
        let path = self.path
        let (now, actor) = (clock(), self.actor)
        return try auditedRead { db, log in
            guard let visit = try Self.loadVisits(db, path: path, visitId: visitId, documents: true).first else {
                throw StoreError.unknownVisit(visitId: visitId)
            }
            if log { try Self.audit(db, .disclosed, visitId: visitId, actor: actor, at: now) }
            return HouseholdDisclosure(
                visit: visit, followUps: try Self.followUps(db, visitId: visitId, path: path),
                history: try Self.history(db, visitId: visitId, path: path),
                audit: try Self.auditEvents(db, visitId: visitId, path: path), registeredBy: nil, assignedTo: [],
                madeAt: now, register: path)
        }
    }

    /// Deletes the personal data past retention (see ``VisitStore/purge(city:lastContactBefore:rule:)``).
    public func purge(city: String, lastContactBefore: CalendarDate, rule: String) async throws(StoreError)
        -> [PurgedVisit]
    {
        let path = self.path
        let (now, actor) = (clock(), self.actor)
        return try write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT v.visit_id, max(v.date, coalesce((SELECT max(f.date) FROM follow_up f
                        WHERE f.visit_id = v.visit_id), v.date)) AS last_contact
                    FROM visit v WHERE v.city = ? AND v.forgotten_at IS NULL AND last_contact < ?
                    ORDER BY last_contact, v.visit_id
                    """, arguments: [city, lastContactBefore.description])
            return try rows.map { row in
                let visitId: String = row[0]
                try Self.deletePersonalData(db, visitId: visitId, at: now)
                try Self.audit(db, .purged, visitId: visitId, actor: actor, at: now, detail: rule)
                return PurgedVisit(
                    visitId: visitId, city: city, lastContact: try Self.decodeDate(row, 1, "date", path: path))
            }
        }
    }

    /// Visits to send to another register (see ``VisitStore/transfers(visitIds:)``).
    public func transfers(visitIds: [String]?) async throws(StoreError) -> [VisitTransfer] {
        let path = self.path
        let (now, actor) = (clock(), self.actor)
        return try auditedRead { db, log in
            var transfers: [VisitTransfer] = []
            let wanted = visitIds.map(Set.init)
            try Self.eachVisit(db, path: path, documents: true) { visit in
                guard wanted?.contains(visit.visitId) ?? true else { return }
                transfers.append(
                    VisitTransfer(visit: visit, followUps: try Self.followUps(db, visitId: visit.visitId, path: path)))
                if log { try Self.audit(db, .sent, visitId: visit.visitId, actor: actor, at: now) }
            }
            return transfers
        }
    }

    /// Takes a visit from another register (see ``VisitStore/receive(_:from:today:)``).
    public func receive(_ transfer: VisitTransfer, from: String, today: CalendarDate) async throws(StoreError)
        -> TransferOutcome
    {
        let path = self.path
        let (now, actor) = (clock(), self.actor)
        let sent = transfer.visit
        return try write { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT date, city, advisor, content_hash, forgotten_at FROM visit WHERE visit_id = ?",
                arguments: [sent.visitId])
            let result: TransferOutcome.VisitResult
            var visit = sent
            var recorded: [FollowUpRecord] = []
            if let row {
                if (row[3] as String) != sent.contentHash {
                    let registered = RegisteredIdentity(
                        date: try Self.decodeDate(row, 0, "date", path: path), city: row[1], advisor: row[2])
                    return TransferOutcome(visitId: sent.visitId, visit: .refused(.otherVisit(registered: registered)))
                }
                if let at: String = row[4] {
                    return TransferOutcome(visitId: sent.visitId, visit: .refused(.forgotten(at: at)))
                }
                guard let here = try Self.loadVisits(db, path: path, visitId: sent.visitId).first else {
                    throw StoreError.unknownVisit(visitId: sent.visitId)
                }
                visit = here
                recorded = try Self.followUps(db, visitId: sent.visitId, path: path)
                result = .present
            } else {
                var stored = sent
                stored.followUps = []
                stored.forgottenAt = nil
                try Self.store(db, stored)
                result = .added
            }
            let (add, conflicts) = FollowUpMerge.plan(
                sent: transfer.followUps, visit: visit, recorded: recorded, today: today)
            if result == .added {
                try Self.audit(db, .received, visitId: sent.visitId, actor: actor, at: now, detail: from)
            }
            for record in add {
                try Self.insertFollowUp(db, record, at: now)
                try Self.audit(
                    db, .followUpRecorded, visitId: sent.visitId, actor: actor, at: now, detail: record.date.description
                )
            }
            return TransferOutcome(
                visitId: sent.visitId, visit: result, followUpsAdded: add.map(\.date), followUpConflicts: conflicts)
        }
    }

    /// Adds one entry to the audit log.
    static func audit(
        _ db: Database, _ action: AuditAction, visitId: String, actor: String, at now: String, detail: String? = nil
    ) throws {
        try db.cachedStatement(
            sql: "INSERT INTO audit_event (at, actor, action, visit_id, detail) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [now, actor, action.rawValue, visitId, detail])
    }

    static func auditEvents(_ db: Database, visitId: String, path: String) throws -> [AuditEvent] {
        try Row.fetchAll(
            db, sql: "SELECT at, actor, action, visit_id, detail FROM audit_event WHERE visit_id = ? ORDER BY id",
            arguments: [visitId]
        ).map { row in
            let text: String = row[2]
            guard let action = AuditAction(rawValue: text) else { throw corrupt(path, "action", text) }
            return AuditEvent(at: row[0], actor: row[1], action: action, visitId: row[3], detail: row[4])
        }
    }

    /// Inserts a follow-up that ``FollowUpRules`` accepted.
    static func insertFollowUp(_ db: Database, _ record: FollowUpRecord, at now: String) throws {
        try db.execute(
            sql: """
                INSERT INTO follow_up (visit_id, date, electricity_kwh_since_visit, meter_at_visit_kwh,
                    meter_now_kwh, heating_kwh_per_year, implemented, recorded_at, supply_continued, agreement_reached)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.visitId, record.date.description, record.electricityKWhSinceVisit, record.meterAtVisitKWh,
                record.meterNowKWh, record.heatingKWhPerYear, record.implemented.map(\.rawValue).joined(separator: ","),
                now, record.supplyContinued, record.agreementReached,
            ])
    }
}
