/// The visit with every default resolved and every price chosen; the measures read from it.
struct AdviceContext {
    let visit: Visit
    let reference: ReferenceData
    let city: CityTariffs
    let language: String
    let household: Household
    let heatingPayer: Payer
    let hotWater: HotWaterSystem
    let electricityTariff: EnergyTariff
    let electricityTariffID: String?
    /// The city's tariffs in force on the visit date, worked out once for the default and the switch.
    let effectiveTariffs: [(tariff: ElectricityTariff, notYetValid: Bool)]
    let heating: ResolvedHeating?
    let water: Sourced<Double>
    let voucher: VoucherRule
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

    init(visit: Visit, reference: ReferenceData, city: CityTariffs) throws(AdviceError) {
        self.visit = visit
        self.reference = reference
        self.city = city
        self.water = city.waterPriceEURPerM3
        self.voucher = city.fridgeVoucher ?? reference.fridgeVoucher

        var inputs: [AssumedInput] = []
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

        let current = city.effectiveElectricityTariffs(on: visit.date)
        effectiveTariffs = current
        if let own = visit.electricity.tariff {
            electricityTariff = EnergyTariff(own, validFrom: visit.date)
            electricityTariffID = nil
        } else {
            guard let chosen = current.first(where: { $0.tariff.isDefault }) else {
                throw .noElectricityTariff(city: city.id)
            }
            if chosen.notYetValid {
                warnings.append(.tariffNotYetValid(name: chosen.tariff.price.name, validFrom: chosen.tariff.price.validFrom))
            }
            electricityTariff = chosen.tariff.price
            electricityTariffID = chosen.tariff.id
            assume("electricity.tariff", .text("\(chosen.tariff.price.supplier) \(chosen.tariff.price.name)"),
                   .cityTariff, chosen.tariff.price.source)
        }

        if let use = visit.heating {
            guard let average = reference.heatingAverageKWhPerM2[use.fuel] else { throw .noHeatingAverage(fuel: use.fuel) }
            let tariff: EnergyTariff
            if let own = use.tariff {
                tariff = EnergyTariff(own, validFrom: visit.date)
            } else {
                guard let cityTariff = city.heatingTariffs[use.fuel] else {
                    throw .noHeatingTariff(city: city.id, fuel: use.fuel)
                }
                tariff = cityTariff
                assume("heating.tariff", .text("\(cityTariff.supplier) \(cityTariff.name)"), .cityTariff, cityTariff.source)
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
            let share = includesHotWater ? reference.heating.hotWaterShare.value : 0
            heating = ResolvedHeating(
                fuel: use.fuel, annualKWh: annualKWh, estimated: use.annualKWh == nil,
                includesHotWater: includesHotWater, spaceHeatingKWh: annualKWh * (1 - share),
                roomTemperatureC: use.roomTemperatureC, targetTemperatureC: target,
                windowsTilted: use.windowsTiltedInWinter ?? false, tariff: tariff, average: average
            )
        } else {
            heating = nil
        }

        if city.validUntil < visit.date {
            warnings.append(.cityTariffsExpired(city: city.id, validUntil: city.validUntil))
        }
        if reference.validUntil < visit.date {
            warnings.append(.referenceDataExpired(validUntil: reference.validUntil))
        }
        self.inputs = inputs
        self.warnings = warnings
    }

    // MARK: Prices

    var electricityPrice: Double { electricityTariff.energyPriceCtPerKWh / 100 }

    func co2Factor(_ carrier: EnergyCarrier) -> Sourced<Double>? {
        city.co2Factors[carrier] ?? reference.co2Factors[carrier]
    }

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
        var split: [Payer: Double] = [:]
        if householdEUR != 0 { split[.household, default: 0] += householdEUR }
        if heatEUR != 0 { split[heatingPayer, default: 0] += heatEUR }
        split = split.mapValues(cents)
        let saving = cents(householdEUR + heatEUR)
        var co2 = 0.0
        if electricityKWh > 0, let factor = co2Factor(.electricity) { co2 += electricityKWh * factor.value }
        if heatKWh > 0, let fuel = heating?.fuel, let factor = co2Factor(fuel.carrier) { co2 += heatKWh * factor.value }
        let net = investmentEUR - voucherEUR
        let payback: Double? = net <= 0 ? 0 : (saving > 0 ? cents(12 * net / saving) : nil)
        let mainPayer = heatKWh > 0 && electricityKWh == 0 && waterM3 == 0 ? heatingPayer : .household
        let beneficiary = split.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key ?? mainPayer
        return MeasureResult(
            kind: kind, recommended: recommended, electricityKWh: electricityKWh, heatKWh: heatKWh,
            waterM3: waterM3, savingEUR: saving, co2Kg: cents(co2), investmentEUR: cents(investmentEUR),
            voucherEUR: cents(voucherEUR), paybackMonths: payback, beneficiary: beneficiary, split: split,
            details: details
        )
    }
}

extension EnergyTariff {
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

extension CityTariffs {
    /// For each tariff id, the entry in force on `date`: the latest that started on or before it, else the
    /// earliest one (flagged), in the order of the file.
    public func effectiveElectricityTariffs(on date: CalendarDate) -> [(tariff: ElectricityTariff, notYetValid: Bool)] {
        var order: [String] = []
        var byID: [String: [ElectricityTariff]] = [:]
        for tariff in electricityTariffs {
            if byID[tariff.id] == nil { order.append(tariff.id) }
            byID[tariff.id, default: []].append(tariff)
        }
        return order.compactMap { id in
            let entries = (byID[id] ?? []).sorted { $0.price.validFrom < $1.price.validFrom }
            if let inForce = entries.last(where: { $0.price.validFrom <= date }) { return (inForce, false) }
            return entries.first.map { ($0, true) }
        }
    }
}
