/// One household visit as the advisor recorded it (`esp-visit/1`).
///
/// Optional fields are the ones the format lets the advisor leave out; the calculator fills them
/// with documented defaults and lists each one in ``Advice/inputs``.
public struct Visit: Sendable, Equatable {
    public var visitId: String
    public var date: CalendarDate
    public var city: String
    public var language: String?
    public var household: Household
    public var electricity: ElectricityUse
    public var heating: HeatingUse?
    public var lighting: [LightingRow]
    public var appliances: [Appliance]
    public var showers: ShowerHabits?
    public var notes: String?

    public init(visitId: String, date: CalendarDate, city: String, language: String? = nil,
                household: Household, electricity: ElectricityUse, heating: HeatingUse? = nil,
                lighting: [LightingRow] = [], appliances: [Appliance] = [], showers: ShowerHabits? = nil,
                notes: String? = nil) {
        self.visitId = visitId
        self.date = date
        self.city = city
        self.language = language
        self.household = household
        self.electricity = electricity
        self.heating = heating
        self.lighting = lighting
        self.appliances = appliances
        self.showers = showers
        self.notes = notes
    }
}

public struct Household: Sendable, Equatable {
    public var persons: Int
    public var dwelling: Dwelling
    public var livingAreaM2: Double
    public var benefit: Benefit?
    public var heatingCostsPaidBy: Payer?

    public init(persons: Int, dwelling: Dwelling, livingAreaM2: Double, benefit: Benefit? = nil,
                heatingCostsPaidBy: Payer? = nil) {
        self.persons = persons
        self.dwelling = dwelling
        self.livingAreaM2 = livingAreaM2
        self.benefit = benefit
        self.heatingCostsPaidBy = heatingCostsPaidBy
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

public struct ElectricityUse: Sendable, Equatable {
    public var annualKWh: Double
    public var hotWater: HotWaterSystem?
    public var monthlyInstallmentEUR: Double?
    public var tariff: PriceOverride?

    public init(annualKWh: Double, hotWater: HotWaterSystem? = nil, monthlyInstallmentEUR: Double? = nil,
                tariff: PriceOverride? = nil) {
        self.annualKWh = annualKWh
        self.hotWater = hotWater
        self.monthlyInstallmentEUR = monthlyInstallmentEUR
        self.tariff = tariff
    }
}

public struct HeatingUse: Sendable, Equatable {
    public var fuel: HeatingFuel
    public var annualKWh: Double?
    public var includesHotWater: Bool?
    public var roomTemperatureC: Double?
    public var targetTemperatureC: Double?
    public var windowsTiltedInWinter: Bool?
    public var monthlyInstallmentEUR: Double?
    public var tariff: PriceOverride?

    public init(fuel: HeatingFuel, annualKWh: Double? = nil, includesHotWater: Bool? = nil,
                roomTemperatureC: Double? = nil, targetTemperatureC: Double? = nil,
                windowsTiltedInWinter: Bool? = nil, monthlyInstallmentEUR: Double? = nil,
                tariff: PriceOverride? = nil) {
        self.fuel = fuel
        self.annualKWh = annualKWh
        self.includesHotWater = includesHotWater
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

    public init(room: String? = nil, lamps: Int, watts: Double, technology: LampTechnology, hoursPerDay: Double) {
        self.room = room
        self.lamps = lamps
        self.watts = watts
        self.technology = technology
        self.hoursPerDay = hoursPerDay
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

    public init(label: String? = nil, watts: Double, hoursPerDay: Double) {
        self.label = label
        self.watts = watts
        self.hoursPerDay = hoursPerDay
    }
}

/// Showering of the whole household.
public struct ShowerHabits: Sendable, Equatable {
    public var perWeek: Double
    public var minutes: Double
    public var flowLitresPerMinute: Double
    public var temperatureC: Double?
    public var coldWaterC: Double?

    public init(perWeek: Double, minutes: Double, flowLitresPerMinute: Double, temperatureC: Double? = nil,
                coldWaterC: Double? = nil) {
        self.perWeek = perWeek
        self.minutes = minutes
        self.flowLitresPerMinute = flowLitresPerMinute
        self.temperatureC = temperatureC
        self.coldWaterC = coldWaterC
    }
}
