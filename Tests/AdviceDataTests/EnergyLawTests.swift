import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing

@Suite("The law on cut-offs as data (Tariffs/energy-law.xml)")
struct EnergyLawTests {
    func d(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    func shipped() throws -> EnergyDebtLaw { try #require(try Checkout.data.tariffs.energyLaw()) }

    /// The working-day calendar of a shipped city: its state's holidays from the law, its own from its file.
    func calendar(_ city: String) throws -> WorkingDayCalendar {
        let set = try Checkout.data.tariffs.load(cityID: city)
        let law = try #require(set.energyLaw)
        return WorkingDayCalendar(state: set.city.state, holidays: law.holidays, local: set.city.holidays)
    }

    @Test func theShippedLawReads() throws {
        let law = try shipped()
        #expect(law.cutOffRules.map(\.id) == ["enwg-2025", "gvv-2021"])
        let now = try #require(law.cutOffRules(on: d("2026-12-07"), supply: .contract))
        #expect(now.minimumArrearsEUR.value == 100)
        #expect(now.installmentMultiple.value == 2)
        #expect(now.annualBillDivisor.value == 6)
        #expect(now.threatWeeks.value == 4)
        #expect(now.announcementWorkingDays.value == 8)
        #expect(now.agreement?.supplies == [.basic])
        #expect(now.agreement?.offerWithinDays?.value == 7)
        #expect(now.agreement?.band(forArrearsEUR: 300)?.maxMonths == 18)
        #expect(now.agreement?.band(forArrearsEUR: 300.01)?.minMonths == 12)
        #expect(now.agreement?.band(forArrearsEUR: 301)?.maxMonths == 24)
        #expect(now.disproportionality.id == "enwg-41f")
        // The rules before 23 December 2025 covered basic and replacement supply only.
        #expect(law.cutOffRules(on: d("2025-12-22"), supply: .basic)?.id == "gvv-2021")
        #expect(law.cutOffRules(on: d("2025-12-22"), supply: .contract) == nil)
        #expect(law.cutOffRules(on: d("2021-11-30"), supply: .basic) == nil)
        #expect(law.standardRate(level: 1, on: d("2026-12-07"))?.eur == 563)
        #expect(law.loan(for: .buergergeld)?.office == .jobcenter)
        #expect(law.loan(for: .wohngeld)?.office == .socialOffice)
        #expect(law.loan(for: .asylblg) == nil)
        #expect(law.heatingSeason.value == HeatingSeason(fromMonth: 10, untilMonth: 4))
    }

    @Test func everyShippedCityHasItsState() throws {
        let states = try Checkout.data.tariffs.loadAll().map { ($0.city.id, $0.city.state) }
        #expect(states.map(\.0) == ["bremen", "leipzig", "nuernberg"])
        #expect(states.map(\.1) == [.bremen, .saxony, .bavaria])
    }

    /// The public holidays of 2026 in the three cities (research notes, 4.2–4.4): Nürnberg 12, Bremen 10, Leipzig 11.
    @Test func theHolidaysOf2026() throws {
        func holidays(_ city: String) throws -> [String] {
            let calendar = try calendar(city)
            var day = d("2026-01-01")
            var found: [String] = []
            while day.year == 2026 {
                if calendar.holiday(on: day) != nil { found.append(String(day.description.dropFirst(5))) }
                day = day.adding(days: 1)!
            }
            return found
        }
        #expect(
            try holidays("nuernberg") == [
                "01-01", "01-06", "04-03", "04-06", "05-01", "05-14", "05-25", "06-04", "10-03", "11-01", "12-25",
                "12-26",
            ])
        #expect(
            try holidays("bremen") == [
                "01-01", "04-03", "04-06", "05-01", "05-14", "05-25", "10-03", "10-31", "12-25", "12-26",
            ])
        #expect(
            try holidays("leipzig") == [
                "01-01", "04-03", "04-06", "05-01", "05-14", "05-25", "10-03", "10-31", "11-18", "12-25", "12-26",
            ])
    }

    /// The research notes' test vectors with the shipped data (4.5 and 10): the day after the 8th working day.
    @Test func eightWorkingDaysInTheShippedCities() throws {
        func earliest(_ city: String, _ received: String) throws -> CalendarDate? {
            try calendar(city).dayAfter(workingDays: 8, after: d(received))?.day
        }
        // 22 October 2026: Reformationstag (Saturday 31 October) is no working day in Bremen and Leipzig.
        #expect(try earliest("bremen", "2026-10-22") == d("2026-11-03"))
        #expect(try earliest("leipzig", "2026-10-22") == d("2026-11-03"))
        #expect(try earliest("nuernberg", "2026-10-22") == d("2026-11-01"))
        // 9 November 2026: Buß- und Bettag (Wednesday 18 November) only in Saxony.
        #expect(try earliest("leipzig", "2026-11-09") == d("2026-11-20"))
        #expect(try earliest("nuernberg", "2026-11-09") == d("2026-11-19"))
        #expect(try earliest("bremen", "2026-11-09") == d("2026-11-19"))
        // 29 December 2026: Heilige Drei Könige (Wednesday 6 January 2027) only in Bavaria.
        #expect(try earliest("nuernberg", "2026-12-29") == d("2027-01-10"))
        #expect(try earliest("bremen", "2026-12-29") == d("2027-01-09"))
        #expect(try earliest("leipzig", "2026-12-29") == d("2027-01-09"))
    }

    /// The example household of Leipzig on Bürgergeld with a threat letter, through the whole pipeline.
    /// Electricity: 3,400 kWh × 30.86 ct + 168 € = 1,217.24 € a year, 101.44 € a month; the instalment of 110 €
    /// leaves 8.56 € a month. The advised steps save the household 172.96 € a year, but only those that cost it
    /// nothing count for the plan: the LED lamps and the standby switch, 147.17 + 91.45 + 61.32 = 299.94 kWh × 30.86 ct
    /// = 92.56 € a year, 7.71 € a month (the new fridge, 792 € − 170 € voucher = 622 € to pay, does not); together
    /// 16.27 €. 412.80 € exceed 300 €: 12 to 24 months; even 412.80 ÷ 24 = 17.20 € is too much: the longest term,
    /// marked as not fitting, 24 × 17.20 € = 412.80 € evenly.
    @Test func theExampleWithAThreatLetter() throws {
        let (advice, _) = try Checkout.advise(visitPath: Checkout.examples + "/leipzig-family-threat.json")
        let debt = try #require(advice.energyDebt.first)
        #expect(advice.energyDebt.count == 1)
        #expect(debt.cutOffLawful == false)
        #expect(debt.reasons == [.announcementPeriodRunning, .disproportionate])
        #expect(debt.dates.earliestCutOff == d("2026-11-20"))
        #expect(debt.dates.holidaysSkipped.map(\.name) == ["Buß- und Bettag"])
        #expect(debt.disproportionate)
        #expect(debt.rules?.id == "enwg-2025")
        #expect(advice.totals.householdEUR == 172.96)
        let plan = try #require(debt.plan)
        #expect(plan.expectedAnnualEUR == 1217.24)
        #expect(plan.installmentBalanceMonthlyEUR == 8.56)
        #expect(plan.savingMonthlyEUR == 7.71)
        #expect(plan.availableMonthlyEUR == 16.27)
        #expect((plan.months, plan.monthlyEUR, plan.lastMonthlyEUR, plan.fits) == (24, 17.2, 17.2, false))
        #expect(plan.totalMonthlyEUR == 127.2)
        #expect(debt.loan?.offsetMonthlyEUR == 28.15)
        #expect(debt.steps.first == DebtStep(code: .requestAgreement, by: d("2026-11-12")))
        // The loan at once (the visit day, a Thursday), the acceptance when the offer comes.
        #expect(debt.steps[1] == DebtStep(code: .applyLoanJobcenter, by: d("2026-11-12")))
        #expect(debt.steps.last == DebtStep(code: .acceptAgreement, by: nil))
    }

    /// A data folder without the law still advises visits without debts; a visit with debts is refused by name.
    @Test func withoutTheLawFile() throws {
        let directory = try TemporaryDirectory()
        let root = try directory.copyData()
        try FileManager.default.removeItem(atPath: root + "/Tariffs/energy-law.xml")
        let set = try DataDirectory(root: root).tariffs.load(cityID: "leipzig")
        let calculator = AdviceCalculator(reference: set.reference, city: set.city, energyLaw: set.energyLaw)
        func advise(_ path: String) throws(DataError) -> Advice {
            let visit = try VisitDecoder.load(path: path)
            do {
                return try calculator.advise(visit)
            } catch {
                throw .cannotAdvise(path: path, reason: error.message)
            }
        }
        #expect(try advise(Checkout.examples + "/leipzig-couple-tr.json").energyDebt.isEmpty)
        let path = Checkout.examples + "/leipzig-family-threat.json"
        let error = caught { () throws(DataError) in try advise(path) }
        #expect(
            error?.description
                == "\(path): the visit records energyDebt, but the data folder has no energy-law.xml to judge it")
    }

    /// Every other example has no debts and keeps its advice: the golden files of the report tests pin the rest.
    @Test func examplesWithoutDebtsHaveNone() throws {
        for path in Checkout.examplePaths where !path.hasSuffix("leipzig-family-threat.json") {
            #expect(try Checkout.advise(visitPath: path).advice.energyDebt.isEmpty, "\(path)")
        }
    }
}

