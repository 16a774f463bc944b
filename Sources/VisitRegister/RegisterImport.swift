import AdviceData
import AdviceReport
import EnergyAdvice
import Foundation
import GRDB
import JSONText

extension VisitRegister {
    /// Adds visit files, each in its own transaction: a file that cannot be read, checked or advised adds nothing
    /// and is reported, the others are still added. A visit id already in the register is updated, not duplicated;
    /// its follow-ups are kept.
    ///
    /// - Parameters:
    ///   - visitPaths: `esp-visit/1` files.
    ///   - session: the tariffs to advise with.
    ///   - adviceJSON: the text stored as the visit's advice document, by default the full `esp-advice/2` document
    ///     on one line.
    /// - Returns: one result per path, in the order given.
    public func add(
        visitPaths: [String], session: AdviceSession, replace: Bool = false,
        adviceJSON: (Advice) -> String = { AdviceJSON.compact($0) }
    ) -> [ImportResult] {
        visitPaths.map { path in
            do throws(RegisterError) {
                let id = try add(visitPath: path, session: session, replace: replace, adviceJSON: adviceJSON)
                return ImportResult(
                    path: path, outcome: id.existed ? .updated(visitId: id.visitId) : .added(visitId: id.visitId))
            } catch {
                return ImportResult(path: path, outcome: .failed(error))
            }
        }
    }

    private func add(
        visitPath path: String, session: AdviceSession, replace: Bool,
        adviceJSON: (Advice) -> String
    ) throws(RegisterError) -> (visitId: String, existed: Bool) {
        let visit: Visit
        let advice: Advice
        do throws(DataError) {
            visit = try VisitDecoder.load(path: path)
            advice = try session.advise(visit, path: path).advice
        } catch {
            throw .visitFile(error)
        }
        let visitText = VisitEncoder.text(visit)
        let adviceText = adviceJSON(advice)
        let now = Self.timestamp()
        let existed = try write { db in
            try Self.checkIdentity(db, visitId: visit.visitId, path: path, visitJSON: visitText, replace: replace)
            return try Self.store(
                db, visit: visit, advice: advice, visitJSON: visitText, adviceJSON: adviceText, sourcePath: path,
                now: now)
        }
        return (visit.visitId, existed)
    }

