import SafeFiles

/// The server's open sessions and its count of failed logins. Sessions live in memory only: a restart signs
/// everyone out, and nothing about them reaches a file.
final class SignInBook: Sendable {
    private struct Session {
        let staff: StaffMember
        let started: Int
        var lastSeen: Int
    }

    let logins: StaffLogins
    private let sessions = Locked<[String: Session]>([:])
    /// Times of recent failed logins, by `name:NAME` and `address:ADDRESS`.
    private let failures = Locked<[String: [Int]]>([:])

    init(_ logins: StaffLogins) { self.logins = logins }

    /// The person of a session token, when the session is still open (which counts as its use).
    func staff(token: String) -> StaffMember? {
        let now = logins.clock()
        let (found, ended) = sessions.withLock { all -> (StaffMember?, [StaffMember]) in
            var ended: [StaffMember] = []
            for (key, session) in all
            where now - session.lastSeen > logins.idleSeconds || now - session.started > logins.longestSeconds {
                ended.append(session.staff)
                all[key] = nil
            }
            guard var session = all[token] else { return (nil, ended) }
            session.lastSeen = now
            all[token] = session
            return (session.staff, ended)
        }
        for staff in ended { Task { await staff.close() } }
        return found
    }

    /// Opens a session for `staff`; its token (256 random bits) goes into the cookie.
    func start(_ staff: StaffMember) -> String {
        let token = Randomness.hex(32)
        let now = logins.clock()
        sessions.withLock { $0[token] = Session(staff: staff, started: now, lastSeen: now) }
        return token
    }

    /// Ends a session (signing out).
    func end(token: String) async {
        let ended = sessions.withLock { $0.removeValue(forKey: token) }
        await ended?.staff.close()
    }

    /// The time (seconds since 1970) from which `name` may try again from `address`, when either has failed too
    /// often lately; nil when a login may be tried now.
    func lockedUntil(name: String, address: String) -> Int? {
        let now = logins.clock()
        return failures.withLock { all -> Int? in
            var until: Int?
            for (key, limit) in [
                (Self.key(name: name), logins.attemptsPerName), ("address:" + address, logins.attemptsPerAddress),
            ] {
                let recent = (all[key] ?? []).filter { now - $0 < logins.lockSeconds }
                all[key] = recent.isEmpty ? nil : recent
                if recent.count >= limit, let last = recent.max() { until = max(until ?? 0, last + logins.lockSeconds) }
            }
            return until
        }
    }

    /// Counts a failed login.
    func failed(name: String, address: String) {
        let now = logins.clock()
        failures.withLock { all in
            all[Self.key(name: name), default: []].append(now)
            all["address:" + address, default: []].append(now)
        }
    }

    /// Forgets a name's failures after it signed in.
    func succeeded(name: String) {
        failures.withLock { $0[Self.key(name: name)] = nil }
    }

    private static func key(name: String) -> String { "name:" + name.lowercased() }
}
