import EnergyAdvice
import GRDB
import VisitRecords

extension SQLiteVisitStore {
    /// Saves one visit in its own transaction (see VisitStore/save(_:replace:)).
    public func save(_ visit: RegisteredVisit, replace: Bool) async throws(StoreError) -> SaveOutcome {
        let now = clock()
        let actor = self.actor
        return try write { db in try Self.save(db, visit, replace: replace, now: now, path: path, actor: actor) }
    }

    /// Up to ``batchSize`` visits a transaction, each in its own savepoint: a refused visit rolls back alone, and a
    /// commit (with its sync to disk) serves many visits.
    public func saveAll(_ visits: [RegisteredVisit], replace: Bool) async -> [Result<SaveOutcome, StoreError>] {
        var results: [Result<SaveOutcome, StoreError>] = []
        let path = self.path
        let actor = self.actor
        for start in stride(from: 0, to: visits.count, by: Self.batchSize) {
            let batch = visits[start..<min(start + Self.batchSize, visits.count)]
            let now = clock()
            do throws(StoreError) {
                results += try write { db in
                    batch.map { visit in
                        do {
                            var outcome = SaveOutcome.unchanged
                            try db.inSavepoint {
                                outcome = try Self.save(db, visit, replace: replace, now: now, path: path, actor: actor)
                                return .commit
                            }
                            return .success(outcome)
                        } catch {
                            return .failure(Self.map(error, path: path, busyTimeout: busyTimeout))
                        }
                    }
                }
            } catch {
                results += batch.map { _ in .failure(error) }
            }
        }
        return results
    }

    /// Visits a transaction of ``saveAll(_:replace:)``.
    static let batchSize = 100

