import EnergyAdvice
import SafeXML

extension TariffReader {
    /// `<city>`: one city's contacts and prices; the id must match the file name.
    mutating func city(_ document: XMLElement?, expectedID: String) -> CityTariffs? {
        guard let root = root(document, named: "city") else { return nil }
        var own: [String: Source] = [:]
        if let element = child(root, "sources") { own = sources(element) }
        let id = text(root, "id")
        if let id, id != expectedID { problem(root, "id=\"\(id)\" must match the file name \(expectedID).xml") }
        let name = text(root, "name")
        let validity = validity(root)
        let programme = child(root, "programme").map { $0.text.trimmingSpaces }

        var office: AdviceOffice?
        if root.child(named: "office") == nil {
            caution(
                root,
                "no <office>: the advice works, but esp report prints no sheet for \(expectedID) until the advice office's name, address and phone are given"
            )
        }
        if let element = root.child(named: "office"), let officeName = text(element, "name"),
            let address = text(element, "address"), let phone = text(element, "phone"), source(element) != nil
        {
            office = AdviceOffice(name: officeName, address: address, phone: phone, email: element.attribute("email"))
        }

        var electricity: [ElectricityTariff] = []
        // A set, not a search of the list: a hostile file with 28,000 tariffs took minutes the other way.
        var entries = Set<String>()
        if let element = child(root, "electricity") {
            for tariff in element.children(named: "tariff") {
                guard let tariffID = text(tariff, "id"), let basic = flag(tariff, "basicSupply"),
                    let average = flag(tariff, "average", default: false),
                    let isDefault = flag(tariff, "default", default: false),
                    let creditCheck = flag(tariff, "creditCheck", default: false),
                    let price = price(tariff, usual: InputLimits.electricityPriceCt)
                else { continue }
                if !entries.insert("\(tariffID) \(price.validFrom)").inserted {
                    problem(tariff, "tariff \"\(tariffID)\" has two entries valid from \(price.validFrom)")
                }
                let term = tariff.attribute("minimumTermMonths") == nil ? nil : integer(tariff, "minimumTermMonths")
                let entry = ElectricityTariff(
                    id: tariffID, basicSupply: basic, average: average, isDefault: isDefault,
                    price: price, minimumTermMonths: term, creditCheck: creditCheck)
                // Rule 5: a switch target is a product a household can sign, and the advice names its conditions.
                if entry.isSwitchTarget && term == nil {
                    problem(
                        tariff,
                        "tariff \"\(tariffID)\" is neither basic supply nor an average, so esp may advise switching to it: give its minimumTermMonths (0 when there is none), or mark it average=\"true\""
                    )
                }
                electricity.append(entry)
            }
            // Counted from the file, not from the tariffs that parsed: a default tariff with a bad figure is that
            // figure's problem, not a missing default.
            let defaults = Set(
                element.children(named: "tariff").compactMap { tariff -> String? in
                    let flag = tariff.attribute("default")?.trimmingSpaces
                    return flag == "true" || flag == "1" ? tariff.attribute("id") : nil
                })
            if defaults.count != 1 {
                problem(element, "exactly one electricity tariff id must be default=\"true\", found \(defaults.count)")
            }
        }

        var heating: [HeatingFuel: EnergyTariff] = [:]
        if let element = child(root, "heating") {
            for tariff in element.children(named: "tariff") {
                guard let fuel: HeatingFuel = choice(tariff, "fuel"),
                    let price = price(tariff, usual: InputLimits.heatingPriceCt)
                else { continue }
                if heating[fuel] != nil { problem(tariff, "two heating tariffs for \(fuel.rawValue)") }
                heating[fuel] = price
            }
        }

        var water: Sourced<Double>?
        if let element = child(root, "water"), let value = sourced(element, "eurPerM3") {
            if value.value <= 0 { problem(element, "eurPerM3 must be greater than 0") }
            let usual = InputLimits.waterEURPerM3.usual
            if value.value > 0, !InputLimits.waterEURPerM3.allowed.contains(value.value) {
                problem(
                    element,
                    "eurPerM3=\"\(raw(value.value))\" is not a water price (allowed: \(InputLimits.waterEURPerM3.allowed) €/m³): cents typed as euros? \(raw(value.value)) ct are \(raw(cents(value.value / 100))) €"
                )
            } else if value.value > 0, !usual.contains(value.value) {
                caution(
                    element,
                    "eurPerM3=\"\(raw(value.value))\" is outside \(raw(usual.lowerBound))–\(raw(usual.upperBound)) €/m³: drinking water and wastewater together? cents typed as euros?"
                )
            }
            water = value
        }

        var co2: [EnergyCarrier: Sourced<Double>] = [:]
        for element in root.children(named: "co2") {
            if let (carrier, factor) = co2Factor(element) { co2[carrier] = factor }
        }
        let voucher = root.child(named: "fridgeVoucher").flatMap { voucherRule($0) }
        if let voucher, let element = root.child(named: "fridgeVoucher"), let reference {
            let cheapest = reference.cooling.values.map(\.newDevicePriceEUR.value).min() ?? .infinity
            if voucher.amountEUR > cheapest {
                caution(
                    element,
                    "amountEUR=\"\(raw(voucher.amountEUR))\" is above the price of a new device (\(raw(cheapest)) € in the reference data): a typo?"
                )
            }
        }
        var consumptionShare: Sourced<Double>?
        if let element = root.child(named: "consumptionShare"), let share = sourced(element, "value", share: true) {
            if VisitRules.consumptionShare.contains(share.value) {
                consumptionShare = share
            } else {
                problem(
                    element,
                    "<consumptionShare> value=\(raw(share.value)) must be \(VisitRules.consumptionShare) (Heizkostenverordnung: 50–70 %, up to 100 % by agreement)"
                )
            }
        }
        var retention: Sourced<Int>?
        if let element = root.child(named: "retention"), let years = number(element, "calendarYearsAfterLastContact"),
            let source = source(element)
        {
            retention = Sourced(Int(years), source)
        }
        let realisation = root.child(named: "realisation").map { realisationFactors($0) } ?? [:]
        let kit = itemPrices(root.children(named: "kit"))
        let debtHelp = self.debtHelp(root, cityID: expectedID)

        // A source nothing cites is a leftover of an old price, or a figure that lost its source by a typo.
        if let element = root.child(named: "sources") {
            for item in element.children(named: "source") {
                if let id = item.attribute("id"), own[id] != nil, !cited.contains(id) {
                    caution(
                        item,
                        "source \"\(id)\" is defined but no figure cites it: remove it, or cite it where it belongs")
                }
            }
        }
        guard issues.isEmpty, let id, let name, let validity, let programme, let water else { return nil }
        return CityTariffs(
            id: id, name: name, programme: programme, office: office, validFrom: validity.0,
            validUntil: validity.1, electricityTariffs: electricity, heatingTariffs: heating,
            waterPriceEURPerM3: water, co2Factors: co2, fridgeVoucher: voucher, kitPrices: kit,
            realisation: realisation, consumptionShare: consumptionShare, state: debtHelp.state,
            holidays: debtHelp.holidays, debtCounselling: debtHelp.counselling, hardshipFunds: debtHelp.funds,
            retention: retention)
    }

