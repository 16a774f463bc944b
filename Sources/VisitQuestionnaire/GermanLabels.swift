import EnergyAdvice

/// German words for the closed vocabularies of `esp-visit/1`, as the advisor reads them in the questionnaire.
///
/// Each switch is exhaustive, so a new case in ``EnergyAdvice`` does not compile until it has a label here.
public protocol GermanLabelled: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The word the advisor reads, e.g. "Wohnung" for `flat`.
    var germanLabel: String { get }
}

extension Dwelling: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .flat: "Wohnung"
        case .house: "Haus"
        }
    }
}

extension Benefit: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .buergergeld: "Bürgergeld"
        case .sozialhilfe: "Sozialhilfe"
        case .grundsicherung: "Grundsicherung"
        case .wohngeld: "Wohngeld"
        case .kinderzuschlag: "Kinderzuschlag"
        case .asylblg: "AsylbLG"
        case .none: "keine"
        }
    }
}

extension Payer: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .household: "Haushalt selbst"
        case .jobcenter: "Jobcenter"
        case .socialOffice: "Sozialamt"
        case .landlord: "Vermieter"
        }
    }
}

extension HotWaterSystem: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .none: "nicht mit Strom (Heizung, Gas, Fernwärme)"
        case .electricInstantaneous: "Durchlauferhitzer"
        case .electricBoiler: "Elektro-Boiler / Speicher"
        }
    }
}

extension HeatingFuel: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .gas: "Gas"
        case .oil: "Heizöl"
        case .district: "Fernwärme"
        case .electricStorage: "Nachtspeicher (Strom)"
        case .heatPump: "Wärmepumpe"
        case .pellets: "Pellets / Holz"
        }
    }
}

extension LampTechnology: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .incandescent: "Glühlampe"
        case .halogen: "Halogen"
        case .cfl: "Energiesparlampe (Kompaktleuchtstofflampe)"
        case .led: "LED"
        }
    }
}

extension CoolingKind: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .fridge: "Kühlschrank"
        case .fridgeFreezer: "Kühl-Gefrier-Kombination"
        case .freezer: "Gefrierschrank / -truhe"
        }
    }
}

extension HeatingBilling: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .own: "eigener Vertrag oder Zähler (Haus, Gasetagenheizung)"
        case .building: "über den Vermieter für das ganze Haus (Heizkostenabrechnung)"
        }
    }
}

extension TapRoom: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .kitchen: "Küche"
        case .bathroom: "Bad"
        }
    }
}

extension StandbyKind: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .tv: "Fernseher, Receiver"
        case .computer: "Computer, Bildschirm, Drucker"
        case .audio: "Musikanlage, Radio"
        case .router: "Router, Modem (bleibt an)"
        case .phone: "Telefon (bleibt an)"
        case .alarmClock: "Wecker, Radiowecker (bleibt an)"
        case .medical: "medizinisches Gerät (bleibt an)"
        case .other: "anderes Gerät"
        }
    }
}

extension Room: GermanLabelled {
    /// The German name, as `Locales/de.xlf` has it (`room.<id>`): sheets in every language translate it.
    public var germanLabel: String {
        switch self {
        case .livingRoom: "Wohnzimmer"
        case .kitchen: "Küche"
        case .bedroom: "Schlafzimmer"
        case .childrensRoom: "Kinderzimmer"
        case .bathroom: "Bad"
        case .toilet: "WC"
        case .hallway: "Flur"
        case .diningRoom: "Esszimmer"
        case .study: "Arbeitszimmer"
        case .guestRoom: "Gästezimmer"
        case .storeroom: "Abstellraum"
        case .cellar: "Keller"
        case .attic: "Dachboden"
        case .balcony: "Balkon"
        case .staircase: "Treppenhaus"
        }
    }

    /// Other words advisors write for the same room.
    var otherGermanNames: [String] {
        switch self {
        case .livingRoom: ["Stube", "Wohnstube"]
        case .kitchen: ["Kochnische"]
        case .bedroom: ["Schlafraum"]
        case .childrensRoom: []
        case .bathroom: ["Badezimmer", "Duschbad"]
        case .toilet: ["Toilette", "Gäste-WC", "Klo"]
        case .hallway: ["Diele", "Korridor", "Gang"]
        case .diningRoom: ["Essecke"]
        case .study: ["Büro"]
        case .guestRoom: []
        case .storeroom: ["Abstellkammer", "Kammer", "Speisekammer"]
        case .cellar: ["Kellerraum"]
        case .attic: ["Speicher"]
        case .balcony: []
        case .staircase: ["Treppe"]
        }
    }

    /// The room a typed name stands for: its German name, another usual word for it or its id, in any case; nil
    /// for a room of the advisor's own words, which sheets print as typed.
    static func matching(_ typed: String) -> Room? {
        let key = typed.split(separator: " ").joined(separator: " ").lowercased()
        return allCases.first { room in
            ([room.rawValue, room.germanLabel] + room.otherGermanNames).contains { $0.lowercased() == key }
        }
    }

    /// What the visit file keeps of a typed room: a listed room under its German name (`Badezimmer` → `Bad`), which
    /// every language's sheet translates, an id as it is, any other room as typed.
    static func stored(_ typed: String) -> String {
        guard let room = matching(typed), typed != room.rawValue else { return typed }
        return room.germanLabel
    }
}
