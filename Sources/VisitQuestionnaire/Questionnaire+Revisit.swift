import EnergyAdvice

/// Changing an answer in the middle without answering everything after it again: the later answers are carried and
/// taken again, question by question, as long as they still fit (an answer is kept by its question's id, so a
/// household of 3 instead of 2 keeps its lamps, and a lamp list that now ends earlier drops the rows after it).
extension Questionnaire {
    /// A questionnaire that answers itself from `answers` (e.g. those of a finished visit file) as far as they fit,
    /// and stops at the first question they do not answer.
    public init(setup: QuestionnaireSetup, carrying answers: [DraftAnswer]) {
        self.init(setup: setup)
        carried = answers
        takeCarriedAnswers()
    }

    /// Asks the question answered by `questionID` again, its answer as the default; the answers after it are carried.
    /// - Returns: false when no answer has that id.
    @discardableResult
    public mutating func reopen(_ questionID: String) -> Bool {
        guard let index = answers.firstIndex(where: { $0.question == questionID }) else { return false }
        // Answers that pick items by number remember the list they picked from: a changed list asks them again.
        let later = answers.indices[index...].map { position -> DraftAnswer in
            var answer = answers[position]
            if position < evaluation.questions.count, let meaning = evaluation.questions[position].meaning {
                answer.asked = meaning
            }
            return answer
        }
        let ids = Set(later.map(\.question))
        carried = later + carried.filter { !ids.contains($0.question) }
        answers.removeSubrange(index...)
        evaluation = Self.evaluate(setup, answers)
        return true
    }

    /// The id of the answer at a 1-based number in ``answers``, or the id itself when an answer has it; nil for
    /// anything else. What the advisor types to change an answer: `12` or `household.persons`.
    public func answerID(for typed: String) -> String? {
        let text = typed.trimmed
        if let number = Int(text) {
            return number >= 1 && number <= answers.count ? answers[number - 1].question : nil
        }
        return answers.first { $0.question == text }?.question
    }

    /// Takes carried answers for as long as the next question has one that still fits; a carried answer that no
    /// longer fits is dropped and its question asked.
    mutating func takeCarriedAnswers() {
        while case .asking(let question) = evaluation.state,
            let index = carried.firstIndex(where: { $0.question == question.id })
        {
            let kept = carried.remove(at: index)
            // Picked from another list than the one asked now (a tap added or changed): ask it afresh.
            if let asked = kept.asked, asked != question.meaning { return }
            guard case .value(let parsed) = question.parse(kept.answer), liveProblem(question, parsed) == nil else {
                return
            }
            let trial = answers + [DraftAnswer(question: question.id, answer: parsed.stored)]
            let next = Self.evaluate(setup, trial)
            if case .failed = next.state { return }
            answers = trial
            evaluation = next
        }
    }

    /// What only a new answer is checked for, not a stored one: a visit id that a file in the folder already has.
    func liveProblem(_ question: Question, _ parsed: ParsedAnswer) -> String? {
        guard question.id == "visitId", case .text(let id) = parsed.value, let file = setup.takenVisitIds[id] else {
            return nil
        }
        let free = question.defaultAnswer.flatMap { setup.takenVisitIds[$0] == nil ? $0 : nil }
        return "Die Besuchsnummer \(id) hat schon \(file). "
            + (free.map { "Enter übernimmt die freie Nummer \($0)." } ?? "Bitte eine andere Nummer eingeben.")
    }
}

extension Question {
    /// What a hand-out answer picks from: its prompt and the numbered list, which depend on earlier answers. Nil for
    /// questions whose answers mean the same whatever came before.
    var meaning: String? {
        guard id.hasPrefix("handouts.") else { return nil }
        return prompt + (help.map { " | " + $0 } ?? "")
    }

    /// The same question with another default, in the stored form.
    func defaulting(to stored: String) -> Question {
        Question(
            id: id, section: section, prompt: prompt, unit: unit, help: help, defaultAnswer: stored,
            isOptional: isOptional, kind: kind, textRule: textRule, conversions: conversions)
    }
}
