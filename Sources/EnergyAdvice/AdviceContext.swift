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
    let hotWater: HotWaterSystem
    let electricityTariff: EnergyTariff
    let electricityTariffID: String?
    /// The city's tariffs in force on the visit date, worked out once for the default and the switch.
    let effectiveTariffs: [TariffHistory.InForce]
    let heating: ResolvedHeating?
    let water: Sourced<Double>
    let voucher: VoucherRule
    /// CO2 factors of electricity and of the heating fuel, resolved once (city before national).
    let electricityCO2: Sourced<Double>?
    let heatCO2: Sourced<Double>?
    private(set) var inputs: [AssumedInput] = []
    private(set) var warnings: [AdviceWarning] = []

    struct ResolvedHeating {
        var fuel: HeatingFuel
        var annualKWh: Double
        var estimated: Bool
        var includesHotWater: Bool
        var spaceHeatingKWh: Double
        var roomTemperatureC: Double?
        var targetTemperatureC: Double
        var windowsTilted: Bool
        var tariff: EnergyTariff
        var average: Sourced<Double>
    }

    init(visit: Visit, data: CalculationData) throws(AdviceError) {
        self.visit = visit
        self.data = data
        self.water = data.city.waterPriceEURPerM3
        self.voucher = data.city.fridgeVoucher ?? data.reference.fridgeVoucher

        var inputs: [AssumedInput] = []
        inputs.reserveCapacity(12)
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
        if household.heatingCostsPaidBy == nil {
            let payer = VisitRules.defaultHeatingPayer(for: household.benefit ?? .none)
            household.heatingCostsPaidBy = payer
            assume("household.heatingCostsPaidBy", .text(payer.rawValue), .formatDefault)
        }
        self.household = household
        self.heatingPayer = household.heatingCostsPaidBy ?? .household

        if let hotWater = visit.electricity.hotWater {
            self.hotWater = hotWater
        } else {
            self.hotWater = HotWaterSystem.none
            assume("electricity.hotWater", .text(HotWaterSystem.none.rawValue), .formatDefault)
        }

        let current = data.tariffs.inForce(on: visit.date)
        effectiveTariffs = current
        if let own = visit.electricity.tariff {
            electricityTariff = EnergyTariff(own, validFrom: visit.date)
            electricityTariffID = nil
        } else {
            guard let chosen = current.first(where: { data.tariffs.entries[$0.index].tariff.isDefault }) else {
                throw .noElectricityTariff(city: data.city.id)
            }
            let entry = data.tariffs.entries[chosen.index]
            if chosen.notYetValid {
                warnings.append(.tariffNotYetValid(name: entry.tariff.price.name, validFrom: entry.tariff.price.validFrom))
            }
            electricityTariff = entry.tariff.price
            electricityTariffID = entry.tariff.id
            assume("electricity.tariff", .text(entry.label), .cityTariff, entry.tariff.price.source)
        }

        if let use = visit.heating {
            let fuel = data.fuels[use.fuel]
            guard let average = fuel?.average else { throw .noHeatingAverage(fuel: use.fuel) }
            let tariff: EnergyTariff
            if let own = use.tariff {
                tariff = EnergyTariff(own, validFrom: visit.date)
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
            } else {
                includesHotWater = !hotWater.isElectric
                assume("heating.includesHotWater", .flag(includesHotWater), .formatDefault)
            }
            let target = use.targetTemperatureC ?? VisitRules.targetTemperatureCDefault
            if use.targetTemperatureC == nil {
                assume("heating.targetTemperatureC", .number(target), .formatDefault)
            }
            if use.windowsTiltedInWinter == nil {
                assume("heating.windowsTiltedInWinter", .flag(false), .formatDefault)
            }
            let share = includesHotWater ? data.reference.heating.hotWaterShare.value : 0
            heating = ResolvedHeating(
                fuel: use.fuel, annualKWh: annualKWh, estimated: use.annualKWh == nil,
                includesHotWater: includesHotWater, spaceHeatingKWh: annualKWh * (1 - share),
                roomTemperatureC: use.roomTemperatureC, targetTemperatureC: target,
                windowsTilted: use.windowsTiltedInWinter ?? false, tariff: tariff, average: average
            )
        } else {
            heating = nil
        }

        electricityCO2 = data.electricityCO2
        heatCO2 = heating.flatMap { data.fuels[$0.fuel]?.co2 }

        if data.city.validUntil < visit.date {
            warnings.append(.cityTariffsExpired(city: data.city.id, validUntil: data.city.validUntil))
        }
        if data.reference.validUntil < visit.date {
            warnings.append(.referenceDataExpired(validUntil: data.reference.validUntil))
        }
        self.inputs = inputs
        self.warnings = warnings
    }

    // MARK: Prices

    var electricityPrice: Double { electricityTariff.energyPriceCtPerKWh / 100 }


    mutating func assume(_ path: String, _ value: Scalar, _ kind: AssumedInput.Kind, _ source: Source? = nil) {
        inputs.append(AssumedInput(path: path, value: value, kind: kind, source: source))
    }

    mutating func warn(_ warning: AdviceWarning) {
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    /// Builds a measure from its physical savings: euros, CO2, split and payback follow the common rules.
    func measure(
        _ kind: MeasureKind, recommended: Bool, electricityKWh: Double = 0, heatKWh: Double = 0,
        waterM3: Double = 0, tariffEUR: Double = 0, investmentEUR: Double = 0, voucherEUR: Double = 0,
        details: [MeasureResult.Detail]
    ) -> MeasureResult {
        let electricityKWh = cents(electricityKWh)
        let heatKWh = cents(heatKWh)
        let waterM3 = cents(waterM3)
        let householdEUR = cents(electricityKWh * electricityPrice) + cents(waterM3 * water.value) + cents(tariffEUR)
        let heatEUR = heating.map { cents(heatKWh * $0.tariff.energyPriceCtPerKWh / 100) } ?? 0
        var split = PayerSplit()
        split.household = cents(householdEUR)
        split[heatingPayer] = cents(split[heatingPayer] + heatEUR)
        let saving = cents(householdEUR + heatEUR)
        var co2 = 0.0
        if electricityKWh > 0, let factor = electricityCO2 { co2 += electricityKWh * factor.value }
        if heatKWh > 0, let factor = heatCO2 { co2 += heatKWh * factor.value }
        let net = investmentEUR - voucherEUR
        let payback: Double? = net <= 0 ? 0 : (saving > 0 ? cents(12 * net / saving) : nil)
        let mainPayer = heatKWh > 0 && electricityKWh == 0 && waterM3 == 0 ? heatingPayer : .household
        let beneficiary = split.largest ?? mainPayer
        return MeasureResult(
            kind: kind, recommended: recommended, electricityKWh: electricityKWh, heatKWh: heatKWh,
            waterM3: waterM3, savingEUR: saving, co2Kg: cents(co2), investmentEUR: cents(investmentEUR),
            voucherEUR: cents(voucherEUR), paybackMonths: payback, beneficiary: beneficiary, split: split,
            details: details
        )
    }
}

