import TestSupport
import Testing

@testable import EnergyAdvice

@Suite("Calendar arithmetic for legal periods")
struct CalendarArithmeticTests {
    func d(_ text: String) -> CalendarDate { Fixture.date(text) }

    @Test func dayNumbersRoundTrip() {
        for text in ["0001-01-01", "1600-02-29", "1970-01-01", "2000-02-29", "2026-12-31", "2028-02-29", "9999-12-31"] {
            let date = d(text)
            #expect(CalendarDate(dayNumber: date.dayNumber) == date, "\(text)")
        }
        // Every day of 2024 to 2028, one after the other.
        var day = d("2024-01-01")
        for _ in 0..<(5 * 366) {
            let next = day.adding(days: 1)!
            #expect(next.dayNumber == day.dayNumber + 1)
            #expect(next > day)
            day = next
        }
    }

    @Test func daysAcrossMonthAndYearEnds() {
        #expect(d("2026-01-30").adding(days: 28) == d("2026-02-27"))
        #expect(d("2028-02-01").adding(days: 28) == d("2028-02-29"))  // a leap year
        #expect(d("2026-12-29").adding(days: 3) == d("2027-01-01"))
        #expect(d("2026-03-01").adding(days: -1) == d("2026-02-28"))
    }

    /// 1 January 1970 was a Thursday; 18 November 2026 is a Wednesday; 14 March 2026 a Saturday.
    @Test func weekdays() {
        #expect(d("1970-01-01").weekday == 4)
        #expect(d("2026-11-18").weekday == 3)
        #expect(d("2026-03-14").weekday == 6)
        #expect(d("2026-11-01").weekday == 7)
        #expect(d("2027-01-04").weekday == 1)
    }

    /// Easter Sunday by the Gregorian computus, against the published dates.
    @Test func easter() {
        let known = [
            2000: "2000-04-23", 2019: "2019-04-21", 2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05",
            2027: "2027-03-28", 2038: "2038-04-25",
        ]
        for (year, date) in known { #expect(CalendarDate.easterSunday(year: year) == d(date), "\(year)") }
    }

    /// Buß- und Bettag: the Wednesday on or before 22 November; Whit Monday: Easter + 50; Good Friday: Easter − 2.
    @Test func holidayRules() {
        let bettag = HolidayRule.weekdayOnOrBefore(weekday: 3, month: 11, day: 22)
        #expect(bettag.date(in: 2026) == d("2026-11-18"))
        #expect(bettag.date(in: 2027) == d("2027-11-17"))
        #expect(bettag.date(in: 2023) == d("2023-11-22"))  // 22 November 2023 was itself a Wednesday
        #expect(HolidayRule.easter(offsetDays: 50).date(in: 2026) == d("2026-05-25"))
        #expect(HolidayRule.easter(offsetDays: -2).date(in: 2027) == d("2027-03-26"))
        #expect(HolidayRule.fixed(month: 2, day: 29).date(in: 2026) == nil)
        // Bremen's Reformationstag from 2018 on.
        let reformation = DebtFixture.holidays.first { $0.name == "Reformationstag" }!
        #expect(reformation.date(in: 2017) == nil)
        #expect(reformation.date(in: 2018) == d("2018-10-31"))
    }
}

@Suite("Working days: Monday to Saturday without the state's holidays")
struct WorkingDayTests {
    func d(_ text: String) -> CalendarDate { Fixture.date(text) }
    func calendar(_ state: GermanState?) -> WorkingDayCalendar {
        WorkingDayCalendar(state: state, holidays: DebtFixture.holidays)
    }

    /// Leipzig, announcement received Monday 9 November 2026: Tue 10, Wed 11, Thu 12, Fri 13, Sat 14 (Sunday 15
    /// skipped), Mon 16, Tue 17, (Wed 18 Buß- und Bettag skipped), Thu 19 = 8th → earliest Friday 20 November.
    /// Bavaria and Bremen have no Buß- und Bettag: Wed 18 is the 8th → Thursday 19 November.
    @Test func acrossASundayAndBussUndBettag() {
        let saxony = calendar(.saxony).dayAfter(workingDays: 8, after: d("2026-11-09"))
        #expect(saxony?.day == d("2026-11-20"))
        #expect(saxony?.holidaysSkipped.map(\.date) == [d("2026-11-18")])
        #expect(saxony?.holidaysSkipped.map(\.name) == ["Buß- und Bettag"])
        #expect(calendar(.bavaria).dayAfter(workingDays: 8, after: d("2026-11-09"))?.day == d("2026-11-19"))
        #expect(calendar(.bremen).dayAfter(workingDays: 8, after: d("2026-11-09"))?.day == d("2026-11-19"))
    }

