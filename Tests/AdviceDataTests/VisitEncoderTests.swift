import AdviceData
import EnergyAdvice
import TestSupport
import Testing

@Suite("Writing visit files")
struct VisitEncoderTests {
    /// Every example, written and read back, is the same visit.
    @Test func examplesRoundTrip() throws {
        for name in try TestFiles.list(Checkout.examples, suffix: ".json") {
            let visit = try VisitDecoder.load(path: Checkout.examples + "/" + name)
            let again = try VisitDecoder.decode(Array(VisitEncoder.text(visit).utf8), path: name)
            #expect(again == visit, "\(name) changed on the way through")
        }
    }

    @Test func onlyGivenFieldsAreWritten() throws {
        let date = try #require(CalendarDate(iso: "2026-05-02"))
        let visit = Visit(
            visitId: "A-1", date: date,
            city: "bremen", household: Household(persons: 2, dwelling: .flat, livingAreaM2: 55),
            electricity: ElectricityUse(annualKWh: 2100))
        #expect(
            VisitEncoder.text(visit) == """
                {
                  "schema": "esp-visit/1",
                  "visitId": "A-1",
                  "date": "2026-05-02",
                  "city": "bremen",
                  "household": {
                    "persons": 2,
                    "dwelling": "flat",
                    "livingAreaM2": 55
                  },
                  "electricity": {
                    "annualKWh": 2100
                  }
                }

                """)
    }
}
