import AdviceData
import EnergyAdvice
import TestSupport
import Testing
import VisitRecords

/// What every ``VisitStore`` must do, whichever database is behind it. A store's test target runs each case on a new,
/// empty store of its own:
///
/// ```swift
/// @Test(arguments: VisitStoreContract.cases)
/// func contract(_ check: VisitStoreContract.Case) async throws { try await check.run(try makeStore()) }
/// ```
///
/// The figures are those of ``StoreFixtures/smallVisit(id:date:annualKWh:meterKWh:advisor:)``, worked by hand there.
public enum VisitStoreContract {
    /// One named check of the contract.
    public struct Case: Sendable, CustomTestStringConvertible {
        /// What the check shows.
        public let name: String
        let body: @Sendable (any VisitStore) async throws -> Void

        /// Runs the check on an empty store.
        public func run(_ store: any VisitStore) async throws { try await body(store) }

        /// The check's name, as the test run lists it.
        public var testDescription: String { name }
    }

    /// Every check, in a stable order.
    public static let cases: [Case] = coreCases + officeCases

    static let coreCases: [Case] = [
        Case(name: "a saved visit reads back whole", body: savedVisitReadsBack),
        Case(name: "the same visit again is unchanged or updated, follow-ups kept", body: sameVisitAgain),
        Case(name: "another visit under a registered id is refused unless replaced", body: anotherVisitUnderTheId),
        Case(name: "lists filter by date and city", body: filters),
        Case(name: "follow-ups are normalised to a year and priced as the advice", body: followUpArithmetic),
        Case(name: "follow-ups break no rule", body: followUpRules),
        Case(name: "follow-ups are corrected and deleted with a history", body: followUpCorrections),
        Case(name: "forgetting keeps the anonymous figures", body: forgetting),
        Case(name: "energy debt and the supply at follow-ups are counted and kept", body: energyDebt),
        Case(name: "the summary equals the pure sums of the visits", body: summaryIsThePureSum),
        Case(name: "unknown visits are named", body: unknownVisits),
        Case(name: "pseudonyms are stable within a register", body: pseudonyms),
        Case(name: "visits saved at the same time are all kept", body: concurrentSaves),
    ]

    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }
    static let today = CalendarDate(year: 2030, month: 1, day: 1)!

    static func savedVisitReadsBack(_ store: any VisitStore) async throws {
        let visit = try StoreFixtures.smallVisit(advisor: "AB")
        #expect(try await store.save(visit, replace: false) == .added)
        let read = try await store.visit(id: "NUE-TEST-1")
        #expect(read.documents == visit.documents)
        #expect(read.measures == visit.measures)
        #expect(read.totals == visit.totals)
        #expect(read.prices == visit.prices)
        #expect(read.heating == visit.heating)
        #expect(read.advisor == "AB")
        #expect(read.contentHash == visit.contentHash)
        #expect(read.meterReadingKWh == visit.meterReadingKWh)
        #expect(read.benefit == .buergergeld && read.heatingCostsPaidBy == .jobcenter && read.persons == 1)
        #expect(read.followUps.isEmpty && read.forgottenAt == nil)
        let listed = try await store.visits(VisitFilter())
        #expect(listed.map(\.visitId) == ["NUE-TEST-1"])
        #expect(listed[0].documents == nil, "lists carry no documents")
        #expect(try await store.cities() == ["nuernberg"])
    }

    static func sameVisitAgain(_ store: any VisitStore) async throws {
        let visit = try StoreFixtures.smallVisit()
        _ = try await store.save(visit, replace: false)
        _ = try await store.saveFollowUp(
            FollowUpEntry(visitId: visit.visitId, date: try date("2026-07-11"), electricityKWhSinceVisit: 1450),
            mode: .record, today: today)
        #expect(try await store.save(visit, replace: false) == .unchanged)
        var readvised = visit
        readvised.documents?.adviceJSON = "{\"schema\":\"esp-advice/2\",\"readvised\":true}"
        readvised.totals.savingEUR += 1
        #expect(try await store.save(readvised, replace: false) == .updated)
        let read = try await store.visit(id: visit.visitId)
        #expect(read.totals.savingEUR == visit.totals.savingEUR + 1)
        #expect(read.followUps.count == 1, "an update keeps the follow-ups")
        #expect(read.addedAt == visit.addedAt || !read.addedAt.isEmpty)
    }

    static func anotherVisitUnderTheId(_ store: any VisitStore) async throws {
        _ = try await store.save(try StoreFixtures.smallVisit(advisor: "AB"), replace: false)
        let other = try StoreFixtures.smallVisit(date: "2026-02-01", annualKWh: 2000, advisor: "CD")
        let refused = await caughtAsync { () async throws(StoreError) in _ = try await store.save(other, replace: false)
        }
        #expect(
            refused
                == .visitIdTaken(
                    visitId: "NUE-TEST-1",
                    registered: RegisteredIdentity(date: try date("2026-01-10"), city: "nuernberg", advisor: "AB")))
        #expect(try await store.visit(id: "NUE-TEST-1").electricityKWh == 3400, "nothing was changed")
        #expect(try await store.save(other, replace: true) == .updated)
        let replaced = try await store.visit(id: "NUE-TEST-1")
        #expect(replaced.electricityKWh == 2000 && replaced.advisor == "CD")
    }

    static func filters(_ store: any VisitStore) async throws {
        for (id, day) in [("A", "2026-01-10"), ("B", "2026-03-01"), ("C", "2026-05-20")] {
            _ = try await store.save(try StoreFixtures.smallVisit(id: id, date: day), replace: false)
        }
        _ = try await store.save(try StoreFixtures.example("bremen-family-buergergeld.json"), replace: false)
        let spring = try await store.visits(VisitFilter(from: try date("2026-02-01"), to: try date("2026-05-20")))
        #expect(spring.map(\.visitId) == ["B", "C"])
        let nuernberg = try await store.visits(VisitFilter(city: "nuernberg"))
        #expect(nuernberg.map(\.visitId) == ["A", "B", "C"])
        #expect(try await store.cities() == ["bremen", "nuernberg"])
        let all = try await store.visits(VisitFilter())
        #expect(all.map(\.date) == all.map(\.date).sorted(), "oldest first")
    }

    /// 2026-01-10 → 2026-07-11 is 182 days; 11,450 − 10,000 = 1,450 kWh; 1,450 · 365 / 182 = 2,907.967 kWh a year;
    /// 3,400 − 2,907.967 = 492.033 kWh saved, at the advice's energy price and CO2 factor (``StoreFixtures``).
    static func followUpArithmetic(_ store: any VisitStore) async throws {
        let visit = try StoreFixtures.smallVisit(meterKWh: 10_000)
        _ = try await store.save(visit, replace: false)
        let first = try await store.saveFollowUp(
            FollowUpEntry(
                visitId: visit.visitId, date: try date("2026-07-11"), meterNowKWh: 11_450, implemented: [.led]),
            mode: .record, today: today)
        #expect(first.daysSinceVisit == 182)
        let e = try #require(first.electricity)
        #expect(e.usedSinceVisitKWh == 1450)
        #expect(e.afterKWhPerYear == 2907.97)
        #expect(e.savedKWhPerYear == 492.03)
        #expect(e.savedEURPerYear == cents(492.033 * visit.prices.electricityEURPerKWh))
        #expect(e.beneficiary == .household)
        #expect(first.meterAtVisitKWh == 10_000, "the reading taken at the visit")
        let led = try #require(visit.measures.first { $0.kind == .led })
        #expect(first.predicted.electricityKWh == led.electricityKWh)
        let read = try await store.visit(id: visit.visitId)
        #expect(read.followUps == [first])
        let summary = try await store.summary(VisitFilter())
        #expect(summary.householdsFollowedUp == 1 && summary.realised.electricity.kWh == 492.03)
    }

    static func followUpRules(_ store: any VisitStore) async throws {
        let visit = try StoreFixtures.smallVisit(meterKWh: 10_000)
        _ = try await store.save(visit, replace: false)
        func refused(_ entry: FollowUpEntry) async -> StoreError? {
            await caughtAsync { () async throws(StoreError) in
                _ = try await store.saveFollowUp(entry, mode: .record, today: try! date("2026-12-31"))
            }
        }
        let id = visit.visitId
        #expect(
            await refused(FollowUpEntry(visitId: id, date: try date("2026-01-10"), meterNowKWh: 10_100))
                == .followUp(visitId: id, .notAfterVisit(visitDate: try date("2026-01-10"))))
        #expect(
            await refused(FollowUpEntry(visitId: id, date: try date("2027-01-05"), meterNowKWh: 10_100))
                == .followUp(visitId: id, .dateInFuture(today: try date("2026-12-31"))))
        // 99,999,999 − 10,000 = 99,989,999 kWh in 182 days = 200,529,393.60 kWh a year: far beyond three times the
        // visit's 3,400 kWh.
        let typo = FollowUpEntry(visitId: id, date: try date("2026-07-11"), meterNowKWh: 99_999_999)
        #expect(
            await refused(typo)
                == .followUp(visitId: id, .unusualElectricity(perYearKWh: 200_529_393.6, visitKWh: 3400)))
        #expect(
            await refused(FollowUpEntry(visitId: id, date: try date("2026-07-11"), meterNowKWh: 9_000))
                == .followUp(visitId: id, .meterReadingFalls(previousKWh: 10_000, nowKWh: 9_000)))
        #expect(
            await refused(
                FollowUpEntry(
                    visitId: id, date: try date("2026-07-11"), meterNowKWh: 11_000, implemented: [.fridgeReplacement]))
                == .followUp(visitId: id, .notRecommended(kinds: [.fridgeReplacement], recommended: [.led, .standby])))
        #expect(
            await refused(FollowUpEntry(visitId: id, date: try date("2026-07-11"), heatingKWhPerYear: 5000))
                == .followUp(visitId: id, .noHeatingAtVisit))
        #expect(try await store.visit(id: id).followUps.isEmpty, "nothing refused was recorded")
        var confirmed = typo
        confirmed.confirmUnusual = true
        _ = try await store.saveFollowUp(confirmed, mode: .record, today: today)
        #expect(
            await refused(FollowUpEntry(visitId: id, date: try date("2026-07-11"), meterNowKWh: 11_000))
                == .followUp(visitId: id, .alreadyRecorded(date: try date("2026-07-11"))))
    }

    static func followUpCorrections(_ store: any VisitStore) async throws {
        let visit = try StoreFixtures.smallVisit(meterKWh: 10_000)
        _ = try await store.save(visit, replace: false)
        let id = visit.visitId
        let typo = FollowUpEntry(
            visitId: id, date: try date("2026-07-11"), meterNowKWh: 99_999_999, confirmUnusual: true)
        _ = try await store.saveFollowUp(typo, mode: .record, today: today)
        _ = try await store.saveFollowUp(
            FollowUpEntry(
                visitId: id, date: try date("2027-01-10"), meterNowKWh: 99_999_999 + 100, confirmUnusual: true),
            mode: .record, today: today)
        // The first reading is corrected: it may not rise above the later one, nor fall below the visit's.
        let tooHigh = await caughtAsync { () async throws(StoreError) in
            _ = try await store.saveFollowUp(
                FollowUpEntry(
                    visitId: id, date: try! date("2026-07-11"), meterNowKWh: 100_000_100, confirmUnusual: true),
                mode: .correct, today: today)
        }
        #expect(
            tooHigh
                == .followUp(
                    visitId: id,
                    .meterReadingAboveLater(
                        laterDate: try date("2027-01-10"), laterKWh: 100_000_099, nowKWh: 100_000_100)))
        let corrected = try await store.saveFollowUp(
            FollowUpEntry(visitId: id, date: try date("2026-07-11"), meterNowKWh: 11_450), mode: .correct, today: today)
        #expect(corrected.electricity?.savedKWhPerYear == 492.03)
        let removed = try await store.deleteFollowUp(visitId: id, date: try date("2027-01-10"))
        #expect(removed.meterNowKWh == 100_000_099)
        let read = try await store.visit(id: id)
        #expect(read.followUps.map(\.date) == [try date("2026-07-11")])
        #expect(read.followUps[0].meterNowKWh == 11_450)
        let history = try await store.followUpHistory(visitId: id)
        #expect(history.map(\.kind) == [.corrected, .deleted])
        #expect(history.map(\.previous.meterNowKWh) == [99_999_999, 100_000_099])
        let missing = await caughtAsync { () async throws(StoreError) in
            _ = try await store.deleteFollowUp(visitId: id, date: try! date("2027-01-10"))
        }
        #expect(
            missing
                == .followUp(
                    visitId: id, .noFollowUpOn(date: try date("2027-01-10"), recorded: [try date("2026-07-11")])))
    }

    static func forgetting(_ store: any VisitStore) async throws {
        for name in Checkout.exampleNames { _ = try await store.save(try StoreFixtures.example(name), replace: false) }
        let before = try await store.summary(VisitFilter())
        let at = try await store.forget(visitId: "NUE-2026-0187")
        #expect(try await store.forget(visitId: "NUE-2026-0187") == at, "forgetting twice changes nothing")
        let forgotten = try await store.visit(id: "NUE-2026-0187")
        #expect(forgotten.documents == nil && forgotten.advisor == nil && forgotten.forgottenAt == at)
        #expect(try await store.summary(VisitFilter()) == before, "the council's totals do not change")
        let again = await caughtAsync { () async throws(StoreError) in
            _ = try await store.save(try! StoreFixtures.example("nuernberg-family-ru.json"), replace: false)
        }
        #expect(again == .forgotten(visitId: "NUE-2026-0187", at: at))
    }

    static func energyDebt(_ store: any VisitStore) async throws {
        // Leipzig: one electricity debt of 412.80 € with a threat and an announced date.
        _ = try await store.save(try StoreFixtures.example("leipzig-family-threat.json"), replace: false)
        // Two debts: electricity 150.50 € already cut off, gas 99.50 € with a threat.
        let debtor = try StoreFixtures.record(
            """
            {
              "schema": "esp-visit/1", "visitId": "NUE-DEBT-1", "date": "2026-01-10", "city": "nuernberg",
              "household": { "persons": 1, "dwelling": "flat", "livingAreaM2": 40, "benefit": "buergergeld" },
              "electricity": { "annualKWh": 3400 },
              "energyDebt": [
                { "carrier": "electricity", "arrearsEUR": 150.5, "monthlyInstallmentEUR": 60, "cutOff": true },
                { "carrier": "gas", "arrearsEUR": 99.5, "monthlyInstallmentEUR": 40, "threatDate": "2026-01-02" }
              ]
            }
            """, source: "NUE-DEBT-1.json")
        _ = try await store.save(debtor, replace: false)
        _ = try await store.save(try StoreFixtures.smallVisit(), replace: false)
        #expect(
            try await store.visit(id: "NUE-DEBT-1").energyDebt
                == RegisteredDebt(debts: 2, threatened: 1, announced: 0, cutOff: 1, arrearsEUR: 250))
        let noDebt = await caughtAsync { () async throws(StoreError) in
            _ = try await store.saveFollowUp(
                FollowUpEntry(visitId: "NUE-TEST-1", date: try! date("2026-06-01"), supplyContinued: true),
                mode: .record, today: today)
        }
        #expect(noDebt == .followUp(visitId: "NUE-TEST-1", .noEnergyDebtAtVisit))

        // Leipzig: supply continued and an agreement at the first follow-up; the second says the agreement failed.
        let leipzig = "L-2026-0305"
        for entry in [
            FollowUpEntry(
                visitId: leipzig, date: try date("2027-01-10"), supplyContinued: true, agreementReached: true),
            FollowUpEntry(visitId: leipzig, date: try date("2027-03-01"), agreementReached: false),
        ] { _ = try await store.saveFollowUp(entry, mode: .record, today: today) }
        // NUE-DEBT-1: cut off, with an agreement; corrected below: the supply was restored.
        _ = try await store.saveFollowUp(
            FollowUpEntry(
                visitId: "NUE-DEBT-1", date: try date("2026-06-01"), supplyContinued: false, agreementReached: true),
            mode: .record, today: today)
        let followUp = try #require(try await store.visit(id: leipzig).followUps.first)
        #expect(followUp.supplyContinued == true && followUp.agreementReached == true)
        // Households 2; threatened 2 (Leipzig, the gas debt); announced 1 (Leipzig); cut off 1 (NUE-DEBT-1);
        // arrears 412.80 + 150.50 + 99.50 = 662.80 €; asked about the supply 2; averted: Leipzig only (NUE-DEBT-1's
        // supply did not continue); agreements: NUE-DEBT-1 only (Leipzig's latest answer is no).
        var expected = EnergyDebtFigures(
            households: 2, threatened: 2, announced: 1, cutOff: 1, arrearsEUR: 662.8, followedUp: 2, cutOffsAverted: 1,
            agreementsReached: 1)
        #expect(try await store.summary(VisitFilter()).energyDebt == expected)

        _ = try await store.saveFollowUp(
            FollowUpEntry(
                visitId: "NUE-DEBT-1", date: try date("2026-06-01"), supplyContinued: true, agreementReached: true),
            mode: .correct, today: today)
        #expect(try await store.followUpHistory(visitId: "NUE-DEBT-1").first?.previous.supplyContinued == false)
        // The gas debt was threatened, and now its supply continued: averted 2.
        expected.cutOffsAverted = 2
        let summary = try await store.summary(VisitFilter())
        #expect(summary.energyDebt == expected)
        #expect(summary == ProgrammeSummary(visits: try await store.visits(VisitFilter()), filter: VisitFilter()))
        #expect(try await store.summary(VisitFilter(city: "leipzig")).energyDebt.cutOffsAverted == 1)

        _ = try await store.forget(visitId: leipzig)
        _ = try await store.forget(visitId: "NUE-DEBT-1")
        #expect(try await store.summary(VisitFilter()) == summary, "forgetting keeps the debt figures")
        #expect(
            try await store.visit(id: leipzig).energyDebt
                == RegisteredDebt(debts: 1, threatened: 1, announced: 1, cutOff: 0, arrearsEUR: 412.8))
    }

    static func summaryIsThePureSum(_ store: any VisitStore) async throws {
        for name in Checkout.exampleNames { _ = try await store.save(try StoreFixtures.example(name), replace: false) }
        _ = try await store.saveFollowUp(
            FollowUpEntry(
                visitId: "NUE-2026-0142", date: try date("2027-02-17"), meterAtVisitKWh: 10_000,
                meterNowKWh: 12_000, implemented: [.led, .standby]),
            mode: .record, today: today)
        for filter in [VisitFilter(), VisitFilter(city: "bremen"), VisitFilter(from: try date("2026-03-01"))] {
            let pure = ProgrammeSummary(visits: try await store.visits(filter), filter: filter)
            #expect(try await store.summary(filter) == pure, "\(filter)")
        }
        // The examples' expected totals: 457.76 + 32.76 + 127.17 + 269.03 + 245.35 = 1,132.07 € (README).
        let total = try await store.visits(VisitFilter()).reduce(0) { $0 + $1.totals.savingEUR }
        #expect(try await store.summary(VisitFilter()).predicted.totalEUR == cents(total))
    }

    static func unknownVisits(_ store: any VisitStore) async throws {
        #expect(
            await caughtAsync { () async throws(StoreError) in _ = try await store.visit(id: "NOPE") }
                == .unknownVisit(visitId: "NOPE"))
        #expect(
            await caughtAsync { () async throws(StoreError) in
                _ = try await store.saveFollowUp(
                    FollowUpEntry(visitId: "NOPE", date: try! date("2026-07-11")), mode: .record, today: today)
            } == .unknownVisit(visitId: "NOPE"))
        #expect(
            await caughtAsync { () async throws(StoreError) in _ = try await store.forget(visitId: "NOPE") }
                == .unknownVisit(visitId: "NOPE"))
    }

    static func pseudonyms(_ store: any VisitStore) async throws {
        let salt = try await store.pseudonymSalt()
        #expect(salt.count >= 16)
        #expect(try await store.pseudonymSalt() == salt)
        _ = try await store.save(try StoreFixtures.smallVisit(), replace: false)
        let export = VisitExport(salt: salt, withIDs: false).text(try await store.visits(VisitFilter()), format: .csv)
        #expect(!export.contains("NUE-TEST-1"))
        #expect(export.contains(VisitExport(salt: salt, withIDs: false).pseudonym(visitId: "NUE-TEST-1")))
    }

    static func concurrentSaves(_ store: any VisitStore) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for n in 0..<25 {
                        let outcome = try await store.save(
                            try StoreFixtures.smallVisit(id: "W\(writer)-\(n)"), replace: false)
                        #expect(outcome == .added)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.visits(VisitFilter()).count == 100)
    }
}
