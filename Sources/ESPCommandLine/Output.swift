import AdviceWorkflows
import OfficeReports
import SafeFiles

#if canImport(Glibc)
import Glibc
#endif

/// Standard output and error of the command line, written with `write(2)` (the C `stdout` and `stderr` globals
/// are not concurrency-safe in Swift 6). A test may capture both instead (``capturing(_:)``): the capture belongs to
/// the task that runs the command, so tests run commands side by side.
public enum Output {
    /// What a test captures in place of the process's streams.
    final class Capture: Sendable {
        let out = Locked("")
        let error = Locked("")
    }

    @TaskLocal private static var capture: Capture?

    /// Text as it is, to standard output.
    static func out(_ text: String) {
        if let capture { return capture.out.withLock { $0 += text } }
        write(1, text)
    }

    /// One line to standard output.
    static func line(_ text: String) { out(text + "\n") }

    /// One line to standard error.
    static func error(_ text: String) {
        raw(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Text as it is to standard error, for progress lines that rewrite themselves.
    static func raw(_ text: String) {
        if let capture { return capture.error.withLock { $0 += text } }
        write(2, text)
    }

    /// A check's answer: its problems on standard error, its lines on standard output, and a failure as the error
    /// that ends the command.
    static func report(_ report: DataCheckText.Report) throws(CommandFailure) {
        for diagnostic in report.diagnostics { error(diagnostic.description) }
        report.lines.forEach(line)
        if let failure = report.failure { throw CommandFailure(summary: failure) }
    }

    /// Runs `body` with both streams captured; for tests that run a command in this process.
    public static func capturing(_ body: () async -> Int32) async -> (status: Int32, out: String, error: String) {
        let captured = Capture()
        let status = await $capture.withValue(captured) { await body() }
        return (status, captured.out.withLock { $0 }, captured.error.withLock { $0 })
    }

    private static func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
