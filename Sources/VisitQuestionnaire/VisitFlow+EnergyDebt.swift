import EnergyAdvice

extension DebtCarrier: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .electricity: "Strom"
        case .gas: "Gas"
        }
    }
}

extension SupplyKind: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .basic: "Grundversorgung (Grundversorgungstarif des örtlichen Versorgers)"
        case .replacement: "Ersatzversorgung (nach Ausfall des bisherigen Anbieters)"
        case .contract: "anderer Vertrag (Sondervertrag, Wechseltarif)"
        }
    }
}

extension HouseholdRisk: GermanLabelled {
    /// The word the advisor reads in the questionnaire.
    public var germanLabel: String {
        switch self {
        case .medicalDevice: "medizinisches Gerät, das Strom braucht"
        case .infant: "Säugling oder Kleinkind"
        case .pregnancy: "Schwangerschaft"
        case .seriousIllness: "schwere Krankheit"
        case .disability: "Behinderung"
        case .elderly: "alter Mensch"
        }
    }
}

extension Walker {
    /// A date that may be left out with `-`.
    mutating func optionalDate(_ question: Question) throws(Stop) -> CalendarDate? {
        switch try value(question) {
        case .date(let d): return d
        case .none: return nil
        default: throw reject("internal: the answer does not fit its question")
        }
    }
}

/// The section „Zahlungsrückstand / Sperre“: one debt after another (`keiner` ends), each with what the law needs to
/// judge a cut-off (EnWG §§ 41f, 41g) — the arrears, the kind of supply, the instalment or the yearly bill, the days
/// the threat and the announcement were received, a cut-off, the risks — and, when a debt was recorded, the name and
/// address the letters are signed with. Checked as the visit file checks them: letters received by the visit day,
/// the announcement not before the threat.
extension VisitFlow {
    /// The debts and the name and address for the letters.
    struct Debts {
        var debts: [EnergyDebt] = []
        var contact: HouseholdContact?
    }

    static let debtSection = "Zahlungsrückstand / Sperre"
    /// A letter older than this is asked to be checked: a plausibility prompt of the questionnaire, not a legal
    /// period (the law sets none for how long a threat stays valid).
    static let letterAgeDaysHigh = 365
    /// Numbers of the risks in the selection, in the order of the format.
    static let riskNumbers = Array(1...HouseholdRisk.allCases.count)

    /// - Parameters:
    ///   - installments: the visit's monthly instalments for electricity and for a gas heating of its own: a debt's
    ///     contract takes them when its own is left out.
    func energyDebts(
        _ w: inout Walker, visitDate: CalendarDate, installments: [DebtCarrier: Double]
    ) throws(Stop) -> Debts {
        let section = Self.debtSection
        var result = Debts()
        while result.debts.count < VisitRules.energyDebtMaxCount {
            let i = result.debts.count
            let none = Choice(value: "none", label: i == 0 ? "kein Rückstand" : "fertig, kein weiterer")
            let raw = try w.choiceValue(
                .choice(
                    "energyDebt[\(i)]", section,
                    i == 0 ? "Zahlungsrückstand beim Strom- oder Gasversorger?" : "Noch ein Rückstand?",
                    choices: Choice.all(DebtCarrier.self) + [none], default: none.value))
            guard let carrier = DebtCarrier(rawValue: raw) else { break }
            result.debts.append(
                try debt(&w, index: i, carrier: carrier, visitDate: visitDate, installments: installments))
        }
        guard !result.debts.isEmpty else { return result }
        let name = try w.optionalText(
            .text(
                "household.name", section, "Name für die Briefe (wer den Vertrag hat)", rule: .contactName,
                default: AnswerWords.skip, optional: true,
                help: "Steht nur in den Briefen an Versorger und Amt, nie auf Auswertungen. "
                    + "„-“ = frei lassen, der Haushalt schreibt ihn ein."))
        let address = try w.optionalText(
            .text(
                "household.address", section, "Anschrift für die Briefe", rule: .contactAddress,
                default: AnswerWords.skip, optional: true,
                help: "Straße Nummer, Postleitzahl Ort – mit Komma getrennt, z. B. „Lindenweg 3a, 04109 Leipzig“. "
                    + "„-“ = frei lassen."))
        if name != nil || address != nil { result.contact = HouseholdContact(name: name, address: address) }
        return result
    }

