/// The visit with every default resolved and every price chosen; the measures read from it.
struct AdviceContext {
    let visit: Visit
    /// Shared, not copied: the reference data holds dozens of sources, and copying it per visit cost more
    /// retains than the whole calculation.
    let data: CalculationData
    var reference: ReferenceData { _read { yield data.reference } }
    var city: CityTariffs { _read { yield data.city } }
    let language: String
    let household: Household
    let heatingPayer: Payer
    let waterPayer: Payer
    let hotWater: HotWaterSystem
    let electricityTariff: EnergyTariff
    /// Nil when the visit gave its own price.
    let electricityTariffID: String?
    /// The city's tariffs in force on the visit date, worked out once for the default and the switch.
    let effectiveTariffs: [TariffHistory.InForce]
    let heating: ResolvedHeating?
    let water: Sourced<Double>
    /// The replacement rule: its minimum saving decides whether a new fridge is advised.
    let voucher: VoucherRule
    /// The city pays a voucher by that rule; without one no voucher is promised (Nürnberg's ESP has none).
    let voucherOffered: Bool
    /// CO2 factors of electricity and of the heating fuel, resolved once (city before national).
    let electricityCO2: Sourced<Double>?
    let heatCO2: Sourced<Double>?
    private(set) var inputs: [AssumedInput] = []
    private(set) var warnings: [AdviceWarning] = []
    /// Constants already listed in `inputs`, so each appears once however many measures use it.
    private var listedConstants = ListedConstants()

    struct ResolvedHeating {
        var fuel: HeatingFuel
        var annualKWh: Double
        var estimated: Bool
        var includesHotWater: Bool
        var billing: HeatingBilling
        /// The share of a saving that reaches the bill (rule 4): consumptionShare for building billing, else 1.
        var billShare: Double
        var hotWaterKWh: Double
        /// The hot-water part is the bill's own figure (`heating.hotWaterKWh`), not the area rule's estimate.
        var hotWaterFromBill: Bool
        var spaceHeatingKWh: Double
        var roomTemperatureC: Double?
        var targetTemperatureC: Double
        var windowsTilted: Bool
        var tariff: EnergyTariff
        var average: Sourced<Double>
        /// Heat at the tap per kWh of fuel, when the heating makes hot water.
        var hotWaterEfficiency: Sourced<Double>?
    }

