import EnergyAdvice
import PostgresNIO
import VisitRecords

/// The audit log, subject-access disclosures, purges and transfers between registers.
extension PostgresVisitStore {
    /// The audit log of a household, oldest first (see ``VisitStore/auditTrail(visitId:)``).
    public func auditTrail(visitId: String) async throws(StoreError) -> [AuditEvent] {
        try await transaction { connection in try await self.auditEvents(connection, visitId: visitId) }
    }

    /// Everything held about a household (see ``VisitStore/disclose(visitId:)``).
    public func disclose(visitId: String) async throws(StoreError) -> HouseholdDisclosure {
        try refuseLead("read a household's data")
        return try await transaction { connection in
            guard let visit = try await self.loadVisit(connection, id: visitId, documents: true) else {
                throw StoreError.unknownVisit(visitId: visitId)
            }
            try await self.logRead(connection, .disclosed, [visitId])
            var registeredBy: String?
            var madeAt = ""
            for try await (by, now) in try await connection.query(
                """
                SELECT registered_by::text, \(unescaped: Self.iso("now()")) FROM esp.visit WHERE visit_id = \(visitId)
                """, logger: self.logger
            ).decode((String, String).self) {
                (registeredBy, madeAt) = (by, now)
            }
            var assigned: [String] = []
            for try await name in try await connection.query(
                "SELECT role_name::text FROM esp.visit_assignment WHERE visit_id = \(visitId) ORDER BY role_name",
                logger: self.logger
            ).decode(String.self) {
                assigned.append(name)
            }
            return HouseholdDisclosure(
                visit: visit, followUps: try await self.followUpRecords(connection, visitId: visitId),
                history: try await self.history(connection, visitId: visitId),
                audit: try await self.auditEvents(connection, visitId: visitId), registeredBy: registeredBy,
                assignedTo: assigned, madeAt: madeAt, register: self.location)
        }
    }

    /// Deletes the personal data past retention (see ``VisitStore/purge(city:lastContactBefore:rule:)``).
    public func purge(city: String, lastContactBefore: CalendarDate, rule: String) async throws(StoreError)
        -> [PurgedVisit]
    {
        try refuseLead("delete households' data")
        return try await transaction { connection in
            try await connection.query(
                "SELECT set_config('esp.action', 'purged', true), set_config('esp.detail', \(rule), true)",
                logger: self.logger)
            var purged: [PurgedVisit] = []
            let rows = try await connection.query(
                """
                UPDATE esp.visit SET advisor = NULL, forgotten_at = now()
                WHERE city = \(city) AND forgotten_at IS NULL AND last_contact < \(lastContactBefore.description)::date
                RETURNING visit_id, last_contact::text
                """, logger: self.logger)
            for try await (id, last) in rows.decode((String, String).self) {
                purged.append(
                    PurgedVisit(visitId: id, city: city, lastContact: try Self.decodeDate(last, "date", self.location)))
            }
            try await connection.query(
                "DELETE FROM esp.visit_document WHERE visit_id = ANY(\(purged.map(\.visitId)))", logger: self.logger)
            return purged.sorted { ($0.lastContact, $0.visitId) < ($1.lastContact, $1.visitId) }
        }
    }

    /// Visits to send to another register (see ``VisitStore/transfers(visitIds:)``).
    public func transfers(visitIds: [String]?) async throws(StoreError) -> [VisitTransfer] {
        try refuseLead("read households' data")
        return try await transaction { connection in
            var binds = PostgresBindings()
            var condition = "true"
            if let visitIds {
                binds.append(visitIds)
                condition = "v.visit_id = ANY($1)"
            }
            var visits: [RegisteredVisit] = []
            try await self.eachVisit(connection, where: condition, binds: binds, documents: true) { visits.append($0) }
            var transfers: [VisitTransfer] = []
            for visit in visits {
                transfers.append(
                    VisitTransfer(
                        visit: visit, followUps: try await self.followUpRecords(connection, visitId: visit.visitId)))
            }
            try await self.logRead(connection, .sent, visits.map(\.visitId))
            return transfers
        }
    }

    /// Takes a visit from another register (see ``VisitStore/receive(_:from:today:)``).
    public func receive(_ transfer: VisitTransfer, from: String, today: CalendarDate) async throws(StoreError)
        -> TransferOutcome
    {
        try refuseLead("add visits")
        let sent = transfer.visit
        return try await transaction { connection in
            try await connection.query(
                "SELECT set_config('esp.action', 'received', true), set_config('esp.detail', \(from), true)",
                logger: self.logger)
            var found = try await self.lockedIdentity(connection, sent.visitId)
            if found == nil {
                var visit = sent
                visit.followUps = []
                visit.forgottenAt = nil
                // The follow-ups are checked first, so the visit is written once with the figures they give.
                let (add, conflicts) = FollowUpMerge.plan(
                    sent: transfer.followUps, visit: visit, recorded: [], today: today)
                let bare = visit
                visit.followUps = add.map { FollowUpResult(visit: bare, record: $0) }
                if try await self.insertIfFree(visit, connection) {
                    for record in add { try await self.insertFollowUp(connection, record) }
                    return TransferOutcome(
                        visitId: sent.visitId, visit: .added, followUpsAdded: add.map(\.date),
                        followUpConflicts: conflicts)
                }
                found = try await self.lockedIdentity(connection, sent.visitId)
            }
            guard let registered = found else {
                return TransferOutcome(visitId: sent.visitId, visit: .refused(.otherVisit(registered: nil)))
            }
            if registered.contentHash != sent.contentHash {
                return TransferOutcome(
                    visitId: sent.visitId, visit: .refused(.otherVisit(registered: registered.identity)))
            }
            if let at = registered.forgottenAt {
                return TransferOutcome(visitId: sent.visitId, visit: .refused(.forgotten(at: at)))
            }
            guard let here = try await self.loadVisit(connection, id: sent.visitId, documents: false) else {
                throw StoreError.unknownVisit(visitId: sent.visitId)
            }
            let recorded = try await self.followUpRecords(connection, visitId: sent.visitId)
            let (add, conflicts) = FollowUpMerge.plan(
                sent: transfer.followUps, visit: here, recorded: recorded, today: today)
            try await self.record(add, for: here, recorded: recorded, connection)
            return TransferOutcome(
                visitId: sent.visitId, visit: .present, followUpsAdded: add.map(\.date), followUpConflicts: conflicts)
        }
    }

    /// Inserts follow-ups that ``VisitRecords/FollowUpMerge`` accepted and updates the visit's figures.
    func record(
        _ add: [FollowUpRecord], for visit: RegisteredVisit, recorded: [FollowUpRecord],
        _ connection: PostgresConnection
    ) async throws {
        guard !add.isEmpty else { return }
        for record in add { try await insertFollowUp(connection, record) }
        var updated = visit
        updated.followUps = (recorded + add).sorted { $0.date < $1.date }.map {
            FollowUpResult(visit: visit, record: $0)
        }
        try await refreshFollowUpFigures(updated, connection)
    }

    func auditEvents(_ connection: PostgresConnection, visitId: String) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        let rows = try await connection.query(
            """
            SELECT \(unescaped: Self.iso("at")), actor, action, visit_id, detail FROM esp.audit_event
            WHERE visit_id = \(visitId) ORDER BY id
            """, logger: logger)
        for try await (at, actor, action, id, detail) in rows.decode((String, String, String, String, String?).self) {
            events.append(
                AuditEvent(
                    at: at, actor: actor, action: try Self.decodeEnum(action, "action", location), visitId: id,
                    detail: detail))
        }
        return events
    }
}
