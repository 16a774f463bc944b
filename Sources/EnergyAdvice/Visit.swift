/// One household visit as the advisor recorded it (`esp-visit/1`).
///
/// Optional fields are the ones the format lets the advisor leave out; the calculator fills them
/// with documented defaults and lists each one in ``Advice/inputs``.
public struct Visit: Sendable, Equatable {
    public var visitId: String
    public var date: CalendarDate
    public var city: String
    public var language: String?
    /// A short name or code of the advisor; kept in the visit file, never in exports.
    public var advisor: String?
    public var household: Household
    public var electricity: ElectricityUse
    public var heating: HeatingUse?
    public var lighting: [LightingRow]
    public var appliances: [Appliance]
    public var showers: ShowerHabits?
    public var taps: [TapUse]
    public var notes: String?

    public init(visitId: String, date: CalendarDate, city: String, language: String? = nil, advisor: String? = nil,
                household: Household, electricity: ElectricityUse, heating: HeatingUse? = nil,
                lighting: [LightingRow] = [], appliances: [Appliance] = [], showers: ShowerHabits? = nil,
                taps: [TapUse] = [], notes: String? = nil) {
        self.visitId = visitId
        self.date = date
        self.city = city
        self.language = language
        self.advisor = advisor
        self.household = household
        self.electricity = electricity
        self.heating = heating
        self.lighting = lighting
        self.appliances = appliances
        self.showers = showers
        self.taps = taps
        self.notes = notes
    }
}

public struct Household: Sendable, Equatable {
    public var persons: Int
    public var dwelling: Dwelling
    public var livingAreaM2: Double
    public var benefit: Benefit?
    public var heatingCostsPaidBy: Payer?
    /// Who pays water and wastewater; by default the same rule as the heating (both are housing costs).
    public var waterCostsPaidBy: Payer?

    public init(persons: Int, dwelling: Dwelling, livingAreaM2: Double, benefit: Benefit? = nil,
                heatingCostsPaidBy: Payer? = nil, waterCostsPaidBy: Payer? = nil) {
        self.persons = persons
        self.dwelling = dwelling
        self.livingAreaM2 = livingAreaM2
        self.benefit = benefit
        self.heatingCostsPaidBy = heatingCostsPaidBy
        self.waterCostsPaidBy = waterCostsPaidBy
    }
}

/// A gross price: energy price per kWh and a yearly base price.
public struct PriceOverride: Sendable, Equatable {
    public var energyPriceCtPerKWh: Double
    public var basePriceEURPerYear: Double

    public init(energyPriceCtPerKWh: Double, basePriceEURPerYear: Double) {
        self.energyPriceCtPerKWh = energyPriceCtPerKWh
        self.basePriceEURPerYear = basePriceEURPerYear
    }
}

/// A meter reading taken at the visit; follow-ups count from it.
public struct MeterReading: Sendable, Equatable {
    public var date: CalendarDate
    public var kWh: Double

    public init(date: CalendarDate, kWh: Double) {
        self.date = date
        self.kWh = kWh
    }
}

public struct ElectricityUse: Sendable, Equatable {
    public var annualKWh: Double
    public var meterReading: MeterReading?
    public var hotWater: HotWaterSystem?
    public var monthlyInstallmentEUR: Double?
    public var tariff: PriceOverride?
    /// False when the household cannot change supplier (debts, a failed credit check); default true.
    public var switchPossible: Bool?

    public init(annualKWh: Double, meterReading: MeterReading? = nil, hotWater: HotWaterSystem? = nil,
                monthlyInstallmentEUR: Double? = nil, tariff: PriceOverride? = nil, switchPossible: Bool? = nil) {
        self.annualKWh = annualKWh
        self.meterReading = meterReading
        self.hotWater = hotWater
        self.monthlyInstallmentEUR = monthlyInstallmentEUR
        self.tariff = tariff
        self.switchPossible = switchPossible
    }
}

public struct HeatingUse: Sendable, Equatable {
    public var fuel: HeatingFuel
    public var annualKWh: Double?
    public var includesHotWater: Bool?
    public var billing: HeatingBilling?
    /// The share of a building's heating bill that follows the flat's own use (0.5…1), for `billing` "building".
    public var consumptionShare: Double?
    public var roomTemperatureC: Double?
    public var targetTemperatureC: Double?
    public var windowsTiltedInWinter: Bool?
    public var monthlyInstallmentEUR: Double?
    public var tariff: PriceOverride?

