/// Where a figure was published.
///
/// A class: every figure of the reference data carries its source, and sharing one instance keeps copying a
/// figure to a single reference count instead of five strings.
public final class Source: Sendable, Hashable, CustomStringConvertible {
    /// The id the data files cite it by (`source="…"`); unique within a file.
    public let id: String
    /// Who published the figure: an agency, a consumer centre, a supplier, or esp for its own estimates.
    public let publisher: String
    /// The document and the figures taken from it, precise enough to find them again.
    public let document: String
    /// The year of publication, or of esp's estimate.
    public let year: Int
    /// False for secondary copies and estimates that still wait for the primary document.
    public let confirmed: Bool
    /// What is still to be checked, or how the figure was derived; nil when nothing needs saying.
    public let note: String?

    /// A source as a data file declares it in `<sources>`.
    public init(id: String, publisher: String, document: String, year: Int, confirmed: Bool, note: String? = nil) {
        self.id = id
        self.publisher = publisher
        self.document = document
        self.year = year
        self.confirmed = confirmed
        self.note = note
    }

    /// Equal by content. Figures share one instance per source, so most comparisons end at the identity check.
    public static func == (a: Source, b: Source) -> Bool {
        a === b
            || (a.id == b.id && a.publisher == b.publisher && a.document == b.document && a.year == b.year
                && a.confirmed == b.confirmed && a.note == b.note)
    }

    /// Hashes the id and year only: equal sources agree on both, and hashing stays cheap.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(year)
    }

    /// "Publisher, document (year)", as the small print of a sheet cites it.
    public var description: String { "\(publisher), \(document) (\(year))" }
}

/// A figure together with its source.
public struct Sourced<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The figure, in the unit that the name of the property holding it states.
    public var value: Value
    /// Where the figure was published.
    public var source: Source

    /// Pairs a figure with its source.
    public init(_ value: Value, _ source: Source) {
        self.value = value
        self.source = source
    }
}

/// The national reference data: CO2 factors, benchmarks, device values, rules of thumb, realisation factors
/// and prices.
///
/// Every constant of the calculation rules lives here, with its source, so no figure is hidden in code.
public struct ReferenceData: Sendable, Equatable {
    /// The first day the national figures apply (`<reference validFrom>`).
    public var validFrom: CalendarDate
    /// The date by which the maintainers review the file again; advice after it warns, and warns from
    /// ``PlausibilityLimits/expiryWarningDays`` before it.
    public var validUntil: CalendarDate
    /// Whether the CO2 factors count the upstream chain (extraction, transport); shown on every sheet.
    public var co2IncludesUpstream: Bool
    /// kg CO2 equivalents per kWh of each carrier (`<co2>`); a city file may override one (district heating, mostly).
    public var co2Factors: [EnergyCarrier: Sourced<Double>]
    /// The Stromspiegel rows: 1…5 persons × flat or house × with or without electric hot water, 20 in all.
    public var electricityBenchmarks: [ElectricityBenchmarkTable]
    /// Average heating kWh per m² and year by fuel, of flats in multi-family houses; houses too where
    /// ``houseHeatingAverageKWhPerM2`` has no value.
    public var heatingAverageKWhPerM2: [HeatingFuel: Sourced<Double>]
    /// Average heating kWh per m² and year of houses (Ein- und Zweifamilienhäuser), where the Heizspiegel gives one.
    public var houseHeatingAverageKWhPerM2: [HeatingFuel: Sourced<Double>]
    /// Consumption of old cooling appliances by age and of a new one, per kind (`<cooling>`).
    public var cooling: [CoolingKind: CoolingReference]
    /// An LED's watts as a share of the old lamp's watts for the same light.
    public var ledShare: [LampTechnology: Sourced<Double>]
    /// When a showerhead is worth replacing, and the flow of an efficient one.
    public var shower: ShowerReference
    /// When a tap is worth an aerator, the aerator's flow, and how long taps run.
    public var tap: TapReference
    /// The energy that heats water, its part of a heating bill, and who uses it (rule 1).
    public var hotWater: HotWaterReference
    /// Rules of thumb for room temperature and airing, and the band of an average heating.
    public var heating: HeatingReference
    /// The share of a centrally heated building's heating and hot-water bill that follows each flat's use, when
    /// neither the visit nor the city says.
    public var consumptionShare: Sourced<Double>
    /// Expected share of each measure's technical saving that households realise (rules v2, rule 2).
    public var realisation: [MeasureKind: RealisationFactor]
    /// What the household pays for an item in a shop.
    public var retailPrices: [KitItem: Sourced<Double>]
    /// What a programme pays for an item it hands out, unless the city says otherwise.
    public var kitPrices: [KitItem: Sourced<Double>]
    /// The national fridge-voucher rule (Stromspar-Check). Its minimum saving also decides whether a new fridge is
    /// advised, in cities that pay no voucher too.
    public var fridgeVoucher: VoucherRule
    /// Limits beyond which a legal input is probably a typo and the advisor is warned.
    public var plausibility: PlausibilityLimits
    /// Drinking water a person uses a day, litres: persons × this bounds what showers and taps use when the visit has
    /// no water bill (rule 1). Nil: no bound without a bill.
    public var waterUsePerPersonLitresPerDay: Sourced<Double>?
    /// The parts of that water that showers and taps typically use: flags for the advisor, never bounds.
    public var waterUseShares: WaterUseShares?
    /// How long each item lasts: a step the household pays for is recommended only when it pays back within it.
    public var lifetimes: [LifetimeItem: ItemLifetime]
    /// Weeks of notice to leave a supply, where the law sets them (basic supply: 2 weeks, StromGVV § 20; replacement
    /// supply: none, it ends when a contract begins, EnWG § 38). A contract's own notice is in the contract.
    public var noticeWeeks: [SupplyKind: Sourced<Double>]

