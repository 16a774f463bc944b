import AdviceData
import VisitRecords

/// What `esp serve` was told: where to listen, the data, the register (shared, or opened per person at login) and the
/// folder for the web's own files.
public struct WebConfiguration: Sendable {
    /// The address listened on: loopback, or any address once there are logins and TLS.
    public var host: String
    /// The port; 0 for any free one (the address printed says which).
    public var port: Int
    /// The folder with Tariffs/ and Locales/.
    public var data: DataDirectory
    /// The register everyone uses when there are no logins (a laptop's register on loopback).
    public var store: (any VisitStore)?
    /// Logins: every page but the login page needs one, and each person works with the register opened as them.
    public var logins: StaffLogins?
    /// The server's certificate and key (PEM files): needed to listen on another address than loopback.
    public var tls: WebTLS?
    /// Names the server is reached by besides the loopback ones (the Host header is checked against them).
    public var serverNames: [String]
    /// The web's own files: finished visits (`visits/VISITID.json`), drafts (`drafts/`), the form token key; with
    /// logins, each person's visits and drafts in `staff/NAME/`. Created with mode 0700; every file in it is written
    /// with mode 0600.
    public var workFolder: String
    /// Where request lines go (method, path without query, status, time): never personal data.
    public var log: @Sendable (String) -> Void
    /// The largest request body accepted (413 beyond it): a visit file's limit.
    public var maxBodyBytes: Int

    /// A server without logins over one register, on loopback; `log` defaults to nothing.
    public init(
        host: String = "127.0.0.1", port: Int, data: DataDirectory, store: any VisitStore, workFolder: String,
        maxBodyBytes: Int = VisitDecoder.maxFileBytes, log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.init(
            host: host, port: port, data: data, store: store, logins: nil, tls: nil, serverNames: [],
            workFolder: workFolder, maxBodyBytes: maxBodyBytes, log: log)
    }

    /// A server where everyone logs in and works with the register opened as them.
    public init(
        host: String = "127.0.0.1", port: Int, data: DataDirectory, logins: StaffLogins, tls: WebTLS? = nil,
        serverNames: [String] = [], workFolder: String, maxBodyBytes: Int = VisitDecoder.maxFileBytes,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.init(
            host: host, port: port, data: data, store: nil, logins: logins, tls: tls, serverNames: serverNames,
            workFolder: workFolder, maxBodyBytes: maxBodyBytes, log: log)
    }

    private init(
        host: String, port: Int, data: DataDirectory, store: (any VisitStore)?, logins: StaffLogins?, tls: WebTLS?,
        serverNames: [String], workFolder: String, maxBodyBytes: Int, log: @escaping @Sendable (String) -> Void
    ) {
        self.host = host
        self.port = port
        self.data = data
        self.store = store
        self.logins = logins
        self.tls = tls
        self.serverNames = serverNames
        self.workFolder = workFolder
        self.maxBodyBytes = maxBodyBytes
        self.log = log
    }

    /// Whether ``host`` is a loopback address, reachable from this computer only.
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }
}

/// The server's certificate chain and private key, PEM files.
public struct WebTLS: Sendable, Equatable {
    /// The certificate chain (PEM).
    public var certificatePath: String
    /// The private key (PEM).
    public var keyPath: String

    /// The two files.
    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }
}
