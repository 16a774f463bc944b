import AdviceWorkflows
import ArgumentParser
import EnergyAdvice
import VisitRecords

struct CalibrationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibration",
        abstract: "For whoever keeps a city's data: its follow-ups against the realisation factors, per city.",
        discussion: """
            Per step: what the households that carried it out saved at their meters, as a share of what the advice \
            expected of those steps, with its 95 % interval and the households it rests on. From 10 households on, \
            the factor this suggests for the city file, as XML to paste into Tariffs/CITY.xml with where it goes. \
            Not for the council: its report (esp summary --format pdf) compares measured and expected figures of \
            the same households.
            """
    )

    @Option(name: .long, help: "Only this city (default: every city in the register, one after the other).")
    var city: String?

    @Option(name: .long, help: ArgumentHelp("First visit date.", valueName: "YYYY-MM-DD"))
    var from: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Last visit date.", valueName: "YYYY-MM-DD"))
    var to: CalendarDate?

    @OptionGroup var registerOptions: RegisterOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var staffLanguage: StaffLanguageOption

    func run() async throws {
        let register = Registering.reading(try await registerOptions.store(.read))
        var cities = city.map { [$0] } ?? []
        if city == nil { cities = try await register.summary(VisitFilter(from: from, to: to)).cities }
        guard !cities.isEmpty else { throw WorkflowError.noVisitsInPeriod }
        let data = try dataOptions.snapshot(cities: .only(Set(cities)), staff: .only([staffLanguage.language]))
        let reporting = Reporting(advising: Advising(data: data))
        let today = try Environment.today()
        var texts: [String] = []
        for id in cities {
            let summary = try await register.summary(VisitFilter(from: from, to: to, city: id))
            texts.append(
                try reporting.calibration(
                    city: id, summary: summary, staffLanguage: staffLanguage.language, today: today))
        }
        Output.out(texts.joined(separator: "\n"))
    }
}
