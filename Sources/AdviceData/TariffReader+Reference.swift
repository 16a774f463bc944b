import EnergyAdvice
import SafeXML

extension TariffReader {
    /// `<reference>`: the national figures.
    mutating func reference(_ document: XMLElement?) -> ReferenceData? {
        guard let root = root(document, named: "reference") else { return nil }
        if let sourcesElement = child(root, "sources") { _ = sources(sourcesElement) }
        let validity = validity(root)

        var includesUpstream: Bool?
        var co2: [EnergyCarrier: Sourced<Double>] = [:]
        if let element = child(root, "co2") {
            includesUpstream = flag(element, "includesUpstream")
            for factor in element.children(named: "factor") {
                if let (carrier, value) = co2Factor(factor) {
                    if co2[carrier] != nil { problem(factor, "CO2 factor for \(carrier.rawValue) given twice") }
                    co2[carrier] = value
                }
            }
            requireAll(
                EnergyCarrier.self, named: element.children(named: "factor"), by: "carrier", in: element,
                what: "the CO2 factor")
        }

        let tables = benchmarkTables(child(root, "electricityBenchmark"))

        var heatingAverage: [HeatingFuel: Sourced<Double>] = [:]
        var houseAverage: [HeatingFuel: Sourced<Double>] = [:]
        if let element = child(root, "heatingAverage") {
            for fuel in element.children(named: "fuel") {
                guard let name: HeatingFuel = choice(fuel, "name"), let value = sourced(fuel, "kWhPerM2") else {
                    continue
                }
                // Without a dwelling: the multi-family value; a house value only where the Heizspiegel gives one.
                let house = fuel.attribute("dwelling") == Dwelling.house.rawValue
                if fuel.attribute("dwelling") == Dwelling.flat.rawValue || !house {
                    if heatingAverage[name] != nil { problem(fuel, "heating average for \(name.rawValue) given twice") }
                    heatingAverage[name] = value
                } else {
                    if houseAverage[name] != nil {
                        problem(fuel, "heating average of houses for \(name.rawValue) given twice")
                    }
                    houseAverage[name] = value
                }
            }
            requireAll(
                HeatingFuel.self,
                named: element.children(named: "fuel").filter { $0.attribute("dwelling") != Dwelling.house.rawValue },
                by: "name", in: element, what: "the heating average")
        }

        var cooling: [CoolingKind: CoolingReference] = [:]
        for element in root.children(named: "cooling") {
            guard let kind: CoolingKind = choice(element, "kind") else { continue }
            if cooling[kind] != nil { problem(element, "<cooling kind=\"\(kind.rawValue)\"> given twice") }
            cooling[kind] = coolingReference(element)
        }
        requireAll(CoolingKind.self, named: root.children(named: "cooling"), by: "kind", in: root, what: "<cooling>")

        var shares: [LampTechnology: Sourced<Double>] = [:]
        if let element = child(root, "lighting") {
            for share in element.children(named: "ledShare") {
                if let technology: LampTechnology = choice(share, "technology"),
                    let value = sourced(share, "value", share: true)
                {
                    shares[technology] = value
                }
            }
            let named = Set(
                element.children(named: "ledShare").compactMap {
                    $0.attribute("technology").flatMap(LampTechnology.init)
                })
            for technology in LampTechnology.allCases where technology != .led && !named.contains(technology) {
                problem(element, "the LED share for \"\(technology.rawValue)\" is missing")
            }
        }

        var shower: ShowerReference?
        if let element = child(root, "shower"),
            let above = figure(element, "replaceAboveLitresPerMinute"),
            let efficient = figure(element, "efficientLitresPerMinute")
        {
            if efficient.value >= above.value {
                problem(element, "efficientLitresPerMinute must be below replaceAboveLitresPerMinute")
            }
            shower = ShowerReference(replaceAboveLitresPerMinute: above, efficientLitresPerMinute: efficient)
        }
        let tap = child(root, "tap").flatMap { tapReference($0) }
        let hotWater = child(root, "hotWater").flatMap { hotWaterReference($0) }

        var heating: HeatingReference?
        if let element = child(root, "heating"),
            let perKelvin = figure(element, "savingPerKelvin", share: true),
            let maxKelvin = figure(element, "maxKelvin"),
            let tilted = figure(element, "tiltedWindowShare", share: true),
            let band = figure(element, "averageBand", share: true)
        {
            heating = HeatingReference(
                savingPerKelvin: perKelvin, maxKelvin: maxKelvin, tiltedWindowShare: tilted,
                averageBand: band)
        }
        let consumptionShare = figure(root, "consumptionShare", share: true)
        if let share = consumptionShare, !VisitRules.consumptionShare.contains(share.value),
            let element = root.child(named: "consumptionShare")
        {
            problem(
                element,
                "<consumptionShare> value=\(raw(share.value)) must be \(VisitRules.consumptionShare) (Heizkostenverordnung: 50–70 %, up to 100 % by agreement)"
            )
        }
        let realisation = child(root, "realisation").map { realisationFactors($0) } ?? [:]
        if let element = root.child(named: "realisation") {
            // A factor given but invalid was reported already; only a measure nobody named is missing.
            let named = Set(
                element.children(named: "factor").compactMap { $0.attribute("measure").flatMap(MeasureKind.init) })
            for kind in MeasureKind.energySaving where !named.contains(kind) {
                problem(element, "the realisation factor for \"\(kind.rawValue)\" is missing")
            }
        }
        var retail: [KitItem: Sourced<Double>] = [:]
        var kit: [KitItem: Sourced<Double>] = [:]
        if let element = child(root, "prices") {
            retail = itemPrices(element.children(named: "retail"))
            kit = itemPrices(element.children(named: "kit"))
            requireAll(
                KitItem.self, named: element.children(named: "retail"), by: "item", in: element,
                what: "the retail price")
            requireAll(
                KitItem.self, named: element.children(named: "kit"), by: "item", in: element, what: "the kit price")
        }

        let voucher = child(root, "fridgeVoucher").flatMap { voucherRule($0) }

        let waterUse = child(root, "waterUse").flatMap { sourced($0, "perPersonLitresPerDay") }
        var waterShares: WaterUseShares?
        if let element = child(root, "waterUseShares"), let showers = sourced(element, "showers", share: true),
            let taps = sourced(element, "taps", share: true)
        {
            waterShares = WaterUseShares(showers: showers, taps: taps)
        }
        let lifetimes = child(root, "lifetimes").map { lifetimeFigures($0) } ?? [:]
        var notice: [SupplyKind: Sourced<Double>] = [:]
        if let element = child(root, "noticePeriods") {
            for item in element.children(named: "notice") {
                guard let supply: SupplyKind = choice(item, "supply"), let weeks = sourced(item, "weeks") else {
                    continue
                }
                if notice[supply] != nil { problem(item, "the notice period of \(supply.rawValue) is given twice") }
                notice[supply] = weeks
            }
        }

        var plausibility: PlausibilityLimits?
        if let element = child(root, "plausibility"),
            let high = positive(element, "electricityAboveFBoundFactor"),
            let low = positive(element, "electricityBelowABoundFactor"),
            let heatHigh = positive(element, "heatingAboveAverageFactor"),
            let heatLow = positive(element, "heatingBelowAverageFactor"),
            let days = integer(element, "expiryWarningDays"),
            let hotWater = positive(element, "hotWaterAboveAverageFactor"),
            let share = positive(element, "savingShareOfUse"),
            let source = source(element)
        {
            plausibility = PlausibilityLimits(
                electricityAboveFBoundFactor: high, electricityBelowABoundFactor: low,
                heatingAboveAverageFactor: heatHigh, heatingBelowAverageFactor: heatLow,
                expiryWarningDays: days, hotWaterAboveAverageFactor: hotWater, savingShareOfUse: share,
                source: source)
        }

        guard issues.isEmpty, let validity, let includesUpstream, let shower, let tap, let hotWater, let heating,
            let consumptionShare, let voucher, let plausibility, let tables, let waterUse, let waterShares
        else { return nil }
        return ReferenceData(
            validFrom: validity.0, validUntil: validity.1, co2IncludesUpstream: includesUpstream, co2Factors: co2,
            electricityBenchmarks: tables, heatingAverageKWhPerM2: heatingAverage, cooling: cooling,
            ledShare: shares, shower: shower, tap: tap, hotWater: hotWater, heating: heating,
            consumptionShare: consumptionShare, realisation: realisation, retailPrices: retail, kitPrices: kit,
            fridgeVoucher: voucher, plausibility: plausibility, waterUsePerPersonLitresPerDay: waterUse,
            lifetimes: lifetimes, houseHeatingAverageKWhPerM2: houseAverage, noticeWeeks: notice,
            waterUseShares: waterShares
        )
    }

