/// Something the advisor should look at; the advice is still computed. Warnings reach the terminal and the
/// office copy, never the household's sheet.
public enum AdviceWarning: Sendable, Equatable {
    /// Electricity use above ``PlausibilityLimits/electricityAboveFBoundFactor`` times the F bound of the
    /// household's table: a mistyped bill, or a use worth a closer look.
    case electricityImplausiblyHigh(kWh: Double, limitKWh: Double)
    /// Electricity use below ``PlausibilityLimits/electricityBelowABoundFactor`` times the A bound of the
    /// household's table: a mistyped bill, or a household that is often away.
    case electricityImplausiblyLow(kWh: Double, limitKWh: Double)
    /// Heating kWh/m² above ``PlausibilityLimits/heatingAboveAverageFactor`` times the fuel's average (checked only
    /// for a bill, not an estimate).
    case heatingImplausiblyHigh(kWhPerM2: Double, limitKWhPerM2: Double)
    /// Heating kWh/m² below ``PlausibilityLimits/heatingBelowAverageFactor`` times the fuel's average: perhaps a
    /// bill for part of the year, or a typo.
    case heatingImplausiblyLow(kWhPerM2: Double, limitKWhPerM2: Double)
    /// The city file's validity ended before the visit.
    case cityTariffsExpired(city: String, validUntil: CalendarDate)
    /// The national reference file's review date passed before the visit.
    case referenceDataExpired(validUntil: CalendarDate)
    /// The city file's review date falls within the warning window after the visit
    /// (``PlausibilityLimits/expiryWarningDays``).
    case cityTariffsExpiring(city: String, validUntil: CalendarDate)
    /// The national reference file's review date falls within the warning window after the visit.
    case referenceDataExpiring(validUntil: CalendarDate)
    /// A tariff the visit relied on starts after the visit date; the earliest one was used.
    case tariffNotYetValid(name: String, validFrom: CalendarDate)
    /// Hot water is heated by something the visit does not describe; only water is counted.
    case hotWaterSourceUnknown
    /// The fridge's age is unknown, so no voucher can be promised.
    case voucherNeedsAge(applianceIndex: Int)
    /// The showers and taps as recorded would use more energy for hot water than is known to be used (the electricity
    /// bill, the heating bill or its hot-water figure): the habits and the bill disagree, and their savings were cut
    /// in proportion.
    case hotWaterAboveUse(usedKWh: Double, availableKWh: Double, basis: KnownUse)
    /// The showers and taps as recorded would draw more water than the household uses in all (its water bill, or
    /// persons × the reference use per person): their savings were cut in proportion.
    case waterAboveUse(usedM3: Double, householdM3: Double, fromBill: Bool)
    /// The showers and taps as recorded draw far more water than the averages give a household of this size
    /// (``PlausibilityLimits/hotWaterAboveAverageFactor``): worth a second look; nothing was cut.
    case waterUseUnusual(usedM3: Double, typicalM3: Double)
    /// Lamps, standby devices and fridges as recorded would save more electricity than the household uses; every
    /// electricity saving was scaled down to fit.
    case electricitySavingsCapped(technicalKWh: Double, annualKWh: Double)
    /// The heating steps, showers and taps together would save more fuel than the heating uses; every heating saving
    /// was scaled down to fit.
    case heatingSavingsCapped(technicalKWh: Double, annualKWh: Double)
    /// The recommended steps together are expected to save more than ``PlausibilityLimits/savingShareOfUse`` of the
    /// household's electricity: the programmes measured about 15 %, so the inputs deserve a second look.
    case largeShareOfElectricity(savedKWh: Double, annualKWh: Double)
    /// The same for the heating.
    case largeShareOfHeating(savedKWh: Double, annualKWh: Double)
    /// An item marked as given at the visit saves nothing by the rules (e.g. a showerhead on a shower that was
    /// already efficient).
    case installedWithoutSaving(path: String)
    /// An item was fitted at the visit that the city's programme does not list in its kit: its price is the
    /// national kit price.
    case installedNotInKit(item: KitItem)
    /// "building" billing was given for a house, which has no landlord's heating bill to share.
    case buildingBillingForHouse
    /// A consumption share was given for a heating billed on its own (by the visit or by default): it is not used.
    case consumptionShareIgnored
    /// Water is heated electrically and by the heating: the advice takes the electric heater for showers and taps,
    /// and the heating's hot-water part still leaves the space heating smaller.
    case hotWaterTwice

