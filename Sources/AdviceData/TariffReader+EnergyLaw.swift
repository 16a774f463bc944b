import EnergyAdvice
import SafeXML

extension TariffReader {
    /// `<energyLaw>`: the cut-off rules with their periods of validity, the benefits' loans, standard rates, the
    /// heating season, esp's reading of "danger to life and limb" and the states' public holidays.
    mutating func energyLaw(_ document: XMLElement?) -> EnergyDebtLaw? {
        guard let root = root(document, named: "energyLaw") else { return nil }
        var own: [String: Source] = [:]
        if let element = child(root, "sources") { own = sources(element) }
        let validity = validity(root)

        let rules = root.children(named: "cutOffRules").compactMap { cutOffRules($0) }
        checkOverlaps(rules, elements: root.children(named: "cutOffRules"))

        var loans: [BenefitLoan] = []
        var benefits = Set<Benefit>()
        for element in root.children(named: "loan") {
            guard let loan = loan(element) else { continue }
            for benefit in loan.benefits where !benefits.insert(benefit).inserted {
                problem(element, "benefit \"\(benefit.rawValue)\" has a second <loan>")
            }
            loans.append(loan)
        }

        var rates: [StandardRate] = []
        var rateKeys = Set<String>()
        for element in root.children(named: "standardRate") {
            guard let level = integer(element, "level"), let eur = positive(element, "eur"),
                let from = date(element, "validFrom"), let source = source(element)
            else { continue }
            if !rateKeys.insert("\(level) \(from)").inserted {
                problem(element, "standard-rate level \(level) has two entries valid from \(from)")
            }
            rates.append(StandardRate(level: level, eur: eur, validFrom: from, source: source))
        }

        var season: Sourced<HeatingSeason>?
        if let element = child(root, "heatingSeason"), let from = integer(element, "fromMonth"),
            let until = integer(element, "untilMonth"), let source = source(element)
        {
            if (1...12).contains(from), (1...12).contains(until) {
                season = Sourced(HeatingSeason(fromMonth: from, untilMonth: until), source)
            } else {
                problem(element, "fromMonth and untilMonth must be months 1 to 12")
            }
        }

        var dangers: [DangerRule] = []
        var dangerKeys = Set<String>()
        for element in root.children(named: "danger") {
            guard let risk: HouseholdRisk = choice(element, "risk"),
                let carrier: DangerCarrier = choice(element, "carrier"),
                let seasonOnly = flag(element, "heatingSeasonOnly"), let source = source(element)
            else { continue }
            if !dangerKeys.insert("\(risk.rawValue) \(carrier.rawValue)").inserted {
                problem(element, "<danger risk=\"\(risk.rawValue)\" carrier=\"\(carrier.rawValue)\"> is given twice")
            }
            dangers.append(DangerRule(risk: risk, carrier: carrier, heatingSeasonOnly: seasonOnly, source: source))
        }

        let holidays = root.children(named: "holiday").compactMap { holiday($0) }
        unusedSources(root, own: own)
        guard issues.isEmpty, let validity, let season else { return nil }
        return EnergyDebtLaw(
            validFrom: validity.0, validUntil: validity.1, cutOffRules: rules, loans: loans, standardRates: rates,
            holidays: holidays, heatingSeason: season, dangers: dangers)
    }

    /// A space-separated list of words of a closed vocabulary, e.g. `supplies="basic replacement"`.
    mutating func list<T: RawRepresentable & Equatable>(_ element: XMLElement, _ name: String) -> [T]?
    where T.RawValue == String {
        guard let raw = text(element, name) else { return nil }
        var values: [T] = []
        for word in raw.split(whereSeparator: \.isWhitespace) {
            guard let value = T(rawValue: String(word)) else {
                problem(element, "<\(element.name)> \(name): \"\(word)\" is not allowed")
                return nil
            }
            if !values.contains(value) { values.append(value) }
        }
        guard !values.isEmpty else {
            problem(element, "<\(element.name)> \(name) is empty")
            return nil
        }
        return values
    }

    /// A child `<name value="…" source="…"/>` holding a whole number greater than 0.
    mutating func count(_ parent: XMLElement, _ name: String) -> Sourced<Int>? {
        guard let element = child(parent, name), let value = integer(element, "value"), let source = source(element)
        else { return nil }
        guard value > 0 else {
            problem(element, "<\(name)> value must be greater than 0")
            return nil
        }
        return Sourced(value, source)
    }

    /// A child `<name value="…" source="…"/>` holding a number greater than 0.
    mutating func positiveFigure(_ parent: XMLElement, _ name: String) -> Sourced<Double>? {
        guard let element = child(parent, name), let value = positive(element, "value"), let source = source(element)
        else { return nil }
        return Sourced(value, source)
    }

