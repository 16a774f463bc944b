import EnergyAdvice
import PostgresNIO
import VisitRecords

/// Rows in and out of the register's tables.
extension PostgresVisitStore {
    /// `to_char` of a timestamp as `YYYY-MM-DDTHH:MM:SSZ` (UTC), as every store writes times.
    static func iso(_ column: String) -> String {
        "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    }

    /// The visit row's columns in the order ``visit(_:measures:documents:)`` reads them.
    static let visitColumns = """
        v.visit_id, v.date::text, v.city, v.language, v.benefit, v.persons, v.heating_paid_by, v.electricity_kwh, \
        v.electricity_eur_per_kwh, v.electricity_co2_kg_per_kwh, v.heating_fuel, v.heating_kwh, v.heating_estimated, \
        v.heating_eur_per_kwh, v.heating_co2_kg_per_kwh, v.saved_electricity_kwh, v.saved_heat_kwh, v.saved_water_m3, \
        v.saving_eur, v.household_eur, v.public_eur, v.landlord_eur, v.co2_kg, v.rules_version, \
        \(iso("v.added_at")), \(iso("v.updated_at")), v.jobcenter_eur, v.social_office_eur, v.range_low_eur, \
        v.range_high_eur, v.tariff_switch_eur, v.heating_bill_share, v.content_hash, v.meter_reading_kwh, \
        v.advisor, \(iso("v.forgotten_at")), v.registered_by::text, v.debt_count, v.debt_threatened, v.debt_announced, \
        v.debt_cut_off, v.debt_arrears_eur
        """
    static let measureColumns = """
        visit_id, kind, electricity_kwh, heat_kwh, water_m3, saving_eur, co2_kg, investment_eur, voucher_eur, \
        beneficiary, household_eur, public_eur, landlord_eur, installed_at_visit, items, programme_cost_eur
        """
    static let followUpColumns = """
        visit_id, date::text, electricity_kwh_since_visit, meter_at_visit_kwh, meter_now_kwh, heating_kwh_per_year, \
        implemented, supply_continued, agreement_reached
        """

    /// Inserts a new visit (its row, documents, measures and summary figures) as the current user.
    func insert(_ visit: RegisteredVisit, _ connection: PostgresConnection) async throws {
        let c = SummaryContribution(visit: visit)
        let values = [("visit_id", Bind.text(visit.visitId))] + Self.columns(visit, c)
        var binds = PostgresBindings()
        var placeholders: [String] = []
        for (_, value) in values { placeholders.append(binds.append(value)) }
        let sql =
            "INSERT INTO esp.visit (\(values.map(\.0).joined(separator: ", "))) VALUES ("
            + placeholders.joined(separator: ", ") + ")"
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        try await writeParts(visit, c, connection, documents: true)
    }

    /// Updates a registered visit with `visit` (its follow-ups as recorded), keeping who registered it and when.
    func update(_ visit: RegisteredVisit, _ connection: PostgresConnection, documents: Bool) async throws {
        let c = SummaryContribution(visit: visit)
        var binds = PostgresBindings()
        var sets = ["updated_at = now()"]
        for (column, value) in Self.columns(visit, c) { sets.append("\(column) = \(binds.append(value))") }
        binds.append(visit.visitId)
        let sql = "UPDATE esp.visit SET \(sets.joined(separator: ", ")) WHERE visit_id = $\(binds.count)"
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        try await connection.query("DELETE FROM esp.measure WHERE visit_id = \(visit.visitId)", logger: logger)
        try await connection.query(
            "DELETE FROM esp.calibration_sample WHERE visit_id = \(visit.visitId)", logger: logger)
        try await writeParts(visit, c, connection, documents: documents)
    }

    /// Updates only the figures a visit's follow-ups change (``VisitRecords/SummaryContribution``) and its
    /// calibration samples, after its follow-ups changed.
    func refreshFollowUpFigures(_ visit: RegisteredVisit, _ connection: PostgresConnection) async throws {
        let c = SummaryContribution(visit: visit)
        var binds = PostgresBindings()
        let sets = Self.columns(visit, c).filter { PostgresSchema.contributionColumns.contains($0.0) }.map {
            "\($0.0) = \(binds.append($0.1))"
        }
        binds.append(visit.visitId)
        let sql = "UPDATE esp.visit SET \(sets.joined(separator: ", ")) WHERE visit_id = $\(binds.count)"
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        try await connection.query(
            "DELETE FROM esp.calibration_sample WHERE visit_id = \(visit.visitId)", logger: logger)
        try await writeParts(visit, c, connection, documents: false, measures: false)
    }

    /// The last visit or follow-up: where the retention period starts.
    static func lastContact(_ visit: RegisteredVisit) -> CalendarDate {
        max(visit.date, visit.followUps.last?.date ?? visit.date)
    }

    /// The columns of a visit row other than its id, with their values.
    static func columns(_ visit: RegisteredVisit, _ c: SummaryContribution) -> [(String, Bind)] {
        let t = visit.totals
        let text: [(String, String?)] = [
            ("city", visit.city), ("language", visit.language), ("benefit", visit.benefit.rawValue),
            ("heating_paid_by", visit.heatingCostsPaidBy.rawValue), ("heating_fuel", visit.heating?.fuel.rawValue),
            ("content_hash", visit.contentHash), ("advisor", visit.advisor),
            ("realised_electricity_payer", c.realisedElectricity?.beneficiary.rawValue),
            ("realised_heating_payer", c.realisedHeating?.beneficiary.rawValue),
        ]
        let numbers: [(String, Double?)] = [
            ("electricity_kwh", visit.electricityKWh),
            ("electricity_eur_per_kwh", visit.prices.electricityEURPerKWh),
            ("electricity_co2_kg_per_kwh", visit.prices.electricityCO2KgPerKWh),
            ("heating_kwh", visit.heating?.annualKWh),
            ("heating_eur_per_kwh", visit.prices.heatingEURPerKWh),
            ("heating_co2_kg_per_kwh", visit.prices.heatingCO2KgPerKWh),
            ("heating_bill_share", visit.heating == nil ? nil : visit.prices.heatingBillShare),
            ("saved_electricity_kwh", t.electricityKWh), ("saved_heat_kwh", t.heatKWh), ("saved_water_m3", t.waterM3),
            ("saving_eur", t.savingEUR), ("household_eur", t.householdEUR), ("public_eur", t.publicEUR),
            ("landlord_eur", t.landlordEUR), ("co2_kg", t.co2Kg), ("jobcenter_eur", t.split.jobcenter),
            ("social_office_eur", t.split.socialOffice), ("range_low_eur", t.range.lowEUR),
            ("range_high_eur", t.range.highEUR), ("tariff_switch_eur", t.tariffSwitchEUR),
            ("meter_reading_kwh", visit.meterReadingKWh), ("debt_arrears_eur", visit.energyDebt.arrearsEUR),
            ("valued_electricity_eur", c.electricityEUR), ("valued_electricity_co2_kg", c.electricityCO2Kg),
            ("valued_heating_eur", c.heatingEUR), ("valued_heating_co2_kg", c.heatingCO2Kg),
            ("realised_electricity_kwh", c.realisedElectricity?.savedKWhPerYear),
            ("realised_electricity_eur", c.realisedElectricity.map { $0.savedEURPerYear ?? 0 }),
            ("realised_electricity_co2_kg", c.realisedElectricity.map { $0.savedCO2KgPerYear ?? 0 }),
            ("realised_heating_kwh", c.realisedHeating?.savedKWhPerYear),
            ("realised_heating_eur", c.realisedHeating.map { $0.savedEURPerYear ?? 0 }),
            ("realised_heating_co2_kg", c.realisedHeating.map { $0.savedCO2KgPerYear ?? 0 }),
            ("implemented_electricity_kwh", c.predictedImplemented.electricityKWh),
            ("implemented_heat_kwh", c.predictedImplemented.heatKWh),
            ("implemented_eur", c.predictedImplemented.savingEUR), ("implemented_co2_kg", c.predictedImplemented.co2Kg),
            ("recommended_electricity_kwh", c.predictedRecommended.electricityKWh),
            ("recommended_heat_kwh", c.predictedRecommended.heatKWh),
            ("recommended_eur", c.predictedRecommended.savingEUR),
            ("recommended_co2_kg", c.predictedRecommended.co2Kg),
            ("expected_implemented_electricity_kwh", c.expectedImplementedElectricity?.kWh),
            ("expected_implemented_electricity_eur", c.expectedImplementedElectricity?.eur),
            ("expected_implemented_electricity_co2_kg", c.expectedImplementedElectricity?.co2Kg),
            ("expected_implemented_heat_kwh", c.expectedImplementedHeating?.kWh),
            ("expected_implemented_heat_eur", c.expectedImplementedHeating?.eur),
            ("expected_implemented_heat_co2_kg", c.expectedImplementedHeating?.co2Kg),
        ]
        return [("date", .date(visit.date)), ("last_contact", .date(lastContact(visit)))]
            + text.map { ($0.0, Bind.text($0.1)) } + numbers.map { ($0.0, Bind.number($0.1)) }
            + [
                ("persons", .integer(visit.persons)), ("rules_version", .integer(visit.rulesVersion)),
                ("debt_count", .integer(visit.energyDebt.debts)),
                ("debt_threatened", .integer(visit.energyDebt.threatened)),
                ("debt_announced", .integer(visit.energyDebt.announced)),
                ("debt_cut_off", .integer(visit.energyDebt.cutOff)),
                ("heating_estimated", .flag(visit.heating.map(\.estimated))),
                ("followed_up", .flag(c.implemented != nil)), ("implemented", .texts(c.implemented?.map(\.rawValue))),
                ("handed_out", .flag(c.handedOut)), ("voucher_promised", .flag(c.voucherPromised)),
            ]
    }

    /// Documents, measures and calibration samples of a visit, written after its row.
    func writeParts(
        _ visit: RegisteredVisit, _ c: SummaryContribution, _ connection: PostgresConnection, documents: Bool,
        measures: Bool = true
    ) async throws {
        let id = visit.visitId
        if documents, let d = visit.documents {
            try await connection.query(
                """
                INSERT INTO esp.visit_document (visit_id, visit_json, advice_json) VALUES (\(id), \(d.visitJSON), \
                \(d.adviceJSON)) ON CONFLICT (visit_id) DO UPDATE SET visit_json = excluded.visit_json,
                advice_json = excluded.advice_json
                """, logger: logger)
        }
        if measures && !visit.measures.isEmpty {
            let m = visit.measures
            var seen: Set<MeasureKind> = []
            var given: Set<MeasureKind> = []
            let firstOfKind = m.map { seen.insert($0.kind).inserted }
            let firstGiven = m.map { $0.items > 0 && given.insert($0.kind).inserted }
            try await connection.query(
                """
                INSERT INTO esp.measure (visit_id, position, kind, electricity_kwh, heat_kwh, water_m3, saving_eur,
                    co2_kg, investment_eur, voucher_eur, beneficiary, household_eur, public_eur, landlord_eur,
                    installed_at_visit, items, programme_cost_eur, first_of_kind, first_given_of_kind, date, city)
                SELECT \(id), p::integer - 1, kind, e, h, w, s, co2, inv, vou, ben, hh, pub, land, inst, items::integer,
                    cost, first, given, \(visit.date.description)::date, \(visit.city)
                FROM unnest(\(m.map(\.kind.rawValue)), \(m.map(\.electricityKWh)), \(m.map(\.heatKWh)),
                    \(m.map(\.waterM3)), \(m.map(\.savingEUR)), \(m.map(\.co2Kg)), \(m.map(\.investmentEUR)),
                    \(m.map(\.voucherEUR)), \(m.map(\.beneficiary.rawValue)), \(m.map(\.householdEUR)),
                    \(m.map(\.publicEUR)), \(m.map(\.landlordEUR)), \(m.map(\.installedAtVisit)), \(m.map(\.items)),
                    \(m.map(\.programmeCostEUR)), \(firstOfKind), \(firstGiven))
                    WITH ORDINALITY AS t(kind, e, h, w, s, co2, inv, vou, ben, hh, pub, land, inst, items, cost,
                        first, given, p)
                """, logger: logger)
        }
        if !c.calibrationSamples.isEmpty {
            let samples = c.calibrationSamples
            try await connection.query(
                """
                INSERT INTO esp.calibration_sample (visit_id, kind, ratio, date, city)
                SELECT \(id), kind, ratio, \(visit.date.description)::date, \(visit.city)
                FROM unnest(\(samples.map(\.kind.rawValue)), \(samples.map(\.ratio))) AS t(kind, ratio)
                """, logger: logger)
        }
    }

    /// Reads visits (`where` on `esp.visit v`, with its bindings) with their measures and follow-ups, in visit-id
    /// order, and hands them to `body` one at a time.
    func eachVisit(
        _ connection: PostgresConnection, where condition: String, binds: PostgresBindings, documents: Bool,
        _ body: (RegisteredVisit) throws -> Void
    ) async throws {
        let selected = "SELECT v.visit_id FROM esp.visit v WHERE \(condition)"
        var measures: [String: [RegisteredMeasure]] = [:]
        let measureRows = try await connection.query(
            PostgresQuery(
                unsafeSQL: "SELECT \(Self.measureColumns) FROM esp.measure WHERE visit_id IN (\(selected)) "
                    + "ORDER BY visit_id, position", binds: binds), logger: logger)
        for try await row in measureRows {
            let (id, measure) = try Self.measure(row.makeRandomAccess(), location: location)
            measures[id, default: []].append(measure)
        }
        var followUps: [String: [FollowUpRecord]] = [:]
        let followUpRows = try await connection.query(
            PostgresQuery(
                unsafeSQL: "SELECT \(Self.followUpColumns) FROM esp.follow_up WHERE visit_id IN (\(selected)) "
                    + "ORDER BY visit_id, date", binds: binds), logger: logger)
        for try await row in followUpRows {
            let record = try Self.followUp(row.makeRandomAccess(), location: location)
            followUps[record.visitId, default: []].append(record)
        }
        let sql =
            documents
            ? "SELECT \(Self.visitColumns), d.visit_json, d.advice_json FROM esp.visit v "
                + "LEFT JOIN esp.visit_document d ON d.visit_id = v.visit_id"
            : "SELECT \(Self.visitColumns) FROM esp.visit v"
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: sql + " WHERE \(condition) ORDER BY v.visit_id", binds: binds), logger: logger)
        for try await row in rows {
            let cells = row.makeRandomAccess()
            let id = try cells[0].decode(String.self)
            var visit = try Self.visit(cells, measures: measures[id] ?? [], documents: documents, location: location)
            visit.followUps = (followUps[id] ?? []).map { FollowUpResult(visit: visit, record: $0) }
            try body(visit)
        }
    }

    /// Visits of `where`, oldest visit date first (then by id).
    func loadVisits(
        _ connection: PostgresConnection, where condition: String, binds: PostgresBindings, documents: Bool
    ) async throws -> [RegisteredVisit] {
        var visits: [RegisteredVisit] = []
        try await eachVisit(connection, where: condition, binds: binds, documents: documents) { visits.append($0) }
        visits.sort { ($0.date, $0.visitId) < ($1.date, $1.visitId) }
        return visits
    }

    /// One visit, nil when there is none the user may see.
    func loadVisit(_ connection: PostgresConnection, id: String, documents: Bool) async throws -> RegisteredVisit? {
        var binds = PostgresBindings()
        binds.append(id)
        return try await loadVisits(connection, where: "v.visit_id = $1", binds: binds, documents: documents).first
    }

    /// The follow-ups of one visit as recorded, oldest first.
    func followUpRecords(_ connection: PostgresConnection, visitId: String) async throws -> [FollowUpRecord] {
        var records: [FollowUpRecord] = []
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: "SELECT \(Self.followUpColumns) FROM esp.follow_up WHERE visit_id = $1 ORDER BY date",
                binds: {
                    var b = PostgresBindings()
                    b.append(visitId)
                    return b
                }()), logger: logger)
        for try await row in rows { records.append(try Self.followUp(row.makeRandomAccess(), location: location)) }
        return records
    }

    /// The WHERE clause of `filter` on `esp.visit v`, with its bindings.
    static func condition(_ filter: VisitFilter) -> (sql: String, binds: PostgresBindings) {
        var parts = ["true"]
        var binds = PostgresBindings()
        if let from = filter.from {
            binds.append(from.description)
            parts.append("v.date >= $\(binds.count)::date")
        }
        if let to = filter.to {
            binds.append(to.description)
            parts.append("v.date <= $\(binds.count)::date")
        }
        if let city = filter.city {
            binds.append(city)
            parts.append("v.city = $\(binds.count)")
        }
        return (parts.joined(separator: " AND "), binds)
    }

    /// A visit from a row of `visitColumns` (then `visit_json`, `advice_json` when `documents`).
    static func visit(_ row: PostgresRandomAccessRow, measures: [RegisteredMeasure], documents: Bool, location: String)
        throws -> RegisteredVisit
    {
        func d(_ i: Int) throws -> Double { try row[i].decode(Double.self) }
        func dn(_ i: Int) throws -> Double? { try row[i].decode(Double?.self) }
        func s(_ i: Int) throws -> String { try row[i].decode(String.self) }
        var heating: RegisteredHeating?
        if let fuelText = try row[10].decode(String?.self) {
            heating = RegisteredHeating(
                fuel: try decodeEnum(fuelText, "heating_fuel", location), annualKWh: try d(11),
                estimated: try row[12].decode(Bool.self))
        }
        var stored: RegisteredDocuments?
        if documents, let visitJSON = try row[42].decode(String?.self) {
            stored = RegisteredDocuments(visitJSON: visitJSON, adviceJSON: try s(43))
        }
        return RegisteredVisit(
            visitId: try s(0), date: try decodeDate(try s(1), "date", location), city: try s(2), language: try s(3),
            benefit: try decodeEnum(try s(4), "benefit", location), persons: try row[5].decode(Int.self),
            heatingCostsPaidBy: try decodeEnum(try s(6), "heating_paid_by", location), electricityKWh: try d(7),
            heating: heating,
            prices: SavingPrices(
                electricityEURPerKWh: try d(8), electricityCO2KgPerKWh: try dn(9), heatingEURPerKWh: try dn(13),
                heatingCO2KgPerKWh: try dn(14), heatingBillShare: try dn(31) ?? 1),
            rulesVersion: try row[23].decode(Int.self),
            totals: Totals(
                electricityKWh: try d(15), heatKWh: try d(16), waterM3: try d(17), savingEUR: try d(18),
                householdEUR: try d(19), publicEUR: try d(20), landlordEUR: try d(21), co2Kg: try d(22),
                split: PayerSplit(
                    household: try d(19), jobcenter: try d(26), socialOffice: try d(27), landlord: try d(21)),
                range: EURRange(lowEUR: try d(28), highEUR: try d(29)), tariffSwitchEUR: try d(30)),
            measures: measures, followUps: [], documents: stored, advisor: try row[34].decode(String?.self),
            contentHash: try s(32), meterReadingKWh: try dn(33), addedAt: try s(24), updatedAt: try s(25),
            forgottenAt: try row[35].decode(String?.self),
            energyDebt: RegisteredDebt(
                debts: try row[37].decode(Int.self), threatened: try row[38].decode(Int.self),
                announced: try row[39].decode(Int.self), cutOff: try row[40].decode(Int.self), arrearsEUR: try d(41)))
    }

    /// The visit id and the measure of a row of `measureColumns`.
    static func measure(_ row: PostgresRandomAccessRow, location: String) throws
        -> (visitId: String, measure: RegisteredMeasure)
    {
        func d(_ i: Int) throws -> Double { try row[i].decode(Double.self) }
        return (
            try row[0].decode(String.self),
            RegisteredMeasure(
                kind: try decodeEnum(try row[1].decode(String.self), "kind", location), electricityKWh: try d(2),
                heatKWh: try d(3), waterM3: try d(4), savingEUR: try d(5), co2Kg: try d(6), investmentEUR: try d(7),
                voucherEUR: try d(8),
                beneficiary: try decodeEnum(try row[9].decode(String.self), "beneficiary", location),
                householdEUR: try d(10), publicEUR: try d(11), landlordEUR: try d(12),
                installedAtVisit: try row[13].decode(Bool.self), items: try row[14].decode(Int.self),
                programmeCostEUR: try d(15))
        )
    }

    /// A follow-up from a row of `followUpColumns` (the history's rows start with the same columns).
    static func followUp(_ row: PostgresRandomAccessRow, location: String) throws -> FollowUpRecord {
        let kinds = try row[6].decode([String].self)
        return FollowUpRecord(
            visitId: try row[0].decode(String.self),
            date: try decodeDate(try row[1].decode(String.self), "date", location),
            electricityKWhSinceVisit: try row[2].decode(Double?.self), meterAtVisitKWh: try row[3].decode(Double?.self),
            meterNowKWh: try row[4].decode(Double?.self), heatingKWhPerYear: try row[5].decode(Double?.self),
            implemented: try kinds.map { try decodeEnum($0, "implemented", location) },
            supplyContinued: try row[7].decode(Bool?.self), agreementReached: try row[8].decode(Bool?.self))
    }

    static func decodeEnum<T: RawRepresentable>(_ text: String, _ column: String, _ location: String) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw corrupt(location, column, text) }
        return value
    }

    static func decodeDate(_ text: String, _ column: String, _ location: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else { throw corrupt(location, column, text) }
        return date
    }

    static func corrupt(_ location: String, _ column: String, _ value: String) -> StoreError {
        .database(
            location: location,
            reason: "unexpected value \"\(value)\" in column \(column); was the register edited by hand?")
    }
}

/// A value of a visit row, bound as a parameter of its type.
enum Bind {
    case text(String?)
    case number(Double?)
    case integer(Int)
    case flag(Bool?)
    case texts([String]?)
    case date(CalendarDate)
}

extension PostgresBindings {
    /// Binds `value` and returns its placeholder (`$7`, with a cast where the column's type asks for one).
    mutating func append(_ value: Bind) -> String {
        switch value {
        case .text(let text): append(text)
        case .number(let number): append(number)
        case .integer(let integer): append(integer)
        case .flag(let flag): append(flag)
        case .texts(let texts): append(texts)
        case .date(let date): append(date.description)
        }
        switch value {
        case .integer: return "$\(count)::integer"
        case .date: return "$\(count)::date"
        default: return "$\(count)"
        }
    }
}
