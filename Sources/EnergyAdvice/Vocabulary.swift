/// The closed vocabularies of the visit file and the reference data.
///
/// Raw values are the spellings used in `esp-visit/1`, `esp-advice/2` and Tariffs/.

/// The kind of home, as the Stromspiegel distinguishes it.
public enum Dwelling: String, Sendable, CaseIterable {
    /// `flat`: a flat in a multi-family building, whose central heating the landlord bills by default;
    /// `house`: a house of its own.
    case flat, house
}

/// The social benefit a household receives, which decides who pays its heating.
public enum Benefit: String, Sendable, CaseIterable {
    /// `buergergeld` (SGB II, jobcenter), `sozialhilfe` and `grundsicherung` (SGB XII, social office), `asylblg`
    /// (social office), `wohngeld` and `kinderzuschlag` (the household pays its housing costs itself), or `none`.
    case buergergeld, sozialhilfe, grundsicherung, wohngeld, kinderzuschlag, asylblg, none
}

/// Who pays a cost and therefore who keeps a saving on it.
public enum Payer: String, Sendable, CaseIterable, Comparable {
    /// `household`: the household itself, and always for electricity (the standard rate pays it); `jobcenter`: housing
    /// costs under SGB II (Bürgergeld).
    case household, jobcenter
    /// Housing costs under SGB XII (Sozialhilfe, Grundsicherung) and the AsylbLG.
    case socialOffice = "social-office"
    /// Costs included in the rent: the landlord keeps the saving.
    case landlord

    /// Jobcenter and social office spend public money.
    public var isPublic: Bool { self == .jobcenter || self == .socialOffice }

    /// In declaration order, the order sheets and summaries list payers in.
    public static func < (a: Payer, b: Payer) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// How drinking water is heated when electricity does it.
public enum HotWaterSystem: String, Sendable, CaseIterable {
    /// No electric water heating: the heating makes the hot water, or the visit does not say.
    case none
    /// An instantaneous electric heater (Durchlauferhitzer): about all its electricity reaches the tap.
    case electricInstantaneous = "electric-instantaneous"
    /// An electric storage water heater (Boiler): it loses some heat while standing.
    case electricBoiler = "electric-boiler"

    /// Water is heated with the household's electricity: it picks the Stromspiegel table with electric hot water, and
    /// savings on hot water are electricity.
    public var isElectric: Bool { self != .none }
}

/// The fuel of the space heating.
public enum HeatingFuel: String, Sendable, CaseIterable {
    /// `gas`, `oil`, or `district` heating.
    case gas, oil, district
    /// Night-storage heaters.
    case electricStorage = "electric-storage"
    /// A heat pump; its kWh are electricity at the heat-pump tariff.
    case heatPump = "heat-pump"
    /// Wood pellets.
    case pellets

    /// Grid-bound supplies (gas, district heating, heat-pump and storage electricity) have a base price; delivered fuels
    /// (oil, pellets) do not.
    public var hasBasePrice: Bool {
        switch self {
        case .gas, .district, .electricStorage, .heatPump: true
        case .oil, .pellets: false
        }
    }

    /// The carrier whose CO2 factor applies to one kWh of this fuel.
    public var carrier: EnergyCarrier {
        switch self {
        case .gas: .gas
        case .oil: .oil
        case .district: .district
        case .electricStorage, .heatPump: .electricity
        case .pellets: .wood
        }
    }
}

/// An energy carrier with its own CO2 factor.
public enum EnergyCarrier: String, Sendable, CaseIterable {
    /// Each has a factor in `<co2>`; wood is the carrier of pellets, electricity that of storage heaters and heat
    /// pumps.
    case electricity, gas, oil, district, wood
}

/// Lamp technologies on the visit form.
public enum LampTechnology: String, Sendable, CaseIterable {
    /// `incandescent` bulb, `halogen` lamp, `cfl` (compact fluorescent, "energy-saving lamp"), or `led` already.
    case incandescent, halogen, cfl, led
}

/// Cooling appliances that can be swapped for an efficient one.
public enum CoolingKind: String, Sendable, CaseIterable {
    /// A fridge; one with a separate freezer section is a fridge-freezer.
    case fridge
    /// A fridge-freezer combination.
    case fridgeFreezer = "fridge-freezer"
    /// A chest or upright freezer.
    case freezer
}

/// The measures of calculation rules version 2, in the order the advice lists them.
public enum MeasureKind: String, Sendable, CaseIterable {
    /// `led`: LED lamps for old ones; `standby`: a switchable strip that cuts standby.
    case led, standby
    /// A new cooling appliance for an old one.
    case fridgeReplacement = "fridge-replacement"
    /// An efficient showerhead.
    case showerhead
    /// An aerator on a tap.
    case tapAerator = "tap-aerator"
    /// Heating to a lower room temperature.
    case roomTemperature = "room-temperature"
    /// Airing briefly and fully instead of keeping windows tilted.
    case ventilation
    /// A cheaper named electricity tariff: euros only, outside the savings' totals.
    case tariffSwitch = "tariff-switch"

