/// A measure's technical figure before bounds, realisation and prices: the physical saving of the v1 formula and
/// what the item costs.
struct MeasureDraft {
    var kind: MeasureKind
    var recommended: Bool
    var installedAtVisit: Bool
    var electricityKWh = 0.0
    var heatKWh = 0.0
    var waterM3 = 0.0
    var capped = false
    var baseline: Baseline
    /// The item the programme hands out for this measure, and how many; nil for advice without an item.
    var item: KitItem?
    var itemCount = 1
    /// What the household pays in a shop (retail price × count, or a new fridge).
    var retailEUR = 0.0
    var voucherEUR = 0.0
    var details: MeasureDetails

    /// Scales the whole saving to a bound of rule 1: less hot water saved is less water saved too.
    mutating func scale(by factor: Double) {
        electricityKWh *= factor
        heatKWh *= factor
        waterM3 *= factor
        capped = true
    }
}

extension AdviceContext {
    static let daysPerYear = 365.0
    static let weeksPerYear = 365.0 / 7

    /// The technical figures of every measure that saves energy, in advice order (rules v2 table, v1 formulas).
    mutating func technicalMeasures() throws(AdviceError) -> [MeasureDraft] {
        var drafts: [MeasureDraft] = []
        drafts.reserveCapacity(visit.lighting.count + visit.appliances.count + visit.taps.count + 3)
        try addLighting(to: &drafts)
        addStandby(to: &drafts)
        try addCooling(to: &drafts)
        if let shower = showerhead() { drafts.append(shower) }
        addTaps(to: &drafts)
        if let room = roomTemperature() { drafts.append(room) }
        if let airing = ventilation(after: drafts.last { $0.kind == .roomTemperature }) { drafts.append(airing) }
        return drafts
    }
}