    /// The national figures as the loader read them from `reference.xml`; ranges and completeness are checked there,
    /// not here.
    public init(
        validFrom: CalendarDate, validUntil: CalendarDate, co2IncludesUpstream: Bool,
        co2Factors: [EnergyCarrier: Sourced<Double>], electricityBenchmarks: [ElectricityBenchmarkTable],
        heatingAverageKWhPerM2: [HeatingFuel: Sourced<Double>], cooling: [CoolingKind: CoolingReference],
        ledShare: [LampTechnology: Sourced<Double>], shower: ShowerReference, tap: TapReference,
        hotWater: HotWaterReference, heating: HeatingReference, consumptionShare: Sourced<Double>,
        realisation: [MeasureKind: RealisationFactor], retailPrices: [KitItem: Sourced<Double>],
        kitPrices: [KitItem: Sourced<Double>], fridgeVoucher: VoucherRule, plausibility: PlausibilityLimits,
        waterUsePerPersonLitresPerDay: Sourced<Double>? = nil, lifetimes: [LifetimeItem: ItemLifetime] = [:],
        houseHeatingAverageKWhPerM2: [HeatingFuel: Sourced<Double>] = [:],
        noticeWeeks: [SupplyKind: Sourced<Double>] = [:], waterUseShares: WaterUseShares? = nil
    ) {
        self.noticeWeeks = noticeWeeks
        self.waterUseShares = waterUseShares
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.co2IncludesUpstream = co2IncludesUpstream
        self.co2Factors = co2Factors
        self.electricityBenchmarks = electricityBenchmarks
        self.heatingAverageKWhPerM2 = heatingAverageKWhPerM2
        self.cooling = cooling
        self.ledShare = ledShare
        self.shower = shower
        self.tap = tap
        self.hotWater = hotWater
        self.heating = heating
        self.consumptionShare = consumptionShare
        self.realisation = realisation
        self.retailPrices = retailPrices
        self.kitPrices = kitPrices
        self.fridgeVoucher = fridgeVoucher
        self.plausibility = plausibility
        self.waterUsePerPersonLitresPerDay = waterUsePerPersonLitresPerDay
        self.lifetimes = lifetimes
        self.houseHeatingAverageKWhPerM2 = houseHeatingAverageKWhPerM2
    }

