import AdviceData
import AdvicePDF
import AdviceReport
import EnergyAdvice

/// One of the household's letters, ready to print and sign.
public struct WrittenLetter: Sendable {
    /// The name to store it under, e.g. `L-2026-0305-1-strom-versorger.pdf`.
    public var fileName: String
    /// The letter as a document, for its text.
    public var letter: Letter
    /// The one-page A4 PDF.
    public var pdf: PDFBytes
}

/// The household's letters for its energy debts: the use case behind `esp letters` (and a web page's button). For
/// each debt a letter to the supplier, and where the benefit gives one the application to the jobcenter or social
/// office, in German, with the visit's name and address filled in and blank lines for what it does not hold.
public struct LetterWriting: Sendable {
    /// Advice for the visits whose letters are written.
    public let advising: Advising

    /// Letters from the data of `advising`.
    public init(advising: Advising) {
        self.advising = advising
    }

    /// The letters of an advised visit, in the order of its debts (the supplier's before the office's).
    /// - Parameter creationDate: `YYYY-MM-DDThh:mm:ssZ` written into each PDF; fixed for byte-identical output.
    /// - Throws: ``WorkflowError/noEnergyDebt(visitId:)`` when the visit records no debt.
    public func letters(_ advised: AdvisedVisit, creationDate: String) throws(WorkflowError) -> [WrittenLetter] {
        let advice = advised.advice
        guard !advice.energyDebt.isEmpty else { throw .noEnergyDebt(visitId: advice.visitId) }
        if let problem = Advising.fontProblem() { throw problem }
        var written: [WrittenLetter] = []
        for letter in LetterBuilder().letters(advice, contact: advised.visit.contact) {
            let info = PDFDocumentInfo(
                title: letter.subject.joined(separator: " – "), author: advised.visit.contact?.name ?? "",
                subject: "esp letter, language: de",
                keywords: "esp; energy debt; \(advice.city); language=de", creationDate: creationDate)
            do {
                written.append(
                    WrittenLetter(
                        fileName: letter.fileName(visitId: advice.visitId), letter: letter,
                        pdf: try PDFRenderer.render(letter, info: info)))
            } catch {
                throw .pdf(error)
            }
        }
        return written
    }

    /// The same letters as one PDF to print at once (a web page's button): each letter a sheet of paper of its own
    /// (a blank back page between them), in the order of ``letters(_:creationDate:)``.
    /// - Throws: ``WorkflowError/noEnergyDebt(visitId:)`` when the visit records no debt.
    public func bundle(_ advised: AdvisedVisit, creationDate: String) throws(WorkflowError) -> PDFBytes {
        let advice = advised.advice
        guard !advice.energyDebt.isEmpty else { throw .noEnergyDebt(visitId: advice.visitId) }
        if let problem = Advising.fontProblem() { throw problem }
        let letters = LetterBuilder().letters(advice, contact: advised.visit.contact)
        let info = PDFDocumentInfo(
            title: "Briefe zu den Zahlungsrückständen – Beratung \(advice.visitId)",
            author: advised.visit.contact?.name ?? "", subject: "esp letters, language: de",
            keywords: "esp; energy debt; \(advice.city); language=de", creationDate: creationDate)
        do {
            return try PDFRenderer.render(letters, info: info)
        } catch {
            throw .pdf(error)
        }
    }
}
