import ESPCommandLine
import SafeFiles

/// Runs `esp` commands in this process and captures what they print, so a test needs no built binary and no
/// subprocess. The captured streams and the environment belong to the running task, so commands may run side by
/// side.
public enum Command {
    /// What a command printed and its exit status.
    public struct Result: Sendable, Equatable {
        /// The exit status: 0 for success.
        public var status: Int32
        /// Standard output: the command's result.
        public var stdout: String
        /// Standard error: errors and warnings.
        public var stderr: String
    }

    /// `esp` with `arguments`, as from the command line, with `environment` as its whole environment (by default
    /// only `ESP_DATA` pointing at the checkout).
    public static func run(_ arguments: [String], environment: [String: String] = ["ESP_DATA": Checkout.root]) async
        -> Result
    {
        let (status, out, error) = await Environment.with(environment) {
            await Output.capturing { await ESP.run(arguments) }
        }
        return Result(status: status, stdout: out, stderr: error)
    }
}
