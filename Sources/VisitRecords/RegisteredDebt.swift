import EnergyAdvice

/// A visit's energy debt as the register keeps it: counts and the arrears sum, no supplier, dates or risks, so
/// forgetting the household keeps them as it keeps its other figures.
public struct RegisteredDebt: Sendable, Equatable {
    /// Debts recorded at the visit (electricity and gas apart).
    public var debts: Int
    /// Of those, the debts with a cut-off threat (an Androhung, `threatDate`).
    public var threatened: Int
    /// Of those, the debts with an announced cut-off date (an Ankündigung, `announcementDate`).
    public var announced: Int
    /// Of those, the debts whose supply was already cut off at the visit.
    public var cutOff: Int
    /// The arrears of all debts, €.
    public var arrearsEUR: Double

    /// The figures as stored; none by default.
    public init(debts: Int = 0, threatened: Int = 0, announced: Int = 0, cutOff: Int = 0, arrearsEUR: Double = 0) {
        self.debts = debts
        self.threatened = threatened
        self.announced = announced
        self.cutOff = cutOff
        self.arrearsEUR = arrearsEUR
    }

    /// The figures of the debts a visit recorded.
    public init(_ debts: [EnergyDebt]) {
        self.init(
            debts: debts.count, threatened: debts.count(where: { $0.threatDate != nil }),
            announced: debts.count(where: { $0.announcementDate != nil }),
            cutOff: debts.count(where: { $0.cutOff == true }),
            arrearsEUR: cents(debts.reduce(0) { $0 + $1.arrearsEUR }))
    }

    /// Whether the visit recorded any debt.
    public var isRecorded: Bool { debts > 0 }
    /// Whether a cut-off was threatened or announced for one of the debts: a cut-off the programme can avert.
    public var isCutOffThreatened: Bool { threatened > 0 || announced > 0 }
}
