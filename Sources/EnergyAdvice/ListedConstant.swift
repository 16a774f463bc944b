/// A constant of the data files that the advice lists in `inputs` the first time a measure uses it. The names
/// are the paths of the reference file's elements, built once for the process: listing a constant per visit then
/// costs a flag and a shared string, not a new string and a hash.
enum ListedConstant {
    case ledShare(LampTechnology)
    case retailPrice(KitItem)
    case kitPrice(KitItem)
    case realisation(MeasureKind)
    /// Heat at the tap per kWh of a heating fuel or an electric water heater.
    case hotWaterEfficiency(fuel: HeatingFuel?, electric: HotWaterSystem?)
    case kWhPerLitreKelvin, showerShare, tapShare
    case showerReplaceAbove, showerEfficient
    case tapReplaceAbove, tapAerator, tapMixedTemperature
    case savingPerKelvin, maxKelvin, tiltedWindowShare
    /// Drinking water per person and day, for the bound of showers and taps without a water bill.
    case waterUsePerPerson
    /// The shares of it that showers and taps typically use, for the flags.
    case waterShareShowers, waterShareTaps
    /// How long an item lasts, for whether a step pays.
    case lifetime(LifetimeItem)
    /// The notice period to leave the household's supply, for the way out to the basic supply.
    case noticePeriod(SupplyKind)

    /// A dense index into `names` and a per-advice set of flags.
    var index: Int {
        switch self {
        case .ledShare(let t): Self.offset(0, LampTechnology.allCases, t)
        case .retailPrice(let i): Self.offset(1, KitItem.allCases, i)
        case .kitPrice(let i): Self.offset(2, KitItem.allCases, i)
        case .realisation(let k): Self.offset(3, MeasureKind.allCases, k)
        case .hotWaterEfficiency(let fuel?, _): Self.offset(4, HeatingFuel.allCases, fuel)
        case .hotWaterEfficiency(nil, let electric): Self.offset(5, HotWaterSystem.allCases, electric ?? .none)
        case .kWhPerLitreKelvin: 6 * Self.block
        case .showerShare: 6 * Self.block + 1
        case .tapShare: 6 * Self.block + 2
        case .showerReplaceAbove: 6 * Self.block + 3
        case .showerEfficient: 6 * Self.block + 4
        case .tapReplaceAbove: 6 * Self.block + 5
        case .tapAerator: 6 * Self.block + 6
        case .tapMixedTemperature: 6 * Self.block + 7
        case .savingPerKelvin: 6 * Self.block + 8
        case .maxKelvin: 6 * Self.block + 9
        case .tiltedWindowShare: 6 * Self.block + 10
        case .waterUsePerPerson: 6 * Self.block + 11
        case .lifetime(let item): Self.offset(7, LifetimeItem.allCases, item)
        case .waterShareShowers: 7 * Self.block + 7
        case .waterShareTaps: 7 * Self.block + 8
        case .noticePeriod(let supply): 7 * Self.block + 9 + Self.position(supply)
        }
    }

    var name: String { Self.names[index] }

    /// Room for the cases of the largest vocabulary in each block, and for the 12 single constants of block 6; block 7
    /// holds the 7 lifetimes, the 2 water shares and the 3 notice periods.
    static let block = 12
    static let count = 8 * block

    static func offset<T: CaseIterable & Equatable>(_ block: Int, _ all: T.AllCases, _ value: T) -> Int
    where T.AllCases == [T] {
        block * Self.block + position(value)
    }

    /// The position of a case in `allCases`, for arrays that stand in for dictionaries keyed by small enums.
    static func position<T: CaseIterable & Equatable>(_ value: T) -> Int where T.AllCases == [T] {
        T.allCases.firstIndex(of: value) ?? 0
    }

    static let names: [String] = {
        var names = [String](repeating: "", count: count)
        func set(_ constant: ListedConstant, _ name: String) { names[constant.index] = name }
        for t in LampTechnology.allCases { set(.ledShare(t), "ledShare.\(t.rawValue)") }
        for i in KitItem.allCases {
            set(.retailPrice(i), "retailPrice.\(i.rawValue)")
            set(.kitPrice(i), "kitPrice.\(i.rawValue)")
        }
        for k in MeasureKind.allCases { set(.realisation(k), "realisation.\(k.rawValue)") }
        for f in HeatingFuel.allCases {
            set(.hotWaterEfficiency(fuel: f, electric: nil), "hotWater.efficiency.\(f.rawValue)")
        }
        for s in HotWaterSystem.allCases {
            set(.hotWaterEfficiency(fuel: nil, electric: s), "hotWater.efficiency.\(s.rawValue)")
        }
        set(.kWhPerLitreKelvin, "hotWater.kWhPerLitreKelvin")
        set(.showerShare, "hotWater.showerShare")
        set(.tapShare, "hotWater.tapShare")
        set(.showerReplaceAbove, "shower.replaceAboveLitresPerMinute")
        set(.showerEfficient, "shower.efficientLitresPerMinute")
        set(.tapReplaceAbove, "tap.replaceAboveLitresPerMinute")
        set(.tapAerator, "tap.aeratorLitresPerMinute")
        set(.tapMixedTemperature, "tap.mixedWaterTemperatureC")
        set(.savingPerKelvin, "heating.savingPerKelvin")
        set(.maxKelvin, "heating.maxKelvin")
        set(.tiltedWindowShare, "heating.tiltedWindowShare")
        set(.waterUsePerPerson, "waterUse.perPersonLitresPerDay")
        set(.waterShareShowers, "waterUseShares.showers")
        set(.waterShareTaps, "waterUseShares.taps")
        for item in LifetimeItem.allCases { set(.lifetime(item), "lifetime.\(item.rawValue)") }
        for supply in SupplyKind.allCases { set(.noticePeriod(supply), "noticePeriod.\(supply.rawValue)") }
        return names
    }()
}

/// Which constants an advice has listed already: one bit each.
struct ListedConstants {
    private var bits: (UInt64, UInt64) = (0, 0)

    /// Marks the constant; true when it was not listed before.
    mutating func insert(_ constant: ListedConstant) -> Bool {
        let i = constant.index  // below `ListedConstant.count`, 96: two words hold every flag
        let mask: UInt64 = 1 << UInt64(i % 64)
        if i < 64 {
            defer { bits.0 |= mask }
            return bits.0 & mask == 0
        }
        defer { bits.1 |= mask }
        return bits.1 & mask == 0
    }
}
