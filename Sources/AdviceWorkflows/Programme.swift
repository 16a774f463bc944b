import AdviceData
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

    /// Adds visit files with their advice, each in its own transaction.
    /// - Returns: a line per visit (`added ID (path)`), and the failures, which added nothing.
    public func add(visitPaths: [String], advisor: Advisor) -> (lines: [String], failures: [RegisterError]) {
        var lines: [String] = []
        var failures: [RegisterError] = []
        for result in register.add(visitPaths: visitPaths, session: advisor.session) {
            switch result.outcome {
            case .added(let id): lines.append("added \(id) (\(result.path))")
            case .updated(let id): lines.append("updated \(id) (\(result.path))")
            case .failed(let error): failures.append(error)
            }
        }
        return (lines, failures)
    }

    /// One line per registered visit.
    public func list() throws(WorkflowError) -> String {
        RegisterText.list(try call { () throws(RegisterError) in try register.list() })
    }

    /// One visit with its measures and follow-ups.
    public func show(visitId: String) throws(WorkflowError) -> String {
        RegisterText.show(try call { () throws(RegisterError) in try register.show(visitId: visitId) })
    }

    /// Records a follow-up and says what was saved against what was predicted.
    public func followUp(
        visitId: String, date: CalendarDate, meterAtVisitKWh: Double?, meterNowKWh: Double?,
        heatingKWhPerYear: Double?, implemented: [MeasureKind]
    ) throws(WorkflowError) -> String {
        let result = try call { () throws(RegisterError) in
            try register.followUp(
                visitId: visitId, date: date, meterAtVisitKWh: meterAtVisitKWh,
                meterNowKWh: meterNowKWh, heatingKWhPerYear: heatingKWhPerYear,
                implemented: implemented)
        }
        return RegisterText.followUp(result, visitId: visitId, date: date, heatingGiven: heatingKWhPerYear != nil)
    }

    /// The programme totals for the council report.
    public func summary(
        from: CalendarDate?, to: CalendarDate?, city: String?,
        format: SummaryFormat
    ) throws(WorkflowError) -> String {
        let summary = try call { () throws(RegisterError) in try register.summary(from: from, to: to, city: city) }
        switch format {
        case .json: return summary.json()
        case .csv: return summary.csv()
        case .text: return RegisterText.summary(summary)
        }
    }

    /// The registered visits for analysis, without names, addresses or notes.
    public func export(format: ExportFormat, withIDs: Bool) throws(WorkflowError) -> String {
        try call { () throws(RegisterError) in try register.export(format: format, withIDs: withIDs) }
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
}