    init(visit: Visit, data: CalculationData) throws(AdviceError) {
        self.visit = visit
        self.data = data
        self.water = data.city.waterPriceEURPerM3
        self.voucher = data.city.fridgeVoucher ?? data.reference.fridgeVoucher
        self.voucherOffered = data.city.fridgeVoucher != nil

        var inputs: [AssumedInput] = []
        inputs.reserveCapacity(16)
        var warnings: [AdviceWarning] = []
        func assume(_ path: String, _ value: Scalar, _ kind: AssumedInput.Kind, _ source: Source? = nil) {
            inputs.append(AssumedInput(path: path, value: value, kind: kind, source: source))
        }

        if let language = visit.language {
            self.language = language
        } else {
            self.language = VisitRules.languageDefault
            assume("language", .text(VisitRules.languageDefault), .formatDefault)
        }

        var household = visit.household
        if household.benefit == nil {
            household.benefit = Benefit.none
            assume("household.benefit", .text(Benefit.none.rawValue), .formatDefault)
        }
        let housingPayer = VisitRules.defaultHousingCostPayer(for: household.benefit ?? .none)
        if household.heatingCostsPaidBy == nil {
            household.heatingCostsPaidBy = housingPayer
            assume("household.heatingCostsPaidBy", .text(housingPayer.rawValue), .formatDefault)
        }
        if household.waterCostsPaidBy == nil {
            household.waterCostsPaidBy = housingPayer
            assume("household.waterCostsPaidBy", .text(housingPayer.rawValue), .formatDefault)
        }
        self.household = household
        self.heatingPayer = household.heatingCostsPaidBy ?? housingPayer
        self.waterPayer = household.waterCostsPaidBy ?? housingPayer

        if let hotWater = visit.electricity.hotWater {
            self.hotWater = hotWater
        } else {
            self.hotWater = HotWaterSystem.none
            assume("electricity.hotWater", .text(HotWaterSystem.none.rawValue), .formatDefault)
        }

        let current = data.tariffs.inForce(on: visit.date)
        effectiveTariffs = current
        if let own = visit.electricity.tariff {
            electricityTariff = EnergyTariff(householdBill: own, validFrom: visit.date)
            electricityTariffID = nil
        } else {
            guard let chosen = current.first(where: { data.tariffs.entries[$0.index].tariff.isDefault }) else {
                throw .noElectricityTariff(city: data.city.id)
            }
            let entry = data.tariffs.entries[chosen.index]
            if chosen.notYetValid {
                warnings.append(
                    .tariffNotYetValid(name: entry.tariff.price.name, validFrom: entry.tariff.price.validFrom))
            }
            electricityTariff = entry.tariff.price
            electricityTariffID = entry.tariff.id
            assume("electricity.tariff", .text(entry.label), .cityTariff, entry.tariff.price.source)
        }
        if visit.electricity.switchPossible == nil {
            assume("electricity.switchPossible", .flag(true), .formatDefault)
        }

        if let use = visit.heating {
            heating = try Self.resolveHeating(
                use, household: household, payer: heatingPayer, hotWater: self.hotWater,
                data: data, visitDate: visit.date, assume: assume,
                warn: { warnings.append($0) })
        } else {
            heating = nil
        }

        electricityCO2 = data.electricityCO2
        heatCO2 = heating.flatMap { data.fuels[$0.fuel]?.co2 }

        // Expired data still advises, with a warning; data about to run out warns in time for a renewal.
        let window = data.reference.plausibility.expiryWarningDays
        if data.city.validUntil < visit.date {
            warnings.append(.cityTariffsExpired(city: data.city.id, validUntil: data.city.validUntil))
        } else if data.city.validUntil.dayNumber - visit.date.dayNumber < window {
            warnings.append(.cityTariffsExpiring(city: data.city.id, validUntil: data.city.validUntil))
        }
        if data.reference.validUntil < visit.date {
            warnings.append(.referenceDataExpired(validUntil: data.reference.validUntil))
        } else if data.reference.validUntil.dayNumber - visit.date.dayNumber < window {
            warnings.append(.referenceDataExpiring(validUntil: data.reference.validUntil))
        }
        self.inputs = inputs
        self.warnings = warnings
    }

