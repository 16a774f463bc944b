/// One household visit as the advisor recorded it (`esp-visit/1`).
///
/// Optional fields are the ones the format lets the advisor leave out; the calculator fills them
/// with documented defaults and lists each one in ``Advice/inputs``.
public struct Visit: Sendable, Equatable {
    /// The programme's id of the visit, `[A-Za-z0-9._-]{1,64}` (``VisitRules/isValidVisitId(_:)``); it names the sheet
    /// and the register entry.
    public var visitId: String
    /// The day of the visit: it picks the tariffs in force and dates the meter reading.
    public var date: CalendarDate
    /// The id of the city file in Tariffs/ whose programme advises the household.
    public var city: String
    /// The household's language for the sheet; nil means ``VisitRules/languageDefault``.
    public var language: String?
    /// A short name or code of the advisor; kept in the visit file, never in exports.
    public var advisor: String?
    /// Who lives there, how, and who pays the housing costs.
    public var household: Household
    /// The electricity bill and how water is heated.
    public var electricity: ElectricityUse
    /// The heating; nil when the visit did not record it (then no heating advice).
    public var heating: HeatingUse?
    /// Lamps, one row per kind and room.
    public var lighting: [LightingRow]
    /// Cooling appliances and standby devices.
    public var appliances: [Appliance]
    /// The household's showering; nil when not recorded.
    public var showers: ShowerHabits?
    /// Kitchen and bathroom taps the advisor measured.
    public var taps: [TapUse]
    /// Free text of the advisor; never printed on summaries or exported.
    public var notes: String?
    /// Arrears with an electricity or gas supplier, one entry per contract; empty when none were recorded.
    public var energyDebt: [EnergyDebt]
    /// The name and address the letters are signed with (`household.name`, `household.address`); personal data,
    /// kept apart from ``household`` so that it never reaches the advice, the register's figures or an export.
    public var contact: HouseholdContact?

    /// A visit as decoded from its file or built by the questionnaire; the arguments left out are the format's optional
    /// keys.
    public init(
        visitId: String, date: CalendarDate, city: String, language: String? = nil, advisor: String? = nil,
        household: Household, electricity: ElectricityUse, heating: HeatingUse? = nil,
        lighting: [LightingRow] = [], appliances: [Appliance] = [], showers: ShowerHabits? = nil,
        taps: [TapUse] = [], notes: String? = nil, energyDebt: [EnergyDebt] = [], contact: HouseholdContact? = nil
    ) {
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
        self.energyDebt = energyDebt
        self.contact = contact
    }
}

/// The people of a visit and who pays their housing costs.
public struct Household: Sendable, Equatable {
    /// People living in the household, 1…12; the Stromspiegel counts five or more as five.
    public var persons: Int
    /// Flat or house: it picks the Stromspiegel row and the default heating billing.
    public var dwelling: Dwelling
    /// Living area in m², 10…400: it scales the heating estimate and the hot-water part of a heating.
    public var livingAreaM2: Double
    /// The social benefit received; nil means none. It decides who pays heating and water by default.
    public var benefit: Benefit?
    /// Who pays the heating and so receives its savings; nil: the default of
    /// ``VisitRules/defaultHousingCostPayer(for:)``.
    public var heatingCostsPaidBy: Payer?
    /// Who pays water and wastewater; by default the same rule as the heating (both are housing costs).
    public var waterCostsPaidBy: Payer?
    /// The household's drinking water a year from its water bill (or its share of the building's), m³; nil: persons ×
    /// the reference use per person. Showers and taps together never use more (rule 1).
    public var annualWaterM3: Double?

    /// A household; the calculator fills in what is left out and lists it in ``Advice/inputs``.
    public init(
        persons: Int, dwelling: Dwelling, livingAreaM2: Double, benefit: Benefit? = nil,
        heatingCostsPaidBy: Payer? = nil, waterCostsPaidBy: Payer? = nil, annualWaterM3: Double? = nil
    ) {
        self.persons = persons
        self.dwelling = dwelling
        self.livingAreaM2 = livingAreaM2
        self.benefit = benefit
        self.heatingCostsPaidBy = heatingCostsPaidBy
        self.waterCostsPaidBy = waterCostsPaidBy
        self.annualWaterM3 = annualWaterM3
    }
}

/// A gross price: energy price per kWh and a yearly base price.
public struct PriceOverride: Sendable, Equatable {
    /// Gross energy price, ct/kWh: the worth of each saved kWh.
    public var energyPriceCtPerKWh: Double
    /// Gross base price, €/year: only for the bill and the installment, never for a saving.
    public var basePriceEURPerYear: Double

    /// A price from the household's own bill, which beats the city's default tariff.
    public init(energyPriceCtPerKWh: Double, basePriceEURPerYear: Double) {
        self.energyPriceCtPerKWh = energyPriceCtPerKWh
        self.basePriceEURPerYear = basePriceEURPerYear
    }
}

