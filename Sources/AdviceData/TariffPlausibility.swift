/// What a hurried city clerk types by mistake: values the schema allows but a real tariff file hardly has.
/// `esp tariffs check` warns about them with file and line; the data is still used.
enum TariffPlausibility {
    /// Gross energy prices of electricity, gas, oil, district heat and pellets lie well inside this; below it a
    /// price in euros was typed where cents belong, above it one per MWh.
    static let energyPriceCt = 5.0...100.0
    /// A yearly base price below this is probably the monthly one.
    static let lowestYearlyBasePriceEUR = 30.0
    /// Drinking water and wastewater together, per m³, in German cities.
    static let waterEURPerM3 = 1.0...12.0
    /// A price announced more than this many days ahead is probably a typo in the year.
    static let futureDays = 365
}
