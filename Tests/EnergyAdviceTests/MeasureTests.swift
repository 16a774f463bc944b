import EnergyAdvice
import Testing

@Suite("Measures against hand-computed cases")
struct MeasureTests {
    /// Data sheet: 1 °C lower at 10,850 kWh gas and 15.89 ct → 10,850 · 0.06 = 651 kWh; 651 · 0.1589 = 103.4439 → 103.44 €.
    @Test func roomTemperatureWorkedExample() throws {
        let heating = HeatingUse(fuel: .gas, annualKWh: 10_850, includesHotWater: false, roomTemperatureC: 21,
                                 targetTemperatureC: 20, tariff: PriceOverride(energyPriceCtPerKWh: 15.89, basePriceEURPerYear: 0))
        let advice = try Fixture.advise(Fixture.visit(heating: heating))
        let m = try #require(advice.measures.first { $0.kind == .roomTemperature })
        #expect(m.heatKWh == 651)
        #expect(m.savingEUR == 103.44)
        #expect(m.electricityKWh == 0)
        // 651 kWh · 0.2 kg/kWh (fixture gas factor) = 130.2 kg
        #expect(m.co2Kg == 130.2)
    }

    /// 6 K above target is capped at 4 K: 10,850 · 0.06 · 4 = 2,604 kWh.
    @Test func roomTemperatureIsCappedAtFourKelvin() throws {
        let heating = HeatingUse(fuel: .gas, annualKWh: 10_850, includesHotWater: false, roomTemperatureC: 26)
        let m = try #require(try Fixture.advise(Fixture.visit(heating: heating)).measures.first { $0.kind == .roomTemperature })
        #expect(m.heatKWh == 2_604)
        // 2,604 · 0.1172 = 305.1888 → 305.19 €
        #expect(m.savingEUR == 305.19)
    }

    /// Data sheet: 3 persons × 3 showers × 6 min, 12 → 7 L/min, 12 → 36 °C.
    /// ΔL = 5 · 6 · 9 · 365/7 = 14,078.57 L; useful = 14,078.57 · 24 · 0.001163 = 392.96 kWh
    /// (the sheet's ≈ 391 kWh counts 52 weeks); water 14.08 m³.
    @Test func showerheadWorkedExample() throws {
        let showers = ShowerHabits(perWeek: 9, minutes: 6, flowLitresPerMinute: 12, temperatureC: 36, coldWaterC: 12)
        let advice = try Fixture.advise(Fixture.visit(persons: 3, kWh: 3000, hotWater: .electricInstantaneous, showers: showers))
        let m = try #require(advice.measures.first { $0.kind == .showerhead })
        #expect(m.electricityKWh == 392.96)
        #expect(abs(m.electricityKWh - 391) / 391 < 0.01)
        #expect(m.waterM3 == 14.08)
        // 392.96 · 0.4118 = 161.82 €; 14.08 · 4.5 = 63.36 €; together 225.18 €, all for the household
        #expect(m.savingEUR == 225.18)
        #expect(m.split == [.household: 225.18])
    }

