import AdviceData
import AdvicePDF
import AdviceReport
import Dispatch
import EnergyAdvice
import SafeFiles

/// A visit and its advice, with the city's tariffs it was computed from.
public struct AdvisedVisit: Sendable {
    /// The visit as recorded.
    public var visit: Visit
    /// Its advice under the current calculation rules.
    public var advice: Advice
    /// The city's tariffs and advice office.
    public var city: CityTariffs
}

/// One printed sheet.
public struct PrintedSheet: Sendable {
    /// The visit's id.
    public var visitId: String
    /// The PDF.
    public var pdf: PDFBytes
    /// The advice's warnings for the advisor, in words (the office copy's language, else German).
    public var warnings: [String]
}

/// What a batch printed and what failed, in the order of the visits given.
public struct BatchResult: Sendable {
    /// The visits whose sheet was delivered: their ids and warnings (the bytes went to `deliver`).
    public var printed: [(visitId: String, warnings: [String])]
    /// The visits that failed, each with its source and why.
    public var failures: [(source: String, error: WorkflowError)]
}

/// Advice and advice sheets for visits: the use case behind `esp advise`, `esp report`, the API's advice and sheet,
/// and the register. Values in, values out: a front end reads the visit, and writes or sends what comes back.
public struct Advising: Sendable {
    /// The data everything is computed from.
    public let data: DataSnapshot

    /// Advice from `data`.
    public init(data: DataSnapshot) {
        self.data = data
    }

    /// The advice for a visit. `source` names the visit (its file, a form) in errors.
    public func advise(_ visit: Visit, source: String) throws(WorkflowError) -> AdvisedVisit {
        let calculator = try data.calculator(city: visit.city)
        do {
            return AdvisedVisit(visit: visit, advice: try calculator.advise(visit), city: calculator.city)
        } catch {
            throw .data(.cannotAdvise(path: source, reason: error.message))
        }
    }

    /// The words of the advice's warnings for staff (German unless asked), as the advice document and the register
    /// carry them.
    public func warningWords(language: String = VisitRules.languageDefault) throws(WorkflowError)
        -> @Sendable (AdviceWarning) -> String
    {
        let builder = SheetBuilder(localizer: try data.texts(language))
        return { builder.warning($0) }
    }

    /// The sheet's document model in `language` (default: the visit's). The household's copy leaves out what only
    /// the advisor should read.
    public func sheet(_ advised: AdvisedVisit, language: String? = nil, audience: AdviceSheet.Audience)
        throws(WorkflowError) -> AdviceSheet
    {
        SheetBuilder(localizer: try data.texts(language ?? advised.advice.language))
            .build(
                advised.advice, office: advised.city.office, audience: audience, advisor: advised.visit.advisor,
                debtCounselling: advised.city.debtCounselling)
    }

    /// The printed sheet (A4 PDF): the household's copy in `language` (default: the visit's) and, with
    /// `secondLanguage`, the office copy after it.
    /// - Parameter creationDate: `YYYY-MM-DDThh:mm:ssZ` written into the PDF; fixed for byte-identical output.
    public func pdf(
        _ advised: AdvisedVisit, language: String? = nil, secondLanguage: String? = nil, creationDate: String
    ) throws(WorkflowError) -> PrintedSheet {
        let advice = advised.advice
        guard let office = advised.city.office else { throw .noOffice(city: advised.city.id) }
        let primary = language ?? advice.language
        // The household's copy never carries the advisor's warnings; the office copy does.
        var sheets = [
            SheetBuilder(localizer: try data.texts(primary))
                .build(
                    advice, office: office, audience: .household, debtCounselling: advised.city.debtCounselling)
        ]
        if let secondLanguage {
            sheets.append(
                SheetBuilder(localizer: try data.texts(secondLanguage))
                    .build(
                        advice, office: office, audience: .office, advisor: advised.visit.advisor,
                        debtCounselling: advised.city.debtCounselling))
        }
        let info = PDFDocumentInfo(
            title: "\(sheets[0].title) – \(advice.visitId)", author: office.name,
            subject: "esp advice sheet, language: \(sheets.map(\.language).joined(separator: " + "))",
            keywords: "esp; energy advice; \(advice.city); language=\(primary)", creationDate: creationDate)
        let pdf: PDFBytes
        do {
            pdf = try PDFRenderer.render(sheets, info: info)
        } catch {
            throw .pdf(error)
        }
        let words = try warningWords(language: secondLanguage ?? VisitRules.languageDefault)
        return PrintedSheet(visitId: advice.visitId, pdf: pdf, warnings: advice.warnings.map(words))
    }

    /// One sheet per visit, `jobs` at a time, each handed to `deliver` (from a worker thread) as soon as it is made.
    /// A visit that fails is reported and the others still print; a second visit with an id already in the batch is
    /// refused (its sheet would replace the first's).
    /// - Parameters:
    ///   - visits: each visit with the name of its source, in the order to report them.
    ///   - deliver: stores or sends one sheet; an error it throws counts as that visit's failure.
    ///   - step: called after each visit, e.g. for a progress bar.
    public func printAll(
        _ visits: [(source: String, visit: Visit)], language: String? = nil, secondLanguage: String? = nil,
        creationDate: String, jobs: Int, deliver: @Sendable (PrintedSheet) throws(WorkflowError) -> Void,
        step: @Sendable () -> Void = {}
    ) -> BatchResult {
        if let error = Self.fontProblem() {
            return BatchResult(printed: [], failures: visits.map { ($0.source, error) })
        }
        // Ids first, in the order given, so which of two visits with one id is refused does not depend on threads.
        var failures: [Int: WorkflowError] = [:]
        var firstSource: [String: String] = [:]
        for (index, item) in visits.enumerated() {
            if let first = firstSource[item.visit.visitId] {
                failures[index] = .duplicateVisit(visitId: item.visit.visitId, first: first, second: item.source)
            } else {
                firstSource[item.visit.visitId] = item.source
            }
        }
        let pending = visits.indices.filter { failures[$0] == nil }
        let outcomes = Locked<[Int: Result<[String], WorkflowError>]>([:])
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, pending.count))) { _ in
            while true {
                let position = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard position < pending.count else { return }
                let index = pending[position]
                let outcome: Result<[String], WorkflowError>
                do throws(WorkflowError) {
                    let advised = try advise(visits[index].visit, source: visits[index].source)
                    let sheet = try pdf(
                        advised, language: language, secondLanguage: secondLanguage, creationDate: creationDate)
                    try deliver(sheet)
                    outcome = .success(sheet.warnings)
                } catch {
                    outcome = .failure(error)
                }
                outcomes.withLock { $0[index] = outcome }
                step()
            }
        }
        for _ in failures { step() }
        var printed: [(String, [String])] = []
        for (index, outcome) in outcomes.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            switch outcome {
            case .success(let warnings): printed.append((visits[index].visit.visitId, warnings))
            case .failure(let error): failures[index] = error
            }
        }
        return BatchResult(
            printed: printed,
            failures: failures.sorted { $0.key < $1.key }.map { (visits[$0.key].source, $0.value) })
    }

    /// A missing sheet font fails every sheet of a batch the same way: found once, before any work.
    static func fontProblem() -> WorkflowError? {
        do {
            try PDFRenderer.checkFont()
            return nil
        } catch {
            return .pdf(error)
        }
    }
}
