import AdviceWorkflows
import ArgumentParser
import EnergyAdvice

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract:
            "Programme totals for the council report: households, kWh, €, t CO2, by measure, language and benefit.",
        discussion: """
            --format pdf -o FILE writes the printed report for the council: key figures, charts, calibration from \
            the follow-ups and the methods, anonymised (groups under 5 households shown as "< 5").
            """
    )

    @Option(name: .long, help: ArgumentHelp("First visit date.", valueName: "YYYY-MM-DD"))
    var from: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Last visit date.", valueName: "YYYY-MM-DD"))
    var to: CalendarDate?

    @Option(name: .long, help: "Only this city.")
    var city: String?

    @Option(name: .long, help: "text, csv, json or pdf.")
    var format: SummaryFormat = .text

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The PDF report to write.", valueName: "FILE"))
    var output: String?

    @Flag(name: .long, help: "Overwrite an existing report.")
    var force = false

    func validate() throws {
        if format == .pdf && output == nil { throw ValidationError("--format pdf needs -o FILE.") }
        if format != .pdf && output != nil { throw ValidationError("-o is for --format pdf.") }
    }

    @OptionGroup var registerOptions: RegisterOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var staffLanguage: StaffLanguageOption

    func run() throws {
        let advisor = try dataOptions.advisor()
        let text = try dataOptions.staff(advisor, language: staffLanguage.lang)
        let programme = try registerOptions.programme()
        guard format == .pdf, let output else {
            Output.out(try programme.summary(from: from, to: to, city: city, format: format, text: text))
            return
        }
        let pages = try programme.report(
            from: from, to: to, city: city, file: output, overwrite: force, advisor: advisor, text: text,
            today: Environment.today(), creationDate: Environment.creationDate())
        Output.error("esp: \(output): \(pages == 1 ? "1 page" : "\(pages) pages")")
    }
}
