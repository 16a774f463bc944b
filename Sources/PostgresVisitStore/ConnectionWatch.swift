import PostgresNIO
import SafeFiles
import VisitRecords

/// Work on a connection that ends when the connection does. A query sent just as the server ends the session
/// (`pg_terminate_backend`, a restart, a lost network) can stay unanswered for ever in PostgresNIO 1.33; a push
/// would hang instead of saying that the connection was lost. The work runs as a task of its own, and whichever
/// comes first, its result or the connection's close, is the answer.
enum ConnectionWatch {
    static func unlessClosed<T: Sendable>(
        _ connection: PostgresConnection, location: String, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let answer = AnswerOnce(continuation)
            let task = Task {
                do {
                    answer.give(.success(try await work()))
                } catch {
                    answer.give(.failure(error))
                }
            }
            connection.closeFuture.whenComplete { _ in
                answer.give(.failure(StoreError.connectionLost(location: location)))
                task.cancel()
            }
        }
    }
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
