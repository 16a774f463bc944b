import EnergyAdvice

/// The questions in order, as one straight-line function: it runs on the stored answers and stops at the first
/// question without one. Loops and conditions are ordinary Swift, and replaying a draft is running it again.
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
        if date > setup.today { w.warn("Das Datum liegt nach dem heutigen Tag (\(setup.today)).") }
        let suggestedID = "\(city)-\(date)"
        let visitId = try w.text(
            .text(
                "visitId", section, "Besuchsnummer", rule: .visitID,
                default: VisitRules.isValidVisitId(suggestedID) ? suggestedID : nil,
                help: "Nummer aus der Besuchsliste, z. B. NUE-2026-0142"))

        // MARK: Household
        section = "Haushalt"
        let persons = try w.integer(
            .integer(
                "household.persons", section, "Haushaltsgröße", unit: "Personen",
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

        // MARK: Electricity
        section = "Strom"
        let hotWater = try w.choice(
            .choice(
                "electricity.hotWater", section, "Warmwasser mit Strom?", HotWaterSystem.self,
                default: .none), as: HotWaterSystem.self)
        let source = try w.choice(
            .choice(
                "electricity.source", section, "Stromverbrauch ermitteln aus",
                choices: [
                    Choice(value: "bill", label: "Jahresverbrauch laut Stromrechnung"),
                    Choice(value: "meter", label: "zwei Zählerständen (wird auf ein Jahr hochgerechnet)"),
                ], default: "bill"), as: ElectricitySource.self)
        let annualKWh: Double
        var meterReading: MeterReading?
        // The warning follows the answer that gave the yearly figure, before the next question.
        func checkElectricity(_ kWh: Double, _ w: inout Walker) {
            if let warning = Plausibility.electricity(
                kWh, persons: persons, dwelling: dwelling, hotWater: hotWater,
                reference: setup.reference)
            {
                w.warn(warning)
            }
        }
        switch source {
        case .bill:
            annualKWh = try w.number(
                .number(
                    "electricity.annualKWh", section, "Stromverbrauch im Jahr", unit: "kWh/Jahr",
                    range: VisitRules.electricityKWh, default: nil,
                    help: "Verbrauch laut letzter Jahresabrechnung"))
            checkElectricity(annualKWh, &w)
            // Follow-ups count from the reading at the visit.
            meterReading = try w.optionalNumber(
                .optionalNumber(
                    "electricity.meterReading.kWh", section, "Zählerstand heute", unit: "kWh",
                    range: QuestionnaireDefaults.meterReadingKWh,
                    help: "Für den Folgebesuch: Stand des Stromzählers ablesen.")
            )
            .map { MeterReading(date: date, kWh: $0) }
        case .meter:
            let readings = try meterReadings(&w, section: section, visitDate: date)
            annualKWh = readings.annualKWh
            meterReading = readings.latest
            checkElectricity(annualKWh, &w)
        }
        let electricityInstallment = try w.optionalNumber(
            .optionalNumber(
                "electricity.monthlyInstallmentEUR", section, "Monatlicher Abschlag Strom", unit: "€/Monat",
                range: VisitRules.installmentEUR))
        let electricityTariff = try ownTariff(
            &w, prefix: "electricity", section: section, bounds: Plausibility.electricityPriceCt)
        let switchPossible = try w.yes(
            .yesNo(
                "electricity.switchPossible", section, "Kann der Haushalt den Stromanbieter wechseln?", default: true,
                help: "Nein bei Schulden beim Versorger oder negativer Schufa: dann rät esp nicht zum Wechsel."))

        // MARK: Lighting
        section = "Beleuchtung"
        var lighting: [LightingRow] = []
        while lighting.count < QuestionnaireDefaults.maxRows {
            let i = lighting.count
            let more = try w.yes(
                .yesNo(
                    "lighting[\(i)]", section, i == 0 ? "Lampen erfassen?" : "Noch eine Lampengruppe erfassen?",
                    default: i == 0,
                    help: i == 0
                        ? "Je Raum und Lampenart eine Gruppe: Anzahl, Art, Watt je Lampe, Stunden pro Tag." : nil))
            guard more else { break }
            let label = "Lampen \(i + 1)"
            let room = try w.optionalText(
                .text(
                    "lighting[\(i)].room", section, "\(label): Raum", rule: .room,
                    default: i < QuestionnaireDefaults.rooms.count ? QuestionnaireDefaults.rooms[i] : AnswerWords.skip,
                    optional: true))
            let lamps = try w.integer(
                .integer(
                    "lighting[\(i)].lamps", section, "\(label): Anzahl gleicher Lampen", unit: "Stück",
                    range: VisitRules.lamps, default: 1))
            let technology = try w.choice(
                .choice(
                    "lighting[\(i)].technology", section, "\(label): Lampenart",
                    LampTechnology.self, default: .incandescent), as: LampTechnology.self)
            let watts = try w.number(
                .number(
                    "lighting[\(i)].watts", section, "\(label): Leistung je Lampe", unit: "W",
                    range: VisitRules.watts, default: QuestionnaireDefaults.lampWatts(technology)))
            if watts > Plausibility.wattsPerLampHigh {
                w.warn(
                    "Ungewöhnlich hoch für eine Lampe (über \(Plausibility.number(Plausibility.wattsPerLampHigh)) W). Bitte Watt je Lampe eingeben, nicht die Summe."
                )
            } else if technology == .led && watts > Plausibility.ledWattsPerLampHigh {
                w.warn(
                    "Ungewöhnlich hoch für eine LED (über \(Plausibility.number(Plausibility.ledWattsPerLampHigh)) W). Ist es wirklich eine LED?"
                )
            }
            let hours = try w.number(
                .number(
                    "lighting[\(i)].hoursPerDay", section, "\(label): Brenndauer", unit: "h/Tag",
                    range: VisitRules.hoursPerDay, default: QuestionnaireDefaults.lightingHoursPerDay))
            if hours > Plausibility.lightingHoursHigh {
                w.warn(
                    "Ungewöhnlich lang: mehr als \(Plausibility.number(Plausibility.lightingHoursHigh)) Stunden am Tag."
                )
            }
            var installed: Bool?
            if technology != .led {
                installed = try w.yes(
                    .yesNo(
                        "lighting[\(i)].installedAtVisit", section, "\(label): LED-Lampen heute eingesetzt?",
                        default: false))
            }
            lighting.append(
                LightingRow(
                    room: room, lamps: lamps, watts: watts, technology: technology, hoursPerDay: hours,
                    installedAtVisit: installed))
        }

        // MARK: Cooling appliances
        section = "Kühl- und Gefriergeräte"
        var appliances: [Appliance] = []
        var coolingCount = 0
        while coolingCount < QuestionnaireDefaults.maxRows {
            let i = coolingCount
            let more = try w.yes(
                .yesNo(
                    "cooling[\(i)]", section, i == 0 ? "Kühlgerät erfassen?" : "Noch ein Kühl- oder Gefriergerät?",
                    default: i == 0))
            guard more else { break }
            let label = "Gerät \(i + 1)"
            let kind = try w.choice(
                .choice("cooling[\(i)].kind", section, "\(label): Art", CoolingKind.self, default: .fridge),
                as: CoolingKind.self)
            let age = try w.optionalInteger(
                .optionalInteger(
                    "cooling[\(i)].ageYears", section, "\(label): Alter", unit: "Jahre",
                    range: VisitRules.ageYears))
            let measured = try w.optionalNumber(
                .optionalEnergyPerDay(
                    "cooling[\(i)].measuredKWhPerDay", section, "\(label): gemessener Verbrauch", unit: "kWh/Tag",
                    range: VisitRules.measuredKWhPerDay,
                    help:
                        "Strommessgerät: Wert pro Tag, oder Messung wie „0,3 kWh in 8 h“ (24 h messen ist genauer). „-“ = nicht gemessen"
                ))
            var annual: Double?
            if let measured {
                w.note("≈ \(Plausibility.number(measured * 365)) kWh/Jahr")
                if let warning = Plausibility.outside(
                    measured, Plausibility.coolingKWhPerDay, unit: "kWh/Tag",
                    hint: "Bitte Messdauer und Anzeige prüfen.")
                {
                    w.warn(warning)
                }
            } else {
                annual = try w.optionalNumber(
                    .optionalNumber(
                        "cooling[\(i)].annualKWh", section, "\(label): Verbrauch laut Typenschild", unit: "kWh/Jahr",
                        range: VisitRules.applianceKWh,
                        help: "Ohne Angabe schätzt esp den Verbrauch nach Art und Alter."))
                if let annual, annual > Plausibility.coolingAnnualKWhHigh {
                    w.warn(
                        "Ungewöhnlich hoch: mehr als \(Plausibility.number(Plausibility.coolingAnnualKWhHigh)) kWh/Jahr. Bitte Typenschild prüfen."
                    )
                }
            }
            let volume = try w.optionalNumber(
                .optionalNumber(
                    "cooling[\(i)].volumeLitres", section, "\(label): Nutzinhalt",
                    unit: "Liter", range: VisitRules.volumeLitres))
            appliances.append(
                .cooling(
                    CoolingAppliance(
                        kind: kind, ageYears: age, annualKWh: annual, measuredKWhPerDay: measured,
                        volumeLitres: volume)))
            coolingCount += 1
        }

        // MARK: Standby
        section = "Standby"
        var standbyCount = 0
        while standbyCount < QuestionnaireDefaults.maxRows {
            let i = standbyCount
            let more = try w.yes(
                .yesNo(
                    "standby[\(i)]", section, i == 0 ? "Geräte im Standby erfassen?" : "Noch ein Standby-Gerät?",
                    default: i == 0,
                    help: i == 0 ? "Standby mit dem Strommessgerät messen: Gerät aus, Stecker steckt." : nil))
            guard more else { break }
            let label = "Standby \(i + 1)"
            let name = try w.optionalText(
                .text(
                    "standby[\(i)].label", section, "\(label): Gerät(e)", rule: .standbyLabel,
                    default: AnswerWords.skip, optional: true,
                    help: "z. B. Fernseher + Receiver"))
            let watts = try w.number(
                .number(
                    "standby[\(i)].watts", section, "\(label): Standby-Leistung", unit: "W",
                    range: VisitRules.watts, default: QuestionnaireDefaults.standbyWatts))
            if watts > Plausibility.standbyWattsHigh {
                w.warn(
                    "Ungewöhnlich hoch für Standby (über \(Plausibility.number(Plausibility.standbyWattsHigh)) W). Wurde die Leistung im Betrieb gemessen?"
                )
            }
            let hours = try w.number(
                .number(
                    "standby[\(i)].hoursPerDay", section, "\(label): Stunden im Standby", unit: "h/Tag",
                    range: VisitRules.hoursPerDay, default: QuestionnaireDefaults.standbyHoursPerDay))
            let installed = try w.yes(
                .yesNo(
                    "standby[\(i)].installedAtVisit", section,
                    "\(label): Schaltbare Steckdosenleiste heute angeschlossen?", default: false))
            appliances.append(
                .standby(StandbyDevice(label: name, watts: watts, hoursPerDay: hours, installedAtVisit: installed)))
            standbyCount += 1
        }

        // MARK: Showers
        section = "Duschen"
        var showers: ShowerHabits?
        if try w.yes(.yesNo("showers", section, "Duschen erfassen?", default: true)) {
            let perWeek = try w.number(
                .number(
                    "showers.perWeek", section, "Duschen pro Woche, alle Personen zusammen", unit: "Duschen/Woche",
                    range: VisitRules.showersPerWeek,
                    default: min(
                        QuestionnaireDefaults.showersPerPersonPerWeek * Double(persons), VisitRules.showersPerWeek.upper
                    )))
            let high = Plausibility.showersPerPersonPerWeekHigh * Double(persons)
            if perWeek > high {
                w.warn("Ungewöhnlich viele: mehr als \(Plausibility.number(high)) pro Woche für \(persons) Person(en).")
            }
            let minutes = try w.number(
                .number(
                    "showers.minutes", section, "Dauer einer Dusche", unit: "min",
                    range: VisitRules.showerMinutes, default: QuestionnaireDefaults.showerMinutes))
            if minutes > Plausibility.showerMinutesHigh {
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
            var installed: Bool?
            if flow > setup.reference?.shower.replaceAboveLitresPerMinute.value ?? 0 {
                installed = try w.yes(
                    .yesNo("showers.installedAtVisit", section, "Sparduschkopf heute montiert?", default: false))
            }
            showers = ShowerHabits(
                perWeek: perWeek, minutes: minutes, flowLitresPerMinute: flow, installedAtVisit: installed)
        }

        // MARK: Taps
        section = "Wasserhähne"
        var taps: [TapUse] = []
        for room in TapRoom.allCases {
            let id = "taps.\(room.rawValue)"
            // No default flow: an aerator saving must rest on a measurement, not on a guess taken with Enter.
            guard
                try w.yes(
                    .yesNo(
                        id, section, "Wasserhahn \(room == .kitchen ? "in der Küche" : "im Bad") gemessen?",
                        default: false))
            else { continue }
            let flow = try w.number(
                .flow(
                    "\(id).flowLitresPerMinute", section, "Durchfluss (\(room.germanLabel))", unit: "L/min",
                    range: VisitRules.flowLitresPerMinute, default: nil,
                    help: "Wasser voll auf, Messbecher, Zeit stoppen; z. B. „1 l in 6 s“ (= 10 L/min)."))
            var installed: Bool?
            if flow > setup.reference?.tap.replaceAboveLitresPerMinute.value ?? 0 {
                installed = try w.yes(
                    .yesNo(
                        "\(id).installedAtVisit", section, "Spar-Strahlregler heute eingebaut?",
                        default: false))
            }
            taps.append(TapUse(room: room, flowLitresPerMinute: flow, installedAtVisit: installed))
        }

        // MARK: Heating and ventilation
        section = "Heizung und Lüften"
        var heating: HeatingUse?
        if try w.yes(.yesNo("heating", section, "Heizung erfassen?", default: true)) {
            let fuel = try w.choice(
                .choice("heating.fuel", section, "Heizung mit", HeatingFuel.self, default: .gas),
                as: HeatingFuel.self)
            let kWh = try w.optionalNumber(
                .optionalNumber(
                    "heating.annualKWh", section, "Heizenergie im Jahr", unit: "kWh/Jahr", range: VisitRules.heatingKWh,
                    help: "Von der Heizkostenabrechnung; ohne Angabe schätzt esp nach Wohnfläche."))
            if let kWh, let warning = Plausibility.heating(kWh, areaM2: area, fuel: fuel, reference: setup.reference) {
                w.warn(warning)
            }
            let includesHotWater = try w.yes(
                .yesNo(
                    "heating.includesHotWater", section, "Bereitet die Heizung auch das Warmwasser?",
                    default: !hotWater.isElectric))
            let billing = try w.choice(
                .choice(
                    "heating.billing", section, "Wie wird die Heizung abgerechnet?",
                    HeatingBilling.self,
                    default: VisitRules.defaultBilling(dwelling: dwelling, fuel: fuel)),
                as: HeatingBilling.self)
            var share: Double?
            if billing == .building {
                share = try w.optionalNumber(
                    .optionalNumber(
                        "heating.consumptionSharePercent", section, "Anteil nach Verbrauch laut Heizkostenabrechnung",
                        unit: "%", range: QuestionnaireDefaults.consumptionSharePercent,
                        help: "Meist 50 % oder 70 %; ohne Angabe nimmt esp den üblichen Wert.")
                ).map { $0 / 100 }
            }
            let room = try w.optionalNumber(
                .optionalNumber(
                    "heating.roomTemperatureC", section, "Gemessene Raumtemperatur", unit: "°C",
                    range: VisitRules.roomTemperatureC,
                    help: "Mit dem Thermometer im Wohnzimmer messen, nicht am Heizkörper."))
            var target: Double?
            if let room {
                if let warning = Plausibility.outside(
                    room, Plausibility.roomTemperatureC, unit: "°C",
                    hint: "Thermometer am Heizkörper oder in der Sonne?")
                {
                    w.warn(warning)
                }
                target = try w.number(
                    .number(
                        "heating.targetTemperatureC", section, "Empfohlene Raumtemperatur", unit: "°C",
                        range: VisitRules.roomTemperatureC, default: VisitRules.targetTemperatureCDefault))
            }
            let tilted = try w.yes(
                .yesNo(
                    "heating.windowsTiltedInWinter", section, "Stehen Fenster im Winter dauerhaft gekippt?",
                    default: false))
            let installment = try w.optionalNumber(
                .optionalNumber(
                    "heating.monthlyInstallmentEUR", section, "Monatlicher Abschlag Heizung", unit: "€/Monat",
                    range: VisitRules.installmentEUR))
            let tariff = try ownTariff(&w, prefix: "heating", section: section, bounds: Plausibility.heatingPriceCt)
            heating = HeatingUse(
                fuel: fuel, annualKWh: kWh, includesHotWater: includesHotWater, billing: billing,
                consumptionShare: share, roomTemperatureC: room,
                targetTemperatureC: target, windowsTiltedInWinter: tilted,
                monthlyInstallmentEUR: installment, tariff: tariff)
        }

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
            electricity: ElectricityUse(
                annualKWh: annualKWh, meterReading: meterReading, hotWater: hotWater,
                monthlyInstallmentEUR: electricityInstallment, tariff: electricityTariff,
                switchPossible: switchPossible),
            heating: heating, lighting: lighting, appliances: appliances, showers: showers, taps: taps, notes: notes)
    }

    enum ElectricitySource: String {
        case bill, meter
    }

    /// Two readings and their dates, turned into kWh per year (365 days); the later reading is kept for follow-ups.
    func meterReadings(
        _ w: inout Walker, section: String,
        visitDate: CalendarDate
    ) throws(Stop) -> (annualKWh: Double, latest: MeterReading) {
        let firstDate = try w.date(
            .date(
                "electricity.meter.previousDate", section, "Datum der früheren Ablesung",
                default: DateText.yearBefore(visitDate), help: "z. B. von der letzten Rechnung"))
        if firstDate >= visitDate { throw w.reject("Die frühere Ablesung muss vor dem Besuch (\(visitDate)) liegen.") }
        let first = try w.number(
            .number(
                "electricity.meter.previousReading", section, "Zählerstand damals", unit: "kWh",
                range: QuestionnaireDefaults.meterReadingKWh, default: nil))
        let secondDate = try w.date(
            .date(
                "electricity.meter.currentDate", section, "Datum der neuen Ablesung",
                default: visitDate))
        let days = secondDate.dayNumber - firstDate.dayNumber
        if days < 1 { throw w.reject("Die neue Ablesung muss nach der früheren (\(firstDate)) liegen.") }
        if days < Plausibility.shortMeterPeriodDays {
            w.warn("Nur \(days) Tage zwischen den Ablesungen: die Hochrechnung auf ein Jahr ist ungenau.")
        }
        // Readings up to the format's largest yearly use over this many days.
        let range = AllowedRange(above: first, first + VisitRules.electricityKWh.upper * Double(days) / 365)
        let second = try w.number(
            .number(
                "electricity.meter.currentReading", section, "Zählerstand jetzt", unit: "kWh",
                range: range, default: nil))
        let annual = GermanNumber.rounded((second - first) * 365 / Double(days), decimals: 0)
        guard VisitRules.electricityKWh.contains(annual) else {
            throw w.reject(
                "Hochgerechnet \(GermanNumber.text(annual)) kWh/Jahr; erlaubt: \(GermanNumber.range(VisitRules.electricityKWh, unit: "kWh/Jahr"))."
            )
        }
        w.note("≈ \(GermanNumber.text(annual)) kWh/Jahr (hochgerechnet aus \(days) Tagen)")
        return (annual, MeterReading(date: secondDate, kWh: second))
    }

    /// The household's own gross prices from its bill, when they differ from the city's default tariff.
    func ownTariff(
        _ w: inout Walker, prefix: String, section: String,
        bounds: (low: Double, high: Double)
    ) throws(Stop) -> PriceOverride? {
        guard
            try w.yes(
                .yesNo(
                    "\(prefix).tariff", section,
                    "Eigenen Tarif laut Rechnung eingeben (statt Standardtarif der Stadt)?",
                    default: false))
        else { return nil }
        let energy = try w.number(
            .number(
                "\(prefix).tariff.energyPriceCtPerKWh", section, "Arbeitspreis brutto", unit: "ct/kWh",
                range: VisitRules.energyPriceCt, default: nil))
        if let warning = Plausibility.outside(energy, bounds, unit: "ct/kWh", hint: "Cent und Euro verwechselt?") {
            w.warn(warning)
        }
        let base = try w.number(
            .number(
                "\(prefix).tariff.basePriceEURPerYear", section, "Grundpreis brutto", unit: "€/Jahr",
                range: VisitRules.basePriceEUR, default: nil,
                help: "Steht auf der Rechnung oft pro Monat: dann × 12."))
        return PriceOverride(energyPriceCtPerKWh: energy, basePriceEURPerYear: base)
    }
}
