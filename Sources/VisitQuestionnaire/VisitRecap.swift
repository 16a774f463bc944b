import EnergyAdvice

/// The household at a glance, shown before a visit is saved: who lives there, what they use, what was recorded and
/// what was handed out. Short German lines for the advisor to check with the household.
public enum VisitRecap {
    /// The recap's lines, without indentation.
    public static func lines(_ visit: Visit) -> [String] {
        var lines: [String] = []
        let language = visit.language ?? VisitRules.languageDefault
        lines.append("Besuch \(visit.visitId) am \(DateText.german(visit.date)), \(visit.city), Blatt auf \(language)")
        let household = visit.household
        var who =
            "Haushalt: \(count(household.persons, "Person", "Personen")), "
            + "\(household.dwelling.germanLabel) \(number(household.livingAreaM2)) m²"
        if let benefit = household.benefit, benefit != .none { who += ", \(benefit.germanLabel)" }
        lines.append(who)
        let power = visit.electricity
        var electricity = "Strom: \(number(power.annualKWh)) kWh/Jahr"
        if let reading = power.meterReading {
            electricity += ", Zählerstand \(number(reading.kWh)) kWh am \(DateText.german(reading.date))"
        }
        if let installment = power.monthlyInstallmentEUR { electricity += ", Abschlag \(number(installment)) €/Monat" }
        if let hotWater = power.hotWater, hotWater.isElectric { electricity += ", Warmwasser: \(hotWater.germanLabel)" }
        lines.append(electricity)
        if let heating = visit.heating {
            var text = "Heizung: \(heating.fuel.germanLabel), "
            text += heating.annualKWh.map { "\(number($0)) kWh/Jahr" } ?? "Verbrauch wird geschätzt"
            if let room = heating.roomTemperatureC { text += ", \(number(room)) °C gemessen" }
            if heating.windowsTiltedInWinter == true { text += ", Fenster oft gekippt" }
            lines.append(text)
        } else {
            lines.append("Heizung: nicht erfasst")
        }
        lines.append("Erfasst: " + recorded(visit))
        lines.append("Soforthilfen: " + handedOut(visit))
        lines += debts(visit)
        return lines
    }

    static func recorded(_ visit: Visit) -> String {
        let lamps = visit.lighting.reduce(0) { $0 + $1.lamps }
        let cooling = visit.appliances.filter { if case .cooling = $0 { true } else { false } }.count
        let standby = visit.appliances.count - cooling
        var parts = [
            "\(count(visit.lighting.count, "Lampengruppe", "Lampengruppen")) (\(count(lamps, "Lampe", "Lampen")))",
            count(cooling, "Kühlgerät", "Kühlgeräte"),
            count(standby, "Standby-Gerät", "Standby-Geräte"),
        ]
        if let showers = visit.showers {
            parts.append(
                "Duschen \(number(showers.perWeek)) × \(number(showers.minutes)) min, \(number(showers.flowLitresPerMinute)) L/min"
            )
        } else {
            parts.append("keine Dusche")
        }
        parts.append(count(visit.taps.count, "Wasserhahn", "Wasserhähne"))
        return parts.joined(separator: ", ")
    }

    static func handedOut(_ visit: Visit) -> String {
        var parts: [String] = []
        let ledRows = visit.lighting.filter { $0.installedAtVisit == true }
        if !ledRows.isEmpty {
            let lamps = ledRows.reduce(0) { $0 + $1.lamps }
            parts.append("\(count(lamps, "LED-Lampe", "LED-Lampen")) in \(count(ledRows.count, "Gruppe", "Gruppen"))")
        }
        let strips = visit.appliances.filter {
            if case .standby(let device) = $0 { device.installedAtVisit == true } else { false }
        }.count
        if strips > 0 { parts.append(count(strips, "Steckdosenleiste", "Steckdosenleisten")) }
        if visit.showers?.installedAtVisit == true { parts.append("Sparduschkopf") }
        let aerators = visit.taps.filter { $0.installedAtVisit == true }.count
        if aerators > 0 { parts.append(count(aerators, "Strahlregler", "Strahlregler")) }
        return parts.isEmpty ? "keine" : parts.joined(separator: ", ")
    }

    /// Every answer with its number, to pick one to change: `12 Wohnfläche: 65`.
    public static func answerList(_ questionnaire: Questionnaire) -> [String] {
        zip(questionnaire.answers.indices, zip(questionnaire.answers, questionnaire.answeredQuestions)).map {
            index, pair in
            let (answer, question) = pair
            let shown = question.defaulting(to: answer.answer).displayDefault ?? answer.answer
            return "\(index + 1) \(question.prompt): \(shown)"
        }
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    static func number(_ value: Double) -> String { GermanNumber.text(GermanNumber.rounded(value, decimals: 1)) }
}
