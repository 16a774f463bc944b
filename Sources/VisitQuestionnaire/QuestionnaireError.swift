/// Everything that can go wrong around a questionnaire, each with a message that names the file and what to do.
public enum QuestionnaireError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The draft file cannot be read: missing, not a regular file, too large or not permitted.
    case draftUnreadable(path: String, reason: String)
    /// The draft file is not JSON.
    case draftMalformed(path: String, line: Int, column: Int, message: String)
    /// The draft is JSON with the right schema but the wrong shape; `field` is a JSON path such as `answers[3].answer`.
    case draftInvalid(path: String, line: Int, column: Int, field: String, message: String)
    /// The file is another kind of document: another schema (e.g. a finished `esp-visit/1` visit) or none.
    case draftForeignSchema(path: String, found: String?)
    /// An answer in the draft does not fit the questionnaire at its place (1-based `answerNumber`).
    case draftDoesNotReplay(path: String, answerNumber: Int, question: String, reason: String)
    /// A new draft would replace an existing file.
    case draftExists(path: String)
    /// The visit file would replace an existing file; the answers stay in `draftPath` when there is one.
    case outputExists(path: String, draftPath: String?)
    /// Writing a file failed (disk full, no permission, …).
    case cannotWrite(path: String, reason: String)
    /// ``Questionnaire/visit()`` was called before the last question was answered.
    case incomplete(nextQuestion: String)
    /// The answers make a visit that `esp-visit/1` refuses; a bug in the questionnaire, reported instead of written.
    case invalidVisit(reason: String)
    /// An answer given in advance (e.g. `--city`) was refused; `draftPath` holds the answers before it, if any.
    case presetRejected(question: String, answer: String, reason: String, draftPath: String?)

    /// The message for the advisor: file first, then what is wrong and what to do.
    public var description: String {
        switch self {
        case .draftUnreadable(let path, let reason):
            return "\(path): cannot read the draft: \(reason)"
        case .draftMalformed(let path, let line, let column, let message):
            return "\(path):\(line):\(column): not a draft (not valid JSON): \(message); the file was left as it is"
        case .draftInvalid(let path, let line, let column, let field, let message):
            let at = field.isEmpty ? "" : "\(field): "
            return
                "\(path):\(line):\(column): \(at)\(message); not a valid \(Draft.schema) draft, the file was left as it is"
        case .draftForeignSchema(let path, let found):
            guard let found else {
                return
                    "\(path): not an esp visit draft: it has no \"schema\": \"\(Draft.schema)\"; the file was left as it is"
            }
            let hint = found == "esp-visit/1" ? " (this is a finished visit file; use it with esp advise)" : ""
            return "\(path): not an esp visit draft: its schema is \"\(found)\", expected \"\(Draft.schema)\"\(hint); "
                + "the file was left as it is"
        case .draftDoesNotReplay(let path, let number, let question, let reason):
            return
                "\(path): answer \(number) (\(question)) cannot be replayed: \(clause(reason)); the file was left as it is"
        case .draftExists(let path):
            return
                "\(path) already exists; continue it with: esp visit resume \(VisitInterview.shellQuoted(path))  (or move it away to start anew)"
        case .outputExists(let path, let draftPath):
            let keep =
                draftPath.map {
                    "; the answers are kept in \($0): esp visit resume \(VisitInterview.shellQuoted($0)) -o OTHER.json"
                } ?? ""
            return "\(path) already exists and is not replaced\(keep)"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write: \(reason)"
        case .incomplete(let question):
            return "the questionnaire is not finished; next question: \(question)"
        case .invalidVisit(let reason):
            return "the answers do not make a valid visit (please report this): \(reason)"
        case .presetRejected(let question, let answer, let reason, let draftPath):
            let keep =
                draftPath.map {
                    "; the answers before it are kept, continue with: esp visit resume \(VisitInterview.shellQuoted($0))"
                } ?? ""
            return "\(question) = \"\(answer)\" is not accepted: \(clause(reason))\(keep)"
        }
    }

    /// A German sentence from the questionnaire, without its full stop, to go on with "; …".
    private func clause(_ sentence: String) -> String {
        sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
    }
}
