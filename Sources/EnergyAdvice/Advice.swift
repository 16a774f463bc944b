/// The result of one visit under calculation rules version 2 (`esp-advice/2`): what was assumed, what the
/// household uses and pays now, what each step is expected to save, and who gets the money.
///
/// Language-free: every value is a number, a date, an enum or a name taken from the data files; the report
/// layer turns it into words.
public struct Advice: Sendable, Equatable {
    public static let schema = "esp-advice/2"
    /// The version of the calculation rules, printed in the small print of every sheet.
    public static let rulesVersion = 2

    public var visitId: String
    public var date: CalendarDate
    public var city: String
    public var language: String
    /// The household with every default filled in (benefit, who pays heating and water).
    public var household: Household
    public var inputs: [AssumedInput]
    public var tariffs: [UsedTariff]
    public var electricity: ElectricitySummary
    public var heating: HeatingSummary?
    public var measures: [MeasureResult]
    public var totals: Totals
    public var installment: InstallmentCheck
    public var warnings: [AdviceWarning]
    /// The CO2 factors count the upstream chain.
    public var co2IncludesUpstream: Bool

    /// The measures that save energy, recommended, in advice order (the tariff switch is apart).
    public var recommendedSavings: [MeasureResult] {
        measures.filter { $0.recommended && $0.kind != .tariffSwitch }
    }

    /// The recommended tariff switch, if any.
    public var tariffSwitch: MeasureResult? {
        measures.first { $0.kind == .tariffSwitch && $0.recommended }
    }
}

/// A plain value of an input, kept apart from any language.
public enum Scalar: Sendable, Equatable {
    case number(Double)
    case text(String)
    case flag(Bool)
    /// A realisation factor: low, likely and high share of the technical saving.
    case factor(low: Double, likely: Double, high: Double)
}

/// A default, estimate or constant the calculator used, so the advisor can check every figure by hand.
public struct AssumedInput: Sendable, Equatable {
    /// A JSON path in the visit file (`heating.annualKWh`) for defaults and estimates, or the name of a
    /// constant in the data files (`hotWater.showerShare`).
    public var path: String
    public var value: Scalar
    public var kind: Kind
    /// Set when a published figure was used.
    public var source: Source?

    public init(path: String, value: Scalar, kind: Kind, source: Source? = nil) {
        self.path = path
        self.value = value
        self.kind = kind
        self.source = source
    }

    public enum Kind: String, Sendable, CaseIterable {
        /// A default the visit format names.
        case formatDefault = "default"
        /// Estimated from reference data.
        case estimate
        /// A price taken from the city file.
        case cityTariff = "city-tariff"
        /// A constant of the national reference file.
        case reference
        /// A constant of the city file that overrides the national one.
        case city
    }
}

/// A price or factor the advice used.
public struct UsedTariff: Sendable, Equatable {
    public var use: Use
    /// Nil for a price the household showed from its own bill.
    public var supplier: String?
    public var name: String?
    /// The carrier of a CO2 factor.
    public var carrier: EnergyCarrier?
    public var energyPriceCtPerKWh: Double?
    public var basePriceEURPerYear: Double?
    public var eurPerM3: Double?
    public var co2KgPerKWh: Double?
    public var validFrom: CalendarDate?
    public var source: Source?

    public init(use: Use, supplier: String? = nil, name: String? = nil, carrier: EnergyCarrier? = nil,
                energyPriceCtPerKWh: Double? = nil, basePriceEURPerYear: Double? = nil, eurPerM3: Double? = nil,
                co2KgPerKWh: Double? = nil, validFrom: CalendarDate? = nil, source: Source? = nil) {
        self.use = use
        self.supplier = supplier
        self.name = name
        self.carrier = carrier
        self.energyPriceCtPerKWh = energyPriceCtPerKWh
        self.basePriceEURPerYear = basePriceEURPerYear
        self.eurPerM3 = eurPerM3
        self.co2KgPerKWh = co2KgPerKWh
        self.validFrom = validFrom
        self.source = source
    }

    /// The household's own bill rather than a published tariff.
    public var fromHouseholdBill: Bool { use != .co2 && use != .water && supplier == nil }

    public enum Use: String, Sendable {
        case electricity, heating, water, co2
    }
}

public struct ElectricitySummary: Sendable, Equatable {
    public var annualKWh: Double
    public var annualCostEUR: Double
    public var benchmark: ElectricityBenchmark
}

