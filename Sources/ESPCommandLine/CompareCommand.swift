import AdviceWorkflows
import ArgumentParser
import OfficeReports
import SafeFiles
import VisitRecords

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Cities side by side, from their programme summaries (esp summary --format json --city CITY).",
        discussion: """
            Aggregates only: a per-household export is refused. Prints one column per city, named as in its city \
            file — households, expected saving per household, households followed up, measured ÷ expected for the \
            same households, what the items handed out cost per t CO2, measured ÷ expected per step, each share \
            with the households it rests on — as text, or as a printed report with -o FILE. A figure about fewer \
            than 5 households, or one that would let such a figure be computed, is withheld. With --register and \
            --city instead of files, the summaries come from the register (an office register's programme lead \
            sees only such aggregates).
            """
    )

    @Argument(help: ArgumentHelp("The summaries, one per city.", valueName: "SUMMARY.json"))
    var summaries: [String] = []

    @Option(
        name: .long, parsing: .singleValue,
        help: ArgumentHelp("With --register: a city to compare (repeat for each).", valueName: "CITY"))
    var city: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Take the cities' summaries from this register (a file or postgresql://…) instead of files.",
            valueName: "FILE|URL"))
    var register: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write a PDF report.", valueName: "FILE"))
    var output: String?

    @Flag(name: .long, help: "Overwrite an existing report.")
    var force = false

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var staffLanguage: StaffLanguageOption

    func validate() throws {
        if register == nil && !city.isEmpty { throw ValidationError("--city is for --register.") }
        if register != nil && !summaries.isEmpty {
            throw ValidationError("Give summary files or --register, not both.")
        }
    }

    func run() async throws {
        var files: [(source: String, bytes: [UInt8])] = []
        if let register {
            let registering = Registering.reading(try await RegisterOptions(register: register).store(.read))
            for id in city {
                let summary = try await registering.summary(VisitFilter(city: id))
                files.append(("\(register) --city \(id)", Array(summary.json().utf8)))
            }
        }
        for path in summaries {
            do {
                files.append((path, try FileReader.bytes(atPath: path, maxBytes: 16 << 20)))
            } catch {
                throw WorkflowError.cannotRead(error)
            }
        }
        let comparison = try Comparing.compare(files)
        // The city files, where this data folder has them, give the cities' names.
        let text = try dataOptions.snapshot(
            cities: .only(Set(comparison.cities.map(\.id))), staff: .only([staffLanguage.language])
        ).staff(staffLanguage.language)
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
