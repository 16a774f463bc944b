import AdviceData
import AdviceLocalization
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
    /// The office copy in this language, on a sheet of paper of its own (a blank back page after a household's copy
    /// of an odd number of pages, for duplex printing), with the advisor's warnings and assumptions.
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
    /// - Returns: the file written and the advice's warnings for the advisor.
    @discardableResult
    public func print(visitPath: String, to file: String? = nil, folder: String = ".") throws(WorkflowError)
        -> PrintedSheet
    {
        let (visit, advice, city) = try advisor.adviseVisit(visitPath: visitPath)
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
                    .build(advice, office: office, audience: .office, advisor: visit.advisor))
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
        let staff = SheetBuilder(localizer: try advisor.texts(secondLanguage ?? VisitRules.languageDefault))
        return PrintedSheet(
            visitId: advice.visitId, file: file, warnings: advice.warnings.map(staff.warning))
    }

    /// One sheet per visit, `VISITID.pdf` in `folder` (created when missing), or `file` for a single visit, `jobs`
    /// at a time. A visit that fails is reported and the others still print; a second visit with an id already in
    /// the batch is refused (its sheet would replace the first's).
    /// - Parameter step: called after each visit, from the worker threads, e.g. for a progress bar.
    public func printAll(
        visitPaths: [String], file: String? = nil, folder: String = ".", jobs: Int, text: StaffText,
        step: @Sendable () -> Void = {}
    ) throws(WorkflowError) -> BatchResult {
        if file != nil && visitPaths.count > 1 {
            throw .refused(
                "-o names one file for \(visitPaths.count) visits (a folder stands for all its visit files); use --out-dir"
            )
        }
        if !FilePath.isDirectory(folder) {
            do {
                try FilePath.createDirectory(folder)
            } catch {
                throw .refused("\(folder): the output folder cannot be created: \(error)")
            }
        }
        do {
            try PDFRenderer.checkFont()
        } catch {
            throw .sheet(error)
        }
        // Ids first, in the order given, so which of two visits with one id is refused does not depend on threads.
        var failures: [Int: String] = [:]
        var firstPath: [String: String] = [:]
        for (index, path) in visitPaths.enumerated() {
            guard let id = try? VisitDecoder.load(path: path).visitId else { continue }  // reported when printed
            if let first = firstPath[id] {
                failures[index] = text(
                    "batch.duplicate", ["path": .text(path), "visitId": .text(id), "first": .text(first)])
            } else {
                firstPath[id] = path
            }
        }
        let pending = visitPaths.indices.filter { failures[$0] == nil }
        let outcomes = Locked<[Int: Result<PrintedSheet, WorkflowError>]>([:])
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, pending.count))) { _ in
            while true {
                let position = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard position < pending.count else { return }
                let index = pending[position]
                let outcome: Result<PrintedSheet, WorkflowError>
                do throws(WorkflowError) {
                    outcome = .success(try print(visitPath: visitPaths[index], to: file, folder: folder))
                } catch {
                    outcome = .failure(error)
                }
                outcomes.withLock { $0[index] = outcome }
                step()
            }
        }
        for _ in failures { step() }
        var printed: [PrintedSheet] = []
        for (index, outcome) in outcomes.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            switch outcome {
            case .success(let sheet): printed.append(sheet)
            case .failure(let error):
                // Every failure names its file, also where the library's message names only a language or city.
                let message = error.description
                failures[index] =
                    message.hasPrefix(visitPaths[index]) ? message : "\(visitPaths[index]): \(message)"
            }
        }
        let failed = failures.sorted { $0.key < $1.key }.map(\.value)
        let counts: [String: MessageArgument] = [
            "written": text.count(printed.count), "total": text.count(visitPaths.count),
            "failed": text.count(failed.count),
        ]
        return BatchResult(
            printed: printed, failures: failed,
            summary: text(failed.isEmpty ? "batch.written" : "batch.failed", counts))
    }
}

/// One sheet written.
public struct PrintedSheet: Sendable {
    public var visitId: String
    public var file: String
    /// The advice's warnings for the advisor, in words (in the office copy's language, else German).
    public var warnings: [String]
}

/// What a batch printed and what it refused.
public struct BatchResult: Sendable {
    /// The sheets written, in the order of the visits.
    public var printed: [PrintedSheet]
    /// One message per visit that failed, each naming its file, in the order of the visits.
    public var failures: [String]
    /// `17 of 18 sheets written, 1 failed`.
    public var summary: String
}
