import ESPCommandLine
import Foundation
import TestSupport
import Testing

/// `esp serve` as the command line checks it, before any server starts (the server is tested in WebFrontEndTests and
/// the browser tests).
@Suite("esp serve: options")
struct ServeCommandTests {
    @Test func anotherAddressThanLoopbackNeedsTLS() async {
        let result = await Command.run(["serve", "--listen", "0.0.0.0"])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains(
                "--listen 0.0.0.0 needs --tls-certificate and --tls-key: passwords and households' personal data "
                    + "must not cross the network unencrypted."))
    }

    /// A register file has no logins: it is served on loopback only, and refused before it is even created.
    @Test func anotherAddressThanLoopbackNeedsAnOfficeRegister() async throws {
        let folder = try TemporaryDirectory()
        let result = await Command.run(
            [
                "serve", "--listen", "0.0.0.0", "--tls-certificate", folder.file("cert.pem"), "--tls-key",
                folder.file("key.pem"), "--register", folder.file("register.sqlite"),
            ], environment: ["ESP_DATA": Checkout.root])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "esp: --listen 0.0.0.0 needs an office register (--register postgresql://…): a register file has "
                + "no logins, and the pages hold households' personal data\n")
        #expect(!FileManager.default.fileExists(atPath: folder.file("register.sqlite")))
    }

    @Test func aCertificateWithoutItsKeyIsRefused() async {
        let result = await Command.run(["serve", "--tls-certificate", "cert.pem"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--tls-certificate and --tls-key go together."))
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
