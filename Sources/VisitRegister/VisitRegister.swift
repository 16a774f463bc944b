import AdviceData
import EnergyAdvice
import Foundation
import GRDB
import SafeFiles

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The visit register: a local SQLite file that keeps every advised visit, its advice and later follow-ups,
/// for the programme's council report.
///
/// The file holds personal data (the full visit, notes included); it is created with mode 0600 and only
/// pseudonymised figures leave it through ``export(format:withIDs:filter:)`` and ``summary(_:)``.
/// Every change runs in one transaction; a second program writing at the same time is waited for up to the
/// busy timeout, then reported as ``RegisterError/locked(path:waitedSeconds:)``.
public final class VisitRegister: Sendable {
    /// The `PRAGMA application_id` of every esp register: "ESPR" in ASCII.
    public static let applicationID: Int32 = 0x4553_5052
    /// The schema migrations this esp knows, oldest first; the last one is the current schema.
    public static let migrationNames = ["v1", "v2", "v3", "v4"]
    /// How long a change waits for another program's lock before giving up, by default.
    public static let defaultBusyTimeout: Double = 2

    /// The register file.
    public let path: String
    let queue: DatabaseQueue
    let busyTimeout: Double
    /// The random per-register salt of the pseudonyms in exports.
    let salt: String

    private init(path: String, queue: DatabaseQueue, busyTimeout: Double, salt: String) {
        self.path = path
        self.queue = queue
        self.busyTimeout = busyTimeout
        self.salt = salt
    }

    /// The register's place when none is given: `$XDG_DATA_HOME/esp/register.sqlite`, else
    /// `$HOME/.local/share/esp/register.sqlite`. A relative `XDG_DATA_HOME` is ignored, as the XDG spec says.
    public static func defaultPath(
        environment: [String: String]
    ) throws(RegisterError) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return FilePath.join(xdg, "esp/register.sqlite")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return FilePath.join(home, ".local/share/esp/register.sqlite")
        }
        throw .noDefaultLocation
    }

    /// Opens the register at `path`, creating it (mode 0600, missing folders 0700) and bringing its schema up
    /// to date.
    ///
    /// A file that is not an esp register, or one written by a newer esp, is refused and left byte for byte
    /// as it was.
    /// - Parameter busyTimeout: seconds to wait for another program's lock before ``RegisterError/locked(path:waitedSeconds:)``.
    public static func open(path: String, busyTimeout: Double = defaultBusyTimeout) throws(RegisterError)
        -> VisitRegister
    {
        let created = try createIfMissing(path)
        if !created { try checkExisting(path, busyTimeout: busyTimeout) }

        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "esp-register"
        // 64 MiB of page cache instead of SQLite's 2 MiB: a summary over 100,000 visits otherwise reads its pages
        // from the file again and again.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw map(error, path: path, busyTimeout: busyTimeout, opening: true)
        }
        do {
            try RegisterSchema.migrator.migrate(queue)
            let salt = try queue.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM register_info WHERE key = 'pseudonym-salt'")
            }
            guard let salt else {
                throw RegisterError.database(path: path, reason: "the register has no pseudonym salt")
            }
            return VisitRegister(path: path, queue: queue, busyTimeout: busyTimeout, salt: salt)
        } catch {
            try? queue.close()
            throw map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Looks at an existing file read-only and refuses it unless it is empty or an esp register this esp can read.
    static func checkExisting(_ path: String, busyTimeout: Double) throws(RegisterError) {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "esp-register-check"
        do {
            let reader = try DatabaseQueue(path: path, configuration: config)
            defer { try? reader.close() }
            try reader.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if applicationID != Self.applicationID {
                    if objects == 0 && applicationID == 0 { return }  // an empty database: ours to set up
                    // esp was killed while creating the register: GRDB had made its bookkeeping table, but the
                    // first migration (which sets the application id) never committed. Still ours to set up.
                    if applicationID == 0, try Self.onlyEmptyMigrationTable(db) { return }
                    let detail =
                        applicationID == 0
                        ? "an SQLite database of another program, \(objects) schema objects, no application id"
                        : "an SQLite database of another program, application id \(applicationID)"
                    throw RegisterError.notARegister(path: path, detail: detail)
                }
                let unknown = try RegisterSchema.migrator.appliedIdentifiers(db)
                    .filter { !migrationNames.contains($0) }.sorted()
                let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if !unknown.isEmpty || userVersion > migrationNames.count {
                    throw RegisterError.newerSchema(
                        path: path, unknownMigrations: unknown.isEmpty ? ["user_version \(userVersion)"] : unknown)
                }
            }
        } catch let error as RegisterError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notARegister(path: path, detail: "not an SQLite database")
        } catch {
            throw map(error, path: path, busyTimeout: busyTimeout, opening: true)
        }
    }

    /// True when the database holds nothing but GRDB's migration table, with no migration recorded.
    static func onlyEmptyMigrationTable(_ db: Database) throws -> Bool {
        let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master")
        guard names.allSatisfy({ $0 == "grdb_migrations" || $0.hasPrefix("sqlite_autoindex_grdb_migrations") }),
            names.contains("grdb_migrations")
        else { return false }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0
    }

    /// Creates the file with mode 0600 (and missing folders with 0700) when it does not exist.
    /// - Returns: true when the file was created now.
    static func createIfMissing(_ path: String) throws(RegisterError) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw .cannotOpen(path: path, reason: "not a regular file")
            }
            return false
        }
        try makeFolders(FilePath.directory(of: path), for: path)
        let fd = createExclusive(path, mode: 0o600)
        if fd < 0 {
            if errno == EEXIST { return false }
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        close(fd)
        return true
    }

    static func makeFolders(_ folder: String, for path: String) throws(RegisterError) {
        var info = stat()
        if stat(folder, &info) == 0 { return }
        try makeFolders(FilePath.directory(of: folder), for: path)
        if mkdir(folder, mode_t(0o700)) != 0 && errno != EEXIST {
            throw .cannotCreate(
                path: path, reason: "cannot create folder \(folder): \(String(cString: strerror(errno)))")
        }
    }

    /// Turns any error of a database call into a ``RegisterError``.
    static func map(_ error: any Error, path: String, busyTimeout: Double, opening: Bool = false) -> RegisterError {
        if let error = error as? RegisterError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .locked(path: path, waitedSeconds: busyTimeout)
            case .SQLITE_NOTADB:
                return .notARegister(path: path, detail: "not an SQLite database")
            default:
                let reason = error.message ?? "\(error.resultCode)"
                return opening ? .cannotOpen(path: path, reason: reason) : .database(path: path, reason: reason)
            }
        }
        return .database(path: path, reason: String(describing: error))
    }

    /// Runs a change in one transaction, with errors as ``RegisterError``.
    func write<T>(_ body: (Database) throws -> T) throws(RegisterError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw Self.map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs a read, with errors as ``RegisterError``.
    func read<T>(_ body: (Database) throws -> T) throws(RegisterError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw Self.map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// The schema migrations that have been applied to this register, oldest first.
    public func appliedMigrations() throws(RegisterError) -> [String] {
        try read { db in try RegisterSchema.migrator.appliedMigrations(db) }
    }
}

/// `open(2)` with O_CREAT | O_EXCL; outside the class, whose own `open` would shadow the C function.
private func createExclusive(_ path: String, mode: mode_t) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
}