    mutating func cutOffRules(_ element: XMLElement) -> CutOffRules? {
        guard let id = text(element, "id"), let law = text(element, "law"),
            let supplies: [SupplyKind] = list(element, "supplies"), let from = date(element, "validFrom"),
            let rulesSource = source(element)
        else { return nil }
        let until = element.attribute("validUntil") == nil ? nil : date(element, "validUntil")
        if let until, until < from { problem(element, "validFrom \(from) is after validUntil \(until)") }
        let minimum = positiveFigure(element, "minimumArrearsEUR")
        let multiple = positiveFigure(element, "installmentMultiple")
        let divisor = positiveFigure(element, "annualBillDivisor")
        let weeks = count(element, "threatWeeks")
        let workingDays = count(element, "announcementWorkingDays")
        let counting = child(element, "periodCounting").flatMap { source($0) }
        let definition = child(element, "workingDays").flatMap { source($0) }
        let disproportionalityElement = child(element, "disproportionality")
        let disproportionality = disproportionalityElement.flatMap { source($0) }
        // The other bar to a cut-off: the household shows it will pay (its source is checked like every other).
        let prospectsElement = element.child(named: "paymentProspects")
        let prospectsLaw = prospectsElement.flatMap { source($0) == nil ? nil : $0.attribute("law") }
        let agreement = element.child(named: "agreement").flatMap { agreementRules($0, supplies: supplies) }
        var contact: SocialOfficeContact?
        if let item = element.child(named: "socialOfficeContact"), let covered: [SupplyKind] = list(item, "supplies"),
            let days = integer(item, "workingDays"), let daysSource = source(item)
        {
            contact = SocialOfficeContact(supplies: covered, workingDays: Sourced(days, daysSource))
        }
        guard let minimum, let multiple, let divisor, let weeks, let workingDays, let counting, let definition,
            let disproportionality
        else { return nil }
        return CutOffRules(
            id: id, law: law, validFrom: from, validUntil: until, supplies: supplies, minimumArrearsEUR: minimum,
            installmentMultiple: multiple, annualBillDivisor: divisor, threatWeeks: weeks,
            announcementWorkingDays: workingDays, periodCounting: counting, workingDays: definition,
            disproportionality: disproportionality,
            disproportionalityLaw: disproportionalityElement?.attribute("law"),
            dangerLaw: disproportionalityElement?.attribute("dangerLaw"), paymentProspectsLaw: prospectsLaw,
            agreement: agreement,
            socialOfficeContact: contact,
            source: rulesSource)
    }

    /// The terms must cover every sum of arrears: one band from 0, each with minMonths ≤ maxMonths.
    mutating func agreementRules(_ element: XMLElement, supplies ruled: [SupplyKind]) -> AgreementRules? {
        guard let supplies: [SupplyKind] = list(element, "supplies"), let source = source(element) else { return nil }
        for supply in supplies where !ruled.contains(supply) {
            problem(
                element, "the agreement names supply \"\(supply.rawValue)\", which its <cutOffRules> does not cover")
        }
        let offer = element.child(named: "offerWithinDays") == nil ? nil : count(element, "offerWithinDays")
        let objection =
            element.child(named: "objectionWithinMonths") == nil ? nil : count(element, "objectionWithinMonths")
        var terms: [TermBand] = []
        for item in element.children(named: "term") {
            guard let above = number(item, "aboveEUR"), let low = integer(item, "minMonths"),
                let high = integer(item, "maxMonths"), let termSource = self.source(item)
            else { continue }
            guard low >= 1, low <= high else {
                problem(
                    item, "minMonths \(low) and maxMonths \(high) must be at least 1, the first not above the second")
                continue
            }
            if terms.contains(where: { $0.aboveEUR == above }) {
                problem(item, "two terms for arrears above \(raw(above)) €")
            }
            terms.append(TermBand(aboveEUR: above, minMonths: low, maxMonths: high, source: termSource))
        }
        if !terms.contains(where: { $0.aboveEUR == 0 }) {
            problem(element, "no <term aboveEUR=\"0\">: arrears below the lowest band would get no plan")
        }
        return AgreementRules(
            supplies: supplies, offerWithinDays: offer, terms: terms.sorted { $0.aboveEUR < $1.aboveEUR },
            source: source, law: element.attribute("law"), requestLaw: element.attribute("requestLaw"),
            offerLaw: element.attribute("offerLaw"), objectionWithinMonths: objection)
    }

