import EnergyAdvice
import Foundation
import PostgresVisitStore
import SQLiteVisitStore
import TestSupport
import Testing
import VisitRecords
import VisitStoreContract

/// A laptop register of `count` small visits (ids `prefix-0001` …), each with a follow-up, for pushing.
func laptop(_ dir: TemporaryDirectory, name: String = "laptop.sqlite", prefix: String, count: Int) async throws
    -> SQLiteVisitStore
{
    let store = try SQLiteVisitStore.open(path: dir.file(name), access: .write)
    for n in 1...count {
        let id = "\(prefix)-\(String(format: "%04d", n))"
        _ = try await store.save(
            try StoreFixtures.smallVisit(id: id, meterKWh: 10_000, advisor: prefix), replace: false)
        _ = try await store.saveFollowUp(
            FollowUpEntry(
                visitId: id, date: CalendarDate(year: 2026, month: 7, day: 11)!, meterNowKWh: 11_000 + Double(n)),
            mode: .record, today: CalendarDate(year: 2030, month: 1, day: 1)!)
    }
    return store
}

/// The environment of a command run as `address`'s user.
func environment(_ address: PostgresAddress, _ extra: [String: String] = [:]) -> [String: String] {
    [
        "ESP_DATA": Checkout.root, "PGPASSWORD": address.password ?? "", "ESP_TODAY": "2030-01-01",
        "HOME": "/nonexistent",
    ]
    .merging(extra) { _, new in new }
}

/// The address as `--register` takes it: without its password.
func url(_ address: PostgresAddress) -> String { address.description + "?sslmode=disable" }

