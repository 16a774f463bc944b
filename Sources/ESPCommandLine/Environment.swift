import AdviceWorkflows
import EnergyAdvice
import SafeFiles

#if canImport(Glibc)
import Glibc
#endif

/// The few facts about the process the commands need, read without Foundation.
public enum Environment {
    /// Stands in for the process's environment while a test runs a command in process (for that task only).
    @TaskLocal static var standIn: [String: String]?

    static var variables: [String: String] {
        if let given = standIn { return given }
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }

    /// Today in local time; `ESP_TODAY=YYYY-MM-DD` stands in for the clock (tests, and checking a folder as of a
    /// later day).
    /// A mistyped `ESP_TODAY` ends the command: checking as of the real day instead would hide the warnings asked for.
    static func today() throws(CommandFailure) -> CalendarDate {
        if let given = variables["ESP_TODAY"] {
            guard let day = CalendarDate(iso: given) else {
                throw CommandFailure(summary: "ESP_TODAY=\(given) is not a date: use YYYY-MM-DD, e.g. 2027-11-15")
            }
            return day
        }
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil,
            let day = CalendarDate(
                year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        else {
            throw CommandFailure(summary: "cannot read today's date from the system clock")
        }
        return day
    }

    /// `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), else now, as `YYYY-MM-DDThh:mm:ssZ` for
    /// the PDF's creation date.
    static func creationDate() -> String {
        var seconds = time(nil)
        if let text = variables["SOURCE_DATE_EPOCH"], let given = Int(text) { seconds = time_t(given) }
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "1970-01-01T00:00:00Z" }
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// True when standard error is a terminal, where a progress bar can redraw itself.
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    /// Runs `body` with `variables` in place of the process's environment; for tests that run a command in process.
    public static func with<T: Sendable>(_ variables: [String: String], _ body: () async -> T) async -> T {
        await $standIn.withValue(variables) { await body() }
    }

    /// The running binary, for finding installed data beside it.
    static var executablePath: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return CommandLine.arguments.first }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