    /// The heating with its bill, tariff, billing and the hot-water part split off (rule 1).
    private static func resolveHeating(
        _ use: HeatingUse, household: Household, payer: Payer, hotWater: HotWaterSystem, data: CalculationData,
        visitDate: CalendarDate, assume: (String, Scalar, AssumedInput.Kind, Source?) -> Void,
        warn: (AdviceWarning) -> Void
    ) throws(AdviceError) -> ResolvedHeating {
        let fuel = data.fuels[use.fuel]
        guard let average = data.reference.heatingAverage(use.fuel, dwelling: household.dwelling) else {
            throw .noHeatingAverage(fuel: use.fuel)
        }
        let tariff: EnergyTariff
        if let own = use.tariff {
            tariff = EnergyTariff(householdBill: own, validFrom: visitDate)
        } else {
            guard let cityTariff = fuel?.tariff, let label = fuel?.label else {
                throw .noHeatingTariff(city: data.city.id, fuel: use.fuel)
            }
            tariff = cityTariff
            assume("heating.tariff", .text(label), .cityTariff, cityTariff.source)
        }
        let annualKWh: Double
        if let given = use.annualKWh {
            annualKWh = given
        } else {
            annualKWh = cents(average.value * household.livingAreaM2)
            assume("heating.annualKWh", .number(annualKWh), .estimate, average.source)
        }
        let includesHotWater: Bool
        if let given = use.includesHotWater {
            includesHotWater = given
            // Electric water heating and a heating that makes hot water: the hot water would be counted twice.
            if given && hotWater.isElectric { warn(.hotWaterTwice) }
        } else {
            // Storage heaters heat rooms, not water: a flat with them has an electric heater or a boiler for it.
            includesHotWater = use.hotWaterKWh != nil || (!hotWater.isElectric && use.fuel != .electricStorage)
            assume("heating.includesHotWater", .flag(includesHotWater), .formatDefault, nil)
        }
        let billing: HeatingBilling
        if let given = use.billing {
            billing = given
        } else {
            billing = VisitRules.defaultBilling(dwelling: household.dwelling, fuel: use.fuel)
            assume("heating.billing", .text(billing.rawValue), .formatDefault, nil)
        }
        if billing == .building && household.dwelling == .house { warn(.buildingBillingForHouse) }
        if billing == .own && use.consumptionShare != nil { warn(.consumptionShareIgnored) }
        var billShare = 1.0
        // A landlord who includes the heating in the rent pays the whole building's bill and keeps every saving.
        if billing == .building && payer != .landlord {
            if let given = use.consumptionShare {
                billShare = given
            } else {
                let share = data.city.consumptionShare ?? data.reference.consumptionShare
                billShare = share.value
                assume(
                    "heating.consumptionShare", .number(share.value),
                    data.city.consumptionShare == nil ? .reference : .city, share.source)
            }
        }
        let target = use.targetTemperatureC ?? VisitRules.targetTemperatureCDefault
        if use.targetTemperatureC == nil {
            assume("heating.targetTemperatureC", .number(target), .formatDefault, nil)
        }
        if use.windowsTiltedInWinter == nil {
            assume("heating.windowsTiltedInWinter", .flag(false), .formatDefault, nil)
        }

        var hotWaterKWh = 0.0
        var efficiency: Sourced<Double>?
        if includesHotWater {
            let rule = data.reference.hotWater
            guard let central = rule.central[use.fuel] else { throw .noHotWaterFigures(fuel: use.fuel) }
            efficiency = central.efficiency
            if let stated = use.hotWaterKWh {
                // The bill's own figure beats the area rule; it cannot exceed the whole bill.
                hotWaterKWh = cents(min(stated, annualKWh))
            } else {
                let byArea = central.kWhPerM2.value * household.livingAreaM2
                let most = annualKWh * rule.maxShareOfHeating.value
                hotWaterKWh = cents(min(byArea, most))
                assume(
                    "hotWater.areaRule.\(use.fuel.rawValue)", .number(central.kWhPerM2.value), .reference,
                    central.kWhPerM2.source)
                if byArea > most {
                    assume(
                        "hotWater.maxShareOfHeating", .number(rule.maxShareOfHeating.value), .reference,
                        rule.maxShareOfHeating.source)
                }
            }
        }
        return ResolvedHeating(
            fuel: use.fuel, annualKWh: annualKWh, estimated: use.annualKWh == nil, includesHotWater: includesHotWater,
            billing: billing, billShare: billShare, hotWaterKWh: hotWaterKWh,
            hotWaterFromBill: includesHotWater && use.hotWaterKWh != nil,
            spaceHeatingKWh: cents(annualKWh - hotWaterKWh), roomTemperatureC: use.roomTemperatureC,
            targetTemperatureC: target, windowsTilted: use.windowsTiltedInWinter ?? false, tariff: tariff,
            average: average, hotWaterEfficiency: efficiency
        )
    }

    // MARK: Prices and recorded assumptions

    mutating func assume(_ path: String, _ value: Scalar, _ kind: AssumedInput.Kind, _ source: Source? = nil) {
        inputs.append(AssumedInput(path: path, value: value, kind: kind, source: source))
    }

    /// Lists a constant of the data files the first time a measure uses it.
    mutating func constant(_ constant: ListedConstant, _ figure: Sourced<Double>, city overridden: Bool = false) {
        guard listedConstants.insert(constant) else { return }
        assume(constant.name, .number(figure.value), overridden ? .city : .reference, figure.source)
    }

    mutating func warn(_ warning: AdviceWarning) {
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    /// The realisation factor of a measure: the city's before the national one; listed in `inputs`.
    mutating func realisation(_ kind: MeasureKind) throws(AdviceError) -> RealisationFactor {
        guard let (factor, fromCity) = data.realisation[ListedConstant.position(kind)] else {
            throw .noRealisationFactor(kind)
        }
        let constant = ListedConstant.realisation(kind)
        if listedConstants.insert(constant) {
            assume(
                constant.name, .factor(low: factor.low, likely: factor.likely, high: factor.high),
                fromCity ? .city : .reference, factor.source)
        }
        return factor
    }

    /// What the programme pays for one item it hands out: the city's kit price before the national one.
    mutating func kitPrice(_ item: KitItem) -> Double {
        guard let (price, fromCity) = data.kitPrices[ListedConstant.position(item)] else { return 0 }
        constant(.kitPrice(item), price, city: fromCity)
        return price.value
    }

    /// What the household pays for one item in a shop.
    mutating func retailPrice(_ item: KitItem) -> Double {
        guard let price = data.retailPrices[ListedConstant.position(item)] else { return 0 }
        constant(.retailPrice(item), price)
        return price.value
    }
}

extension EnergyTariff {
    var label: String { "\(supplier) \(name)" }

