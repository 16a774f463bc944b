import EnergyAdvice

/// German words for the closed vocabularies of `esp-visit/1`, as the advisor reads them in the questionnaire.
///
/// Each switch is exhaustive, so a new case in ``EnergyAdvice`` does not compile until it has a label here.
public protocol GermanLabelled: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The word the advisor reads, e.g. "Wohnung" for `flat`.
    var germanLabel: String { get }
}

extension Dwelling: GermanLabelled {
    public var germanLabel: String {
        switch self {
        case .flat: "Wohnung"
        case .house: "Haus"
        }
    }
}

extension Benefit: GermanLabelled {
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
    public var germanLabel: String {
        switch self {
        case .none: "nicht mit Strom (Heizung, Gas, Fernwärme)"
        case .electricInstantaneous: "Durchlauferhitzer"
        case .electricBoiler: "Elektro-Boiler / Speicher"
        }
    }
}

extension HeatingFuel: GermanLabelled {
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
    public var germanLabel: String {
        switch self {
        case .fridge: "Kühlschrank"
        case .fridgeFreezer: "Kühl-Gefrier-Kombination"
        case .freezer: "Gefrierschrank / -truhe"
        }
    }
}

extension HeatingBilling: GermanLabelled {
    public var germanLabel: String {
        switch self {
        case .own: "eigener Vertrag oder Zähler (Haus, Gasetagenheizung)"
        case .building: "über den Vermieter für das ganze Haus (Heizkostenabrechnung)"
        }
    }
}

extension TapRoom: GermanLabelled {
    public var germanLabel: String {
        switch self {
        case .kitchen: "Küche"
        case .bathroom: "Bad"
        }
    }
}

extension StandbyKind: GermanLabelled {
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
