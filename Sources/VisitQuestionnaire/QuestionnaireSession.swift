import EnergyAdvice

/// How a session ended.
public enum SessionEnd: Sendable, Equatable {
    /// Every question is answered and the recap confirmed; the visit is valid `esp-visit/1`.
    case finished(Visit)
    /// The input ended first; every answer so far was saved.
    case endOfInput
    /// The advisor called the change off at the recap (only when the session allows it, as `esp visit edit` does).
    case cancelled
}

/// Runs a ``Questionnaire`` against a ``Prompter``: asks, shows what became of each answer, saves the draft after
/// every change, before the next question is shown, and ends with a recap of the household that the advisor
/// confirms, or answers with the number or id of an answer to change.
public struct QuestionnaireSession {
    /// The questionnaire in its current state.
    public private(set) var questionnaire: Questionnaire
    /// Answers given in advance by question id (e.g. `city` from `--city`), used once when their question comes up.
    private var prefill: [String: String]
    private var lastSection: String?
    /// The recap's question, e.g. "Speichern?".
    private let confirmation: String
    /// True when `abbrechen` at the recap ends the session without a visit.
    private let mayCancel: Bool

    /// A session over a new or resumed questionnaire.
    /// - Parameters:
    ///   - confirmation: the recap's question.
    ///   - mayCancel: whether `abbrechen` at the recap ends the session without a visit (editing a file).
    public init(
        _ questionnaire: Questionnaire, prefill: [String: String] = [:], confirmation: String = "Speichern?",
        mayCancel: Bool = false
    ) {
        self.questionnaire = questionnaire
        self.prefill = prefill
        self.confirmation = confirmation
        self.mayCancel = mayCancel
    }

    /// The words that call an edit off at the recap.
    public static let cancelWords = ["abbrechen", "abbruch", "q"]

    /// Asks until the recap is confirmed, the input ends or (when allowed) the advisor cancels.
    ///
    /// - Parameters:
    ///   - save: called with the draft after every accepted answer and every step back; when it throws, the session
    ///     stops with that error, so the advisor never answers into a draft that is not saved.
    ///   - vet: checks the finished visit against the world before the recap (e.g. a visit id another file took
    ///     meanwhile); a problem reopens the visit id question with that message.
    /// - Throws: the error of `save`, ``QuestionnaireError/presetRejected(question:answer:reason:draftPath:)`` for a refused
    ///   prefilled answer, or the error of ``Questionnaire/visit()``.
    public mutating func run(
        _ prompter: inout some Prompter,
        save: (Draft) throws(QuestionnaireError) -> Void,
        vet: (Visit) -> String? = { _ in nil }
    ) throws(QuestionnaireError) -> SessionEnd {
        while true {
            if let question = questionnaire.currentQuestion {
                guard try ask(question, &prompter, save: save) else { return .endOfInput }
                continue
            }
            let visit = try questionnaire.visit()
            if let problem = vet(visit), questionnaire.reopen("visitId") {
                prompter.show(.problem(problem))
                try save(questionnaire.draft)
                continue
            }
            switch try recap(visit, &prompter, save: save) {
            case .some(let end): return end
            case .none: continue
            }
        }
    }

    /// Asks one question; false at the end of input.
    private mutating func ask(
        _ question: Question, _ prompter: inout some Prompter, save: (Draft) throws(QuestionnaireError) -> Void
    ) throws(QuestionnaireError) -> Bool {
        if question.section != lastSection {
            prompter.show(.section(question.section))
            lastSection = question.section
        }
        let text: String
        let preset = prefill.removeValue(forKey: question.id)
        if let preset {
            text = preset
            prompter.show(.note("\(question.prompt): \(preset) (vorgegeben)"))
        } else {
            guard let line = prompter.answer(question) else { return false }
            text = line
        }
        switch questionnaire.answer(text) {
        case .accepted(let warning, let note):
            if let note { prompter.show(.note(note)) }
            if let warning { prompter.show(.warning(warning)) }
            try save(questionnaire.draft)
        case .rejected(let message):
            if preset != nil {
                throw .presetRejected(question: question.id, answer: text, reason: message, draftPath: nil)
            }
            prompter.show(.problem(message))
        case .back:
            if let previous = questionnaire.currentQuestion {
                prompter.show(.note("Zurück zu: \(previous.prompt)"))
                if previous.section != question.section {
                    prompter.show(.section(previous.section))
                    lastSection = previous.section
                }
            }
            try save(questionnaire.draft)
        }
        return true
    }

    /// Shows the recap and asks for confirmation; nil when the advisor goes back to a question.
    private mutating func recap(
        _ visit: Visit, _ prompter: inout some Prompter, save: (Draft) throws(QuestionnaireError) -> Void
    ) throws(QuestionnaireError) -> SessionEnd? {
        prompter.show(.section("Zusammenfassung"))
        lastSection = "Zusammenfassung"
        for line in VisitRecap.lines(visit) { prompter.show(.note(line)) }
        for (question, warning) in questionnaire.warnings { prompter.show(.warning("\(question.prompt): \(warning)")) }
        while true {
            guard let line = prompter.answer(recapQuestion) else { return .endOfInput }
            let text = line.trimmed
            if text.isEmpty || AnswerWords.isYes(text) { return .finished(visit) }
            if mayCancel && Self.cancelWords.contains(text.lowercased()) { return .cancelled }
            if text == "?" || text.lowercased() == "liste" {
                for entry in VisitRecap.answerList(questionnaire) { prompter.show(.note(entry)) }
                continue
            }
            let target =
                AnswerWords.isBack(text) ? questionnaire.answers.last?.question : questionnaire.answerID(for: text)
            guard let target, questionnaire.reopen(target) else {
                prompter.show(
                    .problem(
                        "„\(text)“: bitte „j“ zum Speichern, die Nummer einer Antwort (Liste mit „?“) oder „<“ eingeben."
                    ))
                continue
            }
            try save(questionnaire.draft)
            return nil
        }
    }

    private var recapQuestion: Question {
        var help =
            "Enter = speichern; Nummer oder Kennung einer Antwort = ändern; „?“ = alle Antworten; „<“ = letzte Frage"
        if mayCancel { help += "; „abbrechen“ = nichts ändern" }
        return Question(
            id: "recap", section: "Zusammenfassung", prompt: confirmation, help: help, defaultAnswer: "j", kind: .text)
    }
}
