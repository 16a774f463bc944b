import AdviceData
import EnergyAdvice
import TestSupport
import Testing

@Suite("Visit files: strict decoding with precise errors")
struct VisitDecoderTests {
    static let valid = """
        {
          "schema": "esp-visit/1",
          "visitId": "T-1",
          "date": "2026-03-14",
          "city": "nuernberg",
          "household": { "persons": 2, "dwelling": "flat", "livingAreaM2": 60 },
          "electricity": { "annualKWh": 2500 }
        }
        """

    func decode(_ text: String) throws(DataError) -> Visit {
        try VisitDecoder.decode(Array(text.utf8), path: "visit.json")
    }

    func message(_ text: String) -> String? { caught { () throws(DataError) in try decode(text) }?.description }

    /// The valid visit with more top-level keys after `electricity`, on the same line.
    static func adding(_ keys: String) -> String {
        valid.replacingOccurrences(
            of: "\"electricity\": { \"annualKWh\": 2500 }",
            with: "\"electricity\": { \"annualKWh\": 2500 }, " + keys)
    }

    @Test func minimalVisitDecodes() throws {
        let visit = try decode(Self.valid)
        #expect(visit.household.persons == 2)
        #expect(visit.household.benefit == nil)
        #expect(visit.electricity.annualKWh == 2500)
        #expect(visit.date == CalendarDate(year: 2026, month: 3, day: 14))
    }

    @Test func malformedJSONNamesTheLine() {
        let text = Self.valid.replacingOccurrences(of: "\"flat\",", with: "\"flat\"")
        let error = message(text)
        #expect(error?.hasPrefix("visit.json:6:") == true)
        #expect(error?.contains("not valid JSON") == true)
    }