    /// The city's part of the energy-debt path: its state (whose holidays are not working days), its own holidays,
    /// debt counselling and hardship funds.
    mutating func debtHelp(_ root: XMLElement, cityID: String) -> (
        state: GermanState?, holidays: [PublicHoliday], counselling: [DebtCounselling], funds: [HardshipFund]
    ) {
        var state: GermanState?
        if root.attribute("state") != nil {
            state = choice(root, "state")
        } else {
            caution(
                root,
                "no state=\"…\" (e.g. state=\"BY\"): the energy-debt periods of \(cityID) count its state's public holidays as working days"
            )
        }
        let holidays = root.children(named: "holiday").compactMap { holiday($0) }
        var counselling: [DebtCounselling] = []
        for element in root.children(named: "debtCounselling") {
            guard let name = text(element, "name"), let source = source(element) else { continue }
            let address = element.attribute("address")
            let phone = element.attribute("phone")
            guard address != nil || phone != nil else {
                problem(element, "<debtCounselling name=\"\(name)\"> needs an address or a phone")
                continue
            }
            counselling.append(
                DebtCounselling(
                    name: name, address: address, phone: phone, email: element.attribute("email"), source: source))
        }
        var funds: [HardshipFund] = []
        for element in root.children(named: "hardshipFund") {
            guard let name = text(element, "name"), let contact = text(element, "contact"), let source = source(element)
            else { continue }
            let carrier: DebtCarrier? = element.attribute("carrier") == nil ? nil : choice(element, "carrier")
            funds.append(
                HardshipFund(
                    name: name, supplier: element.attribute("supplier"), carrier: carrier, contact: contact,
                    source: source))
        }
        return (state, holidays, counselling, funds)
    }

