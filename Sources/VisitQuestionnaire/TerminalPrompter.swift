#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal: questions and messages on standard output, answers from standard input (`readLine`).
///
/// Works the same with a keyboard or with answers piped in; when standard input is not a terminal the answers are
/// echoed, so the transcript reads like a dialogue.
public struct TerminalPrompter: Prompter {
    /// Echo each answer after its prompt (for piped input).
    public var echoAnswers: Bool

    /// A prompter on standard input and output; echoes answers unless standard input is a terminal.
    public init() {
        self.echoAnswers = isatty(0) == 0
    }

    /// A prompter with explicit echo behaviour.
    public init(echoAnswers: Bool) {
        self.echoAnswers = echoAnswers
    }

    /// Prints the question and reads one line; nil at the end of input (Ctrl-D or the end of a pipe).
    public mutating func answer(_ question: Question) -> String? {
        Self.write(QuestionText.render(question))
        guard let line = readLine(strippingNewline: true) else {
            Self.write("\n")
            return nil
        }
        if echoAnswers { Self.write(line + "\n") }
        return line
    }

    /// Prints the message on standard output.
    public mutating func show(_ message: PrompterMessage) {
        Self.write(QuestionText.render(message))
    }

    /// Writes to standard output at once (prompts end without a newline, so buffering would hide them).
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            #if canImport(Glibc)
            let n = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            #else
            let n = bytes.withUnsafeBytes { Darwin.write(1, $0.baseAddress, $0.count) }
            #endif
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            bytes = bytes.dropFirst(n)
        }
    }
}