extension EnergyTariff {
    var label: String { "\(supplier) \(name)" }

    /// A price the household showed on its own bill.
    init(_ own: PriceOverride, validFrom: CalendarDate) {
        self.init(
            supplier: "visit", name: "tariff from the household's bill",
            energyPriceCtPerKWh: own.energyPriceCtPerKWh, basePriceEURPerYear: own.basePriceEURPerYear,
            validFrom: validFrom,
            source: Source(id: "visit", publisher: "household", document: "electricity or heating bill shown at the visit",
                           year: validFrom.year, confirmed: true)
        )
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

    struct Fuel: Sendable {
        let average: Sourced<Double>?
        let tariff: EnergyTariff?
        /// "Supplier name" of the city's tariff, as the assumptions list shows it.
        let label: String?
        let co2: Sourced<Double>?
    }

    init(reference: ReferenceData, city: CityTariffs) {
        self.reference = reference
        self.city = city
        tariffs = TariffHistory(city.electricityTariffs)
        func co2(_ carrier: EnergyCarrier) -> Sourced<Double>? { city.co2Factors[carrier] ?? reference.co2Factors[carrier] }
        electricityCO2 = co2(.electricity)
        var fuels: [HeatingFuel: Fuel] = [:]
        for fuel in HeatingFuel.allCases {
            let tariff = city.heatingTariffs[fuel]
            fuels[fuel] = Fuel(average: reference.heatingAverageKWhPerM2[fuel], tariff: tariff, label: tariff?.label,
                               co2: co2(fuel.carrier))
        }
        self.fuels = fuels
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
        for (index, tariff) in tariffs.enumerated() {
            if let group = groups.firstIndex(where: { tariffs[$0[0]].id == tariff.id }) {
                groups[group].append(index)
            } else {
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