    public init(fuel: HeatingFuel, annualKWh: Double? = nil, includesHotWater: Bool? = nil,
                billing: HeatingBilling? = nil, consumptionShare: Double? = nil,
                roomTemperatureC: Double? = nil, targetTemperatureC: Double? = nil,
                windowsTiltedInWinter: Bool? = nil, monthlyInstallmentEUR: Double? = nil,
                tariff: PriceOverride? = nil) {
        self.fuel = fuel
        self.annualKWh = annualKWh
        self.includesHotWater = includesHotWater
        self.billing = billing
        self.consumptionShare = consumptionShare
        self.roomTemperatureC = roomTemperatureC
        self.targetTemperatureC = targetTemperatureC
        self.windowsTiltedInWinter = windowsTiltedInWinter
        self.monthlyInstallmentEUR = monthlyInstallmentEUR
        self.tariff = tariff
    }
}

/// Lamps of one kind in one room.
public struct LightingRow: Sendable, Equatable {
    public var room: String?
    public var lamps: Int
    public var watts: Double
    public var technology: LampTechnology
    public var hoursPerDay: Double
    /// The programme fitted LED lamps in place of these at the visit.
    public var installedAtVisit: Bool?

    public init(room: String? = nil, lamps: Int, watts: Double, technology: LampTechnology, hoursPerDay: Double,
                installedAtVisit: Bool? = nil) {
        self.room = room
        self.lamps = lamps
        self.watts = watts
        self.technology = technology
        self.hoursPerDay = hoursPerDay
        self.installedAtVisit = installedAtVisit
    }
}

public enum Appliance: Sendable, Equatable {
    case cooling(CoolingAppliance)
    case standby(StandbyDevice)
}

public struct CoolingAppliance: Sendable, Equatable {
    public var kind: CoolingKind
    public var ageYears: Int?
    public var annualKWh: Double?
    public var measuredKWhPerDay: Double?
    public var volumeLitres: Double?
    public var replacementAnnualKWh: Double?

    public init(kind: CoolingKind, ageYears: Int? = nil, annualKWh: Double? = nil, measuredKWhPerDay: Double? = nil,
                volumeLitres: Double? = nil, replacementAnnualKWh: Double? = nil) {
        self.kind = kind
        self.ageYears = ageYears
        self.annualKWh = annualKWh
        self.measuredKWhPerDay = measuredKWhPerDay
        self.volumeLitres = volumeLitres
        self.replacementAnnualKWh = replacementAnnualKWh
    }
}

public struct StandbyDevice: Sendable, Equatable {
    public var label: String?
    public var watts: Double
    public var hoursPerDay: Double
    /// The programme fitted a switchable strip at the visit.
    public var installedAtVisit: Bool?

    public init(label: String? = nil, watts: Double, hoursPerDay: Double, installedAtVisit: Bool? = nil) {
        self.label = label
        self.watts = watts
        self.hoursPerDay = hoursPerDay
        self.installedAtVisit = installedAtVisit
    }
}

/// Showering of the whole household.
public struct ShowerHabits: Sendable, Equatable {
    public var perWeek: Double
    public var minutes: Double
    public var flowLitresPerMinute: Double
    public var temperatureC: Double?
    public var coldWaterC: Double?
    /// The programme fitted an efficient showerhead at the visit.
    public var installedAtVisit: Bool?

    public init(perWeek: Double, minutes: Double, flowLitresPerMinute: Double, temperatureC: Double? = nil,
                coldWaterC: Double? = nil, installedAtVisit: Bool? = nil) {
        self.perWeek = perWeek
        self.minutes = minutes
        self.flowLitresPerMinute = flowLitresPerMinute
        self.temperatureC = temperatureC
        self.coldWaterC = coldWaterC
        self.installedAtVisit = installedAtVisit
    }
}

/// A kitchen or bathroom tap as the advisor measured it.
public struct TapUse: Sendable, Equatable {
    public var room: TapRoom
    public var flowLitresPerMinute: Double
    /// Minutes the tap runs a day; the reference default per room when missing.
    public var minutesPerDay: Double?
    /// The programme fitted an aerator at the visit.
    public var installedAtVisit: Bool?

    public init(room: TapRoom, flowLitresPerMinute: Double, minutesPerDay: Double? = nil, installedAtVisit: Bool? = nil) {
        self.room = room
        self.flowLitresPerMinute = flowLitresPerMinute
        self.minutesPerDay = minutesPerDay
        self.installedAtVisit = installedAtVisit
    }
}
