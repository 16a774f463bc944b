import Foundation
import PostgresVisitStore
import RegisterConnection
import TestSupport
import Testing
import VisitRecords
import VisitStoreContract

@Suite("Register addresses")
struct AddressTests {
    @Test func readsTheFormsPsqlReads() throws {
        let plain = try PostgresAddress(parsing: "postgresql://anna@office:5433/esp", environment: [:])
        #expect(plain.user == "anna" && plain.host == "office" && plain.port == 5433 && plain.database == "esp")
        #expect(plain.password == nil && plain.tls == .prefer)
        let full = try PostgresAddress(
            parsing: "postgres://ben:p%40ss@[::1]/esp?sslmode=verify-full", environment: ["PGPASSWORD": "other"])
        #expect(full.password == "p@ss" && full.host == "::1" && full.port == 5432 && full.tls == .verifyFull)
        #expect(full.description == "postgresql://ben@[::1]:5432/esp", "never the password")
        let socket = try PostgresAddress(parsing: "postgresql://clara@/esp?host=/run/postgresql", environment: [:])
        #expect(socket.socketFolder == "/run/postgresql" && socket.host == nil)
        #expect(
            try PostgresAddress(parsing: "postgresql://anna@h/esp", environment: ["PGPASSWORD": "pw"]).password == "pw")
    }

    @Test func takesThePasswordFromAPasswordFileOnlyWhenOnlyItsOwnerMayReadIt() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write(
            "pgpass", "# office\nother:5432:esp:anna:wrong\noffice:*:esp:anna:s\\:cret\n*:*:*:*:fallback\n")
        chmod(file, 0o600)
        let address = try PostgresAddress(parsing: "postgresql://anna@office/esp", environment: ["PGPASSFILE": file])
        #expect(address.password == "s:cret")
        chmod(file, 0o644)
        #expect(
            try PostgresAddress(parsing: "postgresql://anna@office/esp", environment: ["PGPASSFILE": file]).password
                == nil)
    }

    @Test func namesWhatIsWrongWithAnAddress() {
        func problem(_ text: String) -> StoreError? {
            caught { () throws(StoreError) in _ = try PostgresAddress(parsing: text, environment: [:]) }
        }
        #expect(
            problem("postgresql://anna@office")
                == .badAddress(
                    address: "postgresql://anna@office",
                    problem: "the database is missing: postgresql://USER@HOST:PORT/DATABASE"))
        #expect(
            problem("postgresql://office:5432/esp")
                == .badAddress(
                    address: "postgresql://office:5432/esp",
                    problem: "the user is missing: postgresql://USER@HOST:PORT/DATABASE"))
        #expect(
            problem("postgresql://anna:secret@office:54x2/esp")
                == .badAddress(
                    address: "postgresql://anna@office:54x2/esp",
                    problem: "\"54x2\" is not a port; a port is a number from 1 to 65535"))
        #expect(
            problem("postgresql://anna@office/esp?sslmode=always")
                == .badAddress(
                    address: "postgresql://anna@office/esp?sslmode=always",
                    problem: "sslmode=always is not known; allowed: disable, prefer, require, verify-full"))
    }

    @Test func aRegisterIsAFileAnAddressOrTheDefault() throws {
        #expect(try RegisterLocation.resolve("/data/r.sqlite", environment: [:]) == .file("/data/r.sqlite"))
        #expect(
            try RegisterLocation.resolve(nil, environment: ["ESP_REGISTER": "postgresql://a@h/esp", "HOME": "/h"])
                == .office(try PostgresAddress(parsing: "postgresql://a@h/esp", environment: [:])))
        #expect(
            try RegisterLocation.resolve(nil, environment: ["HOME": "/h"])
                == .file("/h/.local/share/esp/register.sqlite"))
        #expect(
            caught { () throws(StoreError) in _ = try RegisterLocation.resolve("postgresq://a@h/esp", environment: [:])
            }
                == .badAddress(
                    address: "postgresq://a@h/esp",
                    problem: "only postgresql:// addresses name a register server "
                        + "(postgresql://USER@HOST:PORT/DATABASE); a register file is named by its path"))
    }
}

