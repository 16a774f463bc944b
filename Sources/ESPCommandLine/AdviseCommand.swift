import AdviceData
import AdviceReport
import AdviceWorkflows
import ArgumentParser
import EnergyAdvice

struct AdviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Compute the advice for a visit file and print it.",
        discussion: """
            JSON output is the esp-advice/2 document (warning messages in German); text is the advice in the \
            household's language with the advisor's warnings, technical figures and assumptions.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The visit file (esp-visit/1 JSON).", valueName: "VISIT"))
    var visit: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Language of the text (default: the visit's language).", valueName: "LANG"))
    var lang: String?

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let decoded = try VisitFile.read(visit)
        let language = lang ?? decoded.language ?? VisitRules.languageDefault
        let advising = Advising(
            data: try dataOptions.snapshot(
                cities: .only([decoded.city]), languages: .only([language, VisitRules.languageDefault])))
        let advised = try advising.advise(decoded, source: visit)
        switch format {
        case .json: Output.out(AdviceJSON.render(advised.advice, message: try advising.warningWords()))
        case .text:
            Output.out(AdviceText.render(try advising.sheet(advised, language: language, audience: .office)))
        }
    }
}
