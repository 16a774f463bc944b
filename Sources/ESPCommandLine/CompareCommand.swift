import AdviceWorkflows
import ArgumentParser

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Cities side by side, from their programme summaries (esp summary --format json --city CITY).",
        discussion: """
            Aggregates only: a per-household export is refused. Prints one column per city — households, expected \\
            saving per household, follow-up rate, programme cost per t CO2, realised/expected per measure — as \\
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
        let comparison = try CityComparison.read(summaries)
        let text = try dataOptions.staff(try dataOptions.advisor(), language: staffLanguage.lang)
        guard let output else {
            Output.out(comparison.text(text))
            return
        }
        let pages = try comparison.writePDF(
            text, to: output, overwrite: force, today: Environment.today(), creationDate: Environment.creationDate())
        Output.error("esp: \(output): \(pages == 1 ? "1 page" : "\(pages) pages")")
    }
}
