import AdviceWorkflows
import ArgumentParser
import OfficeReports
import SafeFiles

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Cities side by side, from their programme summaries (esp summary --format json --city CITY).",
        discussion: """
            Aggregates only: a per-household export is refused. Prints one column per city — households, expected \
            saving per household, follow-up rate, programme cost per t CO2, realised/expected per measure — as \
            text, or as a printed report with -o FILE.
            """
    )

    @Argument(help: ArgumentHelp("The summaries, one per city.", valueName: "SUMMARY.json"))
    var summaries: [String]

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write a PDF report.", valueName: "FILE"))
    var output: String?

    @Flag(name: .long, help: "Overwrite an existing report.")
    var force = false

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var staffLanguage: StaffLanguageOption

    func run() throws {
        var files: [(source: String, bytes: [UInt8])] = []
        for path in summaries {
            do {
                files.append((path, try FileReader.bytes(atPath: path, maxBytes: 16 << 20)))
            } catch {
                throw WorkflowError.cannotRead(error)
            }
        }
        let comparison = try Comparing.compare(files)
        let text = try dataOptions.snapshot(staff: .only([staffLanguage.language])).staff(staffLanguage.language)
        guard let output else {
            Output.out(comparison.text(text))
            return
        }
        let report = try Comparing.report(
            comparison, text: text, today: Environment.today(), creationDate: Environment.creationDate())
        try FileOutput.write(report.bytes, to: output, replacing: force)
        Output.error("esp: \(output): \(report.pages == 1 ? "1 page" : "\(report.pages) pages")")
    }
}