    /// `<lifetimes>`: one per item, in years, or in burning hours with the most years counted.
    mutating func lifetimeFigures(_ element: XMLElement) -> [LifetimeItem: ItemLifetime] {
        var lifetimes: [LifetimeItem: ItemLifetime] = [:]
        for item in element.children(named: "lifetime") {
            guard let name: LifetimeItem = choice(item, "item"), let source = source(item) else { continue }
            if lifetimes[name] != nil { problem(item, "the lifetime of \(name.rawValue) is given twice") }
            let years = item.attribute("years") == nil ? nil : positive(item, "years")
            let hours = item.attribute("hours") == nil ? nil : positive(item, "hours")
            let most = item.attribute("maxYears") == nil ? nil : positive(item, "maxYears")
            switch (years, hours, most) {
            case (let years?, nil, nil): lifetimes[name] = ItemLifetime(years: Sourced(years, source))
            case (nil, let hours?, let most?):
                lifetimes[name] = ItemLifetime(hours: Sourced(hours, source), maxYears: most)
            default:
                problem(item, "<lifetime item=\"\(name.rawValue)\"> needs either years, or hours with maxYears")
            }
        }
        requireAll(
            LifetimeItem.self, named: element.children(named: "lifetime"), by: "item", in: element,
            what: "the lifetime")
        return lifetimes
    }

