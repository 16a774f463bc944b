/// One step of advice with its savings per year: the technical figure of the formula, and the expected figure
/// that reaches the household, the sheet and the register (rules v2, rule 2).
public struct MeasureResult: Sendable, Equatable {
    /// Which step this is.
    public var kind: MeasureKind
    /// The advice recommends the step; only recommended steps count in the totals. A fridge to keep or to measure first
    /// is listed but not recommended, and so is a step the household pays for that does not pay back within the item's
    /// life (``notRecommendedBecause``).
    public var recommended: Bool
    /// Why a step is not recommended; nil when it is.
    public var notRecommendedBecause: NotRecommendedReason?
    /// The programme handed out or fitted the item at the visit: done, nothing to pay.
    public var installedAtVisit: Bool
    /// The city's programme hands this item out for free (its city file lists it in `<kit>`): the household pays
    /// nothing even when it was not fitted at the visit. Not fitted, the sheet says where to get it and that it pays
    /// from the day it is fitted, never that it is done or pays at once.
    public var freeFromProgramme: Bool
    /// technical × realisation factor; what the sheet and the totals use.
    public var expected: Saving
    /// The formula's figure after the bounds of rule 1.
    public var technical: Saving
    /// Nil for the tariff switch, whose euros are exact once the household has switched.
    public var realisation: RealisationFactor?
    /// The expected euros at the low and high realisation factors.
    public var range: EURRange
    /// The household's own part of ``range``: what the sheet tells the household it keeps.
    public var householdRange: EURRange
    /// The technical figure hit a bound of rule 1 and was cut to it (a warning says which inputs disagree).
    public var capped: Bool
    /// What the saving was computed from; an estimate is never shown as a measurement (rule 6).
    public var baseline: Baseline
    /// What the household pays (0 for an item given at the visit).
    public var investmentEUR: Double
    /// What the programme pays for an item given at the visit.
    public var programmeCostEUR: Double
    /// The fridge voucher the city pays, in euros; it lowers the net investment for the payback.
    public var voucherEUR: Double
    /// Months until the household's own part of the saving repays what it pays; 0 when it pays nothing, nil when
    /// it never gets anything back.
    public var paybackMonths: Double?
    /// How long the item lasts, in years (for a lamp at its hours a day); nil for advice without an item, or when the
    /// data give no lifetime.
    public var lifetimeYears: Double?
    /// The expected saving by who receives it; the parts add up to `savingEUR`.
    public var split: PayerSplit
    /// The facts behind the figure, typed per kind, for the sheet and the JSON.
    public var details: MeasureDetails

    /// Expected electricity saved, kWh/year.
    public var electricityKWh: Double { expected.electricityKWh }
    /// Expected heating fuel saved, kWh/year.
    public var heatKWh: Double { expected.heatKWh }
    /// Expected water saved, m³/year.
    public var waterM3: Double { expected.waterM3 }
    /// Expected euros saved a year; for the tariff switch, the euros the cheaper tariff saves.
    public var savingEUR: Double { expected.savingEUR }
    /// Expected kg CO2 equivalents avoided a year.
    public var co2Kg: Double { expected.co2Kg }

    /// Who receives the largest part of the saving (the household when nobody receives anything).
    public var beneficiary: Payer { split.largest ?? .household }
}

/// Why a step is listed but not recommended.
public enum NotRecommendedReason: String, Sendable, CaseIterable {
    /// It saves nothing, or a new device would save less than the voucher rule's minimum.
    case savesTooLittle = "saves-too-little"
    /// A fridge known only by its age: measure it first (rule 6).
    case measureFirst = "measure-first"
    /// What the household pays would come back only after the item's life.
    case paysBackTooLate = "pays-back-too-late"
    /// The household pays for it, but the whole saving goes to whoever pays the heating or the water.
    case savesTheHouseholdNothing = "saves-the-household-nothing"
    /// A router, a phone, an alarm clock or a medical device: a switchable strip would cut it off.
    case mustStayOn = "must-stay-on"
}

/// Energy, water, money and CO2 of one saving per year.
public struct Saving: Sendable, Equatable {
    /// Electricity, kWh/year; electric hot water counts here.
    public var electricityKWh: Double
    /// Heating fuel, kWh/year, including the hot water a heating makes.
    public var heatKWh: Double
    /// Drinking water (and so wastewater), m³/year.
    public var waterM3: Double
    /// Euros a year at the energy prices and the water price; a building's heating bill passes on only its consumption
    /// share (rule 4).
    public var savingEUR: Double
    /// kg CO2 equivalents a year, on the reference file's basis (upstream chain included or not).
    public var co2Kg: Double

