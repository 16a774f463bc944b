import EnergyAdvice
import SafeXML

extension TariffReader {
    /// `<reference>`: the national figures.
    mutating func reference(_ document: XMLElement?) -> ReferenceData? {
        guard let root = root(document, named: "reference") else { return nil }
        if let sourcesElement = child(root, "sources") { _ = sources(sourcesElement) }
        let validity = validity(root)

        var basis: String?
        var co2: [EnergyCarrier: Sourced<Double>] = [:]
        if let element = child(root, "co2") {
            basis = text(element, "basis")
            for factor in element.children(named: "factor") {
                if let (carrier, value) = co2Factor(factor) {
                    if co2[carrier] != nil { problem(factor, "CO2 factor for \(carrier.rawValue) given twice") }
                    co2[carrier] = value
                }
            }
            requireAll(Set(co2.keys), in: element, what: "the CO2 factor")
        }

        let tables = benchmarkTables(child(root, "electricityBenchmark"))

        var heatingAverage: [HeatingFuel: Sourced<Double>] = [:]
        if let element = child(root, "heatingAverage") {
            for fuel in element.children(named: "fuel") {
                if let name: HeatingFuel = choice(fuel, "name"), let value = sourced(fuel, "kWhPerM2") {
                    if heatingAverage[name] != nil { problem(fuel, "heating average for \(name.rawValue) given twice") }
                    heatingAverage[name] = value
                }
            }
            requireAll(Set(heatingAverage.keys), in: element, what: "the heating average")
        }

        var cooling: [CoolingKind: CoolingReference] = [:]
        for element in root.children(named: "cooling") {
            guard let kind: CoolingKind = choice(element, "kind") else { continue }
            if cooling[kind] != nil { problem(element, "<cooling kind=\"\(kind.rawValue)\"> given twice") }
            cooling[kind] = coolingReference(element)
        }
        requireAll(Set(cooling.keys), in: root, what: "<cooling>")

        var lighting: LightingReference?
        if let element = child(root, "lighting") {
            var shares: [LampTechnology: Sourced<Double>] = [:]
            for share in element.children(named: "ledShare") {
                if let technology: LampTechnology = choice(share, "technology"),
                   let value = sourced(share, "value", share: true) {
                    shares[technology] = value
                }
            }
            for technology in LampTechnology.allCases where technology != .led && shares[technology] == nil {
                problem(element, "the LED share for \"\(technology.rawValue)\" is missing")
            }
            if let price = figure(element, "ledPriceEUR") { lighting = LightingReference(ledShare: shares, ledPriceEUR: price) }
        }
        let strip = figure(root, "standbyStripPriceEUR")

        var shower: ShowerReference?
        if let element = child(root, "shower"),
           let above = figure(element, "replaceAboveLitresPerMinute"),
           let efficient = figure(element, "efficientLitresPerMinute"),
           let price = figure(element, "showerheadPriceEUR"),
           let perLitre = figure(element, "kWhPerLitreKelvin"),
           let boiler = figure(element, "electricBoilerEfficiency", share: true),
           let system = figure(element, "heatingSystemHotWaterEfficiency", share: true) {
            if efficient.value >= above.value {
                problem(element, "efficientLitresPerMinute must be below replaceAboveLitresPerMinute")
            }
            if boiler.value == 0 || system.value == 0 { problem(element, "an efficiency must be greater than 0") }
            shower = ShowerReference(replaceAboveLitresPerMinute: above, efficientLitresPerMinute: efficient,
                                     showerheadPriceEUR: price, kWhPerLitreKelvin: perLitre,
                                     electricBoilerEfficiency: boiler, heatingSystemHotWaterEfficiency: system)
        }

        var heating: HeatingReference?
        if let element = child(root, "heating"),
           let perKelvin = figure(element, "savingPerKelvin", share: true),
           let maxKelvin = figure(element, "maxKelvin"),
           let hotWater = figure(element, "hotWaterShare", share: true),
           let tilted = figure(element, "tiltedWindowShare", share: true) {
            heating = HeatingReference(savingPerKelvin: perKelvin, maxKelvin: maxKelvin, hotWaterShare: hotWater,
                                       tiltedWindowShare: tilted)
        }

        let voucher = child(root, "fridgeVoucher").flatMap { voucherRule($0) }

        var plausibility: PlausibilityLimits?
        if let element = child(root, "plausibility"),
           let high = positive(element, "electricityAboveFBoundFactor"),
           let low = positive(element, "electricityBelowABoundFactor"),
           let heatHigh = positive(element, "heatingAboveAverageFactor"),
           let heatLow = positive(element, "heatingBelowAverageFactor"),
           let source = source(element) {
            plausibility = PlausibilityLimits(electricityAboveFBoundFactor: high, electricityBelowABoundFactor: low,
                                              heatingAboveAverageFactor: heatHigh, heatingBelowAverageFactor: heatLow,
                                              source: source)
        }

        guard issues.isEmpty, let validity, let basis, let lighting, let strip, let shower, let heating, let voucher,
              let plausibility, let tables else { return nil }
        return ReferenceData(
            validFrom: validity.0, validUntil: validity.1, co2Basis: basis, co2Factors: co2,
            electricityBenchmarks: tables, heatingAverageKWhPerM2: heatingAverage, cooling: cooling,
            lighting: lighting, standbyStripPriceEUR: strip, shower: shower, heating: heating,
            fridgeVoucher: voucher, plausibility: plausibility
        )
    }

    /// The Stromspiegel tables: all 20 combinations, bounds rising, average inside the scale.
    mutating func benchmarkTables(_ element: XMLElement?) -> [ElectricityBenchmarkTable]? {
        guard let element else { return nil }
        var tables: [ElectricityBenchmarkTable] = []
        var combinations = Set<String>()  // persons, dwelling, hot water: one lookup per table, not a search
        func combination(_ persons: Int, _ dwelling: Dwelling, _ hot: Bool) -> String { "\(persons) \(dwelling) \(hot)" }
        for table in element.children(named: "table") {
            guard let persons = integer(table, "persons"), let dwelling: Dwelling = choice(table, "dwelling"),
                  let hot = flag(table, "electricHotWater"), let boundsText = text(table, "classUpperKWh"),
                  let average = positive(table, "averageKWh"), let source = source(table) else { continue }
            let bounds = boundsText.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
            guard bounds.count == 6 else {
                problem(table, "classUpperKWh must list 6 numbers (upper bounds of A…F), found \(bounds.count)")
                continue
            }
            if let index = bounds.indices.dropLast().first(where: { bounds[$0] >= bounds[$0 + 1] }) {
                let letters = ElectricityBenchmarkTable.classLetters
                problem(table, "class bounds must rise: \(letters[index]) \(raw(bounds[index])) is not below \(letters[index + 1]) \(raw(bounds[index + 1]))")
            }
            if !combinations.insert(combination(persons, dwelling, hot)).inserted {
                problem(table, "table for \(persons) persons, \(dwelling.rawValue), electricHotWater=\(hot) given twice")
            }
            tables.append(ElectricityBenchmarkTable(persons: persons, dwelling: dwelling, electricHotWater: hot,
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
              let price = figure(element, "newDevicePriceEUR") else { return nil }
        return CoolingReference(byAge: bands, unknownAgeKWh: unknown, newDeviceKWh: new, newDevicePriceEUR: price)
    }
}
