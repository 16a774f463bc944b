import AdviceWorkflows
import ArgumentParser
import EnergyAdvice
import OfficeReports
import VisitRecords

struct FollowUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract:
            "Record, correct or delete a follow-up visit: meter readings, heating bill and the steps carried out.",
        discussion: """
            Realised savings are normalised to 365 days and compared with the predicted savings of the implemented \
            steps. A follow-up is known by its visit and day: --replace corrects the one of --date, --delete removes \
            it; the old values stay in the register's history. Readings that mean more than three times the visit's \
            use a year, and dates after today, are refused unless --confirm-unusual is given.
            """
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

    @Option(
        name: .customLong("supply-continued"),
        help: ArgumentHelp(
            "Energy debt: whether the supply continued since the visit (not cut off, or restored).",
            valueName: "yes|no"),
        transform: Answer.parse)
    var supplyContinued: Bool?

    @Option(
        name: .customLong("agreement"),
        help: ArgumentHelp(
            "Energy debt: whether an agreement with the supplier was reached (Abwendungsvereinbarung, instalments).",
            valueName: "yes|no"),
        transform: Answer.parse)
    var agreementReached: Bool?

    @Flag(name: .long, help: "Correct the follow-up of --date (the old values are kept in the history).")
    var replace = false

    @Flag(name: .long, help: "Delete the follow-up of --date (its values are kept in the history).")
    var delete = false

    @Flag(name: .customLong("confirm-unusual"), help: "Record figures that look wrong but are right.")
    var confirmUnusual = false

    @OptionGroup var registerOptions: RegisterOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var staffLanguage: StaffLanguageOption

    func validate() throws {
        if replace && delete { throw ValidationError("Use either --replace or --delete, not both.") }
        let figures =
            electricityMeter != nil || meterAtVisit != nil || heatingKWh != nil || !implemented.isEmpty
            || supplyContinued != nil || agreementReached != nil
        if delete && figures { throw ValidationError("--delete takes only the visit id and --date.") }
    }

    func run() async throws {
        let text = try dataOptions.snapshot(staff: .only([staffLanguage.language])).staff(staffLanguage.language)
        let register = Registering.reading(try await registerOptions.store(.write))
        if delete {
            let removed = try await register.deleteFollowUp(visitId: id, date: date)
            Output.line(text("followup.deleted", ["visitId": .text(removed.visitId), "date": text.date(removed.date)]))
            return
        }
        let entry = FollowUpEntry(
            visitId: id, date: date, meterAtVisitKWh: meterAtVisit, meterNowKWh: electricityMeter,
            heatingKWhPerYear: heatingKWh, implemented: implemented.flatMap { $0 }, confirmUnusual: confirmUnusual,
            supplyContinued: supplyContinued, agreementReached: agreementReached)
        let result = try await register.followUp(entry, correcting: replace, today: try Environment.today())
        Output.out(RegisterText(text: text).followUp(result, corrected: replace))
    }
}
