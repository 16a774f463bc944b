import AdviceData
import AdvicePDF
import AdviceReport
import Dispatch
import EnergyAdvice
import SafeFiles

/// Printed advice sheets (PDF, A4) for one visit or a clerk's batch: the use case behind `esp report`.
public struct SheetPrinter: Sendable {
    public let advisor: Advisor
    /// The household's language for every sheet; nil for each visit's own.
    public var language: String?
    /// The office copy in this language on its own pages, with the advisor's warnings and assumptions.
    public var secondLanguage: String?
    /// `YYYY-MM-DDThh:mm:ssZ` written into the PDF; fixed for byte-identical output.
    public var creationDate: String
    /// Replace existing PDF files.
    public var overwrite: Bool

    public init(
        advisor: Advisor, language: String? = nil, secondLanguage: String? = nil, creationDate: String,
        overwrite: Bool = false
    ) {
        self.advisor = advisor
        self.language = language
        self.secondLanguage = secondLanguage
        self.creationDate = creationDate
        self.overwrite = overwrite
    }

    /// One visit's sheet written to `file`, or to `VISITID.pdf` in `folder`.
    /// - Returns: the file written.
    @discardableResult
    public func print(visitPath: String, to file: String? = nil, folder: String = ".") throws(WorkflowError) -> String {
        let (advice, city) = try advisor.advise(visitPath: visitPath)
        let file = file ?? FilePath.join(folder, advice.visitId + ".pdf")
        guard let office = city.office else {
            throw .refused(
                "\(visitPath): the tariff file of \(city.id) has no <office>; the sheet needs the advice office's name, address and phone"
            )
        }
        let primary = language ?? advice.language
        // The household's copy never carries the advisor's warnings; the office copy in the second language does.
        var sheets = [
            SheetBuilder(localizer: try advisor.texts(primary)).build(advice, office: office, audience: .household)
        ]
        if let secondLanguage {
            sheets.append(
                SheetBuilder(localizer: try advisor.texts(secondLanguage))
                    .build(advice, office: office, audience: .office))
        }
        let info = PDFDocumentInfo(
            title: "\(sheets[0].title) – \(advice.visitId)", author: office.name,
            subject: "esp advice sheet, language: \(sheets.map(\.language).joined(separator: " + "))",
            keywords: "esp; energy advice; \(advice.city); language=\(primary)", creationDate: creationDate)
        do {
            try PDFRenderer.write(sheets, to: file, info: info, overwrite: overwrite)
        } catch {
            throw .sheet(error)
        }
        return file
    }

    /// One sheet per visit, `VISITID.pdf` in `folder` (or `file` for a single visit), `jobs` at a time. A visit
    /// that fails is reported in the result and the others still print.
    /// - Parameter step: called after each visit, from the worker threads, e.g. for a progress bar.
    /// - Returns: the failures, in the order of the visits.
    public func printAll(
        visitPaths: [String], file: String? = nil, folder: String = ".", jobs: Int,
        step: @Sendable () -> Void = {}
    ) throws(WorkflowError) -> [(visitPath: String, error: WorkflowError)] {
        if file != nil && visitPaths.count > 1 {
            throw .refused(
                "-o names one file for \(visitPaths.count) visits (a folder stands for all its visit files); use --out-dir"
            )
        }
        guard FilePath.isDirectory(folder) else { throw .refused("\(folder): the output folder does not exist") }
        do {
            try PDFRenderer.checkFont()
        } catch {
            throw .sheet(error)
        }
        let failures = Locked<[(Int, WorkflowError)]>([])
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, visitPaths.count))) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < visitPaths.count else { return }
                do throws(WorkflowError) {
                    try print(visitPath: visitPaths[index], to: file, folder: folder)
                } catch {
                    failures.withLock { $0.append((index, error)) }
                }
                step()
            }
        }
        return failures.withLock { $0 }.sorted { $0.0 < $1.0 }.map { (visitPaths[$0.0], $0.1) }
    }
}
