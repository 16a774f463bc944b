import AdviceReport
import AdviceData
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
    ///   - adviceJSON: the text stored as the visit's advice document, by default the full `esp-advice/1` document.
    /// - Returns: one result per path, in the order given.
    public func add(visitPaths: [String], session: AdviceSession,
                    adviceJSON: (Advice) -> String = AdviceJSON.render) -> [ImportResult] {
        visitPaths.map { path in
            do throws(RegisterError) {
                let id = try add(visitPath: path, session: session, adviceJSON: adviceJSON)
                return ImportResult(path: path, outcome: id.existed ? .updated(visitId: id.visitId) : .added(visitId: id.visitId))
            } catch {
                return ImportResult(path: path, outcome: .failed(error))
            }
        }
    }

    private func add(visitPath path: String, session: AdviceSession,
                     adviceJSON: (Advice) -> String) throws(RegisterError) -> (visitId: String, existed: Bool) {
        let visit: Visit
        let advice: Advice
        do throws(DataError) {
            visit = try VisitDecoder.load(path: path)
            let set = try session.tariffs(cityID: visit.city)
            do {
                advice = try AdviceCalculator(reference: set.reference, city: set.city).advise(visit)
            } catch {
                throw DataError.cannotAdvise(path: path, reason: error.message)
            }
        } catch {
            throw .visitFile(error)
        }
        let visitText = VisitEncoder.text(visit)
        let adviceText = adviceJSON(advice)
        let now = Self.timestamp()
        let existed = try write { db in
            try Self.store(db, visit: visit, advice: advice, visitJSON: visitText, adviceJSON: adviceText, now: now)
        }
        return (visit.visitId, existed)
    }

    /// Inserts or updates one visit and replaces its measures; returns whether it was already there.
    static func store(_ db: Database, visit: Visit, advice: Advice, visitJSON: String, adviceJSON: String,
                      now: String) throws -> Bool {
        let existed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM visit WHERE visit_id = ?)",
                                        arguments: [advice.visitId]) ?? false
        let electricity = advice.tariffs.first { $0.use == .electricity }
        let heatingTariff = advice.tariffs.first { $0.use == .heating }
        func co2(_ carrier: EnergyCarrier?) -> Double? {
            guard let carrier else { return nil }
            return advice.tariffs.first { $0.use == .co2 && $0.name == carrier.rawValue }?.co2KgPerKWh
        }
        let t = advice.totals
        let payer = advice.household.heatingCostsPaidBy ?? VisitRules.defaultHeatingPayer(for: advice.household.benefit ?? .none)
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
            ("rules_version", Advice.rulesVersion),
            ("visit_json", visitJSON),
            ("advice_json", adviceJSON),
            ("added_at", now),
            ("updated_at", now),
        ]
        let columns = values.map(\.0)
        let updated = columns.filter { $0 != "visit_id" && $0 != "added_at" }
        let sql = "INSERT INTO visit (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ") "
            + "ON CONFLICT (visit_id) DO UPDATE SET " + updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        try db.execute(sql: sql, arguments: StatementArguments(values.map(\.1)))

        try db.execute(sql: "DELETE FROM measure WHERE visit_id = ?", arguments: [advice.visitId])
        for (position, m) in advice.measures.filter(\.recommended).enumerated() {
            try db.execute(sql: """
                INSERT INTO measure (visit_id, position, kind, electricity_kwh, heat_kwh, water_m3, saving_eur, co2_kg,
                    investment_eur, voucher_eur, beneficiary, household_eur, public_eur, landlord_eur)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    advice.visitId, position, m.kind.rawValue, m.electricityKWh, m.heatKWh, m.waterM3, m.savingEUR,
                    m.co2Kg, m.investmentEUR, m.voucherEUR, m.beneficiary.rawValue, m.split.household,
                    m.split.publicEUR, m.split.landlord,
                ])
        }
        return existed
    }

    /// Every registered visit, oldest visit date first (then by id).
    public func list() throws(RegisterError) -> [RegisteredVisit] {
        try read { db in try Self.loadVisits(db, path: path) }
    }

    /// The visits whose date and city match `filter`.
    public func visits(_ filter: SummaryFilter) throws(RegisterError) -> [RegisteredVisit] {
        try read { db in try Self.loadVisits(db, path: path, filter: filter) }
    }

    /// One registered visit.
    public func show(visitId: String) throws(RegisterError) -> RegisteredVisit {
        let found = try read { db in try Self.loadVisits(db, path: path, visitId: visitId) }
        guard let visit = found.first else { throw .unknownVisit(visitId: visitId) }
        return visit
    }

    /// Loads visits with their measures and follow-ups in three queries.
    static func loadVisits(_ db: Database, path: String, filter: SummaryFilter = SummaryFilter(),
                           visitId: String? = nil) throws -> [RegisteredVisit] {
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
        let selected = "SELECT visit_id FROM visit" + whereClause
        let args = StatementArguments(arguments)

        var measures: [String: [RegisteredMeasure]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM measure WHERE visit_id IN (\(selected)) ORDER BY visit_id, position",
                                    arguments: args) {
            let id: String = try row.decode(forColumn: "visit_id")
            measures[id, default: []].append(try measure(row, path: path))
        }
        var implemented: [Int64: [MeasureKind]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT follow_up_id, kind FROM follow_up_measure WHERE follow_up_id IN
                (SELECT id FROM follow_up WHERE visit_id IN (\(selected)))
            """, arguments: args) {
            let id: Int64 = try row.decode(forColumn: "follow_up_id")
            implemented[id, default: []].append(try decodeEnum(row, "kind", path: path))
        }
        var followUps: [String: [StoredFollowUp]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM follow_up WHERE visit_id IN (\(selected)) ORDER BY visit_id, date",
                                    arguments: args) {
            let id: Int64 = try row.decode(forColumn: "id")
            var stored = try StoredFollowUp(row, path: path)
            stored.implemented = MeasureKind.allCases.filter { (implemented[id] ?? []).contains($0) }
            followUps[stored.visitId, default: []].append(stored)
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM visit" + whereClause + " ORDER BY date, visit_id", arguments: args)
            .map { row in
                let id: String = try row.decode(forColumn: "visit_id")
                var visit = try Self.visit(row, path: path, measures: measures[id] ?? [])
                visit.followUps = (followUps[id] ?? []).map { FollowUpResult(visit: visit, stored: $0) }
                return visit
            }
    }

    static func visit(_ row: Row, path: String, measures: [RegisteredMeasure]) throws -> RegisteredVisit {
        var heating: RegisteredHeating?
        if let fuelText: String = try row.decode(forColumn: "heating_fuel") {
            guard let fuel = HeatingFuel(rawValue: fuelText) else { throw corrupt(path, "heating_fuel", fuelText) }
            heating = RegisteredHeating(fuel: fuel, annualKWh: try row.decode(forColumn: "heating_kwh"),
                                        estimated: try row.decode(forColumn: "heating_estimated"))
        }
        return RegisteredVisit(
            visitId: try row.decode(forColumn: "visit_id"),
            date: try decodeDate(row, "date", path: path),
            city: try row.decode(forColumn: "city"),
            language: try row.decode(forColumn: "language"),
            benefit: try decodeEnum(row, "benefit", path: path),
            persons: try row.decode(forColumn: "persons"),
            heatingCostsPaidBy: try decodeEnum(row, "heating_paid_by", path: path),
            electricityKWh: try row.decode(forColumn: "electricity_kwh"),
            heating: heating,
            prices: RegisteredPrices(
                electricityEURPerKWh: try row.decode(forColumn: "electricity_eur_per_kwh"),
                electricityCO2KgPerKWh: try row.decode(forColumn: "electricity_co2_kg_per_kwh"),
                heatingEURPerKWh: try row.decode(forColumn: "heating_eur_per_kwh"),
                heatingCO2KgPerKWh: try row.decode(forColumn: "heating_co2_kg_per_kwh")
            ),
            rulesVersion: try row.decode(forColumn: "rules_version"),
            totals: Totals(
                electricityKWh: try row.decode(forColumn: "saved_electricity_kwh"),
                heatKWh: try row.decode(forColumn: "saved_heat_kwh"),
                waterM3: try row.decode(forColumn: "saved_water_m3"),
                savingEUR: try row.decode(forColumn: "saving_eur"),
                householdEUR: try row.decode(forColumn: "household_eur"),
                publicEUR: try row.decode(forColumn: "public_eur"),
                landlordEUR: try row.decode(forColumn: "landlord_eur"),
                co2Kg: try row.decode(forColumn: "co2_kg")
            ),
            measures: measures,
            followUps: [],
            visitJSON: try row.decode(forColumn: "visit_json"),
            adviceJSON: try row.decode(forColumn: "advice_json"),
            addedAt: try row.decode(forColumn: "added_at"),
            updatedAt: try row.decode(forColumn: "updated_at")
        )
    }

    static func measure(_ row: Row, path: String) throws -> RegisteredMeasure {
        RegisteredMeasure(
            kind: try decodeEnum(row, "kind", path: path),
            electricityKWh: try row.decode(forColumn: "electricity_kwh"),
            heatKWh: try row.decode(forColumn: "heat_kwh"),
            waterM3: try row.decode(forColumn: "water_m3"),
            savingEUR: try row.decode(forColumn: "saving_eur"),
            co2Kg: try row.decode(forColumn: "co2_kg"),
            investmentEUR: try row.decode(forColumn: "investment_eur"),
            voucherEUR: try row.decode(forColumn: "voucher_eur"),
            beneficiary: try decodeEnum(row, "beneficiary", path: path),
            householdEUR: try row.decode(forColumn: "household_eur"),
            publicEUR: try row.decode(forColumn: "public_eur"),
            landlordEUR: try row.decode(forColumn: "landlord_eur")
        )
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
        .database(path: path, reason: "unexpected value \"\(value)\" in column \(column); was the register edited by hand?")
    }

    /// Now, in UTC, to the second.
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
