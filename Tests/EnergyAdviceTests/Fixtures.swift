import EnergyAdvice

/// Reference data and a city built in code with round figures, so every expected number can be worked by hand.
enum Fixture {
    static let src = Source(id: "test", publisher: "test", document: "hand-made fixture", year: 2026, confirmed: true)
    static func s(_ v: Double) -> Sourced<Double> { Sourced(v, src) }
    static func date(_ text: String) -> CalendarDate {
        CalendarDate(iso: text) ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }

    static let flatBounds: [[Double]] = [
        [700, 900, 1100, 1400, 1500, 2000], [1200, 1500, 1700, 2000, 2400, 3000], [1500, 1900, 2200, 2600, 3000, 3700],
        [1700, 2000, 2500, 2900, 3400, 4100], [2000, 2400, 2800, 3500, 4000, 5000],
    ]
    static let flatAverages: [Double] = [1200, 1900, 2400, 2600, 3100]

    static var tables: [ElectricityBenchmarkTable] {
        var tables: [ElectricityBenchmarkTable] = []
        for dwelling in Dwelling.allCases {
            for hot in [false, true] {
                for p in 1...5 {
                    // Other tables are the flat table scaled, which is enough to tell them apart.
                    let factor = (dwelling == .house ? 1.5 : 1) * (hot ? 1.25 : 1)
                    tables.append(
                        ElectricityBenchmarkTable(
                            persons: p, dwelling: dwelling, electricHotWater: hot,
                            classUpperKWh: flatBounds[p - 1].map { $0 * factor },
                            averageKWh: flatAverages[p - 1] * factor,
                            source: src))
                }
            }
        }
        return tables
    }

    /// One realisation factor per measure, round enough to multiply by hand: devices 0.8 (0.6–0.9), behaviour
    /// 0.5 (0.3–0.7), fridge 0.85 (0.7–1).
    static let realisation: [MeasureKind: RealisationFactor] = [
        .led: RealisationFactor(low: 0.6, likely: 0.8, high: 0.9, source: src),
        .standby: RealisationFactor(low: 0.6, likely: 0.8, high: 0.9, source: src),
        .fridgeReplacement: RealisationFactor(low: 0.7, likely: 0.85, high: 1, source: src),
        .showerhead: RealisationFactor(low: 0.6, likely: 0.8, high: 0.9, source: src),
        .tapAerator: RealisationFactor(low: 0.6, likely: 0.8, high: 0.9, source: src),
        .roomTemperature: RealisationFactor(low: 0.3, likely: 0.5, high: 0.7, source: src),
        .ventilation: RealisationFactor(low: 0.3, likely: 0.5, high: 0.7, source: src),
    ]

    static let reference = ReferenceData(
        validFrom: date("2025-01-01"), validUntil: date("2026-12-31"), co2IncludesUpstream: true,
        co2Factors: [.electricity: s(0.5), .gas: s(0.2), .oil: s(0.3), .district: s(0.18), .wood: s(0.02)],
        electricityBenchmarks: tables,
        heatingAverageKWhPerM2: [
            .gas: s(114), .oil: s(123), .district: s(112), .heatPump: s(30), .pellets: s(113), .electricStorage: s(103),
        ],
        cooling: [
            .fridge: CoolingReference(
                byAge: [.init(belowAgeYears: 10, annualKWh: s(160)), .init(belowAgeYears: nil, annualKWh: s(330))],
                unknownAgeKWh: s(215), newDeviceKWh: s(110), newDevicePriceEUR: s(450)),
            .fridgeFreezer: CoolingReference(
                byAge: [.init(belowAgeYears: nil, annualKWh: s(400))],
                unknownAgeKWh: s(315), newDeviceKWh: s(170), newDevicePriceEUR: s(600)),
            .freezer: CoolingReference(
                byAge: [.init(belowAgeYears: nil, annualKWh: s(300))],
                unknownAgeKWh: s(300), newDeviceKWh: s(140), newDevicePriceEUR: s(500)),
        ],
        ledShare: [.incandescent: s(0.13), .halogen: s(0.15), .cfl: s(0.6)],
        shower: ShowerReference(replaceAboveLitresPerMinute: s(9), efficientLitresPerMinute: s(7)),
        tap: TapReference(
            replaceAboveLitresPerMinute: s(9), aeratorLitresPerMinute: s(6), mixedWaterTemperatureC: s(35),
            minutesPerDay: [.kitchen: s(2), .bathroom: s(1)]),
        hotWater: HotWaterReference(
            kWhPerLitreKelvin: s(0.001163),
            central: Dictionary(
                uniqueKeysWithValues: HeatingFuel.allCases.map { fuel in
                    (
                        fuel,
                        HotWaterReference.CentralHotWater(
                            kWhPerM2: s(fuel == .heatPump ? 9.6 : 32),
                            efficiency: s(fuel == .heatPump ? 2.5 : 0.75))
                    )
                }),
            electricEfficiency: [.electricInstantaneous: s(1), .electricBoiler: s(0.85)],
            maxShareOfHeating: s(0.5), showerShare: s(0.65), tapShare: s(0.35)),
        heating: HeatingReference(
            savingPerKelvin: s(0.06), maxKelvin: s(4), tiltedWindowShare: s(0.1), averageBand: s(0.05)),
        consumptionShare: s(0.6),
        realisation: realisation,
        retailPrices: [.ledLamp: s(4), .switchableStrip: s(12), .showerhead: s(20), .tapAerator: s(5)],
        kitPrices: [.ledLamp: s(3), .switchableStrip: s(8), .showerhead: s(12), .tapAerator: s(3)],
        fridgeVoucher: VoucherRule(minAgeYears: 10, minSavingKWh: 200, amountEUR: 100, source: src),
        plausibility: PlausibilityLimits(
            electricityAboveFBoundFactor: 2, electricityBelowABoundFactor: 0.3,
            heatingAboveAverageFactor: 2.5, heatingBelowAverageFactor: 0.25, hotWaterAboveAverageFactor: 2,
            savingShareOfUse: 0.4, source: src),
        waterUsePerPersonLitresPerDay: s(126),
        lifetimes: [
            .ledLamp: ItemLifetime(hours: s(15_000), maxYears: 15), .switchableStrip: ItemLifetime(years: s(6)),
            .showerhead: ItemLifetime(years: s(6)), .tapAerator: ItemLifetime(years: s(6)),
            .fridge: ItemLifetime(years: s(14)), .fridgeFreezer: ItemLifetime(years: s(14)),
            .freezer: ItemLifetime(years: s(17)),
        ],
        houseHeatingAverageKWhPerM2: [.gas: s(121), .oil: s(165)],
        noticeWeeks: [.basic: s(2), .replacement: s(0)],
        waterUseShares: WaterUseShares(showers: s(0.36), taps: s(0.1))
    )

