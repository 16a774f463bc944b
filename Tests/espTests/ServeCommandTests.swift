import ESPCommandLine
import TestSupport
import Testing

/// `esp serve` as the command line checks it, before any server starts (the server is tested in WebFrontEndTests and
/// the browser tests).
@Suite("esp serve: options")
struct ServeCommandTests {
    @Test func anotherAddressThanLoopbackIsRefused() async {
        let result = await Command.run(["serve", "--listen", "0.0.0.0"])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains(
                "esp serve listens on 127.0.0.1 only: the pages hold households' personal data and there are no "
                    + "logins yet (they come with the office register); --listen 0.0.0.0 is refused."))
    }

    /// The office register is opened as every command opens it (RegisterConnection); a server that cannot be
    /// reached is one message in the staff's words, before anything listens.
    @Test func anOfficeRegisterIsOpenedLikeEveryCommands() async throws {
        let result = await Command.run(
            ["serve", "--register", "postgresql://esp@office.invalid:5432/esp"],
            environment: ["ESP_DATA": Checkout.root, "HOME": "/nonexistent"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "esp: postgresql://esp@office.invalid:5432/esp: Der Datenbankserver antwortet nicht (unknown host). "
                + "Nichts wurde geändert; was auf diesem Rechner gespeichert ist, bleibt. Bitte Adresse, Port und "
                + "Netzwerk prüfen.\n")
    }

    @Test func aPortOutOfRangeIsRefused() async {
        let result = await Command.run(["serve", "--port", "70000"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--port must be from 0 to 65535."))
    }

    @Test func withoutTheWebFrontEndItSaysSo() async throws {
        let folder = try TemporaryDirectory()
        let result = await Command.run(["serve", "--register", folder.file("register.sqlite")])
        #expect(result.status == 1)
        #expect(result.stderr == "esp: this esp was built without the web front end\n")
    }
}
