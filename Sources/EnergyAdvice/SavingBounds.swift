/// Rule 1 of calculation rules v2: no saving exceeds the energy or water it comes from. A bound rests only on what
/// is known of the household — its electricity bill, its heating bill or the bill's hot-water figure, its water bill
/// (or persons × the reference use per person) — and a technical figure that hits one is cut to it, with a warning that
/// names the inputs that disagree. Averages (the shares of a household's water that showers and taps use) only flag
/// outliers: they never cut.
extension AdviceContext {
    mutating func applyBounds(to drafts: inout [MeasureDraft]) {
        boundHotWater(&drafts)
        flagWaterUse(drafts)
        boundElectricity(&drafts)
        boundHeating(&drafts)
    }

    /// What showers and taps use now (at their old flow), in litres and in the carrier's kWh: each saves the part
    /// (old − new) / old of its use.
    struct HotWaterUse {
        var litres = 0.0
        var kWh = 0.0
    }

    static func use(of draft: MeasureDraft) -> HotWaterUse? {
        guard let water = hotWater(of: draft) else { return nil }
        let cut = water.oldFlowLitresPerMinute - water.newFlowLitresPerMinute
        guard cut > 0 else { return nil }
        let used = water.oldFlowLitresPerMinute / cut
        return HotWaterUse(
            litres: water.litresPerYear * used, kWh: (draft.electricityKWh + draft.heatKWh) * used)
    }

    /// The energy the household is known to use for the water's carrier: the electricity bill, or the heating bill's
    /// hot-water figure, else the whole heating bill (an estimate when there was no bill). Nil when nothing heats the
    /// water that the visit describes.
    func knownHotWaterUse(_ source: HotWaterSource) -> (kWh: Double, basis: KnownUse)? {
        switch source {
        case .electric: return (visit.electricity.annualKWh, .electricityBill)
        case .heating:
            guard let heating else { return nil }
            if heating.hotWaterFromBill { return (heating.hotWaterKWh, .hotWaterFigure) }
            return (heating.annualKWh, heating.estimated ? .estimatedHeating : .heatingBill)
        case .unknown: return nil
        }
    }

    /// The household's drinking water a year, m³: its bill, else persons × the reference use per person (listed in
    /// `inputs`). Nil when neither is known.
    mutating func householdWaterM3() -> (m3: Double, fromBill: Bool)? {
        if let bill = household.annualWaterM3 { return (bill, true) }
        guard let perPerson = reference.waterUsePerPersonLitresPerDay else { return nil }
        constant(.waterUsePerPerson, perPerson)
        return (Double(household.persons) * perPerson.value * Self.daysPerYear / 1000, false)
    }

    /// Showers and taps together never use more water than the household uses in all, nor more energy for hot water
    /// than its carrier is known to use. Both bounds cut every shower and tap saving by the same factor (less hot
    /// water used is less saved, energy and water alike).
    private mutating func boundHotWater(_ drafts: inout [MeasureDraft]) {
        let indices = drafts.indices.filter {
            [.showerhead, .tapAerator].contains(drafts[$0].kind) && drafts[$0].recommended
        }
        guard let first = indices.first, let source = Self.hotWater(of: drafts[first])?.source else { return }
        var used = HotWaterUse()
        for index in indices {
            guard let one = Self.use(of: drafts[index]) else { continue }
            used.litres += one.litres
            used.kWh += one.kWh
        }
        var factor = 1.0
        if let water = householdWaterM3(), used.litres > water.m3 * 1000 {
            factor = water.m3 * 1000 / used.litres
            warn(
                .waterAboveUse(
                    usedM3: cents(used.litres / 1000), householdM3: cents(water.m3), fromBill: water.fromBill))
        }
        let known = knownHotWaterUse(source)
        if let known, used.kWh > 0 {
            // The most each saving may be: its share of the known use.
            for index in indices {
                let technical = drafts[index].electricityKWh + drafts[index].heatKWh
                Self.setBound(technical, known.kWh / used.kWh, on: &drafts[index])
            }
            if used.kWh * factor > known.kWh {
                factor = known.kWh / used.kWh
                warn(.hotWaterAboveUse(usedKWh: cents(used.kWh), availableKWh: cents(known.kWh), basis: known.basis))
            }
        }
        guard factor < 1 else { return }
        for index in indices {
            drafts[index].scale(by: factor)
            // A bound that rests on an estimated heating makes the cut saving an estimate too.
            if known?.basis == .estimatedHeating { drafts[index].baseline = .estimated }
        }
    }

