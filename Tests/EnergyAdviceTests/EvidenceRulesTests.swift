import EnergyAdvice
import Testing

/// Issue 18, "rules that fight the evidence": a step is recommended when it is free or pays back within its item's
/// life; large shares of the bill are flagged; devices that must stay on never go on a strip; storage heaters make no
/// hot water unless the visit says so; the basic supply is the way out of a dear contract.
@Suite("Rules that follow the evidence")
struct EvidenceRulesTests {
    /// A 20 W halogen lamp burning 6 minutes a day: 20 · 0.85 · 0.1 · 365 / 1000 = 0.62 kWh technical, 0.8 of it
    /// 0.5 kWh expected, 0.5 · 41.18 ct = 0.21 € a year. A 4 € LED pays back after 12 · 4 / 0.21 = 228.57 months;
    /// at 0.1 hours a day its 15,000 hours last 411 years, at most 15 (180 months): not recommended. Handed out at
    /// the visit it costs the household nothing and is recommended.
    @Test func aStepThatDoesNotPayBackWithinItsLifeIsNotRecommended() throws {
        let row = LightingRow(lamps: 1, watts: 20, technology: .halogen, hoursPerDay: 0.1)
        let advice = try Fixture.advise(Fixture.visit(lighting: [row]))
        let led = try #require(advice.measures.first { $0.kind == .led })
        #expect(led.technical.electricityKWh == 0.62)
        #expect(led.expected.electricityKWh == 0.5 && led.savingEUR == 0.21)
        #expect(led.investmentEUR == 4 && led.paybackMonths == 228.57)
        #expect(led.lifetimeYears == 15)
        #expect(!led.recommended && led.notRecommendedBecause == .paysBackTooLate)
        #expect(advice.totals.savingEUR == 0)
        #expect(advice.inputs.contains { $0.path == "lifetime.led-lamp" && $0.value == .number(15_000) })

        var fitted = row
        fitted.installedAtVisit = true
        let free = try #require(try Fixture.advise(Fixture.visit(lighting: [fitted])).measures.first)
        #expect(free.investmentEUR == 0 && free.paybackMonths == 0 && free.recommended)
    }

    /// At 4 hours a day the lamp lasts 15,000 / (4 · 365) = 10.27 years: a lamp's life follows its hours.
    @Test func aLampsLifeFollowsItsHours() throws {
        let row = LightingRow(lamps: 1, watts: 60, technology: .incandescent, hoursPerDay: 4)
        let led = try #require(try Fixture.advise(Fixture.visit(lighting: [row])).measures.first)
        #expect(led.lifetimeYears == 10.27)
        #expect(led.recommended)
    }

    /// Ten 100 W bulbs burning 3 hours: 10 · 87 · 3 · 365 / 1000 = 952.65 kWh technical, 762.12 kWh expected. Of a
    /// 1,500 kWh bill that is more than 0.4 · 1,500 = 600 kWh: flagged for the advisor, not cut. Of 2,000 kWh
    /// (limit 800 kWh) it is not flagged.
    @Test func aLargeShareOfTheBillIsFlagged() throws {
        let rows = [LightingRow(lamps: 10, watts: 100, technology: .incandescent, hoursPerDay: 3)]
        let advice = try Fixture.advise(Fixture.visit(kWh: 1500, lighting: rows))
        #expect(advice.totals.electricityKWh == 762.12)
        #expect(advice.warnings.contains(.largeShareOfElectricity(savedKWh: 762.12, annualKWh: 1500)))
        #expect(!advice.measures.contains { $0.capped })
        let larger = try Fixture.advise(Fixture.visit(kWh: 2000, lighting: rows))
        #expect(!larger.warnings.contains { $0.code == "large-share-of-electricity" })
    }

    /// A label that names a router, a phone, an alarm clock or a medical device counts as one, whatever kind was
    /// recorded; other labels do not.
    @Test func labelsNameDevicesThatMustStayOn() {
        #expect(StandbyKind.mustStayOn(namedIn: "WLAN-Router + Telefon") == .router)
        #expect(StandbyKind.mustStayOn(namedIn: "Radio-Wecker") == .alarmClock)
        #expect(StandbyKind.mustStayOn(namedIn: "Sauerstoffgerät") == .medical)
        #expect(StandbyKind.mustStayOn(namedIn: "DECT-Basisstation") == .phone)
        #expect(StandbyKind.mustStayOn(namedIn: "Fernseher + Receiver") == nil)
        #expect(StandbyDevice(kind: .tv, label: "Radio-Wecker", watts: 2, hoursPerDay: 24).effectiveKind == .alarmClock)
        #expect(StandbyDevice(kind: .tv, label: "Fernseher", watts: 12, hoursPerDay: 20).effectiveKind == .tv)
        #expect(StandbyKind.allCases.filter(\.mustStayOn) == [.router, .phone, .alarmClock, .medical])
    }

