import AdviceData
import AdviceReport
import ArgumentParser

struct Advise: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute the advice for a visit file and print it.",
        discussion: "JSON output is the esp-advice/1 document; text is a summary for the advisor."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The visit file (esp-visit/1 JSON).", valueName: "VISIT"))
    var visit: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let data = try dataOptions.locate()
        let advice = try report { () throws(DataError) in try AdvicePipeline.advise(visitPath: visit, data: data) }
        switch format {
        case .json:
            print(AdviceJSON.render(advice), terminator: "")
        case .text:
            let city = try report { () throws(DataError) in try data.tariffs.load(cityID: advice.city).city }
            print(AdviceText.render(advice, city: city), terminator: "")
        }
    }
}
