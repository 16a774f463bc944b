import EnergyAdvice
import JSONText
import SafeFiles
import SafeText

/// Reads `esp-visit/1` files: strict about keys, types and ranges, and precise about where a problem is.
public enum VisitDecoder {
    /// Visit files are a few kilobytes; anything beyond this is refused before it is read.
    public static let maxFileBytes = 1 << 20

    /// Reads and decodes a visit file.
    public static func load(path: String) throws(DataError) -> Visit {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.bytes(atPath: path, maxBytes: maxFileBytes)
        } catch {
            throw DataError(fileError: error)
        }
        return try decode(bytes, path: path)
    }

    /// Decodes visit JSON; `path` names the file in messages.
    public static func decode(_ bytes: [UInt8], path: String) throws(DataError) -> Visit {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .emptyFile(path: path) }
        let root: JSONNode
        do {
            root = try JSONParser.parse(
                bytes, limits: JSONLimits(maxDepth: 16, maxStringBytes: 64 << 10, maxBytes: maxFileBytes))
        } catch {
            throw .malformedJSON(path: path, error: error)
        }
        let reader = VisitReader(file: path)
        let visit = reader.visit(root)
        guard reader.problems.isEmpty, let visit else {
            throw .invalidVisit(path: path, problems: reader.problems)
        }
        return visit
    }
}

/// Walks the JSON tree, collecting every problem instead of stopping at the first, so the advisor fixes all at once.
final class VisitReader {
    private(set) var problems: [Diagnostic] = []
    let file: String

    init(file: String) { self.file = file }

    func report(_ node: JSONNode, _ path: String, _ message: String) {
        report(at: node.position, path, message)
    }

    func report(at position: SourcePosition, _ path: String, _ message: String) {
        problems.append(
            Diagnostic(
                file: file, line: position.line, column: position.column, jsonPath: path,
                message: message))
    }

    /// An object's members after checking the type and rejecting keys the format does not know.
    struct Fields {
        let node: JSONNode
        let path: String
        let members: [String: JSONNode]

        func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }

    func object(_ node: JSONNode, _ path: String, allowed: [String]) -> Fields? {
        guard case .object(let members) = node.kind else {
            report(node, path, "expected an object, found \(node.typeName)")
            return nil
        }
        var map: [String: JSONNode] = [:]
        for member in members {
            if allowed.contains(member.key) {
                map[member.key] = member.value
            } else {
                let at = path.isEmpty ? member.key : "\(path).\(member.key)"
                report(at: member.keyPosition, at, "unknown key; allowed here: \(allowed.joined(separator: ", "))")
            }
        }
        return Fields(node: node, path: path, members: map)
    }

    func missing(_ fields: Fields, _ key: String) {
        report(fields.node, fields.path(key), "required field is missing")
    }

    func number(_ fields: Fields, _ key: String, _ range: AllowedRange, required: Bool = true) -> Double? {
        guard let node = fields.members[key] else {
            if required { missing(fields, key) }
            return nil
        }
        guard case .number(let value) = node.kind else {
            report(node, fields.path(key), "expected a number, found \(node.typeName); allowed: \(range)")
            return nil
        }
        guard range.contains(value) else {
            report(node, fields.path(key), "\(PlainNumber.text(value)) is out of range; allowed: \(range)")
            return nil
        }
        return value
    }

    func integer(_ fields: Fields, _ key: String, _ range: AllowedRange, required: Bool = true) -> Int? {
        guard let value = number(fields, key, range, required: required) else { return nil }
        guard value == value.rounded(), let whole = Int(exactly: value) else {
            if let node = fields.members[key] {
                report(node, fields.path(key), "expected a whole number, found \(PlainNumber.text(value))")
            }
            return nil
        }
        return whole
    }

