import EnergyAdvice
import Foundation
import GRDB
import SafeFiles
import VisitRecords

#if canImport(Glibc)
import Glibc
#endif

/// The visit register in a local SQLite file: a laptop's register, and the one the tests of every use case run on.
///
/// The file holds personal data (the full visit, notes included); it is created with mode 0600 (folders 0700) and
/// only pseudonymised figures leave it. Every change runs in one transaction; a second program writing at the same
/// time is waited for up to the busy timeout, then reported as ``StoreError/locked(location:waitedSeconds:)``.
public final class SQLiteVisitStore: VisitStore {
    /// The `PRAGMA application_id` of every esp register: "ESPR" in ASCII.
    public static let applicationID: Int32 = 0x4553_5052
    /// How long a change waits for another program's lock before giving up, by default.
    public static let defaultBusyTimeout: Double = 2

    /// What the store is opened for.
    public enum Access: Sendable {
        /// Reading only: a missing file is an error (nothing is created) and a read-only file can be read.
        case read
        /// Reading and writing: a missing file is created (mode 0600) and brought to the current schema.
        case write
    }

    /// The register file.
    public let path: String
    /// The register file, for messages.
    public var location: String { path }
    let queue: DatabaseQueue
    let busyTimeout: Double
    /// The random per-register salt of the pseudonyms in exports.
    let salt: String
    /// Now in UTC as `YYYY-MM-DDTHH:MM:SSZ`; tests stand in a fixed clock.
    let clock: @Sendable () -> String
    /// Who reads and changes the register, for the audit log.
    public let actor: String
    /// False when the file can be read but not written here: reads are then not logged (nothing can be).
    let writable: Bool

    private init(
        path: String, queue: DatabaseQueue, busyTimeout: Double, salt: String,
        clock: @escaping @Sendable () -> String, actor: String, writable: Bool
    ) {
        self.path = path
        self.queue = queue
        self.busyTimeout = busyTimeout
        self.salt = salt
        self.clock = clock
        self.actor = actor
        self.writable = writable
    }

