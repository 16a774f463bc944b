import EnergyAdvice

/// A small deterministic random generator (SplitMix64): the same seed gives the same households on every run,
/// so a failing property or a benchmark figure can be reproduced.
public struct SplitMix: RandomNumberGenerator, Sendable {
    /// Advances by a fixed odd constant on every draw.
    public var state: UInt64

    /// A generator whose draws depend on `seed` alone.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generated visits that the visit format accepts: every value inside `VisitRules`, every optional field
/// sometimes present, for the property tests and the core benchmark.
public struct HouseholdGenerator: Sendable {
    /// The city id every generated visit is for.
    public var city: String
    /// The fuels the city's tariffs price (a visit heating with another fuel cannot be advised).
    public var fuels: [HeatingFuel]
    /// Where every random choice comes from.
    public var rng: SplitMix

    /// Visits for `city` heating with `fuels`; the same seed gives the same visits.
    public init(city: String, fuels: [HeatingFuel], seed: UInt64) {
        self.city = city
        self.fuels = fuels
        rng = SplitMix(seed: seed)
    }

    mutating func flip() -> Bool { Bool.random(using: &rng) }
    mutating func maybe<T>(_ make: (inout HouseholdGenerator) -> T) -> T? { flip() ? make(&self) : nil }
    mutating func number(_ range: AllowedRange, upTo cap: Double? = nil) -> Double {
        let upper = min(range.upper, cap ?? range.upper)
        let value = Double.random(in: range.lower...upper, using: &rng)
        return range.contains(value) ? value : upper
    }
    mutating func whole(_ range: AllowedRange, upTo cap: Int? = nil) -> Int {
        Int.random(in: Int(range.lower.rounded(.up))...min(Int(range.upper), cap ?? Int(range.upper)), using: &rng)
    }
    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &rng)] }
    mutating func meterReading(on date: CalendarDate) -> MeterReading {
        MeterReading(date: date, kWh: number(AllowedRange(0, 200_000)).rounded())
    }
    mutating func price() -> PriceOverride {
        PriceOverride(
            energyPriceCtPerKWh: number(VisitRules.energyPriceCt, upTo: 80),
            // 0 (no base price) or at least the lowest yearly base price a tariff has.
            basePriceEURPerYear: flip()
                ? 0
                : number(AllowedRange(InputLimits.lowestYearlyBasePriceEUR, VisitRules.basePriceEUR.upper), upTo: 300))
    }

    /// The next household, `index` in its visit id (nil never happens: every generated date exists).
    public mutating func visit(_ index: Int) -> Visit? {
        guard
            let date = CalendarDate(
                year: 2026, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))
        else { return nil }
        let heating: HeatingUse? =
            fuels.isEmpty
            ? nil
            : maybe { g in
                let billing = g.maybe { $0.pick(HeatingBilling.allCases) }
                return HeatingUse(
                    fuel: g.pick(g.fuels),
                    annualKWh: g.maybe { $0.number(VisitRules.heatingKWh, upTo: 40_000) },
                    includesHotWater: g.maybe { $0.flip() },
                    billing: billing,
                    // The format allows a share only for a building's bill.
                    consumptionShare: billing == .own ? nil : g.maybe { $0.number(VisitRules.consumptionShare) },
                    roomTemperatureC: g.maybe { $0.number(VisitRules.roomTemperatureC) },
                    targetTemperatureC: g.maybe { $0.number(VisitRules.roomTemperatureC, upTo: 23) },
                    windowsTiltedInWinter: g.maybe { $0.flip() },
                    monthlyInstallmentEUR: g.maybe { $0.number(VisitRules.installmentEUR, upTo: 400) },
                    tariff: g.maybe { $0.price() })
            }
        let lighting = (0..<Int.random(in: 0...6, using: &rng)).map { row in
            LightingRow(
                room: maybe { _ in "Raum \(row + 1)" }, lamps: whole(VisitRules.lamps, upTo: 20),
                watts: number(VisitRules.watts, upTo: 150), technology: pick(LampTechnology.allCases),
                hoursPerDay: number(VisitRules.hoursPerDay), installedAtVisit: maybe { $0.flip() })
        }
        var appliances: [Appliance] = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
            let measured = flip()
            return .cooling(
                CoolingAppliance(
                    kind: pick(CoolingKind.allCases), ageYears: maybe { $0.whole(VisitRules.ageYears, upTo: 40) },
                    annualKWh: measured ? nil : maybe { $0.number(VisitRules.applianceKWh, upTo: 1_500) },
                    measuredKWhPerDay: measured ? number(VisitRules.measuredKWhPerDay, upTo: 4) : nil,
                    volumeLitres: maybe { $0.number(VisitRules.volumeLitres, upTo: 500) },
                    replacementAnnualKWh: maybe { $0.number(VisitRules.applianceKWh, upTo: 300) }))
        }
        appliances += (0..<Int.random(in: 0...3, using: &rng)).map { device in
            .standby(
                StandbyDevice(
                    label: maybe { _ in "Gerät \(device + 1)" }, watts: number(VisitRules.watts, upTo: 60),
                    hoursPerDay: number(VisitRules.hoursPerDay), installedAtVisit: maybe { $0.flip() }))
        }
        let taps = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
            TapUse(
                room: pick(TapRoom.allCases), flowLitresPerMinute: number(VisitRules.flowLitresPerMinute, upTo: 20),
                minutesPerDay: maybe { $0.number(VisitRules.tapMinutesPerDay, upTo: 30) },
                installedAtVisit: maybe { $0.flip() })
        }
        let annualKWh = number(VisitRules.electricityKWh, upTo: 12_000)
        let persons = whole(VisitRules.persons)
        // Showers have a physical limit per person.
        let mostShowers = min(40, InputLimits.showersPerPersonPerWeek.allowed.upper * Double(persons))
        return Visit(
            visitId: "GEN-\(index)", date: date, city: city,
            language: maybe { $0.pick(["de", "ru", "tr"]) },
            advisor: maybe { $0.pick(["AB", "Frau Yilmaz", "berater-07"]) },
            household: Household(
                persons: persons, dwelling: pick(Dwelling.allCases),
                livingAreaM2: number(VisitRules.livingAreaM2, upTo: 160),
                benefit: maybe { $0.pick(Benefit.allCases) }, heatingCostsPaidBy: maybe { $0.pick(Payer.allCases) },
                waterCostsPaidBy: maybe { $0.pick(Payer.allCases) }),
            electricity: ElectricityUse(
                annualKWh: annualKWh,
                meterReading: maybe { $0.meterReading(on: date) },
                hotWater: maybe { $0.pick(HotWaterSystem.allCases) },
                monthlyInstallmentEUR: maybe { $0.number(VisitRules.installmentEUR, upTo: 300) },
                tariff: maybe { $0.price() }, switchPossible: maybe { $0.flip() }),
            heating: heating, lighting: lighting, appliances: appliances,
            showers: maybe { g in
                ShowerHabits(
                    perWeek: g.number(VisitRules.showersPerWeek, upTo: mostShowers),
                    minutes: g.number(VisitRules.showerMinutes, upTo: 20),
                    flowLitresPerMinute: g.number(VisitRules.flowLitresPerMinute, upTo: 25),
                    temperatureC: g.maybe { $0.number(VisitRules.showerTemperatureC) },
                    coldWaterC: g.maybe { $0.number(VisitRules.coldWaterC) }, installedAtVisit: g.maybe { $0.flip() })
            },
            taps: taps,
            notes: maybe { _ in "Hinweis zur Wohnung" })
    }
}

