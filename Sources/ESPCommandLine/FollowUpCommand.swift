import AdviceWorkflows
import ArgumentParser
import EnergyAdvice

struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Record a follow-up visit: meter readings, heating bill and the steps carried out.",
        discussion: "Realised savings are normalised to 365 days and compared with the predicted savings of the implemented steps."
    )

    @Argument(help: ArgumentHelp("The visit id of the advised visit.", valueName: "ID"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Date of the follow-up.", valueName: "YYYY-MM-DD"))
    var date: CalendarDate

    @Option(name: .customLong("electricity-meter"), help: ArgumentHelp("Electricity meter now, kWh.", valueName: "KWH"))
    var electricityMeter: Double?

    @Option(name: .customLong("meter-at-visit"), help: ArgumentHelp("Electricity meter at the advice visit, kWh (first follow-up).", valueName: "KWH"))
    var meterAtVisit: Double?

    @Option(name: .customLong("heating-kwh"), help: ArgumentHelp("Heating kWh of a full year after the advice.", valueName: "KWH"))
    var heatingKWh: Double?

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Steps carried out, e.g. led,standby,showerhead.", valueName: "IDS"),
            transform: MeasureKind.list)
    var implemented: [[MeasureKind]] = []

    @OptionGroup var registerOptions: RegisterOptions

    func run() throws {
        Output.out(try registerOptions.programme().followUp(
            visitId: id, date: date, meterAtVisitKWh: meterAtVisit, meterNowKWh: electricityMeter,
            heatingKWhPerYear: heatingKWh, implemented: implemented.flatMap { $0 }))
    }
}

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Programme totals for the council report: households, kWh, €, t CO2, by measure, language and benefit."
    )

    @Option(name: .long, help: ArgumentHelp("First visit date.", valueName: "YYYY-MM-DD"))
    var from: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Last visit date.", valueName: "YYYY-MM-DD"))
    var to: CalendarDate?

    @Option(name: .long, help: "Only this city.")
    var city: String?

    @Option(name: .long, help: "text, csv or json.")
    var format: SummaryFormat = .text

    @OptionGroup var registerOptions: RegisterOptions

    func run() throws {
        Output.out(try registerOptions.programme().summary(from: from, to: to, city: city, format: format))
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension MeasureKind {
    /// `led,standby` as steps; an unknown one names the steps there are.
    static func list(_ text: String) throws -> [MeasureKind] {
        try text.split(separator: ",").map { raw in
            guard let kind = MeasureKind(rawValue: String(raw)) else {
                throw ValidationError("\"\(raw)\" is not a step; allowed: \(MeasureKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        }
    }
}
