import AdviceData
import EnergyAdvice
import TestSupport
import Testing

@Suite("Examples through the whole pipeline")
struct PipelineTests {
    func advise(_ path: String) throws(DataError) -> Advice {
        try Checkout.advise(visitPath: path).advice
    }

    @Test func everyExampleAdvises() throws {
        for name in try TestFiles.list(Checkout.examples, suffix: ".json") {
            let advice = try advise(Checkout.examples + "/" + name)
            #expect(!advice.measures.isEmpty, "\(name) has no measures")
            #expect(advice.totals.savingEUR > 0)
            #expect(
                cents(advice.totals.householdEUR + advice.totals.publicEUR + advice.totals.landlordEUR)
                    == advice.totals.savingEUR)
        }
    }

    /// Nürnberg pensioner: 2,300 kWh at 36.38 ct + 168 € base price = 1,004.74 €.
    @Test func pensionerNumbersFollowTheData() throws {
        let advice = try advise(Checkout.examples + "/nuernberg-pensioner.json")
        #expect(advice.electricity.annualKWh == 2300)
        #expect(advice.electricity.annualCostEUR == 1004.74)
        // 1 person, flat, electric hot water: bounds 900/1200/1500/1700/2000/2700 → 2,300 kWh is class F
        #expect(advice.electricity.benchmark.classLetter == "F")
        // Grundsicherung: heating paid by the social office
        #expect(
            advice.inputs.contains { $0.path == "household.heatingCostsPaidBy" && $0.value == .text("social-office") })
        // 20-year-old fridge measured at 0.95 kWh/day: 346.75 − 110 = 236.75 kWh technical; nuernberg.xml has no
        // <fridgeVoucher> (the ESP hands out no voucher), so none is promised
        let fridge = try #require(advice.measures.first { $0.kind == .fridgeReplacement })
        #expect(fridge.technical.electricityKWh == 236.75)
        #expect(fridge.baseline == .measured)
        #expect(fridge.voucherEUR == 0)
    }

    /// The shipped data is the latest known in March 2027: a visit then advises in every city without a word about
    /// the data (expired, running out, or a tariff not yet valid).
    @Test func aVisitInMarch2027AdvisesWithoutDataWarnings() throws {
        let dir = try TemporaryDirectory()
        let dataWarnings = [
            "city-tariffs-expired", "city-tariffs-expiring", "reference-data-expired",
            "reference-data-expiring", "tariff-not-yet-valid",
        ]
        var cities = Set<String>()
        for name in try TestFiles.list(Checkout.examples, suffix: ".json") {
            let text = try String(contentsOfFile: Checkout.examples + "/" + name, encoding: .utf8)
            let dated = text.replacing(/"date": "2026-[0-9-]+"/, with: "\"date\": \"2027-03-01\"")
            #expect(dated != text, "\(name) has no 2026 date to move")
            let advice = try advise(try dir.write(name, dated))
            cities.insert(advice.city)
            #expect(!advice.warnings.contains { dataWarnings.contains($0.code) }, "\(name): \(advice.warnings)")
        }
        #expect(cities == ["bremen", "leipzig", "nuernberg"])
    }

    @Test func implausibleVisitStillAdvisesWithWarning() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "big.json",
            """
            {"schema":"esp-visit/1","visitId":"X","date":"2026-05-01","city":"bremen",
             "household":{"persons":1,"dwelling":"flat","livingAreaM2":40},"electricity":{"annualKWh":20000}}
            """)
        let advice = try advise(path)
        #expect(advice.warnings.contains(.electricityImplausiblyHigh(kWh: 20_000, limitKWh: 4000)))
    }

    @Test func visitForUnknownCity() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "v.json",
            """
            {"schema":"esp-visit/1","visitId":"X","date":"2026-05-01","city":"hamburg",
             "household":{"persons":1,"dwelling":"flat","livingAreaM2":40},"electricity":{"annualKWh":2000}}
            """)
        let error = caught { () throws(DataError) in try advise(path) }
        #expect(error?.description.hasPrefix("no tariff file for city \"hamburg\"") == true)
    }
}