    @Test func unknownKeyNamesItsPathAndLine() {
        let text = Self.valid.replacingOccurrences(of: "\"persons\": 2", with: "\"persns\": 2")
        #expect(
            message(text) == """
                visit.json:6:18: household.persns: unknown key; allowed here: persons, dwelling, livingAreaM2, benefit, heatingCostsPaidBy, waterCostsPaidBy, annualWaterM3, name, address
                visit.json:6:16: household.persons: required field is missing
                """)
    }

    @Test func outOfRangeNamesTheAllowedRange() {
        let text = Self.valid.replacingOccurrences(of: "\"persons\": 2", with: "\"persons\": 15")
        #expect(message(text) == "visit.json:6:29: household.persons: 15 is out of range; allowed: from 1 to 12")
    }

    @Test func wrongTypeIsNamed() {
        let text = Self.valid.replacingOccurrences(of: "\"annualKWh\": 2500", with: "\"annualKWh\": \"2500\"")
        #expect(
            message(text)
                == "visit.json:7:33: electricity.annualKWh: expected a number, found string; allowed: greater than 0 and at most 50000"
        )
    }

    @Test func zeroKWhIsRefused() {
        let text = Self.valid.replacingOccurrences(of: "\"annualKWh\": 2500", with: "\"annualKWh\": 0")
        #expect(
            message(text)?.contains(
                "electricity.annualKWh: 0 is out of range; allowed: greater than 0 and at most 50000") == true)
    }

    @Test func enumValuesAreListed() {
        let text = Self.valid.replacingOccurrences(of: "\"flat\"", with: "\"villa\"")
        #expect(
            message(text)
                == "visit.json:6:44: household.dwelling: \"villa\" is not allowed; allowed: \"flat\", \"house\"")
    }

    @Test func nestedArrayPaths() {
        let text = Self.valid.replacingOccurrences(
            of: "\"annualKWh\": 2500 }",
            with: """
                "annualKWh": 2500 },
                  "lighting": [ { "lamps": 2, "watts": 60, "technology": "led", "hoursPerDay": 3 },
                                { "lamps": 2, "watts": 60, "technology": "gas", "hoursPerDay": 30 } ]
                """)
        let error = message(text) ?? ""
        #expect(error.contains("lighting[1].technology: \"gas\" is not allowed"))
        #expect(error.contains("lighting[1].hoursPerDay: 30 is out of range; allowed: from 0 to 24"))
    }

    @Test func standbyRowRejectsFridgeKeys() {
        let text = Self.valid.replacingOccurrences(
            of: "\"annualKWh\": 2500 }",
            with: """
                "annualKWh": 2500 },
                  "appliances": [ { "kind": "standby", "watts": 5, "hoursPerDay": 20, "ageYears": 3 } ]
                """)
        #expect(
            message(text)?.contains(
                "appliances[0].ageYears: unknown key; allowed here: kind, label, watts, hoursPerDay") == true)
    }

    /// Every key rules v2 adds, in one file that decodes to exactly these values.
    @Test func rulesTwoKeysDecode() throws {
        let text = """
            {
              "schema": "esp-visit/1", "visitId": "T-2", "date": "2026-03-14", "city": "nuernberg", "advisor": "AB",
              "household": { "persons": 2, "dwelling": "flat", "livingAreaM2": 60, "benefit": "buergergeld",
                             "waterCostsPaidBy": "household" },
              "electricity": { "annualKWh": 2500, "meterReading": { "date": "2026-03-14", "kWh": 41234.5 },
                               "switchPossible": false },
              "heating": { "fuel": "gas", "billing": "building", "consumptionShare": 0.7 },
              "lighting": [ { "lamps": 2, "watts": 40, "technology": "halogen", "hoursPerDay": 3, "installedAtVisit": true } ],
              "appliances": [ { "kind": "standby", "watts": 8, "hoursPerDay": 20, "installedAtVisit": true } ],
              "showers": { "perWeek": 10, "minutes": 6, "flowLitresPerMinute": 12, "installedAtVisit": true },
              "taps": [ { "room": "kitchen", "flowLitresPerMinute": 11, "minutesPerDay": 3, "installedAtVisit": true },
                        { "room": "bathroom", "flowLitresPerMinute": 9 } ]
            }
            """
        let visit = try decode(text)
        #expect(visit.advisor == "AB")
        #expect(visit.household.waterCostsPaidBy == .household)
        #expect(
            visit.electricity.meterReading
                == MeterReading(date: CalendarDate(year: 2026, month: 3, day: 14)!, kWh: 41234.5))
        #expect(visit.electricity.switchPossible == false)
        #expect(visit.heating?.billing == .building && visit.heating?.consumptionShare == 0.7)
        #expect(visit.lighting.first?.installedAtVisit == true)
        #expect(visit.appliances.first == .standby(StandbyDevice(watts: 8, hoursPerDay: 20, installedAtVisit: true)))
        #expect(visit.showers?.installedAtVisit == true)
        #expect(
            visit.taps == [
                TapUse(room: .kitchen, flowLitresPerMinute: 11, minutesPerDay: 3, installedAtVisit: true),
                TapUse(room: .bathroom, flowLitresPerMinute: 9),
            ])
        // Written and read back, the file says the same.
        #expect(try VisitDecoder.decode(Array(VisitEncoder.text(visit).utf8), path: "again.json") == visit)
    }

    @Test func consumptionShareOutsideTheLegalRange() {
        let text = Self.adding("\"heating\": { \"fuel\": \"gas\", \"consumptionShare\": 0.3 }")
        #expect(
            message(text) == "visit.json:7:89: heating.consumptionShare: 0.3 is out of range; allowed: from 0.5 to 1")
    }

    @Test func consumptionShareNeedsABuildingBill() {
        let text = Self.adding("\"heating\": { \"fuel\": \"gas\", \"billing\": \"own\", \"consumptionShare\": 0.7 }")
        #expect(message(text)?.contains("heating.consumptionShare: only a building's bill is shared") == true)
    }

    @Test func aTapWithoutFlowIsRefused() {
        let text = Self.adding("\"taps\": [ { \"room\": \"kitchen\" } ]")
        #expect(message(text) == "visit.json:7:51: taps[0].flowLitresPerMinute: required field is missing")
    }

    @Test func aTapRoomIsOneOfTheKnown() {
        let text = Self.adding("\"taps\": [ { \"room\": \"garden\", \"flowLitresPerMinute\": 12 } ]")
        #expect(
            message(text)
                == "visit.json:7:61: taps[0].room: \"garden\" is not allowed; allowed: \"kitchen\", \"bathroom\"")
    }

    @Test func aFridgeIsNotHandedOutAtAVisit() {
        let text = Self.adding(
            "\"appliances\": [ { \"kind\": \"fridge\", \"ageYears\": 12, \"installedAtVisit\": true } ]")
        #expect(
            message(text)
                == "visit.json:7:93: appliances[0].installedAtVisit: a fridge is not handed out at a visit; leave installedAtVisit out (a new device is advised with its voucher)"
        )
    }

    @Test func badDateAndIdAndSchema() {
        let text = Self.valid
            .replacingOccurrences(of: "2026-03-14", with: "2026-02-30")
            .replacingOccurrences(of: "\"T-1\"", with: "\"T 1\"")
            .replacingOccurrences(of: "esp-visit/1", with: "esp-visit/9")
        let error = message(text) ?? ""
        #expect(error.contains("schema: \"esp-visit/9\" is not supported"))
        #expect(error.contains("visitId: \"T 1\" is not allowed"))
        #expect(error.contains("date: \"2026-02-30\" is not a date"))
    }

    @Test func emptyFileIsNamed() {
        #expect(message("  \n") == "visit.json: the file is empty")
    }

    @Test func numbersBeyondDoubleAreRefused() {
        let text = Self.valid.replacingOccurrences(of: "2500", with: "1e400")
        #expect(message(text)?.contains("not valid JSON") == true)
    }

    @Test func deepNestingIsRefused() {
        let text = Self.valid.replacingOccurrences(of: "\"T-1\"", with: String(repeating: "[", count: 100_000))
        #expect(message(text)?.contains("not valid JSON") == true)
    }

    @Test func hugeFileIsRefusedBeforeReading() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/huge.json"
        // A sparse 100 MB file: refused by its size, never read into memory.
        #expect(TestFiles.createSparse(path, bytes: 100 << 20))
        let error = caught { () throws(DataError) in try VisitDecoder.load(path: path) }
        #expect(error == .fileTooLarge(path: path, limitBytes: 1 << 20))
    }

    @Test func missingFileIsNamed() {
        let error = caught { () throws(DataError) in try VisitDecoder.load(path: "/nonexistent/visit.json") }
        #expect(error?.description == "/nonexistent/visit.json: cannot read the file: No such file or directory")
    }

    @Test func everyExampleDecodes() throws {
        let names = try TestFiles.list(Checkout.examples, suffix: ".json")
        #expect(names.count >= 4)
        for name in names {
            let visit = try VisitDecoder.load(path: Checkout.examples + "/" + name)
            #expect(VisitRules.isValidVisitId(visit.visitId))
        }
    }

    /// A file with 150 mistakes lists the first 100 and counts the rest, so a hostile file cannot flood the terminal.
    @Test func aFloodOfProblemsIsCut() throws {
        let example = try String(contentsOfFile: Checkout.examples + "/nuernberg-pensioner.json", encoding: .utf8)
        let extra = (0..<150).map { "\"extra\($0)\": 1" }.joined(separator: ", ")
        let text = "{" + extra + ", " + example.drop { $0 != "{" }.dropFirst()
        let error = caught { () throws(DataError) in try VisitDecoder.decode(Array(text.utf8), path: "flood.json") }
        let lines = try #require(error?.description.components(separatedBy: "\n"))
        #expect(lines.count == 101)
        #expect(
            lines.first
                == "flood.json:1:2: extra0: unknown key; allowed here: schema, visitId, date, city, language, advisor, household, electricity, heating, lighting, appliances, showers, taps, notes, energyDebt"
        )
        #expect(lines.last == "flood.json: … and 50 more problems")
    }
}