    func debt(
        _ w: inout Walker, index i: Int, carrier: DebtCarrier, visitDate: CalendarDate,
        installments: [DebtCarrier: Double]
    ) throws(Stop) -> EnergyDebt {
        let section = Self.debtSection
        let label = "Rückstand \(i + 1) (\(carrier.germanLabel))"
        let arrears = try w.number(
            .number(
                "energyDebt[\(i)].arrearsEUR", section, "\(label): offener Betrag", unit: "€",
                range: VisitRules.arrearsEUR, default: nil,
                help: "Was jetzt offen ist, nach allen Zahlungen; ohne bestrittene Beträge und ohne Raten einer "
                    + "laufenden Vereinbarung."))
        let supply = try w.choice(
            .choice("energyDebt[\(i)].supply", section, "\(label): Art des Vertrags", SupplyKind.self, default: .basic),
            as: SupplyKind.self)
        let supplier = try w.optionalText(
            .text(
                "energyDebt[\(i)].supplier", section, "\(label): Name des Versorgers", rule: .supplier,
                default: AnswerWords.skip, optional: true,
                help: "Wie er auf seinem Brief steht; kommt so in die Briefe. „-“ = unbekannt."))
        let known = installments[carrier]
        let installment = try w.optionalNumber(
            .optionalNumber(
                "energyDebt[\(i)].monthlyInstallmentEUR", section, "\(label): monatlicher Abschlag dieses Vertrags",
                unit: "€/Monat", range: VisitRules.installmentEUR,
                help: "„0“ = der Vertrag hat keinen Abschlag. „-“ = "
                    + (known.map { "wie oben angegeben (\(GermanNumber.text($0)) €)." } ?? "unbekannt."),
                conversions: [Conversions.yearlyToMonthly]))
        let bill = try w.optionalNumber(
            .optionalNumber(
                "energyDebt[\(i)].annualBillEUR", section, "\(label): voraussichtliche Jahresrechnung", unit: "€/Jahr",
                range: VisitRules.annualBillEUR,
                help: "Steht auf der letzten Rechnung; nötig, wenn der Vertrag keinen Abschlag hat. „-“ = unbekannt."))
        if (installment ?? known) == nil && bill == nil {
            w.warn(
                "Ohne Abschlag und ohne Jahresrechnung kann esp nicht sagen, ob die Schulden für eine Sperre reichen.")
        }
        let threat = try letterDate(
            &w, id: "energyDebt[\(i)].threatDate", prompt: "\(label): Androhung der Sperre erhalten am",
            help: "Der Tag, an dem der Brief ankam, nicht das Datum auf dem Brief. „-“ = keine Androhung.",
            visitDate: visitDate)
        var announcement: CalendarDate?
        if let threat {
            announcement = try letterDate(
                &w, id: "energyDebt[\(i)].announcementDate",
                prompt: "\(label): Ankündigung des Sperrtermins erhalten am",
                help: "Der Brief, der den Tag der Sperre nennt (er muss mit der Post kommen). „-“ = noch keiner.",
                visitDate: visitDate)
            if let announcement, announcement < threat {
                throw w.reject(
                    "Die Ankündigung (\(DateText.german(announcement))) kommt nach der Androhung "
                        + "(\(DateText.german(threat))); bitte beide Daten prüfen.")
            }
        }
        let cutOff = try w.yes(
            .yesNo("energyDebt[\(i)].cutOff", section, "\(label): Ist die Versorgung schon gesperrt?", default: false))
        let list = HouseholdRisk.allCases.enumerated().map { "\($0.offset + 1) \($0.element.germanLabel)" }
        let chosen = try w.selection(
            .selection(
                "energyDebt[\(i)].risks", section,
                "\(label): Wäre eine Sperre für jemanden im Haushalt gefährlich? (n = nein, oder Nummern)",
                allowed: Self.riskNumbers, help: list.joined(separator: "; ")))
        return EnergyDebt(
            carrier: carrier, arrearsEUR: arrears, monthlyInstallmentEUR: installment, annualBillEUR: bill,
            supply: supply, supplier: supplier, threatDate: threat, announcementDate: announcement, cutOff: cutOff,
            risks: chosen.map { HouseholdRisk.allCases[$0 - 1] })
    }

    /// The day a letter was received: at the latest the visit day (the household shows it at the visit); a date more
    /// than a year back is asked to be checked.
    func letterDate(
        _ w: inout Walker, id: String, prompt: String, help: String, visitDate: CalendarDate
    ) throws(Stop) -> CalendarDate? {
        guard
            let date = try w.optionalDate(
                Question(
                    id: id, section: Self.debtSection, prompt: prompt, help: help, defaultAnswer: AnswerWords.skip,
                    isOptional: true, kind: .date))
        else { return nil }
        if date > visitDate {
            throw w.reject(
                "Der \(DateText.german(date)) liegt nach dem Besuch (\(DateText.german(visitDate))); bitte den Tag "
                    + "eingeben, an dem der Brief ankam, spätestens den Besuchstag.")
        }
        if visitDate.dayNumber - date.dayNumber > Self.letterAgeDaysHigh {
            w.warn("Der Brief kam vor mehr als einem Jahr. Gilt er noch, oder gibt es einen neueren?")
        }
        return date
    }
}
