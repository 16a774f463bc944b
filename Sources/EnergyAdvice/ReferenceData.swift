/// Where a figure was published.
///
/// A class: every figure of the reference data carries its source, and sharing one instance keeps copying a
/// figure to a single reference count instead of five strings.
public final class Source: Sendable, Hashable, CustomStringConvertible {
    public let id: String
    public let publisher: String
    public let document: String
    public let year: Int
    /// False for secondary copies and estimates that still wait for the primary document.
    public let confirmed: Bool
    public let note: String?

    public init(id: String, publisher: String, document: String, year: Int, confirmed: Bool, note: String? = nil) {
        self.id = id
        self.publisher = publisher
        self.document = document
        self.year = year
        self.confirmed = confirmed
        self.note = note
    }

    public static func == (a: Source, b: Source) -> Bool {
        a === b || (a.id == b.id && a.publisher == b.publisher && a.document == b.document && a.year == b.year
            && a.confirmed == b.confirmed && a.note == b.note)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(year)
    }

    public var description: String { "\(publisher), \(document) (\(year))" }
}

/// A figure together with its source.
public struct Sourced<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var source: Source

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
    public var validFrom: CalendarDate
    public var validUntil: CalendarDate
    /// Whether the CO2 factors count the upstream chain (extraction, transport); shown on every sheet.
    public var co2IncludesUpstream: Bool
    public var co2Factors: [EnergyCarrier: Sourced<Double>]
    public var electricityBenchmarks: [ElectricityBenchmarkTable]
    /// Average heating kWh per m² and year by fuel.
    public var heatingAverageKWhPerM2: [HeatingFuel: Sourced<Double>]
    public var cooling: [CoolingKind: CoolingReference]
    /// An LED's watts as a share of the old lamp's watts for the same light.
    public var ledShare: [LampTechnology: Sourced<Double>]
    public var shower: ShowerReference
    public var tap: TapReference
    public var hotWater: HotWaterReference
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
    public var fridgeVoucher: VoucherRule
    public var plausibility: PlausibilityLimits

    public init(validFrom: CalendarDate, validUntil: CalendarDate, co2IncludesUpstream: Bool,
                co2Factors: [EnergyCarrier: Sourced<Double>], electricityBenchmarks: [ElectricityBenchmarkTable],
                heatingAverageKWhPerM2: [HeatingFuel: Sourced<Double>], cooling: [CoolingKind: CoolingReference],
                ledShare: [LampTechnology: Sourced<Double>], shower: ShowerReference, tap: TapReference,
                hotWater: HotWaterReference, heating: HeatingReference, consumptionShare: Sourced<Double>,
                realisation: [MeasureKind: RealisationFactor], retailPrices: [KitItem: Sourced<Double>],
                kitPrices: [KitItem: Sourced<Double>], fridgeVoucher: VoucherRule, plausibility: PlausibilityLimits) {
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
    }
}

/// The share of a measure's technical saving that households realise: a likely value for the advice and a
/// low–high range.
public struct RealisationFactor: Sendable, Equatable {
    public var low: Double
    public var likely: Double
    public var high: Double
    public var source: Source

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
    public var dwelling: Dwelling
    public var electricHotWater: Bool
    /// Upper bounds of the classes A…F in kWh/year; above the last is G.
    public var classUpperKWh: [Double]
    public var averageKWh: Double
    public var source: Source

