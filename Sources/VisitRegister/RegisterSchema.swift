import GRDB

/// The register's schema, one migration per version; a migration, once released, never changes.
enum RegisterSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(VisitRegister.applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
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
            try db.execute(
                sql: "INSERT INTO register_info (key, value) VALUES ('pseudonym-salt', ?)", arguments: [salt])
        }
        // The stored files move out of `visit`: kilobytes per row made every scan (list, summary) read them.
        migrator.registerMigration("v2") { db in
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
                    PRAGMA user_version = 2;
                    """)
        }
        // Rules v2: public savings apart by office (the jobcenter is federal money, the social office the city's),
        // the range of the expected savings, the tariff switch apart from them, and the share of a heating saving
        // that reaches the bill. Rows advised under rules v1 get their public savings by who paid the heating, no
        // range and the whole saving on the bill, as v1 counted it.
        migrator.registerMigration("v3") { db in
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
                    PRAGMA user_version = 3;
                    """)
        }
        // The workflow (issue 13): where a visit came from, so a second household under the same id is noticed; the
        // meter reading taken at the visit, where follow-ups start; and what was handed out at the visit — how many
        // items and what they cost the programme.
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    ALTER TABLE visit ADD COLUMN source_path TEXT;
                    ALTER TABLE visit ADD COLUMN meter_reading_kwh REAL;
                    ALTER TABLE measure ADD COLUMN installed_at_visit INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE measure ADD COLUMN items INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE measure ADD COLUMN programme_cost_eur REAL NOT NULL DEFAULT 0;
                    PRAGMA user_version = 4;
                    """)
        }
        return migrator
    }()
}
