import EnergyAdvice
import PostgresNIO
import VisitRecords

/// The visit register of an office in PostgreSQL: one register for many advisors, each seeing what the database's
/// roles and row-level security let them see (``PostgresSchema``).
///
/// Every operation is one transaction on a connection of a small pool; every value goes to the server as a bound
/// parameter. The summary is added up by the server from figures each visit is stored with
/// (``VisitRecords/SummaryContribution``), so a million visits are never read into esp.
public final class PostgresVisitStore: VisitStore {
    /// Who the user is in the register.
    public enum Role: String, Sendable, Equatable {
        /// Owns the register (set it up); sees everything, manages users.
        case owner
        /// Reads and changes the visits they registered or were assigned.
        case advisor
        /// Reads and changes the visits of their cities.
        case clerk
        /// Reads the programme's aggregates only.
        case lead
    }

    /// What the store is opened for.
    public enum Access: Sendable {
        /// Reading and changing an existing register; a database without one is refused.
        case read
        /// The same, and a database without a register, or with an older one, is set up or brought up to date when
        /// the user may.
        case write
    }

    /// The address, without its password.
    public let address: PostgresAddress
    /// The address, without its password.
    public var location: String { address.description }
    /// The user's role, as the register knows it.
    public let role: Role
    /// The database user.
    public var user: String { address.user }
    let pool: ConnectionPool
    let logger: Logger
    let salt: String

    private init(address: PostgresAddress, role: Role, pool: ConnectionPool, logger: Logger, salt: String) {
        var shown = address
        shown.password = nil
        self.address = shown
        self.role = role
        self.pool = pool
        self.logger = logger
        self.salt = salt
    }

    /// How many connections one store opens at most.
    public static let defaultConnections = 4

    /// Connects and checks the register: its schema version (a newer one is refused untouched, a missing or older one
    /// set up with `.write` by a user who may), the pseudonym salt, and the user's role.
    public static func open(
        _ address: PostgresAddress, access: Access, connections: Int = defaultConnections
    ) async throws(StoreError) -> PostgresVisitStore {
        var quiet = Logger(label: "esp.register")
        quiet.logLevel = .critical  // nothing about households in any log
        let logger = quiet
        let configuration = try connectionConfiguration(address)
        let pool = ConnectionPool(configuration: configuration, limit: max(1, connections), logger: logger)
        let location = PostgresAddress.withoutPassword(address.description)
        do {
            let (salt, role) = try await Self.transaction(
                pool: pool, location: location, user: address.user, logger: logger
            ) { connection in
                try await PostgresMigration.bringUpToDate(
                    connection, access: access, location: location, logger: logger)
            }
            return PostgresVisitStore(address: address, role: role, pool: pool, logger: logger, salt: salt)
        } catch {
            await pool.close()
            throw error
        }
    }

    /// Closes the store's idle connections (a command ends them anyway; a test that opens many stores calls this).
    public func close() async { await pool.close() }

