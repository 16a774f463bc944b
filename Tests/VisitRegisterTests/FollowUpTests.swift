import EnergyAdvice
import Foundation
import TestSupport
import Testing
import VisitRegister

/// The small visit of `smallVisit()`, Nürnberg basic supply 36.38 ct/kWh, electricity 0.426 kg CO2/kWh; the register
/// keeps the expected figures (technical × the reference realisation factor):
/// - led: 2 · (60 − 60 · 0.13) W · 3 h · 365 / 1000 = 114.318 kWh technical, × 0.8 = 91.45 kWh,
///   91.45 · 0.3638 = 33.2695 → 33.27 €, 91.45 · 0.426 = 38.958 → 38.96 kg
/// - standby: 10 W · 24 h · 365 / 1000 = 87.6 kWh technical, × 0.6 = 52.56 kWh, 52.56 · 0.3638 = 19.12 €
@Suite struct FollowUpTests {
    let dir: TemporaryDirectory
    let register: VisitRegister

    init() throws {
        dir = try TemporaryDirectory()
        register = try VisitRegister.open(path: dir.file("register.sqlite"))
        let path = try dir.write("v.json", smallVisit())
        #expect(register.add(visitPaths: [path], session: Checkout.session()).map(\.error) == [nil])
    }

    func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

    @Test func theMeasuresAreAsWorkedByHand() throws {
        let visit = try register.show(visitId: "NUE-TEST-1")
        let led = try #require(visit.measures.first { $0.kind == .led })
        #expect(led.electricityKWh == 91.45)
        #expect(led.savingEUR == 33.27)
        #expect(led.co2Kg == 38.96)  // 91.45 kWh · 0.426 kg/kWh = 38.958
        let standby = try #require(visit.measures.first { $0.kind == .standby })
        #expect(standby.electricityKWh == 52.56)
        #expect(standby.savingEUR == 19.12)
    }

    @Test func meterReadingsAreNormalisedToAYear() throws {
        // 2026-01-10 → 2026-07-11 is 21 + 28 + 31 + 30 + 31 + 30 + 11 = 182 days.
        // 11,450 − 10,000 = 1,450 kWh; 1,450 · 365 / 182 = 2,907.967 kWh/yr; 3,400 − 2,907.967 = 492.033 kWh saved;
        // 492.033 · 0.3638 = 179.002 → 179.00 €; 492.033 · 0.426 = 209.606 → 209.61 kg CO2.
        let first = try register.followUp(
            visitId: "NUE-TEST-1", date: try date("2026-07-11"),
            meterAtVisitKWh: 10_000, meterNowKWh: 11_450, implemented: [.led])
        #expect(first.daysSinceVisit == 182)
        let e = try #require(first.electricity)
        #expect(e.usedSinceVisitKWh == 1450)
        #expect(e.afterKWhPerYear == 2907.97)
        #expect(e.savedKWhPerYear == 492.03)
        #expect(e.savedEURPerYear == 179)
        #expect(e.savedCO2KgPerYear == 209.61)
        #expect(e.beneficiary == .household)
        #expect(first.heating == nil)
        #expect(first.predicted.electricityKWh == 91.45)  // only the LED measure was implemented
        #expect(first.predicted.savingEUR == 33.27)

        // A year after the visit the reading at the visit is taken from the first follow-up:
        // 12,900 − 10,000 = 2,900 kWh in 365 days → 3,400 − 2,900 = 500 kWh, 500 · 0.3638 = 181.90 €.
        let second = try register.followUp(
            visitId: "NUE-TEST-1", date: try date("2027-01-10"), meterNowKWh: 12_900,
            implemented: [.standby, .led])
        #expect(second.daysSinceVisit == 365)
        #expect(second.meterAtVisitKWh == 10_000)
        #expect(second.electricity?.savedKWhPerYear == 500)
        #expect(second.electricity?.savedEURPerYear == 181.9)
        #expect(second.implemented == [.led, .standby])
        #expect(second.predicted.electricityKWh == 144.01)  // 91.45 + 52.56

        let stored = try register.show(visitId: "NUE-TEST-1")
        #expect(stored.followUps == [first, second])

        let summary = try register.summary()
        #expect(summary.householdsFollowedUp == 1)
        #expect(summary.realised.householdsWithElectricity == 1)
        #expect(summary.realised.electricity.kWh == 500)  // the latest follow-up counts
        #expect(summary.realised.householdEUR == 181.9)
        #expect(summary.realised.publicEUR == 0)
        #expect(summary.realised.predictedImplemented.electricityKWh == 144.01)
        #expect(summary.byMeasure.first { $0.kind == .led }?.householdsImplemented == 1)
    }

