/// Rule 1 of calculation rules v2: no saving exceeds the energy it comes from. A technical figure that hits a bound
/// is cut to it, and a warning names the inputs that disagree.
extension AdviceContext {
    mutating func applyBounds(to drafts: inout [MeasureDraft]) {
        boundHotWater(.showerhead, share: reference.hotWater.showerShare, constant: .showerShare, in: &drafts)
        boundHotWater(.tapAerator, share: reference.hotWater.tapShare, constant: .tapShare, in: &drafts)
        boundElectricity(&drafts)
    }

    /// Showers resp. taps together use at most their share of the energy that heats the water, and a lower flow
    /// saves at most the part of that use it takes away: (old − new) / old of the litres.
    private mutating func boundHotWater(
        _ kind: MeasureKind, share: Sourced<Double>, constant listed: ListedConstant,
        in drafts: inout [MeasureDraft]
    ) {
        let indices = drafts.indices.filter { drafts[$0].kind == kind && drafts[$0].recommended }
        guard let first = indices.first, let source = Self.hotWater(of: drafts[first])?.source,
            let available = hotWaterEnergyKWh(source)
        else { return }
        constant(listed, share)
        var saved = 0.0
        var used = 0.0
        for index in indices {
            guard let water = Self.hotWater(of: drafts[index]) else { continue }
            let cut = water.oldFlowLitresPerMinute - water.newFlowLitresPerMinute
            saved += water.litresPerYear
            used += cut > 0 ? water.litresPerYear * water.oldFlowLitresPerMinute / cut : 0
        }
        let bound = available * share.value * (used > 0 ? saved / used : 0)
        let technical = indices.reduce(0) { $0 + drafts[$1].electricityKWh + drafts[$1].heatKWh }
        for index in indices { Self.setBound(bound, on: &drafts[index]) }
        guard technical > bound, technical > 0 else { return }
        for index in indices { drafts[index].scale(by: bound / technical) }
        // An estimated heating bill makes its hot-water part, and so the cut saving, an estimate too.
        var estimated = false
        if case .heating = source { estimated = heating?.estimated ?? false }
        if estimated { for index in indices { drafts[index].baseline = .estimated } }
        let technicalKWh = cents(technical)
        let boundKWh = cents(bound)
        warn(
            kind == .showerhead
                ? .showerSavingCapped(
                    technicalKWh: technicalKWh, boundKWh: boundKWh, source: source, estimatedBill: estimated)
                : .tapSavingsCapped(
                    technicalKWh: technicalKWh, boundKWh: boundKWh, source: source, estimatedBill: estimated))
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

    static func hotWater(of draft: MeasureDraft) -> HotWaterDetails? {
        switch draft.details {
        case .showerhead(let d): d.hotWater
        case .tapAerator(let d): d.hotWater
        default: nil
        }
    }

    private static func setBound(_ bound: Double, on draft: inout MeasureDraft) {
        switch draft.details {
        case .showerhead(var d):
            d.hotWater.boundKWh = cents(bound)
            draft.details = .showerhead(d)
        case .tapAerator(var d):
            d.hotWater.boundKWh = cents(bound)
            draft.details = .tapAerator(d)
        default: break
        }
    }
}
