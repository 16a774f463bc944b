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
    /// Minutes per shower, the household's average: an hour at most. About 44 % of people shower 5–10 minutes and
    /// fewer than one in ten longer than 20 (Civey for t-online, 2022): above 30 minutes, minutes and seconds are often
    /// mixed up.
    public static let showerMinutes = Limit(allowed: AllowedRange(above: 0, 60), usual: 1...30)
    /// Flow of a showerhead, L/min, fully open (the jug test). Fittings are classed by their flow at 3 bar: Z up to
    /// 9, A up to 15, S up to 19.8 L/min (SHKwissen, haustechnikdialog.de, "Durchflussklasse"); economy heads give
    /// about 4.5. A household's pressure of up to about 5 bar lifts class S to about 25 L/min, the most a showerhead
    /// gives.
    public static let showerFlowLitresPerMinute = Limit(allowed: AllowedRange(above: 0, 25), usual: 4...20)
    /// Flow of a kitchen or bathroom tap, L/min, fully open: most taps are class A, 15 L/min at 3 bar (the same
    /// source); aerators bring them to 5–8. Above 25 L/min only bath fillers run.
    public static let tapFlowLitresPerMinute = Limit(allowed: AllowedRange(above: 0, 25), usual: 2...15)
    /// Temperature of the mixed shower water, °C: the EU's test of shower mixers takes 38 °C (Delegated Regulation
    /// (EU) 2021/2139, Annex E); below 30 °C a shower is cold, above 45 °C it scalds.
    public static let showerTemperatureC = Limit(allowed: AllowedRange(30, 45), usual: 34...42)
    /// Cold-water temperature, °C: mains water in Germany is about 8–15 °C; drinking-water rules keep cold water
    /// below 25 °C.
    public static let coldWaterC = Limit(allowed: AllowedRange(1, 25), usual: 5...20)
    /// Minutes a day one tap runs: an hour is already a tap left running; more than half an hour is unusual (a warm tap
    /// runs about 3 minutes a day in a 4-person household, Bund der Energieverbraucher).
    public static let tapMinutesPerDay = Limit(allowed: AllowedRange(0, 60), usual: 0...30)
}