    @Test func consumptionSinceTheVisitWorksWithoutMeters() throws {
        // 1,450 kWh in 182 days, from a bill: the same 492.03 kWh as with meter readings.
        let result = try register.followUp(
            visitId: "NUE-TEST-1", date: try date("2026-07-11"),
            electricityKWhSinceFirstVisit: 1450)
        #expect(result.electricity?.savedKWhPerYear == 492.03)
        #expect(result.meterAtVisitKWh == nil)
        // Less than already recorded is an error.
        #expect(
            caught(RegisterError.self) {
                try register.followUp(
                    visitId: "NUE-TEST-1", date: try date("2026-09-01"), electricityKWhSinceFirstVisit: 1400)
            } == .consumptionFalls(visitId: "NUE-TEST-1", previousKWh: 1450, nowKWh: 1400))
    }

    @Test func aFallingMeterReadingIsAnError() throws {
        _ = try register.followUp(
            visitId: "NUE-TEST-1", date: try date("2026-07-11"),
            meterAtVisitKWh: 10_000, meterNowKWh: 11_450)
        let error = caught(RegisterError.self) {
            try register.followUp(visitId: "NUE-TEST-1", date: try date("2026-10-01"), meterNowKWh: 11_400)
        }
        #expect(error == .meterReadingFalls(visitId: "NUE-TEST-1", previousKWh: 11_450, nowKWh: 11_400))
        #expect(error?.description.contains("lower than the previous reading 11450 kWh") == true)
        // Below the reading at the visit on the first follow-up, too.
        let other = try dir.write("w.json", smallVisit(id: "NUE-TEST-2"))
        _ = register.add(visitPaths: [other], session: Checkout.session())
        #expect(
            caught(RegisterError.self) {
                try register.followUp(
                    visitId: "NUE-TEST-2", date: try date("2026-03-01"), meterAtVisitKWh: 500, meterNowKWh: 400)
            } == .meterReadingFalls(visitId: "NUE-TEST-2", previousKWh: 500, nowKWh: 400))
        #expect(try register.show(visitId: "NUE-TEST-1").followUps.count == 1)  // nothing stored by the failures
        #expect(try register.show(visitId: "NUE-TEST-2").followUps.isEmpty)
    }

    @Test func anUnknownVisitIsAnError() throws {
        let error = caught(RegisterError.self) {
            try register.followUp(visitId: "NOPE-1", date: try date("2026-07-11"), electricityKWhSinceFirstVisit: 100)
        }
        #expect(error == .unknownVisit(visitId: "NOPE-1"))
        #expect(
            error?.description
                == "no visit \"NOPE-1\" in the register; add its visit file first (esp register add FILE)")
    }

    @Test func inconsistentFollowUpsAreRefused() throws {
        let id = "NUE-TEST-1"
        #expect(
            caught(RegisterError.self) {
                try register.followUp(visitId: id, date: try date("2026-03-01"), meterNowKWh: 10_500)
            }
                == .meterAtVisitMissing(visitId: id))
        #expect(
            caught(RegisterError.self) {
                try register.followUp(visitId: id, date: try date("2026-01-10"), electricityKWhSinceFirstVisit: 1)
            }
                == .followUpNotAfterVisit(
                    visitId: id, visitDate: try date("2026-01-10"), followUpDate: try date("2026-01-10")))
        #expect(
            caught(RegisterError.self) {
                try register.followUp(
                    visitId: id, date: try date("2026-03-01"), electricityKWhSinceFirstVisit: 1, meterNowKWh: 2)
            } == .electricityGivenTwice(visitId: id))
        #expect(
            caught(RegisterError.self) {
                try register.followUp(visitId: id, date: try date("2026-03-01"), meterAtVisitKWh: 5)
            }
                == .meterNowMissing(visitId: id))
        #expect(
            caught(RegisterError.self) {
                try register.followUp(visitId: id, date: try date("2026-03-01"), heatingKWhPerYear: 5000)
            }
                == .noHeatingAtVisit(visitId: id))
        #expect(
            caught(RegisterError.self) {
                try register.followUp(visitId: id, date: try date("2026-03-01"), electricityKWhSinceFirstVisit: -3)
            }
                == .invalidNumber(field: "electricityKWhSinceFirstVisit", value: -3, allowed: "0 … 1000000000 kWh"))

        _ = try register.followUp(
            visitId: id, date: try date("2026-07-11"), meterAtVisitKWh: 10_000, meterNowKWh: 11_450)
        #expect(
            caught(RegisterError.self) {
                try register.followUp(visitId: id, date: try date("2026-07-11"), meterNowKWh: 11_500)
            }
                == .followUpNotAfterPrevious(
                    visitId: id, previousDate: try date("2026-07-11"), followUpDate: try date("2026-07-11")))
        #expect(
            caught(RegisterError.self) {
                try register.followUp(
                    visitId: id, date: try date("2026-08-01"), meterAtVisitKWh: 9_000, meterNowKWh: 11_500)
            } == .meterAtVisitConflict(visitId: id, recordedKWh: 10_000, givenKWh: 9_000))
    }

    @Test func heatingIsComparedWithAFullYearAfterTheAdvice() throws {
        // The pensioner heats with gas, 6,050 kWh at the visit, paid by the social office (grundsicherung), billed
        // with the building at the 60 % consumption share; 5,500 kWh in the year after: 550 kWh saved,
        // 550 · 0.112 · 0.6 = 36.96 € reach the bill, 550 · 0.247 = 135.85 kg CO2.
        _ = register.add(visitPaths: [Checkout.examples + "/nuernberg-pensioner.json"], session: Checkout.session())
        let result = try register.followUp(
            visitId: "NUE-2026-0142", date: try date("2027-03-01"), heatingKWhPerYear: 5500,
            implemented: [.roomTemperature])
        let h = try #require(result.heating)
        #expect(h.savedKWhPerYear == 550)
        #expect(h.savedEURPerYear == 36.96)
        #expect(h.savedCO2KgPerYear == 135.85)
        #expect(h.beneficiary == .socialOffice)
        #expect(result.electricity == nil)
        let summary = try register.summary()
        #expect(summary.realised.publicEUR == 36.96)
        #expect(summary.realised.heating.kWh == 550)
        #expect(summary.realised.householdsWithHeating == 1)
    }

    /// Rule 6: the Bremen family's heating was estimated at the visit, so a later bill cannot show a saving: the
    /// follow-up is refused with the reason, and nothing reaches the summary.
    @Test func noHeatingSavingAgainstAnEstimate() throws {
        _ = register.add(
            visitPaths: [Checkout.examples + "/bremen-family-buergergeld.json"], session: Checkout.session())
        let february = try date("2027-02-01")
        let error = caught { () throws(RegisterError) in
            try register.followUp(visitId: "HB-2026-0057", date: february, heatingKWhPerYear: 8000)
        }
        #expect(error == .heatingBaselineEstimated(visitId: "HB-2026-0057"))
        #expect(
            error?.description.hasPrefix(
                "follow-up of HB-2026-0057: the heating at the advice visit was an estimate, not a bill") == true)
        #expect(try register.summary().realised.householdsWithHeating == 0)
        #expect(try register.show(visitId: "HB-2026-0057").followUps.isEmpty)
    }
}
