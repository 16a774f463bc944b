import ESPCommandLine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JSONText
import TestSupport
import Testing

@testable import WebFrontEnd

@Suite("Web: JSON API")
struct APITests {
    @Test(arguments: Checkout.exampleNames)
    func theAdviceIsTheCommandLinesDocument(_ name: String) async throws {
        let cli = await Command.run(["advise", Checkout.examples + "/" + name, "--format", "json"])
        #expect(cli.status == 0)
        try await WebFixture().test { client in
            let response = try await client.execute(
                uri: "/api/v1/advice", method: .post, headers: jsonHeaders(), body: ByteBuffer(bytes: try example(name))
            )
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.text == cli.stdout)
        }
    }

    @Test func theSheetIsAPDFInTheLanguagesAsked() async throws {
        try await WebFixture().test { client in
            let response = try await client.execute(
                uri: "/api/v1/sheet?lang=ru&secondLanguage=de", method: .post, headers: jsonHeaders(),
                body: ByteBuffer(bytes: try example("nuernberg-family-ru.json")))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/pdf")
            #expect(response.text.hasPrefix("%PDF-"))
            let unknown = try await client.execute(
                uri: "/api/v1/sheet?lang=xx", method: .post, headers: jsonHeaders(),
                body: ByteBuffer(bytes: try example("nuernberg-family-ru.json")))
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("\"code\": \"unknown-language\""))
        }
    }

    @Test func malformedJSONNamesLineAndColumn() async throws {
        try await WebFixture().test { client in
            let response = try await client.execute(
                uri: "/api/v1/advice", method: .post, headers: jsonHeaders(),
                body: ByteBuffer(string: "{\n  \"schema\": \"esp-visit/1\",\n  \"visitId\": x\n}"))
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try JSONParser.parse(Array(response.text.utf8))
            #expect(problem.value("code")?.string == "malformed-json")
            let diagnostic = try #require(problem.value("diagnostics")?.elements.first)
            #expect(diagnostic.value("line")?.number == 3)
            #expect(diagnostic.value("column")?.number == 14)
        }
    }

    @Test func anInvalidVisitGivesTheCommandLinesDiagnostics() async throws {
        let text = String(decoding: try example("nuernberg-pensioner.json"), as: UTF8.self)
            .replacingOccurrences(of: "\"persons\"", with: "\"persns\"")
        try await WebFixture().test { client in
            let response = try await client.execute(
                uri: "/api/v1/advice", method: .post, headers: jsonHeaders(), body: ByteBuffer(string: text))
            #expect(response.status == .badRequest)
            let problem = try JSONParser.parse(Array(response.text.utf8))
            #expect(problem.value("code")?.string == "invalid-visit")
            let diagnostics = problem.value("diagnostics")?.elements ?? []
            let unknown = try #require(diagnostics.first { $0.value("path")?.string == "household.persns" })
            #expect(unknown.value("allowed")?.strings.first == "persons")
            #expect((unknown.value("line")?.number ?? 0) > 0)
            #expect(problem.value("detail")?.string?.contains("request body:") == true)
        }
    }

    @Test func visitsAreRegisteredListedAndATakenIdIsAConflictNamingBoth() async throws {
        try await WebFixture().test { client in
            let body = try example("nuernberg-pensioner.json")
            let added = try await client.execute(
                uri: "/api/v1/visits", method: .post, headers: jsonHeaders(), body: ByteBuffer(bytes: body))
            #expect(added.status == .created)
            #expect(added.location == "/api/v1/visits/NUE-2026-0142")
            let again = try await client.execute(
                uri: "/api/v1/visits", method: .post, headers: jsonHeaders(), body: ByteBuffer(bytes: body))
            #expect(again.status == .ok)
            #expect(again.text.contains("\"outcome\": \"unchanged\""))
            // Another household under the same id.
            let other = String(decoding: body, as: UTF8.self).replacingOccurrences(
                of: "\"persons\": 1", with: "\"persons\": 3")
            #expect(other != String(decoding: body, as: UTF8.self))
            let taken = try await client.execute(
                uri: "/api/v1/visits", method: .post, headers: jsonHeaders(), body: ByteBuffer(string: other))
            #expect(taken.status == .conflict)
            let problem = try JSONParser.parse(Array(taken.text.utf8))
            #expect(problem.value("code")?.string == "visit-id-taken")
            #expect(problem.value("registered")?.value("date")?.string == "2026-02-17")
            #expect(problem.value("sent")?.value("city")?.string == "nuernberg")
            let list = try await client.execute(uri: "/api/v1/visits?city=nuernberg", method: .get)
            #expect(list.text.contains("\"visitId\": \"NUE-2026-0142\""))
            let one = try await client.execute(uri: "/api/v1/visits/NUE-2026-0142", method: .get)
            #expect(one.status == .ok)
            #expect(one.text.contains("\"schema\": \"esp-advice/2\""))
            let missing = try await client.execute(uri: "/api/v1/visits/NUE-0000", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("\"code\": \"unknown-visit\""))
            let badDate = try await client.execute(uri: "/api/v1/visits?from=yesterday", method: .get)
            #expect(badDate.status == .badRequest)
        }
    }

    @Test func followUpsAreRecordedCorrectedAndDeleted() async throws {
        try await WebFixture().test { client in
            _ = try await client.execute(
                uri: "/api/v1/visits", method: .post, headers: jsonHeaders(),
                body: ByteBuffer(bytes: try example("nuernberg-pensioner.json")))
            let base = "/api/v1/visits/NUE-2026-0142/follow-ups"
            let entry =
                #"{"date": "2026-09-09", "meterAtVisitKWh": 41000, "meterNowKWh": 42300, "implemented": ["led"]}"#
            let recorded = try await client.execute(
                uri: base, method: .post, headers: jsonHeaders(), body: ByteBuffer(string: entry))
            #expect(recorded.status == .created, "\(recorded.text)")
            let twice = try await client.execute(
                uri: base, method: .post, headers: jsonHeaders(), body: ByteBuffer(string: entry))
            #expect(twice.status == .conflict)
            let corrected = try await client.execute(
                uri: base + "/2026-09-09", method: .put, headers: jsonHeaders(),
                body: ByteBuffer(string: #"{"meterAtVisitKWh": 41000, "meterNowKWh": 42250}"#))
            #expect(corrected.status == .ok, "\(corrected.text)")
            let listed = try await client.execute(uri: base, method: .get)
            #expect(listed.text.contains("\"change\": \"corrected\""))
            let wrongKey = try await client.execute(
                uri: base, method: .post, headers: jsonHeaders(),
                body: ByteBuffer(string: #"{"date": "2026-10-01", "meterNow": 1}"#))
            #expect(wrongKey.status == .badRequest)
            #expect(wrongKey.text.contains("\"path\": \"meterNow\""))
            let deleted = try await client.execute(uri: base + "/2026-09-09", method: .delete)
            #expect(deleted.status == .ok)
            let gone = try await client.execute(uri: base + "/2026-09-09", method: .delete)
            #expect(gone.status == .notFound)
        }
    }

    /// Issue 23's programme figures through the API: a household under a cut-off threat, followed up: the supply
    /// continued and an agreement was made; the summary counts one cut-off averted and one agreement.
    @Test func aFollowUpOfAnEnergyDebtCountsACutOffAverted() async throws {
        try await WebFixture().test { client in
            let registered = try await client.execute(
                uri: "/api/v1/visits", method: .post, headers: jsonHeaders(),
                body: ByteBuffer(bytes: try example("leipzig-family-threat.json")))
            #expect(registered.status == .created, "\(registered.text)")
            let base = "/api/v1/visits/L-2026-0305/follow-ups"
            let wrong = try await client.execute(
                uri: base, method: .post, headers: jsonHeaders(),
                body: ByteBuffer(string: #"{"date": "2026-12-01", "supplyContinued": "ja"}"#))
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("\"path\": \"supplyContinued\""))
            #expect(wrong.text.contains("expected true, false or null, found string"))
            let recorded = try await client.execute(
                uri: base, method: .post, headers: jsonHeaders(),
                body: ByteBuffer(
                    string: #"{"date": "2026-12-01", "supplyContinued": true, "agreementReached": true}"#))
            #expect(recorded.status == .created, "\(recorded.text)")
            #expect(recorded.text.contains("\"supplyContinued\": true"))
            let summary = try await client.execute(uri: "/api/v1/summary?city=leipzig", method: .get)
            let text = summary.text
            #expect(text.contains("\"cutOffsAverted\": 1"), "\(text)")
            #expect(text.contains("\"agreementsReached\": 1"), "\(text)")
        }
    }

    @Test func theSummaryIsTheCommandLinesDocument() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            for name in Checkout.exampleNames {
                _ = try await client.execute(
                    uri: "/api/v1/visits", method: .post, headers: jsonHeaders(),
                    body: ByteBuffer(bytes: try example(name)))
            }
            let response = try await client.execute(uri: "/api/v1/summary?city=nuernberg", method: .get)
            #expect(response.status == .ok)
            let cli = await Command.run([
                "summary", "--format", "json", "--city", "nuernberg", "--register",
                fixture.folder.file("register.sqlite"),
            ])
            #expect(cli.status == 0, "\(cli.stderr)")
            #expect(response.text == cli.stdout)
            let empty = try await client.execute(uri: "/api/v1/summary?city=hamburg", method: .get)
            #expect(empty.status == .notFound)
            let reversed = try await client.execute(uri: "/api/v1/summary?from=2026-12-01&to=2026-01-01", method: .get)
            #expect(reversed.status == .badRequest)
        }
    }

    @Test func forgettingKeepsTheFiguresAndDropsTheDocuments() async throws {
        try await WebFixture().test { client in
            _ = try await client.execute(
                uri: "/api/v1/visits", method: .post, headers: jsonHeaders(),
                body: ByteBuffer(bytes: try example("nuernberg-pensioner.json")))
            let forgotten = try await client.execute(uri: "/api/v1/visits/NUE-2026-0142", method: .delete)
            #expect(forgotten.status == .ok)
            let one = try await client.execute(uri: "/api/v1/visits/NUE-2026-0142", method: .get)
            #expect(!one.text.contains("esp-advice/2"))
            #expect(one.text.contains("forgottenAt"))
        }
    }

    @Test func theOpenAPIDocumentNamesEveryRoute() async throws {
        try await WebFixture().test { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            let document = try JSONParser.parse(Array(response.text.utf8))
            #expect(document.value("openapi")?.string == "3.1.0")
            guard case .object(let paths) = document.value("paths")?.kind else {
                Issue.record("no paths")
                return
            }
            #expect(
                paths.map(\.key).sorted() == [
                    "/advice", "/sheet", "/summary", "/visits", "/visits/{visitId}", "/visits/{visitId}/follow-ups",
                    "/visits/{visitId}/follow-ups/{date}",
                ])
            let unknown = try await client.execute(uri: "/api/v1/nothing", method: .get)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType] == "application/problem+json")
        }
    }
}
