/// The result of one visit: what was assumed, what it costs now, and what each step saves (`esp-advice/1`).
public struct Advice: Sendable, Equatable {
    public static let schema = "esp-advice/1"
    /// The version of the calculation rules, printed in the small print of every sheet.
    public static let rulesVersion = 1

    public var visitId: String
    public var date: CalendarDate
    public var city: String
    public var language: String
    public var household: Household
    public var inputs: [AssumedInput]
    public var tariffs: [UsedTariff]
    public var electricity: ElectricitySummary
    public var heating: HeatingSummary?
    public var measures: [MeasureResult]
    public var totals: Totals
    public var installment: InstallmentCheck
    public var warnings: [AdviceWarning]
}

/// A plain value of an input or a detail, kept apart from any language.
public enum Scalar: Sendable, Equatable {
    case number(Double)
    case text(String)
    case flag(Bool)
}

/// A default or estimate the calculator filled in, so the advisor sees every assumption.
public struct AssumedInput: Sendable, Equatable {
    /// JSON path in the visit file, e.g. `heating.annualKWh`.
    public var path: String
    public var value: Scalar
    public var kind: Kind
    /// Set when a published figure was used.
    public var source: Source?

    public enum Kind: String, Sendable {
        /// A default the visit format names.
        case formatDefault = "default"
        /// Estimated from reference data.
        case estimate
        /// Taken from the city file.
        case cityTariff = "city-tariff"
    }
}

/// A price or factor the advice used.
public struct UsedTariff: Sendable, Equatable {
    public var use: Use
    public var supplier: String
    public var name: String
    public var energyPriceCtPerKWh: Double?
    public var basePriceEURPerYear: Double?
    public var eurPerM3: Double?
    public var co2KgPerKWh: Double?
    public var validFrom: CalendarDate?
    public var source: Source?

    public enum Use: String, Sendable {
        case electricity, heating, water
        case electricityAlternative = "electricity-alternative"
        case co2
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
    public var table: ElectricityBenchmarkTable
}

public struct HeatingSummary: Sendable, Equatable {
    public var fuel: HeatingFuel
    public var annualKWh: Double
    public var estimated: Bool
    public var includesHotWater: Bool
    public var kWhPerM2: Double
    public var annualCostEUR: Double
    public var benchmark: HeatingBenchmark
}

/// A household's heating kWh/m² against the national average for its fuel.
public struct HeatingBenchmark: Sendable, Equatable {
    public var averageKWhPerM2: Double
    /// kWhPerM2 / average; 1.0 is exactly average.
    public var ratioToAverage: Double
    public var source: Source
}

/// One step of advice with its savings per year.
public struct MeasureResult: Sendable, Equatable {
    public var kind: MeasureKind
    public var recommended: Bool
    public var electricityKWh: Double
    public var heatKWh: Double
    public var waterM3: Double
    public var savingEUR: Double
    public var co2Kg: Double
    public var investmentEUR: Double
    public var voucherEUR: Double
    /// Nil when the step saves no money.
    public var paybackMonths: Double?
    /// Who receives the largest part of the saving.
    public var beneficiary: Payer
    /// The saving by who receives it; the parts add up to `savingEUR`.
    public var split: PayerSplit
    /// Measure-specific facts in calculation order, for the sheet and the JSON.
    public var details: [Detail]

    public struct Detail: Sendable, Equatable {
        public var key: String
        public var value: Scalar

        public init(_ key: String, _ value: Scalar) {
            self.key = key
            self.value = value
        }
    }

    public func detail(_ key: String) -> Scalar? { details.first { $0.key == key }?.value }

    /// A numeric detail, or nil when absent or not a number.
    public func number(_ key: String) -> Double? {
        if case .number(let x)? = detail(key) { return x }
        return nil
    }

    /// A text detail, or nil when absent or not text.
    public func text(_ key: String) -> String? {
        if case .text(let s)? = detail(key) { return s }
        return nil
    }
}

/// Euros by who receives them. Four fixed payers, so stored fields rather than a dictionary: the calculator
/// builds one per measure and must not hash on that path.
public struct PayerSplit: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public var household = 0.0
    public var jobcenter = 0.0
    public var socialOffice = 0.0
    public var landlord = 0.0

    public init() {}

    public init(dictionaryLiteral elements: (Payer, Double)...) {
        for (payer, eur) in elements { self[payer] += eur }
    }

    public subscript(payer: Payer) -> Double {
        get {
            switch payer {
            case .household: household
            case .jobcenter: jobcenter
            case .socialOffice: socialOffice
            case .landlord: landlord
            }
        }
        set {
            switch payer {
            case .household: household = newValue
            case .jobcenter: jobcenter = newValue
            case .socialOffice: socialOffice = newValue
            case .landlord: landlord = newValue
            }
        }
    }