    /// A visit id names one household's visit. Re-adding the same file (the same path, or the same visit) updates
    /// it; a different visit under a registered id is refused unless `replace`, so no household silently replaces
    /// another.
    static func checkIdentity(
        _ db: Database, visitId: String, path: String, visitJSON: String, replace: Bool
    ) throws {
        guard !replace,
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT source_path, date, city, visit_json FROM visit JOIN visit_document USING (visit_id)
                    WHERE visit_id = ?
                    """, arguments: [visitId])
        else { return }
        let registeredPath: String? = row[0]
        let registeredJSON: String = row[3]
        if registeredPath == path || registeredJSON == visitJSON { return }
        throw RegisterError.visitIdTaken(
            visitId: visitId, path: path, registeredPath: registeredPath, registeredDate: row[1], registeredCity: row[2]
        )
    }

    /// Inserts or updates one visit and replaces its measures; returns whether it was already there.
    static func store(
        _ db: Database, visit: Visit, advice: Advice, visitJSON: String, adviceJSON: String, sourcePath: String?,
        now: String
    ) throws -> Bool {
        let existed =
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM visit WHERE visit_id = ?)"),
                arguments: [advice.visitId]) ?? false
        let electricity = advice.tariffs.first { $0.use == .electricity }
        let heatingTariff = advice.tariffs.first { $0.use == .heating }
        func co2(_ carrier: EnergyCarrier?) -> Double? {
            guard let carrier else { return nil }
            return advice.tariffs.first { $0.use == .co2 && $0.carrier == carrier }?.co2KgPerKWh
        }
        let t = advice.totals
        let payer =
            advice.household.heatingCostsPaidBy
            ?? VisitRules.defaultHousingCostPayer(for: advice.household.benefit ?? .none)
        let values: [(String, (any DatabaseValueConvertible)?)] = [
            ("visit_id", advice.visitId),
            ("date", advice.date.description),
            ("city", advice.city),
            ("language", advice.language),
            ("benefit", (advice.household.benefit ?? .none).rawValue),
            ("persons", advice.household.persons),
            ("heating_paid_by", payer.rawValue),
            ("electricity_kwh", advice.electricity.annualKWh),
            ("electricity_eur_per_kwh", (electricity?.energyPriceCtPerKWh ?? 0) / 100),
            ("electricity_co2_kg_per_kwh", co2(.electricity)),
            ("heating_fuel", advice.heating?.fuel.rawValue),
            ("heating_kwh", advice.heating?.annualKWh),
            ("heating_estimated", advice.heating.map(\.estimated)),
            ("heating_eur_per_kwh", advice.heating == nil ? nil : heatingTariff?.energyPriceCtPerKWh.map { $0 / 100 }),
            ("heating_co2_kg_per_kwh", co2(advice.heating?.fuel.carrier)),
            ("saved_electricity_kwh", t.electricityKWh),
            ("saved_heat_kwh", t.heatKWh),
            ("saved_water_m3", t.waterM3),
            ("saving_eur", t.savingEUR),
            ("household_eur", t.householdEUR),
            ("public_eur", t.publicEUR),
            ("landlord_eur", t.landlordEUR),
            ("co2_kg", t.co2Kg),
            ("jobcenter_eur", t.split.jobcenter),
            ("social_office_eur", t.split.socialOffice),
            ("range_low_eur", t.range.lowEUR),
            ("range_high_eur", t.range.highEUR),
            ("tariff_switch_eur", t.tariffSwitchEUR),
            ("heating_bill_share", advice.heating?.consumptionShare),
            ("source_path", sourcePath),
            ("meter_reading_kwh", visit.electricity.meterReading?.kWh),
            ("rules_version", Advice.rulesVersion),
            ("added_at", now),
            ("updated_at", now),
        ]
        try db.cachedStatement(sql: upsertSQL(columns: values.map(\.0))).execute(
            arguments: StatementArguments(values.map(\.1)))

        try db.cachedStatement(
            sql: """
                INSERT INTO visit_document (visit_id, visit_json, advice_json) VALUES (?, ?, ?)
                ON CONFLICT (visit_id) DO UPDATE SET visit_json = excluded.visit_json, advice_json = excluded.advice_json
                """
        ).execute(arguments: [advice.visitId, visitJSON, adviceJSON])
        try db.cachedStatement(sql: "DELETE FROM measure WHERE visit_id = ?").execute(arguments: [advice.visitId])
        for (position, m) in advice.measures.filter(\.recommended).enumerated() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO measure (visit_id, position, kind, electricity_kwh, heat_kwh, water_m3, saving_eur, co2_kg,
                        investment_eur, voucher_eur, beneficiary, household_eur, public_eur, landlord_eur,
                        installed_at_visit, items, programme_cost_eur)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                advice.visitId, position, m.kind.rawValue, m.electricityKWh, m.heatKWh, m.waterM3, m.savingEUR,
                m.co2Kg, m.investmentEUR, m.voucherEUR, m.beneficiary.rawValue, m.split.household,
                m.split.publicEUR, m.split.landlord, m.installedAtVisit, m.items, m.programmeCostEUR,
            ])
        }
        return existed
    }

    /// The insert-or-update of a visit row; the same text for every visit, so SQLite prepares it once.
    static func upsertSQL(columns: [String]) -> String {
        let updated = columns.filter { $0 != "visit_id" && $0 != "added_at" }
        return "INSERT INTO visit (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ") "
            + "ON CONFLICT (visit_id) DO UPDATE SET " + updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }

    /// Every registered visit, oldest visit date first (then by id).
    public func list() throws(RegisterError) -> [RegisteredVisit] {
        try read { db in try Self.loadVisits(db, path: path) }
    }

    /// The visits whose date and city match `filter`.
    public func visits(_ filter: SummaryFilter) throws(RegisterError) -> [RegisteredVisit] {
        try read { db in try Self.loadVisits(db, path: path, filter: filter) }
    }

    /// The city ids of the registered visits, sorted.
    public func cities() throws(RegisterError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT city FROM visit ORDER BY city") }
    }

    /// One registered visit.
    public func show(visitId: String) throws(RegisterError) -> RegisteredVisit {
        let found = try read { db in try Self.loadVisits(db, path: path, visitId: visitId, documents: true) }
        guard let visit = found.first else { throw .unknownVisit(visitId: visitId) }
        return visit
    }

    /// Loads visits with their measures and follow-ups in three queries.
    static func loadVisits(
        _ db: Database, path: String, filter: SummaryFilter = SummaryFilter(),
        visitId: String? = nil, documents: Bool = false
    ) throws -> [RegisteredVisit] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let visitId {
            conditions.append("visit_id = ?")
            arguments.append(visitId)
        }
        if let from = filter.from {
            conditions.append("date >= ?")
            arguments.append(from.description)
        }
        if let to = filter.to {
            conditions.append("date <= ?")
            arguments.append(to.description)
        }
        if let city = filter.city {
            conditions.append("city = ?")
            arguments.append(city)
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        // Without a filter every row belongs: a membership test per measure row would only cost time.
        let ofSelected = conditions.isEmpty ? "" : " WHERE visit_id IN (SELECT visit_id FROM visit\(whereClause))"
        let args = StatementArguments(arguments)

        var implemented: [Int64: [MeasureKind]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT follow_up_id, kind FROM follow_up_measure WHERE follow_up_id IN
                    (SELECT id FROM follow_up\(ofSelected))
                """, arguments: args)
        {
            let id: Int64 = try row.decode(atIndex: 0)
            implemented[id, default: []].append(try decodeEnum(row, 1, "kind", path: path))
        }
        var followUps: [String: [StoredFollowUp]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT \(StoredFollowUp.columns) FROM follow_up\(ofSelected) ORDER BY visit_id, date",
            arguments: args)
        {
            let id: Int64 = try row.decode(atIndex: 6)
            var stored = try StoredFollowUp(row, path: path)
            stored.implemented = MeasureKind.allCases.filter { (implemented[id] ?? []).contains($0) }
            followUps[stored.visitId, default: []].append(stored)
        }
        // Visits and measures both in visit-id order, merged as they come: no dictionary of 100,000 ids.
        let measureRows = try Row.fetchCursor(
            db,
            sql: "SELECT \(measureColumns) FROM measure\(ofSelected) "
                + "ORDER BY visit_id, position", arguments: args)
        var pending = try measureRows.next().map { try measure($0, path: path) }
        let sql =
            documents
            ? "SELECT \(visitColumns), visit_json, advice_json FROM visit JOIN visit_document USING (visit_id)"
            : "SELECT \(visitColumns) FROM visit"
        var visits: [RegisteredVisit] = []
        let rows = try Row.fetchCursor(db, sql: sql + whereClause + " ORDER BY visit_id", arguments: args)
        while let row = try rows.next() {
            var measures: [RegisteredMeasure] = []
            let id: String = try row.decode(atIndex: 0)
            while let (visitId, measure) = pending, visitId == id {
                measures.append(measure)
                pending = try measureRows.next().map { try Self.measure($0, path: path) }
            }
            var visit = try Self.visit(row, path: path, measures: measures, documents: documents)
            visit.followUps = (followUps[id] ?? []).map { FollowUpResult(visit: visit, stored: $0) }
            visits.append(visit)
        }
        visits.sort { ($0.date, $0.visitId) < ($1.date, $1.visitId) }
        return visits
    }

    // Rows are decoded by position in these column lists: GRDB's decoding by name hashes the name for every
    // value, which was the largest cost of a summary over 100,000 visits.
    static let visitColumns = """
        visit_id, date, city, language, benefit, persons, heating_paid_by, electricity_kwh, electricity_eur_per_kwh, \
        electricity_co2_kg_per_kwh, heating_fuel, heating_kwh, heating_estimated, heating_eur_per_kwh, \
        heating_co2_kg_per_kwh, saved_electricity_kwh, saved_heat_kwh, saved_water_m3, saving_eur, household_eur, \
        public_eur, landlord_eur, co2_kg, rules_version, added_at, updated_at, jobcenter_eur, social_office_eur, \
        range_low_eur, range_high_eur, tariff_switch_eur, heating_bill_share, source_path, meter_reading_kwh
        """
    static let measureColumns = """
        visit_id, kind, electricity_kwh, heat_kwh, water_m3, saving_eur, co2_kg, investment_eur, voucher_eur, \
        beneficiary, household_eur, public_eur, landlord_eur, installed_at_visit, items, programme_cost_eur
        """

    /// A visit from a row of `visitColumns` (then `visit_json`, `advice_json` when `documents`).
    static func visit(_ row: Row, path: String, measures: [RegisteredMeasure], documents: Bool) throws
        -> RegisteredVisit
    {
        var heating: RegisteredHeating?
        if let fuelText: String = try row.decode(atIndex: 10) {
            guard let fuel = HeatingFuel(rawValue: fuelText) else { throw corrupt(path, "heating_fuel", fuelText) }
            let share: Double? = try row.decode(atIndex: 31)
            heating = RegisteredHeating(
                fuel: fuel, annualKWh: try row.decode(atIndex: 11), estimated: try row.decode(atIndex: 12),
                billShare: share ?? 1)
        }
        return RegisteredVisit(
            visitId: try row.decode(atIndex: 0),
            date: try decodeDate(row, 1, "date", path: path),
            city: try row.decode(atIndex: 2),
            language: try row.decode(atIndex: 3),
            benefit: try decodeEnum(row, 4, "benefit", path: path),
            persons: try row.decode(atIndex: 5),
            heatingCostsPaidBy: try decodeEnum(row, 6, "heating_paid_by", path: path),
            electricityKWh: try row.decode(atIndex: 7),
            heating: heating,
            prices: RegisteredPrices(
                electricityEURPerKWh: try row.decode(atIndex: 8),
                electricityCO2KgPerKWh: try row.decode(atIndex: 9),
                heatingEURPerKWh: try row.decode(atIndex: 13),
                heatingCO2KgPerKWh: try row.decode(atIndex: 14)
            ),
            rulesVersion: try row.decode(atIndex: 23),
            totals: Totals(
                electricityKWh: try row.decode(atIndex: 15),
                heatKWh: try row.decode(atIndex: 16),
                waterM3: try row.decode(atIndex: 17),
                savingEUR: try row.decode(atIndex: 18),
                householdEUR: try row.decode(atIndex: 19),
                publicEUR: try row.decode(atIndex: 20),
                landlordEUR: try row.decode(atIndex: 21),
                co2Kg: try row.decode(atIndex: 22),
                split: PayerSplit(
                    household: try row.decode(atIndex: 19), jobcenter: try row.decode(atIndex: 26),
                    socialOffice: try row.decode(atIndex: 27), landlord: try row.decode(atIndex: 21)),
                range: try Self.range(row),
                tariffSwitchEUR: try row.decode(atIndex: 30)
            ),
            measures: measures,
            followUps: [],
            documents: documents
                ? RegisteredDocuments(visitJSON: try row.decode(atIndex: 34), adviceJSON: try row.decode(atIndex: 35))
                : nil,
            sourcePath: try row.decode(atIndex: 32),
            meterReadingKWh: try row.decode(atIndex: 33),
            addedAt: try row.decode(atIndex: 24),
            updatedAt: try row.decode(atIndex: 25)
        )
    }

    /// The range of the expected savings; a visit advised under rules v1 has none, so its saving stands for both ends.
    static func range(_ row: Row) throws -> EURRange {
        let saving: Double = try row.decode(atIndex: 18)
        let low: Double? = try row.decode(atIndex: 28)
        let high: Double? = try row.decode(atIndex: 29)
        return EURRange(lowEUR: low ?? saving, highEUR: high ?? saving)
    }

    /// The visit id and the measure of a row of `measureColumns`.
    static func measure(_ row: Row, path: String) throws -> (visitId: String, measure: RegisteredMeasure) {
        (
            try row.decode(atIndex: 0),
            RegisteredMeasure(
                kind: try decodeEnum(row, 1, "kind", path: path),
                electricityKWh: try row.decode(atIndex: 2),
                heatKWh: try row.decode(atIndex: 3),
                waterM3: try row.decode(atIndex: 4),
                savingEUR: try row.decode(atIndex: 5),
                co2Kg: try row.decode(atIndex: 6),
                investmentEUR: try row.decode(atIndex: 7),
                voucherEUR: try row.decode(atIndex: 8),
                beneficiary: try decodeEnum(row, 9, "beneficiary", path: path),
                householdEUR: try row.decode(atIndex: 10),
                publicEUR: try row.decode(atIndex: 11),
                landlordEUR: try row.decode(atIndex: 12),
                installedAtVisit: try row.decode(atIndex: 13),
                items: try row.decode(atIndex: 14),
                programmeCostEUR: try row.decode(atIndex: 15)
            )
        )
    }

    static func decodeEnum<T: RawRepresentable>(_ row: Row, _ index: Int, _ column: String, path: String) throws -> T
    where T.RawValue == String {
        let text: String = try row.decode(atIndex: index)
        guard let value = T(rawValue: text) else { throw corrupt(path, column, text) }
        return value
    }

    static func decodeDate(_ row: Row, _ index: Int, _ column: String, path: String) throws -> CalendarDate {
        let text: String = try row.decode(atIndex: index)
        guard let date = CalendarDate(iso: text) else { throw corrupt(path, column, text) }
        return date
    }

    static func decodeEnum<T: RawRepresentable>(_ row: Row, _ column: String, path: String) throws -> T
    where T.RawValue == String {
        let text: String = try row.decode(forColumn: column)
        guard let value = T(rawValue: text) else { throw corrupt(path, column, text) }
        return value
    }

    static func decodeDate(_ row: Row, _ column: String, path: String) throws -> CalendarDate {
        let text: String = try row.decode(forColumn: column)
        guard let date = CalendarDate(iso: text) else { throw corrupt(path, column, text) }
        return date
    }

    static func corrupt(_ path: String, _ column: String, _ value: String) -> RegisterError {
        .database(
            path: path, reason: "unexpected value \"\(value)\" in column \(column); was the register edited by hand?")
    }

    /// Now, in UTC, to the second.
    /// Now in UTC as `YYYY-MM-DDTHH:MM:SSZ`, from the C clock: a Foundation date formatter per file cost more
    /// than importing the file.
    static func timestamp() -> String {
        var seconds = time(nil)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "1970-01-01T00:00:00Z" }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
