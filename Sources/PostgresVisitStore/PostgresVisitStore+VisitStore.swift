import EnergyAdvice
import PostgresNIO
import VisitRecords

extension PostgresVisitStore {
    /// Saves a visit in one transaction (see ``VisitStore/save(_:replace:)``).
    public func save(_ visit: RegisteredVisit, replace: Bool) async throws(StoreError) -> SaveOutcome {
        try await transaction { connection in
            var found = try await self.lockedIdentity(connection, visit.visitId)
            if found == nil {
                if try await self.insertIfFree(visit, connection) { return .added }
                // Taken: by another transaction a moment ago (then it is seen now), or by a visit not to be seen.
                found = try await self.lockedIdentity(connection, visit.visitId)
            }
            guard let registered = found else { throw StoreError.visitIdTakenUnseen(visitId: visit.visitId) }
            let sameVisit = registered.contentHash == visit.contentHash
            if !sameVisit && !replace {
                throw StoreError.visitIdTaken(visitId: visit.visitId, registered: registered.identity)
            }
            if let forgotten = registered.forgottenAt, !replace {
                throw StoreError.forgotten(visitId: visit.visitId, at: forgotten)
            }
            if sameVisit && registered.adviceJSON == visit.documents?.adviceJSON { return .unchanged }
            var stored = visit
            stored.followUps = try await self.followUpRecords(connection, visitId: visit.visitId).map {
                FollowUpResult(visit: visit, record: $0)
            }
            try await self.update(stored, connection, documents: true)
            if registered.forgottenAt != nil {
                try await connection.query(
                    "UPDATE esp.visit SET forgotten_at = NULL WHERE visit_id = \(visit.visitId)", logger: self.logger)
            }
            return .updated
        }
    }

    /// Inserts `visit` unless its id is taken (by a visit the user cannot see, or one inserted a moment ago by
    /// another transaction); true when it was inserted.
    func insertIfFree(_ visit: RegisteredVisit, _ connection: PostgresConnection) async throws -> Bool {
        // Row-level security hides another advisor's visit; the primary key still sees it, without an error.
        try await connection.query("SAVEPOINT insert_visit", logger: logger)
        do {
            try await insert(visit, connection)
            try await connection.query("RELEASE SAVEPOINT insert_visit", logger: logger)
            return true
        } catch let error as PSQLError where PostgresErrors.sqlState(error) == "23505" {
            try await connection.query("ROLLBACK TO SAVEPOINT insert_visit", logger: logger)
            return false
        }
    }

    /// The registered visit's identity, locked for the rest of the transaction; nil when the user sees none.
    func lockedIdentity(_ connection: PostgresConnection, _ visitId: String) async throws -> Registered? {
        let rows = try await connection.query(
            """
            SELECT v.date::text, v.city, v.advisor, v.content_hash, \(unescaped: Self.iso("v.forgotten_at")),
                (SELECT d.advice_json FROM esp.visit_document d WHERE d.visit_id = v.visit_id)
            FROM esp.visit v WHERE v.visit_id = \(visitId) FOR UPDATE
            """, logger: logger)
        for try await (date, city, advisor, hash, forgotten, advice) in rows.decode(
            (String, String, String?, String, String?, String?).self)
        {
            return Registered(
                identity: RegisteredIdentity(
                    date: try Self.decodeDate(date, "date", location), city: city, advisor: advisor),
                contentHash: hash, forgottenAt: forgotten, adviceJSON: advice)
        }
        return nil
    }

    /// What a save needs to know of a registered visit.
    struct Registered {
        var identity: RegisteredIdentity
        var contentHash: String
        var forgottenAt: String?
        var adviceJSON: String?
    }

    /// One visit with its documents, the read logged (see ``VisitStore/visit(id:)``).
    public func visit(id: String) async throws(StoreError) -> RegisteredVisit {
        let found = try await transaction { connection in
            let visit = try await self.loadVisit(connection, id: id, documents: true)
            if visit != nil { try await self.logRead(connection, .viewed, [id]) }
            return visit
        }
        guard let found else { throw .unknownVisit(visitId: id) }
        return found
    }