    /// A saving; leave out what it does not touch.
    public init(
        electricityKWh: Double = 0, heatKWh: Double = 0, waterM3: Double = 0, savingEUR: Double = 0,
        co2Kg: Double = 0
    ) {
        self.electricityKWh = electricityKWh
        self.heatKWh = heatKWh
        self.waterM3 = waterM3
        self.savingEUR = savingEUR
        self.co2Kg = co2Kg
    }
}

/// A range of euros a year.
public struct EURRange: Sendable, Equatable {
    /// At the low realisation factor.
    public var lowEUR: Double
    /// At the high realisation factor.
    public var highEUR: Double

    /// A range of euros a year.
    public init(lowEUR: Double, highEUR: Double) {
        self.lowEUR = lowEUR
        self.highEUR = highEUR
    }
}

/// The facts of one measure, typed per kind, for the sheet and the JSON.
public enum MeasureDetails: Sendable, Equatable {
    /// LED lamps for one lighting row.
    case led(LEDDetails)
    /// A switchable strip for one standby device.
    case standby(StandbyDetails)
    /// A new cooling appliance for an old one.
    case fridgeReplacement(FridgeDetails)
    /// An efficient showerhead.
    case showerhead(ShowerheadDetails)
    /// An aerator for one tap.
    case tapAerator(TapAeratorDetails)
    /// A lower room temperature.
    case roomTemperature(RoomTemperatureDetails)
    /// Airing briefly and fully instead of tilted windows.
    case ventilation(VentilationDetails)
    /// A cheaper named tariff.
    case tariffSwitch(TariffSwitchDetails)
}

/// LED lamps in place of one lighting row.
public struct LEDDetails: Sendable, Equatable {
    /// Index into the visit's `lighting`.
    public var row: Int
    /// The room, as the advisor wrote it.
    public var room: String?
    /// How many lamps of the row are replaced.
    public var lamps: Int
    /// The technology of the old lamps; it decides the LED share.
    public var technology: LampTechnology
    /// Watts of one old lamp.
    public var oldWatts: Double
    /// Watts of one LED for the same light: old watts × the LED share of the technology.
    public var ledWatts: Double
    /// Hours a day the lamps burn.
    public var hoursPerDay: Double
}

