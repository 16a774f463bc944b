import GRDB
import VisitRecords

/// The register's tables in SQLite, one step per schema version; a step, once released, never changes. The version
/// is `PRAGMA user_version`, the same number as ``RegisterSchema/version`` in every store.
enum SQLiteSchema {
    /// Brings the file to ``RegisterSchema/version`` in one exclusive transaction: a second program creating the
    /// same register waits for the first and then finds it done, and a killed esp leaves the file as it was.
    static func migrate(_ db: Database, path: String) throws {
        try db.inTransaction(.exclusive) {
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version > RegisterSchema.version {
                throw StoreError.newerSchema(
                    location: path, detail: "schema \(version); this esp knows up to \(RegisterSchema.version)")
            }
            for (index, step) in steps.enumerated() where index + 1 > version {
                try step(db)
                try db.execute(sql: "PRAGMA user_version = \(index + 1)")
            }
            return .commit
        }
    }

    /// True when the database holds nothing but GRDB's migration table with no migration recorded: an esp before
    /// schema 5 was killed while creating the register.
    static func onlyEmptyMigrationTable(_ db: Database) throws -> Bool {
        let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master")
        guard names.allSatisfy({ $0 == "grdb_migrations" || $0.hasPrefix("sqlite_autoindex_grdb_migrations") }),
            names.contains("grdb_migrations")
        else { return false }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0
    }

    static let steps: [@Sendable (Database) throws -> Void] = [v1, v2, v3, v4, v5, v6, v7]

    static func v1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(SQLiteVisitStore.applicationID)")
        try db.execute(
            sql: """
                CREATE TABLE register_info (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE visit (
                    visit_id TEXT PRIMARY KEY NOT NULL CHECK (length(visit_id) BETWEEN 1 AND 64),
                    date TEXT NOT NULL CHECK (length(date) = 10),
                    city TEXT NOT NULL,
                    language TEXT NOT NULL,
                    benefit TEXT NOT NULL,
                    persons INTEGER NOT NULL,
                    heating_paid_by TEXT NOT NULL,
                    electricity_kwh REAL NOT NULL,
                    electricity_eur_per_kwh REAL NOT NULL,
                    electricity_co2_kg_per_kwh REAL,
                    heating_fuel TEXT,
                    heating_kwh REAL,
                    heating_estimated INTEGER,
                    heating_eur_per_kwh REAL,
                    heating_co2_kg_per_kwh REAL,
                    saved_electricity_kwh REAL NOT NULL,
                    saved_heat_kwh REAL NOT NULL,
                    saved_water_m3 REAL NOT NULL,
                    saving_eur REAL NOT NULL,
                    household_eur REAL NOT NULL,
                    public_eur REAL NOT NULL,
                    landlord_eur REAL NOT NULL,
                    co2_kg REAL NOT NULL,
                    rules_version INTEGER NOT NULL,
                    visit_json TEXT NOT NULL,
                    advice_json TEXT NOT NULL,
                    added_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX visit_by_date ON visit(date);
                CREATE TABLE measure (
                    visit_id TEXT NOT NULL REFERENCES visit(visit_id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    electricity_kwh REAL NOT NULL,
                    heat_kwh REAL NOT NULL,
                    water_m3 REAL NOT NULL,
                    saving_eur REAL NOT NULL,
                    co2_kg REAL NOT NULL,
                    investment_eur REAL NOT NULL,
                    voucher_eur REAL NOT NULL,
                    beneficiary TEXT NOT NULL,
                    household_eur REAL NOT NULL,
                    public_eur REAL NOT NULL,
                    landlord_eur REAL NOT NULL,
                    PRIMARY KEY (visit_id, position)
                );
                CREATE TABLE follow_up (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    visit_id TEXT NOT NULL REFERENCES visit(visit_id) ON DELETE CASCADE,
                    date TEXT NOT NULL CHECK (length(date) = 10),
                    electricity_kwh_since_visit REAL,
                    meter_at_visit_kwh REAL,
                    meter_now_kwh REAL,
                    heating_kwh_per_year REAL,
                    recorded_at TEXT NOT NULL,
                    UNIQUE (visit_id, date)
                );
                CREATE INDEX follow_up_by_visit ON follow_up(visit_id);
                CREATE TABLE follow_up_measure (
                    follow_up_id INTEGER NOT NULL REFERENCES follow_up(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    PRIMARY KEY (follow_up_id, kind)
                );
                """)
        var generator = SystemRandomNumberGenerator()
        let salt = SHA256.hexString((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try db.execute(sql: "INSERT INTO register_info (key, value) VALUES ('pseudonym-salt', ?)", arguments: [salt])
    }

    /// The stored files move out of `visit`: kilobytes per row made every scan (list, summary) read them.
    static func v2(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE visit_document (
                    visit_id TEXT PRIMARY KEY NOT NULL REFERENCES visit(visit_id) ON DELETE CASCADE,
                    visit_json TEXT NOT NULL,
                    advice_json TEXT NOT NULL
                );
                INSERT INTO visit_document (visit_id, visit_json, advice_json)
                    SELECT visit_id, visit_json, advice_json FROM visit;
                ALTER TABLE visit DROP COLUMN visit_json;
                ALTER TABLE visit DROP COLUMN advice_json;
                """)
    }

    /// Rules v2: public savings apart by office (the jobcenter is federal money, the social office the city's), the
    /// range of the expected savings, the tariff switch apart from them, and the share of a heating saving that
    /// reaches the bill. Rows advised under rules v1 get their public savings by who paid the heating, no range and
    /// the whole saving on the bill, as v1 counted it.
    static func v3(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE visit ADD COLUMN jobcenter_eur REAL NOT NULL DEFAULT 0;
                ALTER TABLE visit ADD COLUMN social_office_eur REAL NOT NULL DEFAULT 0;
                ALTER TABLE visit ADD COLUMN range_low_eur REAL;
                ALTER TABLE visit ADD COLUMN range_high_eur REAL;
                ALTER TABLE visit ADD COLUMN tariff_switch_eur REAL NOT NULL DEFAULT 0;
                ALTER TABLE visit ADD COLUMN heating_bill_share REAL;
                UPDATE visit SET
                    jobcenter_eur = CASE WHEN heating_paid_by = 'jobcenter' THEN public_eur ELSE 0 END,
                    social_office_eur = CASE WHEN heating_paid_by = 'social-office' THEN public_eur ELSE 0 END;
                """)
    }

