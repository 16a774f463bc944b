import AdviceWorkflows
import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// The `esp` command line: its subcommands, and the one place where errors become messages and exit statuses.
public struct ESP: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "esp",
        abstract: "Energy-saving advice for low-income households (after the Nürnberg EnergieSparProjekt).",
        version: "esp 0.2.0 (calculation rules 2)",
        subcommands: [
            AdviseCommand.self, ReportCommand.self, VisitCommand.self, RegisterCommand.self, FollowUpCommand.self,
            SummaryCommand.self, CompareCommand.self, TariffsCommand.self, LocalesCommand.self,
        ]
    )

    public init() {}

    /// Runs the process's command line and exits with its status.
    public static func main() {
        Glibc.exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Parses and runs one command line; the one place where errors become messages and exit statuses.
    /// - Returns: the exit status.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as WorkflowError {
            if case .interviewStopped(let message) = error {
                Output.error(message)
            } else {
                Output.error("esp: \(error)")
            }
            return error.exitCode
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
