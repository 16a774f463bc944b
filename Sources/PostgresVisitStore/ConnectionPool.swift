import PostgresNIO

/// A few connections to the server, opened when needed and handed to one transaction at a time.
///
/// Not PostgresClient: its pool retries a refused connection for ever, so a wrong password or an unreachable server
/// would hang a command instead of saying so; here every connection attempt answers at once.
actor ConnectionPool {
    let configuration: PostgresConnection.Configuration
    let limit: Int
    let logger: Logger
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var nextID = 0

    init(configuration: PostgresConnection.Configuration, limit: Int, logger: Logger) {
        self.configuration = configuration
        self.limit = limit
        self.logger = logger
    }

    /// An idle connection, a new one while fewer than `limit` are open, else the next one handed back.
    func acquire() async throws -> PostgresConnection {
        while true {
            while let connection = idle.popLast() {
                if !connection.isClosed { return connection }
                open -= 1
            }
            if open < limit {
                open += 1
                nextID += 1
                do {
                    return try await PostgresConnection.connect(
                        configuration: configuration, id: nextID, logger: logger)
                } catch {
                    open -= 1
                    wakeOne()
                    throw error
                }
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    /// One connection (waited for), and up to `count - 1` more that can be had without waiting: two callers asking
    /// for several at once never wait for each other.
    func acquire(upTo count: Int) async throws -> [PostgresConnection] {
        var connections = [try await acquire()]
        while connections.count < count {
            if let connection = idle.popLast() {
                if connection.isClosed {
                    open -= 1
                    continue
                }
                connections.append(connection)
            } else if open < limit {
                open += 1
                nextID += 1
                do {
                    connections.append(
                        try await PostgresConnection.connect(configuration: configuration, id: nextID, logger: logger))
                } catch {
                    open -= 1
                    break  // the ones at hand will do
                }
            } else {
                break
            }
        }
        return connections
    }

    /// Hands a connection back; a broken one is closed and forgotten.
    func release(_ connection: PostgresConnection, broken: Bool) async {
        if broken || connection.isClosed {
            open -= 1
            try? await connection.close()
        } else {
            idle.append(connection)
        }
        wakeOne()
    }

    /// A pool let go of closes its connections: a connection must be closed before it is released, and a command
    /// that simply ends with its store should not have to remember to.
    deinit {
        for connection in idle where !connection.isClosed {
            try? connection.close().wait()
        }
    }

    /// Closes every idle connection.
    func close() async {
        let closing = idle
        idle = []
        open -= closing.count
        for connection in closing { try? await connection.close() }
    }

    private func wakeOne() {
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }
}
