import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import WebFrontEnd

@Suite("Web: pages and the visit form")
struct PageTests {
    /// The pensioner of the questionnaire's tests, by question id; rows and other controls by their parts.
    static let answers: [String: String] = [
        "q:city": "nuernberg", "q:date": "17.02.2026", "q:visitId": "NUE-2026-0900", "q:household.persons": "1",
        "q:household.livingAreaM2": "48", "q:electricity.hotWater": "electric-instantaneous",
        "q:electricity.annualKWh": "2300", "q:electricity.monthlyInstallmentEUR": "68",
        "q:lighting[0]:room": "Küche", "q:lighting[0]:lamps": "1", "q:lighting[0]:watts": "60",
        "q:lighting[0]:technology": "incandescent", "q:lighting[0]:hours": "4",
        "q:cooling[0].ageYears": "20", "q:cooling[0].measuredKWhPerDay": "0,95",
        "q:standby[0]:label": "Fernseher", "q:standby[0]:watts": "8",
        "q:showers:perWeek": "7", "q:showers:minutes": "8", "q:showers.flowLitresPerMinute": "1 l in 5 s",
        "q:heating.annualKWh": "6050", "q:household.benefit": "grundsicherung",
    ]

    /// Fills the screen shown at `uri` from ``answers`` (the pre-selected default elsewhere) and sends it.
    static func fill(_ browser: Browser, _ uri: String, overriding: [String: String] = [:]) async throws -> TestResponse
    {
        let page = try await browser.get(uri)
        #expect(page.status == .ok, "\(uri)")
        let (fields, defaults) = Browser.formFields(page.text)
        var pairs: [(String, String)] = []
        for entry in fields {
            pairs.append(("field", entry))
            let id = String(entry.drop { $0 != "|" }.dropFirst())
            for (key, value) in Self.answers.merging(overriding, uniquingKeysWith: { _, new in new })
            where key == "q:" + id || key.hasPrefix("q:\(id):") {
                pairs.append((key, value))
            }
            if let shown = defaults[id] {
                pairs.append(("default:" + id, shown))
                if Self.answers["q:" + id] == nil && overriding["q:" + id] == nil { pairs.append(("q:" + id, shown)) }
            }
        }
        return try await browser.post(uri, pairs)
    }

