import AdvicePDF
import AdviceReport
import EnergyAdvice
import OfficeReports
import VisitRecords

/// The council's report and the data keeper's calibration: the use cases behind `esp summary --format pdf`,
/// `esp calibration` and the web's programme page.
public struct Reporting: Sendable {
    /// The data of the summary's cities (names, data files, realisation factors) and the staff's texts.
    public let advising: Advising

    /// Reports with the data of `advising`.
    public init(advising: Advising) {
        self.advising = advising
    }

    /// The council's report of a summary as a document, for a PDF or a web page: key figures, measured beside
    /// expected for the same households, charts, methods, in the staff's language, small groups withheld. The
    /// summary's cities are named and their data files listed from ``advising``'s data where it has them.
    public func councilDocument(of summary: ProgrammeSummary, staffLanguage: String, today: CalendarDate)
        throws(WorkflowError) -> ProgrammeReport
    {
        guard summary.householdsAdvised > 0 else { throw .noVisitsInPeriod }
        let text = try advising.data.staff(staffLanguage)
        var files: [DataFile] = []
        for id in summary.cities {
            guard let calculator = try? advising.data.calculator(city: id) else { continue }
            if files.isEmpty { files.append(DataFile(city: nil, validUntil: calculator.reference.validUntil)) }
            files.append(DataFile(city: id, validUntil: calculator.city.validUntil))
        }
        return ProgrammeReportBuilder(text: text, dataFiles: files, today: today).report(summary)
    }

    /// The council's report of a summary as a PDF (A4); see ``councilDocument(of:staffLanguage:today:)``.
    public func councilReport(
        of summary: ProgrammeSummary, staffLanguage: String, today: CalendarDate, creationDate: String
    ) throws(WorkflowError) -> PDFBytes {
        let document = try councilDocument(of: summary, staffLanguage: staffLanguage, today: today)
        let info = PDFDocumentInfo(
            title: document.title, author: "esp", subject: document.subtitle,
            keywords: "esp; programme report; language=\(document.language)", creationDate: creationDate)
        do {
            return try PDFRenderer.render(document, info: info)
        } catch {
            throw .pdf(error)
        }
    }

    /// For whoever keeps city `id`'s data: its follow-ups against the realisation factors its advice used, and the
    /// factors they suggest as XML for its city file. `summary` is of the city's visits alone (`filter.city`).
    public func calibration(city id: String, summary: ProgrammeSummary, staffLanguage: String, today: CalendarDate)
        throws(WorkflowError) -> String
    {
        guard summary.householdsAdvised > 0 else { throw .noVisitsInPeriod }
        let calculator = try advising.data.calculator(city: id)
        return CalibrationText(text: try advising.data.staff(staffLanguage)).calibration(
            summary, city: calculator.city, national: calculator.reference.realisation,
            file: "Tariffs/\(id).xml", today: today)
    }
}
