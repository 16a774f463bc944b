import AdviceData
import AdviceWorkflows
import ArgumentParser

struct TariffsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tariffs",
        abstract: "Check or list the tariff data.",
        subcommands: [Check.self, List.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a Tariffs folder against the schema and the semantic rules.",
            discussion: """
                Prints file:line: message for every problem: errors (the data cannot be used; exit 1) and \
                warnings (values that look mistyped, data that runs out within the warning window; exit 0). \
                ESP_TODAY=YYYY-MM-DD checks as of another day.
                """
        )

        @Argument(help: ArgumentHelp("The Tariffs folder (default: the one in use).", valueName: "DIR"))
        var directory: String?

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            let advisor = try dataOptions.advisor()
            let library = directory.map(TariffLibrary.init(directory:)) ?? advisor.data.tariffs
            try Output.report(
                DataChecks.tariffs(library, today: Environment.today(), text: try dataOptions.staff(advisor)))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the cities and their current prices.")

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            Output.out(try DataChecks.tariffList(dataOptions.advisor().data.tariffs))
        }
    }
}

struct LocalesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locales",
        abstract: "Check or list the advice texts in Locales/.",
        subcommands: [Check.self, List.self, New.self]
    )

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a new language: Locales/LANG.xlf with every unit to translate.")

        @Argument(help: ArgumentHelp("The language tag, e.g. uk, ar, fa.", valueName: "LANG"))
        var language: String

        @Flag(name: .long, help: "Replace an existing file of that language.")
        var force = false

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            let written = try DataChecks.newLanguage(
                directory: try dataOptions.advisor().data.localesPath, language: language, replacing: force)
            Output.line("\(written.file): \(written.next)")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check every language against the German source: coverage, missing and extra ids, placeholders, plurals.",
            discussion: "Prints file:line: [warning: ]message; exits 1 when there is an error."
        )

        @Argument(help: ArgumentHelp("The Locales folder (default: the one in use).", valueName: "DIR"))
        var directory: String?

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            let advisor = try dataOptions.advisor()
            try Output.report(
                DataChecks.locales(
                    directory: directory ?? advisor.data.localesPath, text: try dataOptions.staff(advisor)))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the languages that have texts.")

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            Output.out(DataChecks.languages(directory: try dataOptions.advisor().data.localesPath))
        }
    }
}
