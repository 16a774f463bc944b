import AdviceData
import AdvicePDF
import AdviceReport
import EnergyAdvice
import VisitRegister

/// The visit register of a programme: the use cases behind `esp register`, `esp followup` and `esp summary`.
public struct Programme: Sendable {
    public let register: VisitRegister

    public init(register: VisitRegister) {
        self.register = register
    }

    /// Opens the register at `path`, or at its default place (`$XDG_DATA_HOME/esp/register.sqlite`, else
    /// `$HOME/.local/share/esp/register.sqlite`), creating it when missing.
    public static func open(path: String?, environment: [String: String]) throws(WorkflowError) -> Programme {
        do throws(RegisterError) {
            let file: String
            if let path { file = path } else { file = try VisitRegister.defaultPath(environment: environment) }
            return Programme(register: try VisitRegister.open(path: file))
        } catch {
            throw .register(error)
        }
    }

    /// Adds visit files with their advice, each in its own transaction. A different visit under a registered id
    /// is refused unless `replace`.
    /// - Returns: a line per visit added or updated, the failures (which added nothing), and, when some failed, the
    ///   line that counts them.
    public func add(visitPaths: [String], advisor: Advisor, replace: Bool = false, text: StaffText)
        -> (lines: [String], failures: [RegisterError], summary: String?)
    {
        var lines: [String] = []
        var failures: [RegisterError] = []
        // The warnings are stored with their German words, as the office reads them in `register show`.
        let words = (try? advisor.texts(VisitRules.languageDefault)).map { SheetBuilder(localizer: $0) }
        let results = register.add(visitPaths: visitPaths, session: advisor.session, replace: replace) { advice in
            AdviceJSON.compact(advice, message: words?.warning)
        }
        for result in results {
            switch result.outcome {
            case .added(let id):
                lines.append(text("register.added", ["visitId": .text(id), "path": .text(result.path)]))
            case .updated(let id):
                lines.append(text("register.updated", ["visitId": .text(id), "path": .text(result.path)]))
            case .failed(let error): failures.append(error)
            }
        }
        let summary =
            failures.isEmpty
            ? nil
            : text(
                "register.addFailed",
                [
                    "added": text.count(lines.count), "total": text.count(visitPaths.count),
                    "failed": text.count(failures.count),
                ])
        return (lines, failures, summary)
    }

    /// One line per registered visit.
    public func list(text: StaffText) throws(WorkflowError) -> String {
        RegisterText(text: text).list(try call { () throws(RegisterError) in try register.list() })
    }

    /// One visit with its measures, warnings and follow-ups.
    public func show(visitId: String, text: StaffText) throws(WorkflowError) -> String {
        RegisterText(text: text).show(try call { () throws(RegisterError) in try register.show(visitId: visitId) })
    }

    /// Records a follow-up and says what was saved against what was predicted.
    public func followUp(
        visitId: String, date: CalendarDate, meterAtVisitKWh: Double?, meterNowKWh: Double?,
        heatingKWhPerYear: Double?, implemented: [MeasureKind], text: StaffText
    ) throws(WorkflowError) -> String {
        let result = try call { () throws(RegisterError) in
            try register.followUp(
                visitId: visitId, date: date, meterAtVisitKWh: meterAtVisitKWh,
                meterNowKWh: meterNowKWh, heatingKWhPerYear: heatingKWhPerYear,
                implemented: implemented)
        }
        return RegisterText(text: text).followUp(result)
    }

    /// The programme totals for the council report.
    /// Reversed dates and a city with no registered visit are refused: an empty report would read as "nothing
    /// happened".
    public func summary(
        from: CalendarDate?, to: CalendarDate?, city: String?,
        format: SummaryFormat, text: StaffText
    ) throws(WorkflowError) -> String {
        let summary = try checkedSummary(from: from, to: to, city: city)
        switch format {
        case .json: return summary.json()
        case .csv: return summary.csv()
        case .text, .pdf: return RegisterText(text: text).summary(summary)
        }
    }

    /// The council's report as a PDF (A4): key figures, charts, calibration from the follow-ups, methods. Refused
    /// for reversed dates, an unknown city or a period without visits; the file is written whole or not at all.
    /// - Returns: the number of pages.
    public func report(
        from: CalendarDate?, to: CalendarDate?, city: String?, file: String, overwrite: Bool, advisor: Advisor,
        text: StaffText, today: CalendarDate, creationDate: String
    ) throws(WorkflowError) -> Int {
        let summary = try checkedSummary(from: from, to: to, city: city)
        guard summary.householdsAdvised > 0 else { throw .refused("no visits in this period: no report written") }
        let library = advisor.data.tariffs
        var factors: [MeasureKind: RealisationFactor]
        var files: [String] = []
        do throws(DataError) {
            let reference = try library.reference()
            factors = reference.realisation
            files.append("reference.xml (\(reference.validUntil))")
            for id in summary.cities {
                guard let set = try? library.load(cityID: id) else { continue }
                files.append("\(id).xml (\(set.city.validUntil))")
                if summary.cities.count == 1 { factors.merge(set.city.realisation) { _, city in city } }
            }
        } catch {
            throw .data(error)
        }
        let builder = ProgrammeReportBuilder(text: text, factors: factors, dataFiles: files, today: today)
        let document = builder.report(summary)
        let info = PDFDocumentInfo(
            title: document.title, author: "esp", subject: document.subtitle,
            keywords: "esp; programme report; language=\(text.language)", creationDate: creationDate)
        do {
            return try PDFRenderer.write(document, to: file, info: info, overwrite: overwrite)
        } catch {
            throw .sheet(error)
        }
    }

    /// The registered visits for analysis, without names, addresses or notes.
    public func export(format: ExportFormat, withIDs: Bool) throws(WorkflowError) -> String {
        try call { () throws(RegisterError) in try register.export(format: format, withIDs: withIDs) }
    }

    /// The summary for a period and city; reversed dates and a city with no registered visit are refused, since an
    /// empty report would read as "nothing happened".
    private func checkedSummary(from: CalendarDate?, to: CalendarDate?, city: String?) throws(WorkflowError)
        -> ProgrammeSummary
    {
        if let from, let to, from > to { throw .refused("--from \(from) is after --to \(to)") }
        if let city {
            let cities = try call { () throws(RegisterError) in try register.cities() }
            guard cities.contains(city) else {
                throw .refused(
                    "no visits of city \"\(city)\" in the register; cities there: "
                        + (cities.isEmpty ? "none" : cities.joined(separator: ", ")))
            }
        }
        return try call { () throws(RegisterError) in try register.summary(from: from, to: to, city: city) }
    }

    private func call<T>(_ body: () throws(RegisterError) -> T) throws(WorkflowError) -> T {
        do {
            return try body()
        } catch {
            throw .register(error)
        }
    }
}

/// The programme summary as text for the terminal, CSV for a spreadsheet or JSON for another program.
public enum SummaryFormat: String, Sendable, CaseIterable {
    case text, csv, json
    /// The printed report for the council (``Programme/report(from:to:city:file:overwrite:advisor:text:today:creationDate:)``).
    case pdf
}
