import AdviceData
import VisitRecords

/// What `esp serve` was told: where to listen, the data, the register and the folder for the web's own files.
public struct WebConfiguration: Sendable {
    /// The address listened on; loopback only until the office register's logins exist.
    public var host: String
    /// The port; 0 for any free one (the address printed says which).
    public var port: Int
    /// The folder with Tariffs/ and Locales/.
    public var data: DataDirectory
    /// The register.
    public var store: any VisitStore
    /// The web's own files: finished visits (`visits/VISITID.json`), drafts (`drafts/`), the form token key. Created
    /// with mode 0700; every file in it is written with mode 0600.
    public var workFolder: String
    /// Where request lines go (method, path without query, status, time): never personal data.
    public var log: @Sendable (String) -> Void
    /// The largest request body accepted (413 beyond it): a visit file's limit.
    public var maxBodyBytes: Int

    /// A configuration; `log` defaults to nothing.
    public init(
        host: String = "127.0.0.1", port: Int, data: DataDirectory, store: any VisitStore, workFolder: String,
        maxBodyBytes: Int = VisitDecoder.maxFileBytes, log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.host = host
        self.port = port
        self.data = data
        self.store = store
        self.workFolder = workFolder
        self.maxBodyBytes = maxBodyBytes
        self.log = log
    }
}
