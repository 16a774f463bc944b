import ESPCommandLine
import WebFrontEnd

#if !os(Linux)
#error("esp is built and tested on Linux only: it uses Glibc, /proc and O_TMPFILE (see Package.swift)")
#endif

// `esp serve` runs the web front end; the command line's library knows it only through this closure.
let serve: @Sendable (ServeSettings) async throws -> Void = { settings in
    try await WebServer.run(
        WebConfiguration(
            host: settings.host, port: settings.port, data: settings.data, store: settings.store,
            workFolder: settings.files, log: settings.log),
        onReady: settings.announce)
}
ESP.webServer.withLock { $0 = serve }
await ESP.runProcess()
