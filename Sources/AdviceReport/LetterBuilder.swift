import AdviceLocalization
import EnergyAdvice

/// Writes the household's letters for its energy debts, in German: to the supplier for each debt, and to the
/// jobcenter or social office where the benefit gives a loan.
///
/// The wording is fixed German legal text, the paragraphs it cites come from the law's data (`Tariffs/energy-law.xml`):
/// a letter is read by a supplier or an office, never translated. Nothing is invented: what the visit does not hold
/// (the household's name and address when not recorded, the customer number, the recipient's address, the day the
/// letter is signed) is a blank line, and what the household alone knows (a loan applied for, no savings to pay
/// with) is a box to tick.
public struct LetterBuilder: Sendable {
    let format = LocaleFormatter(language: "de")

    /// A builder with German formats; it holds nothing else.
    public init() {}

    /// Every letter of a visit, debt by debt: the supplier's first, then the office's.
    public func letters(_ advice: Advice, contact: HouseholdContact?) -> [Letter] {
        advice.energyDebt.flatMap { debt -> [Letter] in
            var letters = [supplierLetter(debt, contact: contact)]
            if let loan = debt.loan { letters.append(loanLetter(debt, loan: loan, advice: advice, contact: contact)) }
            return letters
        }
    }

    // MARK: Words

    func money(_ x: Double) -> String { format.money(x, fractionDigits: 2) }
    func date(_ d: CalendarDate) -> String { format.date(year: d.year, month: d.month, day: d.day) }
    func weekdayDate(_ d: CalendarDate) -> String { format.dateWithWeekday(year: d.year, month: d.month, day: d.day) }

    /// "Strom" or "Gas" as the first part of a German compound ("Stromversorgung").
    func energy(_ carrier: DebtCarrier) -> String { carrier == .electricity ? "Strom" : "Gas" }

    /// "von 7 Tagen", "eines Monats", "einer Woche": a period after "innerhalb".
    func within(_ n: Int, one: String, other: String, feminine: Bool = false) -> String {
        n == 1 ? "\(feminine ? "einer" : "eines") \(one)" : "von \(n) \(other)"
    }

    /// The sender's lines: the recorded name and address, else lines to write them on.
    func sender(_ contact: HouseholdContact?) -> [Letter.Line] {
        var lines: [Letter.Line] = [contact?.name.map(Letter.Line.text) ?? .blank("Vorname Name")]
        let address = contact?.addressLines ?? []
        if address.isEmpty {
            lines += [.blank("Straße Hausnummer"), .blank("Postleitzahl Ort")]
        } else {
            lines += address.map(Letter.Line.text)
        }
        return lines
    }

    /// The household members a cut-off endangers, as a list after "In meinem Haushalt gibt es": each a person, stated
    /// as a fact, with a line for the date that shows it where a date does (a birth date, the expected birth).
    func dangers(_ d: EnergyDebtAdvice) -> [String] {
        d.dangers.map { rule in
            switch rule.risk {
            case .medicalDevice: "einen Menschen, der auf ein medizinisches Gerät mit Strom angewiesen ist"
            case .infant: "ein kleines Kind (geboren am \(Self.dateBlank))"
            case .pregnancy: "eine schwangere Frau (errechneter Geburtstermin: \(Self.dateBlank))"
            case .seriousIllness: "einen schwer kranken Menschen"
            case .disability: "einen Menschen mit Behinderung"
            case .elderly: "einen alten Menschen (geboren am \(Self.dateBlank))"
            }
        }
    }

    /// Up to this many people at risk stand in a list of their own in the supplier's letter; more run on in the text.
    static let listedDangers = 3

    /// A date the household writes in by hand.
    static let dateBlank = "______________"

    /// "dieses Mitglied meines Haushalts" or, for more than one, "diese Mitglieder meines Haushalts".
    func endangered(_ d: EnergyDebtAdvice) -> String {
        d.dangers.count == 1 ? "dieses Mitglied meines Haushalts" : "diese Mitglieder meines Haushalts"
    }

    /// What would stop without the energy, in the subjunctive of a cut-off that has not come: "ohne Strom könnte das
    /// Gerät nicht betrieben werden", "ohne Strom würde die Heizung ausfallen"; the parts joined by "und".
    func consequences(_ d: EnergyDebtAdvice) -> [String] {
        let energy = energy(d.carrier)
        var parts: [String] = []
        if d.dangers.contains(where: { $0.carrier == .electricity }) {
            parts.append("ohne Strom könnte das Gerät nicht betrieben werden")
        }
        if d.dangers.contains(where: { $0.carrier == .gas }) {
            parts.append("ohne Gas würde die Versorgung ausfallen, die das Gerät braucht")
        }
        if d.dangers.contains(where: { $0.carrier == .heating }) {
            // Gas heats; electricity heats only with the heating's pump and controls, so "auch".
            parts.append("ohne \(energy) würde \(d.carrier == .electricity ? "auch " : "")die Heizung ausfallen")
        }
        return parts
    }