    /// Nürnberg, received Tuesday 29 December 2026: Wed 30, Thu 31, (Fri 1 January Neujahr), Sat 2, (Sun 3), Mon 4,
    /// Tue 5, (Wed 6 Heilige Drei Könige), Thu 7, Fri 8, Sat 9 = 8th → Sunday 10 January 2027, a legal day (the law
    /// does not move it). Saxony counts 6 January: Fri 8 is the 8th → Saturday 9 January.
    @Test func acrossNewYearAndEpiphanyInBavaria() {
        let bavaria = calendar(.bavaria).dayAfter(workingDays: 8, after: d("2026-12-29"))
        #expect(bavaria?.day == d("2027-01-10"))
        #expect(bavaria?.holidaysSkipped.map(\.date) == [d("2027-01-01"), d("2027-01-06")])
        #expect(calendar(.saxony).dayAfter(workingDays: 8, after: d("2026-12-29"))?.day == d("2027-01-09"))
    }

    /// Bremen, received Thursday 22 October 2026: Fri 23, Sat 24, Mon 26 … Fri 30 (7th), (Sat 31 Reformationstag),
    /// (Sun 1 November), Mon 2 = 8th → Tuesday 3 November. Bavaria counts Sat 31 as the 8th → Sunday 1 November.
    @Test func reformationDayOnASaturday() {
        #expect(calendar(.bremen).dayAfter(workingDays: 8, after: d("2026-10-22"))?.day == d("2026-11-03"))
        #expect(calendar(.bavaria).dayAfter(workingDays: 8, after: d("2026-10-22"))?.day == d("2026-11-01"))
        // Without a state only the holidays of every state would count: here none.
        #expect(calendar(nil).dayAfter(workingDays: 8, after: d("2026-10-22"))?.day == d("2026-11-01"))
    }
}

@Suite("Energy debt: when a cut-off is lawful (§ 41f EnWG)")
struct CutOffLawfulTests {
    func d(_ text: String) -> CalendarDate { Fixture.date(text) }
    func one(_ debt: EnergyDebt, installment: Double? = nil) throws -> EnergyDebtAdvice {
        try DebtFixture.one(debt, installment: installment)
    }

    /// Instalment 40 €: twice is 80 €, so the 100 € minimum binds. 99.99 € is below it, 100 € meets it.
    @Test func theHundredEuroMinimumOnBothSides() throws {
        let below = try one(DebtFixture.overdue(99.99, installment: 40))
        #expect(below.cutOffLawful == false)
        #expect(below.reasons == [.belowMinimumArrears])
        let at = try one(DebtFixture.overdue(100, installment: 40))
        #expect(at.cutOffLawful == true)
        #expect(at.reasons.isEmpty)
        #expect(at.threshold?.requiredEUR == 100)
        #expect(at.threshold?.basis == .installment)
    }

    /// Instalment 60 €: twice is 120 €. 119.99 € is short, 120 € is enough.
    @Test func twiceTheInstalmentOnBothSides() throws {
        let below = try one(DebtFixture.overdue(119.99, installment: 60))
        #expect(below.reasons == [.belowInstallmentThreshold])
        #expect(below.threshold?.requiredEUR == 120)
        #expect(try one(DebtFixture.overdue(120, installment: 60)).cutOffLawful == true)
    }

    /// Without instalments: a sixth of a 1,000 € bill is 166.666… €, met from 166.67 €; of 900 €, 150 €.
    @Test func aSixthOfTheYearlyBillOnBothSides() throws {
        let below = try one(DebtFixture.overdue(166.66, bill: 1000))
        #expect(below.reasons == [.belowAnnualBillThreshold])
        #expect(below.threshold?.basis == .annualBill)
        #expect(below.threshold?.requiredEUR == 166.67)
        #expect(try one(DebtFixture.overdue(166.67, bill: 1000)).cutOffLawful == true)
        #expect(try one(DebtFixture.overdue(149.99, bill: 900)).cutOffLawful == false)
        #expect(try one(DebtFixture.overdue(150, bill: 900)).cutOffLawful == true)
        // An instalment of 0 means none is due: the bill decides; a sixth of 600 € is the 100 € minimum.
        let none = try one(DebtFixture.overdue(100, installment: 0, bill: 600))
        #expect(none.threshold?.basis == .annualBill)
        #expect(none.threshold?.requiredEUR == 100)
        #expect(none.cutOffLawful == true)
    }

