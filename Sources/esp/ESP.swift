import AdviceData
import ArgumentParser

@main
struct ESP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esp",
        abstract: "Energy-saving advice for low-income households (after the Nürnberg EnergieSparProjekt).",
        version: "esp 0.2.0 (calculation rules 2)",
        subcommands: [Advise.self, Report.self, Visit.self, Register.self, FollowUp.self, Summary.self, Tariffs.self, Locales.self]
    )
}

/// `--data DIR`, shared by every command that reads Tariffs/ or Locales/.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder that holds Tariffs/ and Locales/ (default: $ESP_DATA, the installed data, or the checkout).", valueName: "DIR"))
    var data: String?

    func locate() throws -> DataDirectory {
        try report { () throws(DataError) in
            try DataDirectory.locate(explicit: data, environment: Environment.variables, executablePath: Environment.executablePath)
        }
    }
}

/// Prints a data error for the advisor and exits with 1; every other error goes to ArgumentParser.
func report<T>(_ body: () throws(DataError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        Output.error("esp: \(error.description)")
        throw ExitCode(1)
    }
}
