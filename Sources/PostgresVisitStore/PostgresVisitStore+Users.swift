import Crypto
import Foundation
import PostgresNIO
import VisitRecords
import _CryptoExtras

/// A user of an office register: a PostgreSQL login role in one of the register's groups.
public struct RegisterUser: Sendable, Equatable {
    /// The login name.
    public var name: String
    /// Advisor, clerk or lead.
    public var role: PostgresVisitStore.Role
    /// A clerk's cities (city ids); empty for the others.
    public var cities: [String]

    /// A user.
    public init(name: String, role: PostgresVisitStore.Role, cities: [String] = []) {
        self.name = name
        self.role = role
        self.cities = cities
    }
}

/// Why a user could not be added or changed.
public enum UserProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Login names are lower-case letters, digits and `_`, starting with a letter, at most 63 characters.
    case badName(String)
    /// A clerk needs at least one city; advisors and leads take none.
    case cities(role: PostgresVisitStore.Role)
    /// Passwords need at least this many characters.
    case shortPassword(minimum: Int)
    /// The register's owner is no user kind to add.
    case ownerIsNoUserKind

    /// The problem in plain English.
    public var description: String {
        switch self {
        case .badName(let name):
            "\"\(name)\" is not a user name: lower-case letters, digits and _, starting with a letter, at most 63"
        case .cities(let role):
            role == .clerk ? "a clerk needs the cities they work for" : "only clerks have cities"
        case .shortPassword(let minimum): "a password needs at least \(minimum) characters"
        case .ownerIsNoUserKind: "a user is an advisor, a clerk or a lead"
        }
    }
}

extension PostgresVisitStore {
    /// The shortest password accepted.
    public static let minimumPasswordLength = 12

    /// The register's users, by name.
    public func users() async throws(StoreError) -> [RegisterUser] {
        try await transaction { connection in
            var users: [RegisterUser] = []
            let rows = try await connection.query(
                "SELECT role_name::text, kind, cities FROM esp.register_user ORDER BY role_name", logger: self.logger)
            for try await (name, kind, cities) in rows.decode((String, String, [String]).self) {
                users.append(
                    RegisterUser(
                        name: name, role: try Self.decodeEnum(kind, "kind", self.location), cities: cities))
            }
            return users
        }
    }

    /// Checks a new user before the server sees it.
    public static func check(_ user: RegisterUser, password: String) throws(UserProblem) {
        let name = Array(user.name.utf8)
        guard (1...63).contains(name.count), let first = name.first, (97...122).contains(first),
            name.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 95 })
        else { throw .badName(user.name) }
        if user.role == .owner { throw .ownerIsNoUserKind }
        if (user.role == .clerk) == user.cities.isEmpty { throw .cities(role: user.role) }
        if password.count < minimumPasswordLength { throw .shortPassword(minimum: minimumPasswordLength) }
    }

    /// Adds a user (the register's owner only: creating roles needs the right to).
    public func addUser(_ user: RegisterUser, password: String) async throws(StoreError) {
        let verifier = try scramVerifier(password)
        try await transaction { connection in
            _ = try await connection.query(
                "SELECT esp.add_user(\(user.name), \(user.role.rawValue), \(user.cities), \(verifier))",
                logger: self.logger)
        }
    }

    /// Sets a user's password: the owner's for anyone, a user's for themselves.
    public func setPassword(user: String, password: String) async throws(StoreError) {
        let verifier = try scramVerifier(password)
        try await transaction { connection in
            _ = try await connection.query("SELECT esp.set_password(\(user), \(verifier))", logger: self.logger)
        }
    }

    /// Removes a user: no login, no rights; the name stays taken.
    public func removeUser(_ name: String) async throws(StoreError) {
        try await transaction { connection in
            _ = try await connection.query("SELECT esp.remove_user(\(name))", logger: self.logger)
        }
    }

    /// Gives an advisor access to a visit another advisor registered (a clerk of its city, or the owner).
    public func assign(visitId: String, to user: String) async throws(StoreError) {
        try await transaction { connection in
            guard try await self.lockedIdentity(connection, visitId) != nil else {
                throw StoreError.unknownVisit(visitId: visitId)
            }
            _ = try await connection.query(
                """
                INSERT INTO esp.visit_assignment (visit_id, role_name) VALUES (\(visitId), \(user))
                ON CONFLICT DO NOTHING
                """, logger: self.logger)
        }
    }

    /// Takes a visit's access back from an advisor it was given to.
    public func unassign(visitId: String, from user: String) async throws(StoreError) {
        try await transaction { connection in
            _ = try await connection.query(
                "DELETE FROM esp.visit_assignment WHERE visit_id = \(visitId) AND role_name = \(user)",
                logger: self.logger)
        }
    }

    /// PostgreSQL's SCRAM-SHA-256 verifier of `password` (RFC 5802, 7677; the format `ALTER ROLE … PASSWORD` takes):
    /// `SCRAM-SHA-256$4096:salt$StoredKey:ServerKey`, with PostgreSQL's own number of iterations.
    func scramVerifier(_ password: String) throws(StoreError) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        do {
            return try Self.scramVerifier(password, salt: salt, iterations: 4096)
        } catch {
            throw .database(location: location, reason: "the password's SCRAM verifier could not be made: \(error)")
        }
    }

    static func scramVerifier(_ password: String, salt: [UInt8], iterations: Int) throws -> String {
        // PBKDF2 of so few rounds is what SCRAM asks for; the server's check costs the same.
        let salted = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32,
            unsafeUncheckedRounds: iterations)
        let clientKey = HMAC<Crypto.SHA256>.authenticationCode(for: Array("Client Key".utf8), using: salted)
        let storedKey = Crypto.SHA256.hash(data: Data(clientKey))
        let serverKey = HMAC<Crypto.SHA256>.authenticationCode(for: Array("Server Key".utf8), using: salted)
        func base64<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 { Data(bytes).base64EncodedString() }
        return "SCRAM-SHA-256$\(iterations):\(base64(salt))$\(base64(storedKey)):\(base64(serverKey))"
    }
}

extension PostgresVisitStore {
    /// The verifier of `password` with a given salt, for tests.
    public static func scramVerifierForTests(_ password: String, salt: [UInt8]) throws -> String {
        try scramVerifier(password, salt: salt, iterations: 4096)
    }
}
