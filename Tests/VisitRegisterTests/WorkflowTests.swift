import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing
import VisitRegister

/// The programme's workflow around the register: one household per visit id, what the visit measured and handed
/// out, follow-ups that cannot mislead, and the council's figures.
@Suite struct WorkflowTests {
    let dir: TemporaryDirectory
    let register: VisitRegister

    init() throws {
        dir = try TemporaryDirectory()
        register = try VisitRegister.open(path: dir.file("register.sqlite"))
    }

    func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

    /// A second household under a registered id is refused and changes nothing; the same file updates; --replace
    /// replaces.
    @Test func aSecondHouseholdUnderARegisteredIdIsRefused() throws {
        let first = try dir.write("a.json", smallVisit())
        let second = try dir.write("b.json", smallVisit(persons: 3))
        #expect(register.add(visitPaths: [first], session: Checkout.session()).map(\.error) == [nil])
        let refused = register.add(visitPaths: [second], session: Checkout.session())
        #expect(
            refused.first?.error
                == .visitIdTaken(
                    visitId: "NUE-TEST-1", path: second, registeredPath: first, registeredDate: "2026-01-10",
                    registeredCity: "nuernberg"))
        #expect(
            refused.first?.error?.description
                == "\(second): visit id NUE-TEST-1 is registered already for another visit (2026-01-10, nuernberg, from \(first)); nothing was changed — give this visit its own id, or add it with --replace to replace the registered one"
        )
        #expect(try register.show(visitId: "NUE-TEST-1").persons == 1)
        // The same file again (corrected in place) updates it.
        try dir.write("a.json", smallVisit(annualKWh: 3300))
        #expect(
            register.add(visitPaths: [first], session: Checkout.session()).first?.outcome
                == .updated(visitId: "NUE-TEST-1"))
        #expect(try register.show(visitId: "NUE-TEST-1").electricityKWh == 3300)
        // Asked for, the other household replaces it.
        let replaced = register.add(visitPaths: [second], session: Checkout.session(), replace: true)
        #expect(replaced.first?.outcome == .updated(visitId: "NUE-TEST-1"))
        #expect(try register.show(visitId: "NUE-TEST-1").persons == 3)
    }

    /// The meter reading taken at the visit is where follow-ups start: 10,000 kWh at the visit, 11,450 kWh 182 days
    /// later → 1,450 · 365 / 182 = 2,907.97 kWh a year.
    @Test func theMeterReadingOfTheVisitIsTheStart() throws {
        let file = try dir.write("v.json", smallVisit(meterKWh: 10_000))
        #expect(register.add(visitPaths: [file], session: Checkout.session()).map(\.error) == [nil])
        #expect(try register.show(visitId: "NUE-TEST-1").meterReadingKWh == 10_000)
        let result = try register.followUp(visitId: "NUE-TEST-1", date: try date("2026-07-11"), meterNowKWh: 11_450)
        #expect(result.meterAtVisitKWh == 10_000)
        #expect(result.electricity?.afterKWhPerYear == 2907.97)
        #expect(!result.isShortPeriod)
        // A different reading given by hand contradicts the visit's.
        let august = try date("2026-08-11")
        let conflict = caught { () throws(RegisterError) in
            try register.followUp(visitId: "NUE-TEST-1", date: august, meterAtVisitKWh: 9_000, meterNowKWh: 11_700)
        }
        #expect(conflict == .meterAtVisitConflict(visitId: "NUE-TEST-1", recordedKWh: 10_000, givenKWh: 9_000))
    }

    /// 15 days extrapolated to a year: recorded, but marked as short.
    @Test func aFollowUpAfterFifteenDaysIsMarkedShort() throws {
        let file = try dir.write("v.json", smallVisit(meterKWh: 10_000))
        _ = register.add(visitPaths: [file], session: Checkout.session())
        let result = try register.followUp(visitId: "NUE-TEST-1", date: try date("2026-01-25"), meterNowKWh: 10_130)
        #expect(result.daysSinceVisit == 15)
        #expect(result.isShortPeriod)
    }

    /// Steps reported that the advice did not recommend are refused with what was recommended.
    @Test func onlyRecommendedStepsCanBeReported() throws {
        let file = try dir.write("v.json", smallVisit())
        _ = register.add(visitPaths: [file], session: Checkout.session())
        let july = try date("2026-07-11")
        let error = caught { () throws(RegisterError) in
            try register.followUp(
                visitId: "NUE-TEST-1", date: july, electricityKWhSinceFirstVisit: 1500,
                implemented: [.led, .fridgeReplacement])
        }
        #expect(
            error == .notRecommended(visitId: "NUE-TEST-1", kinds: [.fridgeReplacement], recommended: [.led, .standby]))
        #expect(
            error?.description
                == "follow-up of NUE-TEST-1: fridge-replacement was not recommended at the visit; recommended were: led, standby"
        )
    }

    /// Two LED lamps fitted at the visit at the national kit price of 3 € each (Nürnberg lists no kit): 2 items,
    /// 6 € for the programme; the summary counts them, keeps the tariff switch apart and sums per quarter.
    @Test func handOutsAndQuartersReachTheSummary() throws {
        let first = try dir.write("a.json", smallVisit(ledInstalled: true))
        let second = try dir.write("b.json", smallVisit(id: "NUE-TEST-2", date: "2026-04-02"))
        #expect(register.add(visitPaths: [first, second], session: Checkout.session()).map(\.error) == [nil, nil])
        let led = try #require(try register.show(visitId: "NUE-TEST-1").measures.first { $0.kind == .led })
        #expect(led.installedAtVisit && led.items == 2)
        let summary = try register.summary()
        #expect(summary.handedOut.map(\.kind) == [.led])
        #expect(summary.handedOut.first?.items == 2 && summary.handedOut.first?.households == 1)
        #expect(summary.programmeCostEUR == led.programmeCostEUR)
        #expect(summary.byQuarter.map(\.key) == ["2026-Q1", "2026-Q2"])
        #expect(summary.tariffSwitch.households == 0 && summary.tariffSwitch.eur == 0)
        #expect(summary.followUpRate == 0)
        // Bürgergeld: the public part is the jobcenter's.
        #expect(summary.predicted.jobcenterEUR == summary.predicted.publicEUR)
        #expect(summary.predicted.socialOfficeEUR == 0)
    }
}
