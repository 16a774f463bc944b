import AdviceData
import EnergyAdvice
import Testing

@Suite("Examples through the whole pipeline")
struct PipelineTests {
    @Test func everyExampleAdvises() throws {
        for name in try FileManagerHelpers.list(Checkout.examples, suffix: ".json") {
            let advice = try AdvicePipeline.advise(visitPath: Checkout.examples + "/" + name, data: Checkout.data)
            #expect(!advice.measures.isEmpty, "\(name) has no measures")
            #expect(advice.totals.savingEUR > 0)
            #expect(cents(advice.totals.householdEUR + advice.totals.publicEUR + advice.totals.landlordEUR) == advice.totals.savingEUR)
        }
    }

    /// Nürnberg pensioner: 2,300 kWh at 36.38 ct + 168 € base price = 1,004.74 €.
    @Test func pensionerNumbersFollowTheData() throws {
        let advice = try AdvicePipeline.advise(visitPath: Checkout.examples + "/nuernberg-pensioner.json", data: Checkout.data)
        #expect(advice.electricity.annualKWh == 2300)
        #expect(advice.electricity.annualCostEUR == 1004.74)
        // 1 person, flat, electric hot water: bounds 900/1200/1500/1700/2000/2700 → 2,300 kWh is class F
        #expect(advice.electricity.benchmark.classLetter == "F")
        // Grundsicherung: heating paid by the social office
        #expect(advice.inputs.contains { $0.path == "household.heatingCostsPaidBy" && $0.value == .text("social-office") })
        // 20-year-old fridge measured at 0.95 kWh/day: 346.75 − 110 = 236.75 kWh technical; nuernberg.xml has no
        // <fridgeVoucher> (the ESP hands out no voucher), so none is promised
        let fridge = try #require(advice.measures.first { $0.kind == .fridgeReplacement })
        #expect(fridge.technical.electricityKWh == 236.75)
        #expect(fridge.baseline == .measured)
        #expect(fridge.voucherEUR == 0)
    }

    @Test func implausibleVisitStillAdvisesWithWarning() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("big.json", """
        {"schema":"esp-visit/1","visitId":"X","date":"2026-05-01","city":"bremen",
         "household":{"persons":1,"dwelling":"flat","livingAreaM2":40},"electricity":{"annualKWh":20000}}
        """)
        let advice = try AdvicePipeline.advise(visitPath: path, data: Checkout.data)
        #expect(advice.warnings.contains(.electricityImplausiblyHigh(kWh: 20_000, limitKWh: 4000)))
    }

    @Test func visitForUnknownCity() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("v.json", """
        {"schema":"esp-visit/1","visitId":"X","date":"2026-05-01","city":"hamburg",
         "household":{"persons":1,"dwelling":"flat","livingAreaM2":40},"electricity":{"annualKWh":2000}}
        """)
        let error = dataError { () throws(DataError) in try AdvicePipeline.advise(visitPath: path, data: Checkout.data) }
        #expect(error?.description.hasPrefix("no tariff file for city \"hamburg\"") == true)
    }
}
