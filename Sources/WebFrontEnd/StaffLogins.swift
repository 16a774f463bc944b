import VisitRecords

#if canImport(Glibc)
import Glibc
#endif

/// What a signed-in person's role lets the pages offer; the register's own roles and row-level security decide what
/// they can actually read.
public enum StaffRole: String, Sendable, Equatable {
    /// The register's owner: everything.
    case owner
    /// The visits they made or were assigned.
    case advisor
    /// The visits of their cities.
    case clerk
    /// The programme's figures only, no household.
    case lead

    /// Whether the pages offer households' data: a programme lead sees the programme's figures only.
    var readsHouseholds: Bool { self != .lead }
}

/// Someone signed in to `esp serve`: their name, their role and the register opened with their own database login.
public struct StaffMember: Sendable {
    /// The login name (the register's user name).
    public let name: String
    /// What the register lets them do.
    public let role: StaffRole
    /// The register as this person sees it.
    public let store: any VisitStore
    /// Ends the register's connections when the session ends.
    let close: @Sendable () async -> Void

    /// A signed-in person; `close` ends their register connections.
    public init(
        name: String, role: StaffRole, store: any VisitStore, close: @escaping @Sendable () async -> Void
    ) {
        self.name = name
        self.role = role
        self.store = store
        self.close = close
    }

    /// The person whose request is being answered (set by ``SecurityMiddleware`` for the request's whole work).
    @TaskLocal static var current: StaffMember?
}

/// How `esp serve` checks a login and how long what it grants lasts. The password is checked by whoever opens the
/// register (for an office register: PostgreSQL, by SCRAM-SHA-256), never kept by esp.
public struct StaffLogins: Sendable {
    /// Opens the register as `name` with `password`; a wrong pair is
    /// ``VisitRecords/StoreError/authenticationFailed(location:user:)``.
    public typealias SignIn = @Sendable (_ name: String, _ password: String) async throws(StoreError) -> StaffMember

    /// Checks a login.
    public var signIn: SignIn
    /// A session ends after this long without a request.
    public var idleSeconds: Int
    /// A session ends after this long, however busy.
    public var longestSeconds: Int
    /// Failed logins for one name before it is locked for ``lockSeconds``.
    public var attemptsPerName: Int
    /// Failed logins from one address (an office's computers may share one) before it is locked.
    public var attemptsPerAddress: Int
    /// How long failed logins count, and how long a lock lasts.
    public var lockSeconds: Int
    /// Seconds since 1970: the clock sessions and locks are measured with (a test moves it).
    public var clock: @Sendable () -> Int

    /// Logins with the office's defaults: 30 minutes idle, 10 hours at most, 5 failures per name or 20 per address
    /// within 15 minutes lock for 15 minutes.
    public init(
        idleSeconds: Int = 30 * 60, longestSeconds: Int = 10 * 3600, attemptsPerName: Int = 5,
        attemptsPerAddress: Int = 20, lockSeconds: Int = 15 * 60,
        clock: @escaping @Sendable () -> Int = { Int(time(nil)) }, signIn: @escaping SignIn
    ) {
        self.signIn = signIn
        self.idleSeconds = idleSeconds
        self.longestSeconds = longestSeconds
        self.attemptsPerName = attemptsPerName
        self.attemptsPerAddress = attemptsPerAddress
        self.lockSeconds = lockSeconds
        self.clock = clock
    }
}