    @Test func aVisitFromEmptyToThePrintedSheetAndTheRegister() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let browser = Browser(client)
            var response = try await Self.fill(browser, "/visits/new")
            #expect(response.status == .seeOther, "\(response.text)")
            var location = response.location
            #expect(location.hasSuffix("/strom"))
            var screens = 1
            while !location.hasPrefix("/visits/"), screens < 20 {
                response =
                    location.hasSuffix("/zusammenfassung")
                    ? try await browser.post(location, []) : try await Self.fill(browser, location)
                screens += 1
                if response.status == .ok, response.text.contains("class=\"notice-text\"") {
                    // A default changed by an answer on the same screen (who pays, by the benefit; a device's kind, by
                    // its label): shown again, then confirmed.
                    #expect(
                        response.text.contains("Die Vorgabe passt jetzt zu Ihren Angaben: Sozialamt. Bitte prüfen.")
                            || response.text.contains("Die Vorgabe passt jetzt zu Ihren Angaben: Fernseher"))
                    continue
                }
                #expect(
                    response.status == .seeOther,
                    "\(location): \(Browser.matches(response.text, #"<p class="(?:error|notice)-text"[^>]*>(.*?)</p>"#))"
                )
                location = response.location
            }
            #expect(location == "/visits/NUE-2026-0900")
            let page = try await browser.get(location)
            #expect(page.text.contains("Ihr Stromverbrauch") || page.text.contains("Strom"))
            #expect(page.text.contains("sheet.pdf"))
            let pdf = try await browser.get("/visits/NUE-2026-0900/sheet-office.pdf")
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.text.hasPrefix("%PDF-"))
            let registered = try await browser.post("/visits/NUE-2026-0900/register", [])
            #expect(registered.text.contains("Ins Register aufgenommen."))
            let followUp = try await browser.post(
                "/visits/NUE-2026-0900/followups",
                [("date", "09.09.2026"), ("meterAtVisit", "41000"), ("meterNow", "42300"), ("implemented", "led")])
            #expect(followUp.status == .ok, "\(followUp.text)")
            #expect(followUp.text.contains("Nachbesuch am 2026-09-09"))
            let twice = try await browser.post(
                "/visits/NUE-2026-0900/followups",
                [("date", "09.09.2026"), ("meterAtVisit", "41000"), ("meterNow", "42300"), ("implemented", "led")])
            #expect(twice.status == .conflict)
            #expect(
                twice.text.contains(
                    "Nicht gespeichert: Am 09.09.2026 ist schon ein Nachbesuch erfasst. Bitte dort „Korrigieren“ wählen."
                ))
            let corrected = try await browser.post(
                "/visits/NUE-2026-0900/followups/2026-09-09", [("meterAtVisit", "41000"), ("meterNow", "42250")])
            #expect(corrected.status == .ok)
            let deleted = try await browser.post("/visits/NUE-2026-0900/followups/2026-09-09/delete", [])
            #expect(deleted.text.contains("gelöscht"))
            let edit = try await browser.post("/visits/NUE-2026-0900/edit", [])
            #expect(edit.location == "/drafts/edit.NUE-2026-0900")
            // The visit replays whole, so the change opens at its recap; one answer changed, then saved again.
            let opened = try await browser.get("/drafts/edit.NUE-2026-0900")
            #expect(opened.location == "/drafts/edit.NUE-2026-0900/zusammenfassung")
            let changed = try await Self.fill(
                browser, "/drafts/edit.NUE-2026-0900/strom", overriding: ["q:electricity.annualKWh": "2600"])
            #expect(changed.location == "/drafts/edit.NUE-2026-0900/zusammenfassung")
            let saved = try await browser.post("/drafts/edit.NUE-2026-0900/zusammenfassung", [])
            #expect(saved.location == "/visits/NUE-2026-0900")
            let after = try await browser.get("/visits/NUE-2026-0900")
            #expect(after.text.contains("Der Besuch wurde nach dem Eintrag geändert."))
            let programme = try await browser.get("/programme")
            #expect(programme.text.contains("report.pdf"))
            let report = try await browser.get("/programme/report.pdf")
            #expect(report.text.hasPrefix("%PDF-"))
        }
        let file = fixture.folder.file("web/visits/NUE-2026-0900.json")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aBadAnswerIsAskedAgainAtItsFieldAndNothingTypedIsLost() async throws {
        try await WebFixture().test { client in
            let browser = Browser(client)
            let response = try await Self.fill(
                browser, "/visits/new", overriding: ["q:household.persons": "30", "q:household.livingAreaM2": "48,5"])
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains("30 liegt außerhalb des erlaubten Bereichs. Erlaubt: von 1 bis 12 Personen."))
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(html.contains("value=\"48,5\""), "\(Browser.formFields(html).fields)")
            #expect(html.contains("value=\"30\""))
            // The draft exists and holds the answers before the refused one.
            #expect(Browser.matches(html, #"action="/drafts/([0-9a-f]{32})/haushalt""#).count == 1)
        }
    }

    @Test func aDraftResumesWhereItStopped() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let first = Browser(client)
            let response = try await Self.fill(first, "/visits/new")
            let draft = response.location.replacingOccurrences(of: "/strom", with: "")
            // Another browser (the first one closed): the start page lists the draft, which opens at its step.
            let second = Browser(client)
            let start = try await second.get("/")
            #expect(start.text.contains("href=\"\(draft)\""))
            #expect(start.text.contains("NUE-2026-0900"))
            let resumed = try await second.get(draft)
            #expect(resumed.location == draft + "/strom")
        }
        let drafts = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.file("web/drafts"))
        #expect(drafts.count == 1)
        let mode =
            try FileManager.default.attributesOfItem(atPath: fixture.folder.file("web/drafts/" + drafts[0]))[
                .posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func everyPageAnswers() async throws {
        try await WebFixture().test { client in
            let browser = Browser(client)
            for uri in ["/", "/visits", "/visits/new", "/programme", "/data", "/assets/esp.css"] {
                let response = try await browser.get(uri)
                #expect(response.status == .ok, "\(uri)")
            }
            #expect(try await browser.get("/visits/NUE-0000").status == .notFound)
            #expect(try await browser.get("/drafts/0123456789abcdef0123456789abcdef").status == .notFound)
            #expect(try await browser.get("/drafts/../../etc").status == .notFound)
            let data = try await browser.get("/data")
            #expect(data.text.contains("reference.xml"))
            let english = try await browser.post("/language", [("lang", "en"), ("back", "/data")])
            #expect(english.location == "/data")
            #expect(english.headers[.setCookie]?.hasPrefix("esp_lang=en") == true)
        }
    }
}

@Suite("Web: the letters of a visit with energy debts")
struct VisitLettersPageTests {
    /// The Leipzig example has an electricity debt: its page links the letters, which come as one PDF (the letters
    /// of `esp letters`, each on a sheet of its own); the pensioner has none: no link, and the address is a 404.
    @Test func theLettersOfAVisitWithDebtsAreOneClickAway() async throws {
        try await WebFixture().test { client in
            for name in ["leipzig-family-threat.json", "nuernberg-pensioner.json"] {
                let added = try await client.execute(
                    uri: "/api/v1/visits", method: .post, headers: jsonHeaders(),
                    body: ByteBuffer(bytes: try example(name)))
                #expect(added.status == .created, "\(name): \(added.text)")
            }
            let browser = Browser(client)
            let page = try await browser.get("/visits/L-2026-0305")
            #expect(page.status == .ok)
            #expect(
                page.text.contains(
                    "<a class=\"button\" href=\"/visits/L-2026-0305/letters.pdf\" download>Briefe für die "
                        + "Zahlungsrückstände (PDF)</a>"))
            let pdf = try await browser.get("/visits/L-2026-0305/letters.pdf")
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.text.hasPrefix("%PDF-"))
            // Two letters, a blank back page between them: three pages.
            let objects = pdf.text.components(separatedBy: "/Type /Page").count - 1
            #expect(objects - (pdf.text.components(separatedBy: "/Type /Pages").count - 1) == 3)

            let without = try await browser.get("/visits/NUE-2026-0142")
            #expect(without.status == .ok)
            #expect(!without.text.contains("letters.pdf"))
            let none = try await browser.get("/visits/NUE-2026-0142/letters.pdf")
            #expect(none.status == .notFound)
            #expect(none.text.contains("Der Besuch NUE-2026-0142 hat keine Zahlungsrückstände: Es gibt keine Briefe."))
        }
    }
}
