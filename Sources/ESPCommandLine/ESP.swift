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
            SummaryCommand.self, TariffsCommand.self, LocalesCommand.self,
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

/// `--data DIR`, shared by every command that reads Tariffs/ or Locales/.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder that holds Tariffs/ and Locales/ (default: $ESP_DATA, the installed data, or the checkout).", valueName: "DIR"))
    var data: String?

    /// The advice use cases on the data folder found.
    func advisor() throws(WorkflowError) -> Advisor {
        try Advisor.locate(explicit: data, environment: Environment.variables,
                           executablePath: Environment.executablePath) { Output.error("esp: \($0)") }
    }
}

/// `--register FILE`, shared by every command that reads or writes the visit register.
struct RegisterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The register database (default: $XDG_DATA_HOME/esp/register.sqlite).", valueName: "FILE"))
    var register: String?

    func programme() throws(WorkflowError) -> Programme {
        try Programme.open(path: register, environment: Environment.variables)
    }
}
