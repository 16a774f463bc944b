import EnergyAdvice
import SafeText
import SafeXML

/// Maps schema-valid tariff XML to core values and checks what the schema cannot: sources resolve, class bounds
/// rise, dates are in order, one default tariff, complete tables. Never trusts the schema enough to crash.
struct TariffReader {
    let fileName: String
    /// Sources known so far: the reference file's, then this file's own.
    var sources: [String: Source]
    /// The day of a check (`esp tariffs check`), for dates too far ahead; nil when files are read to advise.
    var today: CalendarDate?
    /// The national data, for a city file's figures that only make sense against it (a voucher and a device).
    var reference: ReferenceData?
    /// Errors: the data cannot be used.
    private(set) var issues: [Diagnostic] = []
    /// Values that are legal but probably typed wrong; the data is still used.
    private(set) var warnings: [Diagnostic] = []
    /// Source ids a figure has cited, to find a file's sources that nothing cites.
    private(set) var cited: Set<String> = []

    init(fileName: String, sources: [String: Source], today: CalendarDate? = nil, reference: ReferenceData? = nil) {
        self.fileName = fileName
        self.sources = sources
        self.today = today
        self.reference = reference
    }

    mutating func problem(_ element: XMLElement?, _ message: String) {
        issues.append(Diagnostic(file: fileName, line: element?.line ?? 0, message: message))
    }

    mutating func caution(_ element: XMLElement?, _ message: String) {
        warnings.append(.warning(file: fileName, line: element?.line ?? 0, message))
    }

    // MARK: Attributes

    mutating func text(_ element: XMLElement, _ name: String) -> String? {
        guard let value = element.attribute(name) else {
            problem(element, "<\(element.name)> lacks the attribute \(name)")
            return nil
        }
        return value
    }

    mutating func number(_ element: XMLElement, _ name: String) -> Double? {
        guard let raw = text(element, name) else { return nil }
        guard let value = Double(raw.trimmingSpaces), value.isFinite else {
            problem(element, "<\(element.name)> \(name)=\"\(raw)\" is not a number")
            return nil
        }
        return value
    }

    mutating func positive(_ element: XMLElement, _ name: String) -> Double? {
        guard let value = number(element, name) else { return nil }
        guard value > 0 else {
            problem(element, "<\(element.name)> \(name) must be greater than 0, found \(raw(value))")
            return nil
        }
        return value
    }

    mutating func integer(_ element: XMLElement, _ name: String) -> Int? {
        guard let value = number(element, name) else { return nil }
        guard let whole = Int(exactly: value) else {
            problem(element, "<\(element.name)> \(name) must be a whole number")
            return nil
        }
        return whole
    }

    mutating func flag(_ element: XMLElement, _ name: String, default fallback: Bool? = nil) -> Bool? {
        guard let raw = element.attribute(name) else {
            if let fallback { return fallback }
            problem(element, "<\(element.name)> lacks the attribute \(name)")
            return nil
        }
        switch raw.trimmingSpaces {
        case "true", "1": return true
        case "false", "0": return false
        default:
            problem(element, "<\(element.name)> \(name)=\"\(raw)\" must be true or false")
            return nil
        }
    }

    mutating func date(_ element: XMLElement, _ name: String) -> CalendarDate? {
        guard let raw = text(element, name) else { return nil }
        guard let date = CalendarDate(iso: raw.trimmingSpaces) else {
            problem(element, "<\(element.name)> \(name)=\"\(raw)\" is not a date (YYYY-MM-DD)")
            return nil
        }
        return date
    }

    mutating func choice<T: RawRepresentable>(_ element: XMLElement, _ name: String) -> T? where T.RawValue == String {
        guard let raw = text(element, name) else { return nil }
        guard let value = T(rawValue: raw) else {
            problem(element, "<\(element.name)> \(name)=\"\(raw)\" is not allowed")
            return nil
        }
        return value
    }

    mutating func source(_ element: XMLElement) -> Source? {
        guard let id = text(element, "source") else { return nil }
        cited.insert(id)
        guard let source = sources[id] else {
            problem(element, "<\(element.name)> names source \"\(id)\", which no <source> defines")
            return nil
        }
        return source
    }

    /// A `value` attribute with its source; shares must lie in 0…1 (the schema says so too).
    mutating func figure(_ parent: XMLElement, _ name: String, share: Bool = false) -> Sourced<Double>? {
        guard let element = child(parent, name) else { return nil }
        return sourced(element, "value", share: share)
    }

    mutating func sourced(_ element: XMLElement, _ attribute: String, share: Bool = false) -> Sourced<Double>? {
        guard let value = number(element, attribute), let source = source(element) else { return nil }
        guard value >= 0, !share || value <= 1 else {
            problem(
                element, "<\(element.name)> \(attribute)=\(raw(value)) must be \(share ? "from 0 to 1" : "0 or more")")
            return nil
        }
        return Sourced(value, source)
    }