    /// Two sets of rules in force for the same supply on the same day would make the verdict depend on their order.
    mutating func checkOverlaps(_ rules: [CutOffRules], elements: [XMLElement]) {
        for (i, a) in rules.enumerated() {
            for b in rules[(i + 1)...] {
                let start = max(a.validFrom, b.validFrom)
                let ends = [a.validUntil, b.validUntil].compactMap { $0 }
                guard ends.allSatisfy({ start <= $0 }) else { continue }
                if let supply = a.supplies.first(where: b.supplies.contains) {
                    problem(
                        elements.first { $0.attribute("id") == b.id },
                        "cut-off rules \"\(a.id)\" and \"\(b.id)\" are both in force for \(supply.rawValue) supply on \(start)"
                    )
                }
            }
        }
    }

    mutating func loan(_ element: XMLElement) -> BenefitLoan? {
        guard let benefits: [Benefit] = list(element, "benefits"), let office: Payer = choice(element, "office")
        else { return nil }
        var bases: [LoanBasis] = []
        for item in element.children(named: "basis") {
            guard let law = text(item, "law"), let carriers: [DebtCarrier] = list(item, "carriers"),
                let grant = flag(item, "grantPossible", default: false), let source = source(item)
            else { continue }
            var offsets: [LoanOffset] = []
            for offset in item.children(named: "offset") {
                guard let percent = positive(offset, "percent"), let upTo = flag(offset, "upTo"),
                    let offsetSource = self.source(offset)
                else { continue }
                guard percent <= 100 else {
                    problem(offset, "percent=\"\(raw(percent))\" is more than the whole standard rate")
                    continue
                }
                let level = offset.attribute("standardRateLevel") == nil ? nil : integer(offset, "standardRateLevel")
                let from = offset.attribute("validFrom") == nil ? nil : date(offset, "validFrom")
                let until = offset.attribute("validUntil") == nil ? nil : date(offset, "validUntil")
                if let from, let until, until < from {
                    problem(offset, "validFrom \(from) is after validUntil \(until)")
                }
                offsets.append(
                    LoanOffset(
                        percent: percent, upTo: upTo, standardRateLevel: level, validFrom: from, validUntil: until,
                        source: offsetSource))
            }
            bases.append(
                LoanBasis(law: law, carriers: carriers, grantPossible: grant, offsets: offsets, source: source))
        }
        return BenefitLoan(benefits: benefits, office: office, bases: bases)
    }

    /// `<holiday>` of the law file or a city file: exactly one of `date`, `easterOffset` or `weekday` with
    /// `onOrBefore`.
    mutating func holiday(_ element: XMLElement) -> PublicHoliday? {
        guard let name = text(element, "name"), let source = source(element) else { return nil }
        let forms = ["date", "easterOffset", "weekday"].filter { element.attribute($0) != nil }
        guard forms.count == 1, (element.attribute("onOrBefore") != nil) == (forms == ["weekday"]) else {
            problem(
                element,
                "<holiday name=\"\(name)\"> needs exactly one of date=\"MM-DD\", easterOffset=\"days\" or weekday=\"1…7\" with onOrBefore=\"MM-DD\""
            )
            return nil
        }
        var rule: HolidayRule?
        switch forms[0] {
        case "date":
            if let (month, day) = monthDay(element, "date") { rule = .fixed(month: month, day: day) }
        case "easterOffset":
            if let offset = integer(element, "easterOffset") { rule = .easter(offsetDays: offset) }
        default:
            if let weekday = integer(element, "weekday"), let (month, day) = monthDay(element, "onOrBefore") {
                rule = .weekdayOnOrBefore(weekday: weekday, month: month, day: day)
            }
        }
        let states: [GermanState] = element.attribute("states") == nil ? [] : list(element, "states") ?? []
        let from = element.attribute("fromYear") == nil ? nil : integer(element, "fromYear")
        let until = element.attribute("untilYear") == nil ? nil : integer(element, "untilYear")
        if let from, let until, until < from { problem(element, "fromYear \(from) is after untilYear \(until)") }
        guard let rule else { return nil }
        return PublicHoliday(name: name, rule: rule, states: states, fromYear: from, untilYear: until, source: source)
    }

    /// `MM-DD` of a day that exists in some year (29 February included).
    mutating func monthDay(_ element: XMLElement, _ name: String) -> (Int, Int)? {
        guard let raw = text(element, name) else { return nil }
        let parts = raw.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
            CalendarDate(year: 2000, month: month, day: day) != nil
        else {
            problem(element, "<\(element.name)> \(name)=\"\(raw)\" is not a day of the year (MM-DD)")
            return nil
        }
        return (month, day)
    }

    /// A source nothing cites is a leftover of an old rule, or a figure that lost its source by a typo.
    mutating func unusedSources(_ root: XMLElement, own: [String: Source]) {
        guard let element = root.child(named: "sources") else { return }
        for item in element.children(named: "source") {
            if let id = item.attribute("id"), own[id] != nil, !cited.contains(id) {
                caution(
                    item, "source \"\(id)\" is defined but no figure cites it: remove it, or cite it where it belongs")
            }
        }
    }
}
