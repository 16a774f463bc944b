import AdviceData
import AdviceWorkflows
import ArgumentParser
import OfficeReports
import SafeFiles

struct TariffsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tariffs",
        abstract: "Check or list the tariff data.",
        subcommands: [Check.self, List.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
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

        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() throws {
            let library = try directory.map(TariffLibrary.init(directory:)) ?? dataOptions.directory().tariffs
            let checked = DataChecks.tariffs(library, today: try Environment.today())
            let text = try staffText(dataOptions, staffLanguage)
            try Output.report(
                DataCheckText(text: text).tariffs(checked.directory, check: checked.check, cities: checked.cities))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Show the cities and their current prices.")

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            Output.out(DataCheckText.tariffList(try DataChecks.tariffList(dataOptions.directory().tariffs)))
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
            commandName: "new",
            abstract: "Start a new language: Locales/LANG.xlf with every unit to translate.")

        @Argument(help: ArgumentHelp("The language tag, e.g. uk, ar, fa.", valueName: "LANG"))
        var language: String

        @Flag(name: .long, help: "Replace an existing file of that language.")
        var force = false

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            let folder = try dataOptions.directory().localesPath
            let template = try DataChecks.newLanguage(directory: folder, language: language)
            let file = FilePath.join(folder, template.fileName)
            do {
                try FileOutput.write(template.xliff, to: file, mode: 0o644, replacing: force)
            } catch {
                if case .outputExists = error {
                    throw CommandFailure(summary: "\(file) exists already; use --force to start it anew")
                }
                throw error
            }
            let plurals =
                template.hasPluralRules
                ? "" : " CLDR has no plural rules for \"\(language)\": plurals will use their 'other' form."
            Output.line(
                "\(file): \(template.units) units to translate. Write each text in <target>, then run esp locales check."
                    + plurals)
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract:
                "Check every language against the German source: coverage, missing and extra ids, placeholders, plurals.",
            discussion: "Prints file:line: [warning: ]message; exits 1 when there is an error."
        )

        @Argument(help: ArgumentHelp("The Locales folder (default: the one in use).", valueName: "DIR"))
        var directory: String?

        @OptionGroup var dataOptions: DataOptions

        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() throws {
            let checked = DataChecks.locales(directory: try directory ?? dataOptions.directory().localesPath)
            let text = try staffText(dataOptions, staffLanguage)
            try Output.report(
                DataCheckText(text: text).locales(checked.directory, household: checked.household, staff: checked.staff)
            )
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Show the languages that have texts.")

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            Output.out(
                DataCheckText.languages(DataChecks.languages(directory: try dataOptions.directory().localesPath)))
        }
    }
}

/// The staff texts of a check's report.
private func staffText(_ data: DataOptions, _ language: StaffLanguageOption) throws(WorkflowError) -> StaffText {
    try data.snapshot(staff: .only([language.language])).staff(language.language)
}