    func string(_ fields: Fields, _ key: String, required: Bool = true, maxLength: Int = 500) -> String? {
        guard let node = fields.members[key] else {
            if required { missing(fields, key) }
            return nil
        }
        guard case .string(let value) = node.kind else {
            report(node, fields.path(key), "expected a string, found \(node.typeName)")
            return nil
        }
        guard value.count <= maxLength else {
            report(node, fields.path(key), "text longer than \(maxLength) characters")
            return nil
        }
        // Labels and notes reach the terminal and the sheet: no terminal escapes, no reordering of what is shown.
        if let scalar = SafeText.forbidden(in: value, lineBreaks: key == "notes") {
            report(
                node, fields.path(key),
                "the control character \(SafeText.name(scalar)) is not allowed; write plain text")
            return nil
        }
        return value
    }

    func bool(_ fields: Fields, _ key: String) -> Bool? {
        guard let node = fields.members[key] else { return nil }
        guard case .bool(let value) = node.kind else {
            report(node, fields.path(key), "expected true or false, found \(node.typeName)")
            return nil
        }
        return value
    }

    func choice<T: RawRepresentable & CaseIterable>(_ fields: Fields, _ key: String, required: Bool = true) -> T?
    where T.RawValue == String {
        guard let node = fields.members[key] else {
            if required { missing(fields, key) }
            return nil
        }
        let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard case .string(let text) = node.kind else {
            report(node, fields.path(key), "expected one of \(allowed), found \(node.typeName)")
            return nil
        }
        guard let value = T(rawValue: text) else {
            report(node, fields.path(key), "\"\(text)\" is not allowed; allowed: \(allowed)")
            return nil
        }
        return value
    }

    func array(_ fields: Fields, _ key: String, maxCount: Int) -> [(node: JSONNode, path: String)] {
        guard let node = fields.members[key] else { return [] }
        guard case .array(let items) = node.kind else {
            report(node, fields.path(key), "expected an array, found \(node.typeName)")
            return []
        }
        guard items.count <= maxCount else {
            report(node, fields.path(key), "more than \(maxCount) entries")
            return []
        }
        return items.enumerated().map { ($1, "\(fields.path(key))[\($0)]") }
    }

    // MARK: The format

