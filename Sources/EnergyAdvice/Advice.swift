/// The result of one visit under calculation rules version 2 (`esp-advice/2`): what was assumed, what the
/// household uses and pays now, what each step is expected to save, and who gets the money.
///
/// Language-free: every value is a number, a date, an enum or a name taken from the data files; the report
/// layer turns it into words.
public struct Advice: Sendable, Equatable {
    /// The `schema` value of the JSON document; it changes when a field changes its meaning.
    public static let schema = "esp-advice/2"
    /// The version of the calculation rules, printed in the small print of every sheet.
    public static let rulesVersion = 2

    /// The visit's id, unchanged: it ties the advice to its visit file and its register entry.
    public var visitId: String
    /// The visit date: it decides which tariffs were in force and whether the data had run out.
    public var date: CalendarDate
    /// The id of the city file whose tariffs were used.
    public var city: String
    /// The language the household reads the sheet in (the visit's, else `de`).
    public var language: String
    /// The household with every default filled in (benefit, who pays heating and water).
    public var household: Household
    /// Every default, estimate and constant the calculation used, in the order it used them, so the advisor can check
    /// each figure by hand.
    public var inputs: [AssumedInput]
    /// The prices and CO2 factors the figures rest on, for the small print.
    public var tariffs: [UsedTariff]
    /// What the household uses and pays for electricity now, and where it stands on the Stromspiegel scale.
    public var electricity: ElectricitySummary
    /// The heating now, split into space heating and hot water; nil when the visit recorded none.
    public var heating: HeatingSummary?
    /// Every step considered, recommended or not, in advice order; a tariff switch comes last.
    public var measures: [MeasureResult]
    /// The recommended steps' expected savings added up, and who receives them.
    public var totals: Totals
    /// Whether the monthly advance payments cover the expected bills.
    public var installment: InstallmentCheck
    /// Inputs the advisor should look at again; the advice is computed all the same.
    public var warnings: [AdviceWarning]
    /// The CO2 factors count the upstream chain.
    public var co2IncludesUpstream: Bool
    /// The energy-debt path of each debt the visit recorded, in the visit's order; empty without debts.
    public var energyDebt: [EnergyDebtAdvice] = []

    /// The measures that save energy, recommended, in advice order (the tariff switch is apart).
    public var recommendedSavings: [MeasureResult] {
        measures.filter { $0.recommended && $0.kind != .tariffSwitch }
    }

    /// The household's own part of the totals' range: what the sheet tells the household it keeps, at the low and
    /// high realisation factors (the tariff switch apart).
    public var householdRange: EURRange {
        let savings = recommendedSavings
        return EURRange(
            lowEUR: cents(savings.reduce(0) { $0 + $1.householdRange.lowEUR }),
            highEUR: cents(savings.reduce(0) { $0 + $1.householdRange.highEUR }))
    }

    /// The recommended tariff switch, if any.
    public var tariffSwitch: MeasureResult? {
        measures.first { $0.kind == .tariffSwitch && $0.recommended }
    }
}

/// A plain value of an input, kept apart from any language.
public enum Scalar: Sendable, Equatable {
    /// A number in the unit the input's path names.
    case number(Double)
    /// A word of the file formats (`jobcenter`, `building`) or a tariff's "supplier name".
    case text(String)
    /// A yes/no input such as `heating.includesHotWater`.
    case flag(Bool)
    /// A realisation factor: low, likely and high share of the technical saving.
    case factor(low: Double, likely: Double, high: Double)
}

/// A default, estimate or constant the calculator used, so the advisor can check every figure by hand.
public struct AssumedInput: Sendable, Equatable {
    /// A JSON path in the visit file (`heating.annualKWh`) for defaults and estimates, or the name of a
    /// constant in the data files (`hotWater.showerShare`).
    public var path: String
    /// The value used.
    public var value: Scalar
    /// Where the value came from.
    public var kind: Kind
    /// Set when a published figure was used.
    public var source: Source?

    /// An input the calculator assumed; a source where a published figure was used.
    public init(path: String, value: Scalar, kind: Kind, source: Source? = nil) {
        self.path = path
        self.value = value
        self.kind = kind
        self.source = source
    }

