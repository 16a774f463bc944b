import AdviceData
import AdviceWorkflows
import ArgumentParser
import EnergyAdvice
import Foundation
import OfficeReports
import SQLiteVisitStore
import VisitRecords

struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract:
            "Keep advised visits in the register: list, show, export; audit, forget, disclose, purge; the office's.",
        subcommands: [
            Add.self, List.self, Show.self, Export.self, Audit.self, Forget.self, Disclose.self, Purge.self,
            Push.self, Pull.self, Setup.self, UsersCommand.self,
        ]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add visit files with their advice; adding the same visit again updates its advice.",
            discussion: """
                Each file is stored in one transaction: a bad file stores nothing and is reported, the others are \
                still stored. A visit is known by its id: another visit under a registered id is refused unless \
                --replace is given.
                """
        )

        @Argument(help: ArgumentHelp("Visit files (esp-visit/1 JSON), or folders of them.", valueName: "VISIT"))
        var visits: [String]

        @Flag(name: .long, help: "Replace a registered visit that has the same id but other content.")
        var replace = false

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() async throws {
            let paths = try VisitFiles.expand(visits)
            var readable: [(path: String, visit: Visit)] = []
            var failures: [String] = []
            for path in paths {
                do {
                    readable.append((path, try VisitFile.read(path)))
                } catch {
                    failures.append(ErrorWords(error).message + "\n(nothing of this file was added to the register)")
                }
            }
            let data = try dataOptions.snapshot(
                cities: .only(Set(readable.map(\.visit.city))), languages: .only([VisitRules.languageDefault]),
                staff: .only([staffLanguage.language]))
            let text = try data.staff(staffLanguage.language)
            let register = Registering(store: try await registerOptions.store(.write), advising: Advising(data: data))
            var added = 0
            let results = await register.recordAll(
                readable.map { ($0.path, $0.visit) }, replace: replace, now: SQLiteVisitStore.timestamp(),
                jobs: ProcessInfo.processInfo.activeProcessorCount)
            for ((path, visit), result) in zip(readable, results) {
                switch result {
                case .success(let (_, outcome)):
                    let id = outcome == .added ? "register.added" : "register.updated"
                    Output.line(text(id, ["visitId": .text(visit.visitId), "path": .text(path)]))
                    added += 1
                case .failure(let error):
                    let message = ErrorWords(error).message
                    failures.append(message.hasPrefix(path) ? message : "\(path): \(message)")
                }
            }
            for failure in failures { Output.error("esp: \(failure)") }
            if !failures.isEmpty {
                throw CommandFailure(
                    summary: text(
                        "register.addFailed",
                        [
                            "added": text.count(added), "total": text.count(paths.count),
                            "failed": text.count(failures.count),
                        ]))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the registered visits.")

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() async throws {
            let text = try dataOptions.snapshot(staff: .only([staffLanguage.language])).staff(staffLanguage.language)
            let store = try await registerOptions.store(.read)
            let visits = try await Registering.reading(store).visits()
            Output.out(RegisterText(text: text).list(visits))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one registered visit and its follow-ups.")

        @Argument(help: ArgumentHelp("The visit id.", valueName: "ID"))
        var id: String

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() async throws {
            let visit = try await Registering.reading(try await registerOptions.store(.read)).visit(id: id)
            // The city file gives the city's name.
            let text = try dataOptions.snapshot(cities: .only([visit.city]), staff: .only([staffLanguage.language]))
                .staff(staffLanguage.language)
            Output.out(RegisterText(text: text).show(visit))
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract:
                "Export the registered visits for analysis: no names, addresses, notes or advisors; ids pseudonymised."
        )

        @Option(name: .long, help: "csv or json.")
        var format: ExportFormat = .csv

        @Flag(name: .customLong("with-ids"), help: "Keep the real visit ids instead of pseudonyms.")
        var withIDs = false

        @OptionGroup var registerOptions: RegisterOptions

        func run() async throws {
            let register = Registering.reading(try await registerOptions.store(.read))
            Output.out(try await register.export(format: format, withIDs: withIDs))
        }
    }
}