    /// Flags showers and taps that together draw far more water than the averages give a household of this size:
    /// persons × the use per person × the shares of bathing and body care and of the kitchen. Only an outlier warns;
    /// nothing is cut, and the hot water's source does not matter.
    private mutating func flagWaterUse(_ drafts: [MeasureDraft]) {
        guard let perPerson = reference.waterUsePerPersonLitresPerDay, let shares = reference.waterUseShares else {
            return
        }
        var usedLitres = 0.0
        for draft in drafts where [.showerhead, .tapAerator].contains(draft.kind) && draft.recommended {
            usedLitres += Self.use(of: draft)?.litres ?? 0
        }
        let typical =
            Double(household.persons) * perPerson.value * (shares.showers.value + shares.taps.value) * Self.daysPerYear
        guard usedLitres > 0, typical > 0, usedLitres > typical * reference.plausibility.hotWaterAboveAverageFactor
        else { return }
        constant(.waterUsePerPerson, perPerson)
        constant(.waterShareShowers, shares.showers)
        constant(.waterShareTaps, shares.taps)
        warn(.waterUseUnusual(usedM3: cents(usedLitres / 1000), typicalM3: cents(typical / 1000)))
    }

    /// All recommended electricity savings together stay within the household's electricity use. Only the
    /// electricity is cut: a showerhead's water saving does not depend on how many lamps were recorded.
    private mutating func boundElectricity(_ drafts: inout [MeasureDraft]) {
        let annual = visit.electricity.annualKWh
        let technical = drafts.reduce(0) { $0 + ($1.recommended ? $1.electricityKWh : 0) }
        guard technical > annual, technical > 0 else { return }
        let factor = annual / technical
        for index in drafts.indices where drafts[index].recommended && drafts[index].electricityKWh > 0 {
            drafts[index].electricityKWh *= factor
            drafts[index].capped = true
        }
        warn(.electricitySavingsCapped(technicalKWh: cents(technical), annualKWh: annual))
    }

    /// All recommended heating savings together (room temperature, airing, hot water from the heating) stay within
    /// the heating's use, so that no household is promised more than its heating bill.
    private mutating func boundHeating(_ drafts: inout [MeasureDraft]) {
        guard let annual = heating?.annualKWh else { return }
        let technical = drafts.reduce(0) { $0 + ($1.recommended ? $1.heatKWh : 0) }
        guard technical > annual, technical > 0 else { return }
        let factor = annual / technical
        for index in drafts.indices where drafts[index].recommended && drafts[index].heatKWh > 0 {
            drafts[index].heatKWh *= factor
            drafts[index].capped = true
        }
        warn(.heatingSavingsCapped(technicalKWh: cents(technical), annualKWh: annual))
    }

    static func hotWater(of draft: MeasureDraft) -> HotWaterDetails? {
        switch draft.details {
        case .showerhead(let d): d.hotWater
        case .tapAerator(let d): d.hotWater
        default: nil
        }
    }

    /// The most a saving of `technical` kWh may be when showers and taps together may use `share` of what they use
    /// now (share ≥ 1: the bound does not bind).
    private static func setBound(_ technical: Double, _ share: Double, on draft: inout MeasureDraft) {
        let bound = cents(technical * share)
        switch draft.details {
        case .showerhead(var d):
            d.hotWater.boundKWh = bound
            draft.details = .showerhead(d)
        case .tapAerator(var d):
            d.hotWater.boundKWh = bound
            draft.details = .tapAerator(d)
        default: break
        }
    }
}