    /// A gross price: values no tariff has are errors (the city cannot be advised until they are corrected), with the
    /// typed value converted to what was probably meant; unusual values are warnings.
    mutating func price(_ element: XMLElement, usual limit: InputLimits.Limit) -> EnergyTariff? {
        guard let supplier = text(element, "supplier"), let name = text(element, "name"),
            let energy = positive(element, "energyPriceCtPerKWh"), let base = number(element, "basePriceEURPerYear"),
            let validFrom = date(element, "validFrom"), let source = source(element)
        else { return nil }
        guard base >= 0 else {
            problem(element, "basePriceEURPerYear must be 0 or more")
            return nil
        }
        let allowed = limit.allowed
        if energy < allowed.lower {
            problem(
                element,
                "energyPriceCtPerKWh=\"\(raw(energy))\" is below \(raw(allowed.lower)) ct/kWh, which no tariff has: euros typed as cents? \(raw(energy)) € are \(raw(cents(energy * 100))) ct"
            )
        } else if energy > allowed.upper {
            problem(
                element,
                "energyPriceCtPerKWh=\"\(raw(energy))\" is above \(raw(allowed.upper)) ct/kWh, which no tariff has: a price per MWh? \(raw(energy)) €/MWh are \(raw(cents(energy / 10))) ct/kWh"
            )
        } else if limit.isUnusual(energy) {
            caution(
                element,
                "energyPriceCtPerKWh=\"\(raw(energy))\" is outside the usual \(raw(limit.usual.lowerBound))–\(raw(limit.usual.upperBound)) ct/kWh: a typo?"
            )
        }
        let lowest = InputLimits.lowestYearlyBasePriceEUR
        if base > 0 && base < lowest {
            problem(
                element,
                "basePriceEURPerYear=\"\(raw(base))\" is below \(raw(lowest)) € a year, which no tariff has: a monthly figure? \(raw(base)) € a month are \(raw(cents(base * 12))) € a year"
            )
        } else if base > InputLimits.basePriceEUR.allowed.upper {
            problem(
                element,
                "basePriceEURPerYear=\"\(raw(base))\" is above \(raw(InputLimits.basePriceEUR.allowed.upper)) € a year, which no household tariff has"
            )
        } else if base > 0 && InputLimits.basePriceEUR.isUnusual(base) {
            let usual = InputLimits.basePriceEUR.usual
            caution(
                element,
                "basePriceEURPerYear=\"\(raw(base))\" is outside the usual \(raw(usual.lowerBound))–\(raw(usual.upperBound)) € a year: a monthly figure, or a typo?"
            )
        }
        if let today, validFrom.dayNumber - today.dayNumber > InputLimits.futurePriceDays {
            caution(
                element, "validFrom=\"\(validFrom)\" is more than a year after today (\(today)): a typo in the year?")
        }
        return EnergyTariff(
            supplier: supplier, name: name, energyPriceCtPerKWh: energy, basePriceEURPerYear: base,
            validFrom: validFrom, source: source)
    }
}
