import AdviceData
import AdviceLocalization
import AdviceReport
import ArgumentParser
import EnergyAdvice

struct Advise: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        let data = try dataOptions.locate()
        let (advice, city) = try report { () throws(DataError) in try AdviceSession(data: data).advise(visitPath: visit) }
        switch format {
        case .json:
            let staff = SheetBuilder(localizer: try texts(data, language: VisitRules.languageDefault))
            print(AdviceJSON.render(advice, message: staff.warning), terminator: "")
        case .text:
            let localizer = try texts(data, language: lang ?? advice.language)
            let sheet = SheetBuilder(localizer: localizer).build(advice, office: city.office, audience: .office)
            print(AdviceText.render(sheet), terminator: "")
        }
    }
}

/// The texts of one language; their fallbacks to German are told on standard error.
func texts(_ data: DataDirectory, language: String) throws -> Localizer {
    do {
        let localizer = try LocaleLibrary(directory: data.localesPath).localizer(language: language)
        localizer.warnings.forEach { Output.error("esp: \($0)") }
        return localizer
    } catch {
        Output.error("esp: \(error.description)")
        throw ExitCode(1)
    }
}