@Suite("The office register's schema", .enabled(if: TestCluster.available, TestCluster.note))
struct PostgresSchemaTests {
    @Test func readingNeverSetsUpAndSettingUpTwiceChangesNothing() async throws {
        let database = try await TestCluster.newDatabase()
        #expect(
            await caughtAsync { () async throws(StoreError) in
                _ = try await PostgresVisitStore.open(database, access: .read)
            } == .notSetUp(location: database.description))
        #expect(
            try await TestCluster.texts("SELECT count(*)::text FROM pg_namespace WHERE nspname = 'esp'", as: database)
                == ["0"])
        let first = try await PostgresVisitStore.open(database, access: .write)
        _ = try await first.save(try StoreFixtures.smallVisit(), replace: false)
        let salt = try await first.pseudonymSalt()
        await first.close()
        let second = try await PostgresVisitStore.open(database, access: .write)
        #expect(try await second.pseudonymSalt() == salt)
        #expect(try await second.visits(VisitFilter()).count == 1)
        #expect(second.role == .owner)
        await second.close()
        #expect(
            try await TestCluster.texts(
                "SELECT value FROM esp.register_info WHERE key = 'schema-version'", as: database)
                == ["\(RegisterSchema.version)"])
    }

    /// Two first users at once (two advisors' first push to a new office): one sets up, the other finds it done.
    @Test func twoSettingUpAtOnceBothSucceed() async throws {
        let database = try await TestCluster.newDatabase()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<3 {
                group.addTask {
                    let store = try await PostgresVisitStore.open(database, access: .write)
                    _ = try await store.save(try StoreFixtures.smallVisit(id: "S\(n)"), replace: false)
                    await store.close()
                }
            }
            try await group.waitForAll()
        }
        let store = try await PostgresVisitStore.open(database, access: .read)
        #expect(try await store.visits(VisitFilter()).count == 3)
        await store.close()
    }

    @Test func aUserWhoMayNotSetUpIsToldWhoCan() async throws {
        let database = try await TestCluster.newDatabase()
        let (name, password) = try await TestCluster.newLogin("nobody")
        var address = database
        address.user = name
        address.password = password
        #expect(
            await caughtAsync { () async throws(StoreError) in
                _ = try await PostgresVisitStore.open(address, access: .write)
            } == .notSetUp(location: address.description))
        // A register set up, but this login is none of its users.
        await (try await PostgresVisitStore.open(database, access: .write)).close()
        #expect(
            await caughtAsync { () async throws(StoreError) in
                _ = try await PostgresVisitStore.open(address, access: .read)
            } == .permissionDenied(location: address.description, action: "use this register: it knows no such user"))
    }

    @Test func aNewerRegisterIsRefusedUntouched() async throws {
        let database = try await TestCluster.newDatabase()
        await (try await PostgresVisitStore.open(database, access: .write)).close()
        try await TestCluster.execute(
            "UPDATE esp.register_info SET value = '8' WHERE key = 'schema-version'", database: database.database)
        for access in [PostgresVisitStore.Access.read, .write] {
            #expect(
                await caughtAsync { () async throws(StoreError) in
                    _ = try await PostgresVisitStore.open(database, access: access)
                } == .newerSchema(location: database.description, detail: "schema 8; this esp knows up to 7"))
        }
        #expect(
            try await TestCluster.texts(
                "SELECT value FROM esp.register_info WHERE key = 'schema-version'", as: database)
                == ["8"])
    }

    @Test func anUnknownDatabaseIsSaid() async throws {
        var address = try TestCluster.admin(database: "no_such_database")
        address.tls = .disable
        let error = await caughtAsync { () async throws(StoreError) in
            _ = try await PostgresVisitStore.open(address, access: .read)
        }
        #expect(
            error == .cannotOpen(location: address.description, reason: "database \"no_such_database\" does not exist"))
    }
}