    /// The register's place when none is given: `$XDG_DATA_HOME/esp/register.sqlite`, else
    /// `$HOME/.local/share/esp/register.sqlite`. A relative `XDG_DATA_HOME` is ignored, as the XDG spec says.
    public static func defaultPath(environment: [String: String]) throws(StoreError) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return FilePath.join(xdg, "esp/register.sqlite")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return FilePath.join(home, ".local/share/esp/register.sqlite")
        }
        throw .noDefaultLocation
    }

    /// Opens the register at `path`. For `.write` a missing file is created and its schema brought up to date under
    /// an exclusive lock, so two programs creating one register at once both succeed; `.read` never creates or
    /// changes anything.
    ///
    /// A file that is not an esp register, or one written by a newer esp, is refused and left byte for byte as it was.
    /// Reads are logged with `actor` when the file can be written here (``AuditEvent``).
    public static func open(
        path: String, access: Access, busyTimeout: Double = defaultBusyTimeout,
        clock: @escaping @Sendable () -> String = SQLiteVisitStore.timestamp, actor: String = systemUser()
    ) throws(StoreError) -> SQLiteVisitStore {
        var access = access
        switch access {
        case .read:
            guard FilePath.exists(path) else { throw .notFound(location: path) }
            // A register of an older esp, or one whose creation was cut short, is brought up to date first: that
            // changes no visit, and reading it as it is would fail. A register that can be written is opened for
            // writing, so that reading a household's data is logged.
            if try checkExisting(path, busyTimeout: busyTimeout) < RegisterSchema.version
                || Glibc.access(path, W_OK) == 0
            {
                access = .write
            }
        case .write:
            if !(try createIfMissing(path)) { try checkExisting(path, busyTimeout: busyTimeout) }
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "esp-register"
        if access == .read {
            config.readonly = true
        } else {
            config.journalMode = .wal
        }
        // 64 MiB of page cache instead of SQLite's 2 MiB: a summary over 100,000 visits otherwise reads its pages
        // from the file again and again.
        // In WAL mode NORMAL syncs the log at checkpoints, not at every commit: a power cut may lose the last
        // visits added (their files are still there) but never leaves a broken register.
        let writing = access == .write
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -65536")
            if writing { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw map(error, path: path, busyTimeout: busyTimeout, opening: true)
        }
        do {
            if access == .write {
                try queue.writeWithoutTransaction { db in try SQLiteSchema.migrate(db, path: path) }
            }
            let salt = try queue.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM register_info WHERE key = 'pseudonym-salt'")
            }
            guard let salt else {
                throw StoreError.database(location: path, reason: "the register has no pseudonym salt")
            }
            return SQLiteVisitStore(
                path: path, queue: queue, busyTimeout: busyTimeout, salt: salt, clock: clock, actor: actor,
                writable: access == .write)
        } catch {
            try? queue.close()
            throw map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Looks at an existing file read-only and refuses it unless it is empty or an esp register this esp can read.
    /// - Returns: its schema version (0 for an empty file).
    @discardableResult
    static func checkExisting(_ path: String, busyTimeout: Double) throws(StoreError) -> Int {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "esp-register-check"
        do {
            let reader = try DatabaseQueue(path: path, configuration: config)
            defer { try? reader.close() }
            return try reader.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if applicationID != Self.applicationID {
                    if objects == 0 && applicationID == 0 { return 0 }  // an empty database: ours to set up
                    // An esp before schema 5 was killed while creating the register: GRDB had made its bookkeeping
                    // table, but the first migration (which sets the application id) never committed.
                    if applicationID == 0, try SQLiteSchema.onlyEmptyMigrationTable(db) { return 0 }
                    let detail =
                        applicationID == 0
                        ? "an SQLite database of another program, \(objects) schema objects, no application id"
                        : "an SQLite database of another program, application id \(applicationID)"
                    throw StoreError.notARegister(location: path, detail: detail)
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version > RegisterSchema.version {
                    throw StoreError.newerSchema(
                        location: path, detail: "schema \(version); this esp knows up to \(RegisterSchema.version)")
                }
                return version
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notARegister(location: path, detail: "not an SQLite database")
        } catch {
            throw map(error, path: path, busyTimeout: busyTimeout, opening: true)
        }
    }

    /// Creates the file with mode 0600 (and missing folders with 0700) when it does not exist.
    /// - Returns: true when the file was created now.
    static func createIfMissing(_ path: String) throws(StoreError) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw .cannotOpen(location: path, reason: "not a regular file")
            }
            return false
        }
        try makeFolders(FilePath.directory(of: path), for: path)
        let fd = createExclusive(path, mode: 0o600)
        if fd < 0 {
            if errno == EEXIST { return false }
            throw .cannotCreate(location: path, reason: String(cString: strerror(errno)))
        }
        close(fd)
        return true
    }

    static func makeFolders(_ folder: String, for path: String) throws(StoreError) {
        var info = stat()
        if stat(folder, &info) == 0 { return }
        try makeFolders(FilePath.directory(of: folder), for: path)
        if mkdir(folder, mode_t(0o700)) != 0 && errno != EEXIST {
            throw .cannotCreate(
                location: path, reason: "cannot create folder \(folder): \(String(cString: strerror(errno)))")
        }
    }

    /// Turns any error of a database call into a ``StoreError``.
    static func map(_ error: any Error, path: String, busyTimeout: Double, opening: Bool = false) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .locked(location: path, waitedSeconds: busyTimeout)
            case .SQLITE_NOTADB:
                return .notARegister(location: path, detail: "not an SQLite database")
            case .SQLITE_READONLY:
                return .readOnly(location: path)
            default:
                let reason = error.message ?? "\(error.resultCode)"
                return opening
                    ? .cannotOpen(location: path, reason: reason) : .database(location: path, reason: reason)
            }
        }
        return .database(location: path, reason: String(describing: error))
    }

    /// Runs a change in one transaction, with errors as ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw Self.map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs a read, with errors as ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw Self.map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs a read that the audit log records: in a write transaction where the file can be written, so the log entry
    /// and the read are one; else as a plain read.
    func auditedRead<T>(_ body: (Database, _ log: Bool) throws -> T) throws(StoreError) -> T {
        if writable { return try write { db in try body(db, true) } }
        return try read { db in try body(db, false) }
    }

    /// The login name of the user running esp, for the audit log; the user id when it has no name.
    public static func systemUser() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }

    /// The schema version of the file (`PRAGMA user_version`).
    public func schemaVersion() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// Now in UTC as `YYYY-MM-DDTHH:MM:SSZ`, from the C clock: a Foundation date formatter per visit cost more than
    /// storing the visit.
    @Sendable public static func timestamp() -> String {
        var seconds = time(nil)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "1970-01-01T00:00:00Z" }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

/// `open(2)` with O_CREAT | O_EXCL; outside the class, whose own `open` would shadow the C function.
private func createExclusive(_ path: String, mode: mode_t) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
}