    /// A price the household showed on its own bill: no supplier, name or source of esp's data.
    init(householdBill own: PriceOverride, validFrom: CalendarDate) {
        self.init(
            supplier: "", name: "", energyPriceCtPerKWh: own.energyPriceCtPerKWh,
            basePriceEURPerYear: own.basePriceEURPerYear, validFrom: validFrom, source: nil)
    }
}

/// What every advice of one calculator reads: one shared instance, so a visit's context copies a single reference,
/// and every lookup that does not depend on the visit is done once here.
final class CalculationData: Sendable {
    let reference: ReferenceData
    let city: CityTariffs
    let tariffs: TariffHistory
    let electricityCO2: Sourced<Double>?
    /// Per heating fuel: one dictionary lookup per visit instead of four.
    let fuels: [HeatingFuel: Fuel]
    /// Per measure kind and kit item, by position in `allCases`: the city's value before the national one, looked
    /// up once per calculator (the dictionaries hash the enums' raw strings on every lookup).
    let realisation: [(RealisationFactor, fromCity: Bool)?]
    let kitPrices: [(Sourced<Double>, fromCity: Bool)?]
    let retailPrices: [Sourced<Double>?]
    let ledShare: [Sourced<Double>?]

    struct Fuel: Sendable {
        let tariff: EnergyTariff?
        /// "Supplier name" of the city's tariff, as the assumptions list shows it.
        let label: String?
        let co2: Sourced<Double>?
    }

    init(reference: ReferenceData, city: CityTariffs) {
        self.reference = reference
        self.city = city
        tariffs = TariffHistory(city.electricityTariffs)
        func co2(_ carrier: EnergyCarrier) -> Sourced<Double>? {
            city.co2Factors[carrier] ?? reference.co2Factors[carrier]
        }
        electricityCO2 = co2(.electricity)
        var fuels: [HeatingFuel: Fuel] = [:]
        for fuel in HeatingFuel.allCases {
            let tariff = city.heatingTariffs[fuel]
            fuels[fuel] = Fuel(tariff: tariff, label: tariff?.label, co2: co2(fuel.carrier))
        }
        self.fuels = fuels
        realisation = MeasureKind.allCases.map { kind in
            city.realisation[kind].map { ($0, true) } ?? reference.realisation[kind].map { ($0, false) }
        }
        kitPrices = KitItem.allCases.map { item in
            city.kitPrices[item].map { ($0, true) } ?? reference.kitPrices[item].map { ($0, false) }
        }
        retailPrices = KitItem.allCases.map { reference.retailPrices[$0] }
        ledShare = LampTechnology.allCases.map { reference.ledShare[$0] }
    }
}

/// A city's electricity tariffs grouped by id in file order, each group's price changes by start date: worked
/// out once per calculator, so each visit only picks the entry in force.
struct TariffHistory: Sendable {
    /// Every tariff entry with its label ("Supplier name", built once instead of per visit).
    let entries: [(tariff: ElectricityTariff, label: String)]
    /// Per tariff id, in file order: indices into `entries`, by start date.
    let groups: [[Int]]

    /// The entry of one tariff id in force on a date, by index: choosing copies no tariff.
    struct InForce {
        let index: Int
        let notYetValid: Bool
    }

    init(_ tariffs: [ElectricityTariff]) {
        entries = tariffs.map { ($0, $0.price.label) }
        var groups: [[Int]] = []
        var groupOfID: [String: Int] = [:]
        for (index, tariff) in tariffs.enumerated() {
            if let group = groupOfID[tariff.id] {
                groups[group].append(index)
            } else {
                groupOfID[tariff.id] = groups.count
                groups.append([index])
            }
        }
        self.groups = groups.map { group in group.sorted { tariffs[$0].price.validFrom < tariffs[$1].price.validFrom } }
    }

    /// For each tariff id, the entry in force on `date`: the latest that started on or before it, else the
    /// earliest one (flagged).
    func inForce(on date: CalendarDate) -> [InForce] {
        groups.map { group in
            if let index = group.last(where: { entries[$0].tariff.price.validFrom <= date }) {
                return InForce(index: index, notYetValid: false)
            }
            return InForce(index: group[0], notYetValid: true)
        }
    }
}
