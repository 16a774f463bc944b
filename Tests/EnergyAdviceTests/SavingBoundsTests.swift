import EnergyAdvice
import Testing

/// Rule 1: no saving exceeds what the household is known to use — its electricity bill, its heating bill or the bill's
/// hot-water figure, its water bill or persons × the reference use per person. Averages (the area rule, the
/// Stromspiegel) only flag outliers; they never cut.
@Suite("Bounds of rule 1")
struct SavingBoundsTests {
    /// The published example (Bund der Energieverbraucher): 3 persons, each 3 showers a week of 6 minutes at 12 →
    /// 7 L/min, 12 → 36 °C, with an electric instantaneous heater and 3,000 kWh a year. ΔL = 5 · 6 · 9 · 365/7 =
    /// 14,078.57 L, useful = 14,078.57 · 24 · 0.001163 = 392.96 kWh. The showers use 12 · 6 · 9 · 365/7 =
    /// 33,788.57 L, 943.11 kWh of electricity: well inside the bill, so nothing is cut (the Stromspiegel share,
    /// 3,000 · (1 − 1,200/1,500) · 0.65 = 390 kWh, cut it to 162.5 kWh before). The bound is the bill's 3,000 kWh ×
    /// 5/12 = 1,250 kWh. The 33.79 m³ are less than twice the 3 · 126 · (0.36 + 0.1) · 365 = 63.47 m³ the averages
    /// give three persons' showers and taps: no flag either.
    @Test func thePublishedShowerExampleKeepsItsFigure() throws {
        let showers = ShowerHabits(perWeek: 9, minutes: 6, flowLitresPerMinute: 12, temperatureC: 36, coldWaterC: 12)
        let advice = try Fixture.advise(
            Fixture.visit(persons: 3, kWh: 3000, hotWater: .electricInstantaneous, showers: showers))
        let m = try #require(advice.measures.first { $0.kind == .showerhead })
        #expect(m.technical.electricityKWh == 392.96)
        #expect(!m.capped)
        guard case .showerhead(let details) = m.details else {
            Issue.record("expected shower details")
            return
        }
        #expect(details.hotWater.usefulKWh == 392.96)
        #expect(details.hotWater.boundKWh == 1250)
        #expect(advice.warnings.allSatisfy { !["hot-water-above-use", "water-use-unusual"].contains($0.code) })
    }

