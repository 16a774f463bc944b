import EnergyAdvice
import HouseholdGenerator
import Testing

/// Properties of the energy-debt path on generated debts (a fixed seed keeps runs equal): the dates never come
/// before the law's periods, the steps are in order, a plan repays the arrears within a lawful term.
@Suite("Properties of the energy-debt path")
struct EnergyDebtPropertyTests {
    struct Debts {
        var rng = SplitMix(seed: 41)

        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

        /// A debt of a visit on `visit`: letters up to 90 days before it, an announcement never before the threat,
        /// as the decoder allows.
        mutating func debt(visit: CalendarDate) -> EnergyDebt {
            let threat = chance(0.8) ? visit.adding(days: -int(0...90)) : nil
            var announcement: CalendarDate?
            if chance(0.6) {
                let earliest = threat ?? visit.adding(days: -90)!
                let span = visit.dayNumber - earliest.dayNumber
                announcement = earliest.adding(days: int(0...span))
            }
            return EnergyDebt(
                carrier: chance(0.7) ? .electricity : .gas, arrearsEUR: Double(int(1...300_000)) / 100,
                monthlyInstallmentEUR: chance(0.7) ? Double(int(0...20_000)) / 100 : nil,
                annualBillEUR: chance(0.4) ? Double(int(10_000...300_000)) / 100 : nil,
                supply: chance(0.5) ? SupplyKind.allCases[int(0...2)] : nil, threatDate: threat,
                announcementDate: announcement, cutOff: chance(0.1),
                risks: HouseholdRisk.allCases.filter { _ in chance(0.15) })
        }
    }

    @Test func invariantsHoldForGeneratedDebts() throws {
        var debts = Debts()
        var households = HouseholdGenerator(city: Fixture.city.id, fuels: [.gas, .district], seed: 23)
        let states: [GermanState?] = [.saxony, .bavaria, .bremen, nil]
        for index in 0..<1500 {
            let generated = households.visit(index)
            var visit = try #require(generated)
            // Visits from 2024 to 2027: both sets of rules, and the gap of contracts before 23 December 2025.
            visit.date = CalendarDate(dayNumber: Fixture.date("2024-01-01").dayNumber + debts.int(0...(4 * 365)))!
            visit.energyDebt = (0..<debts.int(1...2)).map { _ in debts.debt(visit: visit.date) }
            let city = DebtFixture.city(states[index % states.count])
            let all = try DebtFixture.advise(visit, city: city)
            #expect(all.count == visit.energyDebt.count)
            for (debt, advice) in zip(visit.energyDebt, all) {
                let dates = advice.dates
                if let earliest = dates.earliestCutOff {
                    let threat = try #require(debt.threatDate)
                    // Four whole weeks between the threat and the cut-off, neither day counted.
                    #expect(earliest.dayNumber - threat.dayNumber >= 29, "\(debt)")
                    // At least eight calendar days between the announcement (or the visit) and the cut-off.
                    #expect(earliest.dayNumber - (debt.announcementDate ?? visit.date).dayNumber >= 9, "\(debt)")
                    #expect(calendarIsRespected(advice, city: city, from: debt.announcementDate ?? visit.date))
                } else {
                    #expect(debt.threatDate == nil || advice.rules == nil, "\(debt)")
                }
                // A verdict of true leaves no reason; false has one that is not merely unknown.
                switch advice.cutOffLawful {
                case .some(true): #expect(advice.reasons.isEmpty)
                case .some(false):
                    #expect(advice.reasons.contains { $0 != .thresholdUnknown && $0 != .noRulesInForce })
                case .none:
                    #expect(!advice.reasons.isEmpty)
                    #expect(advice.reasons.allSatisfy { $0 == .thresholdUnknown || $0 == .noRulesInForce })
                }
                #expect(advice.disproportionate == advice.reasons.contains(.disproportionate))
                // Steps: dated ones never before the visit, and never later than a step after them.
                let dated = advice.steps.compactMap(\.by)
                #expect(dated.allSatisfy { $0 >= visit.date })
                #expect(dated == dated.sorted())
                // … before the cut-off, but for what is due today and the loan, due the first day the office opens.
                let officeDay = WorkingDayCalendar(
                    state: city.state, holidays: DebtFixture.law.holidays, local: city.holidays
                ).firstOfficeDay(from: visit.date)
                if let earliest = dates.earliestCutOff, !advice.cutOff {
                    #expect(dated.allSatisfy { $0 < earliest || $0 <= officeDay }, "\(advice.steps)")
                }
                #expect(advice.steps.filter { $0.code == .debtCounselling }.count == 1)
                // Accepting the offer has no day and comes last; every other step has a day once one presses.
                if let accept = advice.steps.firstIndex(where: { $0.code == .acceptAgreement }) {
                    #expect(accept == advice.steps.count - 1 && advice.steps[accept].by == nil)
                }
                if let plan = advice.plan {
                    let arrears = Int((debt.arrearsEUR * 100).rounded())
                    let monthly = Int((plan.monthlyEUR * 100).rounded())
                    let last = Int((plan.lastMonthlyEUR * 100).rounded())
                    // The instalments add up to the arrears to the cent; the last is never more than the others.
                    #expect((plan.months - 1) * monthly + last == arrears, "\(plan)")
                    #expect(last > 0 && last <= monthly)
                    // The term is in the band, unless the arrears are a few euros, below maxMonths × (maxMonths − 1)
                    // cents, where the cents rounded up repay them in fewer instalments.
                    if arrears >= plan.maxMonths * (plan.maxMonths - 1) {
                        #expect((plan.minMonths...plan.maxMonths).contains(plan.months))
                    }
                    #expect(plan.months <= plan.maxMonths)
                    #expect(plan.fits == (plan.monthlyEUR <= plan.availableMonthlyEUR + 1e-9))
                    // The shortest fitting term: one month less would not fit (or is below the band).
                    if plan.fits, plan.months > plan.minMonths {
                        let shorter = (arrears + plan.months - 2) / (plan.months - 1)
                        #expect(Double(shorter) / 100 > plan.availableMonthlyEUR)
                    }
                    #expect((debt.arrearsEUR > 300) == (plan.minMonths == 12) || advice.rules?.id == "gvv-2021")
                }
            }
        }
    }

    /// The working days between the receipt and the last day of the period: exactly the law's eight.
    func calendarIsRespected(_ advice: EnergyDebtAdvice, city: CityTariffs, from: CalendarDate) -> Bool {
        guard let end = advice.dates.announcementPeriodEnds, let rules = advice.rules else { return false }
        let calendar = WorkingDayCalendar(state: city.state, holidays: DebtFixture.law.holidays, local: city.holidays)
        var count = 0
        var day = from
        while day < end {
            day = day.adding(days: 1)!
            if calendar.isWorkingDay(day) { count += 1 }
        }
        return count == rules.announcementWorkingDays.value && calendar.isWorkingDay(end)
    }
}
