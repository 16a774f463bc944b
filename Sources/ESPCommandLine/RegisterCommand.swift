import AdviceWorkflows
import ArgumentParser
import VisitRegister

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Keep advised visits in the register, list, show and export them.",
        subcommands: [Add.self, List.self, Show.self, Export.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add visit files with their advice; re-adding a visit id updates it.",
            discussion:
                "Each file is imported in one transaction: a bad file imports nothing and is reported, the others still import."
        )

        @Argument(help: ArgumentHelp("Visit files (esp-visit/1 JSON), or folders of them.", valueName: "VISIT"))
        var visits: [String]

        @Flag(name: .long, help: "Replace a registered visit that has the same id but comes from another file.")
        var replace = false

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() throws {
            let programme = try registerOptions.programme()
            let advisor = try dataOptions.advisor()
            let added = programme.add(
                visitPaths: try VisitFiles.expand(visits), advisor: advisor, replace: replace,
                text: try dataOptions.staff(advisor, language: staffLanguage.lang))
            added.lines.forEach(Output.line)
            for failure in added.failures { Output.error("esp: \(failure)") }
            if let summary = added.summary { throw WorkflowError.failed(summary: summary) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registered visits.")

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() throws {
            let text = try dataOptions.staff(try dataOptions.advisor(), language: staffLanguage.lang)
            Output.out(try registerOptions.programme().list(text: text))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one registered visit and its follow-ups.")

        @Argument(help: ArgumentHelp("The visit id.", valueName: "ID"))
        var id: String

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() throws {
            let text = try dataOptions.staff(try dataOptions.advisor(), language: staffLanguage.lang)
            Output.out(try registerOptions.programme().show(visitId: id, text: text))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the registered visits for analysis: no names, addresses or notes; ids pseudonymised."
        )

        @Option(name: .long, help: "csv or json.")
        var format: ExportFormat = .csv

        @Flag(name: .customLong("with-ids"), help: "Keep the real visit ids instead of pseudonyms.")
        var withIDs = false

        @OptionGroup var registerOptions: RegisterOptions

        func run() throws {
            Output.out(try registerOptions.programme().export(format: format, withIDs: withIDs))
        }
    }
}
