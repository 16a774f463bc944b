import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing

@testable import AdviceReport

@Suite("The household's letters")
struct LetterTests {
    static func letters(_ json: String) throws -> [Letter] {
        let (visit, advice, _) = try DebtVisits.advice(json)
        return LetterBuilder().letters(advice, contact: visit.contact).map(\.plain)
    }

    static func example() throws -> [Letter] {
        let (advice, _) = try Shipped.advice("leipzig-family-threat.json")
        return LetterBuilder().letters(advice, contact: nil).map(\.plain)
    }

    static func body(_ letter: Letter) -> String { letter.plainText }

    /// The objection the household reserves (§ 41g Abs. 1 EnWG), first in the closing paragraph.
    static let objection =
        "Ich behalte mir vor, innerhalb eines Monats nach Abschluss der Vereinbarung in Textform Einwände gegen die "
        + "zugrunde liegenden Forderungen zu erheben. "

    /// The example: to the basic supplier after a threat and an announcement, with an infant in the heating season;
    /// to the jobcenter for a loan.
    @Test func theExampleWritesTwoLetters() throws {
        let letters = try Self.example()
        #expect(
            letters.map { $0.fileName(visitId: "L-2026-0305") } == [
                "L-2026-0305-1-strom-versorger.pdf", "L-2026-0305-1-strom-jobcenter.pdf",
            ])
        let supplier = letters[0]
        #expect(
            supplier.subject == [
                "Stromversorgung: Ihre Forderung von 412,80 €",
                "Verlangen eines Angebots für eine Abwendungsvereinbarung (§ 41g Abs. 1 Satz 1 EnWG) und Mitteilung: "
                    + "Eine Unterbrechung wäre unverhältnismäßig",
            ])
        #expect(supplier.address.first == .text("Leipziger Stadtwerke"))
        // Nothing the visit does not hold: the household's name and address, the customer number are blanks.
        #expect(supplier.sender == [.blank("Vorname Name"), .blank("Straße Hausnummer"), .blank("Postleitzahl Ort")])
        #expect(supplier.details.map(\.value) == [.blank(""), .blank("")])
        guard case .text(let opening) = supplier.body[0], case .text(let request) = supplier.body[1] else {
            Issue.record("the letter opens with text")
            return
        }
        // Lower case after the comma of the salutation; the days of receipt, not of the letters.
        #expect(opening.hasPrefix("mit Ihrem Schreiben, das am 13. Oktober 2026 bei mir eingegangen ist,"))
        // The supplier's claim, never an admission of a debt.
        #expect(opening.hasSuffix("Ihre Forderung beträgt nach Ihren Angaben 412,80 €."))
        #expect(!Self.body(supplier).contains("Schulden") && !Self.body(supplier).contains("Mein Zahlungsrückstand"))
        // § 41g Abs. 1 Satz 1 in its words ("kann … verlangen"); Satz 2: within a week of the request, in text form;
        // an offer that went astray is sent again.
        #expect(
            request.hasPrefix(
                "Nach § 41g Abs. 1 Satz 1 EnWG kann ich nach Ihrer Androhung die Übermittlung des Angebots für eine "
                    + "Abwendungsvereinbarung verlangen. Das verlange ich hiermit. "
                    + "Bitte senden Sie es mir innerhalb einer Woche in Textform zu (§ 41g Abs. 1 Satz 2 EnWG)."))
        #expect(request.contains("Hat mich ein solches Angebot nicht erreicht, senden Sie es mir bitte noch einmal."))
        // Only the steps that cost nothing count (7.71 € + the balance 8.56 € = 16.27 € < 17.20 €): 412.80 € over 24
        // months, 17.20 € evenly, besides the 110 € instalment.
        #expect(
            request.contains(
                "den geforderten Betrag zinsfrei in 24 monatlichen Raten zu je 17,20 € zu zahlen, zusätzlich zu "
                    + "meinem laufenden Abschlag von 110,00 €."))
        // A person, with a blank for the birth date; the danger in the subjunctive of a cut-off that has not come.
        #expect(supplier.body.contains(.list(["ein kleines Kind (geboren am ______________)"])))
        #expect(
            Self.body(supplier).contains(
                "Eine Unterbrechung wäre unverhältnismäßig (§ 41f Abs. 1 Satz 2 und Abs. 2 EnWG)."))
        #expect(
            Self.body(supplier).contains(
                "Ohne Strom würde auch die Heizung ausfallen; die Wohnung bliebe in der Heizperiode kalt. Für dieses "
                    + "Mitglied meines Haushalts bestünde daher eine konkrete Gefahr für Leib oder Leben (§ 41f Abs. 2 "
                    + "EnWG)."))
        // § 41f Abs. 1 Satz 2 in its words; the loan applied for is the household's to tick; consent to talk to the
        // office.
        #expect(
            Self.body(supplier).contains(
                "Mit diesen Raten lege ich dar, dass hinreichende Aussicht besteht, dass ich meinen "
                    + "Zahlungsverpflichtungen nachkomme (§ 41f Abs. 1 Satz 2 EnWG)."))
        #expect(
            supplier.body.contains(
                .checkbox(
                    "Ich habe am ______________ beim Jobcenter ein Darlehen für den geforderten Betrag beantragt.")))
        #expect(
            supplier.body.last
                == .text(
                    Self.objection
                        + "Ich bin einverstanden, dass Sie sich wegen Ihrer Forderung mit dem Jobcenter in Verbindung setzen. "
                        + "Bitte unterbrechen Sie die Stromversorgung nicht und antworten Sie mir schriftlich."))
        #expect(supplier.enclosures.first == .checkbox("Kopie meines Antrags an das Jobcenter"))
        #expect(
            Self.body(supplier).contains("innerhalb eines Monats nach Abschluss der Vereinbarung in Textform Einwände"))

        let office = letters[1]
        #expect(office.recipient == .jobcenter)
        // The office decides: the letter says what threatens, never that a cut-off or a loan is "zulässig".
        #expect(office.urgent == "Eilt: Ab Freitag, 20. November 2026 droht die Unterbrechung der Stromversorgung.")
        #expect(!Self.body(office).contains("zulässig"))
        #expect(
            office.subject == [
                "Antrag auf Übernahme von Stromschulden als Darlehen nach § 22 Abs. 8 SGB II, hilfsweise nach § 24 Abs. 1 SGB II"
            ])
        #expect(office.details.map(\.label) == ["Ort, Datum", "BG-Nummer"])
        #expect(
            Self.body(office).contains(
                "Die Ankündigung des Tages der Unterbrechung ist am 9. November 2026 bei mir eingegangen."))
        #expect(
            Self.body(office).contains(
                "Eine Stromsperre würde dieses Mitglied meines Haushalts gefährden, denn ohne Strom würde auch die "
                    + "Heizung ausfallen."))
        #expect(
            Self.body(office).contains(
                "Bitte entscheiden Sie umgehend, spätestens bis zum 19. November 2026, damit die Stromversorgung nicht "
                    + "unterbrochen wird. Ich bin einverstanden, dass Sie sich dazu mit dem Versorger in Verbindung "
                    + "setzen."))
        #expect(
            office.enclosures.first
                == .list([
                    "Kopie der Androhung der Unterbrechung, eingegangen am 13. Oktober 2026",
                    "Kopie der Ankündigung der Unterbrechung, eingegangen am 9. November 2026",
                ]))
        #expect(!Self.body(office).contains("Bürgergeld"))
    }

    /// Every date a letter prints is one the visit recorded or the law gives from them: nothing invented.
    @Test func everyDateComesFromTheVisit() throws {
        let allowed = ["13. Oktober 2026", "9. November 2026", "20. November 2026", "19. November 2026"]
        let pattern = try NSRegularExpression(pattern: "[0-9]{1,2}\\. [A-Za-zä]+ [0-9]{4}")
        for letter in try Self.example() {
            let text = letter.plainText
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let date = String(text[Range(match.range, in: text)!])
                #expect(allowed.contains(date), "\(letter.recipient): \(date)")
            }
        }
    }

    /// The name and address of the visit fill the sender and the signature; nothing else is printed of them.
    @Test func theRecordedNameAndAddressAreFilledIn() throws {
        let letters = try Self.letters(
            DebtVisits.json(
                debt:
                    #"{"carrier": "electricity", "arrearsEUR": 412.8, "monthlyInstallmentEUR": 110, "threatDate": "2026-10-13"}"#,
                household: #", "name": "Anna Muster", "address": "Lindenweg 3a, 04109 Leipzig""#))
        for letter in letters {
            #expect(letter.sender == [.text("Anna Muster"), .text("Lindenweg 3a"), .text("04109 Leipzig")])
            #expect(letter.signer == .text("Anna Muster"))
        }
        let nameOnly = try Self.letters(
            DebtVisits.json(
                debt: #"{"carrier": "electricity", "arrearsEUR": 412.8}"#, household: #", "name": "Anna Muster""#))
        #expect(nameOnly[0].sender == [.text("Anna Muster"), .blank("Straße Hausnummer"), .blank("Postleitzahl Ort")])
    }

    /// Without a threat: a request for a payment plan (no claim yet), no letter mentioned that did not come, no
    /// date to decide by.
    @Test func withoutAThreat() throws {
        let letters = try Self.letters(
            DebtVisits.json(debt: #"{"carrier": "electricity", "arrearsEUR": 412.8, "monthlyInstallmentEUR": 110}"#))
        let supplier = letters[0]
        #expect(supplier.subject[1] == "Bitte um Ratenzahlung")
        // "Ihre" keeps its capital after the salutation's comma.
        #expect(
            supplier.body[0] == .text("Ihre Forderung für die Stromversorgung beträgt nach Ihren Angaben 412,80 €."))
        #expect(supplier.address[0] == .blank("Name des Versorgers"))
        #expect(!supplier.plainText.contains("Androhung") && !supplier.plainText.contains("Einwände"))
        let office = letters[1]
        #expect(office.urgent == nil)
        #expect(!office.plainText.contains("eingegangen"))
        #expect(!office.plainText.contains("Bitte entscheiden Sie"))
    }

    /// The social office: a grant or a loan under § 36 SGB XII, § 37 for electricity; gas debts at the jobcenter
    /// only under § 22 Abs. 8 SGB II; no office letter for AsylbLG, whose data names no loan.
    @Test func theOfficeAndItsLaw() throws {
        let debt =
            #"{"carrier": "electricity", "arrearsEUR": 412.8, "monthlyInstallmentEUR": 110, "threatDate": "2026-10-13"}"#
        let social = try Self.letters(DebtVisits.json(debt: debt, benefit: "grundsicherung"))[1]
        #expect(social.recipient == .socialOffice)
        #expect(
            social.subject == [
                "Antrag auf Übernahme von Stromschulden nach § 36 Abs. 1 SGB XII, hilfsweise nach § 37 Abs. 1 SGB XII"
            ])
        #expect(social.plainText.contains("in Höhe von 412,80 € als Beihilfe oder als Darlehen übernehmen"))
        #expect(social.details.map(\.label) == ["Ort, Datum", "Aktenzeichen"])
        let gas = try Self.letters(
            DebtVisits.json(
                debt:
                    #"{"carrier": "gas", "arrearsEUR": 900, "monthlyInstallmentEUR": 120, "threatDate": "2026-10-13"}"#)
        )
        #expect(gas[1].subject == ["Antrag auf Übernahme von Gasschulden als Darlehen nach § 22 Abs. 8 SGB II"])
        #expect(gas[0].fileName(visitId: "X") == "X-1-gas-versorger.pdf")
        #expect(try Self.letters(DebtVisits.json(debt: debt, benefit: "asylblg")).map(\.recipient) == [.supplier])
    }

    /// A supply already cut off: the supplier is asked to restore it, the office to decide at once.
    @Test func aSupplyCutOff() throws {
        let letters = try Self.letters(
            DebtVisits.json(
                debt: #"""
                    {"carrier": "electricity", "arrearsEUR": 412.8, "monthlyInstallmentEUR": 110,
                     "threatDate": "2026-09-01", "announcementDate": "2026-10-01", "cutOff": true}
                    """#))
        #expect(
            letters[0].plainText.contains(
                "Bitte stellen Sie die Stromversorgung wieder her, sobald die Vereinbarung geschlossen ist."))
        #expect(
            letters[0].body.last
                == .text(
                    Self.objection
                        + "Ich bin einverstanden, dass Sie sich wegen Ihrer Forderung mit dem Jobcenter in Verbindung setzen. "
                        + "Bitte antworten Sie mir schriftlich."))
        #expect(letters[1].urgent == "Eilt: Die Stromversorgung ist unterbrochen.")
    }
}
