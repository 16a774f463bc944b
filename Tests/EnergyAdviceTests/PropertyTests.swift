import EnergyAdvice
import HouseholdGenerator
import Testing

/// Properties that must hold for any valid household, checked on generated ones (a fixed seed keeps runs equal).
@Suite("Properties of the calculation")
struct PropertyTests {
    /// Households for the test city of `Fixture`, which prices gas and district heating.
    static func households(seed: UInt64) -> HouseholdGenerator {
        HouseholdGenerator(city: Fixture.city.id, fuels: [.gas, .district], seed: seed)
    }

    @Test func invariantsHoldForGeneratedHouseholds() throws {
        var households = Self.households(seed: 2026)
        for index in 0..<2000 {
            let generated = households.visit(index)
            let visit = try #require(generated)
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
        var households = Self.households(seed: 7)
        for index in 0..<500 {
            let generated = households.visit(index)
            let base = try #require(generated)
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