    /// Where an assumed value came from; the raw value is the JSON spelling.
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
    /// What the price or factor was used for.
    public var use: Use
    /// Nil for a price the household showed from its own bill.
    public var supplier: String?
    /// The product name; nil for a price from the household's own bill.
    public var name: String?
    /// The carrier of a CO2 factor.
    public var carrier: EnergyCarrier?
    /// Gross energy price, ct/kWh: what each saved kWh is worth.
    public var energyPriceCtPerKWh: Double?
    /// Gross base price, €/year: it counts in the installment check and the tariff switch, never in a saving.
    public var basePriceEURPerYear: Double?
    /// Drinking water plus wastewater, gross, €/m³.
    public var eurPerM3: Double?
    /// kg CO2 equivalents per kWh of ``carrier``.
    public var co2KgPerKWh: Double?
    /// The day the price took effect.
    public var validFrom: CalendarDate?
    /// The price sheet or document; nil for the household's own bill.
    public var source: Source?

    /// One line of the small print; only the fields of its ``use`` are set.
    public init(
        use: Use, supplier: String? = nil, name: String? = nil, carrier: EnergyCarrier? = nil,
        energyPriceCtPerKWh: Double? = nil, basePriceEURPerYear: Double? = nil, eurPerM3: Double? = nil,
        co2KgPerKWh: Double? = nil, validFrom: CalendarDate? = nil, source: Source? = nil
    ) {
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

    /// The cost or factor a ``UsedTariff`` stands for.
    public enum Use: String, Sendable {
        /// `electricity` and `heating`: an energy price; `water`: water plus wastewater per m³; `co2`: a CO2 factor.
        case electricity, heating, water, co2
    }
}

/// The household's electricity as it is now, before any step.
public struct ElectricitySummary: Sendable, Equatable {
    /// kWh/year from the bill or the meter readings, as the visit gives it.
    public var annualKWh: Double
    /// What the year costs at the tariff in use: kWh × energy price + base price, in euros.
    public var annualCostEUR: Double
    /// Where the use stands on the Stromspiegel scale.
    public var benchmark: ElectricityBenchmark
}

/// Where a household stands on the Stromspiegel scale.
public struct ElectricityBenchmark: Sendable, Equatable {
    /// "A"…"G".
    public var classLetter: String
    /// Index 0…6 for A…G.
    public var classIndex: Int
    /// The upper bounds of A…F in kWh/year of the household's table, for the scale picture.
    public var classUpperKWh: [Double]
    /// The average use of households like this one, kWh/year.
    public var averageKWh: Double
    /// The class that holds the average household of the same table.
    public var averageClassIndex: Int
    /// The Stromspiegel row used: persons (five or more as 5), dwelling, electric hot water.
    public var table: ElectricityBenchmarkTable

    /// "A"…"G" of the average household, for the sheet's picture.
    public var averageClassLetter: String { ElectricityBenchmarkTable.classLetters[averageClassIndex] }
}

/// The household's heating as it is now, with the hot-water part split off (rule 1).
public struct HeatingSummary: Sendable, Equatable {
    /// The fuel; it chooses the price, the CO2 factor and the average.
    public var fuel: HeatingFuel
    /// Fuel kWh/year: the bill's figure, or the average × living area when the visit had no bill.
    public var annualKWh: Double
    /// True when ``annualKWh`` is the estimate from the average: savings on it are estimates too.
    public var estimated: Bool
    /// The heating also makes the hot water.
    public var includesHotWater: Bool
    /// Whether the household has its own bill or a share of the building's.
    public var billing: HeatingBilling
    /// The share of a saving that reaches the bill: `consumptionShare` for building billing, else 1.
    public var consumptionShare: Double
    /// The heating bill without the hot-water part.
    public var spaceHeatingKWh: Double
    /// The hot-water part: the area rule × living area, at most ``HotWaterReference/maxShareOfHeating`` of the
    /// bill; 0 when the heating makes none.
    public var hotWaterKWh: Double
    /// ``annualKWh`` per m² of living area, compared with the average.
    public var kWhPerM2: Double
    /// The whole bill at the fuel's price: kWh × energy price + base price, in euros.
    public var annualCostEUR: Double
    /// How the use compares with the national average for the fuel.
    public var benchmark: HeatingBenchmark
}

/// Above, at or below the average heating use of the fuel.
public enum HeatingVerdict: String, Sendable, CaseIterable {
    /// `below`, `average` or `above`: more than ``HeatingReference/averageBand`` off the average counts as below or
    /// above.
    case below, average, above
}

/// A household's heating kWh/m² against the national average for its fuel.
public struct HeatingBenchmark: Sendable, Equatable {
    /// The Heizspiegel average of the fuel, kWh per m² and year.
    public var averageKWhPerM2: Double
    /// kWhPerM2 / average; 1.0 is exactly average.
    public var ratioToAverage: Double
    /// Nil when the heating was estimated: an estimate is the average by construction.
    public var verdict: HeatingVerdict?
    /// The Heizspiegel edition (or esp's estimate) the average comes from.
    public var source: Source
}

/// Sums over the recommended measures that save energy: the tariff switch stays apart (`tariffSwitchEUR`).
public struct Totals: Sendable, Equatable {
    /// Expected electricity saved, kWh/year.
    public var electricityKWh: Double
    /// Expected heating fuel saved, kWh/year.
    public var heatKWh: Double
    /// Expected water saved, m³/year.
    public var waterM3: Double
    /// Expected euros saved a year, at the energy prices: household + public + landlord.
    public var savingEUR: Double
    /// The part the household keeps.
    public var householdEUR: Double
    /// Jobcenter and social office.
    public var publicEUR: Double
    /// Savings on costs a landlord pays; neither household nor public purse.
    public var landlordEUR: Double
    /// Expected kg CO2 equivalents avoided a year.
    public var co2Kg: Double
    /// The euros by payer; household + jobcenter + social office + landlord = savingEUR.
    public var split: PayerSplit
    /// The savings at the low and high realisation factors.
    public var range: EURRange
    /// What the recommended tariff switch saves a year, 0 when there is none.
    public var tariffSwitchEUR: Double

