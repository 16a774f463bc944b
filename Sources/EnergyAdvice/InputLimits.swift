/// What esp accepts and what it calls usual, in one table for the visit format (``VisitRules``), the questionnaire's
/// warnings and `esp tariffs check`.
///
/// A value outside ``Limit/allowed`` is one no household or tariff has (a physical limit, or a unit typed wrong) and is
/// refused with the allowed range; one outside ``Limit/usual`` is legal but worth a second look and gets a warning.
public enum InputLimits {
    /// An allowed range and the usual part of it.
    public struct Limit: Sendable, Equatable {
        /// Refused outside.
        public let allowed: AllowedRange
        /// A warning outside.
        public let usual: ClosedRange<Double>

        /// A limit; `usual` lies inside `allowed`.
        public init(allowed: AllowedRange, usual: ClosedRange<Double>) {
            self.allowed = allowed
            self.usual = usual
        }

        /// True for a value outside ``usual`` (whether allowed or not).
        public func isUnusual(_ value: Double) -> Bool { !usual.contains(value) }
    }

    // MARK: Prices

    /// Gross energy prices of a tariff or a bill, ct/kWh, for every carrier. No tariff comes near the ends: below 1 ct
    /// euros were typed as cents (0.3952 € are 39.52 ct), above 200 ct a price per MWh.
    public static let energyPriceCt = AllowedRange(1, 200)
    /// Electricity for a household (basic supply, contracts, heat-pump and night-storage tariffs): about 20–45 ct/kWh
    /// since 2023.
    public static let electricityPriceCt = Limit(allowed: energyPriceCt, usual: 15...100)
    /// Heating fuels: pellets and oil about 6–10, gas 10–15, district heating 10–20, heat-pump and storage power
    /// 20–30 ct/kWh.
    public static let heatingPriceCt = Limit(allowed: energyPriceCt, usual: 3...100)
    /// Base prices, €/year: 0 where a tariff has none (oil, pellets). Basic supply costs about 100–250 € a year; a
    /// yearly figure below 24 € (2 € a month) is the monthly one typed as yearly (``lowestYearlyBasePriceEUR``).
    public static let basePriceEUR = Limit(allowed: AllowedRange(0, 5_000), usual: 60...600)
    /// The lowest yearly base price a tariff other than "none" (0) can have, €/year.
    public static let lowestYearlyBasePriceEUR = 24.0
    /// Drinking water and wastewater together, €/m³: German cities charge about 3–7 €/m³.
    public static let waterEURPerM3 = Limit(allowed: AllowedRange(above: 0, 50), usual: 1...12)
    /// A price announced more than this many days ahead is probably a typo in the year.
    public static let futurePriceDays = 365

    // MARK: Showers and taps

    /// Showers a week per person: more than three a day nobody takes; more than two a day is unusual.
    public static let showersPerPersonPerWeek = Limit(allowed: AllowedRange(0, 21), usual: 0...14)
    /// Showers a week of the whole household, whatever its size (12 persons at most, and a format bound).
    public static let showersPerWeek = AllowedRange(0, 200)
    /// Minutes per shower: the average shower of a household, an hour at most; above 20 minutes minutes and seconds are
    /// often mixed up.
    public static let showerMinutes = Limit(allowed: AllowedRange(above: 0, 60), usual: 1...20)
    /// Flow of a showerhead or a tap, L/min, fully open: a household's water pipe at 3–4 bar delivers at most about
    /// 30 L/min through one outlet; economy heads give about 5, old rain heads 20–25.
    public static let flowLitresPerMinute = Limit(allowed: AllowedRange(above: 0, 30), usual: 4...25)
    /// Shower temperature, °C: below 25 °C nobody showers warm, above 50 °C water scalds the skin within seconds.
    public static let showerTemperatureC = Limit(allowed: AllowedRange(25, 50), usual: 34...42)
    /// Cold-water temperature, °C: mains water in Germany is about 8–15 °C; drinking-water rules keep cold water
    /// below 25 °C.
    public static let coldWaterC = Limit(allowed: AllowedRange(1, 25), usual: 5...20)
    /// Minutes a day one tap runs: two hours is already a tap left running; more than half an hour is unusual.
    public static let tapMinutesPerDay = Limit(allowed: AllowedRange(0, 120), usual: 0...30)
}