    /// The debt names no instalment: the visit's electricity instalment of 70 € is taken, twice is 140 €.
    @Test func theVisitsInstalmentStandsIn() throws {
        let advice = try one(DebtFixture.overdue(139.99), installment: 70)
        #expect(advice.threshold?.installmentFrom == .electricity)
        #expect(advice.threshold?.requiredEUR == 140)
        #expect(advice.reasons == [.belowInstallmentThreshold])
    }

    /// Neither an instalment nor a bill: the threshold cannot be judged, so the verdict is null, unless a condition
    /// fails anyway.
    @Test func anUnknownThresholdGivesNoVerdict() throws {
        let unknown = try one(DebtFixture.overdue(500))
        #expect(unknown.cutOffLawful == nil)
        #expect(unknown.reasons == [.thresholdUnknown])
        #expect(unknown.threshold == nil)
        let small = try one(DebtFixture.overdue(50))
        #expect(small.cutOffLawful == false)
        #expect(small.reasons == [.belowMinimumArrears, .thresholdUnknown])
    }

    /// Threat received Friday 30 January 2026: four weeks end on Friday 27 February (§ 188 Abs. 2 BGB), the
    /// cut-off may come from Saturday 28 February. The announcement of Monday 2 February ends its eight working
    /// days on Wednesday 11 February, earlier. At the visit on 20 February the weeks are still running.
    @Test func fourWeeksOverAMonthEnd() throws {
        let debt = EnergyDebt(
            carrier: .electricity, arrearsEUR: 400, monthlyInstallmentEUR: 80, threatDate: d("2026-01-30"),
            announcementDate: d("2026-02-02"))
        let advice = try DebtFixture.one(debt, date: "2026-02-20")
        #expect(advice.dates.threatPeriodEnds == d("2026-02-27"))
        #expect(advice.dates.announcementPeriodEnds == d("2026-02-11"))
        #expect(advice.dates.earliestCutOff == d("2026-02-28"))
        #expect(advice.reasons == [.threatPeriodRunning])
        #expect(advice.cutOffLawful == false)
        // In a leap year: received Tuesday 1 February 2028, the weeks end on Tuesday 29 February → 1 March.
        let leap = EnergyDebt(
            carrier: .electricity, arrearsEUR: 400, monthlyInstallmentEUR: 80, threatDate: d("2028-02-01"),
            announcementDate: d("2028-02-02"))
        #expect(try DebtFixture.one(leap, date: "2028-02-10").dates.earliestCutOff == d("2028-03-01"))
    }

    /// A threat (Monday 5 January 2026) and no announcement yet at the visit on Saturday 10 January: an
    /// announcement can come the visit day at the earliest, so its eight working days end on Tuesday 20 January
    /// (Mon 12 … Sat 17, Mon 19, Tue 20); the four weeks end on Monday 2 February: earliest Tuesday 3 February.
    @Test func aThreatWithoutAnnouncement() throws {
        let debt = EnergyDebt(
            carrier: .electricity, arrearsEUR: 400, monthlyInstallmentEUR: 80, threatDate: d("2026-01-05"))
        let advice = try DebtFixture.one(debt, date: "2026-01-10")
        #expect(advice.dates.announcementPending)
        #expect(advice.dates.announcementPeriodEnds == d("2026-01-20"))
        #expect(advice.dates.earliestCutOff == d("2026-02-03"))
        #expect(advice.reasons == [.threatPeriodRunning, .noAnnouncement])
        #expect(advice.cutOffLawful == false)
    }

    /// The announcement (Monday 5 October 2026) came four days after the threat (Thursday 1 October): its eight
    /// working days end on Wednesday 14 October, but the four weeks only on Thursday 29 October → 30 October.
    @Test func anAnnouncementBeforeFourWeeksHavePassed() throws {
        let debt = EnergyDebt(
            carrier: .electricity, arrearsEUR: 400, monthlyInstallmentEUR: 80, threatDate: d("2026-10-01"),
            announcementDate: d("2026-10-05"))
        let advice = try DebtFixture.one(debt, date: "2026-10-20")
        #expect(advice.dates.announcementPeriodEnds == d("2026-10-14"))
        #expect(advice.dates.threatPeriodEnds == d("2026-10-29"))
        #expect(advice.dates.earliestCutOff == d("2026-10-30"))
        #expect(advice.reasons == [.threatPeriodRunning])
    }

