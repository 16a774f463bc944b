/// Lines for a terminal window: broken at spaces, never cut.
public enum TerminalText {
    /// A line broken at spaces into lines of at most ``width`` characters; continuation lines are indented under
    /// the text after a leading bullet (`  • `, `  ! `) or indent. A word longer than a line stays whole.
    public static func wrap(_ line: String, width: Int = 80) -> [String] {
        guard line.count > width else { return [line] }
        let indentCount = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indentCount)
        let hanging = rest.hasPrefix("• ") || rest.hasPrefix("! ") || rest.hasPrefix("[") ? 2 : 0
        let continuation = String(repeating: " ", count: min(indentCount + hanging, width / 2))
        var lines: [String] = []
        var current = String(line.prefix(indentCount))
        var currentHasWord = false
        for word in rest.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = currentHasWord ? current + " " + word : current + word
            if candidate.count > width && currentHasWord {
                lines.append(current)
                current = continuation + word
            } else {
                current = candidate
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }

    /// Every line of `text` wrapped; the text ends in a newline when it did.
    public static func wrapped(_ text: String, width: Int = 80) -> String {
        let ends = text.hasSuffix("\n")
        let lines = (ends ? String(text.dropLast()) : text).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.flatMap { wrap(String($0), width: width) }.joined(separator: "\n") + (ends ? "\n" : "")
    }
}
