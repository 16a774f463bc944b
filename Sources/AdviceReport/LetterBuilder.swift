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

    /// The recorded risks that make a cut-off dangerous, as a list after "in meinem Haushalt gibt es".
    func dangers(_ d: EnergyDebtAdvice) -> [String] {
        d.dangers.map { rule in
            switch rule.risk {
            case .medicalDevice: "ein medizinisches Gerät, das Strom braucht"
            case .infant: "einen Säugling oder ein Kleinkind"
            case .pregnancy: "eine schwangere Frau"
            case .seriousIllness: "einen schwer kranken Menschen"
            case .disability: "einen Menschen mit Behinderung"
            case .elderly: "einen alten Menschen"
            }
        }
    }

    /// Why the recorded dangers are dangers: what stops without the energy.
    func harm(_ d: EnergyDebtAdvice) -> String {
        let energy = energy(d.carrier)
        var parts: [String] = []
        if d.dangers.contains(where: { $0.carrier == .electricity }) {
            parts.append("Ohne Strom kann das Gerät nicht betrieben werden.")
        }
        if d.dangers.contains(where: { $0.carrier == .heating }) {
            parts.append("Ohne \(energy) fällt die Heizung aus; die Wohnung bliebe in der Heizperiode kalt.")
        }
        if d.dangers.contains(where: { $0.carrier == .gas }) {
            parts.append("Ohne Gas fällt die Versorgung aus, die das Gerät braucht.")
        }
        return parts.joined(separator: " ")
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
        if sentences.isEmpty { sentences.append("Ich bin mit Zahlungen für die \(supply) im Rückstand.") }
        sentences.append("Mein Zahlungsrückstand beträgt nach meinen Unterlagen \(money(d.arrearsEUR)).")
        return sentences.joined(separator: " ")
    }

    // MARK: To the supplier

    /// The request for an Abwendungsvereinbarung (basic supply after a threat) or a payment plan, the statement of
    /// disproportionality when a recorded risk makes the cut-off a danger, and what shows the household will pay.
    func supplierLetter(_ d: EnergyDebtAdvice, contact: HouseholdContact?) -> Letter {
        let supply = "\(energy(d.carrier))versorgung"
        let claim = d.steps.contains { $0.code == .requestAgreement }
        let agreement = d.rules?.agreement
        let agreementLaw = agreement?.law ?? d.rules?.law
        var subject = ["\(supply): Zahlungsrückstand von \(money(d.arrearsEUR))"]
        if claim {
            subject.append(
                "Antrag auf eine Abwendungsvereinbarung" + (agreementLaw.map { " nach \($0)" } ?? "")
                    + (d.disproportionate ? " und Mitteilung: Eine Unterbrechung wäre unverhältnismäßig" : ""))
        } else {
            subject.append(
                "Bitte um Ratenzahlung"
                    + (d.disproportionate ? " und Mitteilung: Eine Unterbrechung wäre unverhältnismäßig" : ""))
        }

        // After "Sehr geehrte Damen und Herren," the letter goes on in lower case.
        let opening = history(d, supply: supply)
        var body: [Letter.Paragraph] = [.text(opening.prefix(1).lowercased() + opening.dropFirst())]
        var request: String
        if claim {
            request = "Ich bitte Sie, mir" + (agreementLaw.map { " nach \($0)" } ?? "")
            if let days = agreement?.offerWithinDays?.value {
                // The law counts a week; a period of whole weeks reads as weeks.
                request +=
                    " innerhalb "
                    + (days % 7 == 0
                        ? within(days / 7, one: "Woche", other: "Wochen", feminine: true)
                        : within(days, one: "Tages", other: "Tagen"))
            }
            request += " in Textform den Abschluss einer Abwendungsvereinbarung anzubieten."
            if d.dates.announcementDate != nil {
                request += " Falls Sie mir ein solches Angebot schon geschickt haben, bitte ich um eine Kopie."
            }
        } else {
            request = "Ich bitte Sie, mir zu erlauben, den Rückstand in monatlichen Raten zu zahlen."
        }
        if let plan = d.plan {
            let running = plan.runningInstallmentEUR.flatMap { $0 > 0 ? $0 : nil }
            request +=
                " Ich schlage vor, den Rückstand zinsfrei in \(plan.months) monatlichen Raten zu je "
                + "\(money(plan.monthlyEUR)) zu zahlen, zusätzlich zu "
                + (running.map { "meinem laufenden Abschlag von \(money($0))." } ?? "meinen laufenden Zahlungen.")
        }
        if d.cutOff {
            request += " Bitte stellen Sie die \(supply) wieder her, sobald die Vereinbarung geschlossen ist."
        }
        body.append(.text(request))

        if d.disproportionate {
            let law = d.rules?.disproportionalityLaw ?? d.rules?.law
            body.append(
                .text(
                    "Eine Unterbrechung wäre unverhältnismäßig" + (law.map { " (\($0))" } ?? "")
                        + ". In meinem Haushalt gibt es:"))
            body.append(.list(dangers(d)))
            body.append(
                .text(
                    harm(d) + " Es besteht daher eine konkrete Gefahr für Leib oder Leben. Auf Verlangen mache ich "
                        + "dies glaubhaft, zum Beispiel mit einer ärztlichen Bescheinigung."))
        }

        // What shows the household will pay (§ 41f Abs. 1 Satz 2 EnWG): only the household can tick it.
        var prospects: [Letter.Paragraph] = []
        switch d.loan?.office {
        case .jobcenter:
            prospects.append(
                .checkbox("Ich habe am ______________ beim Jobcenter ein Darlehen für diesen Rückstand beantragt."))
        case .socialOffice:
            prospects.append(
                .checkbox("Ich habe am ______________ beim Sozialamt die Übernahme dieses Rückstands beantragt."))
        default: break
        }
        if d.steps.contains(where: { $0.code == .consentSocialOfficeContact }) {
            prospects.append(
                .checkbox(
                    "Ich habe Ihnen am ______________ meine Einwilligung geschickt, das Sozialamt zu informieren."))
        }
        if !prospects.isEmpty {
            body.append(
                .text("Damit besteht hinreichende Aussicht, dass ich meinen Zahlungsverpflichtungen nachkomme:"))
            body += prospects
        }

        if claim, let months = agreement?.objectionWithinMonths?.value {
            body.append(
                .text(
                    "Ich behalte mir vor, innerhalb \(within(months, one: "Monats", other: "Monaten")) nach Abschluss "
                        + "der Vereinbarung in Textform Einwände gegen die zugrunde liegenden Forderungen zu erheben."))
        }
        body.append(
            .text(
                d.cutOff
                    ? "Bitte antworten Sie mir schriftlich."
                    : "Bitte unterbrechen Sie die \(supply) nicht und antworten Sie mir schriftlich."))

        var enclosures: [Letter.Paragraph] = []
        if d.loan != nil { enclosures.append(.checkbox("Kopie meines Antrags an das Amt")) }
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

    // MARK: To the jobcenter or social office

    /// The application for a loan (or, from the social office, a grant) with the arrears, the supplier's letters
    /// listed and the date by which the office must decide.
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
        // The day the office must decide by: before the earliest lawful cut-off, when one can be dated.
        let below: Set<CutOffReason> = [.belowMinimumArrears, .belowInstallmentThreshold, .belowAnnualBillThreshold]
        let earliest = d.rules != nil && !d.reasons.contains(where: below.contains) ? d.dates.earliestCutOff : nil
        var urgent: String?
        if d.cutOff {
            urgent = "Eilt: Die \(supply) ist unterbrochen."
        } else if let earliest {
            urgent = "Eilt: Die Unterbrechung der \(supply) ist frühestens ab \(weekdayDate(earliest)) zulässig."
        }

        // A company's name is not declined in German sentences: it stands in brackets after "mein Versorger".
        let named = d.supplier.map { " (\($0))" } ?? ""
        var request = "ich beantrage, meinen Zahlungsrückstand bei meinem \(energy)versorger\(named) in Höhe von "
        request += "\(money(d.arrearsEUR)) zu übernehmen"
        request += grant ? " (als Beihilfe oder als Darlehen)" : " (als Darlehen)"
        request += " und direkt an den Versorger zu zahlen."
        var body: [Letter.Paragraph] = [.text(request)]
        var situation: [String] = []
        if d.cutOff { situation.append("Die \(supply) ist unterbrochen.") }
        if let threat = d.dates.threatDate {
            situation.append(
                "Der Versorger hat mir mit einem Schreiben, das am \(date(threat)) bei mir eingegangen ist, "
                    + "angedroht, die \(supply) zu unterbrechen.")
        }
        if let announcement = d.dates.announcementDate {
            situation.append("Die Ankündigung des Tages der Unterbrechung ist am \(date(announcement)) eingegangen.")
        }
        if !situation.isEmpty { body.append(.text(situation.joined(separator: " "))) }
        if d.disproportionate {
            body.append(.text("In meinem Haushalt gibt es:"))
            body.append(.list(dangers(d)))
        }
        body.append(.checkbox("Ich kann den Rückstand nicht aus eigenen Mitteln oder eigenem Vermögen bezahlen."))
        body.append(
            .checkbox(
                "Ich habe den Versorger am ______________ um eine Ratenzahlung (Abwendungsvereinbarung) gebeten."))
        if let earliest, !d.cutOff {
            let decideBy = earliest.adding(days: -1).map { max($0, advice.date) } ?? earliest
            body.append(
                .text(
                    "Bitte entscheiden Sie bis zum \(date(decideBy)), damit die \(supply) nicht unterbrochen wird."))
        } else if d.cutOff {
            body.append(.text("Bitte entscheiden Sie umgehend, damit die \(supply) wiederhergestellt werden kann."))
        }

        // The supplier's letters the household received go with it; the rest where the household has them.
        var received: [String] = []
        if let threat = d.dates.threatDate {
            received.append("Androhung der Unterbrechung, eingegangen am \(date(threat))")
        }
        if let announcement = d.dates.announcementDate {
            received.append("Ankündigung der Unterbrechung, eingegangen am \(date(announcement))")
        }
        var enclosures: [Letter.Paragraph] = received.isEmpty ? [] : [.list(received)]
        enclosures.append(.checkbox("letzte Rechnung oder Mahnung des Versorgers"))
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
