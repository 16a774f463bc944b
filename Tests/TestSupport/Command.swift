import ESPCommandLine
import SafeFiles

/// Runs `esp` commands in this process and captures what they print, so a test needs no built binary and no
/// subprocess. Commands run one at a time: standard output and error are the process's.
public enum Command {
    public struct Result: Sendable, Equatable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    private static let oneAtATime = Locked(())

    /// `esp` with `arguments`, as from the command line, with `environment` as its whole environment (by default
    /// only `ESP_DATA` pointing at the checkout).
    public static func run(_ arguments: [String], environment: [String: String] = ["ESP_DATA": Checkout.root]) -> Result
    {
        oneAtATime.withLock { _ in
            let (status, out, error) = Environment.with(environment) {
                Output.capturing { ESP.run(arguments) }
            }
            return Result(status: status, stdout: out, stderr: error)
        }
    }
}