    /// The Heizspiegel average for a fuel and dwelling: a house's own value where there is one, else the flats'.
    public func heatingAverage(_ fuel: HeatingFuel, dwelling: Dwelling) -> Sourced<Double>? {
        (dwelling == .house ? houseHeatingAverageKWhPerM2[fuel] : nil) ?? heatingAverageKWhPerM2[fuel]
    }
}

/// The things whose lifetime decides whether a step pays: the kit's items and new cooling appliances.
public enum LifetimeItem: String, Sendable, CaseIterable {
    /// `led-lamp`, `switchable-strip`, `showerhead`, `tap-aerator` (the kit) and `fridge`, `fridge-freezer`, `freezer`
    /// (a new device).
    case ledLamp = "led-lamp"
    case switchableStrip = "switchable-strip"
    case showerhead
    case tapAerator = "tap-aerator"
    case fridge
    case fridgeFreezer = "fridge-freezer"
    case freezer

    /// The item a kit item is.
    public init(_ item: KitItem) {
        switch item {
        case .ledLamp: self = .ledLamp
        case .switchableStrip: self = .switchableStrip
        case .showerhead: self = .showerhead
        case .tapAerator: self = .tapAerator
        }
    }

    /// The new device of a cooling kind.
    public init(_ kind: CoolingKind) {
        switch kind {
        case .fridge: self = .fridge
        case .fridgeFreezer: self = .fridgeFreezer
        case .freezer: self = .freezer
        }
    }
}

/// How long an item lasts: years, or burning hours (a lamp), which last longer the less it burns, up to a horizon.
public struct ItemLifetime: Sendable, Equatable {
    /// Years of use; nil for an item rated in burning hours.
    public var years: Sourced<Double>?
    /// Burning hours (a lamp's rated life); nil for an item rated in years.
    public var hours: Sourced<Double>?
    /// The most years counted for an item rated in hours, however little it burns.
    public var maxYears: Double?

    /// An item that lasts `years`.
    public init(years: Sourced<Double>) {
        self.years = years
        self.hours = nil
        self.maxYears = nil
    }

    /// An item that lasts `hours` of burning, at most `maxYears`.
    public init(hours: Sourced<Double>, maxYears: Double) {
        self.years = nil
        self.hours = hours
        self.maxYears = maxYears
    }

    /// Years of use at `hoursPerDay` of burning (ignored for an item rated in years).
    public func years(hoursPerDay: Double?) -> Double {
        if let years { return years.value }
        guard let hours, let maxYears else { return 0 }
        guard let perDay = hoursPerDay, perDay > 0 else { return maxYears }
        return min(maxYears, hours.value / (perDay * 365))
    }

    /// The figure's source.
    public var source: Source? { years?.source ?? hours?.source }
}

/// The share of a measure's technical saving that households realise: a likely value for the advice and a
/// low–high range.
public struct RealisationFactor: Sendable, Equatable {
    /// The share realised in a poor case: the lower end of the range the advice shows.
    public var low: Double
    /// The share households typically realise: expected = technical × likely.
    public var likely: Double
    /// The share realised in a good case: the upper end of the range.
    public var high: Double
    /// A programme evaluation, or esp's calibration marked as such.
    public var source: Source

    /// Shares of the technical saving, 0…1, with low ≤ likely ≤ high (checked by the loader).
    public init(low: Double, likely: Double, high: Double, source: Source) {
        self.low = low
        self.likely = likely
        self.high = high
        self.source = source
    }
}

