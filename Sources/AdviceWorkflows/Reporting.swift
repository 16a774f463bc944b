import AdvicePDF
import EnergyAdvice
import OfficeReports
import VisitRecords

/// The council's report: the use case behind `esp summary --format pdf` and the web's programme page.
public struct Reporting: Sendable {
    /// The data of the summary's cities (realisation factors, data files) and the staff's texts.
    public let advising: Advising

    /// Reports with the data of `advising`.
    public init(advising: Advising) {
        self.advising = advising
    }

    /// The council's report of a summary as a PDF (A4): key figures, charts, calibration from the follow-ups,
    /// methods, in the staff's language; the realisation factors and data files of the summary's cities come from
    /// ``advising``'s data.
    public func councilReport(
        of summary: ProgrammeSummary, staffLanguage: String, today: CalendarDate, creationDate: String
    ) throws(WorkflowError) -> PDFBytes {
        guard summary.householdsAdvised > 0 else { throw .noVisitsInPeriod }
        let text = try advising.data.staff(staffLanguage)
        var factors: [MeasureKind: RealisationFactor] = [:]
        var files: [String] = []
        for id in summary.cities {
            guard let calculator = try? advising.data.calculator(city: id) else { continue }
            if files.isEmpty {
                factors = calculator.reference.realisation
                files.append("reference.xml (\(calculator.reference.validUntil))")
            }
            files.append("\(id).xml (\(calculator.city.validUntil))")
            if summary.cities.count == 1 { factors.merge(calculator.city.realisation) { _, city in city } }
        }
        let document = ProgrammeReportBuilder(text: text, factors: factors, dataFiles: files, today: today)
            .report(summary)
        let info = PDFDocumentInfo(
            title: document.title, author: "esp", subject: document.subtitle,
            keywords: "esp; programme report; language=\(text.language)", creationDate: creationDate)
        do {
            return try PDFRenderer.render(document, info: info)
        } catch {
            throw .pdf(error)
        }
    }
}