    public init(persons: Int, dwelling: Dwelling, electricHotWater: Bool, classUpperKWh: [Double],
                averageKWh: Double, source: Source) {
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
    public var newDeviceKWh: Sourced<Double>
    public var newDevicePriceEUR: Sourced<Double>

    public struct AgeBand: Sendable, Equatable {
        public var belowAgeYears: Int?
        public var annualKWh: Sourced<Double>

        public init(belowAgeYears: Int?, annualKWh: Sourced<Double>) {
            self.belowAgeYears = belowAgeYears
            self.annualKWh = annualKWh
        }
    }

    public init(byAge: [AgeBand], unknownAgeKWh: Sourced<Double>, newDeviceKWh: Sourced<Double>,
                newDevicePriceEUR: Sourced<Double>) {
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

public struct ShowerReference: Sendable, Equatable {
    /// A head above this flow is worth replacing.
    public var replaceAboveLitresPerMinute: Sourced<Double>
    public var efficientLitresPerMinute: Sourced<Double>

    public init(replaceAboveLitresPerMinute: Sourced<Double>, efficientLitresPerMinute: Sourced<Double>) {
        self.replaceAboveLitresPerMinute = replaceAboveLitresPerMinute
        self.efficientLitresPerMinute = efficientLitresPerMinute
    }
}

public struct TapReference: Sendable, Equatable {
    /// A tap above this flow is worth an aerator.
    public var replaceAboveLitresPerMinute: Sourced<Double>
    public var aeratorLitresPerMinute: Sourced<Double>
    /// The temperature of the mixed water that runs from a tap.
    public var mixedWaterTemperatureC: Sourced<Double>
    /// How long a tap runs a day, when the advisor does not know.
    public var minutesPerDay: [TapRoom: Sourced<Double>]

    public init(replaceAboveLitresPerMinute: Sourced<Double>, aeratorLitresPerMinute: Sourced<Double>,
                mixedWaterTemperatureC: Sourced<Double>, minutesPerDay: [TapRoom: Sourced<Double>]) {
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
    public var tapShare: Sourced<Double>

    public struct CentralHotWater: Sendable, Equatable {
        /// Fuel kWh for hot water per m² of living area and year.
        public var kWhPerM2: Sourced<Double>
        /// Heat at the tap per kWh of fuel.
        public var efficiency: Sourced<Double>

        public init(kWhPerM2: Sourced<Double>, efficiency: Sourced<Double>) {
            self.kWhPerM2 = kWhPerM2
            self.efficiency = efficiency
        }
    }

    public init(kWhPerLitreKelvin: Sourced<Double>, central: [HeatingFuel: CentralHotWater],
                electricEfficiency: [HotWaterSystem: Sourced<Double>], maxShareOfHeating: Sourced<Double>,
                showerShare: Sourced<Double>, tapShare: Sourced<Double>) {
        self.kWhPerLitreKelvin = kWhPerLitreKelvin
        self.central = central
        self.electricEfficiency = electricEfficiency
        self.maxShareOfHeating = maxShareOfHeating
        self.showerShare = showerShare
        self.tapShare = tapShare
    }
}

public struct HeatingReference: Sendable, Equatable {
    /// Share of space-heating energy saved per kelvin lower room temperature.
    public var savingPerKelvin: Sourced<Double>
    public var maxKelvin: Sourced<Double>
    /// Share of space-heating energy lost through windows kept tilted in winter.
    public var tiltedWindowShare: Sourced<Double>
    /// A heating within this share of the average (either way) counts as average.
    public var averageBand: Sourced<Double>

    public init(savingPerKelvin: Sourced<Double>, maxKelvin: Sourced<Double>, tiltedWindowShare: Sourced<Double>,
                averageBand: Sourced<Double>) {
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
    public var amountEUR: Double
    public var source: Source

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
    public var source: Source

    public init(electricityAboveFBoundFactor: Double, electricityBelowABoundFactor: Double,
                heatingAboveAverageFactor: Double, heatingBelowAverageFactor: Double, expiryWarningDays: Int = 60,
                source: Source) {
        self.electricityAboveFBoundFactor = electricityAboveFBoundFactor
        self.electricityBelowABoundFactor = electricityBelowABoundFactor
        self.heatingAboveAverageFactor = heatingAboveAverageFactor
        self.heatingBelowAverageFactor = heatingBelowAverageFactor
        self.expiryWarningDays = expiryWarningDays
        self.source = source
    }
}
