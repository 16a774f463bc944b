import EnergyAdvice
import GRDB
import VisitRecords

/// Rows in and out of the register's tables.
extension SQLiteVisitStore {
    /// Inserts or updates one visit and replaces its measures (and, when given, its documents).
    static func store(_ db: Database, _ visit: RegisteredVisit) throws {
        let t = visit.totals
        let values: [(String, (any DatabaseValueConvertible)?)] = [
            ("visit_id", visit.visitId),
            ("date", visit.date.description),
            ("city", visit.city),
            ("language", visit.language),
            ("benefit", visit.benefit.rawValue),
            ("persons", visit.persons),
            ("heating_paid_by", visit.heatingCostsPaidBy.rawValue),
            ("electricity_kwh", visit.electricityKWh),
            ("electricity_eur_per_kwh", visit.prices.electricityEURPerKWh),
            ("electricity_co2_kg_per_kwh", visit.prices.electricityCO2KgPerKWh),
            ("heating_fuel", visit.heating?.fuel.rawValue),
            ("heating_kwh", visit.heating?.annualKWh),
            ("heating_estimated", visit.heating.map(\.estimated)),
            ("heating_eur_per_kwh", visit.prices.heatingEURPerKWh),
            ("heating_co2_kg_per_kwh", visit.prices.heatingCO2KgPerKWh),
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
            ("heating_bill_share", visit.heating == nil ? nil : visit.prices.heatingBillShare),
            ("meter_reading_kwh", visit.meterReadingKWh),
            ("rules_version", visit.rulesVersion),
            ("content_hash", visit.contentHash),
            ("advisor", visit.advisor),
            ("added_at", visit.addedAt),
            ("updated_at", visit.updatedAt),
        ]
        try db.cachedStatement(sql: upsertSQL(columns: values.map(\.0))).execute(
            arguments: StatementArguments(values.map(\.1)))
        if let documents = visit.documents {
            try db.cachedStatement(
                sql: """
                    INSERT INTO visit_document (visit_id, visit_json, advice_json) VALUES (?, ?, ?)
                    ON CONFLICT (visit_id) DO UPDATE SET visit_json = excluded.visit_json,
                        advice_json = excluded.advice_json
                    """
            ).execute(arguments: [visit.visitId, documents.visitJSON, documents.adviceJSON])
        }
        try db.cachedStatement(sql: "DELETE FROM measure WHERE visit_id = ?").execute(arguments: [visit.visitId])
        for (position, m) in visit.measures.enumerated() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO measure (visit_id, position, kind, electricity_kwh, heat_kwh, water_m3, saving_eur, co2_kg,
                        investment_eur, voucher_eur, beneficiary, household_eur, public_eur, landlord_eur,
                        installed_at_visit, items, programme_cost_eur)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                visit.visitId, position, m.kind.rawValue, m.electricityKWh, m.heatKWh, m.waterM3, m.savingEUR,
                m.co2Kg, m.investmentEUR, m.voucherEUR, m.beneficiary.rawValue, m.householdEUR,
                m.publicEUR, m.landlordEUR, m.installedAtVisit, m.items, m.programmeCostEUR,
            ])
        }
    }

    /// The insert-or-update of a visit row; the same text for every visit, so SQLite prepares it once. An update keeps
    /// when the visit was first added.
    static func upsertSQL(columns: [String]) -> String {
        let updated = columns.filter { $0 != "visit_id" && $0 != "added_at" }
        return "INSERT INTO visit (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ") "
            + "ON CONFLICT (visit_id) DO UPDATE SET " + updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }

    /// The WHERE clause and its arguments of `filter` (and one visit id), on the `visit` table.
    static func conditions(_ filter: VisitFilter, visitId: String?) -> (sql: String, arguments: StatementArguments) {
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
        return (
            conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), StatementArguments(arguments)
        )
    }

    /// Reads visits with their measures and follow-ups in three queries and hands them to `body` one at a time, in
    /// visit-id order: a summary over 100,000 visits never holds them all.
    static func eachVisit(
        _ db: Database, path: String, filter: VisitFilter = VisitFilter(), visitId: String? = nil,
        documents: Bool = false, _ body: (RegisteredVisit) throws -> Void
    ) throws {
        let (whereClause, args) = conditions(filter, visitId: visitId)
        // Without a filter every row belongs: a membership test per measure row would only cost time.
        let ofSelected = whereClause.isEmpty ? "" : " WHERE visit_id IN (SELECT visit_id FROM visit\(whereClause))"

        let followUpRows = try Row.fetchCursor(
            db, sql: "SELECT \(followUpColumns) FROM follow_up\(ofSelected) ORDER BY visit_id, date", arguments: args)
        var pendingFollowUp = try followUpRows.next().map { try followUp($0, path: path) }
        let measureRows = try Row.fetchCursor(
            db, sql: "SELECT \(measureColumns) FROM measure\(ofSelected) ORDER BY visit_id, position", arguments: args)
        var pendingMeasure = try measureRows.next().map { try measure($0, path: path) }
        let sql =
            documents
            ? "SELECT \(visitColumns), d.visit_json, d.advice_json FROM visit LEFT JOIN visit_document d USING (visit_id)"
            : "SELECT \(visitColumns) FROM visit"
        // Visits, measures and follow-ups all in visit-id order, merged as they come.
        let rows = try Row.fetchCursor(db, sql: sql + whereClause + " ORDER BY visit_id", arguments: args)
        while let row = try rows.next() {
            let id: String = try row.decode(atIndex: 0)
            var measures: [RegisteredMeasure] = []
            while let (visitId, measure) = pendingMeasure, visitId == id {
                measures.append(measure)
                pendingMeasure = try measureRows.next().map { try Self.measure($0, path: path) }
            }
            var records: [FollowUpRecord] = []
            // A follow-up of a visit outside the selection cannot come first: both come from the same selection.
            while let record = pendingFollowUp, record.visitId <= id {
                if record.visitId == id { records.append(record) }
                pendingFollowUp = try followUpRows.next().map { try Self.followUp($0, path: path) }
            }
            var visit = try Self.visit(row, path: path, measures: measures, documents: documents)
            visit.followUps = records.map { FollowUpResult(visit: visit, record: $0) }
            try body(visit)
        }
    }

    /// Every visit in `filter`, oldest visit date first (then by id).
    static func loadVisits(
        _ db: Database, path: String, filter: VisitFilter = VisitFilter(), visitId: String? = nil,
        documents: Bool = false
    ) throws -> [RegisteredVisit] {
        var visits: [RegisteredVisit] = []
        try eachVisit(db, path: path, filter: filter, visitId: visitId, documents: documents) { visits.append($0) }
        visits.sort { ($0.date, $0.visitId) < ($1.date, $1.visitId) }
        return visits
    }

    /// The follow-ups of one visit as stored, oldest first.
    static func followUps(_ db: Database, visitId: String, path: String) throws -> [FollowUpRecord] {
        try Row.fetchAll(
            db, sql: "SELECT \(followUpColumns) FROM follow_up WHERE visit_id = ? ORDER BY date", arguments: [visitId]
        ).map { try followUp($0, path: path) }
    }

    // Rows are decoded by position in these column lists: GRDB's decoding by name hashes the name for every
    // value, which was the largest cost of a summary over 100,000 visits.
    static let visitColumns = """
        visit_id, date, city, language, benefit, persons, heating_paid_by, electricity_kwh, electricity_eur_per_kwh, \
        electricity_co2_kg_per_kwh, heating_fuel, heating_kwh, heating_estimated, heating_eur_per_kwh, \
        heating_co2_kg_per_kwh, saved_electricity_kwh, saved_heat_kwh, saved_water_m3, saving_eur, household_eur, \
        public_eur, landlord_eur, co2_kg, rules_version, added_at, updated_at, jobcenter_eur, social_office_eur, \
        range_low_eur, range_high_eur, tariff_switch_eur, heating_bill_share, content_hash, meter_reading_kwh, \
        advisor, forgotten_at
        """
    static let measureColumns = """
        visit_id, kind, electricity_kwh, heat_kwh, water_m3, saving_eur, co2_kg, investment_eur, voucher_eur, \
        beneficiary, household_eur, public_eur, landlord_eur, installed_at_visit, items, programme_cost_eur
        """
    static let followUpColumns = """
        visit_id, date, electricity_kwh_since_visit, meter_at_visit_kwh, meter_now_kwh, heating_kwh_per_year, \
        implemented
        """

    /// A visit from a row of `visitColumns` (then `visit_json`, `advice_json` when `documents`).
    static func visit(_ row: Row, path: String, measures: [RegisteredMeasure], documents: Bool) throws
        -> RegisteredVisit
    {
        var heating: RegisteredHeating?
        if let fuelText: String = try row.decode(atIndex: 10) {
            guard let fuel = HeatingFuel(rawValue: fuelText) else { throw corrupt(path, "heating_fuel", fuelText) }
            heating = RegisteredHeating(
                fuel: fuel, annualKWh: try row.decode(atIndex: 11), estimated: try row.decode(atIndex: 12))
        }
        let share: Double? = try row.decode(atIndex: 31)
        var stored: RegisteredDocuments?
        if documents, let visitJSON: String = try row.decode(atIndex: 36) {
            stored = RegisteredDocuments(visitJSON: visitJSON, adviceJSON: try row.decode(atIndex: 37))
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
            prices: SavingPrices(
                electricityEURPerKWh: try row.decode(atIndex: 8),
                electricityCO2KgPerKWh: try row.decode(atIndex: 9),
                heatingEURPerKWh: try row.decode(atIndex: 13),
                heatingCO2KgPerKWh: try row.decode(atIndex: 14),
                heatingBillShare: share ?? 1),
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
            documents: stored,
            advisor: try row.decode(atIndex: 34),
            contentHash: try row.decode(atIndex: 32),
            meterReadingKWh: try row.decode(atIndex: 33),
            addedAt: try row.decode(atIndex: 24),
            updatedAt: try row.decode(atIndex: 25),
            forgottenAt: try row.decode(atIndex: 35)
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

    /// A follow-up from a row of `followUpColumns` (and of the history, which starts with the same columns).
    static func followUp(_ row: Row, path: String) throws -> FollowUpRecord {
        FollowUpRecord(
            visitId: try row.decode(atIndex: 0),
            date: try decodeDate(row, 1, "date", path: path),
            electricityKWhSinceVisit: try row.decode(atIndex: 2),
            meterAtVisitKWh: try row.decode(atIndex: 3),
            meterNowKWh: try row.decode(atIndex: 4),
            heatingKWhPerYear: try row.decode(atIndex: 5),
            implemented: try kinds(row, 6, path: path))
    }

    /// Measure kinds stored as `led,standby`.
    static func kinds(_ row: Row, _ index: Int, path: String) throws -> [MeasureKind] {
        let text: String = try row.decode(atIndex: index)
        return try text.split(separator: ",").map { part in
            guard let kind = MeasureKind(rawValue: String(part)) else { throw corrupt(path, "implemented", text) }
            return kind
        }
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

    static func corrupt(_ path: String, _ column: String, _ value: String) -> StoreError {
        .database(
            location: path,
            reason: "unexpected value \"\(value)\" in column \(column); was the register edited by hand?")
    }
}
