import EnergyAdvice

/// What became of a submitted screen.
public struct StepResult: Sendable, Equatable {
    /// Refused answers by question id, each with what is allowed.
    public var problems: [String: String] = [:]
    /// Other things to tell at a field by question id: a question that came up from the answers, a default that
    /// changed with them.
    public var notices: [String: String] = [:]
    /// True when every question of the screen is answered: the form goes on to the next screen (or the recap).
    public var isFinished: Bool

    /// A result: problems and notices by question id.
    public init(problems: [String: String] = [:], notices: [String: String] = [:], isFinished: Bool) {
        self.problems = problems
        self.notices = notices
        self.isFinished = isFinished
    }
}

extension VisitForm {
    /// Lists whose rows the form shows with blank rows to fill: a blank row before a filled one is dropped, so a gap
    /// does not end the list early.
    static let rowLists = ["lighting", "standby"]

    /// Answers a screen in the questionnaire's order.
    ///
    /// The answers of earlier screens stay; those of this screen and later ones are kept aside and taken again when
    /// their questions come up, if they still fit (as `esp visit edit` does). A value the questionnaire refuses stops
    /// the screen there; the values typed after it are checked on their own (so every field's problem shows at once)
    /// and the ones that fit are kept in the draft for later.
    ///
    /// - Parameters:
    ///   - values: the text of every field the screen showed, by question id ("" for an empty one).
    ///   - shownDefaults: the defaults the screen pre-selected (``FormField/shownDefault``).
    public mutating func submit(step: Int, values rawValues: [String: String], shownDefaults: [String: String] = [:])
        -> StepResult
    {
        let values = Self.compactingRows(rawValues)
        let firstOnStep =
            questionnaire.answeredQuestions.firstIndex { Self.stepIndex(ofSection: $0.section) >= step }
            ?? questionnaire.answers.count
        let later = Array(questionnaire.answers[firstOnStep...]) + questionnaire.carried
        var q = questionnaire
        q.answers = Array(questionnaire.answers[..<firstOnStep])
        q.carried = later.filter { values[$0.question] == nil }
        q.evaluation = Questionnaire.evaluate(setup, q.answers)
        q.takeCarriedAnswers()

        var result = StepResult(isFinished: false)
        var stopped = false
        while let question = q.currentQuestion, Self.stepIndex(ofSection: question.section) == step {
            guard let text = values[question.id] else {
                result.notices[question.id] = "Neue Frage zu Ihren Angaben: bitte beantworten."
                stopped = true
                break
            }
            if let shownDefault = shownDefaults[question.id], text == shownDefault,
                let now = question.defaultAnswer, now != shownDefault
            {
                result.notices[question.id] =
                    "Die Vorgabe passt jetzt zu Ihren Angaben: \(question.displayDefault ?? now). Bitte prüfen."
                stopped = true
                break
            }
            if AnswerWords.isBack(text) {
                result.problems[question.id] =
                    "„\(text.trimmed)“ geht hier nicht. Zurück zu einer früheren Frage geht es über die Liste der Schritte."
                stopped = true
                break
            }
            switch q.answer(text) {
            case .accepted: continue
            case .rejected(let message):
                result.problems[question.id] = message
                stopped = true
            case .back:
                stopped = true
            }
            if stopped { break }
        }
        questionnaire = q
        if stopped {
            // What was typed after the stop: checked on its own, and kept for later where it fits.
            let answered = Set(q.answers.map(\.question))
            var keep: [DraftAnswer] = []
            for question in lookahead(step: step, posted: values) where !answered.contains(question.id) {
                guard let text = values[question.id], !text.trimmed.isEmpty, result.problems[question.id] == nil,
                    result.notices[question.id] == nil
                else { continue }
                switch question.parse(text) {
                case .rejected(let message): result.problems[question.id] = message
                case .value: keep.append(DraftAnswer(question: question.id, answer: text))
                }
            }
            let kept = Set(keep.map(\.question))
            questionnaire.carried = keep + questionnaire.carried.filter { !kept.contains($0.question) }
        }
        result.isFinished = !stopped && (currentStep.map { $0 > step } ?? true)
        return result
    }

    /// The rows of each list in ``rowLists`` with the blank ones moved after the filled ones.
    static func compactingRows(_ values: [String: String]) -> [String: String] {
        var result = values
        for list in rowLists {
            var rows: [(index: Int, text: String)] = []
            for (id, text) in values where listName(id) == list {
                guard id.hasSuffix("]"), let index = Int(id.dropFirst(list.count + 1).dropLast()) else { continue }
                rows.append((index, text))
            }
            rows.sort { $0.index < $1.index }
            let filled = rows.filter { !$0.text.trimmed.isEmpty }
            let blank = rows.filter { $0.text.trimmed.isEmpty }
            for (slot, row) in zip(rows, filled + blank) { result["\(list)[\(slot.index)]"] = row.text }
        }
        return result
    }
}
