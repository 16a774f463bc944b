import AdviceWorkflows
import ArgumentParser
import SafeFiles

#if canImport(Glibc)
import Glibc
#endif

/// The `esp` command line: its subcommands, and the one place where errors become messages and exit statuses.
public struct ESP: AsyncParsableCommand {
    /// The commands of esp and its version.
    public static let configuration = CommandConfiguration(
        commandName: "esp",
        abstract: "Energy-saving advice for low-income households (after the Nürnberg EnergieSparProjekt).",
        version: "esp 0.3.0 (calculation rules 2, register schema 6)",
        subcommands: [
            AdviseCommand.self, ReportCommand.self, LettersCommand.self, VisitCommand.self, RegisterCommand.self,
            FollowUpCommand.self, SummaryCommand.self, CalibrationCommand.self, CompareCommand.self,
            TariffsCommand.self, LocalesCommand.self, ServeCommand.self,
        ]
    )

    /// The root command, as ArgumentParser makes it.
    public init() {}

    /// The web front end behind `esp serve`, handed in once by the `esp` executable before it runs the command line;
    /// nil where it is not linked (in-process tests of the commands). A lock, not a task-local value: a task-local
    /// pushed in the executable's top-level code crashed the statically linked release build.
    public static let webServer = Locked<(@Sendable (ServeSettings) async throws -> Void)?>(nil)

    /// Runs the process's command line and exits with its status.
    public static func runProcess() async {
        Glibc.exit(await run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Parses and runs one command line; the one place where errors become messages and exit statuses.
    /// - Returns: the exit status.
    public static func run(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as WorkflowError {
            let words = ErrorWords(error)
            Output.error(words.prefixed ? "esp: \(words.message)" : words.message)
            return words.exitStatus
        } catch let failure as CommandFailure {
            Output.error("esp: \(failure.summary)")
            return 1
        } catch {
            // ArgumentParser's own answers: help and version (exit 0, standard output), usage errors, ExitCode.
            let status = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if status == .success { Output.line(message) } else { Output.error(message) }
            }
            return status.rawValue
        }
    }
}

/// A command whose problems were reported one by one already; this sums them up and ends it with status 1.
struct CommandFailure: Error {
    var summary: String
}