/// A meter reading taken at the visit; follow-ups count from it.
public struct MeterReading: Sendable, Equatable {
    /// The day of the reading, not after the visit.
    public var date: CalendarDate
    /// The meter's figure in kWh.
    public var kWh: Double

    /// A reading as written on the visit form.
    public init(date: CalendarDate, kWh: Double) {
        self.date = date
        self.kWh = kWh
    }
}

/// The household's electricity.
public struct ElectricityUse: Sendable, Equatable {
    /// kWh/year from the bill or meter readings; the electricity savings together never exceed it (rule 1).
    public var annualKWh: Double
    /// The reading at the visit, from which follow-ups count realised savings.
    public var meterReading: MeterReading?
    /// How water is heated electrically, if at all; nil means `none`.
    public var hotWater: HotWaterSystem?
    /// The monthly advance payment now, € (for the installment check).
    public var monthlyInstallmentEUR: Double?
    /// The price on the household's bill, which beats the city's default tariff.
    public var tariff: PriceOverride?
    /// False when the household cannot change supplier (debts, a failed credit check); default true. The basic
    /// supply takes every household all the same.
    public var switchPossible: Bool?
    /// Basic supply, replacement supply or another contract; nil: basic supply unless the visit gives its own price
    /// (then unknown).
    public var supply: SupplyKind?

    /// The electricity part of a visit; the arguments left out are optional keys.
    public init(
        annualKWh: Double, meterReading: MeterReading? = nil, hotWater: HotWaterSystem? = nil,
        monthlyInstallmentEUR: Double? = nil, tariff: PriceOverride? = nil, switchPossible: Bool? = nil,
        supply: SupplyKind? = nil
    ) {
        self.annualKWh = annualKWh
        self.meterReading = meterReading
        self.hotWater = hotWater
        self.monthlyInstallmentEUR = monthlyInstallmentEUR
        self.tariff = tariff
        self.switchPossible = switchPossible
        self.supply = supply
    }
}

/// The household's heating.
public struct HeatingUse: Sendable, Equatable {
    /// The fuel: it picks the price, CO2 factor, average and hot-water figures.
    public var fuel: HeatingFuel
    /// Fuel kWh/year from the bill; nil: the Heizspiegel average × living area, marked as an estimate.
    public var annualKWh: Double?
    /// The heating also makes the hot water; nil: true unless water is heated electrically or by storage heaters
    /// (which rarely make hot water), or when ``hotWaterKWh`` is given.
    public var includesHotWater: Bool?
    /// The hot-water part of the heating bill, kWh, where the bill states it; nil: the reference area rule. Showers and
    /// taps together never use more hot-water energy (rule 1).
    public var hotWaterKWh: Double?
    /// Own bill or a share of the building's; nil: ``VisitRules/defaultBilling(dwelling:fuel:)``.
    public var billing: HeatingBilling?
    /// The share of a building's heating bill that follows the flat's own use (0.5…1), for `billing` "building".
    public var consumptionShare: Double?
    /// The room temperature the advisor measured, °C; nil: no room-temperature advice.
    public var roomTemperatureC: Double?
    /// The temperature to advise, °C; nil: ``VisitRules/targetTemperatureCDefault``.
    public var targetTemperatureC: Double?
    /// Windows stay tilted in the heating season; nil: false.
    public var windowsTiltedInWinter: Bool?
    /// The monthly advance payment for heating now, € (for the installment check).
    public var monthlyInstallmentEUR: Double?
    /// The price on the household's heating bill, which beats the city's price for the fuel.
    public var tariff: PriceOverride?