    /// Every code, for checking that each has a text.
    public static let allCodes = [
        "electricity-implausibly-high", "electricity-implausibly-low", "heating-implausibly-high",
        "heating-implausibly-low", "city-tariffs-expired", "reference-data-expired", "city-tariffs-expiring",
        "reference-data-expiring", "tariff-not-yet-valid",
        "hot-water-source-unknown", "voucher-needs-age", "hot-water-above-use", "water-above-use",
        "water-use-unusual", "electricity-savings-capped", "heating-savings-capped",
        "large-share-of-electricity", "large-share-of-heating", "installed-without-saving",
        "building-billing-for-house", "consumption-share-ignored", "hot-water-twice", "installed-not-in-kit",
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
        case .cityTariffsExpiring: "city-tariffs-expiring"
        case .referenceDataExpiring: "reference-data-expiring"
        case .tariffNotYetValid: "tariff-not-yet-valid"
        case .hotWaterSourceUnknown: "hot-water-source-unknown"
        case .voucherNeedsAge: "voucher-needs-age"
        case .hotWaterAboveUse: "hot-water-above-use"
        case .waterAboveUse: "water-above-use"
        case .waterUseUnusual: "water-use-unusual"
        case .electricitySavingsCapped: "electricity-savings-capped"
        case .heatingSavingsCapped: "heating-savings-capped"
        case .largeShareOfElectricity: "large-share-of-electricity"
        case .largeShareOfHeating: "large-share-of-heating"
        case .installedWithoutSaving: "installed-without-saving"
        case .buildingBillingForHouse: "building-billing-for-house"
        case .consumptionShareIgnored: "consumption-share-ignored"
        case .hotWaterTwice: "hot-water-twice"
        case .installedNotInKit: "installed-not-in-kit"
        }
    }

    /// The visit fields that contradict each other or need a look, as JSON paths of the visit file.
    public var inputPaths: [String] {
        let showers = ["showers.perWeek", "showers.minutes", "showers.flowLitresPerMinute"]
        let taps = ["taps[].flowLitresPerMinute", "taps[].minutesPerDay"]
        switch self {
        case .electricityImplausiblyHigh, .electricityImplausiblyLow: return ["electricity.annualKWh"]
        case .heatingImplausiblyHigh, .heatingImplausiblyLow: return ["heating.annualKWh", "household.livingAreaM2"]
        case .cityTariffsExpired, .referenceDataExpired, .cityTariffsExpiring, .referenceDataExpiring,
            .tariffNotYetValid:
            return []
        case .hotWaterSourceUnknown: return ["electricity.hotWater", "heating.includesHotWater"]
        case .voucherNeedsAge(let index): return ["appliances[\(index)].ageYears"]
        case .hotWaterAboveUse(_, _, let basis): return showers + taps + basis.inputPaths
        case .waterAboveUse(_, _, let fromBill):
            return showers + taps + [fromBill ? "household.annualWaterM3" : "household.persons"]
        case .waterUseUnusual: return showers + taps
        case .electricitySavingsCapped: return ["lighting", "appliances", "showers", "taps", "electricity.annualKWh"]
        case .heatingSavingsCapped:
            return [
                "heating.roomTemperatureC", "heating.windowsTiltedInWinter", "showers", "taps", "heating.annualKWh",
            ]
        case .largeShareOfElectricity: return ["lighting", "appliances", "electricity.annualKWh"]
        case .largeShareOfHeating:
            return ["heating.roomTemperatureC", "heating.targetTemperatureC", "showers", "taps", "heating.annualKWh"]
        case .installedWithoutSaving(let path): return [path]
        case .buildingBillingForHouse: return ["heating.billing", "household.dwelling"]
        case .consumptionShareIgnored: return ["heating.consumptionShare", "heating.billing"]
        case .hotWaterTwice: return ["electricity.hotWater", "heating.includesHotWater"]
        case .installedNotInKit: return []
        }
    }
}

/// What a bound of rule 1 rests on: a use the household is known to have, never an average.
public enum KnownUse: String, Sendable, CaseIterable {
    /// The electricity bill (`electricity.annualKWh`), for electric hot water.
    case electricityBill = "electricity-bill"
    /// The heating bill (`heating.annualKWh`) of a heating that makes the hot water.
    case heatingBill = "heating-bill"
    /// The hot-water part the heating bill states (`heating.hotWaterKWh`).
    case hotWaterFigure = "hot-water-figure"
    /// A heating without a bill, estimated from the average: the bound is an estimate too.
    case estimatedHeating = "estimated-heating"

    /// The visit fields the use comes from.
    public var inputPaths: [String] {
        switch self {
        case .electricityBill: ["electricity.annualKWh", "electricity.hotWater"]
        case .heatingBill: ["heating.annualKWh"]
        case .hotWaterFigure: ["heating.hotWaterKWh"]
        case .estimatedHeating: ["heating.annualKWh", "household.livingAreaM2"]
        }
    }
}
