import EnergyAdvice

/// A letter the household signs and sends, in German: to its supplier (an Abwendungsvereinbarung or a payment plan,
/// and the statement that a cut-off would be disproportionate) or to the office that pays its benefit (a loan).
///
/// Built once by ``LetterBuilder`` with every text final; a renderer only places it on A4. What the visit does not
/// hold is a ``Line/blank(_:)`` to write on, never a guess.
public struct Letter: Sendable, Equatable {
    /// Who the letter goes to.
    public enum Recipient: String, Sendable, CaseIterable {
        case supplier
        case jobcenter
        case socialOffice = "social-office"
    }

    /// A line that is either known or left blank to fill in by hand.
    public enum Line: Sendable, Equatable {
        /// Printed as it is.
        case text(String)
        /// A line to write on, with what belongs there (printed small under it).
        case blank(String)
    }

    /// A labelled line of the information block: "Kundennummer" and a line to write it on.
    public struct Detail: Sendable, Equatable {
        /// What belongs on the line: "Ort, Datum", "Kundennummer", "BG-Nummer".
        public var label: String
        /// The entry, or a blank line when the visit does not hold it.
        public var value: Line
    }

    /// A piece of the letter's text.
    public enum Paragraph: Sendable, Equatable {
        /// Running text.
        case text(String)
        /// A box to tick where it is true; blanks in it are underscores to write on.
        case checkbox(String)
        /// Items of a list, each on a line of its own.
        case list([String])
    }

    /// The recipient.
    public var recipient: Recipient
    /// The energy the debt is for.
    public var carrier: DebtCarrier
    /// The debt's index in the visit's `energyDebt`.
    public var debtIndex: Int
    /// The sender: name, street, postcode and town, or lines to write them on.
    public var sender: [Line]
    /// The recipient's name and address lines.
    public var address: [Line]
    /// Place and date, the customer or case number.
    public var details: [Detail]
    /// A line above the subject when a date presses ("Eilt: …"); nil when none does.
    public var urgent: String?
    /// The subject, in bold, one or two lines.
    public var subject: [String]
    /// "Sehr geehrte Damen und Herren,".
    public var salutation: String
    /// The letter's text in reading order: the request, the facts it rests on, the boxes to tick.
    public var body: [Paragraph]
    /// "Mit freundlichen Grüßen", above the signature line.
    public var closing: String
    /// The name under the signature line.
    public var signer: Line
    /// "Anlagen" and what goes with the letter.
    public var enclosuresHeading: String
    /// What to put in the envelope: the supplier's letters received, and boxes to tick for what the household adds.
    public var enclosures: [Paragraph]

    /// The file name a front end stores the letter under: the visit id, the debt's number, the energy and the
    /// recipient, e.g. `L-2026-0305-1-strom-versorger.pdf`.
    public func fileName(visitId: String) -> String {
        let energy = carrier == .electricity ? "strom" : "gas"
        let to =
            switch recipient {
            case .supplier: "versorger"
            case .jobcenter: "jobcenter"
            case .socialOffice: "sozialamt"
            }
        return "\(visitId)-\(debtIndex + 1)-\(energy)-\(to).pdf"
    }

    /// The letter as plain text, in reading order: for the terminal, tests and whoever cannot open a PDF.
    public var plainText: String {
        func line(_ l: Line) -> String {
            switch l {
            case .text(let s): s
            case .blank(let hint): "______________________________" + (hint.isEmpty ? "" : " (\(hint))")
            }
        }
        func paragraph(_ p: Paragraph) -> [String] {
            switch p {
            case .text(let s): [s]
            case .checkbox(let s): ["[ ] " + s]
            case .list(let items): items.map { "- " + $0 }
            }
        }
        var lines = sender.map(line) + [""] + address.map(line) + [""]
        lines += details.map { "\($0.label): " + line($0.value) }
        lines.append("")
        if let urgent { lines.append(urgent) }
        lines += subject + ["", salutation, ""]
        for p in body { lines += paragraph(p) + [""] }
        lines += [closing, "", "", "______________________________ (Unterschrift)", line(signer)]
        if !enclosures.isEmpty {
            lines += ["", enclosuresHeading + ":"] + enclosures.flatMap(paragraph)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
