import AdviceData
import EnergyAdvice
import TestSupport
import Testing

@Suite("Visit files: energyDebt[] decoded strictly, written back unchanged")
struct EnergyDebtDecoderTests {
    /// The valid visit of the decoder tests (dated 14 March 2026) with `debts` as its energyDebt, on line 7.
    func text(_ debts: String) -> String { VisitDecoderTests.adding("\"energyDebt\": [ \(debts) ]") }

    func decode(_ text: String) throws(DataError) -> Visit {
        try VisitDecoder.decode(Array(text.utf8), path: "visit.json")
    }

    func message(_ debts: String) -> String? {
        caught { () throws(DataError) in try decode(text(debts)) }?.description
    }

    @Test func everyKeyDecodesAndIsWrittenBack() throws {
        let visit = try decode(
            text(
                """
                { "carrier": "electricity", "arrearsEUR": 412.8, "monthlyInstallmentEUR": 110, "annualBillEUR": 1300,
                  "supply": "basic", "supplier": "N-ERGIE", "threatDate": "2026-02-10", "announcementDate": "2026-03-09",
                  "cutOff": false, "risks": ["infant", "medical-device"] },
                { "carrier": "gas", "arrearsEUR": 96 }
                """))
        #expect(
            visit.energyDebt == [
                EnergyDebt(
                    carrier: .electricity, arrearsEUR: 412.8, monthlyInstallmentEUR: 110, annualBillEUR: 1300,
                    supply: .basic, supplier: "N-ERGIE", threatDate: CalendarDate(iso: "2026-02-10"),
                    announcementDate: CalendarDate(iso: "2026-03-09"), cutOff: false, risks: [.infant, .medicalDevice]),
                EnergyDebt(carrier: .gas, arrearsEUR: 96),
            ])
        let again = try VisitDecoder.decode(Array(VisitEncoder.text(visit).utf8), path: "again.json")
        #expect(again == visit)
        #expect(VisitEncoder.text(again) == VisitEncoder.text(visit))
        // A visit without debts is written without the key.
        #expect(!VisitEncoder.text(try decode(VisitDecoderTests.valid)).contains("energyDebt"))
    }

    @Test func arrearsOfZeroOrBelow() {
        #expect(
            message("{ \"carrier\": \"gas\", \"arrearsEUR\": 0 }")
                == "visit.json:7:91: energyDebt[0].arrearsEUR: 0 is out of range; allowed: greater than 0 and at most 100000"
        )
        #expect(
            message("{ \"carrier\": \"gas\", \"arrearsEUR\": -12.5 }")
                == "visit.json:7:91: energyDebt[0].arrearsEUR: -12.5 is out of range; allowed: greater than 0 and at most 100000"
        )
        #expect(
            message("{ \"carrier\": \"gas\" }")
                == "visit.json:7:57: energyDebt[0].arrearsEUR: required field is missing")
    }

    @Test func anAnnouncementBeforeTheThreat() {
        #expect(
            message(
                "{ \"carrier\": \"gas\", \"arrearsEUR\": 200, \"threatDate\": \"2026-02-10\", \"announcementDate\": \"2026-02-01\" }"
            )
                == "visit.json:7:144: energyDebt[0].announcementDate: 2026-02-01 is before threatDate 2026-02-10: the letter announcing the day of the cut-off comes after the threat; check both dates"
        )
    }

    /// A letter is received by the visit at which the household shows it: a later date is a typo.
    @Test func datesAfterTheVisit() {
        #expect(
            message("{ \"carrier\": \"electricity\", \"arrearsEUR\": 200, \"threatDate\": \"2026-03-15\" }")
                == "visit.json:7:118: energyDebt[0].threatDate: 2026-03-15 is after the visit (2026-03-14); give the day the household received the letter, at the latest the visit day"
        )
        #expect(
            message("{ \"carrier\": \"electricity\", \"arrearsEUR\": 200, \"announcementDate\": \"2062-03-01\" }")
                == "visit.json:7:124: energyDebt[0].announcementDate: 2062-03-01 is after the visit (2026-03-14); give the day the household received the letter, at the latest the visit day"
        )
        #expect(
            message("{ \"carrier\": \"electricity\", \"arrearsEUR\": 200, \"threatDate\": \"14.03.2026\" }")
                == "visit.json:7:118: energyDebt[0].threatDate: \"14.03.2026\" is not a date; use YYYY-MM-DD, e.g. 2026-03-14"
        )
    }

    @Test func unknownKeysAndWords() {
        #expect(
            message("{ \"carrier\": \"water\", \"arrearsEUR\": 200, \"arrears\": 5 }")
                == """
                visit.json:7:98: energyDebt[0].arrears: unknown key; allowed here: carrier, arrearsEUR, monthlyInstallmentEUR, annualBillEUR, supply, supplier, threatDate, announcementDate, cutOff, risks
                visit.json:7:70: energyDebt[0].carrier: "water" is not allowed; allowed: "electricity", "gas"
                """)
        #expect(
            message("{ \"carrier\": \"gas\", \"arrearsEUR\": 200, \"supply\": \"prepaid\" }")
                == "visit.json:7:106: energyDebt[0].supply: \"prepaid\" is not allowed; allowed: \"basic\", \"replacement\", \"contract\""
        )
        #expect(
            message("{ \"carrier\": \"gas\", \"arrearsEUR\": 200, \"risks\": [\"infant\", \"baby\", \"infant\"] }")
                == """
                visit.json:7:116: energyDebt[0].risks[1]: "baby" is not allowed; allowed: "medical-device", "infant", "pregnancy", "serious-illness", "disability", "elderly"
                visit.json:7:124: energyDebt[0].risks[2]: "infant" is given twice
                """)
        #expect(
            message("{ \"carrier\": \"gas\", \"arrearsEUR\": 200, \"cutOff\": \"yes\" }")
                == "visit.json:7:106: energyDebt[0].cutOff: expected true or false, found string")
    }

    @Test func notAListOfObjects() {
        #expect(
            VisitDecoderTests().message(VisitDecoderTests.adding("\"energyDebt\": { \"carrier\": \"gas\" }"))
                == "visit.json:7:55: energyDebt: expected an array, found object")
        #expect(message("412.8") == "visit.json:7:57: energyDebt[0]: expected an object, found number")
    }
}
