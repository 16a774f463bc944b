import AdviceWorkflows
import ArgumentParser
import EnergyAdvice

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract:
            "Programme totals for the council report: households, kWh, €, t CO2, by measure, language and benefit."
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
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var staffLanguage: StaffLanguageOption

    func run() throws {
        let text = try dataOptions.staff(try dataOptions.advisor(), language: staffLanguage.lang)
        Output.out(
            try registerOptions.programme().summary(from: from, to: to, city: city, format: format, text: text))
    }
}
