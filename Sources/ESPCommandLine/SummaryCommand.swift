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
            --format pdf -o FILE writes the printed report for the council: key figures, charts, calibration from \
            the follow-ups and the methods, anonymised (groups under 5 households shown as "< 5").
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
        let summary = try await Registering.reading(try registerOptions.store(.read)).summary(filter)
        guard format == .pdf, let output else {
            let text = try dataOptions.snapshot(staff: .only([staffLanguage.language])).staff(staffLanguage.language)
            switch format {
            case .json: Output.out(summary.json())
            case .csv: Output.out(summary.csv())
            case .text, .pdf: Output.out(RegisterText(text: text).summary(summary))
            }
            return
        }
        // The report names the data files and the realisation factors of the cities in it.
        let data = try dataOptions.snapshot(cities: .only(Set(summary.cities)), staff: .only([staffLanguage.language]))
        let report = try Reporting(advising: Advising(data: data)).councilReport(
            of: summary, staffLanguage: staffLanguage.language, today: try Environment.today(),
            creationDate: Environment.creationDate())
        try FileOutput.write(report.bytes, to: output, replacing: force)
        Output.error("esp: \(output): \(report.pages == 1 ? "1 page" : "\(report.pages) pages")")
    }
}
