#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something the session tells the advisor besides the questions.
public enum PrompterMessage: Sendable, Equatable {
    /// A new section begins, e.g. "Haushalt".
    case section(String)
    /// Information: what was made of an answer, where the draft is, how to go on.
    case note(String)
    /// An allowed but implausible value.
    case warning(String)
    /// A refused answer and why; the question comes again.
    case problem(String)
}

/// The I/O of a questionnaire session: shows questions and messages, returns answer lines.
public protocol Prompter {
    /// Shows `question` and returns the advisor's answer line, or nil at the end of input (the session then stops
    /// and keeps the draft).
    mutating func answer(_ question: Question) -> String?
    /// Shows a message.
    mutating func show(_ message: PrompterMessage)
}

/// A prompter that answers from a list, for tests and scripts; it records what it was asked and told.
public struct ScriptedPrompter: Prompter {
    /// The answers not yet given; when empty, the next question gets nil (end of input).
    public private(set) var remaining: [String]
    /// Every question shown, in order, including repeated ones.
    public private(set) var asked: [Question] = []
    /// Every message shown, in order.
    public private(set) var messages: [PrompterMessage] = []

    /// A prompter that gives these answers in order, then reports the end of input.
    public init(_ answers: [String]) {
        self.remaining = answers
    }

    /// Records the question and returns the next scripted answer, or nil when the script is used up.
    public mutating func answer(_ question: Question) -> String? {
        asked.append(question)
        guard !remaining.isEmpty else { return nil }
        return remaining.removeFirst()
    }

    /// Records the message.
    public mutating func show(_ message: PrompterMessage) {
        messages.append(message)
    }
}

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

/// How questions and messages look in a terminal; shared by ``TerminalPrompter`` and tests.
public enum QuestionText {
    /// The help line, the list of choices and the prompt line, ending with `: ` and no newline, e.g.
    /// `Wohnfläche (m²) [65]: `.
    public static func render(_ question: Question) -> String {
        var text = ""
        if let help = question.help { text += "  (\(help))\n" }
        if case .choice(let choices) = question.kind {
            for (index, choice) in choices.enumerated() {
                text += "  \(index + 1)  \(choice.label)\n"
            }
        }
        text += question.prompt
        if let unit = question.unit { text += " (\(unit))" }
        if case .yesNo = question.kind { text += " (j/n)" }
        if case .date = question.kind { text += " (TT.MM.JJJJ)" }
        if let shown = question.displayDefault { text += " [\(shown)]" }
        return text + ": "
    }

    /// One message as lines: sections as headings, warnings and problems marked.
    public static func render(_ message: PrompterMessage) -> String {
        switch message {
        case .section(let title): "\n== \(title) ==\n"
        case .note(let text): "  \(text)\n"
        case .warning(let text): "  Achtung: \(text)\n"
        case .problem(let text): "  Nicht übernommen: \(text)\n"
        }
    }
}

/// Prints a line on Ctrl-C or SIGTERM before the process ends, e.g. where the draft is and how to resume.
///
/// The draft is saved after every answer, so nothing is lost when the process ends; this only tells the advisor.
/// The handler does nothing but `write` and `_exit`, the async-signal-safe way.
public enum InterruptNotice {
    /// The message, as C bytes that the handler can write without allocating. Set before the handler is installed;
    /// an older message is never freed (a handler may be writing it), which costs a few bytes per install.
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?

    /// Installs the handler for SIGINT and SIGTERM with this text (a newline is added).
    public static func install(_ text: String) {
        let bytes = Array(("\n" + text + "\n").utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        message = buffer
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
    }

    private static let handler: @convention(c) (Int32) -> Void = { signalNumber in
        if let text = InterruptNotice.message {
            _ = write(2, text, strlen(text))
        }
        _exit(128 + signalNumber)
    }
}
