import EnergyAdvice
import TestSupport
import Testing

@Suite("Benchmark, installment, totals and defaults")
struct BenchmarkAndTotalsTests {
    /// Bounds for one person in a flat: A ≤ 700, B ≤ 900, C ≤ 1,100, D ≤ 1,400, E ≤ 1,500, F ≤ 2,000, G above.
    @Test(arguments: [
        (700.0, "A"), (700.5, "B"), (900, "B"), (1100, "C"), (1101, "D"), (1500, "E"), (2000, "F"), (2000.01, "G"),
        (9000, "G"),
    ])
    func electricityClassAtTheBounds(kWh: Double, letter: String) throws {
        let advice = try Fixture.advise(Fixture.visit(kWh: kWh))
        #expect(advice.electricity.benchmark.classLetter == letter)
        #expect(advice.electricity.benchmark.averageKWh == 1200)
    }

    /// Seven persons use the five-person table: A bound 2,000.
    @Test func largeHouseholdsUseTheFivePersonTable() throws {
        let advice = try Fixture.advise(Fixture.visit(persons: 7, kWh: 2000))
        #expect(advice.electricity.benchmark.table.persons == 5)
        #expect(advice.electricity.benchmark.classLetter == "A")
    }

    /// Electric hot water picks its own table: flat bounds × 1.25 in the fixture, A ≤ 875 for one person.
    @Test func electricHotWaterTable() throws {
        let advice = try Fixture.advise(Fixture.visit(kWh: 875, hotWater: .electricInstantaneous))
        #expect(advice.electricity.benchmark.table.electricHotWater)
        #expect(advice.electricity.benchmark.classLetter == "A")
    }

    /// 2,300 kWh at 41.18 ct + 60 € = 947.14 + 60 = 1,007.14 €; 12 · 68 = 816 → balance −191.14 €;
    /// 1,007.14 / 12 = 83.93 → 84 € a month.
    @Test func installmentCheck() throws {
        var visit = Fixture.visit(
            kWh: 2300, electricityTariff: PriceOverride(energyPriceCtPerKWh: 41.18, basePriceEURPerYear: 60))
        visit.electricity.monthlyInstallmentEUR = 68
        let i = try Fixture.advise(visit).installment.electricity
        #expect(i.payer == .household)
        #expect(i.expectedAnnualEUR == 1007.14)
        #expect(i.recommendedMonthlyEUR == 84)
        #expect(i.balanceEUR == -191.14)
        #expect(i.missing.isEmpty)
    }

    /// Issue 18: a tariff without its base price (the fixture's basic supply, 41.18 ct and no base price) gives no
    /// back-payment to promise: the check says the base price is missing.
    @Test func installmentWithoutABasePriceSaysSo() throws {
        var visit = Fixture.visit(kWh: 2300)
        visit.electricity.monthlyInstallmentEUR = 68
        let i = try Fixture.advise(visit).installment.electricity
        #expect(i.expectedAnnualEUR == 947.14)
        #expect(i.missing == [.basePrice])
        #expect(i.recommendedMonthlyEUR == nil && i.balanceEUR == nil)
    }