    static func connectionConfiguration(_ address: PostgresAddress) throws(StoreError)
        -> PostgresConnection.Configuration
    {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch address.tls {
            case .disable:
                tls = .disable
            case .prefer, .require:
                var client = TLSConfiguration.makeClientConfiguration()
                client.certificateVerification = .none
                let context = try NIOSSLContext(configuration: client)
                tls = address.tls == .prefer ? .prefer(context) : .require(context)
            case .verifyFull:
                tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw .cannotOpen(location: address.description, reason: "no TLS: \(error)")
        }
        var configuration: PostgresConnection.Configuration
        if let socket = address.socketPath {
            configuration = .init(
                unixSocketPath: socket, username: address.user, password: address.password,
                database: address.database)
        } else {
            configuration = .init(
                host: address.host ?? "localhost", port: address.port, username: address.user,
                password: address.password, database: address.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [("application_name", "esp")]
        return configuration
    }

    /// Runs `body` in one transaction; retried when the server chose it to give way to another one (a deadlock or
    /// a serialization failure); errors as ``StoreError``.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T)
        async throws(StoreError) -> T
    {
        try await Self.transaction(pool: pool, location: location, user: user, logger: logger, body)
    }

    static func transaction<T: Sendable>(
        pool: ConnectionPool, location: String, user: String, logger: Logger,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            let connection: PostgresConnection
            do {
                connection = try await pool.acquire()
            } catch {
                throw PostgresErrors.map(error, location: location, user: user)
            }
            do {
                let result = try await ConnectionWatch.unlessClosed(connection, location: location) {
                    try await connection.query("BEGIN", logger: logger)
                    let result = try await body(connection)
                    try await connection.query("COMMIT", logger: logger)
                    return result
                }
                await pool.release(connection, broken: false)
                return result
            } catch {
                var broken = connection.isClosed || error as? StoreError == .connectionLost(location: location)
                if !broken {
                    do { try await connection.query("ROLLBACK", logger: logger) } catch { broken = true }
                }
                await pool.release(connection, broken: broken)
                if attempt < 4, PostgresErrors.isWorthRetrying(error) { continue }
                throw PostgresErrors.map(error, location: location, user: user)
            }
        }
    }
}

/// Reading the register's schema and bringing it up to date.
enum PostgresMigration {
    /// The version, salt and role of the connection's user, after setting the register up or bringing it up to date
    /// where `access` allows and the user may.
    static func bringUpToDate(
        _ connection: PostgresConnection, access: PostgresVisitStore.Access, location: String, logger: Logger
    ) async throws -> (salt: String, role: PostgresVisitStore.Role) {
        if access == .write {
            // One setter-up at a time, from the first look on: a second one waits and finds the work done.
            try await connection.query("SELECT pg_advisory_xact_lock(\(Int64(0x4553_5052)))", logger: logger)
        }
        let version = try await schemaVersion(connection, logger: logger, location: location)
        if let version, version > RegisterSchema.version {
            throw StoreError.newerSchema(
                location: location, detail: "schema \(version); this esp knows up to \(RegisterSchema.version)")
        }
        if version ?? 0 < RegisterSchema.version {
            guard access == .write else {
                throw version == nil
                    ? StoreError.notSetUp(location: location)
                    : StoreError.olderSchema(location: location, version: version!)
            }
            do {
                for step in PostgresSchema.steps where step.version > version ?? 0 {
                    for statement in PostgresSchema.statements(step.sql) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    if step.version == PostgresSchema.steps[0].version {
                        var generator = SystemRandomNumberGenerator()
                        let salt = SHA256.hexString((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
                        try await connection.query(
                            "INSERT INTO esp.register_info (key, value) VALUES ('pseudonym-salt', \(salt))",
                            logger: logger)
                    }
                    try await connection.query(
                        """
                        INSERT INTO esp.register_info (key, value) VALUES ('schema-version', \(String(step.version)))
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value
                        """, logger: logger)
                }
            } catch let error as PSQLError where PostgresErrors.sqlState(error) == "42501" {
                throw version == nil
                    ? StoreError.notSetUp(location: location)
                    : StoreError.olderSchema(location: location, version: version!)
            }
        }
        var salt: String?
        for try await value in try await connection.query(
            "SELECT value FROM esp.register_info WHERE key = 'pseudonym-salt'", logger: logger
        ).decode(String.self) {
            salt = value
        }
        guard let salt else {
            throw StoreError.database(location: location, reason: "the register has no pseudonym salt")
        }
        return (salt, try await role(connection, logger: logger, location: location))
    }

    /// The schema version, nil when the database holds no register.
    /// Why a login that is none of the register's users is refused.
    static let unknownUser = "use this register: it knows no such user"

    static func schemaVersion(_ connection: PostgresConnection, logger: Logger, location: String) async throws
        -> Int?
    {
        var (exists, usable) = (false, false)
        for try await row in try await connection.query(
            """
            SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'esp' AND c.relname = 'register_info'),
                coalesce(has_schema_privilege((SELECT oid FROM pg_namespace WHERE nspname = 'esp'), 'USAGE'), false)
            """, logger: logger
        ).decode((Bool, Bool).self) {
            (exists, usable) = row
        }
        guard exists else { return nil }
        // The register is there, but not for this login: not one of its users.
        guard usable else { throw StoreError.permissionDenied(location: location, action: unknownUser) }
        var version: Int?
        for try await text in try await connection.query(
            "SELECT value FROM esp.register_info WHERE key = 'schema-version'", logger: logger
        ).decode(String.self) {
            version = Int(text)
        }
        return version ?? 0
    }

    /// The user's role: their entry in `esp.register_user`, else owner when they own the register (or are a
    /// superuser).
    static func role(_ connection: PostgresConnection, logger: Logger, location: String) async throws
        -> PostgresVisitStore.Role
    {
        let unknown = StoreError.permissionDenied(location: location, action: unknownUser)
        let rows = try await connection.query(
            """
            SELECT has_schema_privilege('esp', 'USAGE'),
                pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'esp'), 'USAGE')
                OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
            """, logger: logger)
        var (member, owns) = (false, false)
        for try await row in rows.decode((Bool, Bool).self) { (member, owns) = row }
        if owns { return .owner }
        guard member else { throw unknown }
        for try await kind in try await connection.query(
            "SELECT kind FROM esp.register_user WHERE role_name = current_user", logger: logger
        ).decode(String.self) {
            if let role = PostgresVisitStore.Role(rawValue: kind) { return role }
        }
        throw unknown
    }
}
