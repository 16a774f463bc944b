import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing
import VisitRegister

@Suite struct ImportTests {
    @Test func importsTheFiveExamplesAndTheSummaryAddsTheirTotals() throws {
        let dir = try TemporaryDirectory()
        let register = try VisitRegister.open(path: dir.file("register.sqlite"))
        let session = Checkout.session()
        let results = register.add(visitPaths: Checkout.examplePaths, session: session)
        #expect(results.map(\.error) == Array(repeating: nil, count: 5))
        #expect(results.allSatisfy { if case .added = $0.outcome { true } else { false } })

        let advices = try Checkout.examplePaths.map { path throws(DataError) in
            try session.advise(visitPath: path).advice
        }
        let listed = try register.list()
        #expect(Set(listed.map(\.visitId)) == Set(advices.map(\.visitId)))
        #expect(listed.allSatisfy { $0.rulesVersion == Advice.rulesVersion })

        let summary = try register.summary()
        func sum(_ part: (Totals) -> Double) -> Double { cents(advices.reduce(0) { $0 + part($1.totals) }) }
        #expect(summary.householdsAdvised == 5)
        #expect(summary.householdsFollowedUp == 0)
        #expect(summary.predicted.electricity.kWh == sum(\.electricityKWh))
        #expect(summary.predicted.heating.kWh == sum(\.heatKWh))
        #expect(summary.predicted.waterM3 == sum(\.waterM3))
        #expect(summary.predicted.totalEUR == sum(\.savingEUR))
        #expect(summary.predicted.householdEUR == sum(\.householdEUR))
        #expect(summary.predicted.publicEUR == sum(\.publicEUR))
        #expect(summary.predicted.landlordEUR == sum(\.landlordEUR))
        #expect(summary.predicted.co2Kg == sum(\.co2Kg))
        #expect(
            abs(
                summary.predicted.householdEUR + summary.predicted.publicEUR + summary.predicted.landlordEUR
                    - summary.predicted.totalEUR) < 0.02)
        #expect(
            abs(summary.predicted.electricity.co2Kg + summary.predicted.heating.co2Kg - summary.predicted.co2Kg) < 0.1)

        // Breakdowns add up to the whole; the tariff switch (the heat-pump house's way into the basic supply) is a
        // row of its own, kept out of the predicted savings.
        let savings = summary.byMeasure.filter { $0.kind != .tariffSwitch }
        #expect(cents(savings.reduce(0) { $0 + $1.savingEUR }) == summary.predicted.totalEUR)
        #expect(summary.byLanguage.reduce(0) { $0 + $1.households } == 5)
        #expect(summary.byBenefit.reduce(0) { $0 + $1.households } == 5)
        let languages = Dictionary(advices.map { ($0.language, 1) }, uniquingKeysWith: +)
        #expect(Dictionary(uniqueKeysWithValues: summary.byLanguage.map { ($0.key, $0.households) }) == languages)
        let fridges = advices.flatMap(\.measures).filter {
            $0.recommended && $0.kind == .fridgeReplacement && $0.voucherEUR > 0
        }
        #expect(summary.fridgeVouchers.count == fridges.count)
        #expect(summary.fridgeVouchers.eur == cents(fridges.reduce(0) { $0 + $1.voucherEUR }))

        // The stored visit is the full esp-visit/1 document, the advice carries the rules version.
        let pensioner = try register.show(visitId: "NUE-2026-0142")
        #expect(pensioner.documents?.visitJSON.contains("\"schema\": \"esp-visit/1\"") == true)
        #expect(pensioner.documents?.adviceJSON.contains("\"rulesVersion\":2") == true)
        #expect(pensioner.benefit == .grundsicherung)
        #expect(pensioner.heatingCostsPaidBy == .socialOffice)  // the default for grundsicherung
        #expect(pensioner.electricityKWh == 2300)
        #expect(pensioner.heating == RegisteredHeating(fuel: .gas, annualKWh: 6050, estimated: false, billShare: 0.6))
        #expect(pensioner.prices.electricityEURPerKWh == 0.3638)  // Nürnberg basic supply 36.38 ct/kWh
        #expect(pensioner.prices.heatingCO2KgPerKWh == 0.247)  // gas, Heizspiegel 2025 (CO2-eq incl. upstream)
        let advice = try #require(advices.first { $0.visitId == "NUE-2026-0142" })
        #expect(pensioner.measures.map(\.kind) == advice.measures.filter(\.recommended).map(\.kind))
        #expect(pensioner.totals == advice.totals)
    }

    @Test func summaryFiltersByCityAndDate() throws {
        let dir = try TemporaryDirectory()
        let register = try VisitRegister.open(path: dir.file("register.sqlite"))
        _ = register.add(visitPaths: Checkout.examplePaths, session: Checkout.session())
        let all = try register.list()
        let nuernberg = try register.summary(city: "nuernberg")
        #expect(nuernberg.householdsAdvised == all.filter { $0.city == "nuernberg" }.count)
        #expect(nuernberg.householdsAdvised == 2)
        let dates = all.map(\.date).sorted()
        let first = try #require(dates.first)
        #expect(try register.summary(from: first, to: first).householdsAdvised == dates.filter { $0 == first }.count)
        #expect(try register.summary(city: "hamburg").householdsAdvised == 0)
    }

    @Test func aMalformedFileInABatchIsReportedAndTheOthersImport() throws {
        let dir = try TemporaryDirectory()
        let register = try VisitRegister.open(path: dir.file("register.sqlite"))
        let bad = try dir.write("bad.json", "{ \"schema\": \"esp-visit/1\", \"visitId\": ")
        let unknownCity = try dir.write(
            "city.json", smallVisit(id: "X-1").replacingOccurrences(of: "nuernberg", with: "atlantis"))
        let paths = [Checkout.examplePaths[0], bad, unknownCity, Checkout.examplePaths[4]]
        let results = register.add(visitPaths: paths, session: Checkout.session())
        #expect(results.map(\.path) == paths)
        #expect(results[0].visitId != nil)
        #expect(results[3].visitId == "NUE-2026-0142")
        guard case .visitFile(.malformedJSON(let path, _))? = results[1].error else {
            Issue.record("expected malformed JSON, got \(results[1].outcome)")
            return
        }
        #expect(path == bad)
        guard case .visitFile(.unknownCity(let id, _, _))? = results[2].error else {
            Issue.record("expected unknown city, got \(results[2].outcome)")
            return
        }
        #expect(id == "atlantis")
        #expect(results[1].error?.description.contains("nothing of this file was added") == true)
        #expect(try register.list().count == 2)
        #expect(caught(RegisterError.self) { try register.show(visitId: "X-1") } == .unknownVisit(visitId: "X-1"))
    }

    @Test func reAddingAVisitUpdatesItInsteadOfDuplicating() throws {
        let dir = try TemporaryDirectory()
        let register = try VisitRegister.open(path: dir.file("register.sqlite"))
        let session = Checkout.session()
        let path = try dir.write("v.json", smallVisit(annualKWh: 3400))
        #expect(register.add(visitPaths: [path], session: session).map(\.outcome) == [.added(visitId: "NUE-TEST-1")])
        let before = try register.show(visitId: "NUE-TEST-1")
        _ = try register.followUp(
            visitId: "NUE-TEST-1", date: try #require(CalendarDate(iso: "2026-07-11")),
            meterAtVisitKWh: 10_000, meterNowKWh: 11_450)

        try dir.write("v.json", smallVisit(annualKWh: 3600))
        #expect(register.add(visitPaths: [path], session: session).map(\.outcome) == [.updated(visitId: "NUE-TEST-1")])
        let visits = try register.list()
        #expect(visits.count == 1)
        let after = try #require(visits.first)
        #expect(after.electricityKWh == 3600)
        #expect(after.measures.count == before.measures.count)  // replaced, not appended
        #expect(after.addedAt == before.addedAt)
        #expect(after.followUps.count == 1)  // follow-ups survive an update
        // 1,450 kWh in 182 days → 2,907.97 kWh/yr; against the new baseline 3,600: 692.03 kWh saved.
        #expect(after.followUps.first?.electricity?.savedKWhPerYear == 692.03)
    }
}
