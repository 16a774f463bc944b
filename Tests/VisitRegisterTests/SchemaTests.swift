import EnergyAdvice
import Foundation
import GRDB
import TestSupport
import Testing

@testable import VisitRegister

@Suite struct SchemaTests {
    @Test func migratesAnEmptyFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("register.sqlite", "")  // zero bytes: SQLite's empty database
        let register = try VisitRegister.open(path: path)
        #expect(try register.appliedMigrations() == ["v1", "v2", "v3", "v4"])
        try register.queue.read { db in
            // 0x45535052 = "ESPR" = 1163087954
            #expect(try Int.fetchOne(db, sql: "PRAGMA application_id") == 1_163_087_954)
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 4)
            #expect(try Int.fetchOne(db, sql: "PRAGMA foreign_keys") == 1)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            for table in ["visit", "visit_document", "measure", "follow_up", "follow_up_measure", "register_info"] {
                #expect(try db.tableExists(table), "table \(table)")
            }
            let cascade = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(measure)")
            #expect(cascade.first?["on_delete"] == "CASCADE")
        }
        #expect(try register.list().isEmpty)
    }

    @Test func createsANewFileWithMode0600AndFolders() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("data/esp/register.sqlite")
        let register = try VisitRegister.open(path: path)
        _ = register.add(visitPaths: [try dir.write("v.json", smallVisit())], session: Checkout.session())
        for file in [path, path + "-wal", path + "-shm"] {  // SQLite gives its WAL files the database's mode
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(file)")
        }
        let folder = try FileManager.default.attributesOfItem(atPath: dir.file("data/esp"))
        #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test func reopeningKeepsDataAndPseudonyms() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("register.sqlite")
        let first: String
        do {
            let register = try VisitRegister.open(path: path)
            first = register.pseudonym(visitId: "NUE-1")
        }
        let again = try VisitRegister.open(path: path)
        #expect(again.pseudonym(visitId: "NUE-1") == first)
        #expect(try again.appliedMigrations() == ["v1", "v2", "v3", "v4"])
    }

    /// esp killed after GRDB made its migration table but before the first migration committed: the file is
    /// esp's own half-made register, not a foreign database, and the next open finishes it.
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
        let register = try VisitRegister.open(path: path)
        #expect(try register.appliedMigrations() == ["v1", "v2", "v3", "v4"])
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
        let error = caught(RegisterError.self) { try VisitRegister.open(path: path) }
        #expect(
            error
                == .notARegister(
                    path: path, detail: "an SQLite database of another program, 2 schema objects, no application id"))
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
        let error = caught(RegisterError.self) { try VisitRegister.open(path: path) }
        guard case .notARegister(let at, _)? = error else {
            Issue.record("expected notARegister, got \(String(describing: error))")
            return
        }
        #expect(at == path)
        #expect(try bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesASQLiteFileWithAnotherApplicationID() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("other.sqlite")
        do {
            let other = try DatabaseQueue(path: path)
            try other.write { db in
                try db.execute(sql: "PRAGMA application_id = 42")
                try db.execute(sql: "CREATE TABLE t (x)")
            }
            try other.close()
        }
        let before = try bytes(path)
        let error = caught(RegisterError.self) { try VisitRegister.open(path: path) }
        #expect(error == .notARegister(path: path, detail: "an SQLite database of another program, application id 42"))
        #expect(error?.description.contains("did not change it") == true)
        #expect(try bytes(path) == before)
    }

    @Test func refusesAFileThatIsNotSQLite() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("notes.txt", "Einkaufsliste: Milch, Brot, Eier\n" + String(repeating: "x", count: 200))
        let before = try bytes(path)
        #expect(
            caught(RegisterError.self) { try VisitRegister.open(path: path) }
                == .notARegister(path: path, detail: "not an SQLite database"))
        #expect(try bytes(path) == before)
    }

    @Test func aVersion1RegisterMovesItsDocumentsOutOfTheVisitTable() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("register.sqlite")
        do {
            // A register as esp with schema v1 left it, with one visit.
            var config = Configuration()
            config.journalMode = .wal
            let old = try DatabaseQueue(path: path, configuration: config)
            try RegisterSchema.migrator.migrate(old, upTo: "v1")
            try old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO visit VALUES ('NUE-OLD-1', '2026-03-02', 'nuernberg', 'de', 'none', 2, 'household',
                            2500, 0.4, 0.56, NULL, NULL, NULL, NULL, NULL, 120, 0, 0, 48, 48, 0, 0, 67.2, 1,
                            '{"visit":1}', '{"advice":1}', '2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z')
                        """)
            }
            try old.close()
        }
        let register = try VisitRegister.open(path: path)
        #expect(try register.appliedMigrations() == ["v1", "v2", "v3", "v4"])
        let visit = try register.show(visitId: "NUE-OLD-1")
        #expect(visit.documents == RegisteredDocuments(visitJSON: "{\"visit\":1}", adviceJSON: "{\"advice\":1}"))
        #expect(visit.totals.savingEUR == 48)
        // Rules v1 rows: no range (the saving stands for both ends), no tariff switch apart.
        #expect(visit.totals.range == EURRange(lowEUR: 48, highEUR: 48))
        #expect(visit.totals.split == PayerSplit(household: 48, jobcenter: 0, socialOffice: 0, landlord: 0))
        #expect(try register.list().map(\.visitId) == ["NUE-OLD-1"])
        try register.queue.read { db in
            let columns = try db.columns(in: "visit").map(\.name)
            #expect(!columns.contains("visit_json") && !columns.contains("advice_json"))
        }
    }

    @Test func refusesANewerSchemaWithoutTouchingIt() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("register.sqlite")
        do {
            _ = try VisitRegister.open(path: path)
        }
        do {
            // What a later esp would have done: one more migration.
            let later = try DatabaseQueue(path: path)
            try later.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v5')")
                try db.execute(sql: "PRAGMA user_version = 5")
                try db.execute(sql: "CREATE TABLE v5_table (x)")
            }
            try later.close()
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let before = try bytes(path)
        let error = caught(RegisterError.self) { try VisitRegister.open(path: path) }
        #expect(error == .newerSchema(path: path, unknownMigrations: ["v5"]))
        #expect(try bytes(path) == before)
    }

    @Test func aLockedRegisterIsAClearErrorAfterTheBusyTimeout() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("register.sqlite")
        let register = try VisitRegister.open(path: path, busyTimeout: 0.2)
        let visit = try dir.write("visit.json", smallVisit())

        let other = try DatabaseQueue(path: path)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            let results = register.add(visitPaths: [visit], session: Checkout.session())
            #expect(results.map(\.outcome) == [.failed(.locked(path: path, waitedSeconds: 0.2))])
            #expect(results.first?.error?.description.contains("in use by another program") == true)
            try db.execute(sql: "ROLLBACK")
        }
        let results = register.add(visitPaths: [visit], session: Checkout.session())
        #expect(results.map(\.outcome) == [.added(visitId: "NUE-TEST-1")])
    }

    @Test func defaultPathFollowsXDG() throws {
        #expect(
            try VisitRegister.defaultPath(environment: ["XDG_DATA_HOME": "/data/x", "HOME": "/home/a"])
                == "/data/x/esp/register.sqlite")
        #expect(
            try VisitRegister.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/a"])
                == "/home/a/.local/share/esp/register.sqlite")
        #expect(
            try VisitRegister.defaultPath(environment: ["HOME": "/home/a/"])
                == "/home/a/.local/share/esp/register.sqlite")
        #expect(caught(RegisterError.self) { try VisitRegister.defaultPath(environment: [:]) } == .noDefaultLocation)
    }

    @Test func sha256MatchesTheFIPSVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // 64 bytes: the padding needs a second block.
        #expect(
            SHA256.hex(String(repeating: "a", count: 64))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }
}