    func visit(_ root: JSONNode) -> Visit? {
        guard
            let f = object(
                root, "",
                allowed: [
                    "schema", "visitId", "date", "city", "language", "advisor", "household", "electricity", "heating",
                    "lighting", "appliances", "showers", "taps", "notes", "energyDebt",
                ])
        else { return nil }

        if let schema = string(f, "schema"), schema != VisitRules.schema, let node = f.members["schema"] {
            report(node, "schema", "\"\(schema)\" is not supported; this esp reads \"\(VisitRules.schema)\"")
        }
        var visitId = string(f, "visitId", maxLength: 64)
        if let id = visitId, !VisitRules.isValidVisitId(id), let node = f.members["visitId"] {
            report(node, "visitId", "\"\(id)\" is not allowed; use \(VisitRules.visitIdPattern)")
            visitId = nil
        }
        var date: CalendarDate?
        if let text = string(f, "date"), let node = f.members["date"] {
            date = CalendarDate(iso: text)
            if date == nil { report(node, "date", "\"\(text)\" is not a date; use YYYY-MM-DD, e.g. 2026-03-14") }
        }
        var city = string(f, "city", maxLength: 64)
        if let id = city, !Self.isCityID(id), let node = f.members["city"] {
            report(
                node, "city",
                "\"\(id)\" is not a city id; use lower-case letters, digits, '.', '_' or '-', like \"nuernberg\"")
            city = nil
        }
        var language = string(f, "language", required: false, maxLength: 35)
        if let tag = language, !VisitRules.isValidLanguage(tag), let node = f.members["language"] {
            report(node, "language", "\"\(tag)\" is not a language tag; use e.g. \"de\", \"ru\", \"tr\"")
            language = nil
        }
        let advisor = string(f, "advisor", required: false, maxLength: VisitRules.advisorMaxLength)
        if let name = advisor, name.trimmingSpaces.isEmpty, let node = f.members["advisor"] {
            report(node, "advisor", "empty; give the advisor's short name or code, or leave the key out")
        }
        let household = f.members["household"].flatMap { self.household($0) }
        if f.members["household"] == nil { missing(f, "household") }
        let contact = f.members["household"].flatMap { self.contact($0) }
        let electricity = f.members["electricity"].flatMap { self.electricity($0) }
        if f.members["electricity"] == nil { missing(f, "electricity") }
        let heating = f.members["heating"].flatMap { self.heating($0) }
        let lighting = array(f, "lighting", maxCount: 200).compactMap { lightingRow($0.node, $0.path) }
        let appliances = array(f, "appliances", maxCount: 200).compactMap { appliance($0.node, $0.path) }
        let showers = f.members["showers"].flatMap { self.showers($0) }
        let taps = array(f, "taps", maxCount: 20).compactMap { tap($0.node, $0.path) }
        let notes = string(f, "notes", required: false, maxLength: 10_000)
        let energyDebt = energyDebts(f, visitDate: date)

        // Showers have a physical limit per person, so the household's size bounds the whole household's showers.
        if let household, let perWeek = showers?.perWeek, let object = f.members["showers"],
            case .object(let members) = object.kind, let node = members.first(where: { $0.key == "perWeek" })?.value
        {
            let most = InputLimits.showersPerPersonPerWeek.allowed.upper * Double(household.persons)
            if perWeek > most {
                report(
                    node, "showers.perWeek",
                    "\(PlainNumber.text(perWeek)) is out of range for \(household.persons) \(household.persons == 1 ? "person" : "persons"); allowed: from 0 to \(PlainNumber.text(most)) (at most \(PlainNumber.text(InputLimits.showersPerPersonPerWeek.allowed.upper)) a week per person)"
                )
            }
        }
        if let date, let reading = electricity?.meterReading, reading.date > date,
            let node = f.members["electricity"]
        {
            report(
                node, "electricity.meterReading.date",
                "\(reading.date) is after the visit (\(date)); give the reading taken at the visit or before it")
        }
        guard problems.isEmpty, let visitId, let date, let city, let household, let electricity else { return nil }
        return Visit(
            visitId: visitId, date: date, city: city, language: language, advisor: advisor,
            household: household, electricity: electricity, heating: heating, lighting: lighting,
            appliances: appliances, showers: showers, taps: taps, notes: notes, energyDebt: energyDebt,
            contact: contact)
    }