    /// Jobcenter and social office together.
    public var publicEUR: Double { jobcenter + socialOffice }
    public var total: Double { household + jobcenter + socialOffice + landlord }

    /// The payers that receive something, in `Payer` order.
    public var parts: [(payer: Payer, eur: Double)] {
        Payer.allCases.compactMap { self[$0] != 0 ? ($0, self[$0]) : nil }
    }

    /// The payer with the largest part (ties go to the earlier payer), nil when nobody receives anything.
    public var largest: Payer? {
        var best: Payer?
        for payer in [Payer.household, .jobcenter, .socialOffice, .landlord] where self[payer] != 0 {
            if best.map({ self[payer] > self[$0] }) ?? true { best = payer }
        }
        return best
    }

    public static func += (sum: inout PayerSplit, part: PayerSplit) {
        sum.household += part.household
        sum.jobcenter += part.jobcenter
        sum.socialOffice += part.socialOffice
        sum.landlord += part.landlord
    }
}

/// Sums over the recommended measures.
public struct Totals: Sendable, Equatable {
    public var electricityKWh: Double
    public var heatKWh: Double
    public var waterM3: Double
    public var savingEUR: Double
    public var householdEUR: Double
    /// Jobcenter and social office.
    public var publicEUR: Double
    /// Savings on heating a landlord pays; neither household nor public purse.
    public var landlordEUR: Double
    public var co2Kg: Double

    /// Totals read back from storage, e.g. the visit register.
    public init(electricityKWh: Double, heatKWh: Double, waterM3: Double, savingEUR: Double, householdEUR: Double,
                publicEUR: Double, landlordEUR: Double, co2Kg: Double) {
        self.electricityKWh = electricityKWh
        self.heatKWh = heatKWh
        self.waterM3 = waterM3
        self.savingEUR = savingEUR
        self.householdEUR = householdEUR
        self.publicEUR = publicEUR
        self.landlordEUR = landlordEUR
        self.co2Kg = co2Kg
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

/// Something the advisor should look at; the advice is still computed.
public enum AdviceWarning: Sendable, Equatable {
    /// Electricity use above `factor` times the F bound of the household's table.
    case electricityImplausiblyHigh(kWh: Double, limitKWh: Double)
    case electricityImplausiblyLow(kWh: Double, limitKWh: Double)
    case heatingImplausiblyHigh(kWhPerM2: Double, limitKWhPerM2: Double)
    case heatingImplausiblyLow(kWhPerM2: Double, limitKWhPerM2: Double)
    /// The city file's validity ended before the visit.
    case cityTariffsExpired(city: String, validUntil: CalendarDate)
    case referenceDataExpired(validUntil: CalendarDate)
    /// A tariff the visit relied on starts after the visit date; the earliest one was used.
    case tariffNotYetValid(name: String, validFrom: CalendarDate)
    /// Hot shower water is heated by something the visit does not describe; only water is counted.
    case showerEnergyCarrierUnknown
    /// The fridge's age is unknown, so no voucher can be promised.
    case voucherNeedsAge(applianceIndex: Int)

    /// Every code, for checking that each has a text.
    public static let allCodes = [
        "electricity-implausibly-high", "electricity-implausibly-low", "heating-implausibly-high",
        "heating-implausibly-low", "city-tariffs-expired", "reference-data-expired", "tariff-not-yet-valid",
        "shower-energy-carrier-unknown", "voucher-needs-age",
    ]

    /// A stable code for JSON and for looking up the text.
    public var code: String {
        switch self {
        case .electricityImplausiblyHigh: "electricity-implausibly-high"
        case .electricityImplausiblyLow: "electricity-implausibly-low"
        case .heatingImplausiblyHigh: "heating-implausibly-high"
        case .heatingImplausiblyLow: "heating-implausibly-low"
        case .cityTariffsExpired: "city-tariffs-expired"
        case .referenceDataExpired: "reference-data-expired"
        case .tariffNotYetValid: "tariff-not-yet-valid"
        case .showerEnergyCarrierUnknown: "shower-energy-carrier-unknown"
        case .voucherNeedsAge: "voucher-needs-age"
        }
    }
}

/// Why no advice could be computed for a valid visit.
public enum AdviceError: Error, Sendable, Equatable {
    /// The city file has no default electricity tariff (and the visit names none).
    case noElectricityTariff(city: String)
    case noHeatingTariff(city: String, fuel: HeatingFuel)
    case noHeatingAverage(fuel: HeatingFuel)
    case noBenchmarkTable(persons: Int, dwelling: Dwelling, electricHotWater: Bool)
    case noCO2Factor(EnergyCarrier)
    case noCoolingReference(CoolingKind)
    case noLEDShare(LampTechnology)
    case cityMismatch(visitCity: String, tariffCity: String)
}
