import PostgresNIO
import SafeFiles
import VisitRecords

/// Work on a connection that ends when the connection does. A query sent just as the server ends the session
/// (`pg_terminate_backend`, a restart, a lost network) can stay unanswered for ever in PostgresNIO 1.33; a push
/// would hang instead of saying that the connection was lost. The work runs as a task of its own, and whichever
/// comes first, its result or the connection's close, is the answer.
enum ConnectionWatch {
    /// The watch of each open connection: one close callback per connection, however many transactions it runs.
    private static let watches = Locked<[ObjectIdentifier: Watch]>([:])

    static func unlessClosed<T: Sendable>(
        _ connection: PostgresConnection, location: String, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let watch = watch(connection)
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let answer = AnswerOnce(continuation)
            let task = Task {
                let result: Result<T, any Error>
                do {
                    result = .success(try await work())
                } catch {
                    result = .failure(error)
                }
                // Let go of the watch before answering: the caller's next transaction may set its own.
                watch.state.withLock { if $0.onClose?.id == ObjectIdentifier(answer) { $0.onClose = nil } }
                answer.give(result)
            }
            let onClose: @Sendable () -> Void = {
                answer.give(.failure(StoreError.connectionLost(location: location)))
                task.cancel()
            }
            let closed = watch.state.withLock { state -> Bool in
                if !state.closed { state.onClose = (ObjectIdentifier(answer), onClose) }
                return state.closed
            }
            if closed { onClose() }
        }
    }

    /// The connection's watch, made (and its close callback registered) the first time.
    private static func watch(_ connection: PostgresConnection) -> Watch {
        let key = ObjectIdentifier(connection)
        let (watch, isNew) = watches.withLock { all -> (Watch, Bool) in
            if let known = all[key] { return (known, false) }
            let made = Watch()
            all[key] = made
            return (made, true)
        }
        if isNew {
            connection.closeFuture.whenComplete { _ in
                watches.withLock { $0[key] = nil }
                let waiting = watch.state.withLock { state in
                    state.closed = true
                    defer { state.onClose = nil }
                    return state.onClose?.end
                }
                waiting?()
            }
        }
        return watch
    }
}

/// What a connection's close must end: the transaction running on it, if any (with the id of its answer).
private final class Watch: Sendable {
    struct State {
        var closed = false
        var onClose: (id: ObjectIdentifier, end: @Sendable () -> Void)?
    }

    let state = Locked(State())
}

/// A continuation resumed by the first of several callers; the others are ignored.
private final class AnswerOnce<T: Sendable>: Sendable {
    private let continuation: Locked<CheckedContinuation<T, any Error>?>

    init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = Locked(continuation) }

    func give(_ result: Result<T, any Error>) {
        let waiting = continuation.withLock { value in
            defer { value = nil }
            return value
        }
        waiting?.resume(with: result)
    }
}
