import EnergyAdvice

/// A finished visit as the answers the questionnaire would have been given, so `esp visit edit` can replay it; and
/// the fields the questionnaire does not ask for, kept from the file when it is written again.
public enum VisitAnswers {
    /// The answers, by question id, that replay to `visit` (with ``Questionnaire/init(setup:carrying:)``).
    /// Answers for questions that the flow will not ask (an ask-back that does not come up) are simply not taken.
    public static func answers(for visit: Visit, setup: QuestionnaireSetup) -> [DraftAnswer] {
        var list: [DraftAnswer] = []
        func add(_ id: String, _ answer: String) { list.append(DraftAnswer(question: id, answer: answer)) }
        func add(_ id: String, _ value: Double?) { add(id, value.map(number) ?? AnswerWords.skip) }
        func yesNo(_ value: Bool) -> String { value ? "j" : "n" }

        add("city", visit.city)
        add("language", visit.language ?? VisitRules.languageDefault)
        add("date", visit.date.description)
        add("visitId", visit.visitId)
        let household = visit.household
        add("household.persons", String(household.persons))
        add("household.dwelling", household.dwelling.rawValue)
        add("household.livingAreaM2", household.livingAreaM2)

        let power = visit.electricity
        add("electricity.hotWater", hotWaterSource(visit).rawValue)
        add("electricity.meterReading.kWh", power.meterReading?.kWh)
        add("electricity.annualKWh", power.annualKWh)
        add("electricity.monthlyInstallmentEUR", power.monthlyInstallmentEUR)
        add("electricity.monthlyInstallmentEUR.yearly", "n")
        addTariff(power.tariff, prefix: "electricity", to: &list)
        add("electricity.switchPossible", yesNo(power.switchPossible ?? true))

        for (index, row) in visit.lighting.enumerated() {
            add("lighting[\(index)]", lampRow(row))
        }
        add("lighting[\(visit.lighting.count)]", AnswerWords.done)
        let cooling = visit.appliances.compactMap { if case .cooling(let device) = $0 { device } else { nil } }
        for (index, device) in cooling.enumerated() {
            add("cooling[\(index)]", device.kind.rawValue)
            add("cooling[\(index)].ageYears", device.ageYears.map(String.init) ?? AnswerWords.skip)
            add("cooling[\(index)].measuredKWhPerDay", device.measuredKWhPerDay)
            add("cooling[\(index)].annualKWh", device.annualKWh)
        }
        add("cooling[\(cooling.count)]", "none")
        let standby = visit.appliances.compactMap { if case .standby(let device) = $0 { device } else { nil } }
        for (index, device) in standby.enumerated() {
            let what = "\(number(device.watts)) W \(number(device.hoursPerDay)) h"
            add("standby[\(index)]", device.label.map { "\($0): \(what)" } ?? what)
            add("standby[\(index)].kind", (device.kind ?? .other).rawValue)
        }
        add("standby[\(standby.count)]", AnswerWords.done)
        if let showers = visit.showers {
            add("showers", "\(number(showers.perWeek)) × \(number(showers.minutes)) min")
            add("showers.flowLitresPerMinute", showers.flowLitresPerMinute)
        } else {
            add("showers", AnswerWords.skip)
        }
        for room in TapRoom.allCases {
            add("taps.\(room.rawValue)", visit.taps.first { $0.room == room }?.flowLitresPerMinute)
        }

        let flow = VisitFlow(setup: setup)
        let oldLamps = visit.lighting.indices.filter { visit.lighting[$0].technology != .led }
        add("handouts.led", selection(oldLamps, installed: { visit.lighting[$0].installedAtVisit == true }))
        add("handouts.standby", selection(Array(standby.indices), installed: { standby[$0].installedAtVisit == true }))
        add("handouts.showerhead", yesNo(visit.showers?.installedAtVisit == true))
        let taps = TapRoom.allCases.compactMap { room in visit.taps.first { $0.room == room } }
        let worth = taps.indices.filter { taps[$0].flowLitresPerMinute > flow.aeratorThreshold }
        add("handouts.taps", selection(worth, installed: { taps[$0].installedAtVisit == true }))

        if let heating = visit.heating {
            add("heating.fuel", heating.fuel.rawValue)
            add("heating.annualKWh", heating.annualKWh)
            add("heating.annualKWh.cubicMetres", "n")
            add(
                "heating.billing",
                (heating.billing ?? VisitRules.defaultBilling(dwelling: household.dwelling, fuel: heating.fuel))
                    .rawValue)
            add(
                "heating.consumptionSharePercent",
                heating.consumptionShare.map { GermanNumber.rounded($0 * 100, decimals: 6) })
            add("heating.roomTemperatureC", heating.roomTemperatureC)
            add("heating.targetTemperatureC", heating.targetTemperatureC ?? VisitRules.targetTemperatureCDefault)
            add("heating.windowsTiltedInWinter", yesNo(heating.windowsTiltedInWinter ?? false))
            add("heating.monthlyInstallmentEUR", heating.monthlyInstallmentEUR)
            add("heating.monthlyInstallmentEUR.yearly", "n")
            addTariff(heating.tariff, prefix: "heating", to: &list)
        } else {
            add("heating.fuel", "none")
        }
        let benefit = household.benefit ?? .none
        add("household.benefit", benefit.rawValue)
        let payer = VisitRules.defaultHousingCostPayer(for: benefit)
        add("household.heatingCostsPaidBy", (household.heatingCostsPaidBy ?? payer).rawValue)
        add("household.waterCostsPaidBy", (household.waterCostsPaidBy ?? payer).rawValue)
        list += energyDebtAnswers(visit)
        add("advisor", visit.advisor ?? AnswerWords.skip)
        add("notes", visit.notes ?? AnswerWords.skip)
        return list
    }

