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
    /// The visit file named with `-o` would get a visit id that another visit file in its folder has.
    case visitIdTaken(id: String, takenBy: String, output: String)
    /// The visit file to edit cannot be read or is not a valid `esp-visit/1` file.
    case visitUnreadable(path: String, reason: String)
    /// The visit file holds values the questionnaire cannot ask for; editing it would lose them.
    case notEditable(path: String, fields: [String])

    /// The message for the advisor, in German: file first, then what is wrong and what to do.
    public var description: String {
        switch self {
        case .draftUnreadable(let path, let reason):
            return "\(path): Entwurf nicht lesbar: \(reason)"
        case .draftMalformed(let path, let line, let column, let message):
            return
                "\(path):\(line):\(column): kein Entwurf (kein gültiges JSON): \(message); die Datei bleibt, wie sie ist"
        case .draftInvalid(let path, let line, let column, let field, let message):
            let at = field.isEmpty ? "" : "\(field): "
            return "\(path):\(line):\(column): \(at)\(message); kein gültiger Entwurf (\(Draft.schema)), "
                + "die Datei bleibt, wie sie ist"
        case .draftForeignSchema(let path, let found):
            guard let found else {
                return "\(path): kein esp-Entwurf: \"schema\": \"\(Draft.schema)\" fehlt; die Datei bleibt, wie sie ist"
            }
            let hint =
                found == "esp-visit/1"
                ? " (das ist eine fertige Besuchsdatei: ändern mit esp visit edit \(VisitInterview.shellQuoted(path)))"
                : ""
            return "\(path): kein esp-Entwurf: sein Schema ist \"\(found)\", erwartet \"\(Draft.schema)\"\(hint); "
                + "die Datei bleibt, wie sie ist"
        case .draftDoesNotReplay(let path, let number, let question, let reason):
            return
                "\(path): Antwort \(number) (\(question)) passt nicht mehr: \(clause(reason)); die Datei bleibt, wie sie ist"
        case .draftExists(let path):
            return "\(path) gibt es schon; weiter mit: esp visit resume \(VisitInterview.shellQuoted(path))  "
                + "(oder die Datei wegräumen, um neu anzufangen)"
        case .outputExists(let path, let draftPath):
            let keep =
                draftPath.map {
                    "; die Antworten bleiben in \($0): esp visit resume \(VisitInterview.shellQuoted($0)) -o ANDERE.json"
                } ?? ""
            return "\(path) gibt es schon und wird nicht ersetzt (ändern mit esp visit edit)\(keep)"
        case .cannotWrite(let path, let reason):
            return "\(path): kann nicht geschrieben werden: \(reason)"
        case .incomplete(let question):
            return "Der Fragebogen ist nicht fertig; nächste Frage: \(question)"
        case .invalidVisit(let reason):
            return "Die Antworten ergeben keinen gültigen Besuch (bitte melden): \(reason)"
        case .presetRejected(let question, let answer, let reason, let draftPath):
            let keep =
                draftPath.map {
                    "; die Antworten davor bleiben, weiter mit: esp visit resume \(VisitInterview.shellQuoted($0))"
                } ?? ""
            return "\(question) = \"\(answer)\" geht nicht: \(clause(reason))\(keep)"
        case .visitIdTaken(let id, let takenBy, let output):
            return "Die Besuchsnummer \(id) (aus dem Dateinamen \(output)) hat schon \(takenBy). Bitte einen anderen "
                + "Dateinamen wählen, oder den Besuch ändern mit: esp visit edit \(VisitInterview.shellQuoted(takenBy))"
        case .visitUnreadable(let path, let reason):
            return "\(path): keine lesbare Besuchsdatei: \(reason)"
        case .notEditable(let path, let fields):
            return "\(path): enthält Angaben, die der Fragebogen nicht erfragt (\(fields.joined(separator: ", "))); "
                + "beim Ändern gingen sie verloren. Bitte diese Datei von Hand ändern; sie bleibt, wie sie ist"
        }
    }

    /// A German sentence from the questionnaire, without its full stop, to go on with "; …".
    private func clause(_ sentence: String) -> String {
        sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
    }
}
