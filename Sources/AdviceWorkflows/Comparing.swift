import AdvicePDF
import EnergyAdvice
import OfficeReports
import VisitRecords

/// Cities side by side from their programme summaries: the use case behind `esp compare`.
public enum Comparing {
    /// Reads one summary per city (`esp-programme-summary/1`, every figure present) and compares them; `source`
    /// names each summary in errors.
    public static func compare(_ summaries: [(source: String, bytes: [UInt8])]) throws(WorkflowError)
        -> CityComparison
    {
        var read: [(source: String, summary: ProgrammeSummary)] = []
        for (source, bytes) in summaries {
            do {
                read.append((source, try ProgrammeSummary.read(bytes)))
            } catch {
                throw .summary(source: source, error)
            }
        }
        do {
            return try CityComparison.compare(read)
        } catch {
            throw .comparison(error)
        }
    }

    /// The comparison as a printed report (A4 PDF) in the staff's language.
    public static func report(
        _ comparison: CityComparison, text: StaffText, today: CalendarDate, creationDate: String
    ) throws(WorkflowError) -> PDFBytes {
        let document = comparison.report(text, today: today)
        let info = PDFDocumentInfo(
            title: document.title, author: "esp", subject: document.subtitle, keywords: "esp; city comparison",
            creationDate: creationDate)
        do {
            return try PDFRenderer.render(document, info: info)
        } catch {
            throw .pdf(error)
        }
    }
}
