import EnergyAdvice

/// How a session ended.
public enum SessionEnd: Sendable, Equatable {
    /// Every question is answered; the visit is valid `esp-visit/1`.
    case finished(Visit)
    /// The input ended first; every answer so far was saved.
    case endOfInput
}

/// Runs a ``Questionnaire`` against a ``Prompter``: asks, shows what became of each answer, and saves the draft after
/// every change, before the next question is shown.
public struct QuestionnaireSession {
    /// The questionnaire in its current state.
    public private(set) var questionnaire: Questionnaire
    /// Answers given in advance by question id (e.g. `city` from `--city`), used once when their question comes up.
    private var prefill: [String: String]
    private var lastSection: String?

    /// A session over a new or resumed questionnaire.
    public init(_ questionnaire: Questionnaire, prefill: [String: String] = [:]) {
        self.questionnaire = questionnaire
        self.prefill = prefill
    }

    /// Asks until the questionnaire is complete or the input ends.
    ///
    /// - Parameter save: called with the draft after every accepted answer and every step back; when it throws,
    ///   the session stops with that error, so the advisor never answers into a draft that is not saved.
    /// - Throws: the error of `save`, ``QuestionnaireError/presetRejected(question:answer:reason:draftPath:)`` for a refused
    ///   prefilled answer, or the error of ``Questionnaire/visit()``.
    public mutating func run(
        _ prompter: inout some Prompter,
        save: (Draft) throws(QuestionnaireError) -> Void
    ) throws(QuestionnaireError) -> SessionEnd {
        while let question = questionnaire.currentQuestion {
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
                guard let line = prompter.answer(question) else { return .endOfInput }
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
        }
        return .finished(try questionnaire.visit())
    }
}
