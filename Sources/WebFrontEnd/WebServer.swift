import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// `esp serve`: the pages and the JSON API over the use cases; on loopback, or with logins and TLS on any address.
public enum WebServer {
    /// The application for `configuration`, ready to run or to test in process.
    public static func application(
        _ configuration: WebConfiguration, onReady: @escaping @Sendable (String) -> Void = { _ in }
    )
        throws(WebStartError) -> some ApplicationProtocol
    {
        guard configuration.isLoopback || (configuration.logins != nil && configuration.tls != nil) else {
            throw .notLoopback(host: configuration.host)
        }
        let state = try WebState(configuration)
        let server: HTTPServerBuilder
        if let tls = configuration.tls {
            server = try Self.tls(tls)
        } else {
            server = .http1()
        }
        let scheme = configuration.tls == nil ? "http" : "https"
        return Application(
            router: Routes(state: state).router(),
            server: server,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                state.allowedHosts.withLock { $0 = WebState.hosts(port: port, names: configuration.serverNames) }
                let host = configuration.host == "::1" ? "[::1]" : configuration.host
                onReady("\(scheme)://\(host):\(port)/")
            },
            logger: Self.quietLogger())
    }

    /// HTTP/1.1 in TLS with the certificate chain and key of `tls`.
    static func tls(_ tls: WebTLS) throws(WebStartError) -> HTTPServerBuilder {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(tls.certificatePath)
        } catch {
            throw .tls(path: tls.certificatePath, reason: "not a PEM certificate (\(error))")
        }
        do {
            key = try NIOSSLPrivateKey(file: tls.keyPath, format: .pem)
        } catch {
            throw .tls(path: tls.keyPath, reason: "not a PEM private key (\(error))")
        }
        guard !chain.isEmpty else { throw .tls(path: tls.certificatePath, reason: "it holds no certificate") }
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        do {
            return try .tls(.http1(), tlsConfiguration: configuration)
        } catch {
            throw .tls(path: tls.certificatePath, reason: "\(error)")
        }
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
