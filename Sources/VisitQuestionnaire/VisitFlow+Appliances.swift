import EnergyAdvice

extension VisitFlow {
    /// One answer per room or lamp type, `fertig` after the last. What was handed out is asked later.
    func lightingRows(_ w: inout Walker) throws(Stop) -> [LightingRow] {
        let section = "Beleuchtung"
        var rows: [LightingRow] = []
        while rows.count < QuestionnaireDefaults.maxRows {
            let i = rows.count
            let answer = try w.lampRow(
                .row(
                    "lighting[\(i)]", section, "Lampengruppe \(i + 1)", kind: .lampRow,
                    default: i == 0 ? nil : AnswerWords.done,
                    help: i == 0
                        ? "Je Raum und Lampenart eine Zeile: Raum, Anzahl × Watt, Art, Stunden pro Tag, "
                            + "\(RowText.lampExample). „fertig“ = keine (weiteren) Lampen. \(RowText.roomList)"
                        : nil))
            guard let answer else { break }
            if answer.watts > Plausibility.wattsPerLampHigh {
                w.warn(
                    "Ungewöhnlich hoch für eine Lampe (über \(Plausibility.number(Plausibility.wattsPerLampHigh)) W). Bitte Watt je Lampe eingeben, nicht die Summe."
                )
            } else if answer.technology == .led && answer.watts > Plausibility.ledWattsPerLampHigh {
                w.warn(
                    "Ungewöhnlich hoch für eine LED (über \(Plausibility.number(Plausibility.ledWattsPerLampHigh)) W). Ist es wirklich eine LED?"
                )
            }
            if answer.hoursPerDay > Plausibility.lightingHoursHigh {
                w.warn(
                    "Ungewöhnlich lang: mehr als \(Plausibility.number(Plausibility.lightingHoursHigh)) Stunden am Tag."
                )
            }
            rows.append(
                LightingRow(
                    room: answer.room, lamps: answer.lamps, watts: answer.watts, technology: answer.technology,
                    hoursPerDay: answer.hoursPerDay))
        }
        return rows
    }

    /// Fridges and freezers: the kind (or "none"), age, and the plug meter's reading or the label's kWh.
    func coolingAppliances(_ w: inout Walker) throws(Stop) -> [Appliance] {
        let section = "Kühl- und Gefriergeräte"
        var appliances: [Appliance] = []
        while appliances.count < QuestionnaireDefaults.maxRows {
            let i = appliances.count
            let none = Choice(value: "none", label: i == 0 ? "kein Gerät erfassen" : "fertig, keine weiteren")
            let raw = try w.choiceValue(
                .choice(
                    "cooling[\(i)]", section, i == 0 ? "Kühl- oder Gefriergerät" : "Noch ein Kühl- oder Gefriergerät?",
                    choices: Choice.all(CoolingKind.self) + [none],
                    default: i == 0 ? CoolingKind.fridge.rawValue : none.value))
            guard let kind = CoolingKind(rawValue: raw) else { break }
            let label = "Gerät \(i + 1)"
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
            appliances.append(
                .cooling(CoolingAppliance(kind: kind, ageYears: age, annualKWh: annual, measuredKWhPerDay: measured)))
        }
        return appliances
    }

    /// One answer per device in standby (`Fernseher + Receiver: 12 W 20 h`), `fertig` after the last.
    func standbyDevices(_ w: inout Walker) throws(Stop) -> [StandbyDevice] {
        let section = "Standby"
        var devices: [StandbyDevice] = []
        while devices.count < QuestionnaireDefaults.maxRows {
            let i = devices.count
            let answer = try w.standbyRow(
                .row(
                    "standby[\(i)]", section, "Standby-Gerät \(i + 1)", kind: .standbyRow,
                    default: AnswerWords.done,
                    help: i == 0
                        ? "Mit dem Strommessgerät messen (Gerät aus, Stecker steckt): Gerät, Watt, Stunden im Standby, "
                            + "\(RowText.standbyExample). „fertig“ = keine (weiteren)." : nil))
            guard let answer else { break }
            if answer.watts > Plausibility.standbyWattsHigh {
                w.warn(
                    "Ungewöhnlich hoch für Standby (über \(Plausibility.number(Plausibility.standbyWattsHigh)) W). Wurde die Leistung im Betrieb gemessen?"
                )
            }
            // A router, phone, alarm clock or medical device must never go on a switchable strip: ask what it is.
            let guess = answer.label.map(Self.standbyKind(guessedFrom:)) ?? .other
            let kind = try w.choice(
                .choice(
                    "standby[\(i)].kind", section, "Was ist Standby-Gerät \(i + 1)?", StandbyKind.self, default: guess),
                as: StandbyKind.self)
            if let label = answer.label, let named = StandbyKind.mustStayOn(namedIn: label), named != kind {
                w.warn(
                    "„\(label)“ klingt nach \(named.germanLabel): Das bleibt an und kommt an keine Steckdosenleiste.")
            }
            devices.append(
                StandbyDevice(kind: kind, label: answer.label, watts: answer.watts, hoursPerDay: answer.hoursPerDay))
        }
        return devices
    }

    /// What the advisor's label suggests, as the default answer: a device that must stay on first, then the usual
    /// words for a TV, a computer or a hi-fi.
    static func standbyKind(guessedFrom label: String) -> StandbyKind {
        if let named = StandbyKind.mustStayOn(namedIn: label) { return named }
        let text = label.lowercased()
        let words: [(StandbyKind, [String])] = [
            (.tv, ["fernseh", "tv", "receiver", "set-top", "settop", "sat", "beamer", "konsole", "dvd", "blu-ray"]),
            (.computer, ["pc", "computer", "laptop", "notebook", "monitor", "bildschirm", "drucker", "printer"]),
            (.audio, ["stereo", "radio", "musik", "hifi", "hi-fi", "lautsprecher", "verstärker", "anlage"]),
        ]
        return words.first { $0.1.contains(where: text.contains) }?.0 ?? .other
    }
}