    /// Totals read back from storage, e.g. the visit register.
    public init(
        electricityKWh: Double, heatKWh: Double, waterM3: Double, savingEUR: Double, householdEUR: Double,
        publicEUR: Double, landlordEUR: Double, co2Kg: Double, split: PayerSplit, range: EURRange,
        tariffSwitchEUR: Double
    ) {
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

/// The monthly advance payments against the expected yearly bills.
public struct InstallmentCheck: Sendable, Equatable {
    /// Electricity, at today's use.
    public var electricity: Installment
    /// The heating's own bill; nil without heating.
    public var heating: Installment?
}

/// Does the monthly advance payment cover the expected bill?
public struct Installment: Sendable, Equatable {
    /// Who pays this bill: the household for electricity; for the heating whoever pays it (the jobcenter, the social
    /// office, the landlord with the rent, or the household).
    public var payer: Payer
    /// The bill at today's use: kWh × energy price + base price, rounded to cents.
    public var expectedAnnualEUR: Double
    /// The advance payment the household pays now; nil when the visit did not record it.
    public var currentMonthlyEUR: Double?
    /// expected / 12, rounded up to whole euros; nil when something is ``missing``.
    public var recommendedMonthlyEUR: Double?
    /// 12 · current − expected; negative means a back-payment is coming. Nil without a current payment, or when
    /// something is ``missing``: an estimated bill gives no back-payment to promise.
    public var balanceEUR: Double?
    /// What the check lacks to say how much to pay; empty when it is complete.
    public var missing: [InstallmentGap]
}

/// What an installment check lacks, so it says so instead of estimating a back-payment.
public enum InstallmentGap: String, Sendable, CaseIterable {
    /// The use is an estimate (no heating bill at the visit).
    case bill
    /// The tariff gives no base price although this kind of supply has one (an average of energy prices only).
    case basePrice = "base-price"
}

/// Why no advice could be computed for a valid visit.
public enum AdviceError: Error, Sendable, Equatable {
    /// The city file has no default electricity tariff (and the visit names none).
    case noElectricityTariff(city: String)
    /// The city file has no price for the heating fuel (and the visit names none).
    case noHeatingTariff(city: String, fuel: HeatingFuel)
    /// The reference file has no Heizspiegel average for the fuel.
    case noHeatingAverage(fuel: HeatingFuel)
    /// The heating makes hot water, but the reference file has no area rule or efficiency for its fuel.
    case noHotWaterFigures(fuel: HeatingFuel)
    /// No Stromspiegel row fits the household.
    case noBenchmarkTable(persons: Int, dwelling: Dwelling, electricHotWater: Bool)
    /// No CO2 factor for a carrier. Not thrown by the calculator today: the loader requires every factor.
    case noCO2Factor(EnergyCarrier)
    /// The reference file has no figures for this kind of cooling appliance.
    case noCoolingReference(CoolingKind)
    /// The reference file has no LED share for this lamp technology.
    case noLEDShare(LampTechnology)
    /// Neither the city nor the reference file gives a realisation factor for the measure.
    case noRealisationFactor(MeasureKind)
    /// The visit names another city than the tariffs the calculator holds.
    case cityMismatch(visitCity: String, tariffCity: String)
    /// The visit records energy debts, but the calculator holds no law to judge them (Tariffs/energy-law.xml).
    case noEnergyLaw
}