/// One Stromspiegel table row: class bounds for a household size, dwelling and hot-water kind.
public struct ElectricityBenchmarkTable: Sendable, Equatable {
    /// 1…5, where 5 stands for five or more.
    public var persons: Int
    /// Flat or house: the Stromspiegel compares them apart.
    public var dwelling: Dwelling
    /// Whether the row is for households that heat water with electricity.
    public var electricHotWater: Bool
    /// Upper bounds of the classes A…F in kWh/year; above the last is G.
    public var classUpperKWh: [Double]
    /// The average use of such households in kWh/year; the household is compared with it.
    public var averageKWh: Double
    /// The Stromspiegel edition, or esp's correction of a mistyped row.
    public var source: Source

    /// One row of `<electricityBenchmark>`: six rising bounds and the average.
    public init(
        persons: Int, dwelling: Dwelling, electricHotWater: Bool, classUpperKWh: [Double],
        averageKWh: Double, source: Source
    ) {
        self.persons = persons
        self.dwelling = dwelling
        self.electricHotWater = electricHotWater
        self.classUpperKWh = classUpperKWh
        self.averageKWh = averageKWh
        self.source = source
    }

    /// The class letters A…G.
    public static let classLetters = ["A", "B", "C", "D", "E", "F", "G"]
}

/// Consumption of an old cooling appliance by age, and of a new one.
public struct CoolingReference: Sendable, Equatable {
    /// Bands by age, sorted; the first band whose `belowAgeYears` is above the age applies, nil = open end.
    public var byAge: [AgeBand]
    /// Used when the age is unknown.
    public var unknownAgeKWh: Sourced<Double>
    /// kWh/year of a new device of this kind, when the visit names no replacement.
    public var newDeviceKWh: Sourced<Double>
    /// What a new device of this kind costs the household, in euros.
    public var newDevicePriceEUR: Sourced<Double>

    /// The typical consumption of appliances younger than a given age.
    public struct AgeBand: Sendable, Equatable {
        /// The band holds appliances younger than this many years; nil for the oldest, open-ended band.
        public var belowAgeYears: Int?
        /// Typical kWh/year of an appliance in this band.
        public var annualKWh: Sourced<Double>

        /// A band of `<cooling><age belowYears annualKWh>`.
        public init(belowAgeYears: Int?, annualKWh: Sourced<Double>) {
            self.belowAgeYears = belowAgeYears
            self.annualKWh = annualKWh
        }
    }

    /// One `<cooling kind>` element of the reference file.
    public init(
        byAge: [AgeBand], unknownAgeKWh: Sourced<Double>, newDeviceKWh: Sourced<Double>,
        newDevicePriceEUR: Sourced<Double>
    ) {
        self.byAge = byAge
        self.unknownAgeKWh = unknownAgeKWh
        self.newDeviceKWh = newDeviceKWh
        self.newDevicePriceEUR = newDevicePriceEUR
    }

    /// The reference consumption for an appliance of this age.
    public func estimate(ageYears: Int?) -> Sourced<Double> {
        guard let age = ageYears else { return unknownAgeKWh }
        return byAge.first { band in band.belowAgeYears.map { age < $0 } ?? true }?.annualKWh ?? unknownAgeKWh
    }
}

/// When a showerhead is worth replacing, and what replaces it (Bund der Energieverbraucher).
public struct ShowerReference: Sendable, Equatable {
    /// A head above this flow is worth replacing.
    public var replaceAboveLitresPerMinute: Sourced<Double>
    /// The flow of the efficient head the advice counts with, L/min.
    public var efficientLitresPerMinute: Sourced<Double>

    /// The `<shower>` element; the efficient flow lies below the threshold (checked by the loader).
    public init(replaceAboveLitresPerMinute: Sourced<Double>, efficientLitresPerMinute: Sourced<Double>) {
        self.replaceAboveLitresPerMinute = replaceAboveLitresPerMinute
        self.efficientLitresPerMinute = efficientLitresPerMinute
    }
}