@Suite("Pushing to and pulling from the office register", .enabled(if: TestCluster.available, TestCluster.note))
struct OfficeCLITests {
    @Test func aPushIsIdempotentAndThePullBringsFollowUpsBack() async throws {
        let office = try await Office.make([("anna", .advisor, [])])
        defer { Task { await office.close() } }
        let anna = office.addresses["anna"]!
        let dir = try TemporaryDirectory()
        let register = dir.file("laptop.sqlite")
        let add = await Command.run(["register", "add"] + Checkout.examplePaths + ["--register", register])
        #expect(add.status == 0, "\(add.stderr)")
        let first = await Command.run(
            ["register", "push", "--to", url(anna), "--register", register], environment: environment(anna))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout.hasPrefix(
                "\(Checkout.examplePaths.count)\u{00A0}Besuche an \(anna.description) geschickt: \(Checkout.examplePaths.count) neu, 0 schon da"
            ))
        let again = await Command.run(
            ["register", "push", "--to", url(anna), "--register", register], environment: environment(anna))
        #expect(
            again.stdout.hasPrefix(
                "\(Checkout.examplePaths.count)\u{00A0}Besuche an \(anna.description) geschickt: 0 neu, \(Checkout.examplePaths.count) schon da, 0 Nachbesuche"
            ))
        // The same visits give the same summary from SQLite and from PostgreSQL.
        let laptopSummary = await Command.run(["summary", "--format", "json", "--register", register])
        let officeSummary = await Command.run(
            ["summary", "--format", "json", "--register", url(anna)], environment: environment(anna))
        #expect(officeSummary.status == 0 && laptopSummary.stdout == officeSummary.stdout)
        // A follow-up recorded at the office comes back to the laptop.
        let followUp = await Command.run(
            [
                "followup", "NUE-2026-0142", "--date", "2027-02-17", "--meter-at-visit", "10000",
                "--electricity-meter", "12000", "--implemented", "led", "--register", url(anna),
            ], environment: environment(anna))
        #expect(followUp.status == 0, "\(followUp.stderr)")
        let pull = await Command.run(
            ["register", "pull", "--from", url(anna), "--register", register], environment: environment(anna))
        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(
            pull.stdout.hasPrefix(
                "\(Checkout.examplePaths.count)\u{00A0}Besuche von \(anna.description) geholt: 0 neu, 1 Nachbesuche neu"
            ))
        let shown = await Command.run(["register", "show", "NUE-2026-0142", "--register", register])
        #expect(shown.stdout.replacingOccurrences(of: "\u{00A0}", with: " ").contains("Nachbesuch am 17. Februar 2027"))
        // Both sides logged it: the office sent, the laptop received.
        let audit = await Command.run(["register", "audit", "NUE-2026-0142", "--register", register])
        #expect(audit.stdout.contains("Nachbesuch gespeichert (2027-02-17)"))
    }

    @Test func aConflictIsRefusedListedAndNothingOverwritten() async throws {
        let office = try await Office.make([("anna", .advisor, []), ("ben", .advisor, [])])
        defer { Task { await office.close() } }
        _ = try await office["ben"].save(try StoreFixtures.smallVisit(id: "X-0001", annualKWh: 2000), replace: false)
        let dir = try TemporaryDirectory()
        _ = try await laptop(dir, prefix: "X", count: 3)
        let anna = office.addresses["anna"]!
        let push = await Command.run(
            ["register", "push", "--to", url(anna), "--register", dir.file("laptop.sqlite")],
            environment: environment(anna))
        #expect(push.status == 1)
        #expect(push.stdout.hasPrefix("3\u{00A0}Besuche an \(anna.description) geschickt: 2 neu, 0 schon da"))
        #expect(
            push.stderr.contains(
                "esp: nicht übernommen: X-0001: dort ist unter dieser Nummer ein anderer Besuch gespeichert, den Sie "
                    + "nicht sehen dürfen"))
        #expect(push.stderr.contains("1\u{00A0}Konflikt: nichts davon wurde überschrieben"))
        #expect(try await office["ben"].visit(id: "X-0001").electricityKWh == 2000)
    }

    /// Bad input: one clear message each, the laptop's register byte for byte as it was.
    @Test func unreachableWrongPasswordNewerSchemaAndTyposAreOneClearMessage() async throws {
        let office = try await Office.make([("anna", .advisor, [])])
        defer { Task { await office.close() } }
        let anna = office.addresses["anna"]!
        let dir = try TemporaryDirectory()
        _ = try await laptop(dir, prefix: "L", count: 2)
        let register = dir.file("laptop.sqlite")
        let before = try Data(contentsOf: URL(fileURLWithPath: register))
        func push(_ to: String, _ env: [String: String]) async -> Command.Result {
            await Command.run(["register", "push", "--to", to, "--register", register], environment: env)
        }
        var wrong = environment(anna)
        wrong["PGPASSWORD"] = "not her password"
        let refused = await push(url(anna), wrong)
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "esp: \(anna.description): Der Server hat Benutzer \(anna.user) abgelehnt: falscher Name oder "
                + "falsches Passwort (PGPASSWORD oder ~/.pgpass). Nichts wurde geändert.\n")
        let closedPort = await push("postgresql://anna@127.0.0.1:1/esp", environment(anna))
        #expect(
            closedPort.stderr
                == "esp: postgresql://anna@127.0.0.1:1/esp: Der Datenbankserver antwortet nicht (connection refused). "
                + "Nichts wurde geändert; was auf diesem Rechner gespeichert ist, bleibt. Bitte Adresse, Port und "
                + "Netzwerk prüfen.\n")
        let typo = await push("postgressql://anna@127.0.0.1/esp", environment(anna))
        #expect(typo.stderr.hasPrefix("esp: postgressql://anna@127.0.0.1/esp: Das ist keine Register-Adresse: only "))
        let noDatabase = await push("postgresql://anna@127.0.0.1:\(anna.port)", environment(anna))
        #expect(noDatabase.stderr.contains("Das ist keine Register-Adresse: the database is missing"))
        try await TestCluster.execute(
            "UPDATE esp.register_info SET value = '9' WHERE key = 'schema-version'", database: anna.database)
        let newer = await push(url(anna), environment(anna))
        #expect(
            newer.stderr
                == "esp: \(anna.description): Das Register wurde von einer neueren esp-Version angelegt (schema 9; "
                + "this esp knows up to 7). Bitte esp aktualisieren; am Register wurde nichts geändert.\n")
        for result in [refused, closedPort, typo, noDatabase, newer] { #expect(result.status == 1) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: register)) == before, "nothing written locally was lost")
        // In English for staff who read English.
        var english = wrong
        english["ESP_STAFF_LANG"] = "en"
        #expect((await push(url(anna), english)).stderr.contains("the server refused user \(anna.user): wrong name"))
    }

    /// A push whose session the server ends stops with a clear message (or, when it ended between two visits, carries
    /// on over a new connection); running it again sends the rest, none twice.
    @Test func aPushWhoseConnectionDropsResumesWithoutDuplicates() async throws {
        let office = try await Office.make([("anna", .advisor, [])])
        defer { Task { await office.close() } }
        let anna = office.addresses["anna"]!
        let dir = try TemporaryDirectory()
        let total = 150
        _ = try await laptop(dir, prefix: "D", count: total)
        let register = dir.file("laptop.sqlite")
        // The administrator ends Anna's session once some visits arrived: the server closes her connection.
        let killer = Task {
            for _ in 0..<600 {
                let arrived =
                    Int(try await TestCluster.texts("SELECT count(*)::text FROM esp.visit", as: office.database)[0])
                    ?? 0
                if arrived >= 20 {
                    _ = try await TestCluster.texts(
                        "SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE usename = '\(anna.user)'",
                        as: office.database)
                    return arrived
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            return -1
        }
        let cut = await Command.run(
            ["register", "push", "--to", url(anna), "--register", register], environment: environment(anna))
        let killedAt = try await killer.value
        #expect(killedAt >= 20 && killedAt < total, "the session was ended in the middle of the push")
        let arrived = try await TestCluster.texts("SELECT count(*)::text FROM esp.visit", as: office.database)
        if cut.status == 0 {
            // The session ended between two visits: the next visit found its connection closed and took a new
            // one, so the push carried on. Nothing may be missing or twice.
            #expect(Int(arrived[0]) == total)
        } else {
            #expect(cut.status == 1)
            #expect(cut.stderr.hasPrefix("esp: Übertragung unterbrochen nach "), "\(cut.stderr)")
            #expect(cut.stderr.contains("esp register push noch einmal aufrufen schickt den Rest, nichts doppelt."))
            #expect((Int(arrived[0]) ?? 0) < total, "the push was cut in the middle")
        }
        let resumed = await Command.run(
            ["register", "push", "--to", url(anna), "--register", register], environment: environment(anna))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        try await Self.expectWhole(office, total: total)
    }

    /// The kill test: `esp register push` killed (SIGKILL) halfway leaves every visit at the office whole or absent;
    /// the next push sends the rest and nothing twice.
    @Test func aKilledPushResumesWithoutDuplicates() async throws {
        let office = try await Office.make([("anna", .advisor, [])])
        defer { Task { await office.close() } }
        let anna = office.addresses["anna"]!
        let dir = try TemporaryDirectory()
        let total = 200
        _ = try await laptop(dir, prefix: "K", count: total)
        let register = dir.file("laptop.sqlite")
        var killedHalfway = false
        for _ in 0..<3 where !killedHalfway {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = ["register", "push", "--to", url(anna), "--register", register]
            process.environment = environment(anna)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<1000 {
                let arrived =
                    Int(try await TestCluster.texts("SELECT count(*)::text FROM esp.visit", as: office.database)[0])
                    ?? 0
                if arrived >= 40 || !process.isRunning { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let arrived =
                Int(try await TestCluster.texts("SELECT count(*)::text FROM esp.visit", as: office.database)[0]) ?? 0
            killedHalfway = process.terminationReason == .uncaughtSignal && arrived > 0 && arrived < total
            try await Self.expectWhole(office, total: nil)
        }
        #expect(killedHalfway, "no kill landed in the middle of a push")
        let resumed = await Command.run(
            ["register", "push", "--to", url(anna), "--register", register], environment: environment(anna))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        try await Self.expectWhole(office, total: total)
    }

    /// Ten advisors push at the same time: every visit arrives once.
    @Test func tenAdvisorsPushingAtOnceLoseAndDuplicateNothing() async throws {
        let names = (0..<10).map { ("a\($0)", PostgresVisitStore.Role.advisor, [String]()) }
        let office = try await Office.make(names)
        defer { Task { await office.close() } }
        let dir = try TemporaryDirectory()
        for (n, (prefix, _, _)) in names.enumerated() {
            _ = try await laptop(dir, name: "\(prefix).sqlite", prefix: "P\(n)", count: 20)
        }
        let results = await withTaskGroup(of: Command.Result.self) { group in
            for (prefix, _, _) in names {
                let address = office.addresses[prefix]!
                group.addTask {
                    await Command.run(
                        ["register", "push", "--to", url(address), "--register", dir.file("\(prefix).sqlite")],
                        environment: environment(address))
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        try await Self.expectWhole(office, total: 200)
    }

    /// Every visit at the office whole — its documents, its two measures, its follow-up, added once — and, when
    /// given, `total` of them.
    static func expectWhole(_ office: Office, total: Int?) async throws {
        let counts = try await TestCluster.texts(
            """
            SELECT concat_ws(' ', count(*), count(DISTINCT v.visit_id),
                count(*) FILTER (WHERE d.visit_id IS NULL),
                count(*) FILTER (WHERE (SELECT count(*) FROM esp.measure m WHERE m.visit_id = v.visit_id) <> 2),
                count(*) FILTER (WHERE (SELECT count(*) FROM esp.follow_up f WHERE f.visit_id = v.visit_id) <> 1),
                count(*) FILTER (WHERE (SELECT count(*) FROM esp.audit_event a WHERE a.visit_id = v.visit_id
                    AND a.action = 'received') <> 1))
            FROM esp.visit v LEFT JOIN esp.visit_document d ON d.visit_id = v.visit_id
            """, as: office.database)
        let parts = counts[0].split(separator: " ").map { Int($0) ?? -1 }
        #expect(parts[0] == parts[1], "no visit twice")
        #expect(Array(parts[2...]) == [0, 0, 0, 0], "every visit whole, received once: \(counts[0])")
        if let total { #expect(parts[0] == total) }
    }

    /// The `esp` built beside this test binary.
    static var binary: String {
        let test =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: test).deletingLastPathComponent().appendingPathComponent("esp").path
    }
}
