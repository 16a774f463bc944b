import Hummingbird
import Logging
import NIOCore

/// `esp serve`: the pages and the JSON API over the use cases, on one port of the loopback address.
public enum WebServer {
    /// The application for `configuration`, ready to run or to test in process.
    public static func application(
        _ configuration: WebConfiguration, onReady: @escaping @Sendable (String) -> Void = { _ in }
    )
        throws(WebStartError) -> some ApplicationProtocol
    {
        guard ["127.0.0.1", "localhost", "::1"].contains(configuration.host) else {
            throw .notLoopback(host: configuration.host)
        }
        let state = try WebState(configuration)
        return Application(
            router: Routes(state: state).router(),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                state.allowedHosts.withLock { $0 = WebState.hosts(port: port) }
                let host = configuration.host == "::1" ? "[::1]" : configuration.host
                onReady("http://\(host):\(port)/")
            },
            logger: Self.quietLogger())
    }

    /// Runs the server until the process is stopped (SIGINT, SIGTERM).
    public static func run(_ configuration: WebConfiguration, onReady: @escaping @Sendable (String) -> Void)
        async throws
    {
        try await application(configuration, onReady: onReady).runService()
    }

    /// Hummingbird's own log lines only for errors: request lines come from ``SecurityMiddleware``, without queries.
    static func quietLogger() -> Logger {
        var logger = Logger(label: "esp-serve")
        logger.logLevel = .error
        return logger
    }
}