/// Where a household stands on the Stromspiegel scale.
public struct ElectricityBenchmark: Sendable, Equatable {
    /// "A"…"G".
    public var classLetter: String
    /// Index 0…6 for A…G.
    public var classIndex: Int
    public var classUpperKWh: [Double]
    public var averageKWh: Double
    /// The class that holds the average household of the same table.
    public var averageClassIndex: Int
    public var table: ElectricityBenchmarkTable

    public var averageClassLetter: String { ElectricityBenchmarkTable.classLetters[averageClassIndex] }
}

public struct HeatingSummary: Sendable, Equatable {
    public var fuel: HeatingFuel
    public var annualKWh: Double
    public var estimated: Bool
    public var includesHotWater: Bool
    public var billing: HeatingBilling
    /// The share of a saving that reaches the bill: `consumptionShare` for building billing, else 1.
    public var consumptionShare: Double
    /// The heating bill without the hot-water part.
    public var spaceHeatingKWh: Double
    public var hotWaterKWh: Double
    public var kWhPerM2: Double
    public var annualCostEUR: Double
    public var benchmark: HeatingBenchmark
}

/// Above, at or below the average heating use of the fuel.
public enum HeatingVerdict: String, Sendable, CaseIterable {
    case below, average, above
}

/// A household's heating kWh/m² against the national average for its fuel.
public struct HeatingBenchmark: Sendable, Equatable {
    public var averageKWhPerM2: Double
    /// kWhPerM2 / average; 1.0 is exactly average.
    public var ratioToAverage: Double
    /// Nil when the heating was estimated: an estimate is the average by construction.
    public var verdict: HeatingVerdict?
    public var source: Source
}

/// Sums over the recommended measures that save energy: the tariff switch stays apart (`tariffSwitchEUR`).
public struct Totals: Sendable, Equatable {
    public var electricityKWh: Double
    public var heatKWh: Double
    public var waterM3: Double
    public var savingEUR: Double
    public var householdEUR: Double
    /// Jobcenter and social office.
    public var publicEUR: Double
    /// Savings on costs a landlord pays; neither household nor public purse.
    public var landlordEUR: Double
    public var co2Kg: Double
    /// The euros by payer; household + jobcenter + social office + landlord = savingEUR.
    public var split: PayerSplit
    /// The savings at the low and high realisation factors.
    public var range: EURRange
    /// What the recommended tariff switch saves a year, 0 when there is none.
    public var tariffSwitchEUR: Double

    /// Totals read back from storage, e.g. the visit register.
    public init(electricityKWh: Double, heatKWh: Double, waterM3: Double, savingEUR: Double, householdEUR: Double,
                publicEUR: Double, landlordEUR: Double, co2Kg: Double, split: PayerSplit, range: EURRange,
                tariffSwitchEUR: Double) {
        self.electricityKWh = electricityKWh
        self.heatKWh = heatKWh
        self.waterM3 = waterM3
        self.savingEUR = savingEUR
        self.householdEUR = householdEUR
        self.publicEUR = publicEUR
        self.landlordEUR = landlordEUR
        self.co2Kg = co2Kg
        self.split = split
        self.range = range
        self.tariffSwitchEUR = tariffSwitchEUR
    }
}

public struct InstallmentCheck: Sendable, Equatable {
    public var electricity: Installment
    public var heating: Installment?
}

/// Does the monthly advance payment cover the expected bill?
public struct Installment: Sendable, Equatable {
    public var expectedAnnualEUR: Double
    public var currentMonthlyEUR: Double?
    /// expected / 12, rounded up to whole euros.
    public var recommendedMonthlyEUR: Double
    /// 12 · current − expected; negative means a back-payment is coming.
    public var balanceEUR: Double?
}

/// Why no advice could be computed for a valid visit.
public enum AdviceError: Error, Sendable, Equatable {
    /// The city file has no default electricity tariff (and the visit names none).
    case noElectricityTariff(city: String)
    case noHeatingTariff(city: String, fuel: HeatingFuel)
    case noHeatingAverage(fuel: HeatingFuel)
    case noHotWaterFigures(fuel: HeatingFuel)
    case noBenchmarkTable(persons: Int, dwelling: Dwelling, electricHotWater: Bool)
    case noCO2Factor(EnergyCarrier)
    case noCoolingReference(CoolingKind)
    case noLEDShare(LampTechnology)
    case noRealisationFactor(MeasureKind)
    case cityMismatch(visitCity: String, tariffCity: String)
}
