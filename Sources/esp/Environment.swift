#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import EnergyAdvice

/// The few facts about the process the commands need, read without Foundation.
enum Environment {
    static var variables: [String: String] {
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
    static func today() throws(ExitCode) -> CalendarDate {
        if let given = variables["ESP_TODAY"] {
            guard let day = CalendarDate(iso: given) else {
                Output.error("esp: ESP_TODAY=\(given) is not a date: use YYYY-MM-DD, e.g. 2027-11-15")
                throw ExitCode(1)
            }
            return day
        }
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil,
              let day = CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        else {
            Output.error("esp: cannot read today's date from the system clock")
            throw ExitCode(1)
        }
        return day
    }

    /// The running binary, for finding installed data beside it.
    static var executablePath: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return CommandLine.arguments.first }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

enum Output {
    static func error(_ text: String) {
        raw(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes to standard error as it is, for progress lines that rewrite themselves.
    static func raw(_ line: String) {
        // File descriptor 2 directly: the C `stderr` global is not concurrency-safe in Swift 6.
        var bytes = Array(line.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
