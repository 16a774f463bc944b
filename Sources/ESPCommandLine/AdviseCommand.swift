import AdviceWorkflows
import ArgumentParser

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
        let advisor = try dataOptions.advisor()
        switch format {
        case .json: Output.out(try advisor.adviceJSON(visitPath: visit))
        case .text: Output.out(try advisor.adviceText(visitPath: visit, language: lang))
        }
    }
}
