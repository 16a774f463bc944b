import AdviceData
import AdviceWorkflows
import ArgumentParser
import PostgresVisitStore
import RegisterConnection
import SQLiteVisitStore
import SafeFiles
import VisitRecords

/// What `esp serve` hands to the web front end: the settings checked, the data folder found, the register opened.
public struct ServeSettings: Sendable {
    /// The address to listen on: loopback, or any with logins and TLS.
    public var host: String
    /// The port; 0 for any free one.
    public var port: Int
    /// The folder with Tariffs/ and Locales/.
    public var data: DataDirectory
    /// The register: one for everyone, or opened for each person at login.
    public var register: ServeRegister
    /// The certificate chain and key (PEM files) for TLS.
    public var tls: (certificate: String, key: String)?
    /// Names the server is reached by besides the loopback ones.
    public var serverNames: [String]
    /// The web's folder for visit files and drafts.
    public var files: String
    /// Prints the address once the server listens.
    public var announce: @Sendable (String) -> Void
    /// Writes a request line (method, route pattern, status; never a visit id or a query).
    public var log: @Sendable (String) -> Void
}

/// How `esp serve` reaches the register.
public enum ServeRegister: Sendable {
    /// What opens the office register as the person signing in (name, password): the register, their role's name
    /// (owner, advisor, clerk, lead) and what closes it again.
    public typealias LogIn =
        @Sendable (String, String) async throws(StoreError) -> (
            store: any VisitStore, role: String, close: @Sendable () async -> Void
        )

    /// A register file everyone uses, without logins (loopback only).
    case shared(any VisitStore)
    /// An office register, opened as each person at login.
    case logins(LogIn)
}

/// `esp serve`: the browser front end and the JSON API. The server itself lives in the WebFrontEnd module, which the
/// `esp` executable hands in (``ESP/webServer``), so the command line's library does not depend on the web framework.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the advisor's and the office's pages and the JSON API.",
        discussion: """
            Open the address it prints in a browser. Pages are in German (English on request); the API is \
            described at /api/v1/openapi.json. With a register file it listens on 127.0.0.1 only, without logins. \
            With an office register (postgresql://…) everyone signs in with their register name and password and \
            sees what their role may; then --listen ADDR serves the office's network, over TLS (--tls-certificate, \
            --tls-key). Finished visits and drafts are kept in --files (default: the folder web/ beside the \
            register; with logins each person's in staff/NAME/), every file with mode 0600.
            """
    )

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The address to listen on: 127.0.0.1 (or localhost, ::1); another one needs an office register and TLS.",
            valueName: "ADDR"))
    var listen = "127.0.0.1"

    @Option(
        name: .customLong("tls-certificate"),
        help: ArgumentHelp("The server's certificate chain (PEM) for https.", valueName: "FILE"))
    var tlsCertificate: String?

    @Option(
        name: .customLong("tls-key"), help: ArgumentHelp("The certificate's private key (PEM).", valueName: "FILE"))
    var tlsKey: String?

    @Option(
        name: .customLong("server-name"),
        help: ArgumentHelp(
            "A name browsers reach the server by (repeatable; default: the --listen address).", valueName: "NAME"))
    var serverNames: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The register: a SQLite file, or an office register postgresql://USER@HOST:PORT/DB (default: "
                + "$ESP_REGISTER, else $XDG_DATA_HOME/esp/register.sqlite).", valueName: "PATH|URL"))
    var register: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder for the web's visit files and drafts (default: web/ beside the register).",
            valueName: "DIR"))
    var files: String?

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-certificate and --tls-key go together.")
        }
        guard isLoopback || tlsCertificate != nil else {
            throw ValidationError(
                "--listen \(listen) needs --tls-certificate and --tls-key: passwords and households' personal data "
                    + "must not cross the network unencrypted.")
        }
    }

    var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(listen) }

    func run() async throws {
        let data = try dataOptions.directory()
        let (store, location, besideRegister) = try await openRegister()
        if case .file = location, store == nil {
            throw CommandFailure(
                summary: "--listen \(listen) needs an office register (--register postgresql://…): a register file "
                    + "has no logins, and the pages hold households' personal data")
        }

        guard let server = ESP.webServer.withLock({ $0 }) else {
            throw CommandFailure(summary: "this esp was built without the web front end")
        }
        let folder = files ?? FilePath.join(besideRegister, "web")
        let settings = ServeSettings(
            host: listen == "localhost" ? "127.0.0.1" : listen, port: port, data: data,
            register: store.map { .shared($0) } ?? .logins(Self.logIn(location)),
            tls: tlsCertificate.flatMap { certificate in tlsKey.map { (certificate, $0) } },
            serverNames: serverNames.isEmpty && !isLoopback ? [listen] : serverNames, files: folder,
            announce: { address in
                Output.line("esp serve: \(address) (register \(location), files \(folder)); Ctrl-C stops it")
            },
            log: { Output.error("esp serve: \($0)") })
        do {
            try await server(settings)
        } catch {
            throw CommandFailure(summary: "cannot serve on \(listen):\(port): \(error)")
        }
    }

    /// The register `--register` or `ESP_REGISTER` names (``RegisterConnection``, as every command opens it), where
    /// it is for messages, and the folder the web's files go beside: the register file's, or for an office register
    /// the default register's folder on this computer.
    /// An office register is opened only when someone signs in, as them: nothing is opened at the start.
    func openRegister() async throws -> ((any VisitStore)?, RegisterLocation, String) {
        do throws(StoreError) {
            let location = try RegisterLocation.resolve(register, environment: Environment.variables)
            switch location {
            case .file(let path):
                guard isLoopback else { return (nil, location, "") }
                let store = try await RegisterConnection.open(location, access: .write)
                return (store, location, FilePath.directory(of: path))
            case .office:
                let local = try SQLiteVisitStore.defaultPath(environment: Environment.variables)
                return (nil, location, FilePath.directory(of: local))
            }
        } catch {
            throw WorkflowError.store(error)
        }
    }

    /// Opens the office register as the person signing in (``RegisterConnection/logIn(_:user:password:)``).
    static func logIn(_ location: RegisterLocation) -> ServeRegister.LogIn {
        { name, password throws(StoreError) in
            let store = try await RegisterConnection.logIn(location, user: name, password: password)
            return (store, store.role.rawValue, { await store.close() })
        }
    }
}