    static func addTariff(_ tariff: PriceOverride?, prefix: String, to list: inout [DraftAnswer]) {
        list.append(
            DraftAnswer(
                question: "\(prefix).tariff.energyPriceCtPerKWh",
                answer: tariff.map { number($0.energyPriceCtPerKWh) } ?? AnswerWords.skip))
        guard let tariff else { return }
        list.append(DraftAnswer(question: "\(prefix).tariff.energyPriceCtPerKWh.euros", answer: "n"))
        list.append(
            DraftAnswer(question: "\(prefix).tariff.basePriceEURPerYear", answer: number(tariff.basePriceEURPerYear)))
        list.append(DraftAnswer(question: "\(prefix).tariff.basePriceEURPerYear.monthly", answer: "n"))
    }

    /// Where the hot water comes from, as the questionnaire asks it.
    static func hotWaterSource(_ visit: Visit) -> HotWaterSource {
        switch visit.electricity.hotWater ?? .none {
        case .electricInstantaneous: return .electricInstantaneous
        case .electricBoiler: return .electricBoiler
        case .none:
            // The calculator's default: a heating makes the hot water unless it is storage heaters.
            guard let heating = visit.heating else { return .heating }
            let includes = heating.includesHotWater ?? (heating.hotWaterKWh != nil || heating.fuel != .electricStorage)
            return includes ? .heating : .other
        }
    }

    /// `Küche: 3 × 60 W Glühlampe 4 h`.
    static func lampRow(_ row: LightingRow) -> String {
        let what =
            "\(row.lamps) × \(number(row.watts)) W \(row.technology.shortLabel) \(number(row.hoursPerDay)) h"
        return row.room.map { "\($0): \(what)" } ?? what
    }

    /// A hand-out answer: `j`/`n` for one item, else `alle`, `keine` or the 1-based numbers.
    static func selection(_ eligible: [Int], installed: (Int) -> Bool) -> String {
        let chosen = eligible.filter(installed).map { $0 + 1 }
        if eligible.count == 1 { return chosen.isEmpty ? "n" : "j" }
        return RowText.storedSelection(chosen, allowed: eligible.map { $0 + 1 })
    }

    static func number(_ value: Double) -> String { GermanNumber.text(value) }
}
