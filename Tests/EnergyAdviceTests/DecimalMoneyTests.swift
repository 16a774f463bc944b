import EnergyAdvice
import Testing

/// Money rounds as a decimal number, half away from zero (calculation rules, "Notation and rounding"), not as the
/// binary double that happens to hold it.
@Suite("Money in decimal arithmetic")
struct DecimalMoneyTests {
    /// 475 kWh × 30.86 ct = 146.585 €: a half cent, so 146.59 €. As doubles, 475 × 0.3086 = 146.58499999999998 and
    /// rounding that gave 146.58.
    @Test func aHalfCentRoundsAwayFromZero() {
        #expect(DecimalMoney.euros(kWh: 475, ctPerKWh: 30.86) == 146.59)
        #expect(DecimalMoney.cents(475, times: 0.3086) == 146.59)
        #expect(cents(146.585) == 146.59)
        #expect(cents(-146.585) == -146.59)
        #expect(cents(0.125) == 0.13)
        #expect(cents(2.675) == 2.68)
        // Not a tie: the nearest cent either way.
        #expect(cents(146.584) == 146.58)
        #expect(cents(146.5849999) == 146.58)
        #expect(DecimalMoney.euros(kWh: 392.96, ctPerKWh: 41.18) == 161.82)
    }

    /// The same figure through the calculator: the bill of 475 kWh at 30.86 ct/kWh and 120 € a year is
    /// 146.59 + 120 = 266.59 €, and the installment check rests on it (266.59 / 12 = 22.22 → 23 € a month).
    @Test func theBillIsPricedInDecimal() throws {
        let advice = try Fixture.advise(
            Fixture.visit(
                kWh: 475, electricityTariff: PriceOverride(energyPriceCtPerKWh: 30.86, basePriceEURPerYear: 120)))
        #expect(advice.electricity.annualCostEUR == 266.59)
        #expect(advice.installment.electricity.expectedAnnualEUR == 266.59)
        #expect(advice.installment.electricity.recommendedMonthlyEUR == 23)
    }

    /// Values with more decimals than the exact path holds, or beyond 64-bit units, still round (as doubles).
    @Test func figuresBeyondTheExactPathStillRound() {
        #expect(DecimalMoney.cents(1.0 / 3, times: 3) == 1)
        #expect(DecimalMoney.cents(1e14, times: 1e4) == 1e18)
        #expect(cents(.infinity).isInfinite)
    }
}
