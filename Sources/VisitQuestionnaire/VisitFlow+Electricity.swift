import EnergyAdvice

/// Where the hot water comes from: one question instead of "hot water with electricity?" and "does the heating make
/// the hot water too?".
enum HotWaterSource: String, CaseIterable, Sendable, GermanLabelled {
    case heating
    case electricInstantaneous = "electric-instantaneous"
    case electricBoiler = "electric-boiler"
    case other

    var germanLabel: String {
        switch self {
        case .heating: "von der Heizung (Zentralheizung, Gastherme, Fernwärme)"
        case .electricInstantaneous: "Durchlauferhitzer (Strom)"
        case .electricBoiler: "Elektro-Boiler / Speicher (Strom)"
        case .other: "eigenes Gerät, nicht mit Strom (z. B. Gas-Durchlauferhitzer)"
        }
    }

    var system: HotWaterSystem {
        switch self {
        case .heating, .other: .none
        case .electricInstantaneous: .electricInstantaneous
        case .electricBoiler: .electricBoiler
        }
    }
}

extension VisitFlow {
    struct Electricity {
        var use: ElectricityUse
        var hotWaterSource: HotWaterSource
    }

    func electricity(_ w: inout Walker, household: Household, date: CalendarDate) throws(Stop) -> Electricity {
        let section = "Strom"
        let source = try w.choice(
            .choice("electricity.hotWater", section, "Warmwasser kommt", HotWaterSource.self, default: .heating),
            as: HotWaterSource.self)
        // Follow-ups count from the reading at the visit.
        let reading = try w.optionalNumber(
            .optionalNumber(
                "electricity.meterReading.kWh", section, "Zählerstand Strom heute", unit: "kWh",
                range: QuestionnaireDefaults.meterReadingKWh,
                help: "Für den Folgebesuch ablesen; „-“ = nicht abgelesen."))
        let annualKWh: Double
        if let reading {
            let fromBill = try w.optionalNumber(
                .optionalNumber(
                    "electricity.annualKWh", section, "Stromverbrauch im Jahr laut Rechnung", unit: "kWh/Jahr",
                    range: VisitRules.electricityKWh,
                    help: "„-“ = keine Rechnung zur Hand: aus einer früheren Ablesung hochrechnen.",
                    skipByDefault: false))
            if let fromBill {
                annualKWh = fromBill
            } else {
                annualKWh = try yearFromEarlierReading(&w, section: section, reading: reading, visitDate: date)
            }
        } else {
            annualKWh = try w.number(
                .number(
                    "electricity.annualKWh", section, "Stromverbrauch im Jahr laut Rechnung", unit: "kWh/Jahr",
                    range: VisitRules.electricityKWh, default: nil,
                    help: "Verbrauch laut letzter Jahresabrechnung"))
        }
        if let warning = Plausibility.electricity(
            annualKWh, persons: household.persons, dwelling: household.dwelling, hotWater: source.system,
            reference: setup.reference)
        {
            w.warn(warning)
        }
        let installment = try monthlyInstallment(&w, prefix: "electricity", section: section, label: "Strom")
        let tariff = try ownTariff(&w, prefix: "electricity", section: section, limit: InputLimits.electricityPriceCt)
        let switchPossible = try w.yes(
            .yesNo(
                "electricity.switchPossible", section, "Kann der Haushalt den Stromanbieter wechseln?", default: true,
                help: "Nein bei Schulden beim Versorger oder negativer Schufa: dann rät esp nicht zum Wechsel."))
        return Electricity(
            use: ElectricityUse(
                annualKWh: annualKWh, meterReading: reading.map { MeterReading(date: date, kWh: $0) },
                hotWater: source.system, monthlyInstallmentEUR: installment, tariff: tariff,
                switchPossible: switchPossible),
            hotWaterSource: source)
    }