    /// `<tap>`: thresholds, the aerator's flow, the mixed-water temperature and minutes per room.
    mutating func tapReference(_ element: XMLElement) -> TapReference? {
        var minutes: [TapRoom: Sourced<Double>] = [:]
        for item in element.children(named: "minutesPerDay") {
            guard let room: TapRoom = choice(item, "room"), let value = sourced(item, "value") else { continue }
            if minutes[room] != nil { problem(item, "minutes per day for \(room.rawValue) given twice") }
            minutes[room] = value
        }
        requireAll(
            TapRoom.self, named: element.children(named: "minutesPerDay"), by: "room", in: element,
            what: "the minutes per day")
        guard let above = figure(element, "replaceAboveLitresPerMinute"),
            let aerator = figure(element, "aeratorLitresPerMinute"),
            let mixed = figure(element, "mixedWaterTemperatureC")
        else { return nil }
        if aerator.value >= above.value {
            problem(element, "aeratorLitresPerMinute must be below replaceAboveLitresPerMinute")
        }
        return TapReference(
            replaceAboveLitresPerMinute: above, aeratorLitresPerMinute: aerator,
            mixedWaterTemperatureC: mixed, minutesPerDay: minutes)
    }

    /// `<hotWater>`: the area rule and efficiency per fuel, electric efficiencies, shares (rule 1).
    mutating func hotWaterReference(_ element: XMLElement) -> HotWaterReference? {
        var area: [HeatingFuel: Sourced<Double>] = [:]
        for rule in element.children(named: "areaRule") {
            guard let fuel: HeatingFuel = choice(rule, "fuel"), let value = sourced(rule, "kWhPerM2") else { continue }
            if area[fuel] != nil { problem(rule, "the area rule for \(fuel.rawValue) is given twice") }
            area[fuel] = value
        }
        requireAll(
            HeatingFuel.self, named: element.children(named: "areaRule"), by: "fuel", in: element,
            what: "the hot-water area rule")
        var fuelEfficiency: [HeatingFuel: Sourced<Double>] = [:]
        var electricEfficiency: [HotWaterSystem: Sourced<Double>] = [:]
        for item in element.children(named: "efficiency") {
            guard let system = text(item, "system"), let value = sourced(item, "value") else { continue }
            if value.value <= 0 { problem(item, "<efficiency> value must be greater than 0") }
            if let fuel = HeatingFuel(rawValue: system) {
                if fuelEfficiency[fuel] != nil { problem(item, "the efficiency of \(system) is given twice") }
                fuelEfficiency[fuel] = value
            } else if let electric = HotWaterSystem(rawValue: system), electric.isElectric {
                if electricEfficiency[electric] != nil { problem(item, "the efficiency of \(system) is given twice") }
                electricEfficiency[electric] = value
            } else {
                problem(item, "<efficiency> system=\"\(system)\" is not allowed")
            }
        }
        requireAll(
            HeatingFuel.self, named: element.children(named: "efficiency"), by: "system", in: element,
            what: "the hot-water efficiency")
        for system in HotWaterSystem.allCases where system.isElectric && electricEfficiency[system] == nil {
            problem(element, "the hot-water efficiency for \"\(system.rawValue)\" is missing")
        }
        guard let perLitre = figure(element, "kWhPerLitreKelvin"),
            let maxShare = figure(element, "maxShareOfHeating", share: true),
            let showerShare = figure(element, "showerShare", share: true),
            let tapShare = figure(element, "tapShare", share: true)
        else { return nil }
        if showerShare.value + tapShare.value > 1 + 1e-9 {
            problem(element, "showerShare and tapShare add up to more than 1")
        }
        var central: [HeatingFuel: HotWaterReference.CentralHotWater] = [:]
        for fuel in HeatingFuel.allCases {
            if let kWh = area[fuel], let efficiency = fuelEfficiency[fuel] {
                central[fuel] = .init(kWhPerM2: kWh, efficiency: efficiency)
            }
        }
        return HotWaterReference(
            kWhPerLitreKelvin: perLitre, central: central, electricEfficiency: electricEfficiency,
            maxShareOfHeating: maxShare, showerShare: showerShare, tapShare: tapShare)
    }