    /// No threat: no lawful date at all, and no step is pressed by one.
    @Test func withoutAThreatThereIsNoDate() throws {
        let debt = EnergyDebt(carrier: .electricity, arrearsEUR: 400, monthlyInstallmentEUR: 80)
        let advice = try DebtFixture.one(debt)
        #expect(advice.dates.earliestCutOff == nil)
        #expect(advice.dates.announcementPeriodEnds == nil)
        #expect(advice.reasons == [.noThreat, .noAnnouncement])
        #expect(advice.cutOffLawful == false)
        #expect(advice.steps.allSatisfy { $0.by == nil })
        #expect(advice.steps.first?.code == .requestPaymentPlan)  // the claim to an agreement follows a threat
    }

    /// In Leipzig the announcement of Monday 9 November 2026 is counted past Buß- und Bettag (Friday 20 November);
    /// in a Bavarian city Thursday 19 November.
    @Test func theStatesHolidaysMoveTheDate() throws {
        let debt = EnergyDebt(
            carrier: .electricity, arrearsEUR: 400, monthlyInstallmentEUR: 80, threatDate: d("2026-10-13"),
            announcementDate: d("2026-11-09"))
        let saxony = try DebtFixture.one(debt, city: DebtFixture.city(.saxony), date: "2026-11-12")
        #expect(saxony.dates.earliestCutOff == d("2026-11-20"))
        #expect(saxony.dates.holidaysSkipped.map(\.name) == ["Buß- und Bettag"])
        #expect(saxony.dates.state == .saxony)
        let bavaria = try DebtFixture.one(debt, city: DebtFixture.city(.bavaria), date: "2026-11-12")
        #expect(bavaria.dates.earliestCutOff == d("2026-11-19"))
        #expect(bavaria.dates.holidaysSkipped.isEmpty)
    }
}

@Suite("Energy debt: danger to life and limb (§ 41f Abs. 2 EnWG)")
struct DisproportionalityTests {
    func d(_ text: String) -> CalendarDate { Fixture.date(text) }

    /// A debt whose periods have passed by the visit in `month` of 2026: threat and announcement two months earlier.
    func debt(_ risks: [HouseholdRisk], carrier: DebtCarrier = .electricity, visit: String) -> EnergyDebt {
        let date = d(visit)
        return EnergyDebt(
            carrier: carrier, arrearsEUR: 400, monthlyInstallmentEUR: 80, threatDate: date.adding(days: -60),
            announcementDate: date.adding(days: -30), risks: risks)
    }

    /// A medical device loses its power whatever the season: in July the cut-off would be lawful but for it.
    @Test func aMedicalDeviceAlways() throws {
        let advice = try DebtFixture.one(debt([.medicalDevice], visit: "2026-07-15"), date: "2026-07-15")
        #expect(advice.disproportionate)
        #expect(advice.dangers.map(\.risk) == [.medicalDevice])
        #expect(advice.reasons == [.disproportionate])
        #expect(advice.cutOffLawful == false)
        // … but a gas cut-off does not stop it.
        let gas = try DebtFixture.one(
            debt([.medicalDevice], carrier: .gas, visit: "2026-07-15"), date: "2026-07-15")
        #expect(!gas.disproportionate)
    }

    /// An infant in winter: only when the cut-off stops the heating. The flat's gas heating billed by the building
    /// does not need the household's electricity; a gas heating of its own (pump, controls) does.
    @Test func anInfantInWinterWhenTheHeatingStops() throws {
        let building = HeatingUse(fuel: .gas, annualKWh: 8000)
        let january = "2026-01-20"
        let central = try DebtFixture.one(debt([.infant], visit: january), date: january, heating: building)
        #expect(!central.disproportionate)
        #expect(central.cutOffLawful == true)
        let own = try DebtFixture.one(debt([.infant], visit: january), date: january, heating: Fixture.ownGas(8000))
        #expect(own.disproportionate)
        #expect(own.dates.riskDate == d(january))
        // In June the same household is not in danger from cold.
        let june = try DebtFixture.one(
            debt([.infant], visit: "2026-06-10"), date: "2026-06-10", heating: Fixture.ownGas(8000))
        #expect(!june.disproportionate)
    }

    /// Gas heats unless the visit records another heating; an elderly member and a gas cut-off in November.
    @Test func gasKeepsTheHomeWarm() throws {
        let november = "2026-11-16"
        #expect(try DebtFixture.one(debt([.elderly], carrier: .gas, visit: november), date: november).disproportionate)
        let district = HeatingUse(fuel: .district, annualKWh: 8000)
        #expect(
            !(try DebtFixture.one(debt([.elderly], carrier: .gas, visit: november), date: november, heating: district)
                .disproportionate))
    }

