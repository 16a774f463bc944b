import PostgresVisitStore
import SQLiteVisitStore
import VisitRecords

/// Where a front end's register is: a file on this computer (SQLite) or an office's database server (PostgreSQL).
/// The command line and the web both take it from `--register` or `ESP_REGISTER` through ``resolve(_:environment:)``.
public enum RegisterLocation: Sendable, Equatable, CustomStringConvertible {
    /// A register file.
    case file(String)
    /// An office register.
    case office(PostgresAddress)

    /// The register named by `given` (`--register`), else `ESP_REGISTER`, else the default file
    /// (`$XDG_DATA_HOME/esp/register.sqlite`). A `postgresql://` address is an office register; any other `name://`
    /// is refused rather than taken for a file name.
    public static func resolve(_ given: String?, environment: [String: String]) throws(StoreError) -> RegisterLocation {
        let named = given ?? environment["ESP_REGISTER"].flatMap { $0.isEmpty ? nil : $0 }
        guard let named else { return .file(try SQLiteVisitStore.defaultPath(environment: environment)) }
        if PostgresAddress.looksLikeOne(named) {
            return .office(try PostgresAddress(parsing: named, environment: environment))
        }
        if let scheme = named.range(of: "://"), named[..<scheme.lowerBound].allSatisfy({ $0.isLetter || $0 == "+" }) {
            throw .badAddress(
                address: named,
                problem: "only postgresql:// addresses name a register server "
                    + "(postgresql://USER@HOST:PORT/DATABASE); a register file is named by its path")
        }
        return .file(named)
    }

    /// The register for messages (an address without its password).
    public var description: String {
        switch self {
        case .file(let path): path
        case .office(let address): address.description
        }
    }
}

/// Opens registers: the one place that knows which store a ``RegisterLocation`` needs.
public enum RegisterConnection {
    /// What the register is opened for.
    public enum Access: Sendable {
        /// Reading (and follow-ups): a missing register is an error, nothing is created.
        case read
        /// Adding visits: a missing register file is created; an office database without a register is set up when
        /// the user may.
        case write
    }

    /// Opens the register at `location`.
    public static func open(_ location: RegisterLocation, access: Access) async throws(StoreError) -> any VisitStore {
        switch location {
        case .file(let path):
            return try SQLiteVisitStore.open(path: path, access: access == .read ? .read : .write)
        case .office(let address):
            return try await PostgresVisitStore.open(address, access: access == .read ? .read : .write)
        }
    }

    /// Opens the office register at `location`; a file is refused with `action` (which only an office register can
    /// do, e.g. manage users).
    public static func openOffice(_ location: RegisterLocation, action: String) async throws(StoreError)
        -> PostgresVisitStore
    {
        guard case .office(let address) = location else {
            throw .badAddress(
                address: location.description,
                problem: "\(action) needs an office register (postgresql://USER@HOST:PORT/DATABASE)")
        }
        return try await PostgresVisitStore.open(address, access: .write)
    }

    /// Opens the office register as someone logging in to a front end (the web's login page): with their own
    /// database user and password, so the database's roles and row-level security apply to all they do, and the
    /// password is checked by the server (SCRAM), never stored by esp. A wrong one is
    /// ``VisitRecords/StoreError/authenticationFailed(location:user:)``; a file register has no users.
    public static func logIn(_ location: RegisterLocation, user: String, password: String) async throws(StoreError)
        -> PostgresVisitStore
    {
        guard case .office(var address) = location else {
            throw .badAddress(
                address: location.description,
                problem: "logging in needs an office register (postgresql://USER@HOST:PORT/DATABASE)")
        }
        address.user = user
        address.password = password
        return try await PostgresVisitStore.open(address, access: .read)
    }
}