    /// Why the recorded dangers are dangers, for the supplier: what would stop without the energy, in one sentence
    /// ("Ohne Strom würde auch die Heizung ausfallen; die Wohnung bliebe in der Heizperiode kalt."), so that the
    /// longest letter still fits its page.
    func harm(_ d: EnergyDebtAdvice) -> String {
        let parts = consequences(d)
        guard !parts.isEmpty else { return "" }
        let cold = d.dangers.contains { $0.carrier == .heating } ? "; die Wohnung bliebe in der Heizperiode kalt" : ""
        let sentence = parts.joined(separator: ", und ") + cold + "."
        return sentence.prefix(1).uppercased() + sentence.dropFirst()
    }

    /// What the letter says of the supplier's letters received: the threat, the announcement, a cut-off.
    func history(_ d: EnergyDebtAdvice, supply: String) -> String {
        var sentences: [String] = []
        if d.cutOff {
            sentences.append("Die \(supply) ist unterbrochen.")
        }
        if let threat = d.dates.threatDate {
            sentences.append(
                "Mit Ihrem Schreiben, das am \(date(threat)) bei mir eingegangen ist, haben Sie mir angedroht, die "
                    + "\(supply) zu unterbrechen.")
        }
        if let announcement = d.dates.announcementDate {
            sentences.append(
                "Am \(date(announcement)) ist Ihre Ankündigung des Tages der Unterbrechung bei mir eingegangen.")
        }
        // The supplier's claim, not an admission of a debt: the household may still dispute it (§ 41f Abs. 3 Satz 3
        // EnWG), so the letter speaks of "Ihre Forderung" and "den geforderten Betrag", never of "meine Schulden".
        sentences.append(
            "Ihre Forderung" + (sentences.isEmpty ? " für die \(supply)" : "")
                + " beträgt nach Ihren Angaben \(money(d.arrearsEUR)).")
        return sentences.joined(separator: " ")
    }

    // MARK: To the supplier