/// Shower and tap inputs have physical ranges (InputLimits): a value no household can have is refused with the allowed
/// range instead of advising on it (issue 18: one person, 70 showers a week of 120 minutes at 20 L/min "saved"
/// 4,555 m³ of water).
@Suite("Visit files: physical ranges of showers and taps")
struct ShowerAndTapRangeTests {
    func message(_ text: String) -> String? {
        caught { () throws(DataError) in try VisitDecoder.decode(Array(text.utf8), path: "visit.json") }?.description
    }

    @Test func eachShowerAndTapInputIsRefusedWithItsRange() {
        let text = VisitDecoderTests.adding(
            #""showers": { "perWeek": 14, "minutes": 120, "flowLitresPerMinute": 40, "temperatureC": 60, "coldWaterC": 30 }, "taps": [ { "room": "kitchen", "flowLitresPerMinute": 35, "minutesPerDay": 200 } ]"#
        )
        #expect(
            message(text) == """
                visit.json:7:80: showers.minutes: 120 is out of range; allowed: greater than 0 and at most 60
                visit.json:7:108: showers.flowLitresPerMinute: 40 is out of range; allowed: greater than 0 and at most 25
                visit.json:7:128: showers.temperatureC: 60 is out of range; allowed: from 30 to 45
                visit.json:7:146: showers.coldWaterC: 30 is out of range; allowed: from 1 to 25
                visit.json:7:206: taps[0].flowLitresPerMinute: 35 is out of range; allowed: greater than 0 and at most 25
                visit.json:7:227: taps[0].minutesPerDay: 200 is out of range; allowed: from 0 to 60
                """)
    }

    /// Two persons shower at most 2 × 21 = 42 times a week (three showers a day each).
    @Test func showersAreBoundedPerPerson() {
        let text = VisitDecoderTests.adding(
            #""showers": { "perWeek": 70, "minutes": 10, "flowLitresPerMinute": 12 }"#)
        #expect(
            message(text)
                == "visit.json:7:65: showers.perWeek: 70 is out of range for 2 persons; allowed: from 0 to 42 (at most 21 a week per person)"
        )
        let most = VisitDecoderTests.adding(#""showers": { "perWeek": 42, "minutes": 10, "flowLitresPerMinute": 12 }"#)
        #expect(message(most) == nil)
    }

    /// A base price below 24 € a year is a monthly figure: the message converts the value typed.
    @Test func aMonthlyBasePriceIsRefusedWithTheYearlyFigure() {
        let text = VisitDecoderTests.valid.replacingOccurrences(
            of: "\"annualKWh\": 2500",
            with: #""annualKWh": 2500, "tariff": { "energyPriceCtPerKWh": 0.5, "basePriceEURPerYear": 13.5 }"#)
        #expect(
            message(text) == """
                visit.json:7:74: electricity.tariff.energyPriceCtPerKWh: 0.5 is out of range; allowed: from 1 to 200
                visit.json:7:102: electricity.tariff.basePriceEURPerYear: 13.5 is below 24 € a year, which no tariff has: the monthly figure? 13.5 € a month are 162 € a year; allowed: 0 or from 24 to 5000
                """)
    }
}
