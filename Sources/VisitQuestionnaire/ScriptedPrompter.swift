#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
