import AdviceLocalization
import AdviceReport
import ArgumentParser

struct Locales: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check or list the advice texts in Locales/.",
        subcommands: [Check.self, List.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every language against the German source: coverage, missing and extra ids, placeholders, plurals.",
            discussion: "Prints file:line: error|warning: message; exits 1 when there is an error."
        )

        @Argument(help: ArgumentHelp("The Locales folder (default: the one in use).", valueName: "DIR"))
        var directory: String?

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            let library = try LocaleLibrary(directory: directory ?? dataOptions.locate().localesPath)
            let report = library.check(requiredIDs: SheetBuilder.requiredMessageIDs)
            for language in report.languages {
                let percent = language.total == 0 ? 0 : 100 * language.translated / language.total
                print("\(language.language): \(language.translated)/\(language.total) units (\(percent) %)"
                      + (language.missing.isEmpty ? "" : ", missing: \(language.missing.joined(separator: ", "))")
                      + (language.extra.isEmpty ? "" : ", extra: \(language.extra.joined(separator: ", "))"))
            }
            report.issues.forEach { Output.error($0.description) }
            if report.hasErrors { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the languages that have texts.")

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            let library = try LocaleLibrary(directory: dataOptions.locate().localesPath)
            for language in library.languages() {
                let rules = PluralRules.forLanguage(language).map { "plural categories: " + $0.categories.sorted().map(\.rawValue).joined(separator: ", ") }
                    ?? "no built-in plural rules (uses 'other')"
                print("\(language)\(language == LocaleLibrary.sourceLanguage ? " (source)" : ""): \(rules)")
            }
        }
    }
}