    /// An earlier reading and its date, with today's reading turned into kWh per year (365 days).
    func yearFromEarlierReading(
        _ w: inout Walker, section: String, reading: Double, visitDate: CalendarDate
    ) throws(Stop) -> Double {
        let earlierDate = try w.date(
            .date(
                "electricity.previousReading.date", section, "Datum einer früheren Ablesung",
                default: DateText.yearBefore(visitDate), help: "z. B. von der letzten Rechnung"))
        let days = visitDate.dayNumber - earlierDate.dayNumber
        if days < 1 {
            throw w.reject("Die frühere Ablesung muss vor dem Besuch (\(DateText.german(visitDate))) liegen.")
        }
        if days < Plausibility.shortMeterPeriodDays {
            w.warn("Nur \(days) Tage zwischen den Ablesungen: die Hochrechnung auf ein Jahr ist ungenau.")
        }
        // At most the format's largest yearly use over this many days, in whole kWh.
        let lowest = max(0, (reading - VisitRules.electricityKWh.upper * Double(days) / 365).rounded(.up))
        let earlier = try w.number(
            .number(
                "electricity.previousReading.kWh", section, "Zählerstand damals", unit: "kWh",
                range: AllowedRange(lowest, reading), default: nil,
                help: "Kleiner als heute (\(GermanNumber.text(reading)) kWh)."))
        let annual = GermanNumber.rounded((reading - earlier) * 365 / Double(days), decimals: 0)
        guard VisitRules.electricityKWh.contains(annual) else {
            throw w.reject(
                "Hochgerechnet \(GermanNumber.text(annual)) kWh/Jahr; erlaubt: \(GermanNumber.range(VisitRules.electricityKWh, unit: "kWh/Jahr"))."
            )
        }
        w.note("≈ \(GermanNumber.text(annual)) kWh/Jahr (hochgerechnet aus \(days) Tagen)")
        return annual
    }

    /// The monthly advance payment; a yearly sum typed by mistake is asked back.
    func monthlyInstallment(_ w: inout Walker, prefix: String, section: String, label: String) throws(Stop) -> Double? {
        let id = "\(prefix).monthlyInstallmentEUR"
        guard
            let typed = try w.optionalNumber(
                .optionalNumber(
                    id, section, "Monatlicher Abschlag \(label)", unit: "€/Monat", range: VisitRules.installmentEUR,
                    conversions: [Conversions.yearlyToMonthly]))
        else { return nil }
        let monthly = GermanNumber.rounded(typed / 12, decimals: 2)
        guard typed > Plausibility.installmentMonthlyHighEUR, monthly >= 1 else { return typed }
        return try scaleCheck(
            &w, id: "\(id).yearly", section: section, typed: typed,
            question: "\(GermanNumber.text(typed)) € im Monat ist sehr viel. Ist das ein Jahresbetrag, also "
                + "\(GermanNumber.text(monthly)) € im Monat?",
            corrected: monthly, unit: "€/Monat")
    }

