import EnergyAdvice

/// The questions in order, as straight-line functions: they run on the stored answers and stop at the first
/// question without one. Loops and conditions are ordinary Swift, and replaying a draft is running them again.
///
/// Kept short on purpose: a whole room's lamps or a standby device is one answer (`Küche: 3 × 60 W Glühlampe 4 h`),
/// a list ends with `fertig`, a section that does not apply is left with one answer (`-`, `keine`), and what was
/// handed out is asked once per kind of item after all rooms are recorded.
struct VisitFlow {
    let setup: QuestionnaireSetup

    func run(_ w: inout Walker) throws(Stop) -> Visit {
        // MARK: Visit
        var section = "Besuch"
        let city = try w.text(
            .text(
                "city", section, "Stadt (Kennung der Tarifdatei)", rule: .city(known: setup.cities),
                default: setup.cities.count == 1 ? setup.cities.first : nil,
                help: setup.cities.isEmpty ? nil : "Vorhanden: \(setup.cities.joined(separator: ", "))"))
        let language = try w.text(
            .text(
                "language", section, "Sprache des Beratungsblatts für den Haushalt",
                rule: .language(known: setup.languages),
                default: VisitRules.languageDefault,
                help: setup.languages.isEmpty ? nil : "Vorhanden: \(setup.languages.joined(separator: ", "))"))
        let date = try w.date(.date("date", section, "Datum des Besuchs", default: setup.today))
        if date > setup.today { w.warn("Das Datum liegt nach dem heutigen Tag (\(DateText.german(setup.today))).") }
        let proposal = setup.proposedVisitId ?? VisitID.proposal(city: city, date: date, taken: setup.takenVisitIds)
        let visitId = try w.text(
            .text(
                "visitId", section, "Besuchsnummer", rule: .visitID,
                default: VisitRules.isValidVisitId(proposal) ? proposal : nil,
                help: "Enter übernimmt den Vorschlag; oder die Nummer aus der Besuchsliste."))

        // MARK: Household
        section = "Haushalt"
        let persons = try w.integer(
            .integer(
                "household.persons", section, "Personen im Haushalt (Erwachsene und Kinder)", unit: "Personen",
                range: VisitRules.persons, default: QuestionnaireDefaults.persons))
        let dwelling = try w.choice(
            .choice("household.dwelling", section, "Wohnform", Dwelling.self, default: .flat),
            as: Dwelling.self)
        let area = try w.number(
            .number(
                "household.livingAreaM2", section, "Wohnfläche", unit: "m²",
                range: VisitRules.livingAreaM2,
                default: QuestionnaireDefaults.livingAreaM2(persons: persons)))
        if let warning = Plausibility.outside(
            area / Double(persons), Plausibility.areaPerPersonM2, unit: "m² pro Person",
            hint: "Bitte Wohnfläche prüfen (Wohnung, nicht Gebäude).")
        {
            w.warn(warning)
        }
        let household = Household(persons: persons, dwelling: dwelling, livingAreaM2: area)

        let power = try electricity(&w, household: household, date: date)
        let lighting = try lightingRows(&w)
        let cooling = try coolingAppliances(&w)
        let standby = try standbyDevices(&w)
        let shower = try showers(&w, persons: persons)
        let taps = try tapFlows(&w)
        let handedOut = try handOuts(
            &w, lighting: lighting, standby: standby, showers: shower, taps: taps)
        let heating = try heatingUse(&w, household: household, hotWater: power.hotWaterSource)

        // MARK: Benefits
        section = "Sozialleistungen"
        let benefit = try w.choice(
            .choice("household.benefit", section, "Sozialleistung", Benefit.self, default: .none),
            as: Benefit.self)
        var payer: Payer?
        if heating != nil {
            payer = try w.choice(
                .choice(
                    "household.heatingCostsPaidBy", section, "Wer zahlt die Heizkosten?", Payer.self,
                    default: VisitRules.defaultHousingCostPayer(for: benefit)), as: Payer.self)
        }
        let waterPayer = try w.choice(
            .choice(
                "household.waterCostsPaidBy", section, "Wer zahlt Wasser und Abwasser?",
                Payer.self, default: VisitRules.defaultHousingCostPayer(for: benefit)),
            as: Payer.self)

        var installments: [DebtCarrier: Double] = [:]
        installments[.electricity] = power.use.monthlyInstallmentEUR
        if heating?.fuel == .gas, heating?.billing == .own { installments[.gas] = heating?.monthlyInstallmentEUR }
        let debts = try energyDebts(&w, visitDate: date, installments: installments)

        // MARK: Notes
        section = "Notizen"
        let advisor = try w.optionalText(
            .text(
                "advisor", section, "Berater/in (Name oder Kürzel)", rule: .advisor,
                default: AnswerWords.skip, optional: true,
                help: "Bleibt in der Besuchsdatei, erscheint nie auf Auswertungen."))
        let notes = try w.optionalText(
            .text(
                "notes", section, "Notizen für die Akte", rule: .notes, default: AnswerWords.skip,
                optional: true, help: "Erscheinen nie auf Auswertungen."))

        return Visit(
            visitId: visitId, date: date, city: city, language: language, advisor: advisor,
            household: Household(
                persons: persons, dwelling: dwelling, livingAreaM2: area, benefit: benefit,
                heatingCostsPaidBy: payer, waterCostsPaidBy: waterPayer),
            electricity: power.use,
            heating: heating, lighting: handedOut.lighting, appliances: cooling + handedOut.standby,
            showers: handedOut.showers, taps: handedOut.taps, notes: notes, energyDebt: debts.debts,
            contact: debts.contact)
    }

    /// The threshold above which a showerhead is worth replacing; without reference data every measured one.
    var showerheadThreshold: Double { setup.reference?.shower.replaceAboveLitresPerMinute.value ?? 0 }
    /// The threshold above which a tap aerator is worth fitting; without reference data every measured tap.
    var aeratorThreshold: Double { setup.reference?.tap.replaceAboveLitresPerMinute.value ?? 0 }
}

/// Proposed visit ids: the city's prefix, the date and the next running number that no visit in the folder has.
public enum VisitID {
    /// `NUE-2026-12-01-01`, or `-02`, `-03`, … when the earlier ones are taken.
    public static func proposal(city: String, date: CalendarDate, taken: [String: String]) -> String {
        let stem = "\(QuestionnaireDefaults.visitIdPrefix(city: city))-\(date)"
        for number in 1...999 {
            let id = number < 10 ? "\(stem)-0\(number)" : "\(stem)-\(number)"
            if taken[id] == nil { return id }
        }
        return "\(stem)-1000"
    }
}