    /// The season is judged for the earliest cut-off: a visit on 20 April whose cut-off cannot come before May is
    /// out of the season (October to April).
    @Test func theSeasonOfTheEarliestCutOff() throws {
        let debt = EnergyDebt(
            carrier: .gas, arrearsEUR: 400, monthlyInstallmentEUR: 80, threatDate: d("2026-04-10"),
            announcementDate: d("2026-04-15"), risks: [.infant])
        let advice = try DebtFixture.one(debt, date: "2026-04-20")
        #expect(advice.dates.earliestCutOff == d("2026-05-09"))  // 10 April + 28 = 8 May, the day after
        #expect(advice.dates.riskDate == d("2026-05-09"))
        #expect(!advice.disproportionate)
    }
}

@Suite("Energy debt: the Abwendungsvereinbarung (§ 41g EnWG)")
struct InstallmentPlanTests {
    /// The visit's electricity instalment of 100 € against the expected 823.60 € a year (68.63 € a month) leaves a
    /// balance of 31.37 € a month; no step saves anything, so 31.37 € is what the plan can take.
    func plan(_ arrears: Double) throws -> InstallmentPlanProposal {
        let debt = DebtFixture.overdue(arrears, installment: 100)
        return try #require(try DebtFixture.one(debt).plan)
    }

    /// 300 € do not exceed 300 €: 6 to 18 months. 300 ÷ 9 = 33.34 € is more than 31.37 €, 300 ÷ 10 = 30.00 € fits.
    @Test func atThreeHundredEuros() throws {
        let p = try plan(300)
        #expect((p.minMonths, p.maxMonths) == (6, 18))
        #expect(p.months == 10)
        #expect(p.monthlyEUR == 30)
        #expect(p.lastMonthlyEUR == 30)  // 10 × 30.00 € = 300.00 €: even
        #expect(p.isEven)
        #expect(p.fits)
        #expect(p.availableMonthlyEUR == 31.37)
        #expect(p.savingMonthlyEUR == 0)
        #expect(p.installmentBalanceMonthlyEUR == 31.37)
        #expect(p.runningInstallmentEUR == 100)
        #expect(p.totalMonthlyEUR == 130)
        #expect(p.statutory)
    }

    /// 301 € exceed 300 €: 12 to 24 months; 301 ÷ 12 = 25.0833… → 25.09 € (rounded up, so 12 instalments repay
    /// everything), which fits. The last instalment is the rest: 11 × 25.09 € = 275.99 €, 301 − 275.99 = 25.01 €.
    @Test func atThreeHundredAndOneEuros() throws {
        let p = try plan(301)
        #expect((p.minMonths, p.maxMonths) == (12, 24))
        #expect(p.months == 12)
        #expect(p.monthlyEUR == 25.09)
        #expect(p.lastMonthlyEUR == 25.01)
        #expect(!p.isEven)
        #expect(try plan(300.01).minMonths == 12)
    }

