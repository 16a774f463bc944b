import SafeFiles
import VisitRecords

#if canImport(Glibc)
import Glibc
#endif

/// Where an office register is: `postgresql://USER@HOST:PORT/DB` (also `postgres://`), as `psql` takes it.
///
/// The password is best left out of the address (a command line is visible to every user of the machine): it is
/// taken, in this order, from the address, from `PGPASSWORD`, or from the password file `~/.pgpass` (or
/// `PGPASSFILE`), as PostgreSQL's own tools do. `?sslmode=disable|prefer|require|verify-full` chooses encryption
/// (default `prefer`); `?host=/run/postgresql` connects through a Unix socket folder instead of TCP.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is encrypted.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Never.
        case disable
        /// When the server offers it, without checking its certificate.
        case prefer
        /// Always, without checking the certificate.
        case require
        /// Always, with the certificate checked against the system's authorities and the host name.
        case verifyFull = "verify-full"
    }

    /// The database user.
    public var user: String
    /// The password; never shown (see ``description``).
    public var password: String?
    /// A host name or address; nil with ``socketFolder``.
    public var host: String?
    /// The TCP port, or the number of the socket file.
    public var port: Int
    /// The folder of the server's Unix socket, for a connection without TCP.
    public var socketFolder: String?
    /// The database holding the register.
    public var database: String
    /// How the connection is encrypted.
    public var tls: TLSMode

    /// Whether `text` is meant as a PostgreSQL address rather than a file path.
    public static func looksLikeOne(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql:") || lower.hasPrefix("postgres:")
    }

    /// Reads an address; the password, when not in it, from `environment` and the password file.
    public init(parsing text: String, environment: [String: String]) throws(StoreError) {
        func bad(_ problem: String) -> StoreError {
            .badAddress(address: Self.withoutPassword(text), problem: problem)
        }
        let lower = text.lowercased()
        guard let schemeEnd = text.range(of: "://"),
            lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
        else {
            throw bad("it must start with postgresql:// (postgresql://USER@HOST:PORT/DATABASE)")
        }
        var rest = String(text[schemeEnd.upperBound...])
        var query: [(String, String)] = []
        if let mark = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                query.append((parts[0], Self.percentDecoded(parts.count > 1 ? parts[1] : "")))
            }
            rest = String(rest[..<mark])
        }
        guard let slash = rest.firstIndex(of: "/") else {
            throw bad("the database is missing: postgresql://USER@HOST:PORT/DATABASE")
        }
        let database = Self.percentDecoded(String(rest[rest.index(after: slash)...]))
        guard !database.isEmpty, !database.contains("/") else {
            throw bad("the database is missing after the last /: postgresql://USER@HOST:PORT/DATABASE")
        }
        let authority = String(rest[..<slash])
        guard let at = authority.lastIndex(of: "@") else {
            throw bad("the user is missing: postgresql://USER@HOST:PORT/DATABASE")
        }
        let userInfo = String(authority[..<at])
        let hostPort = String(authority[authority.index(after: at)...])
        var user = userInfo
        var password: String?
        if let colon = userInfo.firstIndex(of: ":") {
            user = String(userInfo[..<colon])
            password = Self.percentDecoded(String(userInfo[userInfo.index(after: colon)...]))
        }
        user = Self.percentDecoded(user)
        guard !user.isEmpty else { throw bad("the user is missing before the @") }
        var host: String? = hostPort
        var port = 5432
        if let colon = hostPort.lastIndex(of: ":"), !hostPort.hasSuffix("]") {
            let portText = hostPort[hostPort.index(after: colon)...]
            guard let number = Int(portText), (1...65535).contains(number) else {
                throw bad("\"\(portText)\" is not a port; a port is a number from 1 to 65535")
            }
            port = number
            host = String(hostPort[..<colon])
        }
        if host?.hasPrefix("[") == true && host?.hasSuffix("]") == true { host = String(host!.dropFirst().dropLast()) }
        var socketFolder: String?
        var tls = TLSMode.prefer
        for (key, value) in query {
            switch key {
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw bad(
                        "sslmode=\(value) is not known; allowed: "
                            + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                tls = mode
            case "host":
                guard value.hasPrefix("/") else { throw bad("host=\(value) must be the folder of a Unix socket") }
                socketFolder = value
            case "port":
                guard let number = Int(value), (1...65535).contains(number) else {
                    throw bad("\"\(value)\" is not a port; a port is a number from 1 to 65535")
                }
                port = number
            default:
                throw bad("?\(key)= is not known; allowed: sslmode, host, port")
            }
        }
        if host?.isEmpty == true { host = nil }
        guard host != nil || socketFolder != nil else {
            throw bad("the server is missing after the @: postgresql://USER@HOST:PORT/DATABASE")
        }
        if let host, host.contains(where: { $0 == " " || $0 == "/" }) {
            throw bad("\"\(host)\" is not a host name")
        }
        self.user = user
        self.password = password
        self.host = socketFolder == nil ? host : nil
        self.port = port
        self.socketFolder = socketFolder
        self.database = database
        self.tls = tls
        if self.password == nil {
            self.password = environment["PGPASSWORD"] ?? Self.passwordFromFile(self, environment: environment)
        }
    }

    /// `postgresql://USER@HOST:PORT/DB`, never with the password: for messages and the audit log.
    public var description: String {
        let server = socketFolder.map { "?host=\($0)" }
        let hostText = host.map { $0.contains(":") ? "[\($0)]" : $0 } ?? ""
        return "postgresql://\(user)@\(hostText):\(port)/\(database)" + (server ?? "")
    }

    /// The socket file of ``socketFolder``.
    var socketPath: String? { socketFolder.map { FilePath.join($0, ".s.PGSQL.\(port)") } }

    /// `text` with anything between `://` and `@` after a colon removed.
    static func withoutPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else {
            return text
        }
        let userInfo = text[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + String(text[at...])
    }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The password for `address` from `PGPASSFILE` or `~/.pgpass`: lines `host:port:database:user:password`, `*`
    /// matching anything, `\` escaping `:` and `\`. As libpq, a file others may read is ignored.
    static func passwordFromFile(_ address: PostgresAddress, environment: [String: String]) -> String? {
        guard let path = environment["PGPASSFILE"] ?? environment["HOME"].map({ FilePath.join($0, ".pgpass") }) else {
            return nil
        }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 == 0,
            let bytes = try? FileReader.bytes(atPath: path, maxBytes: 1 << 20)
        else { return nil }
        let host = address.host ?? "localhost"
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            var fields: [String] = []
            var current = ""
            var escaped = false
            for character in line {
                if escaped {
                    current.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":" && fields.count < 4 {
                    fields.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            fields.append(current)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(address.port), address.database, address.user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
