import PostgresNIO
import VisitRecords

/// PostgresNIO's and the server's errors as ``VisitRecords/StoreError``: the facts a person can act on.
enum PostgresErrors {
    /// The SQLSTATE of a server error.
    static func sqlState(_ error: PSQLError) -> String? { error.serverInfo?[.sqlState] }

    /// A deadlock, a serialization failure or a unique key two transactions wanted at once: the transaction is run
    /// again.
    static func isWorthRetrying(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = sqlState(error) else { return false }
        return state == "40001" || state == "40P01"
    }

    static func map(_ error: any Error, location: String, user: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? PSQLError {
            switch error.code {
            case .server:
                let message = error.serverInfo?[.message] ?? "server error"
                switch sqlState(error) ?? "" {
                case "28P01", "28000":
                    return .authenticationFailed(location: location, user: user)
                case "3D000":
                    return .cannotOpen(location: location, reason: message)
                case "42501":
                    return .permissionDenied(location: location, action: permissionAction(message))
                case "57P01", "57P02", "57P03":
                    return .connectionLost(location: location)
                case "25006":
                    return .readOnly(location: location)
                default:
                    return .database(location: location, reason: message)
                }
            case .authMechanismRequiresPassword:
                return .authenticationFailed(location: location, user: user)
            case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
                return .connectionLost(location: location)
            case .connectionError:
                return .unreachable(location: location, reason: underlyingReason(error))
            case .sslUnsupported:
                return .cannotOpen(location: location, reason: "the server does not offer encryption (sslmode)")
            default:
                return .database(location: location, reason: "\(error.code)")
            }
        }
        if let error = error as? PostgresDecodingError {
            return .database(location: location, reason: "unexpected data in column \(error.columnName)")
        }
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.contains("NIOConnectionError") || text.contains("connect") {
            return .unreachable(location: location, reason: text)
        }
        return .database(location: location, reason: text)
    }

    /// Why a connection could not be made, in a few words.
    static func underlyingReason(_ error: PSQLError) -> String {
        guard let underlying = error.underlying else { return "no connection" }
        let text = String(describing: underlying)
        if text.contains("connectTimeout") || text.contains("timeout") { return "no answer within 10 s" }
        if text.contains("connection reset") || text.contains("Connection refused") || text.contains("ECONNREFUSED")
            || text.contains("111")
        {
            return "connection refused"
        }
        if text.contains("NXDOMAIN") || text.contains("resolve") || text.contains("getaddrinfo") || text.contains("-2")
        {
            return "unknown host"
        }
        return text
    }

    /// "permission denied for table visit" → "change table visit".
    static func permissionAction(_ message: String) -> String {
        if message.hasPrefix("permission denied for ") {
            return "read or change " + message.dropFirst("permission denied for ".count)
        }
        if message.contains("row-level security") { return "change visits of another advisor or city" }
        return message
    }
}
