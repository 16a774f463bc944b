import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import WebFrontEnd

@Suite("Web: security")
struct SecurityTests {
    @Test func everyAnswerCarriesTheStrictHeaders() async throws {
        try await WebFixture().test { client in
            for uri in ["/", "/visits/new", "/api/v1/openapi.json", "/nowhere"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(
                    response.headers[.contentSecurityPolicy]
                        == "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'", "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.cacheControl] == "no-store", "\(uri)")
            }
            let css = try await client.execute(uri: "/assets/esp.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.cacheControl] == "max-age=3600")
        }
    }

    @Test func anotherHostIsRefused() async throws {
        // DNS rebinding: a name that resolves to 127.0.0.1 but is not an address the server listens on. The test
        // client always says `localhost` (port 80); a server on port 8080 answers only to `…:8080`.
        try await WebFixture(port: 8080).test { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .misdirectedRequest)
            #expect(response.text.contains("esp serve answers only to the addresses it listens on"))
            let api = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(api.status == .misdirectedRequest)
            #expect(api.text.contains("\"code\": \"unknown-host\""))
        }
    }

    @Test func aFormWithoutItsTokenIsRefused() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.get("/visits/new")
            let response = try await browser.post(
                "/visits/new", [("field", "choice|city"), ("q:city", "bremen")], withToken: false)
            #expect(response.status == .forbidden)
            let forged = try await browser.post(
                "/visits/new", [("csrf", String(repeating: "0", count: 64))], withToken: false)
            #expect(forged.status == .forbidden)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.file("web/drafts")).isEmpty)
    }

    @Test func aCrossSiteOriginIsRefused() async throws {
        try await WebFixture().test { client in
            var headers = jsonHeaders()
            headers[.origin] = "http://evil.example"
            let response = try await client.execute(
                uri: "/api/v1/advice", method: .post, headers: headers,
                body: ByteBuffer(bytes: try example("nuernberg-pensioner.json")))
            #expect(response.status == .forbidden)
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await WebFixture().test { client in
            let big = ByteBuffer(repeating: UInt8(ascii: " "), count: (1 << 20) + 1)
            let response = try await client.execute(
                uri: "/api/v1/advice", method: .post, headers: jsonHeaders(), body: big)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func theAPITakesJSONOnly() async throws {
        try await WebFixture().test { client in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain"
            let response = try await client.execute(
                uri: "/api/v1/advice", method: .post, headers: headers,
                body: ByteBuffer(bytes: try example("nuernberg-pensioner.json")))
            #expect(response.status == .unsupportedMediaType)
        }
    }

    @Test func theFormTokenIsBoundToTheSession() {
        let key = [UInt8](repeating: 7, count: 32)
        let token = FormToken.make(session: "a", key: key)
        #expect(FormToken.isValid(token, session: "a", key: key))
        #expect(!FormToken.isValid(token, session: "b", key: key))
        #expect(!FormToken.isValid(token, session: "", key: key))
        // RFC 4231 test case 2.
        let mac = FormToken.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Hex.text(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
