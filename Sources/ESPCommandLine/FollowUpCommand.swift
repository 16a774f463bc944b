import AdviceWorkflows
import ArgumentParser
import EnergyAdvice

struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Record a follow-up visit: meter readings, heating bill and the steps carried out.",
        discussion:
            "Realised savings are normalised to 365 days and compared with the predicted savings of the implemented steps."
    )

    @Argument(help: ArgumentHelp("The visit id of the advised visit.", valueName: "ID"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Date of the follow-up.", valueName: "YYYY-MM-DD"))
    var date: CalendarDate

    @Option(name: .customLong("electricity-meter"), help: ArgumentHelp("Electricity meter now, kWh.", valueName: "KWH"))
    var electricityMeter: Double?

    @Option(
        name: .customLong("meter-at-visit"),
        help: ArgumentHelp("Electricity meter at the advice visit, kWh (first follow-up).", valueName: "KWH"))
    var meterAtVisit: Double?

    @Option(
        name: .customLong("heating-kwh"),
        help: ArgumentHelp("Heating kWh of a full year after the advice.", valueName: "KWH"))
    var heatingKWh: Double?

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Steps carried out, e.g. led,standby,showerhead.", valueName: "IDS"),
        transform: MeasureKind.list)
    var implemented: [[MeasureKind]] = []

    @OptionGroup var registerOptions: RegisterOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var staffLanguage: StaffLanguageOption

    func run() throws {
        let text = try dataOptions.staff(try dataOptions.advisor(), language: staffLanguage.lang)
        Output.out(
            try registerOptions.programme().followUp(
                visitId: id, date: date, meterAtVisitKWh: meterAtVisit, meterNowKWh: electricityMeter,
                heatingKWhPerYear: heatingKWh, implemented: implemented.flatMap { $0 }, text: text))
    }
}