    /// The demand for an Abwendungsvereinbarung (basic supply after a threat) or the request for a payment plan, the
    /// statement of disproportionality when a recorded risk makes the cut-off a danger, and what shows the household
    /// will pay. Each sentence cites the paragraph the law's data names for it.
    func supplierLetter(_ d: EnergyDebtAdvice, contact: HouseholdContact?) -> Letter {
        let supply = "\(energy(d.carrier))versorgung"
        let claim = d.steps.contains { $0.code == .requestAgreement }
        let agreement = d.rules?.agreement
        let agreementLaw = agreement?.law ?? d.rules?.law
        // § 41g Abs. 1 Satz 1 EnWG: the household "verlangt" the offer; rules without that sentence are asked.
        let demand = claim ? agreement?.requestLaw : nil
        let unfair = d.disproportionate ? " und Mitteilung: Eine Unterbrechung wäre unverhältnismäßig" : ""
        var subject = ["\(supply): Ihre Forderung von \(money(d.arrearsEUR))"]
        if let demand {
            subject.append("Verlangen eines Angebots für eine Abwendungsvereinbarung (\(demand))" + unfair)
        } else if claim {
            subject.append(
                "Antrag auf eine Abwendungsvereinbarung" + (agreementLaw.map { " nach \($0)" } ?? "") + unfair)
        } else {
            subject.append("Bitte um Ratenzahlung" + unfair)
        }

        // After "Sehr geehrte Damen und Herren," the letter goes on in lower case, but for the polite "Ihre".
        let opening = history(d, supply: supply)
        let polite = opening.hasPrefix("Ihr")
        var body: [Letter.Paragraph] = [.text(polite ? opening : opening.prefix(1).lowercased() + opening.dropFirst())]
        var request: [String] = []
        if let demand {
            // The law's words: after a threat the household "kann … die Übermittlung des Angebots … verlangen".
            request.append(
                "Nach \(demand) kann ich nach Ihrer Androhung die Übermittlung des Angebots für eine "
                    + "Abwendungsvereinbarung verlangen. Das verlange ich hiermit.")
            var send = "Bitte senden Sie es mir"
            if let days = agreement?.offerWithinDays?.value { send += " innerhalb " + period(days: days) }
            send += " in Textform zu" + (agreement?.offerLaw.map { " (\($0))." } ?? ".")
            request.append(send)
        } else if claim {
            var ask = "Ich bitte Sie, mir" + (agreementLaw.map { " nach \($0)" } ?? "")
            if let days = agreement?.offerWithinDays?.value { ask += " innerhalb " + period(days: days) }
            request.append(ask + " in Textform den Abschluss einer Abwendungsvereinbarung anzubieten.")
        } else {
            request.append("Ich bitte Sie, mir zu erlauben, den geforderten Betrag in monatlichen Raten zu zahlen.")
        }
        // The basic supplier must offer it with the announcement at the latest (§ 41g Abs. 1 Satz 2 EnWG).
        if claim, d.dates.announcementDate != nil {
            request.append(
                "Hat mich ein solches Angebot nicht erreicht, senden Sie es mir bitte noch einmal.")
        }
        if let plan = d.plan {
            let running = plan.runningInstallmentEUR.flatMap { $0 > 0 ? $0 : nil }
            request.append(
                "Ich schlage vor, den geforderten Betrag zinsfrei in \(instalments(plan)) zu zahlen, zusätzlich zu "
                    + (running.map { "meinem laufenden Abschlag von \(money($0))." } ?? "meinen laufenden Zahlungen."))
        }
        // What shows the household will pay, in the words of § 41f Abs. 1 Satz 2 EnWG ("der Kunde darlegt, dass
        // hinreichende Aussicht besteht, dass er seinen Verpflichtungen nachkommt"): the instalments offered, and
        // below a loan applied for, which only the household can tick.
        let prospects =
            "dass hinreichende Aussicht besteht, dass ich meinen Zahlungsverpflichtungen nachkomme"
            + (d.rules?.paymentProspectsLaw.map { " (\($0))" } ?? "")
        if d.plan != nil { request.append("Mit diesen Raten lege ich dar, \(prospects).") }
        if d.cutOff {
            request.append("Bitte stellen Sie die \(supply) wieder her, sobald die Vereinbarung geschlossen ist.")
        }
        body.append(.text(request.joined(separator: " ")))

        if d.disproportionate {
            let law = d.rules?.disproportionalityLaw ?? d.rules?.law
            let unfair = "Eine Unterbrechung wäre unverhältnismäßig" + (law.map { " (\($0))" } ?? "")
            let danger =
                harm(d) + " Für \(endangered(d)) bestünde daher eine konkrete Gefahr für Leib oder Leben"
                + (d.rules?.dangerLaw.map { " (\($0))" } ?? "") + ". Auf Verlangen mache ich dies glaubhaft, "
                + "zum Beispiel mit einer ärztlichen Bescheinigung."
            let people = dangers(d)
            if people.count <= Self.listedDangers {
                body.append(.text(unfair + ". In meinem Haushalt gibt es:"))
                body.append(.list(people))
                body.append(.text(danger))
            } else {
                // Many people at risk run on in one paragraph: a list of six lines would push the letter off its page.
                let run = people.dropLast().joined(separator: "; ") + " und " + (people.last ?? "")
                body.append(.text(unfair + ". In meinem Haushalt gibt es \(run). " + danger))
            }
        }

        let loanBox: Letter.Paragraph? =
            switch d.loan?.office {
            case .jobcenter:
                .checkbox(
                    "Ich habe am \(Self.dateBlank) beim Jobcenter ein Darlehen für den geforderten Betrag beantragt.")
            case .socialOffice:
                .checkbox(
                    "Ich habe am \(Self.dateBlank) beim Sozialamt die Übernahme des geforderten Betrags beantragt.")
            default: nil
            }
        if let loanBox {
            if d.plan == nil { body.append(.text("Ich lege dar, \(prospects):")) }
            body.append(loanBox)
        }

        if d.steps.contains(where: { $0.code == .consentSocialOfficeContact }) {
            body.append(
                .checkbox(
                    "Ich habe Ihnen am \(Self.dateBlank) meine Einwilligung geschickt, dass Sie das Sozialamt "
                        + "informieren dürfen."))
        }

        // The closing paragraph: the objection reserved, the supplier may talk to the office the household applied to
        // (it speeds the office's decision), and the request not to cut off; one paragraph, so that the longest
        // letter still fits its page.
        var closing: [String] = []
        if claim, let months = agreement?.objectionWithinMonths?.value {
            closing.append(
                "Ich behalte mir vor, innerhalb \(within(months, one: "Monats", other: "Monaten")) nach Abschluss der "
                    + "Vereinbarung in Textform Einwände gegen die zugrunde liegenden Forderungen zu erheben.")
        }
        if let office = d.loan?.office {
            closing.append(
                "Ich bin einverstanden, dass Sie sich wegen Ihrer Forderung mit dem "
                    + "\(office == .jobcenter ? "Jobcenter" : "Sozialamt") in Verbindung setzen.")
        }
        closing.append(
            d.cutOff
                ? "Bitte antworten Sie mir schriftlich."
                : "Bitte unterbrechen Sie die \(supply) nicht und antworten Sie mir schriftlich.")
        body.append(.text(closing.joined(separator: " ")))

        var enclosures: [Letter.Paragraph] = []
        if let office = d.loan?.office {
            enclosures.append(
                .checkbox("Kopie meines Antrags an das \(office == .jobcenter ? "Jobcenter" : "Sozialamt")"))
        }
        if d.disproportionate { enclosures.append(.checkbox("ärztliche Bescheinigung")) }
        return Letter(
            recipient: .supplier, carrier: d.carrier, debtIndex: d.debtIndex, sender: sender(contact),
            address: [
                d.supplier.map(Letter.Line.text) ?? .blank("Name des Versorgers"),
                .blank("Straße Hausnummer oder Postfach"), .blank("Postleitzahl Ort"),
            ],
            details: [
                .init(label: "Ort, Datum", value: .blank("")),
                .init(label: "Kundennummer", value: .blank("")),
            ],
            urgent: nil, subject: subject, salutation: "Sehr geehrte Damen und Herren,", body: body,
            closing: "Mit freundlichen Grüßen", signer: contact?.name.map(Letter.Line.text) ?? .blank("Vorname Name"),
            enclosuresHeading: "Anlagen", enclosures: enclosures)
    }

