import EnergyAdvice
import Testing

/// Rule 1: no saving exceeds the energy it comes from; a cap warns with the inputs that disagree.
@Suite("Bounds of rule 1")
struct SavingBoundsTests {
    /// The Bremen example: 5 persons, 85 m², gas without a bill (114 · 85 = 9,690 kWh, estimated). Hot water
    /// 32 · 85 = 2,720 kWh, showers' share 65 % = 1,768 kWh, of which a head going from 14 to 7 L/min saves at most
    /// half: 884 kWh. The shower as recorded, 25 × 7 min a week at 14 → 7 L/min, 38 °C: 7 · 7 · 25 · 365/7 =
    /// 63,875 L; 63,875 · 28 · 0.001163 / 0.75 = 2,773.37 kWh of gas. Capped at 884 kWh; the water scales with it:
    /// 63.875 · 884 / 2,773.37 = 20.36 m³. The bound rests on an estimated bill, so the saving is an estimate.
    @Test func bremenShowerIsCappedAtTheShowersShareOfHotWater() throws {
        let showers = ShowerHabits(perWeek: 25, minutes: 7, flowLitresPerMinute: 14)
        let advice = try Fixture.advise(
            Fixture.visit(
                persons: 5, benefit: .buergergeld, kWh: 4800,
                heating: HeatingUse(fuel: .gas), showers: showers, area: 85))
        #expect(advice.heating?.annualKWh == 9690)
        #expect(advice.heating?.hotWaterKWh == 2720)
        let m = try #require(advice.measures.first { $0.kind == .showerhead })
        #expect(m.capped)
        #expect(m.technical.heatKWh == 884)
        #expect(m.technical.waterM3 == 20.36)
        #expect(m.heatKWh == 707.2)
        #expect(m.baseline == .estimated)
        let warning = AdviceWarning.showerSavingCapped(
            technicalKWh: 2773.37, boundKWh: 884, source: .heating(.gas),
            estimatedBill: true)
        #expect(advice.warnings.contains(warning))
        #expect(
            warning.inputPaths == [
                "showers.perWeek", "showers.minutes", "showers.flowLitresPerMinute",
                "heating.annualKWh", "household.livingAreaM2",
            ])
        guard case .showerhead(let details) = m.details else {
            Issue.record("expected shower details")
            return
        }
        #expect(details.hotWater.boundKWh == 884)
    }

    /// Electric hot water: the Stromspiegel's averages with and without it (fixture: 1,500 and 1,200 kWh for one
    /// person) put 20 % of the use on water: 2,000 · 0.2 = 400 kWh, 65 % of it for showers = 260 kWh, of which
    /// 15 → 7 L/min saves at most 8/15: 138.67 kWh. Recorded: 14 showers of 10 min, 40 °C: 8 · 10 · 14 · 365/7 =
    /// 58,400 L, 58,400 · 30 · 0.001163 = 2,037.58 kWh. Capped at 138.67 kWh.
    @Test func electricShowerIsCappedAtItsShareOfTheElectricity() throws {
        let showers = ShowerHabits(perWeek: 14, minutes: 10, flowLitresPerMinute: 15, temperatureC: 40)
        let advice = try Fixture.advise(Fixture.visit(kWh: 2000, hotWater: .electricInstantaneous, showers: showers))
        let m = try #require(advice.measures.first { $0.kind == .showerhead })
        #expect(m.technical.electricityKWh == 138.67)
        #expect(
            advice.warnings.contains(
                .showerSavingCapped(
                    technicalKWh: 2037.58, boundKWh: 138.67,
                    source: .electric(.electricInstantaneous), estimatedBill: false)))
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

    /// The hot-water part never takes more than half a small bill: 32 · 60 = 1,920 kWh, but only 1,000 · 0.5 = 500.
    @Test func hotWaterNeverTakesMoreThanHalfTheBill() throws {
        let advice = try Fixture.advise(Fixture.visit(heating: Fixture.ownGas(1000, hotWater: true)))
        #expect(advice.heating?.hotWaterKWh == 500)
        #expect(advice.heating?.spaceHeatingKWh == 500)
    }
}
