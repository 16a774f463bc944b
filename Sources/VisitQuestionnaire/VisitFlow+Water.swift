import EnergyAdvice

extension VisitFlow {
    /// How often and how long the household showers (`-` for no shower), then the showerhead's flow.
    func showers(_ w: inout Walker, persons: Int) throws(Stop) -> ShowerHabits? {
        let section = "Duschen"
        let usual = min(
            QuestionnaireDefaults.showersPerPersonPerWeek * Double(persons), VisitRules.showersPerWeek.upper)
        guard
            let habit = try w.showers(
                Question(
                    id: "showers", section: section, prompt: "Duschen pro Woche (alle zusammen) × Minuten je Dusche",
                    help: "\(RowText.showerExample); „-“ = keine Dusche erfassen.",
                    defaultAnswer:
                        "\(GermanNumber.text(usual)) × \(GermanNumber.text(QuestionnaireDefaults.showerMinutes)) min",
                    isOptional: true, kind: .showerRow))
        else { return nil }
        let high = Plausibility.showersPerPersonPerWeekHigh * Double(persons)
        if habit.perWeek > high {
            w.warn("Ungewöhnlich viele: mehr als \(Plausibility.number(high)) pro Woche für \(persons) Person(en).")
        }
        if habit.minutes > Plausibility.showerMinutesHigh {
            w.warn(
                "Ungewöhnlich lang: mehr als \(Plausibility.number(Plausibility.showerMinutesHigh)) Minuten. Minuten und Sekunden verwechselt?"
            )
        }
        let flow = try w.number(
            .flow(
                "showers.flowLitresPerMinute", section, "Durchfluss des Duschkopfs", unit: "L/min",
                range: VisitRules.flowLitresPerMinute, default: QuestionnaireDefaults.flowLitresPerMinute,
                help: "Messen: Messbecher oder Eimer unter die Dusche, Wasser voll auf, Zeit stoppen; "
                    + "eingeben z. B. „1 l in 5 s“ (= 12 L/min). 12 L/min ist typisch für alte Duschköpfe – besser messen."
            ))
        if let warning = Plausibility.outside(
            flow, Plausibility.flowLitresPerMinute, unit: "L/min",
            hint: "Bitte Messung wiederholen.")
        {
            w.warn(warning)
        }
        return ShowerHabits(perWeek: habit.perWeek, minutes: habit.minutes, flowLitresPerMinute: flow)
    }

    /// One optional measurement per room: a tap that was not measured is left out with `-` (the default).
    func tapFlows(_ w: inout Walker) throws(Stop) -> [TapUse] {
        let section = "Wasserhähne"
        var taps: [TapUse] = []
        for room in TapRoom.allCases {
            // No default flow: an aerator saving must rest on a measurement, not on a guess taken with Enter.
            let flow = try w.optionalNumber(
                .flow(
                    "taps.\(room.rawValue)", section,
                    "Durchfluss Wasserhahn \(room == .kitchen ? "Küche" : "Bad")", unit: "L/min",
                    range: VisitRules.flowLitresPerMinute, default: nil,
                    help: room == .kitchen
                        ? "Wasser voll auf, Messbecher, Zeit stoppen; z. B. „1 l in 6 s“ (= 10 L/min). "
                            + "„-“ = nicht gemessen (kein Sparpotenzial oder schon Strahlregler)." : nil,
                    optional: true))
            if let flow {
                if let warning = Plausibility.outside(
                    flow, Plausibility.tapFlowLitresPerMinute, unit: "L/min", hint: "Bitte Messung wiederholen.")
                {
                    w.warn(warning)
                }
                taps.append(TapUse(room: room, flowLitresPerMinute: flow))
            }
        }
        return taps
    }

    /// The rows with what was handed out or fitted at the visit.
    struct HandedOut {
        var lighting: [LightingRow]
        var standby: [Appliance]
        var showers: ShowerHabits?
        var taps: [TapUse]
    }

    /// Soforthilfen: one question per kind of item, only for items worth replacing. Lamp rows and standby devices
    /// are numbered as they were asked; `j` means all of them, `n` none, numbers some.
    func handOuts(
        _ w: inout Walker, lighting: [LightingRow], standby: [StandbyDevice], showers: ShowerHabits?, taps: [TapUse]
    ) throws(Stop) -> HandedOut {
        let section = "Soforthilfen"
        var result = HandedOut(
            lighting: lighting, standby: standby.map { .standby($0) }, showers: showers, taps: taps)
        let oldLamps = lighting.indices.filter { lighting[$0].technology != .led }
        if !oldLamps.isEmpty {
            let chosen = try choose(
                &w, id: "handouts.led", section: section, prompt: "LED-Lampen heute eingesetzt?",
                items: oldLamps.map { ($0 + 1, LampRowAnswer(row: lighting[$0]).text) })
            for index in oldLamps { result.lighting[index].installedAtVisit = chosen.contains(index + 1) }
        }
        if !standby.isEmpty {
            let chosen = try choose(
                &w, id: "handouts.standby", section: section,
                prompt: "Schaltbare Steckdosenleiste heute angeschlossen?",
                items: standby.indices.map { ($0 + 1, standby[$0].label ?? "Gerät \($0 + 1)") })
            result.standby = standby.indices.map { index in
                var device = standby[index]
                device.installedAtVisit = chosen.contains(index + 1)
                return .standby(device)
            }
        }
        if let showers, showers.flowLitresPerMinute > showerheadThreshold {
            let fitted = try w.yes(
                .yesNo(
                    "handouts.showerhead", section,
                    "Sparduschkopf heute montiert? (jetzt \(GermanNumber.text(showers.flowLitresPerMinute)) L/min)",
                    default: false))
            result.showers?.installedAtVisit = fitted
        }
        let worthAnAerator = taps.indices.filter { taps[$0].flowLitresPerMinute > aeratorThreshold }
        if !worthAnAerator.isEmpty {
            let chosen = try choose(
                &w, id: "handouts.taps", section: section, prompt: "Spar-Strahlregler heute eingebaut?",
                items: worthAnAerator.map { index in
                    (
                        index + 1,
                        "\(taps[index].room.germanLabel), \(GermanNumber.text(taps[index].flowLitresPerMinute)) L/min"
                    )
                })
            for index in worthAnAerator { result.taps[index].installedAtVisit = chosen.contains(index + 1) }
        }
        return result
    }

    /// Yes or no for a single item; for several, `j` (all), `n` (none) or their numbers.
    private func choose(
        _ w: inout Walker, id: String, section: String, prompt: String, items: [(number: Int, text: String)]
    ) throws(Stop) -> [Int] {
        if items.count == 1, let only = items.first {
            return try w.yes(.yesNo(id, section, "\(prompt) (\(only.text))", default: false)) ? [only.number] : []
        }
        let list = items.map { "\($0.number) \($0.text)" }.joined(separator: "; ")
        return try w.selection(
            .selection(
                id, section, "\(prompt) (j = alle, n = keine, oder Nummern)", allowed: items.map(\.number),
                help: list))
    }
}

extension LampRowAnswer {
    init(row: LightingRow) {
        self.init(
            room: row.room, lamps: row.lamps, watts: row.watts, technology: row.technology,
            hoursPerDay: row.hoursPerDay)
    }
}
