import AdviceData
import AdviceLocalization
import AdviceReport
import ArgumentParser

struct Advise: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute the advice for a visit file and print it.",
        discussion: "JSON output is the esp-advice/1 document; text is the advice in the household's language."
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
            print(AdviceJSON.render(advice), terminator: "")
        case .text:
            let localizer = try texts(data, language: lang ?? advice.language)
            print(AdviceText.render(SheetBuilder(localizer: localizer).build(advice, city: city)), terminator: "")
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
