import Foundation
import PostgresNIO
import PostgresVisitStore
import Testing
import VisitRecords

/// The throw-away PostgreSQL cluster of `make test` (Scripts/with-test-postgres.sh): each test gets a database of
/// its own, and users of its own where it needs them.
enum TestCluster {
    static let environment = ProcessInfo.processInfo.environment
    /// The cluster's superuser address (without its password), when the tests run beside one.
    static let url = environment["ESP_TEST_POSTGRES"]
    static let password = environment["ESP_TEST_POSTGRES_PASSWORD"]
    /// Whether a cluster is there; `make test` always starts one.
    static var available: Bool { url != nil }
    static let note: Comment = "needs the cluster of make test (Scripts/with-test-postgres.sh)"

    /// The superuser's address for `database`.
    static func admin(database: String = "postgres") throws -> PostgresAddress {
        var address = try PostgresAddress(parsing: url ?? "", environment: [:])
        address.database = database
        address.password = password
        return address
    }

    /// A new, empty database.
    static func newDatabase() async throws -> PostgresAddress {
        let name = "esp_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await execute("CREATE DATABASE \(name)")
        return try admin(database: String(name))
    }

    /// Runs statements as the superuser (in `database`), through the simple protocol: for test set-up only.
    static func execute(_ sql: String, database: String = "postgres") async throws {
        try await withConnection(try admin(database: database)) { connection in
            _ = try await connection.simpleQuery(sql).get()
        }
    }

    /// The first column of each row of `sql`, as text, run as `address`'s user.
    static func texts(_ sql: String, as address: PostgresAddress) async throws -> [String] {
        try await withConnection(address) { connection in
            try await connection.simpleQuery(sql).get().map { row in
                try row.makeRandomAccess()[0].decode(String?.self) ?? "NULL"
            }
        }
    }

    static func withConnection<T>(_ address: PostgresAddress, _ body: (PostgresConnection) async throws -> T)
        async throws -> T
    {
        var logger = Logger(label: "esp.test")
        logger.logLevel = .critical
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: address.host ?? "127.0.0.1", port: address.port, username: address.user,
                password: address.password, database: address.database, tls: .disable),
            id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// A login role with a random password (cluster-wide: the name is unique).
    static func newLogin(_ prefix: String) async throws -> (name: String, password: String) {
        let name = prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(10)
        let password = UUID().uuidString
        try await execute("CREATE ROLE \(name) LOGIN PASSWORD '\(password)'")
        return (name, password)
    }
}