    mutating func child(_ parent: XMLElement, _ name: String) -> XMLElement? {
        guard let element = parent.child(named: name) else {
            problem(parent, "<\(parent.name)> lacks <\(name)>")
            return nil
        }
        return element
    }

    func raw(_ x: Double) -> String { PlainNumber.text(x) }

    // MARK: Shared parts

    /// Reads `<sources>` into `sources`; a duplicate id is a problem.
    mutating func sources(_ element: XMLElement) -> [String: Source] {
        var own: [String: Source] = [:]
        for item in element.children(named: "source") {
            guard let id = text(item, "id"), let publisher = text(item, "publisher"),
                let document = text(item, "document"), let year = integer(item, "year"),
                let confirmed = flag(item, "confirmed")
            else { continue }
            if own[id] != nil { problem(item, "source id \"\(id)\" is defined twice") }
            own[id] = Source(
                id: id, publisher: publisher, document: document, year: year, confirmed: confirmed,
                note: item.attribute("note"))
        }
        sources.merge(own) { _, new in new }
        return own
    }

    mutating func validity(_ root: XMLElement) -> (CalendarDate, CalendarDate)? {
        guard let from = date(root, "validFrom"), let until = date(root, "validUntil") else { return nil }
        guard from <= until else {
            problem(root, "validFrom \(from) is after validUntil \(until)")
            return nil
        }
        return (from, until)
    }

    mutating func voucherRule(_ element: XMLElement) -> VoucherRule? {
        guard let age = integer(element, "minAgeYears"), let saving = number(element, "minSavingKWh"),
            let amount = number(element, "amountEUR"), let source = source(element)
        else { return nil }
        return VoucherRule(minAgeYears: age, minSavingKWh: saving, amountEUR: amount, source: source)
    }

    /// `<realisation>`: one factor per measure, low ≤ likely ≤ high.
    mutating func realisationFactors(_ element: XMLElement) -> [MeasureKind: RealisationFactor] {
        var factors: [MeasureKind: RealisationFactor] = [:]
        for item in element.children(named: "factor") {
            guard let kind: MeasureKind = choice(item, "measure"), let low = number(item, "low"),
                let likely = number(item, "likely"), let high = number(item, "high"), let source = source(item)
            else { continue }
            guard kind != .tariffSwitch else {
                problem(
                    item, "the tariff switch has no realisation factor: its euros are exact once a household switches")
                continue
            }
            guard [low, likely, high].allSatisfy({ (0...1).contains($0) }), low <= likely, likely <= high else {
                problem(
                    item,
                    "realisation factors must lie in 0…1 with low ≤ likely ≤ high, found \(raw(low)), \(raw(likely)), \(raw(high))"
                )
                continue
            }
            if factors[kind] != nil { problem(item, "the realisation factor for \(kind.rawValue) is given twice") }
            factors[kind] = RealisationFactor(low: low, likely: likely, high: high, source: source)
        }
        return factors
    }

    /// Item prices (`<retail>`, `<kit>`), one per item.
    mutating func itemPrices(_ elements: [XMLElement]) -> [KitItem: Sourced<Double>] {
        var prices: [KitItem: Sourced<Double>] = [:]
        for element in elements {
            guard let item: KitItem = choice(element, "item"), let value = sourced(element, "value") else { continue }
            if prices[item] != nil { problem(element, "<\(element.name)> price for \(item.rawValue) given twice") }
            prices[item] = value
        }
        return prices
    }

    mutating func co2Factor(_ element: XMLElement) -> (EnergyCarrier, Sourced<Double>)? {
        guard let carrier: EnergyCarrier = choice(element, "carrier"),
            let factor = sourced(element, "kgPerKWh")
        else { return nil }
        return (carrier, factor)
    }

    mutating func root(_ root: XMLElement?, named name: String) -> XMLElement? {
        guard let root, root.name == name, root.namespaceURI == TariffLibrary.namespace else {
            problem(root, "the root element must be <\(name) xmlns=\"\(TariffLibrary.namespace)\">")
            return nil
        }
        return root
    }

    /// Reports every member of a complete table that no element names, e.g. a fuel without an average. A member
    /// named by an element that was invalid is not reported again: that element's own problem says what is wrong.
    mutating func requireAll<K: CaseIterable & RawRepresentable & Hashable>(
        _ type: K.Type, named elements: [XMLElement], by attribute: String, in element: XMLElement?, what: String
    ) where K.RawValue == String {
        let named = Set(elements.compactMap { $0.attribute(attribute).flatMap { K(rawValue: $0.trimmingSpaces) } })
        for key in K.allCases where !named.contains(key) {
            problem(element, "\(what) for \"\(key.rawValue)\" is missing")
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