    static func tariff(_ ct: Double, _ base: Double, _ name: String = "t") -> EnergyTariff {
        EnergyTariff(
            supplier: "S", name: name, energyPriceCtPerKWh: ct, basePriceEURPerYear: base,
            validFrom: date("2026-01-01"), source: src)
    }

    static let city = CityTariffs(
        id: "testcity", name: "Teststadt", programme: "Test",
        office: AdviceOffice(name: "Büro", address: "Weg 1", phone: "0"),
        validFrom: date("2026-01-01"), validUntil: date("2026-12-31"),
        electricityTariffs: [
            ElectricityTariff(
                id: "basic", basicSupply: true, isDefault: true, price: tariff(41.18, 0, "Grundversorgung")),
            ElectricityTariff(
                id: "cheap", basicSupply: false, isDefault: false, price: tariff(30.86, 168, "Basis"),
                minimumTermMonths: 12, creditCheck: true),
            // An average is a price, never a switch target, however cheap.
            ElectricityTariff(
                id: "average", basicSupply: false, average: true, isDefault: false, price: tariff(20, 0, "Schnitt")),
        ],
        heatingTariffs: [.gas: tariff(11.72, 0), .district: tariff(15.62, 0)],
        waterPriceEURPerM3: s(4.5),
        fridgeVoucher: VoucherRule(minAgeYears: 10, minSavingKWh: 200, amountEUR: 100, source: src)
    )

    static func visit(
        persons: Int = 1, benefit: Benefit? = nil, kWh: Double = 2000, hotWater: HotWaterSystem? = nil,
        electricityTariff: PriceOverride? = nil, heating: HeatingUse? = nil,
        lighting: [LightingRow] = [], appliances: [Appliance] = [], showers: ShowerHabits? = nil,
        taps: [TapUse] = [], payer: Payer? = nil, area: Double = 60, date: String = "2026-03-14"
    ) -> Visit {
        Visit(
            visitId: "T-1", date: Self.date(date), city: "testcity", language: "de",
            household: Household(
                persons: persons, dwelling: .flat, livingAreaM2: area, benefit: benefit, heatingCostsPaidBy: payer),
            electricity: ElectricityUse(
                annualKWh: kWh, hotWater: hotWater, monthlyInstallmentEUR: nil, tariff: electricityTariff),
            heating: heating, lighting: lighting, appliances: appliances, showers: showers, taps: taps)
    }

    /// Own heating (no building bill) at a round price, so a heating saving is priced in full.
    static func ownGas(
        _ kWh: Double? = nil, hotWater: Bool = false, room: Double? = nil, target: Double? = nil,
        tilted: Bool? = nil, ct: Double? = nil
    ) -> HeatingUse {
        HeatingUse(
            fuel: .gas, annualKWh: kWh, includesHotWater: hotWater, billing: .own, roomTemperatureC: room,
            targetTemperatureC: target, windowsTiltedInWinter: tilted,
            tariff: ct.map { PriceOverride(energyPriceCtPerKWh: $0, basePriceEURPerYear: 0) })
    }

    static func advise(_ visit: Visit, city: CityTariffs = Fixture.city) throws -> Advice {
        try AdviceCalculator(reference: reference, city: city).advise(visit)
    }
}
