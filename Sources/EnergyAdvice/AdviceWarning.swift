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
    /// The showers as recorded would save more energy than the showers' share of the hot water: the shower
    /// habits and the bill disagree, and the saving was cut to the bound.
    case showerSavingCapped(technicalKWh: Double, boundKWh: Double, source: HotWaterSource, estimatedBill: Bool)
    /// The same for the taps together.
    case tapSavingsCapped(technicalKWh: Double, boundKWh: Double, source: HotWaterSource, estimatedBill: Bool)
    /// Lamps, standby devices and fridges as recorded would save more electricity than the household uses; every
    /// electricity saving was scaled down to fit.
    case electricitySavingsCapped(technicalKWh: Double, annualKWh: Double)
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
        "hot-water-source-unknown", "voucher-needs-age", "shower-saving-capped", "tap-savings-capped",
        "electricity-savings-capped", "installed-without-saving", "building-billing-for-house",
        "consumption-share-ignored", "hot-water-twice", "installed-not-in-kit",
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
        case .showerSavingCapped: "shower-saving-capped"
        case .tapSavingsCapped: "tap-savings-capped"
        case .electricitySavingsCapped: "electricity-savings-capped"
        case .installedWithoutSaving: "installed-without-saving"
        case .buildingBillingForHouse: "building-billing-for-house"
        case .consumptionShareIgnored: "consumption-share-ignored"
        case .hotWaterTwice: "hot-water-twice"
        case .installedNotInKit: "installed-not-in-kit"
        }
    }

    /// The visit fields that contradict each other or need a look, as JSON paths of the visit file.
    public var inputPaths: [String] {
        func bill(_ source: HotWaterSource, estimated: Bool) -> [String] {
            switch source {
            case .electric: ["electricity.annualKWh", "electricity.hotWater"]
            case .heating: estimated ? ["heating.annualKWh", "household.livingAreaM2"] : ["heating.annualKWh"]
            case .unknown: []
            }
        }
        switch self {
        case .electricityImplausiblyHigh, .electricityImplausiblyLow: return ["electricity.annualKWh"]
        case .heatingImplausiblyHigh, .heatingImplausiblyLow: return ["heating.annualKWh", "household.livingAreaM2"]
        case .cityTariffsExpired, .referenceDataExpired, .cityTariffsExpiring, .referenceDataExpiring,
            .tariffNotYetValid:
            return []
        case .hotWaterSourceUnknown: return ["electricity.hotWater", "heating.includesHotWater"]
        case .voucherNeedsAge(let index): return ["appliances[\(index)].ageYears"]
        case .showerSavingCapped(_, _, let source, let estimated):
            return ["showers.perWeek", "showers.minutes", "showers.flowLitresPerMinute"]
                + bill(source, estimated: estimated)
        case .tapSavingsCapped(_, _, let source, let estimated):
            return ["taps[].flowLitresPerMinute", "taps[].minutesPerDay"] + bill(source, estimated: estimated)
        case .electricitySavingsCapped: return ["lighting", "appliances", "showers", "taps", "electricity.annualKWh"]
        case .installedWithoutSaving(let path): return [path]
        case .buildingBillingForHouse: return ["heating.billing", "household.dwelling"]
        case .consumptionShareIgnored: return ["heating.consumptionShare", "heating.billing"]
        case .hotWaterTwice: return ["electricity.hotWater", "heating.includesHotWater"]
        case .installedNotInKit: return []
        }
    }
}