    static func isCityID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64
            && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
            } && id.first != "." && id.first != "-"
    }

    func household(_ node: JSONNode) -> Household? {
        guard
            let f = object(
                node, "household",
                allowed: [
                    "persons", "dwelling", "livingAreaM2", "benefit", "heatingCostsPaidBy", "waterCostsPaidBy",
                    "annualWaterM3",
                    "name", "address",
                ])
        else { return nil }
        let persons = integer(f, "persons", VisitRules.persons)
        let dwelling: Dwelling? = choice(f, "dwelling")
        let area = number(f, "livingAreaM2", VisitRules.livingAreaM2)
        let benefit: Benefit? = choice(f, "benefit", required: false)
        let payer: Payer? = choice(f, "heatingCostsPaidBy", required: false)
        let waterPayer: Payer? = choice(f, "waterCostsPaidBy", required: false)
        let water = number(f, "annualWaterM3", VisitRules.annualWaterM3, required: false)
        guard let persons, let dwelling, let area else { return nil }
        return Household(
            persons: persons, dwelling: dwelling, livingAreaM2: area, benefit: benefit,
            heatingCostsPaidBy: payer, waterCostsPaidBy: waterPayer, annualWaterM3: water)
    }

    func tariff(_ fields: Fields) -> PriceOverride? {
        guard let node = fields.members["tariff"],
            let f = object(node, fields.path("tariff"), allowed: ["energyPriceCtPerKWh", "basePriceEURPerYear"])
        else { return nil }
        let energy = number(f, "energyPriceCtPerKWh", VisitRules.energyPriceCt)
        var base = number(f, "basePriceEURPerYear", VisitRules.basePriceEUR)
        let lowest = InputLimits.lowestYearlyBasePriceEUR
        if let typed = base, typed > 0, typed < lowest, let node = f.members["basePriceEURPerYear"] {
            report(
                node, f.path("basePriceEURPerYear"),
                "\(PlainNumber.text(typed)) is below \(PlainNumber.text(lowest)) € a year, which no tariff has: the monthly figure? \(PlainNumber.text(typed)) € a month are \(PlainNumber.text(cents(typed * 12))) € a year; allowed: 0 or from \(PlainNumber.text(lowest)) to \(PlainNumber.text(VisitRules.basePriceEUR.upper))"
            )
            base = nil
        }
        guard let energy, let base else { return nil }
        return PriceOverride(energyPriceCtPerKWh: energy, basePriceEURPerYear: base)
    }

    func electricity(_ node: JSONNode) -> ElectricityUse? {
        guard
            let f = object(
                node, "electricity",
                allowed: [
                    "annualKWh", "meterReading", "hotWater", "monthlyInstallmentEUR", "tariff", "switchPossible",
                    "supply",
                ])
        else { return nil }
        let kWh = number(f, "annualKWh", VisitRules.electricityKWh)
        let reading = f.members["meterReading"].flatMap { meterReading($0, f.path("meterReading")) }
        let hotWater: HotWaterSystem? = choice(f, "hotWater", required: false)
        let installment = number(f, "monthlyInstallmentEUR", VisitRules.installmentEUR, required: false)
        let tariff = tariff(f)
        let switchPossible = bool(f, "switchPossible")
        let supply: SupplyKind? = choice(f, "supply", required: false)
        guard let kWh else { return nil }
        return ElectricityUse(
            annualKWh: kWh, meterReading: reading, hotWater: hotWater,
            monthlyInstallmentEUR: installment, tariff: tariff, switchPossible: switchPossible, supply: supply)
    }

    /// A reading taken at the visit or before it; the visit's own date is checked in `visit(_:)`.
    func meterReading(_ node: JSONNode, _ path: String) -> MeterReading? {
        guard let f = object(node, path, allowed: ["date", "kWh"]) else { return nil }
        var date: CalendarDate?
        if let text = string(f, "date"), let node = f.members["date"] {
            date = CalendarDate(iso: text)
            if date == nil {
                report(node, f.path("date"), "\"\(text)\" is not a date; use YYYY-MM-DD, e.g. 2026-03-14")
            }
        }
        let kWh = number(f, "kWh", VisitRules.meterKWh)
        guard let date, let kWh else { return nil }
        return MeterReading(date: date, kWh: kWh)
    }

    func heating(_ node: JSONNode) -> HeatingUse? {
        guard
            let f = object(
                node, "heating",
                allowed: [
                    "fuel", "annualKWh", "includesHotWater", "hotWaterKWh", "billing", "consumptionShare",
                    "roomTemperatureC", "targetTemperatureC", "windowsTiltedInWinter", "monthlyInstallmentEUR",
                    "tariff",
                ])
        else { return nil }
        let fuel: HeatingFuel? = choice(f, "fuel")
        let billing: HeatingBilling? = choice(f, "billing", required: false)
        let share = number(f, "consumptionShare", VisitRules.consumptionShare, required: false)
        if share != nil, billing == .own, let node = f.members["consumptionShare"] {
            report(
                node, f.path("consumptionShare"),
                "only a building's bill is shared; with billing \"own\" the household pays its whole use: leave consumptionShare out or set billing to \"building\""
            )
        }
        let annual = number(f, "annualKWh", VisitRules.heatingKWh, required: false)
        let includesHotWater = bool(f, "includesHotWater")
        var hotWater = number(f, "hotWaterKWh", VisitRules.hotWaterKWh, required: false)
        if let given = hotWater, let node = f.members["hotWaterKWh"] {
            // The bill's hot-water part is part of the bill: it needs the bill and cannot exceed it.
            if includesHotWater == false {
                report(
                    node, f.path("hotWaterKWh"),
                    "a hot-water figure for a heating that makes no hot water (includesHotWater is false): leave one of them out"
                )
                hotWater = nil
            } else if let annual, given > annual {
                report(
                    node, f.path("hotWaterKWh"),
                    "\(PlainNumber.text(given)) is more than the whole heating bill (annualKWh \(PlainNumber.text(annual))); allowed: greater than 0 and at most \(PlainNumber.text(annual))"
                )
                hotWater = nil
            } else if annual == nil {
                report(
                    node, f.path("hotWaterKWh"),
                    "a hot-water figure from the bill needs the bill's whole heating use: give annualKWh too")
                hotWater = nil
            }
        }
        let use = HeatingUse(
            fuel: fuel ?? .gas,
            annualKWh: annual,
            includesHotWater: includesHotWater,
            hotWaterKWh: hotWater,
            billing: billing,
            consumptionShare: share,
            roomTemperatureC: number(f, "roomTemperatureC", VisitRules.roomTemperatureC, required: false),
            targetTemperatureC: number(f, "targetTemperatureC", VisitRules.roomTemperatureC, required: false),
            windowsTiltedInWinter: bool(f, "windowsTiltedInWinter"),
            monthlyInstallmentEUR: number(f, "monthlyInstallmentEUR", VisitRules.installmentEUR, required: false),
            tariff: tariff(f)
        )
        return fuel == nil ? nil : use
    }

    func lightingRow(_ node: JSONNode, _ path: String) -> LightingRow? {
        guard
            let f = object(
                node, path, allowed: ["room", "lamps", "watts", "technology", "hoursPerDay", "installedAtVisit"])
        else { return nil }
        let room = string(f, "room", required: false, maxLength: 100)
        let lamps = integer(f, "lamps", VisitRules.lamps)
        let watts = number(f, "watts", VisitRules.watts)
        let technology: LampTechnology? = choice(f, "technology")
        let hours = number(f, "hoursPerDay", VisitRules.hoursPerDay)
        let installed = bool(f, "installedAtVisit")
        guard let lamps, let watts, let technology, let hours else { return nil }
        return LightingRow(
            room: room, lamps: lamps, watts: watts, technology: technology, hoursPerDay: hours,
            installedAtVisit: installed)
    }

    /// A cooling appliance, or a standby device: `standby` when the advisor did not say what it is, else its kind
    /// (``StandbyKind``).
    enum ApplianceKind: String, CaseIterable {
        case fridge
        case fridgeFreezer = "fridge-freezer"
        case freezer, standby
        case tv, computer, audio, router, phone
        case alarmClock = "alarm-clock"
        case medical, other

        /// Nil for a cooling appliance and for a standby device of unknown kind.
        var standbyKind: StandbyKind? { StandbyKind(rawValue: rawValue) }
        var isCooling: Bool { self == .fridge || self == .fridgeFreezer || self == .freezer }
    }

    func appliance(_ node: JSONNode, _ path: String) -> Appliance? {
        // The kind decides which keys are allowed, so read it before checking the rest.
        guard case .object(let members) = node.kind else {
            report(node, path, "expected an object, found \(node.typeName)")
            return nil
        }
        let probe = Fields(
            node: node, path: path, members: Dictionary(members.map { ($0.key, $0.value) }) { a, _ in a })
        guard let kind: ApplianceKind = choice(probe, "kind") else { return nil }
        if !kind.isCooling {
            guard let f = object(node, path, allowed: ["kind", "label", "watts", "hoursPerDay", "installedAtVisit"])
            else { return nil }
            let device = kind.standbyKind
            let label = string(f, "label", required: false, maxLength: 100)
            let watts = number(f, "watts", VisitRules.watts)
            let hours = number(f, "hoursPerDay", VisitRules.hoursPerDay)
            let installed = bool(f, "installedAtVisit")
            guard let watts, let hours else { return nil }
            return .standby(
                StandbyDevice(
                    kind: device, label: label, watts: watts, hoursPerDay: hours, installedAtVisit: installed))
        }
        // A clearer word than "unknown key" for the one a programme's advisor is likely to try.
        if let member = members.first(where: { $0.key == "installedAtVisit" }) {
            report(
                at: member.keyPosition, "\(path).installedAtVisit",
                "a \(kind.rawValue) is not handed out at a visit; leave installedAtVisit out (a new device is advised with its voucher)"
            )
        }
        var allowed = ["kind", "ageYears", "annualKWh", "measuredKWhPerDay", "volumeLitres", "replacementAnnualKWh"]
        // Reported above, in clearer words than "unknown key".
        if members.contains(where: { $0.key == "installedAtVisit" }) { allowed.append("installedAtVisit") }
        guard let f = object(node, path, allowed: allowed) else { return nil }
        let age = integer(f, "ageYears", VisitRules.ageYears, required: false)
        let annual = number(f, "annualKWh", VisitRules.applianceKWh, required: false)
        let measured = number(f, "measuredKWhPerDay", VisitRules.measuredKWhPerDay, required: false)
        if annual != nil, measured != nil, let node = f.members["measuredKWhPerDay"] {
            report(node, f.path("measuredKWhPerDay"), "give either annualKWh or measuredKWhPerDay, not both")
        }
        let device = CoolingAppliance(
            kind: CoolingKind(rawValue: kind.rawValue) ?? .fridge, ageYears: age, annualKWh: annual,
            measuredKWhPerDay: measured,
            volumeLitres: number(f, "volumeLitres", VisitRules.volumeLitres, required: false),
            replacementAnnualKWh: number(f, "replacementAnnualKWh", VisitRules.applianceKWh, required: false)
        )
        return .cooling(device)
    }

    func showers(_ node: JSONNode) -> ShowerHabits? {
        guard
            let f = object(
                node, "showers",
                allowed: [
                    "perWeek", "minutes", "flowLitresPerMinute", "temperatureC", "coldWaterC", "installedAtVisit",
                ])
        else { return nil }
        let perWeek = number(f, "perWeek", VisitRules.showersPerWeek)
        let minutes = number(f, "minutes", VisitRules.showerMinutes)
        let flow = number(f, "flowLitresPerMinute", VisitRules.flowLitresPerMinute)
        let temperature = number(f, "temperatureC", VisitRules.showerTemperatureC, required: false)
        let cold = number(f, "coldWaterC", VisitRules.coldWaterC, required: false)
        let installed = bool(f, "installedAtVisit")
        guard let perWeek, let minutes, let flow else { return nil }
        return ShowerHabits(
            perWeek: perWeek, minutes: minutes, flowLitresPerMinute: flow, temperatureC: temperature,
            coldWaterC: cold, installedAtVisit: installed)
    }

    func tap(_ node: JSONNode, _ path: String) -> TapUse? {
        guard let f = object(node, path, allowed: ["room", "flowLitresPerMinute", "minutesPerDay", "installedAtVisit"])
        else { return nil }
        let room: TapRoom? = choice(f, "room")
        let flow = number(f, "flowLitresPerMinute", VisitRules.flowLitresPerMinute)
        let minutes = number(f, "minutesPerDay", VisitRules.tapMinutesPerDay, required: false)
        let installed = bool(f, "installedAtVisit")
        guard let room, let flow else { return nil }
        return TapUse(room: room, flowLitresPerMinute: flow, minutesPerDay: minutes, installedAtVisit: installed)
    }
}
