import AdviceWorkflows
import ArgumentParser
import EnergyAdvice
import OfficeReports
import VisitRecords

struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract:
            "Programme totals for the council report: households, kWh, €, t CO2, by measure, language and benefit.",
        discussion: """
            --format pdf -o FILE writes the printed report for the council: key figures, what follow-ups measured \
            beside what was expected of the same households, charts and how the figures were made, each with the \
            households it rests on. A figure about fewer than 5 households, or one that would let such a figure be \
            computed from the others, is withheld. The text, CSV and JSON are the office's own figures, complete. \
            New realisation factors from the follow-ups: esp calibration.
            """
    )

    /// The summary as text for the terminal, CSV for a spreadsheet, JSON for another program, or the printed report.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json, pdf
    }

    @Option(name: .long, help: ArgumentHelp("First visit date.", valueName: "YYYY-MM-DD"))
    var from: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Last visit date.", valueName: "YYYY-MM-DD"))
    var to: CalendarDate?

    @Option(name: .long, help: "Only this city.")
    var city: String?

    @Option(name: .long, help: "text, csv, json or pdf.")
    var format: Format = .text

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

    func run() async throws {
        let filter = VisitFilter(from: from, to: to, city: city)
        let summary = try await Registering.reading(try await registerOptions.store(.read)).summary(filter)
        guard format == .pdf, let output else {
            // The city files give the cities' names.
            let text = try dataOptions.snapshot(
                cities: format == .text ? .only(Set(summary.cities)) : .none, staff: .only([staffLanguage.language])
            ).staff(staffLanguage.language)
            switch format {
            case .json: Output.out(summary.json())
            case .csv: Output.out(summary.csv())
            case .text, .pdf: Output.out(RegisterText(text: text).summary(summary))
            }
            return
        }
        // The report names the cities and their data files.
        let data = try dataOptions.snapshot(cities: .only(Set(summary.cities)), staff: .only([staffLanguage.language]))
        let report = try Reporting(advising: Advising(data: data)).councilReport(
            of: summary, staffLanguage: staffLanguage.language, today: try Environment.today(),
            creationDate: Environment.creationDate())
        try FileOutput.write(report.bytes, to: output, replacing: force)
        Output.error("esp: \(output): \(report.pages == 1 ? "1 page" : "\(report.pages) pages")")
    }
}