/// A switchable strip for one standby device.
public struct StandbyDetails: Sendable, Equatable {
    /// Index into the visit's `appliances`.
    public var appliance: Int
    /// What the device is (never one that must stay on: those get no strip).
    public var kind: StandbyKind
    /// The advisor's name for the device ("TV and receiver").
    public var label: String?
    /// Standby power in watts, as measured.
    public var watts: Double
    /// Hours a day on standby, which the strip cuts off.
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

/// An old cooling appliance against a new one.
public struct FridgeDetails: Sendable, Equatable {
    /// Index into the visit's `appliances`.
    public var appliance: Int
    /// Fridge, fridge-freezer or freezer.
    public var kind: CoolingKind
    /// Age in years, when known; a voucher needs it.
    public var ageYears: Int?
    /// kWh/year of the old device: label, plug-meter kWh/day × 365, or the reference figure for its age.
    public var oldAnnualKWh: Double
    /// measured, label or estimated (by age).
    public var oldBasis: Baseline
    /// kWh/year of the new device: the visit's figure or the reference one.
    public var newAnnualKWh: Double
    /// Replace, measure first, or keep.
    public var action: FridgeAction
    /// A new device is advised when it saves at least this much a year.
    public var minSavingKWh: Double
    /// The city's voucher rule, so the sheet can state its conditions; nil where the city pays none.
    public var voucherRule: VoucherRule?
}

/// What a showerhead or an aerator saves, and what heats the water.
public struct HotWaterDetails: Sendable, Equatable {
    /// Flow before, L/min, as measured (the jug test).
    public var oldFlowLitresPerMinute: Double
    /// Flow after, L/min: the efficient head's or the aerator's reference flow.
    public var newFlowLitresPerMinute: Double
    /// Litres of warm water saved a year, before the bounds of rule 1.
    public var litresPerYear: Double
    /// Heat in the saved water.
    public var usefulKWh: Double
    /// What heats the water, and so which energy and whose bill the saving lowers.
    public var source: HotWaterSource
    /// Heat at the tap per kWh of the carrier (nil when the source is unknown).
    public var efficiency: Double?
    /// The most the saving may be in the carrier's kWh (rule 1), nil when no bound applies.
    public var boundKWh: Double?
}

/// An efficient showerhead for the household's showers.
public struct ShowerheadDetails: Sendable, Equatable {
    /// The water and heat saved.
    public var hotWater: HotWaterDetails
    /// Shower temperature, °C: the visit's, else ``VisitRules/showerTemperatureCDefault``.
    public var temperatureC: Double
    /// Cold-water temperature, °C: the visit's, else ``VisitRules/coldWaterCDefault``.
    public var coldWaterC: Double
}

/// An aerator for one tap.
public struct TapAeratorDetails: Sendable, Equatable {
    /// Index into the visit's `taps`.
    public var tap: Int
    /// Kitchen or bathroom; it decides the default minutes a day.
    public var room: TapRoom
    /// Minutes a day the tap runs: the visit's, or the reference default for the room.
    public var minutesPerDay: Double
    /// The water and heat saved.
    public var hotWater: HotWaterDetails
    /// Temperature of the mixed water from the tap, °C (reference file).
    public var mixedWaterTemperatureC: Double
}

/// A lower room temperature.
public struct RoomTemperatureDetails: Sendable, Equatable {
    /// The room temperature now, °C, as the advisor measured it.
    public var roomTemperatureC: Double
    /// The advised temperature, °C: the visit's, else ``VisitRules/targetTemperatureCDefault``.
    public var targetTemperatureC: Double
    /// Kelvin counted, at most the reference cap.
    public var kelvin: Double
    /// Share of the space heating saved per kelvin (reference file).
    public var savingPerKelvin: Double
    /// The heating bill without its hot-water part, kWh/year: the energy the saving acts on.
    public var spaceHeatingKWh: Double
}

/// Airing briefly and fully instead of tilted windows.
public struct VentilationDetails: Sendable, Equatable {
    /// The heating bill without its hot-water part, kWh/year.
    public var spaceHeatingKWh: Double
    /// The space heating left after the room-temperature saving: the two combine, they do not add.
    public var baseKWh: Double
    /// Share of the space heating lost through tilted windows (reference file).
    public var share: Double
}

/// The cheaper tariff a switch names, with its conditions (rule 5).
public struct TariffSwitchDetails: Sendable, Equatable {
    /// The tariff's id in the city file.
    public var tariffID: String
    /// The supplier the household signs with.
    public var supplier: String
    /// The product's name.
    public var name: String
    /// The target is the local basic supply (Grundversorgung): every household can sign it, without a credit check.
    public var basicSupply: Bool
    /// The target's price is a published average (the local sheet was not found): the saving is an estimate.
    public var averagePrice: Bool
    /// What the household has now: basic supply, replacement supply or a contract; nil when unknown.
    public var currentSupply: SupplyKind?
    /// Weeks of notice to leave the current supply (basic supply: 2, replacement supply: 0); nil when the current
    /// contract's own notice applies.
    public var noticeWeeks: Int?
    /// Its gross energy price, ct/kWh.
    public var energyPriceCtPerKWh: Double
    /// Its gross base price, €/year.
    public var basePriceEURPerYear: Double
    /// The day the price took effect.
    public var validFrom: CalendarDate
    /// The contract's minimum term in months (0: none).
    public var minimumTermMonths: Int?
    /// The supplier checks the household's credit: a household with debts may be refused.
    public var creditCheck: Bool
    /// The consumption after the expected electricity savings, on which both tariffs are compared.
    public var kWhAfterSavings: Double
    /// That consumption at the tariff in use, energy and base price, €/year.
    public var currentCostEUR: Double
    /// That consumption at the new tariff, €/year; the saving is the difference.
    public var newCostEUR: Double
}

/// Euros by who receives them. Four fixed payers, so stored fields rather than a dictionary: the calculator
/// builds one per measure and must not hash on that path.
public struct PayerSplit: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// Euros the household keeps: all electricity, and heating and water it pays itself.
    public var household = 0.0
    /// Euros that lower what the jobcenter pays (SGB II housing costs).
    public var jobcenter = 0.0
    /// Euros that lower what the social office pays (SGB XII, AsylbLG housing costs).
    public var socialOffice = 0.0
    /// Euros on costs the landlord pays, e.g. heating included in the rent.
    public var landlord = 0.0

    /// Nothing for anyone.
    public init() {}

    /// Euros per payer, as stored.
    public init(household: Double, jobcenter: Double, socialOffice: Double, landlord: Double) {
        self.household = household
        self.jobcenter = jobcenter
        self.socialOffice = socialOffice
        self.landlord = landlord
    }

    /// `[.household: 12.5, .jobcenter: 3]`: payers left out get nothing; a payer named twice gets the sum.
    public init(dictionaryLiteral elements: (Payer, Double)...) {
        for (payer, eur) in elements { self[payer] += eur }
    }

    /// The euros of one payer.
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
    /// All four parts: equals the saving's euros.
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

    /// Adds part by part, for totals.
    public static func += (sum: inout PayerSplit, part: PayerSplit) {
        sum.household += part.household
        sum.jobcenter += part.jobcenter
        sum.socialOffice += part.socialOffice
        sum.landlord += part.landlord
    }
}
