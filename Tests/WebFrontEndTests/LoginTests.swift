import AdviceData
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLiteVisitStore
import SafeFiles
import TestSupport
import Testing
import VisitRecords

@testable import WebFrontEnd

/// A server with logins over a register file, each person's sign-in checked against a list: what the office register
/// does with PostgreSQL's roles (PostgresVisitStoreTests test that one), without a database server.
struct LoginFixture {
    let folder: TemporaryDirectory
    let configuration: WebConfiguration
    /// The clock of sessions and locks, moved by the tests.
    let now = Locked(1_800_000_000)

    static let people: [String: (password: String, role: StaffRole)] = [
        "anna": ("Anna-ihr-Passwort", .advisor), "ben": ("Ben-sein-Passwort", .advisor),
        "lena": ("Lena-ihr-Passwort", .lead),
    ]

    init(unreachable: Bool = false) throws {
        let folder = try TemporaryDirectory()
        self.folder = folder
        let path = folder.file("register.sqlite")
        _ = try SQLiteVisitStore.open(path: path, access: .write)
        let now = now
        let signIn: StaffLogins.SignIn = { name, password throws(StoreError) in
            if unreachable { throw .unreachable(location: "postgresql://office/esp", reason: "connection refused") }
            guard let person = Self.people[name], person.password == password else {
                throw .authenticationFailed(location: "postgresql://office/esp", user: name)
            }
            let store = try SQLiteVisitStore.open(path: path, access: .write)
            return StaffMember(name: name, role: person.role, store: store, close: {})
        }
        let logins = StaffLogins(clock: { now.withLock { $0 } }, signIn: signIn)
        configuration = WebConfiguration(
            port: 80, data: Checkout.data, logins: logins, workFolder: folder.file("web"))
    }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try WebServer.application(configuration)
        try await app.test(.router) { client in try await body(client) }
    }

    func advance(minutes: Int) { now.withLock { $0 += minutes * 60 } }
}

extension Browser {
    /// Signs in from the login page.
    @discardableResult
    func signIn(_ name: String, _ password: String, extra: [(String, String)] = []) async throws -> TestResponse {
        try await get("/login")
        return try await post("/login", [("name", name), ("password", password)] + extra)
    }
}

@Suite("esp serve with logins")
struct LoginTests {
    @Test func withoutALoginPagesGoToTheLoginPageAndTheAPISays401() async throws {
        let fixture = try LoginFixture()
        try await fixture.test { client in
            let browser = Browser(client)
            for uri in ["/", "/visits", "/visits/new", "/programme", "/data"] {
                let response = try await browser.get(uri)
                #expect(response.status == .seeOther, "\(uri)")
                #expect(response.location == "/login", "\(uri)")
            }
            let api = try await client.execute(uri: "/api/v1/visits", method: .get)
            #expect(api.status == .unauthorized)
            #expect(api.text.contains("\"code\": \"sign-in\""))
            #expect(try await browser.get("/assets/esp.css").status == .ok)
            let login = try await browser.get("/login")
            #expect(login.status == .ok)
            #expect(login.text.contains("autocomplete=\"current-password\""))
            #expect(!login.text.contains("href=\"/visits\""), "no menu before signing in")
        }
    }

    @Test func aRightLoginOpensASessionThatEndsAfterThirtyIdleMinutes() async throws {
        let fixture = try LoginFixture()
        try await fixture.test { client in
            let browser = Browser(client)
            let response = try await browser.signIn("anna", "Anna-ihr-Passwort")
            #expect(response.status == .seeOther)
            #expect(response.location == "/")
            let set = response.headers[values: .setCookie].first { $0.hasPrefix("esp_login=") } ?? ""
            // 32 random bytes as hex; only for this site's requests, never for scripts; no Secure flag without TLS
            // (loopback).
            #expect(
                set.range(
                    of: #"^esp_login=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict$"#, options: .regularExpression)
                    != nil, "\(set)")
            let start = try await browser.get("/")
            #expect(start.status == .ok)
            #expect(start.text.contains("Angemeldet: anna"))
            fixture.advance(minutes: 29)
            #expect(try await browser.get("/visits").status == .ok, "29 minutes: still open, and now counted anew")
            fixture.advance(minutes: 29)
            #expect(try await browser.get("/").status == .ok)
            fixture.advance(minutes: 31)
            let after = try await browser.get("/")
            #expect(after.status == .seeOther)
            #expect(after.location == "/login")
        }
    }