    /// Inserts, updates or refuses one visit inside the caller's transaction.
    static func save(
        _ db: Database, _ visit: RegisteredVisit, replace: Bool, now: String, path: String, actor: String
    ) throws
        -> SaveOutcome
    {
        do {
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT v.date, v.city, v.advisor, v.content_hash, v.forgotten_at, d.advice_json, v.added_at
                    FROM visit v LEFT JOIN visit_document d USING (visit_id) WHERE visit_id = ?
                    """, arguments: [visit.visitId])
            var stored = visit
            stored.updatedAt = now
            guard let row else {
                stored.addedAt = now
                try Self.store(db, stored)
                try Self.audit(db, .added, visitId: visit.visitId, actor: actor, at: now)
                return .added
            }
            let sameVisit = (row[3] as String) == visit.contentHash
            if !sameVisit && !replace {
                throw StoreError.visitIdTaken(
                    visitId: visit.visitId,
                    registered: RegisteredIdentity(
                        date: try Self.decodeDate(row, 0, "date", path: path), city: row[1], advisor: row[2]))
            }
            if let forgotten: String = row[4], !replace {
                throw StoreError.forgotten(visitId: visit.visitId, at: forgotten)
            }
            if sameVisit, (row[5] as String?) == visit.documents?.adviceJSON { return .unchanged }
            stored.addedAt = row[6]
            try Self.store(db, stored)
            if row[4] as String? != nil {
                try db.execute(
                    sql: "UPDATE visit SET forgotten_at = NULL WHERE visit_id = ?", arguments: [visit.visitId])
            }
            try Self.audit(
                db, .updated, visitId: visit.visitId, actor: actor, at: now, detail: sameVisit ? nil : "replaced")
            return .updated
        }
    }

    /// One visit with its documents (see VisitStore/visit(id:)).
    public func visit(id: String) async throws(StoreError) -> RegisteredVisit {
        let path = self.path
        let (now, actor) = (clock(), self.actor)
        let found = try auditedRead { db, log in
            let visits = try Self.loadVisits(db, path: path, visitId: id, documents: true)
            if log && !visits.isEmpty { try Self.audit(db, .viewed, visitId: id, actor: actor, at: now) }
            return visits
        }
        guard let visit = found.first else { throw .unknownVisit(visitId: id) }
        return visit
    }

    /// The visits in a filter (see VisitStore/visits(_:)).
    public func visits(_ filter: VisitFilter) async throws(StoreError) -> [RegisteredVisit] {
        let path = self.path
        let (now, actor) = (clock(), self.actor)
        return try auditedRead { db, log in
            if log {
                let (whereClause, arguments) = Self.conditions(filter, visitId: nil)
                try db.execute(
                    sql: "INSERT INTO audit_event (at, actor, action, visit_id) SELECT ?, ?, 'listed', visit_id "
                        + "FROM visit" + whereClause,
                    arguments: [now, actor] + arguments)
            }
            return try Self.loadVisits(db, path: path, filter: filter)
        }
    }

    /// The cities of the registered visits, sorted.
    public func cities() async throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT city FROM visit ORDER BY city") }
    }

    /// The summary, summed as the rows are read, one visit at a time.
    public func summary(_ filter: VisitFilter) async throws(StoreError) -> ProgrammeSummary {
        let path = self.path
        return try read { db in
            var sums = ProgrammeSummary.Accumulator(filter: filter)
            try Self.eachVisit(db, path: path, filter: filter) { sums.add($0) }
            return sums.summary()
        }
    }

    /// Records or corrects a follow-up after FollowUpRules accepted it, in one transaction.
    public func saveFollowUp(
        _ entry: FollowUpEntry, mode: FollowUpRules.Mode, today: CalendarDate
    ) async throws(StoreError) -> FollowUpResult {
        let path = self.path
        let now = clock()
        let actor = self.actor
        return try write { db in
            guard let visit = try Self.loadVisits(db, path: path, visitId: entry.visitId).first else {
                throw StoreError.unknownVisit(visitId: entry.visitId)
            }
            let recorded = try Self.followUps(db, visitId: entry.visitId, path: path)
            let record: FollowUpRecord
            do throws(FollowUpProblem) {
                record = try FollowUpRules.check(entry, visit: visit, recorded: recorded, mode: mode, today: today)
            } catch {
                throw StoreError.followUp(visitId: entry.visitId, error)
            }
            if mode == .correct, let previous = recorded.first(where: { $0.date == entry.date }) {
                try Self.keepHistory(db, previous, change: .corrected, at: now)
                try db.execute(
                    sql: "DELETE FROM follow_up WHERE visit_id = ? AND date = ?",
                    arguments: [entry.visitId, entry.date.description])
            }
            try Self.insertFollowUp(db, record, at: now)
            try Self.audit(
                db, mode == .correct ? .followUpCorrected : .followUpRecorded, visitId: entry.visitId, actor: actor,
                at: now, detail: entry.date.description)
            return FollowUpResult(visit: visit, record: record)
        }
    }

    /// Deletes a follow-up, keeping its values in the history.
    public func deleteFollowUp(visitId: String, date: CalendarDate) async throws(StoreError) -> FollowUpRecord {
        let path = self.path
        let now = clock()
        let actor = self.actor
        return try write { db in
            guard
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM visit WHERE visit_id = ?)", arguments: [visitId])
                    == true
            else { throw StoreError.unknownVisit(visitId: visitId) }
            let recorded = try Self.followUps(db, visitId: visitId, path: path)
            guard let previous = recorded.first(where: { $0.date == date }) else {
                throw StoreError.followUp(
                    visitId: visitId, .noFollowUpOn(date: date, recorded: recorded.map(\.date)))
            }
            try Self.keepHistory(db, previous, change: .deleted, at: now)
            try db.execute(
                sql: "DELETE FROM follow_up WHERE visit_id = ? AND date = ?", arguments: [visitId, date.description])
            try Self.audit(db, .followUpDeleted, visitId: visitId, actor: actor, at: now, detail: date.description)
            return previous
        }
    }

    /// The corrections and deletions of a visit's follow-ups, oldest first.
    public func followUpHistory(visitId: String) async throws(StoreError) -> [FollowUpChange] {
        let path = self.path
        return try read { db in try Self.history(db, visitId: visitId, path: path) }
    }

    static func history(_ db: Database, visitId: String, path: String) throws -> [FollowUpChange] {
        try Row.fetchAll(
            db,
            sql: "SELECT \(Self.followUpColumns), change, changed_at FROM follow_up_history WHERE visit_id = ? "
                + "ORDER BY changed_at, rowid", arguments: [visitId]
        ).map { row in
            let text: String = row[9]
            guard let kind = FollowUpChange.Kind(rawValue: text) else { throw Self.corrupt(path, "change", text) }
            return FollowUpChange(kind: kind, previous: try Self.followUp(row, path: path), changedAt: row[10])
        }
    }

    /// Deletes the visit's documents and advisor, keeps its figures.
    public func forget(visitId: String) async throws(StoreError) -> String {
        let now = clock()
        let actor = self.actor
        return try write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT forgotten_at FROM visit WHERE visit_id = ?", arguments: [visitId])
            else { throw StoreError.unknownVisit(visitId: visitId) }
            if let at: String = row[0] { return at }
            try Self.deletePersonalData(db, visitId: visitId, at: now)
            try Self.audit(db, .forgotten, visitId: visitId, actor: actor, at: now)
            return now
        }
    }

    /// Deletes a household's personal data — the visit and advice documents, the advisor — and keeps its figures.
    static func deletePersonalData(_ db: Database, visitId: String, at now: String) throws {
        try db.execute(sql: "DELETE FROM visit_document WHERE visit_id = ?", arguments: [visitId])
        try db.execute(
            sql: "UPDATE visit SET advisor = NULL, source_path = NULL, forgotten_at = ? WHERE visit_id = ?",
            arguments: [now, visitId])
    }

    /// The random salt made with the register.
    public func pseudonymSalt() async throws(StoreError) -> String { salt }

    /// Keeps a follow-up's values before it is corrected or deleted.
    static func keepHistory(_ db: Database, _ record: FollowUpRecord, change: FollowUpChange.Kind, at now: String)
        throws
    {
        try db.execute(
            sql: """
                INSERT INTO follow_up_history (visit_id, date, electricity_kwh_since_visit, meter_at_visit_kwh,
                    meter_now_kwh, heating_kwh_per_year, implemented, change, changed_at, supply_continued,
                    agreement_reached)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.visitId, record.date.description, record.electricityKWhSinceVisit, record.meterAtVisitKWh,
                record.meterNowKWh, record.heatingKWhPerYear, record.implemented.map(\.rawValue).joined(separator: ","),
                change.rawValue, now, record.supplyContinued, record.agreementReached,
            ])
    }
}
