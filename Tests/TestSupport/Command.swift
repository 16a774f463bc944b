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

    /// `esp` with `arguments`, as from the command line.
    public static func run(_ arguments: [String]) -> Result {
        oneAtATime.withLock { _ in
            let (status, out, error) = Output.capturing { ESP.run(arguments) }
            return Result(status: status, stdout: out, stderr: error)
        }
    }
}