    /// The visits of a filter the user may see, the read logged (see ``VisitStore/visits(_:)``).
    public func visits(_ filter: VisitFilter) async throws(StoreError) -> [RegisteredVisit] {
        try refuseLead("list visits")
        return try await transaction { connection in
            let (condition, binds) = Self.condition(filter)
            let visits = try await self.loadVisits(connection, where: condition, binds: binds, documents: false)
            try await self.logRead(connection, .listed, visits.map(\.visitId))
            return visits
        }
    }

    /// The cities of the visits the user may see, or of all for a lead (see ``VisitStore/cities()``).
    public func cities() async throws(StoreError) -> [String] {
        let sql =
            role == .lead ? "SELECT * FROM esp.programme_cities()" : "SELECT DISTINCT city FROM esp.visit"
        return try await transaction { connection in
            var cities: [String] = []
            for try await city in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: self.logger)
                .decode(String.self)
            {
                cities.append(city)
            }
            return cities.sorted()
        }
    }

    /// Records or corrects a follow-up (see ``VisitStore/saveFollowUp(_:mode:today:)``).
    public func saveFollowUp(_ entry: FollowUpEntry, mode: FollowUpRules.Mode, today: CalendarDate)
        async throws(StoreError) -> FollowUpResult
    {
        try await transaction { connection in
            guard try await self.lockedIdentity(connection, entry.visitId) != nil,
                var visit = try await self.loadVisit(connection, id: entry.visitId, documents: false)
            else { throw StoreError.unknownVisit(visitId: entry.visitId) }
            let recorded = try await self.followUpRecords(connection, visitId: entry.visitId)
            let record: FollowUpRecord
            do throws(FollowUpProblem) {
                record = try FollowUpRules.check(entry, visit: visit, recorded: recorded, mode: mode, today: today)
            } catch {
                throw StoreError.followUp(visitId: entry.visitId, error)
            }
            if mode == .correct, let previous = recorded.first(where: { $0.date == entry.date }) {
                try await self.keepHistory(connection, previous, change: .corrected)
                try await connection.query(
                    """
                    UPDATE esp.follow_up SET electricity_kwh_since_visit = \(record.electricityKWhSinceVisit),
                        meter_at_visit_kwh = \(record.meterAtVisitKWh), meter_now_kwh = \(record.meterNowKWh),
                        heating_kwh_per_year = \(record.heatingKWhPerYear),
                        implemented = \(record.implemented.map(\.rawValue)),
                        supply_continued = \(record.supplyContinued), agreement_reached = \(record.agreementReached),
                        recorded_at = now()
                    WHERE visit_id = \(record.visitId) AND date = \(record.date.description)::date
                    """, logger: self.logger)
            } else {
                try await self.insertFollowUp(connection, record)
            }
            let now = (recorded.filter { $0.date != record.date } + [record]).sorted { $0.date < $1.date }
            visit.followUps = now.map { FollowUpResult(visit: visit, record: $0) }
            try await self.refreshFollowUpFigures(visit, connection)
            return FollowUpResult(visit: visit, record: record)
        }
    }

    /// Deletes a follow-up, kept in the history (see ``VisitStore/deleteFollowUp(visitId:date:)``).
    public func deleteFollowUp(visitId: String, date: CalendarDate) async throws(StoreError) -> FollowUpRecord {
        try await transaction { connection in
            guard try await self.lockedIdentity(connection, visitId) != nil,
                var visit = try await self.loadVisit(connection, id: visitId, documents: false)
            else { throw StoreError.unknownVisit(visitId: visitId) }
            let recorded = try await self.followUpRecords(connection, visitId: visitId)
            guard let previous = recorded.first(where: { $0.date == date }) else {
                throw StoreError.followUp(
                    visitId: visitId, .noFollowUpOn(date: date, recorded: recorded.map(\.date)))
            }
            try await self.keepHistory(connection, previous, change: .deleted)
            try await connection.query(
                "DELETE FROM esp.follow_up WHERE visit_id = \(visitId) AND date = \(date.description)::date",
                logger: self.logger)
            visit.followUps = recorded.filter { $0.date != date }.map { FollowUpResult(visit: visit, record: $0) }
            try await self.refreshFollowUpFigures(visit, connection)
            return previous
        }
    }

    /// A visit's corrected and deleted follow-ups (see ``VisitStore/followUpHistory(visitId:)``).
    public func followUpHistory(visitId: String) async throws(StoreError) -> [FollowUpChange] {
        try await transaction { connection in try await self.history(connection, visitId: visitId) }
    }

    /// Deletes a household's personal data (see ``VisitStore/forget(visitId:)``).
    public func forget(visitId: String) async throws(StoreError) -> String {
        try await transaction { connection in
            guard let registered = try await self.lockedIdentity(connection, visitId) else {
                throw StoreError.unknownVisit(visitId: visitId)
            }
            if let at = registered.forgottenAt { return at }
            return try await self.deletePersonalData(connection, visitId: visitId)
        }
    }

    /// The register's salt for pseudonyms in exports.
    public func pseudonymSalt() async throws(StoreError) -> String { salt }

    /// Deletes a household's personal data — its documents and its advisor — keeping its figures.
    /// - Returns: when (UTC, ISO 8601).
    func deletePersonalData(_ connection: PostgresConnection, visitId: String) async throws -> String {
        var at = ""
        let rows = try await connection.query(
            """
            UPDATE esp.visit SET advisor = NULL, forgotten_at = now() WHERE visit_id = \(visitId)
            RETURNING \(unescaped: Self.iso("forgotten_at"))
            """, logger: logger)
        for try await text in rows.decode(String.self) { at = text }
        try await connection.query("DELETE FROM esp.visit_document WHERE visit_id = \(visitId)", logger: logger)
        return at
    }

    func insertFollowUp(_ connection: PostgresConnection, _ record: FollowUpRecord) async throws {
        try await connection.query(
            """
            INSERT INTO esp.follow_up (visit_id, date, electricity_kwh_since_visit, meter_at_visit_kwh, meter_now_kwh,
                heating_kwh_per_year, implemented, supply_continued, agreement_reached)
            VALUES (\(record.visitId), \(record.date.description)::date, \(record.electricityKWhSinceVisit),
                \(record.meterAtVisitKWh), \(record.meterNowKWh), \(record.heatingKWhPerYear),
                \(record.implemented.map(\.rawValue)), \(record.supplyContinued), \(record.agreementReached))
            """, logger: logger)
    }

    func keepHistory(_ connection: PostgresConnection, _ record: FollowUpRecord, change: FollowUpChange.Kind)
        async throws
    {
        try await connection.query(
            """
            INSERT INTO esp.follow_up_history (visit_id, date, change, electricity_kwh_since_visit,
                meter_at_visit_kwh, meter_now_kwh, heating_kwh_per_year, implemented, supply_continued,
                agreement_reached)
            VALUES (\(record.visitId), \(record.date.description)::date, \(change.rawValue),
                \(record.electricityKWhSinceVisit), \(record.meterAtVisitKWh), \(record.meterNowKWh),
                \(record.heatingKWhPerYear), \(record.implemented.map(\.rawValue)), \(record.supplyContinued),
                \(record.agreementReached))
            """, logger: logger)
    }

    func history(_ connection: PostgresConnection, visitId: String) async throws -> [FollowUpChange] {
        var changes: [FollowUpChange] = []
        let rows = try await connection.query(
            """
            SELECT \(unescaped: Self.followUpColumns), change, \(unescaped: Self.iso("changed_at"))
            FROM esp.follow_up_history WHERE visit_id = \(visitId) ORDER BY id
            """, logger: logger)
        for try await row in rows {
            let cells = row.makeRandomAccess()
            let text = try cells[9].decode(String.self)
            guard let kind = FollowUpChange.Kind(rawValue: text) else { throw Self.corrupt(location, "change", text) }
            changes.append(
                FollowUpChange(
                    kind: kind, previous: try Self.followUp(cells, location: location),
                    changedAt: try cells[10].decode(String.self)))
        }
        return changes
    }

    /// Logs a read of households' data: who and when are the server's.
    func logRead(_ connection: PostgresConnection, _ action: AuditAction, _ visitIds: [String], detail: String? = nil)
        async throws
    {
        guard !visitIds.isEmpty else { return }
        try await connection.query(
            "SELECT esp.log_read(\(action.rawValue), \(visitIds), \(detail))", logger: logger)
    }

    /// A lead reads aggregates only: say so before the server refuses.
    func refuseLead(_ action: String) throws(StoreError) {
        if role == .lead { throw .permissionDenied(location: location, action: action) }
    }
}