    /// With an electric boiler the same useful heat costs 392.961 / 0.85 = 462.31 kWh of electricity.
    @Test func showerheadWithBoilerUsesItsEfficiency() throws {
        let showers = ShowerHabits(perWeek: 9, minutes: 6, flowLitresPerMinute: 12, temperatureC: 36, coldWaterC: 12)
        let m = try #require(try Fixture.advise(Fixture.visit(persons: 3, kWh: 3000, hotWater: .electricBoiler, showers: showers))
            .measures.first { $0.kind == .showerhead })
        #expect(m.electricityKWh == 462.31)
    }

    /// Hot water from gas heating: 392.961 / 0.75 = 523.95 kWh gas, paid by the jobcenter for Bürgergeld;
    /// water 14.08 m³ · 4.5 = 63.36 € stays with the household.
    @Test func showerheadOnGasSplitsBetweenJobcenterAndHousehold() throws {
        let showers = ShowerHabits(perWeek: 9, minutes: 6, flowLitresPerMinute: 12, temperatureC: 36, coldWaterC: 12)
        let heating = HeatingUse(fuel: .gas, annualKWh: 9000)
        let m = try #require(try Fixture.advise(Fixture.visit(persons: 3, benefit: .buergergeld, kWh: 3000, heating: heating, showers: showers))
            .measures.first { $0.kind == .showerhead })
        #expect(m.heatKWh == 523.95)
        #expect(m.electricityKWh == 0)
        // 523.95 · 0.1172 = 61.407 → 61.41 €
        #expect(m.split == [.household: 63.36, .jobcenter: 61.41])
        #expect(m.savingEUR == 124.77)
        #expect(m.beneficiary == .household)
    }

    @Test func showerheadNotOfferedAtNineLitres() throws {
        let showers = ShowerHabits(perWeek: 9, minutes: 6, flowLitresPerMinute: 9)
        #expect(try Fixture.advise(Fixture.visit(showers: showers)).measures.allSatisfy { $0.kind != .showerhead })
    }

    /// Data sheet: fridge-freezer 556 → 170 kWh at 20 ct: 386 kWh, 77.20 €.
    @Test func fridgeFreezerWorkedExample() throws {
        let device = CoolingAppliance(kind: .fridgeFreezer, ageYears: 35, annualKWh: 556, replacementAnnualKWh: 170)
        let advice = try Fixture.advise(Fixture.visit(electricityTariff: PriceOverride(energyPriceCtPerKWh: 20, basePriceEURPerYear: 0),
                                                      appliances: [.cooling(device)]))
        let m = try #require(advice.measures.first { $0.kind == .fridgeReplacement })
        #expect(m.electricityKWh == 386)
        #expect(m.savingEUR == 77.20)
        #expect(m.recommended)
        // Older than 10 years and ≥ 200 kWh saved: 100 € voucher; payback 12 · (600 − 100) / 77.20 = 77.72 months
        #expect(m.voucherEUR == 100)
        #expect(m.investmentEUR == 600)
        #expect(m.paybackMonths == 77.72)
    }

    /// Measured 0.95 kWh/day · 365 = 346.75 kWh against a new fridge of 110 kWh: 236.75 kWh.
    @Test func fridgeFromPlugMeterReading() throws {
        let device = CoolingAppliance(kind: .fridge, ageYears: 20, measuredKWhPerDay: 0.95)
        let m = try #require(try Fixture.advise(Fixture.visit(appliances: [.cooling(device)])).measures.first)
        #expect(m.electricityKWh == 236.75)
        #expect(m.recommended)
    }

    /// Unknown consumption, 8 years old: reference 160 kWh − 110 kWh = 50 kWh, below the 200 kWh threshold.
    @Test func youngFridgeIsNotRecommendedAndEstimateIsRecorded() throws {
        let device = CoolingAppliance(kind: .fridge, ageYears: 8)
        let advice = try Fixture.advise(Fixture.visit(appliances: [.cooling(device)]))
        let m = try #require(advice.measures.first)
        #expect(m.electricityKWh == 50)
        #expect(!m.recommended)
        #expect(m.voucherEUR == 0)
        #expect(advice.inputs.contains { $0.path == "appliances[0].annualKWh" && $0.value == .number(160) && $0.kind == .estimate })
        #expect(advice.totals.electricityKWh == 0)
    }

    /// Data sheet: an old hi-fi at 15 W × 22 h/day = 120.45 kWh ≈ 120 kWh.
    @Test func standbyWorkedExample() throws {
        let advice = try Fixture.advise(Fixture.visit(appliances: [.standby(StandbyDevice(label: "Hi-Fi", watts: 15, hoursPerDay: 22))]))
        let m = try #require(advice.measures.first { $0.kind == .standby })
        #expect(m.electricityKWh == 120.45)
        // 120.45 · 0.4118 = 49.60 €; strip 12 € → payback 12 · 12 / 49.60 = 2.90 months
        #expect(m.savingEUR == 49.60)
        #expect(m.paybackMonths == 2.90)
    }

    /// 3 × 60 W incandescent, 4 h/day: 3 · (60 − 7.8) · 4 · 365 / 1000 = 228.636 → 228.64 kWh.
    @Test func ledReplacesIncandescent() throws {
        let rows = [LightingRow(room: "Küche", lamps: 3, watts: 60, technology: .incandescent, hoursPerDay: 4),
                    LightingRow(lamps: 2, watts: 9, technology: .led, hoursPerDay: 4),
                    LightingRow(lamps: 1, watts: 40, technology: .halogen, hoursPerDay: 0)]
        let advice = try Fixture.advise(Fixture.visit(lighting: rows))
        let leds = advice.measures.filter { $0.kind == .led }
        #expect(leds.count == 1)
        let m = try #require(leds.first)
        #expect(m.electricityKWh == 228.64)
        // 228.64 · 0.4118 = 94.15 €; 3 lamps · 4 € = 12 €
        #expect(m.savingEUR == 94.15)
        #expect(m.investmentEUR == 12)
        #expect(m.detail("room") == .text("Küche"))
    }

    /// Tilted windows: space heat = 10,000 · (1 − 0.18) = 8,200 kWh; 10 % of it = 820 kWh.
    @Test func ventilationUsesSpaceHeatingOnly() throws {
        let heating = HeatingUse(fuel: .gas, annualKWh: 10_000, includesHotWater: true, windowsTiltedInWinter: true)
        let m = try #require(try Fixture.advise(Fixture.visit(heating: heating)).measures.first { $0.kind == .ventilation })
        #expect(m.heatKWh == 820)
        // 820 · 0.1172 = 96.10 €
        #expect(m.savingEUR == 96.10)
    }

    /// Basic supply 41.18 ct against 30.86 ct + 168 €: (41.18 − 30.86)/100 · 2,600 − 168 = 100.32 €.
    @Test func tariffSwitchComparesWholeYearCost() throws {
        let advice = try Fixture.advise(Fixture.visit(persons: 2, kWh: 2600))
        let m = try #require(advice.measures.first { $0.kind == .tariffSwitch })
        #expect(m.savingEUR == 100.32)
        #expect(m.electricityKWh == 0)
        #expect(m.co2Kg == 0)
        #expect(m.detail("tariff") == .text("cheap"))
    }

    /// At 1,000 kWh the base price eats the saving: 103.20 − 168 < 0, so no switch is offered.
    @Test func tariffSwitchNotOfferedWhenDearer() throws {
        let advice = try Fixture.advise(Fixture.visit(kWh: 1000))
        #expect(!advice.measures.contains { $0.kind == .tariffSwitch })
    }
}