    /// The plan adds up to the arrears to the cent. 412.80 € against 31.37 € free: ÷ 13 = 31.7538… → 31.76 € does
    /// not fit, ÷ 14 = 29.4857… → 29.49 € does; 13 × 29.49 € = 383.37 €, the last 412.80 − 383.37 = 29.43 €.
    @Test func theLastInstalmentMakesThePlanAddUp() throws {
        let p = try plan(412.8)
        #expect(p.months == 14)
        #expect(p.monthlyEUR == 29.49)
        #expect(p.lastMonthlyEUR == 29.43)
        #expect(
            (p.months - 1) * EnergyDebtAdvisor.wholeCents(p.monthlyEUR) + EnergyDebtAdvisor.wholeCents(p.lastMonthlyEUR)
                == 41280)
        // The reviewer's case: 412.80 € over 18 months, 22.9333… → 22.94 €; 17 × 22.94 € = 389.98 €, last 22.82 €
        // (18 × 22.94 € would be 412.92 €).
        #expect(EnergyDebtAdvisor.rate(41280, 18) == 2294)
        #expect(EnergyDebtAdvisor.instalments(41280, rate: 2294) == (18, 2282))
        // Arrears under months × (months − 1) cents take fewer instalments, never a last one of 0 or less: 1.00 €
        // over 18 months is 0.0555… → 0.06 €; 16 × 0.06 € = 0.96 €, a 17th of 0.04 € repays it.
        #expect(EnergyDebtAdvisor.rate(100, 18) == 6)
        #expect(EnergyDebtAdvisor.instalments(100, rate: 6) == (17, 4))
        let tiny = try plan(1)
        #expect((tiny.months, tiny.monthlyEUR, tiny.lastMonthlyEUR) == (6, 0.17, 0.15))  // 5 × 0.17 + 0.15 = 1.00
    }

    /// 900 € over 24 months are 37.50 € a month, more than 31.37 €: the longest term is proposed, marked as not
    /// fitting.
    @Test func whenNothingFits() throws {
        let p = try plan(900)
        #expect(p.months == 24)
        #expect(p.monthlyEUR == 37.5)
        #expect(!p.fits)
    }

    /// The savings count when the step costs the household nothing: LED lamps the programme hands out (the city's
    /// kit) for 5 × 60 W incandescent lamps burning 4 hours save 5 × (60 − 7.8) W × 4 h × 365 = 381.06 kWh, expected
    /// 0.8 × 381.06 = 304.85 kWh, at 41.18 ct 125.54 € a year: 10.46 € a month. With no instalment recorded there is
    /// no balance; 412.80 € over 12 to 24 months need at least 17.20 € a month: nothing fits.
    @Test func theAdvisedSavingsFreeMoney() throws {
        let lamps = [LightingRow(lamps: 5, watts: 60, technology: .incandescent, hoursPerDay: 4)]
        var kit = DebtFixture.city()
        kit.kitPrices = [.ledLamp: Sourced(3, DebtFixture.src)]
        let debt = DebtFixture.overdue(412.8, installment: 0, bill: 800)
        let p = try #require(try DebtFixture.one(debt, city: kit, lighting: lamps).plan)
        #expect(p.savingMonthlyEUR == 10.46)
        #expect(p.installmentBalanceMonthlyEUR == nil)
        #expect(p.availableMonthlyEUR == 10.46)
        #expect(p.months == 24 && !p.fits)
        // With an instalment of 75 € against the bill of 800 € (66.67 € a month): balance 8.33 €, available 18.79 €;
        // 412.80 ÷ 22 = 18.77 € fits, ÷ 21 = 19.66 € does not; 21 × 18.77 € = 394.17 €, the last 18.63 €.
        let paying = DebtFixture.overdue(412.8, installment: 75, bill: 800)
        let q = try #require(try DebtFixture.one(paying, city: kit, lighting: lamps).plan)
        #expect(q.installmentBalanceMonthlyEUR == 8.33)
        #expect(q.availableMonthlyEUR == 18.79)
        #expect(q.months == 22)
        #expect(q.monthlyEUR == 18.77)
        #expect(q.lastMonthlyEUR == 18.63)
        #expect(q.fits)
    }

    /// A step the household must buy frees nothing for the plan: without the programme's kit the same five LED
    /// lamps cost 5 × 4 € = 20 € in the shop, so their 10.46 € a month are not counted and only the balance of
    /// 8.33 € is free; 412.80 € over 24 months are 17.20 € a month, which does not fit.
    @Test func aStepThatCostsMoneyIsNotCounted() throws {
        let lamps = [LightingRow(lamps: 5, watts: 60, technology: .incandescent, hoursPerDay: 4)]
        let advice = try DebtFixture.one(
            DebtFixture.overdue(412.8, installment: 75, bill: 800), lighting: lamps)
        let p = try #require(advice.plan)
        #expect(p.savingMonthlyEUR == 0)
        #expect(p.availableMonthlyEUR == 8.33)
        #expect((p.months, p.monthlyEUR, p.lastMonthlyEUR, p.fits) == (24, 17.2, 17.2, false))
    }

    /// A contract customer has no claim (§ 41g binds the basic supplier): the plan is a proposal, the step a request.
    @Test func aContractHasNoClaim() throws {
        let advice = try DebtFixture.one(DebtFixture.overdue(300, installment: 100, supply: .contract))
        #expect(advice.plan?.statutory == false)
        #expect(advice.steps.map(\.code).contains(.requestPaymentPlan))
        #expect(!advice.steps.map(\.code).contains(.requestAgreement))
        #expect(!advice.steps.map(\.code).contains(.consentSocialOfficeContact))
    }
}

@Suite("Energy debt: rules by date, loans and steps")
struct DebtPathTests {
    func d(_ text: String) -> CalendarDate { Fixture.date(text) }

    /// 22 December 2025 is the last day of StromGVV § 19, 23 December the first of EnWG § 41f.
    @Test func theRulesInForceOnTheVisitDate() throws {
        let debt = EnergyDebt(carrier: .electricity, arrearsEUR: 400, monthlyInstallmentEUR: 100)
        #expect(try DebtFixture.one(debt, date: "2025-12-22").rules?.id == "gvv-2021")
        #expect(try DebtFixture.one(debt, date: "2025-12-23").rules?.id == "enwg-2025")
        // Before 2025 there is one band: 400 € may be repaid over 6 to 18 months.
        #expect(try DebtFixture.one(debt, date: "2025-06-02").plan.map { ($0.minMonths, $0.maxMonths) }! == (6, 18))
        #expect(try DebtFixture.one(debt, date: "2026-06-02").plan.map { ($0.minMonths, $0.maxMonths) }! == (12, 24))
    }

