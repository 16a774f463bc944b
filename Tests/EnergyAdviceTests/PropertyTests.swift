import EnergyAdvice
import Testing

/// Properties that must hold for any valid household, checked on generated ones (a fixed seed keeps runs equal).
@Suite("Properties of the calculation")
struct PropertyTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func household(_ rng: inout SplitMix) -> Visit {
        let heating: HeatingUse? = Bool.random(using: &rng) ? nil : HeatingUse(
            fuel: [.gas, .district][Int.random(in: 0...1, using: &rng)],
            annualKWh: Bool.random(using: &rng) ? nil : Double.random(in: 1000...30000, using: &rng),
            includesHotWater: Bool.random(using: &rng), roomTemperatureC: Double.random(in: 15...30, using: &rng),
            targetTemperatureC: Double.random(in: 17...22, using: &rng), windowsTiltedInWinter: Bool.random(using: &rng),
            monthlyInstallmentEUR: Double.random(in: 0...300, using: &rng))
        var visit = Fixture.visit(
            persons: Int.random(in: 1...12, using: &rng),
            benefit: Benefit.allCases[Int.random(in: 0..<Benefit.allCases.count, using: &rng)],
            kWh: Double.random(in: 100...50000, using: &rng),
            hotWater: HotWaterSystem.allCases[Int.random(in: 0..<3, using: &rng)],
            heating: heating,
            lighting: (0..<Int.random(in: 0...5, using: &rng)).map { _ in
                LightingRow(lamps: Int.random(in: 1...20, using: &rng), watts: Double.random(in: 1...500, using: &rng),
                            technology: LampTechnology.allCases[Int.random(in: 0..<4, using: &rng)],
                            hoursPerDay: Double.random(in: 0...24, using: &rng))
            },
            appliances: [
                .cooling(CoolingAppliance(kind: CoolingKind.allCases[Int.random(in: 0..<3, using: &rng)],
                                          ageYears: Bool.random(using: &rng) ? nil : Int.random(in: 0...40, using: &rng),
                                          annualKWh: Bool.random(using: &rng) ? nil : Double.random(in: 50...1500, using: &rng))),
                .standby(StandbyDevice(watts: Double.random(in: 0.1...100, using: &rng), hoursPerDay: Double.random(in: 0...24, using: &rng))),
            ],
            showers: Bool.random(using: &rng) ? nil : ShowerHabits(
                perWeek: Double.random(in: 0...60, using: &rng), minutes: Double.random(in: 1...30, using: &rng),
                flowLitresPerMinute: Double.random(in: 3...25, using: &rng), temperatureC: Double.random(in: 20...60, using: &rng),
                coldWaterC: Double.random(in: 0...30, using: &rng)),
            payer: Bool.random(using: &rng) ? nil : Payer.allCases[Int.random(in: 0..<4, using: &rng)])
        visit.electricity.monthlyInstallmentEUR = Bool.random(using: &rng) ? nil : Double.random(in: 0...500, using: &rng)
        return visit
    }

    @Test func invariantsHoldForGeneratedHouseholds() throws {
        var rng = SplitMix(state: 2026)
        for _ in 0..<2000 {
            let visit = Self.household(&rng)
            let advice = try Fixture.advise(visit)
            for m in advice.measures {
                #expect(m.electricityKWh >= 0 && m.heatKWh >= 0 && m.waterM3 >= 0 && m.savingEUR >= 0 && m.co2Kg >= 0,
                        "negative saving in \(m.kind) of \(visit)")
                #expect(cents(m.split.total) == m.savingEUR, "split of \(m.kind) does not add up")
                if let payback = m.paybackMonths { #expect(payback >= 0) }
            }
            let chosen = advice.measures.filter(\.recommended)
            let t = advice.totals
            #expect(t.savingEUR == cents(chosen.reduce(0) { $0 + $1.savingEUR }))
            #expect(t.electricityKWh == cents(chosen.reduce(0) { $0 + $1.electricityKWh }))
            #expect(t.heatKWh == cents(chosen.reduce(0) { $0 + $1.heatKWh }))
            #expect(abs(t.householdEUR + t.publicEUR + t.landlordEUR - t.savingEUR) < 0.015)
            #expect(advice.installment.electricity.recommendedMonthlyEUR * 12 >= advice.installment.electricity.expectedAnnualEUR)
        }
    }

    /// More lamp hours or a stronger shower flow never lowers a saving.
    @Test func moreUseNeverSavesLess() throws {
        var rng = SplitMix(state: 7)
        for _ in 0..<500 {
            let base = Self.household(&rng)
            var more = base
            more.lighting = base.lighting.map { row in
                var r = row
                r.hoursPerDay = min(24, row.hoursPerDay + 1)
                return r
            }
            if var showers = base.showers {
                showers.flowLitresPerMinute = min(60, showers.flowLitresPerMinute + 2)
                more.showers = showers
            }
            let a = try Fixture.advise(base)
            let b = try Fixture.advise(more)
            for kind in [MeasureKind.led, .showerhead] {
                let before = a.measures.filter { $0.kind == kind }.reduce(0) { $0 + $1.savingEUR }
                let after = b.measures.filter { $0.kind == kind }.reduce(0) { $0 + $1.savingEUR }
                #expect(after >= before - 0.011, "\(kind) saved less with more use")
            }
        }
    }
}
