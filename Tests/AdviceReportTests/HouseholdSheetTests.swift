import AdviceData
import AdviceLocalization
import EnergyAdvice
import TestSupport
import Testing

@testable import AdviceReport

/// Issue 18: what the sheet tells a household, in every language — the money it keeps is the headline, the offices'
/// savings are said apart; free items not handed out are not "done"; devices that must stay on never go on a strip.
@Suite("The household's sheet says what the household keeps")
struct HouseholdSheetTests {
    static let languages = ["de", "ru", "tr", "uk", "ar"]

    /// The Nürnberg family on Bürgergeld: the table's "you save" column, its total and the range are the household's
    /// own money; the jobcenter's saving is said apart; the household's saving is the last (large) line.
    @Test(arguments: languages)
    func theHeadlineIsWhatTheHouseholdKeeps(language: String) throws {
        let (advice, city) = try Shipped.advice("nuernberg-family-ru.json")
        let builder = try Shipped.builder(language)
        let sheet = builder.build(advice, office: city.office)
        let format = builder.localizer.format
        #expect(advice.totals.publicEUR > 0 && advice.totals.householdEUR < advice.totals.savingEUR)
        #expect(sheet.steps.total[2] == format.money(advice.totals.householdEUR, fractionDigits: 0))
        for (row, m) in zip(sheet.steps.rows, groupedRows(advice.recommendedSavings)) {
            #expect(row.cells[1] == format.money(m, fractionDigits: 0))
        }
        let household = builder.t("split.household", ["amount": builder.euros(advice.totals.householdEUR)])
        #expect(sheet.split.lines.last == household)
        #expect(
            sheet.split.lines.first == builder.t("split.jobcenter", ["amount": builder.euros(advice.totals.publicEUR)]))
        let own = advice.householdRange
        #expect(
            sheet.steps.notes.first
                == builder.t(
                    "steps.range", ["low": builder.aboutEuros(own.lowEUR), "high": builder.aboutEuros(own.highEUR)]))
        // The household's whole saving never appears as its own.
        #expect(!sheet.split.lines.contains { $0.contains(format.money(advice.totals.savingEUR, fractionDigits: 0)) })
    }

    /// The household part per table row: LED rows and standby devices are grouped into one row each.
    func groupedRows(_ measures: [MeasureResult]) -> [Double] {
        var rows: [Double] = []
        var grouped: Set<MeasureKind> = []
        for m in measures {
            let kind = measures.filter { $0.kind == m.kind }
            if [.led, .standby].contains(m.kind) && kind.count > 1 {
                if grouped.insert(m.kind).inserted { rows.append(kind.reduce(0) { $0 + $1.split.household }) }
                continue
            }
            rows.append(m.split.household)
        }
        return rows
    }

    /// Bremen's programme hands out LED lamps, strips and showerheads; the family got none at the visit. The sheet
    /// says where to get them and that they pay once fitted, never "free, pays at once" for lamps it does not have.
    @Test(arguments: languages)
    func freeItemsNotHandedOutAreNotDone(language: String) throws {
        let (advice, city) = try Shipped.advice("bremen-family-buergergeld.json")
        let builder = try Shipped.builder(language)
        let sheet = builder.build(advice, office: city.office)
        let led = try #require(sheet.steps.rows.first)
        #expect(advice.measures.first { $0.kind == .led }?.freeFromProgramme == true)
        #expect(led.cells[2] == builder.t("cost.freeAtOffice"))
        #expect(led.cells[3] == builder.t("payback.onceFitted"))
        #expect(led.cells[2] != builder.t("cost.free") && led.cells[3] != builder.t("payback.now"))
    }

    /// A router with a phone on it and a clock radio are never put on a strip, whatever kind was recorded; a device
    /// without a label is named by its kind, in every language.
    @Test(arguments: languages)
    func devicesThatMustStayOnAreNeverOnAStrip(language: String) throws {
        var visit = try VisitDecoder.load(path: Shipped.root + "/Examples/nuernberg-pensioner.json")
        visit.appliances = [
            .standby(StandbyDevice(label: "WLAN-Router + Telefon", watts: 9, hoursPerDay: 24)),
            .standby(StandbyDevice(kind: .tv, label: "Radio-Wecker", watts: 2, hoursPerDay: 24)),
            .standby(StandbyDevice(kind: .medical, watts: 4, hoursPerDay: 24)),
            .standby(StandbyDevice(kind: .tv, watts: 12, hoursPerDay: 20)),
        ]
        let (advice, city) = try Checkout.advise(visit)
        let standby = advice.measures.filter { $0.kind == .standby }
        #expect(standby.map(\.recommended) == [false, false, false, true])
        #expect(standby.prefix(3).allSatisfy { $0.notRecommendedBecause == .mustStayOn && $0.electricityKWh == 0 })
        let builder = try Shipped.builder(language)
        let sheet = builder.build(advice, office: city.office)
        #expect(
            sheet.notRecommended.lines.contains(
                builder.t("notRecommended.mustStayOn", ["device": .text("WLAN-Router + Telefon")])))
        #expect(
            sheet.notRecommended.lines.contains(
                builder.t("notRecommended.mustStayOn", ["device": .text(builder.t("standby.kind.medical"))])))
        let tv = builder.t("standby.kind.tv")
        #expect(sheet.steps.rows.contains { $0.title.contains(tv) })
        #expect(tv != builder.t("standby.kind.other"))
    }

    /// Issue 18, point 6: a household left in the replacement supply at 60 ct/kWh that cannot sign a product is
    /// offered Leipzig's basic supply, after the steps and apart from their savings, told it needs no notice; in
    /// Nürnberg, whose supplier's price was not found, the offer names no supplier and says the price is the national
    /// mean, and a contract's notice is the contract's.
    @Test(arguments: languages)
    func theBasicSupplyIsOfferedAsTheWayOut(language: String) throws {
        let builder = try Shipped.builder(language)
        var visit = try VisitDecoder.load(path: Shipped.root + "/Examples/leipzig-couple-tr.json")
        visit.electricity.tariff = PriceOverride(energyPriceCtPerKWh: 60, basePriceEURPerYear: 120)
        visit.electricity.supply = .replacement
        visit.electricity.switchPossible = false
        let (advice, city) = try Checkout.advise(visit)
        let m = try #require(advice.tariffSwitch)
        guard case .tariffSwitch(let d) = m.details else {
            Issue.record("expected tariff details")
            return
        }
        #expect(d.basicSupply && !d.averagePrice && d.supplier == "Leipziger Stadtwerke")
        let lines = builder.build(advice, office: city.office).tariffSwitch.lines
        #expect(
            lines.first
                == builder.t(
                    "tariffSwitch.offer.basic",
                    ["name": .text(d.name), "supplier": .text(d.supplier), "amount": builder.aboutEuros(m.savingEUR)]))
        #expect(lines.contains(builder.t("tariffSwitch.notice.replacement")))
        #expect(lines.last == builder.t("tariffSwitch.apart"))
        #expect(advice.totals.tariffSwitchEUR == m.savingEUR && !advice.recommendedSavings.contains { $0 == m })

        var nuernberg = try VisitDecoder.load(path: Shipped.root + "/Examples/nuernberg-pensioner.json")
        nuernberg.electricity.tariff = PriceOverride(energyPriceCtPerKWh: 60, basePriceEURPerYear: 120)
        nuernberg.electricity.supply = .contract
        nuernberg.electricity.switchPossible = false
        let (average, office) = try Checkout.advise(nuernberg)
        let offer = try #require(average.tariffSwitch)
        let averageLines = builder.build(average, office: office.office).tariffSwitch.lines
        #expect(
            averageLines.first
                == builder.t("tariffSwitch.offer.basicAverage", ["amount": builder.aboutEuros(offer.savingEUR)]))
        #expect(averageLines.contains(builder.t("tariffSwitch.averagePrice")))
        #expect(averageLines.contains(builder.t("tariffSwitch.notice.contract")))
        #expect(!averageLines.contains { $0.contains("N-ERGIE") })
    }

    /// Every standby kind has its own name in every language.
    @Test(arguments: languages)
    func everyStandbyKindHasItsName(language: String) throws {
        let builder = try Shipped.builder(language)
        let names = StandbyKind.allCases.map { builder.t("standby.kind.\($0.rawValue)") }
        #expect(Set(names).count == StandbyKind.allCases.count)
        if language != "de" {
            let german = try Shipped.builder("de")
            #expect(names != StandbyKind.allCases.map { german.t("standby.kind.\($0.rawValue)") })
        }
    }

    /// The heating the jobcenter pays is the jobcenter's to pay: no "pay this much a month" for it.
    @Test(arguments: languages)
    func theHeatingInstallmentAddressesWhoeverPays(language: String) throws {
        let (advice, city) = try Shipped.advice("nuernberg-family-ru.json")
        let heating = try #require(advice.installment.heating)
        #expect(heating.payer == .jobcenter)
        let builder = try Shipped.builder(language)
        let sheet = builder.build(advice, office: city.office)
        let line = builder.t(
            "installment.paidBy.jobcenter",
            ["label": .text(builder.t("installment.heating")), "amount": builder.aboutEuros(heating.expectedAnnualEUR)])
        #expect(sheet.installment.lines.last == line)
        #expect(sheet.installment.lines.filter { $0.hasPrefix(builder.t("installment.heating")) }.count == 1)
    }
}
