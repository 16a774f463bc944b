import EnergyAdvice
import JSONText
import TestSupport
import Testing
import VisitRecords
import VisitStoreContract

@Suite("The programme summary")
struct ProgrammeSummaryTests {
    static func summary() throws -> ProgrammeSummary {
        var visits = try Checkout.exampleNames.map(StoreFixtures.example)
        // One follow-up a year later, with the LED and standby steps done: something for the realised figures.
        let index = try #require(visits.firstIndex { $0.visitId == "NUE-2026-0142" })
        let record = FollowUpRecord(
            visitId: "NUE-2026-0142", date: try #require(CalendarDate(iso: "2027-02-17")),
            electricityKWhSinceVisit: 2000, meterAtVisitKWh: 10_000, meterNowKWh: 12_000, heatingKWhPerYear: nil,
            implemented: [.led, .standby])
        visits[index].followUps = [FollowUpResult(visit: visits[index], record: record)]
        return ProgrammeSummary(visits: visits, filter: VisitFilter(city: nil))
    }

    /// The summary adds the examples. expected totals.
    @Test func addsTheExamples() throws {
        let s = try Self.summary()
        #expect(s.householdsAdvised == Checkout.exampleNames.count)
        #expect(s.householdsFollowedUp == 1)
        #expect(s.cities == ["bremen", "leipzig", "nuernberg"])
        #expect(
            s.predicted.totalEUR
                == cents(try Checkout.exampleNames.map(StoreFixtures.example).reduce(0) { $0 + $1.totals.savingEUR }))
        #expect(
            cents(s.predicted.householdEUR + s.predicted.publicEUR + s.predicted.landlordEUR) == s.predicted.totalEUR)
    }

    /// What `json()` writes, `read(_:)` gives back, figure for figure.
    @Test func roundTripsThroughItsJSON() throws {
        let s = try Self.summary()
        #expect(try ProgrammeSummary.read(Array(s.json().utf8)) == s)
        let dated = ProgrammeSummary(
            visits: [],
            filter: VisitFilter(
                from: CalendarDate(iso: "2026-01-01"), to: CalendarDate(iso: "2026-12-31"), city: "bremen"))
        #expect(try ProgrammeSummary.read(Array(dated.json().utf8)) == dated)
    }

    /// A renamed or missing key is an error that names it, never a zero (the comparison once read zeros).
    @Test func refusesAMissingKeyByItsPath() throws {
        let text = try Self.summary().json().replacingOccurrences(of: "\"followedUp\"", with: "\"followedup\"")
        let error = caught { () throws(SummaryDocumentError) in _ = try ProgrammeSummary.read(Array(text.utf8)) }
        #expect(error?.path == "households.followedUp")
        #expect(error?.problem == .missing)
        #expect(
            error?.description.hasSuffix("households.followedUp: missing; every summary written by esp has it") == true)
        let wrongType = try Self.summary().json().replacingOccurrences(
            of: "\"kind\": \"led\"", with: "\"kind\": \"lamps\"")
        let kind = caught { () throws(SummaryDocumentError) in _ = try ProgrammeSummary.read(Array(wrongType.utf8)) }
        #expect(kind?.path.hasSuffix(".kind") == true)
        #expect(kind?.path.hasPrefix("byMeasure[") == true)
    }

    @Test func refusesWhatIsNotASummary() {
        func problem(_ text: String) -> SummaryDocumentError.Problem? {
            caught { () throws(SummaryDocumentError) in _ = try ProgrammeSummary.read(Array(text.utf8)) }?.problem
        }
        #expect(problem("{\"schema\": \"esp-register-export/1\", \"visits\": []}") == .householdExport)
        #expect(
            problem("{\"schema\": \"esp-programme-summary/2\"}") == .newerSummary(schema: "esp-programme-summary/2"))
        #expect(problem("{\"schema\": \"esp-advice/2\"}") == .notASummary(schema: "esp-advice/2"))
        #expect(problem("[1, 2]") == .notASummary(schema: nil))
        guard case .syntax? = problem("{\"schema\": ") else {
            Issue.record("a broken document is a syntax error")
            return
        }
    }

    @Test func citiesAreComparedOnePerSummary() throws {
        let all = try Checkout.exampleNames.map(StoreFixtures.example)
        func city(_ id: String) -> ProgrammeSummary {
            ProgrammeSummary(visits: all.filter { $0.city == id }, filter: VisitFilter(city: id))
        }
        let comparison = try CityComparison.compare([("n.json", city("nuernberg")), ("b.json", city("bremen"))])
        #expect(comparison.cities.map(\.name) == ["nuernberg", "bremen"])
        #expect(comparison.cities[0].households == 2)
        #expect(
            caught { () throws(CityComparison.Problem) in
                _ = try CityComparison.compare([("n.json", city("nuernberg")), ("m.json", city("nuernberg"))])
            } == .sameCityTwice(city: "nuernberg", first: "n.json", second: "m.json"))
        let mixed = ProgrammeSummary(visits: all, filter: VisitFilter())
        #expect(
            caught { () throws(CityComparison.Problem) in
                _ = try CityComparison.compare([("all.json", mixed), ("b.json", city("bremen"))])
            } == .notOneCity(source: "all.json", cities: ["bremen", "leipzig", "nuernberg"]))
        #expect(
            caught { () throws(CityComparison.Problem) in _ = try CityComparison.compare([("b.json", city("bremen"))]) }
                == .tooFew)
    }
}
