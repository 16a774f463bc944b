/// The closed vocabularies of the visit file and the reference data.
///
/// Raw values are the spellings used in `esp-visit/1`, `esp-advice/2` and Tariffs/.

/// The kind of home, as the Stromspiegel distinguishes it.
public enum Dwelling: String, Sendable, CaseIterable {
    case flat, house
}

/// The social benefit a household receives, which decides who pays its heating.
public enum Benefit: String, Sendable, CaseIterable {
    case buergergeld, sozialhilfe, grundsicherung, wohngeld, kinderzuschlag, asylblg, none
}

/// Who pays a cost and therefore who keeps a saving on it.
public enum Payer: String, Sendable, CaseIterable, Comparable {
    case household, jobcenter
    case socialOffice = "social-office"
    case landlord

    /// Jobcenter and social office spend public money.
    public var isPublic: Bool { self == .jobcenter || self == .socialOffice }

    public static func < (a: Payer, b: Payer) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// How drinking water is heated when electricity does it.
public enum HotWaterSystem: String, Sendable, CaseIterable {
    case none
    case electricInstantaneous = "electric-instantaneous"
    case electricBoiler = "electric-boiler"

    public var isElectric: Bool { self != .none }
}

/// The fuel of the space heating.
public enum HeatingFuel: String, Sendable, CaseIterable {
    case gas, oil, district
    case electricStorage = "electric-storage"
    case heatPump = "heat-pump"
    case pellets

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
    case electricity, gas, oil, district, wood
}

/// Lamp technologies on the visit form.
public enum LampTechnology: String, Sendable, CaseIterable {
    case incandescent, halogen, cfl, led
}

/// Cooling appliances that can be swapped for an efficient one.
public enum CoolingKind: String, Sendable, CaseIterable {
    case fridge
    case fridgeFreezer = "fridge-freezer"
    case freezer
}

/// The measures of calculation rules version 2, in the order the advice lists them.
public enum MeasureKind: String, Sendable, CaseIterable {
    case led, standby
    case fridgeReplacement = "fridge-replacement"
    case showerhead
    case tapAerator = "tap-aerator"
    case roomTemperature = "room-temperature"
    case ventilation
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

/// A room with a tap the programme can fit with an aerator.
public enum TapRoom: String, Sendable, CaseIterable {
    case kitchen, bathroom
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
    case ledLamp = "led-lamp"
    case switchableStrip = "switchable-strip"
    case showerhead
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
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the date exists in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
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

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