    /// The Stromspiegel tables: all 20 combinations, bounds rising, average inside the scale.
    mutating func benchmarkTables(_ element: XMLElement?) -> [ElectricityBenchmarkTable]? {
        guard let element else { return nil }
        var tables: [ElectricityBenchmarkTable] = []
        var combinations = Set<String>()  // persons, dwelling, hot water: one lookup per table, not a search
        func combination(_ persons: Int, _ dwelling: Dwelling, _ hot: Bool) -> String {
            "\(persons) \(dwelling) \(hot)"
        }
        for table in element.children(named: "table") {
            guard let persons = integer(table, "persons"), let dwelling: Dwelling = choice(table, "dwelling"),
                let hot = flag(table, "electricHotWater")
            else { continue }
            // Counted before the rest is read: a table with a bad figure is that figure's problem, not a missing table.
            if !combinations.insert(combination(persons, dwelling, hot)).inserted {
                problem(
                    table, "table for \(persons) persons, \(dwelling.rawValue), electricHotWater=\(hot) given twice")
            }
            guard let boundsText = text(table, "classUpperKWh"), let average = positive(table, "averageKWh"),
                let source = source(table)
            else { continue }
            let bounds = boundsText.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
            guard bounds.count == 6 else {
                problem(table, "classUpperKWh must list 6 numbers (upper bounds of A…F), found \(bounds.count)")
                continue
            }
            if let index = bounds.indices.dropLast().first(where: { bounds[$0] >= bounds[$0 + 1] }) {
                let letters = ElectricityBenchmarkTable.classLetters
                problem(
                    table,
                    "class bounds must rise: \(letters[index]) \(raw(bounds[index])) is not below \(letters[index + 1]) \(raw(bounds[index + 1]))"
                )
            }
            tables.append(
                ElectricityBenchmarkTable(
                    persons: persons, dwelling: dwelling, electricHotWater: hot,
                    classUpperKWh: bounds, averageKWh: average, source: source))
        }
        for persons in 1...5 {
            for dwelling in Dwelling.allCases {
                for hot in [false, true] where !combinations.contains(combination(persons, dwelling, hot)) {
                    problem(element, "no table for \(persons) persons, \(dwelling.rawValue), electricHotWater=\(hot)")
                }
            }
        }
        return tables
    }

    mutating func coolingReference(_ element: XMLElement) -> CoolingReference? {
        var bands: [CoolingReference.AgeBand] = []
        for age in element.children(named: "age") {
            let below = age.attribute("belowYears") == nil ? nil : integer(age, "belowYears")
            guard let kWh = sourced(age, "annualKWh") else { continue }
            if let last = bands.last {
                guard let previous = last.belowAgeYears else {
                    problem(age, "only the last <age> may leave out belowYears")
                    continue
                }
                if let below, below <= previous {
                    problem(age, "belowYears must rise: \(below) follows \(previous)")
                }
            }
            bands.append(.init(belowAgeYears: below, annualKWh: kWh))
        }
        if bands.last?.belowAgeYears != nil { problem(element, "the last <age> must leave out belowYears (open end)") }
        guard let unknown = figure(element, "unknownAge"), let new = figure(element, "newDevice"),
            let price = figure(element, "newDevicePriceEUR")
        else { return nil }
        return CoolingReference(byAge: bands, unknownAgeKWh: unknown, newDeviceKWh: new, newDevicePriceEUR: price)
    }
}