@Suite("The law file and the city files checked: plain messages with file and line")
struct EnergyLawCheckTests {
    typealias Edited = TariffCheckTests.Edited

    func errors(_ edit: Edited) -> [String] { edit.check().errors.map(\.description) }

    @Test func aTermThatEndsBeforeItStarts() throws {
        let edit = try Edited(
            "energy-law", replacing: "<term aboveEUR=\"300\" minMonths=\"12\" maxMonths=\"24\"",
            with: "<term aboveEUR=\"300\" minMonths=\"24\" maxMonths=\"12\"")
        #expect(
            errors(edit) == [
                "\(edit.file):\(edit.line): minMonths 24 and maxMonths 12 must be at least 1, the first not above the second"
            ])
    }

    @Test func aBandFromZeroIsRequired() throws {
        let edit = try Edited(
            "energy-law",
            replacing: "      <term aboveEUR=\"0\" minMonths=\"6\" maxMonths=\"18\" source=\"enwg-41g\"/>\n",
            with: "")
        let agreement = try #require(
            String(contentsOfFile: edit.file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("<agreement supplies=\"basic\"") })
        #expect(
            errors(edit) == [
                "\(edit.file):\(agreement + 1): no <term aboveEUR=\"0\">: arrears below the lowest band would get no plan"
            ])
    }

    /// Two sets of rules for basic supply on the same day would make the verdict depend on their order.
    @Test func overlappingRules() throws {
        let edit = try Edited(
            "energy-law", replacing: "validFrom=\"2021-12-01\" validUntil=\"2025-12-22\"",
            with: "validFrom=\"2021-12-01\" validUntil=\"2025-12-23\"")
        #expect(
            errors(edit) == [
                "\(edit.file):\(edit.line): cut-off rules \"enwg-2025\" and \"gvv-2021\" are both in force for basic supply on 2025-12-23"
            ])
    }

    @Test func aHolidayWithTwoRules() throws {
        let edit = try Edited(
            "energy-law", replacing: "<holiday name=\"Fronleichnam\" easterOffset=\"60\"",
            with: "<holiday name=\"Fronleichnam\" date=\"06-04\" easterOffset=\"60\"")
        #expect(
            errors(edit) == [
                "\(edit.file):\(edit.line): <holiday name=\"Fronleichnam\"> needs exactly one of date=\"MM-DD\", easterOffset=\"days\" or weekday=\"1…7\" with onOrBefore=\"MM-DD\""
            ])
    }

    @Test func aDayThatDoesNotExist() throws {
        let edit = try Edited(
            "energy-law", replacing: "<holiday name=\"Allerheiligen\" date=\"11-01\"",
            with: "<holiday name=\"Allerheiligen\" date=\"11-31\"")
        #expect(
            errors(edit) == ["\(edit.file):\(edit.line): <holiday> date=\"11-31\" is not a day of the year (MM-DD)"])
    }

    /// The schema names the allowed words (libxml2 then adds its own line about the whole list).
    @Test func anUnknownSupply() throws {
        let edit = try Edited(
            "energy-law", replacing: "supplies=\"basic replacement contract\"", with: "supplies=\"basic gold\"")
        #expect(
            errors(edit).first
                == "\(edit.file):\(edit.line): <cutOffRules> supplies=\"gold\" is not allowed; allowed: basic, replacement, contract"
        )
    }

    /// Without the file the rest of the data still works, with a warning; a city names its state or is warned.
    @Test func missingLawAndMissingState() throws {
        let edit = try Edited("leipzig", replacing: " state=\"SN\"", with: "")
        try FileManager.default.removeItem(atPath: edit.tariffs + "/energy-law.xml")
        let result = edit.check()
        #expect(result.errors.isEmpty)
        let line = try #require(
            String(contentsOfFile: edit.file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.hasPrefix("<city ") })
        #expect(
            result.warnings.map(\.description) == [
                "\(edit.tariffs): warning: no energy-law.xml: visits that record energyDebt cannot be advised",
                "\(edit.file):\(line + 1): warning: no state=\"…\" (e.g. state=\"BY\"): the energy-debt periods of leipzig count its state's public holidays as working days",
            ])
        #expect(try TariffLibrary(directory: edit.tariffs).energyLaw() == nil)
    }

    /// A state the law file has no holidays for: its holidays would count as working days.
    @Test func aStateWithoutHolidays() throws {
        let edit = try Edited("leipzig", replacing: " state=\"SN\"", with: " state=\"NW\"")
        #expect(
            edit.check().warnings.map(\.description) == [
                "\(edit.file): warning: state=\"NW\" has no public holidays in energy-law.xml: its holidays would count as working days"
            ])
    }

    @Test func debtCounsellingNeedsAnAddressOrAPhone() throws {
        let edit = try Edited(
            "leipzig", replacing: " address=\"Ritterstraße 5, Leipzig\"", with: "")
        let line = try #require(
            String(contentsOfFile: edit.file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("Kirchliche Erwerbsloseninitiative Leipzig (KEL), Schuldner") })
        #expect(
            errors(edit) == [
                "\(edit.file):\(line + 1): <debtCounselling name=\"Kirchliche Erwerbsloseninitiative Leipzig (KEL), Schuldner- und Insolvenzberatung\"> needs an address or a phone"
            ])
    }
}