    /// Issue 18: the heating a jobcenter pays is checked for the jobcenter, never as "pay this much a month"; an
    /// estimated heating (no bill) or a gas price without a base price says what is missing instead of a
    /// back-payment. Own gas at 11.72 ct without base price, 9,000 kWh: missing base price; estimated (114 · 60 =
    /// 6,840 kWh): missing bill and base price. Oil has no base price by nature.
    @Test func heatingInstallmentAddressesWhoeverPays() throws {
        var visit = Fixture.visit(benefit: .buergergeld, heating: HeatingUse(fuel: .gas, annualKWh: 9000))
        visit.heating?.monthlyInstallmentEUR = 92
        let jobcenter = try #require(try Fixture.advise(visit).installment.heating)
        #expect(jobcenter.payer == .jobcenter)
        #expect(jobcenter.expectedAnnualEUR == 1054.8)

        let own = try #require(
            try Fixture.advise(Fixture.visit(heating: HeatingUse(fuel: .gas, annualKWh: 9000))).installment.heating)
        #expect(own.payer == .household && own.missing == [.basePrice] && own.balanceEUR == nil)
        let estimated = try #require(
            try Fixture.advise(Fixture.visit(heating: HeatingUse(fuel: .gas))).installment.heating)
        #expect(estimated.missing == [.bill, .basePrice])

        var billed = Fixture.visit(
            heating: HeatingUse(
                fuel: .gas, annualKWh: 9000, monthlyInstallmentEUR: 90,
                tariff: PriceOverride(energyPriceCtPerKWh: 11.72, basePriceEURPerYear: 120)))
        billed.household.benefit = Benefit.none
        let complete = try #require(try Fixture.advise(billed).installment.heating)
        // 9,000 · 0.1172 + 120 = 1,054.80 + 120 = 1,174.80 €; 12 · 90 = 1,080 → −94.80 €; 1,174.80 / 12 → 98 €.
        #expect(complete.missing.isEmpty && complete.recommendedMonthlyEUR == 98 && complete.balanceEUR == -94.8)
    }

    /// An exact multiple of twelve is not rounded up: 1,200 kWh at 30 ct + 60 € = 420 € → 35 €.
    @Test func installmentExactMonth() throws {
        let visit = Fixture.visit(
            kWh: 1200, electricityTariff: PriceOverride(energyPriceCtPerKWh: 30, basePriceEURPerYear: 60))
        #expect(try Fixture.advise(visit).installment.electricity.recommendedMonthlyEUR == 35)
    }

    /// Bürgergeld: heating savings go to the jobcenter, electricity to the household, and the parts add up.
    @Test func beneficiarySplitForBuergergeld() throws {
        // 1,000 kWh keeps the tariff switch out (see MeasureTests), so only these two measures count.
        let advice = try Fixture.advise(
            Fixture.visit(
                benefit: .buergergeld, kWh: 1000,
                heating: Fixture.ownGas(10_850, room: 21),
                appliances: [.standby(StandbyDevice(watts: 15, hoursPerDay: 22))]))
        let room = try #require(advice.measures.first { $0.kind == .roomTemperature })
        #expect(room.beneficiary == .jobcenter)
        // expected 325.5 kWh · 0.1172 = 38.15 € for the jobcenter; standby 96.36 kWh · 0.4118 = 39.68 € for the household
        #expect(advice.totals.publicEUR == 38.15)
        #expect(advice.totals.householdEUR == 39.68)
        #expect(advice.totals.savingEUR == 77.83)
        #expect(advice.totals.split == [.household: 39.68, .jobcenter: 38.15])
        #expect(advice.inputs.contains { $0.path == "household.heatingCostsPaidBy" && $0.value == .text("jobcenter") })
    }

    @Test func grundsicherungHeatingGoesToSocialOffice() throws {
        let advice = try Fixture.advise(
            Fixture.visit(benefit: .grundsicherung, heating: Fixture.ownGas(8000, room: 22)))
        #expect(advice.measures.first { $0.kind == .roomTemperature }?.beneficiary == .socialOffice)
    }

    /// AsylbLG benefits are paid by the social office, which therefore also pays heating and water.
    @Test func asylblgHousingCostsGoToTheSocialOffice() throws {
        let advice = try Fixture.advise(Fixture.visit(benefit: .asylblg, heating: Fixture.ownGas(8000, room: 22)))
        #expect(advice.household.heatingCostsPaidBy == .socialOffice)
        #expect(advice.household.waterCostsPaidBy == .socialOffice)
    }

    /// A landlord who pays the heating keeps its saving; it is neither household nor public money.
    @Test func landlordSavingIsReportedApart() throws {
        let advice = try Fixture.advise(
            Fixture.visit(kWh: 1000, heating: Fixture.ownGas(10_850, room: 21), payer: .landlord))
        #expect(advice.totals.landlordEUR == 38.15)
        #expect(
            cents(advice.totals.householdEUR + advice.totals.publicEUR + advice.totals.landlordEUR)
                == advice.totals.savingEUR)
    }

    /// No heating kWh: 114 kWh/m² · 60 m² = 6,840 kWh, marked as an estimate; no verdict on an estimate.
    @Test func heatingEstimateFromReferenceAverage() throws {
        let advice = try Fixture.advise(Fixture.visit(heating: HeatingUse(fuel: .gas)))
        let heating = try #require(advice.heating)
        #expect(heating.annualKWh == 6840)
        #expect(heating.estimated)
        #expect(heating.kWhPerM2 == 114)
        #expect(heating.benchmark.ratioToAverage == 1)
        #expect(heating.benchmark.verdict == nil)
        #expect(advice.inputs.contains { $0.path == "heating.annualKWh" && $0.kind == .estimate })
        #expect(advice.inputs.contains { $0.path == "heating.includesHotWater" && $0.value == .flag(true) })
    }

    /// The core decides the verdict: 8,000 / 60 = 133 kWh/m² is 1.17 × 114 (above); 6,500 / 60 = 108 kWh/m² is
    /// 0.95 × 114, inside the ±5 % band (average); 5,000 / 60 = 83 kWh/m² is below.
    @Test(arguments: [(8000.0, HeatingVerdict.above), (6500, .average), (5000, .below)])
    func heatingVerdict(kWh: Double, verdict: HeatingVerdict) throws {
        let advice = try Fixture.advise(Fixture.visit(heating: Fixture.ownGas(kWh)))
        #expect(advice.heating?.benchmark.verdict == verdict)
    }

    /// The average one-person household (1,200 kWh) stands in class D (≤ 1,400 kWh).
    @Test func averageClassIsDecidedByTheCore() throws {
        let benchmark = try Fixture.advise(Fixture.visit(kWh: 3000)).electricity.benchmark
        #expect(benchmark.averageClassIndex == 3)
        #expect(benchmark.averageClassLetter == "D")
    }

    /// 20,000 kWh for one person is legal but above 2 · 2,000 kWh: advice is computed with a warning.
    @Test func implausibleElectricityWarns() throws {
        let advice = try Fixture.advise(Fixture.visit(kWh: 20_000))
        #expect(advice.warnings.contains(.electricityImplausiblyHigh(kWh: 20_000, limitKWh: 4000)))
        #expect(advice.electricity.benchmark.classLetter == "G")
    }

    @Test func expiredCityTariffsWarn() throws {
        let advice = try Fixture.advise(Fixture.visit(date: "2027-02-01"))
        #expect(advice.warnings.contains(.cityTariffsExpired(city: "testcity", validUntil: Fixture.date("2026-12-31"))))
    }

    /// 2026-12-01 is 30 days before the fixture city's validUntil 2026-12-31, inside the 60-day window.
    @Test func cityTariffsRunningOutWarn() throws {
        let soon = try Fixture.advise(Fixture.visit(date: "2026-12-01"))
        #expect(soon.warnings.contains(.cityTariffsExpiring(city: "testcity", validUntil: Fixture.date("2026-12-31"))))
        let early = try Fixture.advise(Fixture.visit(date: "2026-10-31"))
        #expect(!early.warnings.contains { $0.code == "city-tariffs-expiring" })
    }

    @Test func visitForAnotherCityIsRefused() throws {
        var visit = Fixture.visit()
        visit.city = "bremen"
        #expect(
            caught(AdviceError.self) { try Fixture.advise(visit) }
                == .cityMismatch(visitCity: "bremen", tariffCity: "testcity"))
    }

    @Test func missingHeatingTariffIsAnError() throws {
        let visit = Fixture.visit(heating: HeatingUse(fuel: .pellets, annualKWh: 5000))
        #expect(
            caught(AdviceError.self) { try Fixture.advise(visit) } == .noHeatingTariff(city: "testcity", fuel: .pellets)
        )
    }

    /// Totals are the sums of the recommended energy-saving measures only: the fridge known by its age and the
    /// tariff switch stay out.
    @Test func totalsSumRecommendedMeasures() throws {
        let advice = try Fixture.advise(
            Fixture.visit(
                kWh: 2600,
                lighting: [LightingRow(lamps: 3, watts: 60, technology: .incandescent, hoursPerDay: 4)],
                appliances: [
                    .standby(StandbyDevice(watts: 15, hoursPerDay: 22)),
                    .cooling(CoolingAppliance(kind: .fridge, ageYears: 3)),
                ]))
        let chosen = advice.recommendedSavings
        #expect(advice.measures.count == 4)
        #expect(chosen.map(\.kind) == [.led, .standby])
        #expect(advice.tariffSwitch != nil)
        #expect(advice.totals.electricityKWh == cents(chosen.reduce(0) { $0 + $1.electricityKWh }))
        #expect(advice.totals.savingEUR == cents(chosen.reduce(0) { $0 + $1.savingEUR }))
        #expect(advice.totals.range.lowEUR == cents(chosen.reduce(0) { $0 + $1.range.lowEUR }))
    }

    @Test func calendarDates() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        #expect(CalendarDate(iso: "26-01-01") == nil)
        #expect(CalendarDate(iso: "2026-03-14")?.description == "2026-03-14")
        #expect(Fixture.date("2026-03-01").dayNumber - Fixture.date("2026-02-28").dayNumber == 1)
    }
}

@Suite("PlainNumber: numbers for staff")
struct PlainNumberTests {
    @Test func wholeNumbersHaveNoFraction() {
        #expect(PlainNumber.text(1300) == "1300")
        #expect(PlainNumber.text(36.38) == "36.38")
        #expect(PlainNumber.text(-120) == "-120")
    }

    /// 1,155.375 rounds half away from zero to 1,155.38; −0.005 to −0.01; 0.0004 to 0.000.
    @Test func fixedDecimalsRoundHalfAwayFromZero() {
        #expect(PlainNumber.fixed(1155.375, decimals: 2) == "1155.38")
        #expect(PlainNumber.fixed(-0.005, decimals: 2) == "-0.01")
        #expect(PlainNumber.fixed(0.0004, decimals: 3) == "0.000")
        #expect(PlainNumber.fixed(0.292, decimals: 3) == "0.292")
        #expect(PlainNumber.fixed(7, decimals: 0) == "7")
        #expect(PlainNumber.fixed(12.5, decimals: 1) == "12.5")
    }
}
