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