    /// A router on 24 hours a day at 9 W would "save" 78.84 kWh on a strip: it is listed as not recommended, saving
    /// nothing, and counts for nothing in the totals; the television beside it is put on the strip.
    @Test func aDeviceThatMustStayOnIsNeverOnAStrip() throws {
        let devices: [Appliance] = [
            .standby(StandbyDevice(kind: .router, watts: 9, hoursPerDay: 24)),
            .standby(StandbyDevice(kind: .tv, watts: 10, hoursPerDay: 20)),
        ]
        let advice = try Fixture.advise(Fixture.visit(appliances: devices))
        let standby = advice.measures.filter { $0.kind == .standby }
        #expect(standby.map(\.recommended) == [false, true])
        #expect(standby[0].notRecommendedBecause == .mustStayOn && standby[0].technical.electricityKWh == 0)
        // 10 W · 20 h · 365 / 1000 = 73 kWh, 0.8 of it 58.4 kWh expected.
        #expect(advice.totals.electricityKWh == 58.4)
    }

    /// Storage heaters rarely make hot water: without `includesHotWater` the whole bill is space heating. Gas does
    /// (32 kWh/m² · 60 m² = 1,920 kWh of hot water), unless the household heats its water electrically.
    @Test func storageHeatersMakeNoHotWaterUnlessTheVisitSays() throws {
        var city = Fixture.city
        city.heatingTariffs[.electricStorage] = Fixture.tariff(25, 0)
        let storage = try Fixture.advise(
            Fixture.visit(heating: HeatingUse(fuel: .electricStorage, annualKWh: 6000)), city: city)
        #expect(storage.heating?.hotWaterKWh == 0 && storage.heating?.spaceHeatingKWh == 6000)
        #expect(
            storage.inputs.contains {
                $0.path == "heating.includesHotWater" && $0.value == .flag(false) && $0.kind == .formatDefault
            })
        let said = try Fixture.advise(
            Fixture.visit(heating: HeatingUse(fuel: .electricStorage, annualKWh: 6000, includesHotWater: true)),
            city: city)
        #expect(said.heating?.hotWaterKWh == 1920)
        let gas = try Fixture.advise(Fixture.visit(heating: HeatingUse(fuel: .gas, annualKWh: 8000)))
        #expect(gas.heating?.hotWaterKWh == 1920)
    }

    /// Left in the replacement supply at 60 ct/kWh and unable to sign a product (debts): the basic supply, which must
    /// take everyone, is the target: 2,000 · 0.60 = 1,200 € now, 2,000 · 0.4118 = 823.60 € in the basic supply,
    /// 376.40 € a year, without notice (§ 38 EnWG). Kept apart from the savings.
    @Test func theBasicSupplyIsTheWayOutOfTheReplacementSupply() throws {
        var visit = Fixture.visit(electricityTariff: PriceOverride(energyPriceCtPerKWh: 60, basePriceEURPerYear: 0))
        visit.electricity.supply = .replacement
        visit.electricity.switchPossible = false
        let advice = try Fixture.advise(visit)
        let m = try #require(advice.tariffSwitch)
        #expect(m.savingEUR == 376.4)
        #expect(advice.totals.savingEUR == 0 && advice.totals.tariffSwitchEUR == 376.4)
        guard case .tariffSwitch(let details) = m.details else {
            Issue.record("expected tariff details")
            return
        }
        #expect(details.tariffID == "basic" && details.basicSupply && !details.averagePrice)
        #expect(details.currentSupply == .replacement && details.noticeWeeks == 0)
        #expect(details.currentCostEUR == 1200 && details.newCostEUR == 823.6)
        #expect(advice.inputs.contains { $0.path == "noticePeriod.replacement" && $0.value == .number(0) })
    }

    /// A household that may sign products gets the cheapest: the product at 2,000 · 0.3086 + 168 = 785.20 € beats the
    /// basic supply's 823.60 €: 1,200 − 785.20 = 414.80 €. In a contract the notice is the contract's own (none
    /// given); in the basic supply itself two weeks (§ 20 StromGVV).
    @Test func theCheapestWayOutIsOffered() throws {
        var visit = Fixture.visit(electricityTariff: PriceOverride(energyPriceCtPerKWh: 60, basePriceEURPerYear: 0))
        visit.electricity.supply = .contract
        let m = try #require(try Fixture.advise(visit).tariffSwitch)
        #expect(m.savingEUR == 414.8)
        guard case .tariffSwitch(let details) = m.details else {
            Issue.record("expected tariff details")
            return
        }
        #expect(details.tariffID == "cheap" && details.noticeWeeks == nil)
        // Cheaper than the basic supply already: nothing to gain there.
        var cheap = Fixture.visit(electricityTariff: PriceOverride(energyPriceCtPerKWh: 35, basePriceEURPerYear: 0))
        cheap.electricity.switchPossible = false
        #expect(try Fixture.advise(cheap).tariffSwitch == nil)
        // In the basic supply (the city's default tariff), the basic supply is no way out.
        var basic = Fixture.visit(kWh: 2600)
        basic.electricity.switchPossible = false
        #expect(try Fixture.advise(basic).tariffSwitch == nil)
        basic.electricity.switchPossible = true
        guard case .tariffSwitch(let fromBasic) = try #require(try Fixture.advise(basic).tariffSwitch).details else {
            Issue.record("expected tariff details")
            return
        }
        #expect(fromBasic.currentSupply == .basic && fromBasic.noticeWeeks == 2)
    }
}
