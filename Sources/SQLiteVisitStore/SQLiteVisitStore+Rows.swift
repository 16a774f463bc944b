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
            ("debt_count", visit.energyDebt.debts),
            ("debt_threatened", visit.energyDebt.threatened),
            ("debt_announced", visit.energyDebt.announced),
            ("debt_cut_off", visit.energyDebt.cutOff),
            ("debt_arrears_eur", visit.energyDebt.arrearsEUR),
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

        let followUpRows = try ColumnCursor(
            db.makeStatement(sql: "SELECT \(followUpColumns) FROM follow_up\(ofSelected) ORDER BY visit_id, date"),
            arguments: args
        ) { try followUp($0, path: path) }
        var pendingFollowUp = try followUpRows.next()
        let measureRows = try ColumnCursor(
            db.makeStatement(sql: "SELECT \(measureColumns) FROM measure\(ofSelected) ORDER BY visit_id, position"),
            arguments: args
        ) { try measure($0, path: path) }
        var pendingMeasure = try measureRows.next()
        let sql =
            documents
            ? "SELECT \(visitColumns), d.visit_json, d.advice_json FROM visit LEFT JOIN visit_document d USING (visit_id)"
            : "SELECT \(visitColumns) FROM visit"
        // Visits, measures and follow-ups all in visit-id order, merged as they come.
        let rows = try ColumnCursor(db.makeStatement(sql: sql + whereClause + " ORDER BY visit_id"), arguments: args) {
            $0
        }
        while let row = try rows.next() {
            let id = row.text(0)
            var measures: [RegisteredMeasure] = []
            while let (visitId, measure) = pendingMeasure, visitId == id {
                measures.append(measure)
                pendingMeasure = try measureRows.next()
            }
            var records: [FollowUpRecord] = []
            // A follow-up of a visit outside the selection cannot come first: both come from the same selection.
            while let record = pendingFollowUp, record.visitId <= id {
                if record.visitId == id { records.append(record) }
                pendingFollowUp = try followUpRows.next()
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
        advisor, forgotten_at, debt_count, debt_threatened, debt_announced, debt_cut_off, debt_arrears_eur
        """
    static let measureColumns = """
        visit_id, kind, electricity_kwh, heat_kwh, water_m3, saving_eur, co2_kg, investment_eur, voucher_eur, \
        beneficiary, household_eur, public_eur, landlord_eur, installed_at_visit, items, programme_cost_eur
        """
    static let followUpColumns = """
        visit_id, date, electricity_kwh_since_visit, meter_at_visit_kwh, meter_now_kwh, heating_kwh_per_year, \
        implemented, supply_continued, agreement_reached
        """

    /// A visit from a row of `visitColumns` (then `visit_json`, `advice_json` when `documents`).
    static func visit(_ row: some ColumnReader, path: String, measures: [RegisteredMeasure], documents: Bool) throws
        -> RegisteredVisit
    {
        var heating: RegisteredHeating?
        if let fuelText = row.optionalText(10) {
            guard let fuel = HeatingFuel(rawValue: fuelText) else { throw corrupt(path, "heating_fuel", fuelText) }
            heating = RegisteredHeating(fuel: fuel, annualKWh: row.double(11), estimated: row.bool(12))
        }
        var stored: RegisteredDocuments?
        if documents, let visitJSON = row.optionalText(41) {
            stored = RegisteredDocuments(visitJSON: visitJSON, adviceJSON: row.text(42))
        }
        let saving = row.double(18)
        return RegisteredVisit(
            visitId: row.text(0),
            date: try decodeDate(row, 1, "date", path: path),
            city: row.text(2),
            language: row.text(3),
            benefit: try decodeEnum(row, 4, "benefit", path: path),
            persons: row.integer(5),
            heatingCostsPaidBy: try decodeEnum(row, 6, "heating_paid_by", path: path),
            electricityKWh: row.double(7),
            heating: heating,
            prices: SavingPrices(
                electricityEURPerKWh: row.double(8), electricityCO2KgPerKWh: row.optionalDouble(9),
                heatingEURPerKWh: row.optionalDouble(13), heatingCO2KgPerKWh: row.optionalDouble(14),
                heatingBillShare: row.optionalDouble(31) ?? 1),
            rulesVersion: row.integer(23),
            totals: Totals(
                electricityKWh: row.double(15), heatKWh: row.double(16), waterM3: row.double(17), savingEUR: saving,
                householdEUR: row.double(19), publicEUR: row.double(20), landlordEUR: row.double(21),
                co2Kg: row.double(22),
                split: PayerSplit(
                    household: row.double(19), jobcenter: row.double(26), socialOffice: row.double(27),
                    landlord: row.double(21)),
                // A visit advised under rules v1 has no range, so its saving stands for both ends.
                range: EURRange(lowEUR: row.optionalDouble(28) ?? saving, highEUR: row.optionalDouble(29) ?? saving),
                tariffSwitchEUR: row.double(30)),
            measures: measures,
            followUps: [],
            documents: stored,
            advisor: row.optionalText(34),
            contentHash: row.text(32),
            meterReadingKWh: row.optionalDouble(33),
            addedAt: row.text(24),
            updatedAt: row.text(25),
            forgottenAt: row.optionalText(35),
            energyDebt: RegisteredDebt(
                debts: row.integer(36), threatened: row.integer(37), announced: row.integer(38),
                cutOff: row.integer(39),
                arrearsEUR: row.double(40))
        )
    }

    /// The visit id and the measure of a row of `measureColumns`.
    static func measure(_ row: some ColumnReader, path: String) throws -> (visitId: String, measure: RegisteredMeasure)
    {
        (
            row.text(0),
            RegisteredMeasure(
                kind: try decodeEnum(row, 1, "kind", path: path), electricityKWh: row.double(2), heatKWh: row.double(3),
                waterM3: row.double(4), savingEUR: row.double(5), co2Kg: row.double(6), investmentEUR: row.double(7),
                voucherEUR: row.double(8), beneficiary: try decodeEnum(row, 9, "beneficiary", path: path),
                householdEUR: row.double(10), publicEUR: row.double(11), landlordEUR: row.double(12),
                installedAtVisit: row.bool(13), items: row.integer(14), programmeCostEUR: row.double(15))
        )
    }

    /// A follow-up from a row of `followUpColumns` (and of the history, which starts with the same columns).
    static func followUp(_ row: some ColumnReader, path: String) throws -> FollowUpRecord {
        FollowUpRecord(
            visitId: row.text(0),
            date: try decodeDate(row, 1, "date", path: path),
            electricityKWhSinceVisit: row.optionalDouble(2),
            meterAtVisitKWh: row.optionalDouble(3),
            meterNowKWh: row.optionalDouble(4),
            heatingKWhPerYear: row.optionalDouble(5),
            implemented: try kinds(row, 6, path: path),
            supplyContinued: row.optionalBool(7),
            agreementReached: row.optionalBool(8))
    }

    /// Measure kinds stored as `led,standby`.
    static func kinds(_ row: some ColumnReader, _ index: Int32, path: String) throws -> [MeasureKind] {
        let text = row.text(index)
        return try text.split(separator: ",").map { part in
            guard let kind = MeasureKind(rawValue: String(part)) else { throw corrupt(path, "implemented", text) }
            return kind
        }
    }

    static func decodeEnum<T: RawRepresentable>(
        _ row: some ColumnReader, _ index: Int32, _ column: String, path: String
    )
        throws -> T
    where T.RawValue == String {
        let text = row.text(index)
        guard let value = T(rawValue: text) else { throw corrupt(path, column, text) }
        return value
    }

    static func decodeDate(_ row: some ColumnReader, _ index: Int32, _ column: String, path: String) throws
        -> CalendarDate
    {
        let text = row.text(index)
        guard let date = CalendarDate(iso: text) else { throw corrupt(path, column, text) }
        return date
    }

    static func corrupt(_ path: String, _ column: String, _ value: String) -> StoreError {
        .database(
            location: path,
            reason: "unexpected value \"\(value)\" in column \(column); was the register edited by hand?")
    }
}