extension HouseholdGenerator {
    /// A typical client household rather than an extreme one: every value drawn around what real households have
    /// (household sizes as in German statistics, electricity and heating around the Stromspiegel and Heizspiegel
    /// averages of the reference data, lamps, devices, showers and taps as advisors find them). For measuring how often
    /// a warning fires on ordinary visits; ``visit(_:)`` covers every value the format allows.
    public mutating func typicalVisit(_ index: Int, reference: ReferenceData) -> Visit? {
        guard
            let date = CalendarDate(
                year: 2026, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))
        else { return nil }
        func between(_ low: Double, _ high: Double) -> Double { Double.random(in: low...high, using: &rng) }
        func chance(_ p: Double) -> Bool { between(0, 1) < p }
        // About 41 % one person, 34 % two, 12 % three, 9 % four, 4 % five or more (Destatis, households 2023).
        let roll = between(0, 1)
        let persons =
            roll < 0.41 ? 1 : roll < 0.75 ? 2 : roll < 0.87 ? 3 : roll < 0.96 ? 4 : Int.random(in: 5...7, using: &rng)
        let dwelling: Dwelling = chance(0.85) ? .flat : .house
        let area = ((25 + 17 * Double(min(persons, 5))) * between(0.8, 1.25)).rounded()
        let hotWater: HotWaterSystem = chance(0.2) ? .electricInstantaneous : chance(0.06) ? .electricBoiler : .none
        let table = reference.electricityBenchmarks.first {
            $0.persons == min(persons, 5) && $0.dwelling == dwelling && $0.electricHotWater == hotWater.isElectric
        }
        let annualKWh = ((table?.averageKWh ?? 2000) * between(0.6, 1.6)).rounded()
        let fuel = pick(fuels.isEmpty ? [HeatingFuel.gas] : fuels)
        let average = reference.heatingAverage(fuel, dwelling: dwelling)?.value ?? 110
        let heating: HeatingUse? =
            fuels.isEmpty || chance(0.1)
            ? nil
            : HeatingUse(
                fuel: fuel, annualKWh: chance(0.5) ? (average * area * between(0.6, 1.5)).rounded() : nil,
                roomTemperatureC: chance(0.6) ? between(19, 24).rounded() : nil,
                windowsTiltedInWinter: chance(0.25))
        let technologies: [(LampTechnology, ClosedRange<Double>)] = [
            (.incandescent, 25...75), (.halogen, 20...50), (.cfl, 7...20), (.led, 4...10),
        ]
        let lighting = (0..<Int.random(in: 1...5, using: &rng)).map { row -> LightingRow in
            let (technology, watts) = pick(technologies)
            return LightingRow(
                room: "Raum \(row + 1)", lamps: Int.random(in: 1...4, using: &rng),
                watts: between(watts.lowerBound, watts.upperBound).rounded(), technology: technology,
                hoursPerDay: between(0.5, 5), installedAtVisit: technology == .led ? nil : chance(0.5))
        }
        var appliances: [Appliance] = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
            let age = Int.random(in: 2...25, using: &rng)
            return .cooling(
                CoolingAppliance(
                    kind: pick(CoolingKind.allCases), ageYears: age,
                    measuredKWhPerDay: chance(0.5) ? between(0.3, 1.5) : nil))
        }
        appliances += (0..<Int.random(in: 0...3, using: &rng)).map { device in
            .standby(
                StandbyDevice(
                    kind: pick(StandbyKind.allCases), label: "Gerät \(device + 1)", watts: between(1, 20),
                    hoursPerDay: between(12, 24), installedAtVisit: chance(0.5)))
        }
        // 2–7 showers a week per person of 3–10 minutes at 7–14 L/min: about 44 litres a person and day, the 36 % of
        // 126 litres that BDEW and Destatis give bathing, showering and body care.
        let showers: ShowerHabits? =
            chance(0.9)
            ? ShowerHabits(
                perWeek: (Double(persons) * between(2, 7)).rounded(), minutes: between(3, 10).rounded(),
                flowLitresPerMinute: between(7, 14).rounded(), installedAtVisit: chance(0.5))
            : nil
        let taps = TapRoom.allCases.filter { _ in chance(0.6) }.map { room in
            TapUse(
                room: room, flowLitresPerMinute: between(5, 14).rounded(),
                minutesPerDay: chance(0.3) ? between(1, 5).rounded() : nil, installedAtVisit: chance(0.5))
        }
        return Visit(
            visitId: "TYP-\(index)", date: date, city: city, language: "de",
            household: Household(
                persons: persons, dwelling: dwelling, livingAreaM2: area, benefit: pick(Benefit.allCases)),
            electricity: ElectricityUse(
                annualKWh: annualKWh, hotWater: hotWater,
                tariff: chance(0.2)
                    ? PriceOverride(energyPriceCtPerKWh: between(28, 45), basePriceEURPerYear: between(100, 200)) : nil),
            heating: heating, lighting: lighting, appliances: appliances, showers: showers, taps: taps)
    }
}
