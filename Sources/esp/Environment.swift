#if canImport(Glibc)
import Glibc
#endif

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