/// When a tap is worth an aerator, and the figures of its saving.
public struct TapReference: Sendable, Equatable {
    /// A tap above this flow is worth an aerator.
    public var replaceAboveLitresPerMinute: Sourced<Double>
    /// The flow through the aerator the advice counts with, L/min.
    public var aeratorLitresPerMinute: Sourced<Double>
    /// The temperature of the mixed water that runs from a tap.
    public var mixedWaterTemperatureC: Sourced<Double>
    /// How long a tap runs a day, when the advisor does not know.
    public var minutesPerDay: [TapRoom: Sourced<Double>]

    /// The `<tap>` element; the aerator's flow lies below the threshold (checked by the loader).
    public init(
        replaceAboveLitresPerMinute: Sourced<Double>, aeratorLitresPerMinute: Sourced<Double>,
        mixedWaterTemperatureC: Sourced<Double>, minutesPerDay: [TapRoom: Sourced<Double>]
    ) {
        self.replaceAboveLitresPerMinute = replaceAboveLitresPerMinute
        self.aeratorLitresPerMinute = aeratorLitresPerMinute
        self.mixedWaterTemperatureC = mixedWaterTemperatureC
        self.minutesPerDay = minutesPerDay
    }
}

/// How much energy heats the household's water, and who uses it (rules v2, rule 1).
public struct HotWaterReference: Sendable, Equatable {
    /// kWh to warm one litre of water by one kelvin (1.163 Wh).
    public var kWhPerLitreKelvin: Sourced<Double>
    /// Per heating fuel: the hot-water part of a heating that also makes hot water, and how much of the fuel
    /// reaches the tap as heat.
    public var central: [HeatingFuel: CentralHotWater]
    /// How much of the electricity reaches the tap as heat, per electric system.
    public var electricEfficiency: [HotWaterSystem: Sourced<Double>]
    /// The hot-water part never takes more than this share of a heating bill.
    public var maxShareOfHeating: Sourced<Double>
    /// The shares of the hot water that showers and taps use.
    public var showerShare: Sourced<Double>
    /// The share of the hot water that taps (kitchen sink, wash basin) use.
    public var tapShare: Sourced<Double>

    /// The hot water a heating makes, for one fuel.
    public struct CentralHotWater: Sendable, Equatable {
        /// Fuel kWh for hot water per m² of living area and year.
        public var kWhPerM2: Sourced<Double>
        /// Heat at the tap per kWh of fuel.
        public var efficiency: Sourced<Double>

        /// An `<areaRule>` and an `<efficiency>` of the same fuel.
        public init(kWhPerM2: Sourced<Double>, efficiency: Sourced<Double>) {
            self.kWhPerM2 = kWhPerM2
            self.efficiency = efficiency
        }
    }

    /// The `<hotWater>` element; the shower and tap shares add up to at most 1 (checked by the loader).
    public init(
        kWhPerLitreKelvin: Sourced<Double>, central: [HeatingFuel: CentralHotWater],
        electricEfficiency: [HotWaterSystem: Sourced<Double>], maxShareOfHeating: Sourced<Double>,
        showerShare: Sourced<Double>, tapShare: Sourced<Double>
    ) {
        self.kWhPerLitreKelvin = kWhPerLitreKelvin
        self.central = central
        self.electricEfficiency = electricEfficiency
        self.maxShareOfHeating = maxShareOfHeating
        self.showerShare = showerShare
        self.tapShare = tapShare
    }
}

/// Rules of thumb for space heating: room temperature, airing, and what counts as average.
public struct HeatingReference: Sendable, Equatable {
    /// Share of space-heating energy saved per kelvin lower room temperature.
    public var savingPerKelvin: Sourced<Double>
    /// At most this many kelvin count for the room-temperature saving, so that a very warm flat does not promise an
    /// implausible saving.
    public var maxKelvin: Sourced<Double>
    /// Share of space-heating energy lost through windows kept tilted in winter.
    public var tiltedWindowShare: Sourced<Double>
    /// A heating within this share of the average (either way) counts as average.
    public var averageBand: Sourced<Double>

