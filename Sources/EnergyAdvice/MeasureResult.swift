/// One step of advice with its savings per year: the technical figure of the formula, and the expected figure
/// that reaches the household, the sheet and the register (rules v2, rule 2).
public struct MeasureResult: Sendable, Equatable {
    public var kind: MeasureKind
    public var recommended: Bool
    /// The programme handed out or fitted the item at the visit: done, nothing to pay.
    public var installedAtVisit: Bool
    /// The city's programme hands this item out for free (its city file lists it in `<kit>`): the household pays
    /// nothing even when it was not fitted at the visit.
    public var freeFromProgramme: Bool
    /// technical × realisation factor; what the sheet and the totals use.
    public var expected: Saving
    /// The formula's figure after the bounds of rule 1.
    public var technical: Saving
    /// Nil for the tariff switch, whose euros are exact once the household has switched.
    public var realisation: RealisationFactor?
    /// The expected euros at the low and high realisation factors.
    public var range: EURRange
    /// The technical figure hit a bound of rule 1 and was cut to it (a warning says which inputs disagree).
    public var capped: Bool
    public var baseline: Baseline
    /// What the household pays (0 for an item given at the visit).
    public var investmentEUR: Double
    /// What the programme pays for an item given at the visit.
    public var programmeCostEUR: Double
    public var voucherEUR: Double
    /// Months until the household's own part of the saving repays what it pays; 0 when it pays nothing, nil when
    /// it never gets anything back.
    public var paybackMonths: Double?
    /// The expected saving by who receives it; the parts add up to `savingEUR`.
    public var split: PayerSplit
    public var details: MeasureDetails

    public var electricityKWh: Double { expected.electricityKWh }
    public var heatKWh: Double { expected.heatKWh }
    public var waterM3: Double { expected.waterM3 }
    public var savingEUR: Double { expected.savingEUR }
    public var co2Kg: Double { expected.co2Kg }

    /// Who receives the largest part of the saving (the household when nobody receives anything).
    public var beneficiary: Payer { split.largest ?? .household }
}

/// Energy, water, money and CO2 of one saving per year.
public struct Saving: Sendable, Equatable {
    public var electricityKWh: Double
    public var heatKWh: Double
    public var waterM3: Double
    public var savingEUR: Double
    public var co2Kg: Double

    public init(electricityKWh: Double = 0, heatKWh: Double = 0, waterM3: Double = 0, savingEUR: Double = 0,
                co2Kg: Double = 0) {
        self.electricityKWh = electricityKWh
        self.heatKWh = heatKWh
        self.waterM3 = waterM3
        self.savingEUR = savingEUR
        self.co2Kg = co2Kg
    }
}

/// A range of euros a year.
public struct EURRange: Sendable, Equatable {
    public var lowEUR: Double
    public var highEUR: Double

    public init(lowEUR: Double, highEUR: Double) {
        self.lowEUR = lowEUR
        self.highEUR = highEUR
    }
}

/// The facts of one measure, typed per kind, for the sheet and the JSON.
public enum MeasureDetails: Sendable, Equatable {
    case led(LEDDetails)
    case standby(StandbyDetails)
    case fridgeReplacement(FridgeDetails)
    case showerhead(ShowerheadDetails)
    case tapAerator(TapAeratorDetails)
    case roomTemperature(RoomTemperatureDetails)
    case ventilation(VentilationDetails)
    case tariffSwitch(TariffSwitchDetails)
}

/// LED lamps in place of one lighting row.
public struct LEDDetails: Sendable, Equatable {
    /// Index into the visit's `lighting`.
    public var row: Int
    public var room: String?
    public var lamps: Int
    public var technology: LampTechnology
    public var oldWatts: Double
    public var ledWatts: Double
    public var hoursPerDay: Double
}

/// A switchable strip for one standby device.
public struct StandbyDetails: Sendable, Equatable {
    /// Index into the visit's `appliances`.
    public var appliance: Int
    public var label: String?
    public var watts: Double
    public var hoursPerDay: Double
}

/// What the advice says about an old cooling appliance.
public enum FridgeAction: String, Sendable {
    /// Replace it: the saving rests on a measurement or the label.
    case replace
    /// Measure it first (≥ 48 hours with a plug meter): by age alone nothing can be promised.
    case measureFirst = "measure-first"
    /// Keep it: a new device would save too little.
    case keep
}

public struct FridgeDetails: Sendable, Equatable {
    public var appliance: Int
    public var kind: CoolingKind
    public var ageYears: Int?
    public var oldAnnualKWh: Double
    /// measured, label or estimated (by age).
    public var oldBasis: Baseline
    public var newAnnualKWh: Double
    public var action: FridgeAction
    /// A new device is advised when it saves at least this much a year.
    public var minSavingKWh: Double
    /// The city's voucher rule, so the sheet can state its conditions; nil where the city pays none.
    public var voucherRule: VoucherRule?
}

/// What a showerhead or an aerator saves, and what heats the water.
public struct HotWaterDetails: Sendable, Equatable {
    public var oldFlowLitresPerMinute: Double
    public var newFlowLitresPerMinute: Double
    public var litresPerYear: Double
    /// Heat in the saved water.
    public var usefulKWh: Double
    public var source: HotWaterSource
    /// Heat at the tap per kWh of the carrier (nil when the source is unknown).
    public var efficiency: Double?
    /// The most the saving may be in the carrier's kWh (rule 1), nil when no bound applies.
    public var boundKWh: Double?
}

public struct ShowerheadDetails: Sendable, Equatable {
    public var hotWater: HotWaterDetails
    public var temperatureC: Double
    public var coldWaterC: Double
}

public struct TapAeratorDetails: Sendable, Equatable {
    /// Index into the visit's `taps`.
    public var tap: Int
    public var room: TapRoom
    public var minutesPerDay: Double
    public var hotWater: HotWaterDetails
    public var mixedWaterTemperatureC: Double
}

public struct RoomTemperatureDetails: Sendable, Equatable {
    public var roomTemperatureC: Double
    public var targetTemperatureC: Double
    /// Kelvin counted, at most the reference cap.
    public var kelvin: Double
    public var savingPerKelvin: Double
    public var spaceHeatingKWh: Double
}

public struct VentilationDetails: Sendable, Equatable {
    public var spaceHeatingKWh: Double
    /// The space heating left after the room-temperature saving: the two combine, they do not add.
    public var baseKWh: Double
    public var share: Double
}

public struct TariffSwitchDetails: Sendable, Equatable {
    public var tariffID: String
    public var supplier: String
    public var name: String
    public var energyPriceCtPerKWh: Double
    public var basePriceEURPerYear: Double
    public var validFrom: CalendarDate
    public var minimumTermMonths: Int?
    public var creditCheck: Bool
    /// The consumption after the expected electricity savings, on which both tariffs are compared.
    public var kWhAfterSavings: Double
    public var currentCostEUR: Double
    public var newCostEUR: Double
}

/// Euros by who receives them. Four fixed payers, so stored fields rather than a dictionary: the calculator
/// builds one per measure and must not hash on that path.
public struct PayerSplit: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public var household = 0.0
    public var jobcenter = 0.0
    public var socialOffice = 0.0
    public var landlord = 0.0

    public init() {}

    public init(household: Double, jobcenter: Double, socialOffice: Double, landlord: Double) {
        self.household = household
        self.jobcenter = jobcenter
        self.socialOffice = socialOffice
        self.landlord = landlord
    }

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
        for payer in Payer.allCases where self[payer] != 0 {
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
