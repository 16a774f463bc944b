import EnergyAdvice
import TestSupport
import Testing
import VisitRecords
import VisitStoreContract

/// The rules every store applies before it records a follow-up; the store contract shows them through each store,
/// these show the arithmetic of the edges.
@Suite("Follow-up rules")
struct FollowUpRulesTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    func check(_ entry: FollowUpEntry, recorded: [FollowUpRecord] = [], mode: FollowUpRules.Mode = .record)
        throws -> Result<FollowUpRecord, FollowUpProblem>
    {
        let visit = try StoreFixtures.smallVisit(meterKWh: 10_000)
        do {
            return .success(
                try FollowUpRules.check(
                    entry, visit: visit, recorded: recorded, mode: mode, today: Self.day("2027-06-30")))
        } catch {
            return .failure(error)
        }
    }

    /// Three times the visit's 3,400 kWh is 10,200 kWh a year. In 365 days: 10,200 kWh since the visit is allowed,
    /// 10,201 kWh is not (10,201 · 365 / 365 = 10,201 > 10,200).
    @Test func aUseOfThreeTimesTheVisitsIsTheEdge() throws {
        let edge = FollowUpEntry(visitId: "NUE-TEST-1", date: Self.day("2027-01-10"), meterNowKWh: 20_200)
        #expect(try check(edge).map(\.electricityKWhSinceVisit) == .success(10_200))
        var over = edge
        over.meterNowKWh = 20_201
        #expect(try check(over) == .failure(.unusualElectricity(perYearKWh: 10_201, visitKWh: 3400)))
        over.confirmUnusual = true
        #expect(try check(over).map(\.electricityKWhSinceVisit) == .success(10_201))
    }

    @Test func aDateAfterTodayIsUnusual() throws {
        let tomorrow = FollowUpEntry(visitId: "NUE-TEST-1", date: Self.day("2027-07-01"), meterNowKWh: 13_000)
        #expect(try check(tomorrow) == .failure(.dateInFuture(today: Self.day("2027-06-30"))))
        let today = FollowUpEntry(visitId: "NUE-TEST-1", date: Self.day("2027-06-30"), meterNowKWh: 13_000)
        #expect(try check(today).map(\.date) == .success(Self.day("2027-06-30")))
    }

    @Test func aCorrectionStaysBetweenItsNeighbours() throws {
        let recorded = [
            FollowUpRecord(
                visitId: "NUE-TEST-1", date: Self.day("2026-07-11"), electricityKWhSinceVisit: 1450,
                meterAtVisitKWh: 10_000, meterNowKWh: 11_450, heatingKWhPerYear: nil, implemented: []),
            FollowUpRecord(
                visitId: "NUE-TEST-1", date: Self.day("2027-01-10"), electricityKWhSinceVisit: 2900,
                meterAtVisitKWh: 10_000, meterNowKWh: 12_900, heatingKWhPerYear: nil, implemented: []),
        ]
        let later = FollowUpEntry(visitId: "NUE-TEST-1", date: Self.day("2026-07-11"), meterNowKWh: 13_000)
        #expect(
            try check(later, recorded: recorded, mode: .correct)
                == .failure(
                    .meterReadingAboveLater(laterDate: Self.day("2027-01-10"), laterKWh: 12_900, nowKWh: 13_000)))
        let fine = FollowUpEntry(visitId: "NUE-TEST-1", date: Self.day("2026-07-11"), meterNowKWh: 11_500)
        #expect(try check(fine, recorded: recorded, mode: .correct).map(\.electricityKWhSinceVisit) == .success(1500))
        #expect(
            try check(fine, recorded: recorded, mode: .record)
                == .failure(.alreadyRecorded(date: Self.day("2026-07-11"))))
        let none = FollowUpEntry(visitId: "NUE-TEST-1", date: Self.day("2026-08-01"), meterNowKWh: 11_500)
        #expect(
            try check(none, recorded: recorded, mode: .correct)
                == .failure(.noFollowUpOn(date: Self.day("2026-08-01"), recorded: recorded.map(\.date))))
    }

    @Test func numbersOutsideTheirRangeAreRefused() throws {
        let negative = FollowUpEntry(visitId: "NUE-TEST-1", date: Self.day("2027-01-10"), meterNowKWh: -1)
        #expect(try check(negative) == .failure(.invalidNumber(field: .meterNowKWh, value: -1, upper: 1e9)))
        let both = FollowUpEntry(
            visitId: "NUE-TEST-1", date: Self.day("2027-01-10"), electricityKWhSinceVisit: 100, meterNowKWh: 11_000)
        #expect(try check(both) == .failure(.electricityGivenTwice))
    }
}
