import AdviceData
import AdviceWorkflows
import ArgumentParser
import RegisterConnection
import SQLiteVisitStore
import SafeFiles
import VisitRecords

/// What `esp serve` hands to the web front end: the settings checked, the data folder found, the register opened.
public struct ServeSettings: Sendable {
    /// The loopback address to listen on.
    public var host: String
    /// The port; 0 for any free one.
    public var port: Int
    /// The folder with Tariffs/ and Locales/.
    public var data: DataDirectory
    /// The register.
    public var store: any VisitStore
    /// The web's folder for visit files and drafts.
    public var files: String
    /// Prints the address once the server listens.
    public var announce: @Sendable (String) -> Void
    /// Writes a request line (method, route pattern, status; never a visit id or a query).
    public var log: @Sendable (String) -> Void
}

/// `esp serve`: the browser front end and the JSON API. The server itself lives in the WebFrontEnd module, which the
/// `esp` executable hands in (``ESP/webServer``), so the command line's library does not depend on the web framework.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the advisor's and the office's pages and the JSON API on 127.0.0.1.",
        discussion: """
            Open the address it prints in a browser on this computer. Pages are in German (English on request); the \
            API is described at /api/v1/openapi.json. It listens on the loopback address only: the pages hold \
            households' personal data and there are no logins yet. Finished visits and drafts are kept in --files \
            (default: the folder web/ beside the register), every file with mode 0600.
            """
    )

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The address to listen on; only 127.0.0.1 (or localhost, ::1) until the office register's logins exist.",
            valueName: "ADDR"))
    var listen = "127.0.0.1"

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
        guard ["127.0.0.1", "localhost", "::1"].contains(listen) else {
            throw ValidationError(
                "esp serve listens on 127.0.0.1 only: the pages hold households' personal data and there are no "
                    + "logins yet (they come with the office register); --listen \(listen) is refused.")
        }
    }

    func run() async throws {
        let data = try dataOptions.directory()
        let (store, location, besideRegister) = try await openRegister()
        guard let server = ESP.webServer.withLock({ $0 }) else {
            throw CommandFailure(summary: "this esp was built without the web front end")
        }
        let folder = files ?? FilePath.join(besideRegister, "web")
        let settings = ServeSettings(
            host: listen == "localhost" ? "127.0.0.1" : listen, port: port, data: data, store: store, files: folder,
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
    func openRegister() async throws -> (any VisitStore, String, String) {
        do throws(StoreError) {
            let location = try RegisterLocation.resolve(register, environment: Environment.variables)
            let store = try await RegisterConnection.open(location, access: .write)
            switch location {
            case .file(let path):
                return (store, path, FilePath.directory(of: path))
            case .office:
                let local = try SQLiteVisitStore.defaultPath(environment: Environment.variables)
                return (store, location.description, FilePath.directory(of: local))
            }
        } catch {
            throw WorkflowError.store(error)
        }
    }
}