    /// A contract before 23 December 2025 was governed by the former EnWG § 41b, which the data does not hold: no
    /// verdict, no date, no plan.
    @Test func noRulesNoVerdict() throws {
        let debt = EnergyDebt(
            carrier: .electricity, arrearsEUR: 400, monthlyInstallmentEUR: 100, supply: .contract,
            threatDate: d("2025-04-01"), announcementDate: d("2025-05-02"))
        let advice = try DebtFixture.one(debt, date: "2025-06-02")
        #expect(advice.rules == nil)
        #expect(advice.cutOffLawful == nil)
        #expect(advice.reasons == [.noRulesInForce])
        #expect(advice.plan == nil)
        #expect(advice.dates.earliestCutOff == nil)
    }

    /// Jobcenter: 5 % of the 563 € standard rate, 28.15 € a month. Social office: § 36 (a grant is possible) and,
    /// for electricity, § 37 with up to 5 % of level 1. AsylbLG: the data names no office.
    @Test func theLoanFollowsTheBenefit() throws {
        let debt = DebtFixture.overdue(400, installment: 100)
        let jobcenter = try #require(try DebtFixture.one(debt, benefit: .buergergeld).loan)
        #expect(jobcenter.office == .jobcenter)
        #expect(jobcenter.offsetMonthlyEUR == 28.15)
        #expect(jobcenter.offset?.upTo == false)
        let social = try #require(try DebtFixture.one(debt, benefit: .grundsicherung).loan)
        #expect(social.office == .socialOffice)
        #expect(social.bases.map(\.law) == ["§ 36 Abs. 1 SGB XII", "§ 37 Abs. 1 SGB XII"])
        #expect(social.offset?.upTo == true)
        #expect(social.offsetMonthlyEUR == 28.15)
        let gas = try #require(
            try DebtFixture.one(DebtFixture.overdue(400, installment: 100, carrier: .gas), benefit: .grundsicherung)
                .loan)
        #expect(gas.bases.map(\.law) == ["§ 36 Abs. 1 SGB XII"])
        #expect(gas.offset == nil)
        let asylum = try DebtFixture.one(debt, benefit: .asylblg)
        #expect(asylum.loan == nil)
        #expect(!asylum.steps.contains { $0.code == .applyLoanJobcenter || $0.code == .applyLoanSocialOffice })
    }

    /// Leipzig, threat 13 October, announcement Monday 9 November, visit Thursday 12 November 2026, an infant and a
    /// gas heating of the household's own: earliest cut-off Friday 20 November, so everything is due by Thursday 19
    /// November; the request for the agreement a week before that (the supplier has a week to offer it), which is
    /// the visit day itself.
    @Test func theStepsInOrderWithTheirDates() throws {
        let debt = EnergyDebt(
            carrier: .electricity, arrearsEUR: 412.8, monthlyInstallmentEUR: 110, supply: .basic,
            threatDate: d("2026-10-13"), announcementDate: d("2026-11-09"), risks: [.infant])
        let advice = try DebtFixture.one(
            debt, date: "2026-11-12", benefit: .buergergeld, heating: Fixture.ownGas(9800))
        #expect(advice.dates.earliestCutOff == d("2026-11-20"))
        // The loan application is due on the visit day, not on the 19th: the office letter asks the jobcenter to
        // decide by the 19th, which leaves it a week. The offer is accepted the day it comes (by the 19th if the
        // supplier keeps its week, maybe later): no date.
        #expect(
            advice.steps == [
                DebtStep(code: .requestAgreement, by: d("2026-11-12")),
                DebtStep(code: .applyLoanJobcenter, by: d("2026-11-12")),
                DebtStep(code: .stateDisproportionality, by: d("2026-11-19")),
                DebtStep(code: .consentSocialOfficeContact, by: d("2026-11-19")),
                DebtStep(code: .debtCounselling, by: d("2026-11-19")),
                DebtStep(code: .acceptAgreement, by: nil),
            ])
        // Already cut off: everything is due on the visit day but the acceptance.
        var off = debt
        off.cutOff = true
        let now = try DebtFixture.one(off, date: "2026-11-12", benefit: .buergergeld, heating: Fixture.ownGas(9800))
        #expect(now.steps.dropLast().allSatisfy { $0.by == d("2026-11-12") })
        #expect(now.steps.last == DebtStep(code: .acceptAgreement, by: nil))
        #expect(now.dates.riskDate == d("2026-11-12"))
    }

    /// The loan application is due on the first day the office is open: a visit on Saturday 14 November 2026 gives
    /// Monday 16 November; one on Buß- und Bettag (Wednesday 18 November, a holiday in Saxony) Thursday 19 November,
    /// in Bavaria (no holiday) the day itself. The steps stay in the order of their days.
    @Test func theLoanIsDueOnTheFirstOfficeDay() throws {
        let debt = EnergyDebt(
            carrier: .electricity, arrearsEUR: 412.8, monthlyInstallmentEUR: 110, supply: .basic,
            threatDate: d("2026-10-13"), announcementDate: d("2026-11-09"))
        func loanDay(_ date: String, city: CityTariffs = DebtFixture.city()) throws -> CalendarDate? {
            try DebtFixture.one(debt, city: city, date: date, benefit: .buergergeld).steps
                .first { $0.code == .applyLoanJobcenter }?.by
        }
        #expect(try loanDay("2026-11-14") == d("2026-11-16"))
        #expect(try loanDay("2026-11-18") == d("2026-11-19"))
        #expect(try loanDay("2026-11-18", city: DebtFixture.city(.bavaria)) == d("2026-11-18"))
        // A threat received on the visit day: the cut-off may come on Friday 11 December 2026 (four weeks end on
        // Thursday 10 December), the request is due a week before the 10th, on 3 December; the loan at once, so it
        // comes first.
        let early = EnergyDebt(
            carrier: .electricity, arrearsEUR: 412.8, monthlyInstallmentEUR: 110, supply: .basic,
            threatDate: d("2026-11-12"))
        let steps = try DebtFixture.one(early, date: "2026-11-12", benefit: .buergergeld).steps
        #expect(
            steps == [
                DebtStep(code: .applyLoanJobcenter, by: d("2026-11-12")),
                DebtStep(code: .requestAgreement, by: d("2026-12-03")),
                DebtStep(code: .consentSocialOfficeContact, by: d("2026-12-10")),
                DebtStep(code: .debtCounselling, by: d("2026-12-10")),
                DebtStep(code: .acceptAgreement, by: nil),
            ])
        // Without a threat no date presses, the loan neither.
        let calm = EnergyDebt(carrier: .electricity, arrearsEUR: 412.8, monthlyInstallmentEUR: 110)
        #expect(try DebtFixture.one(calm, date: "2026-11-12", benefit: .buergergeld).steps.allSatisfy { $0.by == nil })
    }

    /// A fund for N-ERGIE's electricity customers helps a debt with "N-ERGIE Aktiengesellschaft", not a gas debt.
    @Test func aHardshipFundOfTheCity() throws {
        let fund = HardshipFund(
            name: "Härtefonds", supplier: "N-ERGIE", carrier: .electricity, contact: "0911 0", source: DebtFixture.src)
        let city = DebtFixture.city(.bavaria, funds: [fund])
        var debt = DebtFixture.overdue(400, installment: 100)
        debt.supplier = "N-ERGIE Aktiengesellschaft"
        let helped = try DebtFixture.one(debt, city: city)
        #expect(helped.hardshipFunds == [fund])
        #expect(helped.steps.contains { $0.code == .hardshipFund })
        var gas = debt
        gas.carrier = .gas
        #expect(try DebtFixture.one(gas, city: city).hardshipFunds.isEmpty)
    }

    /// A visit without debts advises as before; one with debts needs the law.
    @Test func theLawIsNeededOnlyForDebts() throws {
        let plain = Fixture.visit()
        #expect(try AdviceCalculator(reference: Fixture.reference, city: Fixture.city).advise(plain).energyDebt.isEmpty)
        let withDebt = DebtFixture.visit([DebtFixture.overdue(200, installment: 50)])
        let error = caught { () throws(AdviceError) in
            try AdviceCalculator(reference: Fixture.reference, city: Fixture.city).advise(withDebt)
        }
        #expect(error == .noEnergyLaw)
        // The debts do not change the rest of the advice.
        var same = try AdviceCalculator(reference: Fixture.reference, city: Fixture.city, energyLaw: DebtFixture.law)
            .advise(withDebt)
        #expect(same.energyDebt.count == 1)
        same.energyDebt = []
        #expect(same == (try Fixture.advise(plain)))
    }
}