    /// An estimated heating (no bill, gas 114 · 85 = 9,690 kWh) is no bound an average could set: two persons
    /// showering 21 times a week for 10 minutes at 14 → 7 L/min save ΔL = 7 · 10 · 21 · 365/7 = 76,650 L,
    /// 76,650 · 28 · 0.001163 / 0.75 = 3,328.04 kWh of gas, and use twice that, 6,656.08 kWh: inside the 9,690 kWh,
    /// so nothing is cut. But the showers draw 153.3 m³ a year (the water bill says 200), more than twice the
    /// 2 · 126 · (0.36 + 0.1) · 365 = 42.31 m³ the averages give two persons' showers and taps: the advisor is asked
    /// to look again.
    @Test func averagesFlagOutliersButNeverCut() throws {
        let showers = ShowerHabits(perWeek: 21, minutes: 10, flowLitresPerMinute: 14)
        var visit = Fixture.visit(persons: 2, heating: HeatingUse(fuel: .gas), showers: showers, area: 85)
        visit.household.annualWaterM3 = 200
        let advice = try Fixture.advise(visit)
        #expect(advice.heating?.annualKWh == 9690)
        let m = try #require(advice.measures.first { $0.kind == .showerhead })
        #expect(!m.capped)
        #expect(m.technical.heatKWh == 3328.04)
        #expect(m.technical.waterM3 == 76.65)
        let flag = AdviceWarning.waterUseUnusual(usedM3: 153.3, typicalM3: 42.31)
        #expect(advice.warnings.contains(flag))
        #expect(
            flag.inputPaths == [
                "showers.perWeek", "showers.minutes", "showers.flowLitresPerMinute", "taps[].flowLitresPerMinute",
                "taps[].minutesPerDay",
            ])
        #expect(!advice.warnings.contains { ["water-above-use", "hot-water-above-use"].contains($0.code) })
    }

    /// A hot-water figure on the heating bill (own gas bill of 9,000 kWh, of it 1,000 kWh for hot water) is known and
    /// bounds the showers: 14 showers of 10 minutes at 15 → 7 L/min, 40 °C from 10 °C: ΔL = 8 · 10 · 14 · 365/7 =
    /// 58,400 L; 58,400 · 30 · 0.001163 / 0.75 = 2,716.77 kWh. The showers use 2,716.77 · 15/8 = 5,093.94 kWh, more
    /// than the 1,000 kWh of the bill: every figure is cut by 1,000 / 5,093.94, to 1,000 · 8/15 = 533.33 kWh and
    /// 58.4 · 1,000 / 5,093.94 = 11.46 m³. Three persons use 3 · 126 · 365 / 1000 = 137.97 m³ of water, more than the
    /// showers' 109.5 m³: the water bound does not bind.
    @Test func theBillsHotWaterFigureIsABound() throws {
        let showers = ShowerHabits(perWeek: 14, minutes: 10, flowLitresPerMinute: 15, temperatureC: 40)
        let heating = HeatingUse(fuel: .gas, annualKWh: 9000, includesHotWater: true, hotWaterKWh: 1000, billing: .own)
        let advice = try Fixture.advise(Fixture.visit(persons: 3, heating: heating, showers: showers))
        #expect(advice.heating?.hotWaterKWh == 1000)
        #expect(advice.heating?.spaceHeatingKWh == 8000)
        let m = try #require(advice.measures.first { $0.kind == .showerhead })
        #expect(m.capped)
        #expect(m.technical.heatKWh == 533.33)
        #expect(m.technical.waterM3 == 11.46)
        let warning = AdviceWarning.hotWaterAboveUse(usedKWh: 5093.94, availableKWh: 1000, basis: .hotWaterFigure)
        #expect(advice.warnings.contains(warning))
        #expect(
            warning.inputPaths == [
                "showers.perWeek", "showers.minutes", "showers.flowLitresPerMinute", "taps[].flowLitresPerMinute",
                "taps[].minutesPerDay", "heating.hotWaterKWh",
            ])
        #expect(!advice.warnings.contains { $0.code == "water-above-use" })
    }

    /// Water has a bound when nothing is known of the hot water: one person showering 21 times a week for 30 minutes
    /// at 20 → 7 L/min would save ΔL = 13 · 30 · 21 · 365/7 = 427,050 L and use 657,000 L. One person uses
    /// 126 · 365 / 1000 = 45.99 m³ a year: the saving is cut to 45.99 · 13/20 = 29.89 m³, 29.89 · 4.5 = 134.51 €
    /// (technical). With a water bill of 30 m³ the bill is the bound: 30 · 13/20 = 19.5 m³.
    @Test func waterSavingsNeverExceedTheHouseholdsWater() throws {
        let showers = ShowerHabits(perWeek: 21, minutes: 30, flowLitresPerMinute: 20)
        let advice = try Fixture.advise(Fixture.visit(showers: showers))
        let m = try #require(advice.measures.first { $0.kind == .showerhead })
        #expect(m.technical.waterM3 == 29.89)
        #expect(m.technical.savingEUR == 134.51)
        #expect(advice.warnings.contains(.waterAboveUse(usedM3: 657, householdM3: 45.99, fromBill: false)))
        #expect(advice.warnings.contains(.hotWaterSourceUnknown))
        #expect(advice.inputs.contains { $0.path == "waterUse.perPersonLitresPerDay" && $0.value == .number(126) })

        var billed = Fixture.visit(showers: showers)
        billed.household.annualWaterM3 = 30
        let withBill = try Fixture.advise(billed)
        let b = try #require(withBill.measures.first { $0.kind == .showerhead })
        #expect(b.technical.waterM3 == 19.5)
        #expect(withBill.warnings.contains(.waterAboveUse(usedM3: 657, householdM3: 30, fromBill: true)))
    }

    /// Ten 100 W bulbs burning 10 hours would save 10 · 87 · 10 · 365 / 1000 = 3,175.5 kWh of a 500 kWh bill:
    /// the electricity savings are cut to 500 kWh (expected 400 kWh) and the advisor is told.
    @Test func electricitySavingsNeverExceedTheBill() throws {
        let rows = [LightingRow(lamps: 10, watts: 100, technology: .incandescent, hoursPerDay: 10)]
        let advice = try Fixture.advise(Fixture.visit(kWh: 500, lighting: rows))
        let m = try #require(advice.measures.first { $0.kind == .led })
        #expect(m.capped)
        #expect(m.technical.electricityKWh == 500)
        #expect(m.electricityKWh == 400)
        #expect(advice.warnings.contains(.electricitySavingsCapped(technicalKWh: 3175.5, annualKWh: 500)))
    }

    /// All heating savings together stay within the heating. An own gas bill of 3,000 kWh in 10 m²: hot water
    /// 32 · 10 = 320 kWh, space heating 2,680 kWh. 26 °C → 20 °C: 2,680 · 0.06 · 4 = 643.2 kWh; airing
    /// (2,680 − 643.2) · 0.1 = 203.68 kWh; 21 showers of 20 minutes at 25 → 7 L/min use more than the whole bill and
    /// are cut to 3,000 · 18/25 = 2,160 kWh. Together 3,006.88 kWh > 3,000: each is scaled by 3,000 / 3,006.88, the
    /// room temperature to 641.73 kWh.
    @Test func heatingSavingsNeverExceedTheHeating() throws {
        let heating = HeatingUse(
            fuel: .gas, annualKWh: 3000, includesHotWater: true, billing: .own, roomTemperatureC: 26,
            windowsTiltedInWinter: true)
        var visit = Fixture.visit(
            heating: heating, showers: ShowerHabits(perWeek: 21, minutes: 20, flowLitresPerMinute: 25), area: 10)
        visit.household.annualWaterM3 = 600
        let advice = try Fixture.advise(visit)
        #expect(advice.warnings.contains(.heatingSavingsCapped(technicalKWh: 3006.88, annualKWh: 3000)))
        let room = try #require(advice.measures.first { $0.kind == .roomTemperature })
        #expect(room.technical.heatKWh == 641.73)
        #expect(room.capped)
        let technical = advice.measures.reduce(0) { $0 + $1.technical.heatKWh }
        #expect(abs(technical - 3000) < 0.03)
    }

    /// The hot-water part never takes more than half a small bill: 32 · 60 = 1,920 kWh, but only 1,000 · 0.5 = 500.
    @Test func hotWaterNeverTakesMoreThanHalfTheBill() throws {
        let advice = try Fixture.advise(Fixture.visit(heating: Fixture.ownGas(1000, hotWater: true)))
        #expect(advice.heating?.hotWaterKWh == 500)
        #expect(advice.heating?.spaceHeatingKWh == 500)
    }
}