    /// A period of days after "innerhalb": "einer Woche" for 7 (the law counts a week), else "von 5 Tagen".
    func period(days: Int) -> String {
        days % 7 == 0
            ? within(days / 7, one: "Woche", other: "Wochen", feminine: true)
            : within(days, one: "Tages", other: "Tagen")
    }

    /// The instalments after "in", adding up to the arrears: "18 monatlichen Raten zu je 22,94 €", or with a smaller
    /// last one "17 monatlichen Raten zu je 22,94 € und einer letzten Rate von 22,82 €".
    func instalments(_ plan: InstallmentPlanProposal) -> String {
        let rate = money(plan.monthlyEUR)
        let equal = plan.isEven ? plan.months : plan.months - 1
        let first = equal == 1 ? "einer Rate von \(rate)" : "\(equal) monatlichen Raten zu je \(rate)"
        return plan.isEven ? first : first + " und einer letzten Rate von \(money(plan.lastMonthlyEUR))"
    }

    // MARK: To the jobcenter or social office

    /// The application for a loan (or, from the social office, a grant) with the arrears, the supplier's letters
    /// listed and the day by which the office must decide.
    func loanLetter(_ d: EnergyDebtAdvice, loan: LoanAdvice, advice: Advice, contact: HouseholdContact?) -> Letter {
        let energy = energy(d.carrier)
        let supply = "\(energy)versorgung"
        let jobcenter = loan.office == .jobcenter
        let office = jobcenter ? "Jobcenter" : "Sozialamt"
        let grant = loan.bases.contains { $0.grantPossible }
        let bases = loan.bases.map(\.law)
        var subject = "Antrag auf Übernahme von \(energy)schulden" + (grant ? "" : " als Darlehen")
        if let first = bases.first {
            subject += " nach \(first)"
            if bases.count > 1 { subject += ", hilfsweise nach " + bases.dropFirst().joined(separator: ", ") }
        }
        // The day a cut-off may come, when one can be dated: the supplier letter says it would be disproportionate,
        // so this letter says it threatens from then, not that it is lawful.
        let below: Set<CutOffReason> = [.belowMinimumArrears, .belowInstallmentThreshold, .belowAnnualBillThreshold]
        let earliest = d.rules != nil && !d.reasons.contains(where: below.contains) ? d.dates.earliestCutOff : nil
        var urgent: String?
        if d.cutOff {
            urgent = "Eilt: Die \(supply) ist unterbrochen."
        } else if let earliest {
            urgent =
                earliest > advice.date
                ? "Eilt: Ab \(weekdayDate(earliest)) droht die Unterbrechung der \(supply)."
                : "Eilt: Die Unterbrechung der \(supply) droht jederzeit."
        }

        // A company's name is not declined in German sentences: it stands in brackets after "mein Versorger".
        let named = d.supplier.map { " (\($0))" } ?? ""
        var body: [Letter.Paragraph] = [
            .text(
                "ich beantrage, dass Sie meinen Zahlungsrückstand bei meinem \(energy)versorger\(named) in Höhe von "
                    + "\(money(d.arrearsEUR)) \(grant ? "als Beihilfe oder als Darlehen" : "als Darlehen") übernehmen "
                    + "und direkt an den Versorger zahlen.")
        ]
        var situation: [String] = []
        if d.cutOff { situation.append("Die \(supply) ist unterbrochen.") }
        if let threat = d.dates.threatDate {
            situation.append(
                "Der Versorger hat mir mit einem Schreiben, das am \(date(threat)) bei mir eingegangen ist, "
                    + "angedroht, die \(supply) zu unterbrechen.")
        }
        if let announcement = d.dates.announcementDate {
            situation.append(
                "Die Ankündigung des Tages der Unterbrechung ist am \(date(announcement)) bei mir eingegangen.")
        }
        if !situation.isEmpty { body.append(.text(situation.joined(separator: " "))) }
        if d.disproportionate {
            body.append(.text("In meinem Haushalt gibt es:"))
            body.append(.list(dangers(d)))
            let because = consequences(d)
            if !because.isEmpty {
                body.append(
                    .text(
                        "Eine \(energy)sperre würde \(endangered(d)) gefährden, denn "
                            + because.joined(separator: ", und ") + "."))
            }
        }
        body.append(.checkbox("Ich kann den Rückstand nicht aus eigenen Mitteln oder eigenem Vermögen bezahlen."))
        let agreement = d.steps.contains { $0.code == .requestAgreement }
        body.append(
            .checkbox(
                "Ich habe den Versorger am \(Self.dateBlank) um eine Ratenzahlung"
                    + (agreement ? " (Abwendungsvereinbarung)" : "") + " gebeten."))
        // The office is asked to decide by the day before the cut-off; a date no later than the day the application
        // is due would leave it no time, so then the letter asks for a decision at once.
        let consent = "Ich bin einverstanden, dass Sie sich dazu mit dem Versorger in Verbindung setzen."
        if d.cutOff {
            body.append(
                .text("Bitte entscheiden Sie umgehend, damit die \(supply) wiederhergestellt werden kann. " + consent))
        } else if let earliest {
            let applied = d.steps.first { [.applyLoanJobcenter, .applyLoanSocialOffice].contains($0.code) }?.by
            let decideBy = earliest.adding(days: -1).map { max($0, advice.date) } ?? earliest
            let by = decideBy > (applied ?? advice.date) ? ", spätestens bis zum \(date(decideBy))" : ""
            body.append(
                .text("Bitte entscheiden Sie umgehend\(by), damit die \(supply) nicht unterbrochen wird. " + consent))
        } else {
            body.append(
                .text(
                    "Ich bin einverstanden, dass Sie sich wegen dieses Antrags mit dem Versorger in Verbindung setzen.")
            )
        }

        // Copies of the supplier's letters the household received go with it; the rest where the household has them.
        var received: [String] = []
        if let threat = d.dates.threatDate {
            received.append("Kopie der Androhung der Unterbrechung, eingegangen am \(date(threat))")
        }
        if let announcement = d.dates.announcementDate {
            received.append("Kopie der Ankündigung der Unterbrechung, eingegangen am \(date(announcement))")
        }
        var enclosures: [Letter.Paragraph] = received.isEmpty ? [] : [.list(received)]
        enclosures.append(.checkbox("Kopie der letzten Rechnung oder Mahnung des Versorgers"))
        enclosures.append(.checkbox("Kopie meines Schreibens an den Versorger"))
        return Letter(
            recipient: jobcenter ? .jobcenter : .socialOffice, carrier: d.carrier, debtIndex: d.debtIndex,
            sender: sender(contact),
            address: [.text(office), .blank("Straße Hausnummer"), .blank("Postleitzahl Ort")],
            details: [
                .init(label: "Ort, Datum", value: .blank("")),
                .init(label: jobcenter ? "BG-Nummer" : "Aktenzeichen", value: .blank("")),
            ],
            urgent: urgent, subject: [subject], salutation: "Sehr geehrte Damen und Herren,", body: body,
            closing: "Mit freundlichen Grüßen", signer: contact?.name.map(Letter.Line.text) ?? .blank("Vorname Name"),
            enclosuresHeading: "Anlagen", enclosures: enclosures)
    }
}