    /// The household's own gross prices from its bill, when they differ from the city's default tariff; `-` keeps
    /// the city's. Euros typed for cents and monthly base prices are asked back; a price no tariff has is refused
    /// (``InputLimits``), one outside the usual range warns.
    func ownTariff(
        _ w: inout Walker, prefix: String, section: String, limit: InputLimits.Limit
    ) throws(Stop) -> PriceOverride? {
        let energyID = "\(prefix).tariff.energyPriceCtPerKWh"
        let allowed = VisitRules.energyPriceCt
        guard
            var energy = try w.optionalNumber(
                .optionalNumber(
                    energyID, section, "Arbeitspreis laut Rechnung, brutto", unit: "ct/kWh",
                    // Below the allowed range too, so that euros typed for cents can be asked back.
                    range: AllowedRange(above: 0, allowed.upper),
                    help: "Nur wenn die Rechnung vorliegt; „-“ = Standardtarif der Stadt.",
                    conversions: [Conversions.eurosToCents]))
        else { return nil }
        if energy < allowed.lower {
            let cents = GermanNumber.rounded(energy * 100, decimals: 2)
            energy = try scaleCheck(
                &w, id: "\(energyID).euros", section: section, typed: energy,
                question: "\(GermanNumber.text(energy)) ct/kWh ist sehr wenig. Sind das Euro, also "
                    + "\(GermanNumber.text(cents)) ct/kWh?",
                corrected: cents, unit: "ct/kWh")
            guard allowed.contains(energy) else {
                throw w.reject(
                    "Einen Arbeitspreis unter \(GermanNumber.text(allowed.lower)) ct/kWh hat kein Tarif. "
                        + "Bitte „j“ (Euro) antworten oder mit „<“ den Preis in ct/kWh neu eingeben.")
            }
        }
        if let warning = Plausibility.outside(
            energy, (limit.usual.lowerBound, limit.usual.upperBound), unit: "ct/kWh", hint: "Cent und Euro verwechselt?"
        ) {
            w.warn(warning)
        }
        let baseID = "\(prefix).tariff.basePriceEURPerYear"
        var base = try w.number(
            .number(
                baseID, section, "Grundpreis brutto", unit: "€/Jahr", range: VisitRules.basePriceEUR, default: nil,
                help: "Steht auf der Rechnung oft pro Monat: dann z. B. „11,50 €/Monat“ eingeben.",
                conversions: [Conversions.monthlyToYearly]))
        let lowest = InputLimits.lowestYearlyBasePriceEUR
        if base > 0, base < lowest {
            let yearly = GermanNumber.rounded(base * 12, decimals: 2)
            base = try scaleCheck(
                &w, id: "\(baseID).monthly", section: section, typed: base,
                question: "\(GermanNumber.text(base)) € im Jahr ist sehr wenig. Ist das ein Monatsbetrag, also "
                    + "\(GermanNumber.text(yearly)) € im Jahr?",
                corrected: yearly, unit: "€/Jahr")
            guard base == 0 || base >= lowest else {
                throw w.reject(
                    "Einen Grundpreis unter \(GermanNumber.text(lowest)) € im Jahr hat kein Tarif. "
                        + "Bitte „j“ (Monatsbetrag) antworten oder mit „<“ den Grundpreis neu eingeben.")
            }
        }
        return PriceOverride(energyPriceCtPerKWh: energy, basePriceEURPerYear: base)
    }

    /// Asks back about a value that looks typed on the wrong scale; yes (the default) takes the corrected value.
    func scaleCheck(
        _ w: inout Walker, id: String, section: String, typed: Double, question: String, corrected: Double,
        unit: String
    ) throws(Stop) -> Double {
        guard try w.yes(.yesNo(id, section, question, default: true)) else { return typed }
        w.note("= \(GermanNumber.text(corrected)) \(unit)")
        return corrected
    }
}

/// The other units the questionnaire understands, each turned into the unit asked.
enum Conversions {
    static let monthlyToYearly = UnitConversion(
        unit: "€/Monat",
        aliases: ["€ im Monat", "€ pro Monat", "€/Mon", "Euro/Monat", "Euro im Monat", "EUR/Monat", "im Monat"],
        factor: 12, decimals: 2, explanation: "({typed} € × 12 Monate)")
    static let yearlyToMonthly = UnitConversion(
        unit: "€/Jahr", aliases: ["€ im Jahr", "€ pro Jahr", "Euro/Jahr", "Euro im Jahr", "EUR/Jahr", "im Jahr"],
        factor: 1.0 / 12, decimals: 2, explanation: "({typed} € ÷ 12 Monate)")
    static let eurosToCents = UnitConversion(
        unit: "€/kWh", aliases: ["€", "Euro", "EUR", "Euro/kWh", "EUR/kWh"], factor: 100, decimals: 2,
        explanation: "({typed} €/kWh)")
    /// Gas meters count m³; bills and esp count kWh.
    static let gasCubicMetres = UnitConversion(
        unit: "m³", aliases: ["m3", "m³/Jahr", "m3/Jahr", "Kubikmeter", "cbm", "qm³"],
        factor: QuestionnaireDefaults.gasKWhPerCubicMetre, decimals: 0,
        explanation:
            "({typed} m³ × \(GermanNumber.text(QuestionnaireDefaults.gasKWhPerCubicMetre)) kWh/m³: Brennwert "
            + "\(GermanNumber.text(QuestionnaireDefaults.gasCalorificValueKWhPerCubicMetre)) × Zustandszahl "
            + "\(GermanNumber.text(QuestionnaireDefaults.gasConditionFactor)); die Rechnung nennt die genauen Werte)")
}