    @Test func aSessionEndsAfterTenHoursHoweverBusy() async throws {
        let fixture = try LoginFixture()
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("anna", "Anna-ihr-Passwort")
            for _ in 0..<20 {
                fixture.advance(minutes: 29)
                #expect(try await browser.get("/").status == .ok)
            }
            // 20 × 29 = 580 minutes; 29 more make 609 > 600.
            fixture.advance(minutes: 29)
            #expect(try await browser.get("/").location == "/login")
        }
    }

    @Test func aWrongPasswordIsRefusedAndFiveLockTheNameForFifteenMinutes() async throws {
        let fixture = try LoginFixture()
        try await fixture.test { client in
            let browser = Browser(client)
            for _ in 0..<5 {
                let wrong = try await browser.signIn("anna", "falsch")
                #expect(wrong.status == .unauthorized)
                #expect(wrong.text.contains("Name oder Passwort stimmt nicht."))
                #expect(!wrong.text.contains("falsch"), "the password is not sent back")
            }
            let locked = try await browser.signIn("anna", "Anna-ihr-Passwort")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[HTTPField.Name("Retry-After")!] == "900")
            #expect(locked.text.contains("Zu viele falsche Anmeldungen. Bitte in 15 Minuten wieder versuchen"))
            #expect(try await browser.signIn("ANNA", "Anna-ihr-Passwort").status == .tooManyRequests)
            #expect(try await browser.signIn("ben", "Ben-sein-Passwort").status == .seeOther, "another name is free")
            fixture.advance(minutes: 15)
            #expect(try await browser.signIn("anna", "Anna-ihr-Passwort").status == .seeOther)
        }
    }

    @Test func anUnreachableRegisterIsSaidOnTheLoginPage() async throws {
        let fixture = try LoginFixture(unreachable: true)
        try await fixture.test { client in
            let response = try await Browser(client).signIn("anna", "Anna-ihr-Passwort")
            #expect(response.status == .serviceUnavailable)
            #expect(
                response.text.contains(
                    "Das Büro-Register antwortet nicht. Bitte später noch einmal versuchen oder die Programmleitung "
                        + "fragen."))
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        let fixture = try LoginFixture()
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("anna", "Anna-ihr-Passwort")
            let old = browser.cookies["esp_login"]
            _ = try await browser.get("/")
            let out = try await browser.post("/logout", [])
            #expect(out.location == "/login")
            #expect(browser.cookies["esp_login"] == nil)
            browser.cookies["esp_login"] = old
            #expect(try await browser.get("/").location == "/login", "the old cookie opens nothing")
        }
    }

    @Test func aProgrammeLeadSeesTheProgrammeButNoHousehold() async throws {
        let fixture = try LoginFixture()
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("lena", "Lena-ihr-Passwort")
            let start = try await browser.get("/")
            #expect(start.status == .ok)
            #expect(!start.text.contains("href=\"/visits/new\""))
            #expect(try await browser.get("/programme").status == .ok)
            let visits = try await browser.get("/visits")
            #expect(visits.status == .forbidden)
            #expect(visits.text.contains("Als Programmleitung sehen Sie die Zahlen des Programms"))
            #expect(try await browser.get("/visits/new").status == .forbidden)
        }
    }

    /// A form sent after the session ended is kept through the login page: nothing the advisor typed is lost.
    @Test func aFormSentAfterTheSessionEndedIsKeptThroughTheLogin() async throws {
        let fixture = try LoginFixture()
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("anna", "Anna-ihr-Passwort")
            _ = try await browser.get("/visits/new")
            fixture.advance(minutes: 45)
            let sent = try await browser.post("/visits/new", [("q:household.persons", "3"), ("q:visit.note", "Küche")])
            #expect(sent.status == .unauthorized)
            #expect(sent.text.contains("Was Sie eingegeben haben, ist noch da"))
            #expect(sent.text.contains("name=\"carry:q:household.persons\" value=\"3\""))
            let carried = Browser.matches(sent.text, #"name="(carry[^"]*)" value="([^"]*)""#).map { ($0[0], $0[1]) }
            #expect(carried.contains { $0.0 == "carry.action" && $0.1 == "/visits/new" })
            let signedIn = try await browser.post(
                "/login", [("name", "anna"), ("password", "Anna-ihr-Passwort")] + carried)
            #expect(signedIn.status == .ok)
            #expect(signedIn.text.contains("<form method=\"post\" action=\"/visits/new\">"))
            #expect(signedIn.text.contains("name=\"q:household.persons\" value=\"3\""))
            #expect(signedIn.text.contains("name=\"q:visit.note\" value=\"Küche\""))
            #expect(signedIn.text.contains("Eingaben jetzt speichern"))
        }
    }

    /// With logins each person's drafts and visit files are their own (staff/NAME/ in the work folder).
    @Test func draftsBelongToWhoeverStartedThem() async throws {
        let fixture = try LoginFixture()
        try await fixture.test { client in
            let anna = Browser(client)
            try await anna.signIn("anna", "Anna-ihr-Passwort")
            let response = try await PageTests.fill(anna, "/visits/new")
            #expect(response.status == .seeOther, "\(response.text)")
            let draft = String(response.location.split(separator: "/")[1])
            let annas = fixture.folder.file("web/staff/anna/drafts")
            #expect(FilePath.names(inDirectory: annas, suffix: ".draft")?.count == 1)
            let mode =
                try FileManager.default.attributesOfItem(atPath: fixture.folder.file("web/staff/anna"))[
                    .posixPermissions] as? Int
            #expect(mode == 0o700)
            let ben = Browser(client)
            try await ben.signIn("ben", "Ben-sein-Passwort")
            #expect(try await ben.get(response.location).status == .notFound, "Ben cannot open Anna's draft")
            #expect(!(try await ben.get("/").text.contains(draft)))
            #expect(try await anna.get(response.location).status == .ok)
        }
    }

    @Test func anotherAddressNeedsLoginsAndTLSAndACertificateThatIsOne() throws {
        let fixture = try LoginFixture()
        var open = fixture.configuration
        open.host = "0.0.0.0"
        #expect(throws: WebStartError.notLoopback(host: "0.0.0.0")) { _ = try WebServer.application(open) }
        var shared = try WebFixture().configuration
        shared.host = "0.0.0.0"
        shared.tls = WebTLS(certificatePath: "/etc/hostname", keyPath: "/etc/hostname")
        #expect(throws: WebStartError.notLoopback(host: "0.0.0.0")) { _ = try WebServer.application(shared) }
        open.tls = WebTLS(certificatePath: fixture.folder.file("none.pem"), keyPath: fixture.folder.file("none.key"))
        #expect {
            _ = try WebServer.application(open)
        } throws: { error in
            guard case .tls(let path, let reason) = error as? WebStartError else { return false }
            return path.hasSuffix("none.pem") && reason.hasPrefix("not a PEM certificate")
        }
    }
}
