import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresVisitStore
import RegisterConnection
import TestSupport
import Testing
import VisitRecords
import VisitStoreContract
import WebFrontEnd

/// `esp serve` over the office register: each person signs in with their register login (the password checked by
/// PostgreSQL), and the pages show what the database lets their role see.
@Suite("esp serve with the office register's logins", .enabled(if: TestCluster.available, TestCluster.note))
struct WebLoginTests {
    /// The sign-in of `esp serve` (the executable's, from ServeCommand and main.swift, in one place here).
    static func logins(_ database: PostgresAddress) -> StaffLogins {
        StaffLogins { name, password throws(StoreError) in
            let store = try await RegisterConnection.logIn(.office(database), user: name, password: password)
            return StaffMember(
                name: name, role: StaffRole(rawValue: store.role.rawValue) ?? .lead, store: store,
                close: { await store.close() })
        }
    }

    /// A browser: cookies kept, the form token of the last page read sent with each form.
    final class Client: @unchecked Sendable {
        let client: any TestClientProtocol
        var cookies: [String: String] = [:]
        var token = ""

        init(_ client: any TestClientProtocol) { self.client = client }

        func send(_ uri: String, method: HTTPRequest.Method = .get, form: [(String, String)]? = nil) async throws
            -> TestResponse
        {
            var headers = HTTPFields()
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            var body: ByteBuffer?
            if let form {
                headers[.contentType] = "application/x-www-form-urlencoded"
                let allowed = CharacterSet.alphanumerics
                body = ByteBuffer(
                    string: ([("csrf", token)] + form).map {
                        "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
                    }.joined(separator: "&"))
            }
            let response = try await client.execute(
                uri: uri, method: form == nil ? method : .post, headers: headers, body: body)
            for set in response.headers[values: .setCookie] {
                let pair = set.prefix { $0 != ";" }.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { cookies[pair[0]] = pair[1] }
            }
            let html = String(buffer: response.body)
            if let range = html.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) {
                token = String(html[range].dropFirst(19).dropLast())
            }
            return response
        }

        func signIn(_ address: PostgresAddress) async throws -> TestResponse {
            _ = try await send("/login")
            return try await send("/login", form: [("name", address.user), ("password", address.password ?? "")])
        }
    }

    @Test func anAdvisorSignedInSeesOnlyTheirHouseholdsAndALeadNone() async throws {
        let office = try await Office.make([("anna", .advisor, []), ("ben", .advisor, []), ("lena", .lead, [])])
        defer { Task { await office.close() } }
        _ = try await office["anna"].save(try StoreFixtures.smallVisit(id: "ANNA-1", advisor: "AN"), replace: false)
        _ = try await office["ben"].save(try StoreFixtures.smallVisit(id: "BEN-1", advisor: "BE"), replace: false)
        let folder = try TemporaryDirectory()
        let configuration = WebConfiguration(
            port: 80, data: Checkout.data, logins: Self.logins(office.database), workFolder: folder.file("web"))
        let app = try WebServer.application(configuration)
        try await app.test(.router) { client in
            let anna = Client(client)
            var wrong = office.addresses["anna"]!
            wrong.password = "not-her-password"
            let refused = try await anna.signIn(wrong)
            #expect(refused.status == .unauthorized)
            #expect(String(buffer: refused.body).contains("Name oder Passwort stimmt nicht."))
            #expect(try await anna.signIn(office.addresses["anna"]!).status == .seeOther)
            let list = String(buffer: try await anna.send("/api/v1/visits").body)
            #expect(list.contains("ANNA-1"))
            #expect(!list.contains("BEN-1"))
            #expect(try await anna.send("/api/v1/visits/BEN-1").status == .notFound)
            #expect(try await anna.send("/api/v1/visits/ANNA-1").status == .ok)
            // What she read is in the audit log under her own name.
            let audit = try await office.owner.auditTrail(visitId: "ANNA-1")
            #expect(audit.contains { $0.actor == office.addresses["anna"]!.user })

            let lena = Client(client)
            #expect(try await lena.signIn(office.addresses["lena"]!).status == .seeOther)
            #expect(try await lena.send("/api/v1/visits").status == .forbidden)
            #expect(try await lena.send("/programme").status == .ok)
        }
    }
}