    /// The `<heating>` element of the reference file.
    public init(
        savingPerKelvin: Sourced<Double>, maxKelvin: Sourced<Double>, tiltedWindowShare: Sourced<Double>,
        averageBand: Sourced<Double>
    ) {
        self.savingPerKelvin = savingPerKelvin
        self.maxKelvin = maxKelvin
        self.tiltedWindowShare = tiltedWindowShare
        self.averageBand = averageBand
    }
}

/// Who gets a voucher for a new fridge, and how much.
public struct VoucherRule: Sendable, Equatable {
    /// The old device must be older than this.
    public var minAgeYears: Int
    /// The new one must save at least this much a year; also the threshold to recommend a replacement.
    public var minSavingKWh: Double
    /// The voucher's value in euros; it lowers what the household pays for the new device.
    public var amountEUR: Double
    /// The programme's published conditions.
    public var source: Source

    /// A `<fridgeVoucher>` element, of the reference file or of a city.
    public init(minAgeYears: Int, minSavingKWh: Double, amountEUR: Double, source: Source) {
        self.minAgeYears = minAgeYears
        self.minSavingKWh = minSavingKWh
        self.amountEUR = amountEUR
        self.source = source
    }
}

/// Bounds beyond which a legal value is probably a typo; they warn, they do not refuse.
public struct PlausibilityLimits: Sendable, Equatable {
    /// Warn when electricity use exceeds the table's G threshold (the F bound) times this factor.
    public var electricityAboveFBoundFactor: Double
    /// Warn when electricity use is below the table's A bound times this factor.
    public var electricityBelowABoundFactor: Double
    /// Warn when heating kWh/m² is above the average times this factor.
    public var heatingAboveAverageFactor: Double
    /// Warn when heating kWh/m² is below the average times this factor.
    public var heatingBelowAverageFactor: Double
    /// Warn this many days before a data file runs out, so the city renews it in time.
    public var expiryWarningDays: Int
    /// Warn when the showers and taps as recorded draw more than this many times the water the averages give them
    /// (persons × the use per person × their shares): an outlier worth a second look, never a cap.
    public var hotWaterAboveAverageFactor: Double
    /// Warn when the recommended steps together save more than this share of the household's electricity or heating.
    public var savingShareOfUse: Double
    /// esp's own rules (calculation rules version 1).
    public var source: Source

    /// The `<plausibility>` element of the reference file.
    public init(
        electricityAboveFBoundFactor: Double, electricityBelowABoundFactor: Double,
        heatingAboveAverageFactor: Double, heatingBelowAverageFactor: Double, expiryWarningDays: Int = 60,
        hotWaterAboveAverageFactor: Double = 3, savingShareOfUse: Double = 0.4, source: Source
    ) {
        self.electricityAboveFBoundFactor = electricityAboveFBoundFactor
        self.electricityBelowABoundFactor = electricityBelowABoundFactor
        self.heatingAboveAverageFactor = heatingAboveAverageFactor
        self.heatingBelowAverageFactor = heatingBelowAverageFactor
        self.expiryWarningDays = expiryWarningDays
        self.hotWaterAboveAverageFactor = hotWaterAboveAverageFactor
        self.savingShareOfUse = savingShareOfUse
        self.source = source
    }
}

/// What part of a household's drinking water showers and taps typically use (BDEW): the averages that flag an
/// outlier, never a bound.
public struct WaterUseShares: Sendable, Equatable {
    /// Bathing, showering and body care.
    public var showers: Sourced<Double>
    /// Eating and drinking, and washing up (the kitchen tap).
    public var taps: Sourced<Double>

    /// The `<waterUseShares>` element.
    public init(showers: Sourced<Double>, taps: Sourced<Double>) {
        self.showers = showers
        self.taps = taps
    }
}
