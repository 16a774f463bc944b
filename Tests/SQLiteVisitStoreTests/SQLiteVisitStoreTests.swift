import EnergyAdvice
import Foundation
import GRDB
import TestSupport
import Testing
import VisitRecords
import VisitStoreContract

@testable import SQLiteVisitStore

func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

/// A new register file in a temporary folder that lives as long as the store.
func newStore(_ dir: TemporaryDirectory, busyTimeout: Double = SQLiteVisitStore.defaultBusyTimeout) throws
    -> SQLiteVisitStore
{
    try SQLiteVisitStore.open(path: dir.file("register.sqlite"), access: .write, busyTimeout: busyTimeout)
}

@Suite("The SQLite register keeps the store contract")
struct SQLiteContractTests {
    @Test(arguments: VisitStoreContract.cases)
    func contract(_ check: VisitStoreContract.Case) async throws {
        let dir = try TemporaryDirectory()
        try await check.run(try newStore(dir))
    }
}

@Suite("The SQLite register's file")
struct SQLiteFileTests {
    @Test func migratesAnEmptyFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("register.sqlite", "")  // zero bytes: SQLite's empty database
        let store = try SQLiteVisitStore.open(path: path, access: .write)
        #expect(try store.schemaVersion() == 7)
        let (applicationID, foreignKeys, journal, tables) = try store.queue.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            )
        }
        #expect(applicationID == 1_163_087_954)  // 0x45535052 = "ESPR"
        #expect(foreignKeys == 1)
        #expect(journal == "wal")
        #expect(
            tables == [
                "audit_event", "follow_up", "follow_up_history", "measure", "register_info", "visit", "visit_document",
            ])
    }

    @Test func createsANewFileWithMode0600AndFolders() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("data/esp/register.sqlite")
        let store = try SQLiteVisitStore.open(path: path, access: .write)
        _ = try await store.save(try StoreFixtures.smallVisit(), replace: false)
        for file in [path, path + "-wal", path + "-shm"] {  // SQLite gives its WAL files the database's mode
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(file)")
        }
        let folder = try FileManager.default.attributesOfItem(atPath: dir.file("data/esp"))
        #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    /// `esp summary --register typo.sqlite` used to create an empty register and print zeros.
    @Test func readingNeverCreatesARegister() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("typo.sqlite")
        #expect(
            caught { () throws(StoreError) in _ = try SQLiteVisitStore.open(path: path, access: .read) }
                == .notFound(location: path))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// A register the office made read-only (an archived year) can still be read.
    @Test func aReadOnlyRegisterCanBeRead() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("register.sqlite")
        do {
            let store = try SQLiteVisitStore.open(path: path, access: .write)
            _ = try await store.save(try StoreFixtures.smallVisit(), replace: false)
            try await store.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        #expect(chmod(path, 0o400) == 0)
        defer { chmod(path, 0o600) }
        let store = try SQLiteVisitStore.open(path: path, access: .read)
        #expect(try await store.visits(VisitFilter()).map(\.visitId) == ["NUE-TEST-1"])
        if getuid() != 0 {  // root writes through any file mode
            let refused = await caughtAsync { () async throws(StoreError) in
                _ = try await store.save(try! StoreFixtures.smallVisit(id: "X"), replace: false)
            }
            #expect(refused == .readOnly(location: path))
        }
    }

    @Test func reopeningKeepsDataAndSalt() async throws {
        let dir = try TemporaryDirectory()
        let first = try await newStore(dir).pseudonymSalt()
        #expect(try await newStore(dir).pseudonymSalt() == first)
    }

    /// esp before schema 5 killed after GRDB made its migration table but before the first migration committed: the
    /// file is esp's own half-made register, not a foreign database, and the next open finishes it.
    @Test func finishesARegisterWhoseCreationWasKilled() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("register.sqlite")
        do {
            let half = try DatabaseQueue(path: path)
            try half.write { db in
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            }
            try half.close()
        }
        #expect(try SQLiteVisitStore.open(path: path, access: .write).schemaVersion() == 7)
    }

    /// Two `esp register add` at once on a new register: the second waits for the first's schema and finds it done
    /// (it used to fail with "table visit_document already exists" and lose its visits).
    @Test func twoProgramsCreatingOneRegisterBothSucceed() async throws {
        for round in 0..<5 {
            let dir = try TemporaryDirectory()
            let path = dir.file("register.sqlite")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<3 {
                    group.addTask {
                        // Generous: what is tested is that nobody fails, not how fast; the suite runs beside hundreds
                        // of other tests on two cores, where making the schema can take seconds.
                        let store = try SQLiteVisitStore.open(path: path, access: .write, busyTimeout: 30)
                        _ = try await store.save(try StoreFixtures.smallVisit(id: "R\(writer)"), replace: false)
                    }
                }
                try await group.waitForAll()
            }
            let store = try SQLiteVisitStore.open(path: path, access: .read)
            #expect(try await store.visits(VisitFilter()).count == 3, "round \(round)")
        }
    }

    @Test func refusesAForeignFileThatHasAMigrationTableWithEntries() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("other.sqlite")
        do {
            let other = try DatabaseQueue(path: path)
            try other.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                        INSERT INTO grdb_migrations VALUES ('createContacts');
                        """)
            }
            try other.close()
        }
        #expect(
            caught { () throws(StoreError) in _ = try SQLiteVisitStore.open(path: path, access: .write) }
                == .notARegister(
                    location: path,
                    detail: "an SQLite database of another program, 2 schema objects, no application id"))
    }

    @Test func refusesAForeignSQLiteFileWithoutTouchingIt() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("other.sqlite")
        do {
            let other = try DatabaseQueue(path: path)
            try other.write { db in
                try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')")
            }
            try other.close()
        }
        let before = try bytes(path)
        for access in [SQLiteVisitStore.Access.read, .write] {
            let error = caught { () throws(StoreError) in _ = try SQLiteVisitStore.open(path: path, access: access) }
            guard case .notARegister(let at, _)? = error else {
                Issue.record("expected notARegister, got \(String(describing: error))")
                return
            }
            #expect(at == path)
        }
        #expect(try bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesAFileThatIsNotSQLite() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("notes.txt", "Einkaufsliste: Milch, Brot, Eier\n" + String(repeating: "x", count: 200))
        let before = try bytes(path)
        #expect(
            caught { () throws(StoreError) in _ = try SQLiteVisitStore.open(path: path, access: .write) }
                == .notARegister(location: path, detail: "not an SQLite database"))
        #expect(try bytes(path) == before)
    }

    @Test func aVersion6RegisterGetsTheEnergyDebtOfItsStoredVisits() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("register.sqlite")
        do {
            let store = try newStore(dir)
            _ = try await store.save(try StoreFixtures.example("leipzig-family-threat.json"), replace: false)
        }
        // Back to schema 6: the columns of step 7 gone, as in a register written before.
        let queue = try DatabaseQueue(path: path)
        try await queue.writeWithoutTransaction { db in
            for (table, columns) in [
                ("visit", ["debt_count", "debt_threatened", "debt_announced", "debt_cut_off", "debt_arrears_eur"]),
                ("follow_up", ["supply_continued", "agreement_reached"]),
                ("follow_up_history", ["supply_continued", "agreement_reached"]),
            ] {
                for column in columns { try db.execute(sql: "ALTER TABLE \(table) DROP COLUMN \(column)") }
            }
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        try queue.close()
        let store = try SQLiteVisitStore.open(path: path, access: .write)
        #expect(try store.schemaVersion() == 7)
        // The stored visit's one electricity debt: 412.80 €, threatened 2026-10-13, announced for 2026-11-09.
        #expect(
            try await store.visit(id: "L-2026-0305").energyDebt
                == RegisteredDebt(debts: 1, threatened: 1, announced: 1, cutOff: 0, arrearsEUR: 412.8))
    }

    /// A register as esp with schema 4 left it, with one visit, its documents and a follow-up with its steps: schema 5
    /// keeps everything, takes the advisor from the visit and computes the content hash.
    @Test func aVersion4RegisterMovesToSchema5() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("register.sqlite")
        do {
            var config = Configuration()
            config.journalMode = .wal
            let old = try DatabaseQueue(path: path, configuration: config)
            try await old.writeWithoutTransaction { db in
                for step in SQLiteSchema.steps.prefix(4) { try step(db) }
                try db.execute(sql: "PRAGMA user_version = 4")
                try db.execute(
                    sql: """
                        INSERT INTO visit (visit_id, date, city, language, benefit, persons, heating_paid_by,
                            electricity_kwh, electricity_eur_per_kwh, electricity_co2_kg_per_kwh, saved_electricity_kwh,
                            saved_heat_kwh, saved_water_m3, saving_eur, household_eur, public_eur, landlord_eur, co2_kg,
                            rules_version, added_at, updated_at, source_path)
                        VALUES ('NUE-OLD-1', '2026-03-02', 'nuernberg', 'de', 'none', 2, 'household', 2500, 0.4, 0.56,
                            120, 0, 0, 48, 48, 0, 0, 67.2, 1, '2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z',
                            '/home/ada/Familie Muster.json');
                        INSERT INTO visit_document VALUES ('NUE-OLD-1', '{"advisor":"AB"}', '{"advice":1}');
                        INSERT INTO measure (visit_id, position, kind, electricity_kwh, heat_kwh, water_m3, saving_eur,
                            co2_kg, investment_eur, voucher_eur, beneficiary, household_eur, public_eur, landlord_eur)
                        VALUES ('NUE-OLD-1', 0, 'led', 120, 0, 0, 48, 67.2, 0, 0, 'household', 48, 0, 0);
                        INSERT INTO follow_up (visit_id, date, electricity_kwh_since_visit, recorded_at)
                        VALUES ('NUE-OLD-1', '2027-03-02', 2400, '2027-03-02T10:00:00Z');
                        INSERT INTO follow_up_measure VALUES (1, 'led');
                        """)
            }
            try old.close()
        }
        let store = try SQLiteVisitStore.open(path: path, access: .read)
        #expect(try store.schemaVersion() == 7)
        let visit = try await store.visit(id: "NUE-OLD-1")
        #expect(visit.documents == RegisteredDocuments(visitJSON: "{\"advisor\":\"AB\"}", adviceJSON: "{\"advice\":1}"))
        #expect(visit.advisor == "AB")
        #expect(visit.contentHash == SHA256.hex("{\"advisor\":\"AB\"}"))
        // Rules v1 rows: no range (the saving stands for both ends), no tariff switch apart.
        #expect(visit.totals.range == EURRange(lowEUR: 48, highEUR: 48))
        #expect(visit.followUps.map(\.implemented) == [[.led]])
        // 2,400 kWh in 365 days: 100 kWh saved at 0.40 €/kWh.
        #expect(visit.followUps.first?.electricity?.savedEURPerYear == 40)
        let sourcePath: String? = try await store.queue.read { db in
            try String.fetchOne(db, sql: "SELECT source_path FROM visit")
        }
        #expect(sourcePath == nil, "a file path can name a household")
    }

    @Test func refusesANewerSchemaWithoutTouchingIt() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("register.sqlite")
        do { _ = try SQLiteVisitStore.open(path: path, access: .write) }
        do {
            let later = try DatabaseQueue(path: path)
            try later.write { db in
                try db.execute(sql: "PRAGMA user_version = 8")
                try db.execute(sql: "CREATE TABLE v7_table (x)")
            }
            try later.close()
        }
        let before = try bytes(path)
        for access in [SQLiteVisitStore.Access.read, .write] {
            #expect(
                caught { () throws(StoreError) in _ = try SQLiteVisitStore.open(path: path, access: access) }
                    == .newerSchema(location: path, detail: "schema 8; this esp knows up to 7"))
        }
        #expect(try bytes(path) == before)
    }

    @Test func aLockedRegisterIsAClearErrorAfterTheBusyTimeout() async throws {
        let dir = try TemporaryDirectory()
        let store = try newStore(dir, busyTimeout: 0.2)
        // Another program holds the register: an exclusive transaction on another thread until told to let go.
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let other = try DatabaseQueue(path: store.path)
        DispatchQueue.global().async {
            try? other.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN EXCLUSIVE")
                locked.signal()
                release.wait()
                try db.execute(sql: "ROLLBACK")
            }
            locked.signal()
        }
        locked.wait()
        let refused = await caughtAsync { () async throws(StoreError) in
            _ = try await store.save(try! StoreFixtures.smallVisit(), replace: false)
        }
        release.signal()
        locked.wait()
        #expect(refused == .locked(location: store.path, waitedSeconds: 0.2))
        #expect(refused?.description.contains("in use by another program") == true)
        #expect(try await store.save(try StoreFixtures.smallVisit(), replace: false) == .added)
    }

    @Test func defaultPathFollowsXDG() throws {
        #expect(
            try SQLiteVisitStore.defaultPath(environment: ["XDG_DATA_HOME": "/data/x", "HOME": "/home/a"])
                == "/data/x/esp/register.sqlite")
        #expect(
            try SQLiteVisitStore.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/a"])
                == "/home/a/.local/share/esp/register.sqlite")
        #expect(
            caught { () throws(StoreError) in _ = try SQLiteVisitStore.defaultPath(environment: [:]) }
                == .noDefaultLocation)
    }
}

@Suite("The SQLite register's audit log")
struct SQLiteAuditTests {
    @Test func theLogOnlyGrowsAndNamesTheSystemUser() async throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteVisitStore.open(path: dir.file("register.sqlite"), access: .write, actor: "anna")
        _ = try await store.save(try StoreFixtures.smallVisit(), replace: false)
        for sql in ["DELETE FROM audit_event", "UPDATE audit_event SET actor = 'nobody'"] {
            #expect(throws: (any Error).self, "\(sql)") { try store.queue.write { db in try db.execute(sql: sql) } }
        }
        #expect(try await store.auditTrail(visitId: "NUE-TEST-1").map(\.actor) == ["anna"])
        #expect(!SQLiteVisitStore.systemUser().isEmpty)
    }
}