    /// The heating part of a visit; the arguments left out are optional keys.
    public init(
        fuel: HeatingFuel, annualKWh: Double? = nil, includesHotWater: Bool? = nil, hotWaterKWh: Double? = nil,
        billing: HeatingBilling? = nil, consumptionShare: Double? = nil,
        roomTemperatureC: Double? = nil, targetTemperatureC: Double? = nil,
        windowsTiltedInWinter: Bool? = nil, monthlyInstallmentEUR: Double? = nil,
        tariff: PriceOverride? = nil
    ) {
        self.fuel = fuel
        self.annualKWh = annualKWh
        self.includesHotWater = includesHotWater
        self.hotWaterKWh = hotWaterKWh
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
    /// The room, in the advisor's words.
    public var room: String?
    /// Number of lamps of this kind in the room.
    public var lamps: Int
    /// Watts of one lamp.
    public var watts: Double
    /// What kind of lamp; LED rows save nothing more.
    public var technology: LampTechnology
    /// Hours a day the lamps burn, 0…24.
    public var hoursPerDay: Double
    /// The programme fitted LED lamps in place of these at the visit.
    public var installedAtVisit: Bool?

    /// One row of the lighting table.
    public init(
        room: String? = nil, lamps: Int, watts: Double, technology: LampTechnology, hoursPerDay: Double,
        installedAtVisit: Bool? = nil
    ) {
        self.room = room
        self.lamps = lamps
        self.watts = watts
        self.technology = technology
        self.hoursPerDay = hoursPerDay
        self.installedAtVisit = installedAtVisit
    }
}

/// One entry of the visit's `appliances`.
public enum Appliance: Sendable, Equatable {
    /// A fridge, fridge-freezer or freezer.
    case cooling(CoolingAppliance)
    /// A device that draws power while off.
    case standby(StandbyDevice)
}

/// An old cooling appliance, as much as the advisor knows of it.
public struct CoolingAppliance: Sendable, Equatable {
    /// Fridge, fridge-freezer or freezer.
    public var kind: CoolingKind
    /// Age in years; a voucher needs it, and alone it only gives an estimate.
    public var ageYears: Int?
    /// kWh/year from the label or data sheet; it beats a measurement.
    public var annualKWh: Double?
    /// kWh a day from a plug meter (≥ 48 hours), used × 365 when there is no label figure.
    public var measuredKWhPerDay: Double?
    /// Volume in litres; recorded with the visit, not used by the calculation.
    public var volumeLitres: Double?
    /// kWh/year of the new device the household has in mind; nil: the reference new device.
    public var replacementAnnualKWh: Double?

    /// A cooling appliance; give what is known.
    public init(
        kind: CoolingKind, ageYears: Int? = nil, annualKWh: Double? = nil, measuredKWhPerDay: Double? = nil,
        volumeLitres: Double? = nil, replacementAnnualKWh: Double? = nil
    ) {
        self.kind = kind
        self.ageYears = ageYears
        self.annualKWh = annualKWh
        self.measuredKWhPerDay = measuredKWhPerDay
        self.volumeLitres = volumeLitres
        self.replacementAnnualKWh = replacementAnnualKWh
    }
}

/// A device (or group on one socket) that draws power while off.
public struct StandbyDevice: Sendable, Equatable {
    /// What it is; nil: `other`, unless the label names a device that must stay on.
    public var kind: StandbyKind?
    /// The advisor's name for it ("TV and receiver").
    public var label: String?
    /// Standby power in watts, from a plug meter.
    public var watts: Double
    /// Hours a day on standby, 0…24.
    public var hoursPerDay: Double
    /// The programme fitted a switchable strip at the visit.
    public var installedAtVisit: Bool?

    /// The kind that decides the advice: one that must stay on when the label names such a device, else the recorded
    /// kind, else `other`.
    public var effectiveKind: StandbyKind {
        if let kind, kind.mustStayOn { return kind }
        if let label, let named = StandbyKind.mustStayOn(namedIn: label) { return named }
        return kind ?? .other
    }

    /// A standby device.
    public init(
        kind: StandbyKind? = nil, label: String? = nil, watts: Double, hoursPerDay: Double,
        installedAtVisit: Bool? = nil
    ) {
        self.kind = kind
        self.label = label
        self.watts = watts
        self.hoursPerDay = hoursPerDay
        self.installedAtVisit = installedAtVisit
    }
}

/// Showering of the whole household.
public struct ShowerHabits: Sendable, Equatable {
    /// Showers a week, of the whole household.
    public var perWeek: Double
    /// Minutes per shower.
    public var minutes: Double
    /// The head's flow in L/min (the jug test: 1 L in 5 s is 12 L/min).
    public var flowLitresPerMinute: Double
    /// Shower temperature, °C; nil: ``VisitRules/showerTemperatureCDefault``.
    public var temperatureC: Double?
    /// Cold-water temperature, °C; nil: ``VisitRules/coldWaterCDefault``.
    public var coldWaterC: Double?
    /// The programme fitted an efficient showerhead at the visit.
    public var installedAtVisit: Bool?

    /// The household's showering.
    public init(
        perWeek: Double, minutes: Double, flowLitresPerMinute: Double, temperatureC: Double? = nil,
        coldWaterC: Double? = nil, installedAtVisit: Bool? = nil
    ) {
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
    /// Kitchen or bathroom.
    public var room: TapRoom
    /// The tap's flow in L/min, fully open.
    public var flowLitresPerMinute: Double
    /// Minutes the tap runs a day; the reference default per room when missing.
    public var minutesPerDay: Double?
    /// The programme fitted an aerator at the visit.
    public var installedAtVisit: Bool?

    /// A tap as measured.
    public init(room: TapRoom, flowLitresPerMinute: Double, minutesPerDay: Double? = nil, installedAtVisit: Bool? = nil)
    {
        self.room = room
        self.flowLitresPerMinute = flowLitresPerMinute
        self.minutesPerDay = minutesPerDay
        self.installedAtVisit = installedAtVisit
    }
}