    /// The measures that save energy; the tariff switch only changes the price.
    public static let energySaving: [MeasureKind] = allCases.filter { $0 != .tariffSwitch }
}

/// How a flat's heating reaches its bill.
public enum HeatingBilling: String, Sendable, CaseIterable {
    /// The household's own contract or meter (a house, a gas-fired flat heater).
    case own
    /// Central heating of the building, billed by the landlord under the Heizkostenverordnung: only part of the
    /// bill follows the flat's own consumption.
    case building
}

/// What a standby device is: a switchable strip must never cut a router, a phone, an alarm clock or a medical device.
public enum StandbyKind: String, Sendable, CaseIterable {
    /// `tv` (with receiver or set-top box), `computer`, `audio` (hi-fi, radio), or `other`.
    case tv, computer, audio
    /// A router or modem: the internet, and often the phone line, runs through it.
    case router
    /// A landline phone or its base station.
    case phone
    /// An alarm clock or clock radio.
    case alarmClock = "alarm-clock"
    /// A medical device (oxygen concentrator, ventilator, nursing bed, emergency call).
    case medical
    /// Anything else.
    case other

    /// Devices that must stay on: never put on a switchable strip.
    public var mustStayOn: Bool {
        switch self {
        case .router, .phone, .alarmClock, .medical: true
        case .tv, .computer, .audio, .other: false
        }
    }

    /// The device that must stay on that a label names ("WLAN-Router + Telefon", "Radio-Wecker"), if any: such a
    /// label counts as that kind whatever kind was recorded.
    public static func mustStayOn(namedIn label: String) -> StandbyKind? {
        // Bytes, lower-cased as ASCII: the words are ASCII, and String.contains with a lower-cased copy per word cost
        // four fifths of the calculation core's time.
        var text = Array(label.utf8)
        for index in text.indices where text[index] >= 65 && text[index] <= 90 { text[index] += 32 }
        for (kind, words) in mustStayOnBytes where words.contains(where: { text.contains(bytes: $0) }) { return kind }
        return nil
    }

    /// ``mustStayOnWords`` as UTF-8 bytes, made once.
    static let mustStayOnBytes: [(StandbyKind, [[UInt8]])] = mustStayOnWords.map { kind, words in
        (kind, words.map { Array($0.utf8) })
    }

    /// Words of German and English labels, lower case; medical first, as the most important to keep on.
    static let mustStayOnWords: [(StandbyKind, [String])] = [
        (
            .medical,
            [
                "medizin", "medical", "sauerstoff", "oxygen", "beatmung", "ventilator", "cpap", "inhalat",
                "pflegebett", "dialyse", "notruf", "insulin", "absaug",
            ]
        ),
        (.router, ["router", "wlan", "w-lan", "wifi", "wi-fi", "modem", "fritz", "speedport", "easybox"]),
        (.phone, ["telefon", "phone", "dect", "anrufbeantworter", "fax"]),
        (.alarmClock, ["wecker", "alarm", "clock radio", "radio clock"]),
    ]
}

/// A room with a tap the programme can fit with an aerator.
public enum TapRoom: String, Sendable, CaseIterable {
    /// `kitchen` sink or `bathroom` wash basin; the default minutes a day differ.
    case kitchen, bathroom
}

/// The rooms of a home that sheets name in the household's language: a lamp row's `room` may be one of these ids
/// (the questionnaire stores them); any other text is a room in the advisor's own words, printed as typed.
public enum Room: String, Sendable, CaseIterable {
    case livingRoom = "living-room"
    case kitchen
    case bedroom
    case childrensRoom = "childrens-room"
    case bathroom
    case toilet
    case hallway
    case diningRoom = "dining-room"
    case study
    case guestRoom = "guest-room"
    case storeroom
    case cellar
    case attic
    case balcony
    case staircase
}

/// What a saving was computed from, so an estimate is never read as a measurement.
public enum Baseline: String, Sendable, CaseIterable {
    /// Counted or measured at the visit (lamps, a plug meter, the jug test of a shower).
    case measured
    /// A device's label or data sheet.
    case label
    /// The household's bill.
    case bill
    /// Reference data in place of a figure of the household's own.
    case estimated
}

/// The items a programme hands out or fits at a visit.
public enum KitItem: String, Sendable, CaseIterable {
    /// An LED lamp.
    case ledLamp = "led-lamp"
    /// A power strip with a switch, for standby devices.
    case switchableStrip = "switchable-strip"
    /// An efficient showerhead.
    case showerhead
    /// An aerator (flow limiter) for a tap.
    case tapAerator = "tap-aerator"
}

/// What heats the water whose use a showerhead or an aerator reduces.
public enum HotWaterSource: Sendable, Equatable {
    /// An electric instantaneous heater or boiler, paid with the household's electricity.
    case electric(HotWaterSystem)
    /// The heating, with its fuel.
    case heating(HeatingFuel)
    /// Nothing the visit describes: only the water is counted.
    case unknown
}

/// A day in the calendar, without time or zone, as visit and tariff files write it (YYYY-MM-DD).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…31.
    public let day: Int

    /// Nil unless the date exists in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`, as the files write it.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 0000-03-01, for differences between dates.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    /// Earlier dates first.
    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension [UInt8] {
    /// Whether `word` occurs in these bytes.
    fileprivate func contains(bytes word: [UInt8]) -> Bool {
        guard !word.isEmpty, word.count <= count else { return word.isEmpty }
        let first = word[0]
        var start = 0
        while start + word.count <= count {
            if self[start] == first {
                var match = true
                for offset in 1..<word.count where self[start + offset] != word[offset] {
                    match = false
                    break
                }
                if match { return true }
            }
            start += 1
        }
        return false
    }
}
