import ESPCommandLine
import VisitRecords
import WebFrontEnd

#if !os(Linux)
#error("esp is built and tested on Linux only: it uses Glibc, /proc and O_TMPFILE (see Package.swift)")
#endif

// `esp serve` runs the web front end; the command line's library knows it only through this closure.
let serve: @Sendable (ServeSettings) async throws -> Void = { settings in
    let tls = settings.tls.map { WebTLS(certificatePath: $0.certificate, keyPath: $0.key) }
    let configuration: WebConfiguration
    switch settings.register {
    case .shared(let store):
        configuration = WebConfiguration(
            host: settings.host, port: settings.port, data: settings.data, store: store, workFolder: settings.files,
            log: settings.log)
    case .logins(let logIn):
        let logins = StaffLogins { name, password throws(StoreError) in
            let opened = try await logIn(name, password)
            // An unknown role name (a newer register) gets the least: the programme's figures.
            return StaffMember(
                name: name, role: StaffRole(rawValue: opened.role) ?? .lead, store: opened.store, close: opened.close)
        }
        configuration = WebConfiguration(
            host: settings.host, port: settings.port, data: settings.data, logins: logins, tls: tls,
            serverNames: settings.serverNames, workFolder: settings.files, log: settings.log)
    }
    try await WebServer.run(configuration, onReady: settings.announce)
}
ESP.webServer.withLock { $0 = serve }
await ESP.runProcess()