    /// Where a visit came from, the meter reading taken at the visit (where follow-ups start), and what was handed
    /// out at the visit — how many items and what they cost the programme.
    static func v4(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE visit ADD COLUMN source_path TEXT;
                ALTER TABLE visit ADD COLUMN meter_reading_kwh REAL;
                ALTER TABLE measure ADD COLUMN installed_at_visit INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE measure ADD COLUMN items INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE measure ADD COLUMN programme_cost_eur REAL NOT NULL DEFAULT 0;
                """)
    }

    /// One register for every store: a visit is its id and content hash, not the file it came from (`source_path`
    /// is no longer written, and cleared: a path can name a household); the advisor; forgotten households; a
    /// follow-up is its visit and day (no SQLite row ids), its steps a list, its corrections kept in a history.
    static func v5(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE visit ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
                ALTER TABLE visit ADD COLUMN advisor TEXT;
                ALTER TABLE visit ADD COLUMN forgotten_at TEXT;
                UPDATE visit SET source_path = NULL;
                CREATE INDEX visit_by_city_date ON visit(city, date);
                CREATE TABLE follow_up_v5 (
                    visit_id TEXT NOT NULL REFERENCES visit(visit_id) ON DELETE CASCADE,
                    date TEXT NOT NULL CHECK (length(date) = 10),
                    electricity_kwh_since_visit REAL,
                    meter_at_visit_kwh REAL,
                    meter_now_kwh REAL,
                    heating_kwh_per_year REAL,
                    implemented TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    PRIMARY KEY (visit_id, date)
                );
                INSERT INTO follow_up_v5 SELECT f.visit_id, f.date, f.electricity_kwh_since_visit,
                    f.meter_at_visit_kwh, f.meter_now_kwh, f.heating_kwh_per_year,
                    coalesce((SELECT group_concat(kind, ',') FROM follow_up_measure m WHERE m.follow_up_id = f.id), ''),
                    f.recorded_at
                FROM follow_up f;
                DROP TABLE follow_up_measure;
                DROP TABLE follow_up;
                ALTER TABLE follow_up_v5 RENAME TO follow_up;
                CREATE TABLE follow_up_history (
                    visit_id TEXT NOT NULL,
                    date TEXT NOT NULL,
                    change TEXT NOT NULL CHECK (change IN ('corrected', 'deleted')),
                    electricity_kwh_since_visit REAL,
                    meter_at_visit_kwh REAL,
                    meter_now_kwh REAL,
                    heating_kwh_per_year REAL,
                    implemented TEXT NOT NULL,
                    changed_at TEXT NOT NULL
                );
                CREATE INDEX follow_up_history_by_visit ON follow_up_history(visit_id);
                """)
        try db.execute(
            sql: """
                UPDATE visit SET advisor = (SELECT json_extract(d.visit_json, '$.advisor') FROM visit_document d
                    WHERE d.visit_id = visit.visit_id)
                """)
        let documents = try Row.fetchAll(db, sql: "SELECT visit_id, visit_json FROM visit_document")
        for row in documents {
            let visitJSON: String = row[1]
            try db.execute(
                sql: "UPDATE visit SET content_hash = ? WHERE visit_id = ?",
                arguments: [SHA256.hex(visitJSON), row[0] as String])
        }
    }

    /// The audit log: every read and change of a household's data, who and when; rows are only ever added.
    static func v6(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE audit_event (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    visit_id TEXT NOT NULL,
                    detail TEXT
                );
                CREATE INDEX audit_event_by_visit ON audit_event(visit_id);
                CREATE TRIGGER audit_event_append_only_update BEFORE UPDATE ON audit_event
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_event_append_only_delete BEFORE DELETE ON audit_event
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
    }

    /// Energy debt: per visit the debts recorded, with a threat, with an announced date, already cut off, and the
    /// arrears (anonymous figures, kept when a household is forgotten); per follow-up whether the supply continued
    /// and whether an agreement was reached. Visits registered before get their figures from the stored visit.
    static func v7(_ db: Database) throws {
        let debts = "FROM visit_document d, json_each(d.visit_json, '$.energyDebt') e WHERE d.visit_id = visit.visit_id"
        try db.execute(
            sql: """
                ALTER TABLE visit ADD COLUMN debt_count INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE visit ADD COLUMN debt_threatened INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE visit ADD COLUMN debt_announced INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE visit ADD COLUMN debt_cut_off INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE visit ADD COLUMN debt_arrears_eur REAL NOT NULL DEFAULT 0;
                ALTER TABLE follow_up ADD COLUMN supply_continued INTEGER;
                ALTER TABLE follow_up ADD COLUMN agreement_reached INTEGER;
                ALTER TABLE follow_up_history ADD COLUMN supply_continued INTEGER;
                ALTER TABLE follow_up_history ADD COLUMN agreement_reached INTEGER;
                UPDATE visit SET
                    debt_count = (SELECT count(*) \(debts)),
                    debt_threatened = (SELECT count(*) \(debts) AND json_extract(e.value, '$.threatDate') IS NOT NULL),
                    debt_announced = (SELECT count(*) \(debts)
                        AND json_extract(e.value, '$.announcementDate') IS NOT NULL),
                    debt_cut_off = (SELECT count(*) \(debts) AND json_extract(e.value, '$.cutOff') = 1),
                    debt_arrears_eur = coalesce((SELECT round(sum(json_extract(e.value, '$.arrearsEUR')), 2) \(debts)),
                        0)
                WHERE visit_id IN (SELECT visit_id FROM visit_document WHERE json_type(visit_json, '$.energyDebt')
                    = 'array');
                """)
    }
}
