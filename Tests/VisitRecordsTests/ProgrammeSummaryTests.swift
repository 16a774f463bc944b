import EnergyAdvice
import JSONText
import TestSupport
import Testing
import VisitRecords
import VisitStoreContract

@Suite("The programme summary")
struct ProgrammeSummaryTests {
    /// NUE-2026-0142 with its follow-up of the summary below.
    static func summaryVisit() throws -> RegisteredVisit {
        var visit = try StoreFixtures.example("nuernberg-pensioner.json")
        let record = FollowUpRecord(
            visitId: "NUE-2026-0142", date: try #require(CalendarDate(iso: "2027-02-17")),
            electricityKWhSinceVisit: 2000, meterAtVisitKWh: 10_000, meterNowKWh: 12_000, heatingKWhPerYear: nil,
            implemented: [.led, .standby])
        visit.followUps = [FollowUpResult(visit: visit, record: record)]
        return visit
    }

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

    /// Measured figures stand beside what the advice expected of the same households: NUE-2026-0142 used 2,000 kWh
    /// in the 365 days after its visit against 2,300 kWh before, so it saved 300 kWh (300 × 36.38 ct = 109.14 €).
    /// A second household followed up after 60 days counts as followed up, but its figure is too short to measure.
    @Test func measuredBesideExpectedOfTheSameHouseholds() throws {
        var visits = try Checkout.exampleNames.map(StoreFixtures.example)
        let measured = try #require(visits.firstIndex { $0.visitId == "NUE-2026-0142" })
        visits[measured].followUps = try Self.summaryVisit().followUps
        let short = try #require(visits.firstIndex { $0.visitId == "NUE-2026-0187" })
        let early = try #require(CalendarDate(year: 2026, month: 5, day: 10))
        visits[short].followUps = [
            FollowUpResult(
                visit: visits[short],
                record: FollowUpRecord(
                    visitId: "NUE-2026-0187", date: early, electricityKWhSinceVisit: 500, meterAtVisitKWh: nil,
                    meterNowKWh: nil, heatingKWhPerYear: nil, implemented: [.led]))
        ]
        let r = ProgrammeSummary(visits: visits, filter: VisitFilter()).realised
        #expect(r.householdsWithElectricity == 1 && r.householdsWithHeating == 0 && r.householdsWithFigures == 1)
        #expect(r.electricity == CarrierFigures(kWh: 300, eur: 109.14, co2Kg: 127.8))
        // Expected of the same household: all its recommended steps (its advice's totals, 597.52 kWh), and the LED
        // and strip steps it carried out (61 + 140 + 15 + 53 kWh as the register rounds them: 268.93 kWh), each
        // at 36.38 ct/kWh and 0.426 kg CO₂/kWh: 597.52 × 0.3638 = 217.378 → 217.38 €, 597.52 × 0.426 = 254.54 kg;
        // 268.93 × 0.3638 = 97.84 €.
        let visit = visits[measured]
        #expect(visit.totals.electricityKWh == 597.52)
        #expect(r.expectedElectricity.recommended == CarrierFigures(kWh: 597.52, eur: 217.38, co2Kg: 254.54))
        #expect(
            r.expectedElectricity.implemented == CarrierFigures(kWh: 268.93, eur: 97.84, co2Kg: cents(268.93 * 0.426)))
        let none = CarrierFigures(kWh: 0, eur: 0, co2Kg: 0)
        #expect(r.expectedHeating == ExpectedFigures(recommended: none, implemented: none))
    }

    /// Households a payer's euros, the vouchers and the hand-outs rest on.
    @Test func countsTheHouseholdsFiguresRestOn() throws {
        let s = try Self.summary()
        let visits = try Checkout.exampleNames.map(StoreFixtures.example)
        #expect(s.predicted.householdsByPayer.household == visits.filter { $0.totals.split.household > 0 }.count)
        #expect(s.predicted.householdsByPayer.jobcenter == visits.filter { $0.totals.split.jobcenter > 0 }.count)
        #expect(s.predicted.householdsByPayer.socialOffice == visits.filter { $0.totals.split.socialOffice > 0 }.count)
        #expect(s.predicted.householdsByPayer.landlord == 0)
        #expect(s.fridgeVouchers.households == 2 && s.fridgeVouchers.count == 2)
        #expect(s.householdsHandedOut == visits.filter { $0.measures.contains { $0.items > 0 } }.count)
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
        // The examples' one debt household: Leipzig, 412.80 €, threatened and announced, not followed up.
        #expect(
            s.energyDebt
                == EnergyDebtFigures(households: 1, threatened: 1, announced: 1, cutOff: 0, arrearsEUR: 412.8))
        var debts = s
        debts.energyDebt = EnergyDebtFigures(
            households: 7, threatened: 5, announced: 3, cutOff: 2, arrearsEUR: 3_456.78, followedUp: 6,
            cutOffsAverted: 4, agreementsReached: 3)
        #expect(try ProgrammeSummary.read(Array(debts.json().utf8)) == debts)
        let withoutDebt = debts.json().replacingOccurrences(of: "\"energyDebt\"", with: "\"debt\"")
        let error = caught { () throws(SummaryDocumentError) in _ = try ProgrammeSummary.read(Array(withoutDebt.utf8)) }
        #expect(error?.path == "energyDebt" && error?.problem == .missing)
    }

    /// A renamed or missing key is an error that names it, never a zero (the comparison once read zeros).
    @Test func refusesAMissingKeyByItsPath() throws {
        let text = try Self.summary().json().replacingOccurrences(of: "\"followedUp\"", with: "\"followedup\"")
        let error = caught { () throws(SummaryDocumentError) in _ = try ProgrammeSummary.read(Array(text.utf8)) }
        #expect(error?.path == "households.followedUp")
        #expect(error?.problem == .missing)
        #expect(
            error?.description.hasSuffix(
                "households.followedUp: missing; every summary this esp writes has it (write it anew with esp summary "
                    + "--format json)") == true)
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
        #expect(comparison.cities.map(\.id) == ["nuernberg", "bremen"])
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
