import AdviceData
import EnergyAdvice

/// What the questionnaire knows besides the answers: today's date and, when a data folder was found, the cities,
/// languages and reference data it holds.
///
/// Nothing here is stored in a draft: answers are stored resolved (an empty line for "today" is stored as the date),
/// so a draft replays to the same visit on another day.
public struct QuestionnaireSetup: Sendable, Equatable {
    /// The default visit date.
    public var today: CalendarDate
    /// City ids with a tariff file; when not empty, the city must be one of them.
    public var cities: [String]
    /// Languages with a Locales/ file; when not empty, the language must be one of them.
    public var languages: [String]
    /// The national reference data, for plausibility warnings against the Stromspiegel and heating averages;
    /// without it the questionnaire uses modest rules of thumb.
    public var reference: ReferenceData?
    /// Visit ids already used in the folder the visit goes to, each with the file that holds it; a new answer may not
    /// take one (``VisitFolder/visitIds(in:except:)``).
    public var takenVisitIds: [String: String]
    /// The visit id to propose, e.g. the name of the file given with `-o`; nil for the city's prefix, the date and
    /// the next free running number.
    public var proposedVisitId: String?

    /// Creates a setup; lists left empty accept any well-formed city id or language tag.
    public init(
        today: CalendarDate, cities: [String] = [], languages: [String] = [], reference: ReferenceData? = nil,
        takenVisitIds: [String: String] = [:], proposedVisitId: String? = nil
    ) {
        self.today = today
        self.cities = cities
        self.languages = languages
        self.reference = reference
        self.takenVisitIds = takenVisitIds
        self.proposedVisitId = proposedVisitId
    }
}

/// The questionnaire of one visit: the answers so far (the draft), the next question, and the visit they make.
///
/// A pure value: no I/O. Every state is the replay of its answers, so a draft written after any answer and read
/// back continues at the same question and ends with the same visit.
///
/// ```swift
/// var q = Questionnaire(setup: QuestionnaireSetup(today: today))
/// while let question = q.currentQuestion {
///     q.answer(readLine() ?? "")   // .accepted / .rejected / .back
/// }
/// let visit = try q.visit()
/// ```
public struct Questionnaire: Sendable {
    /// The setup the questions are built with.
    public let setup: QuestionnaireSetup
    /// The accepted answers in order; exactly what a draft file holds.
    public internal(set) var answers: [DraftAnswer]
    /// Answers kept for questions further on, after an answer in the middle was reopened (``reopen(_:)``) or a
    /// finished visit was loaded to be edited: each is taken again when its question comes up, if it still fits.
    public internal(set) var carried: [DraftAnswer] = []
    var evaluation: Evaluation

    /// A new, empty questionnaire.
    public init(setup: QuestionnaireSetup) {
        self.setup = setup
        self.answers = []
        self.evaluation = Self.evaluate(setup, [])
    }

    /// A questionnaire continued from saved answers.
    ///
    /// - Parameter source: names the draft in errors (usually its path).
    /// - Throws: ``QuestionnaireError/draftDoesNotReplay(path:answerNumber:question:reason:)`` when an answer is for
    ///   another question than the one asked at its place, is no longer valid, or comes after the last question.
    /// - Parameter carried: answers kept for questions further on (``carried``).
    public init(
        setup: QuestionnaireSetup, replaying answers: [DraftAnswer], carried: [DraftAnswer] = [],
        source: String = "draft"
    )
        throws(QuestionnaireError)
    {
        self.setup = setup
        self.answers = answers
        self.carried = carried
        self.evaluation = Self.evaluate(setup, answers)
        if case .failed(let stop) = evaluation.state { throw stop.replayError(source: source, answers: answers) }
    }

    /// The question to answer next; nil once the visit is complete. When an answer to it is carried (a reopened
    /// answer), that answer is its default, so Enter keeps it.
    public var currentQuestion: Question? {
        guard case .asking(let question) = evaluation.state else { return nil }
        // A carried hand-out answer picked from another list is no default: it would fit the wrong items.
        if let kept = carried.first(where: { $0.question == question.id }),
            kept.asked == nil || kept.asked == question.meaning
        {
            return question.defaulting(to: kept.answer)
        }
        return question
    }

    /// True when every question is answered and ``visit()`` will succeed.
    public var isComplete: Bool {
        if case .complete = evaluation.state { return true }
        return false
    }

    /// The question each answer in ``answers`` answered, in the same order.
    public var answeredQuestions: [Question] { evaluation.questions }

    /// The answers as a draft, to save after every change.
    public var draft: Draft { Draft(answers: answers, carried: carried) }

    /// The plausibility warnings of every answer given, in order, each with its question.
    public var warnings: [(question: Question, warning: String)] {
        evaluation.warnings.keys.sorted().compactMap { index in
            guard index < evaluation.questions.count, let text = evaluation.warnings[index] else { return nil }
            return (evaluation.questions[index], text)
        }
    }

    /// Gives an answer to ``currentQuestion``.
    ///
    /// An empty line takes the default; `<` or `zurück` takes the previous answer back; `-` leaves an optional value
    /// out. A rejected answer changes nothing; its message says what is allowed.
    @discardableResult
    public mutating func answer(_ text: String) -> AnswerOutcome {
        if AnswerWords.isBack(text) {
            return goBack() ? .back : .rejected("Das ist die erste Frage; weiter zurück geht es nicht.")
        }
        guard let question = currentQuestion else {
            return .rejected("Alle Fragen sind beantwortet; „<“ geht zur letzten Frage zurück.")
        }
        let parsed: ParsedAnswer
        switch question.parse(text) {
        case .rejected(let message): return .rejected(message)
        case .value(let value): parsed = value
        }
        if let problem = liveProblem(question, parsed) { return .rejected(problem) }
        let trial = answers + [DraftAnswer(question: question.id, answer: parsed.stored)]
        let next = Self.evaluate(setup, trial)
        if case .failed(let stop) = next.state {
            // The flow refused the value in context, e.g. a meter reading below the previous one.
            return .rejected(stop.message)
        }
        answers = trial
        evaluation = next
        carried.removeAll { $0.question == question.id }
        let index = trial.count - 1
        let notes = [parsed.note, next.notes[index]].compactMap { $0 }
        takeCarriedAnswers()
        return .accepted(warning: next.warnings[index], note: notes.isEmpty ? nil : notes.joined(separator: " "))
    }

    /// Takes the last answer back so its question is asked again; false when there is none.
    @discardableResult
    public mutating func goBack() -> Bool {
        guard !answers.isEmpty else { return false }
        answers.removeLast()
        evaluation = Self.evaluate(setup, answers)
        return true
    }

    /// The finished visit, checked by writing it as `esp-visit/1` and reading it back with ``VisitDecoder``,
    /// so what the questionnaire returns is always what a valid file holds.
    public func visit() throws(QuestionnaireError) -> Visit {
        switch evaluation.state {
        case .asking(let question):
            throw .incomplete(nextQuestion: question.id)
        case .failed(let stop):
            throw stop.replayError(source: "draft", answers: answers)
        case .complete(let visit):
            do {
                return try VisitDecoder.decode(Array(VisitEncoder.text(visit).utf8), path: "(questionnaire)")
            } catch {
                throw .invalidVisit(reason: error.description)
            }
        }
    }

    /// The finished visit as `esp-visit/1` text.
    public func visitText() throws(QuestionnaireError) -> String {
        VisitEncoder.text(try visit())
    }

    // MARK: Evaluation

    struct Evaluation: Sendable {
        enum State: Sendable {
            case asking(Question)
            case complete(Visit)
            case failed(Stop)
        }

        var state: State
        var questions: [Question]
        var warnings: [Int: String]
        var notes: [Int: String]
    }

    /// Replays the answers through the questionnaire's flow.
    static func evaluate(_ setup: QuestionnaireSetup, _ answers: [DraftAnswer]) -> Evaluation {
        var walker = Walker(answers: answers)
        let state: Evaluation.State
        do {
            let visit = try VisitFlow(setup: setup).run(&walker)
            if walker.position < answers.count {
                state = .failed(.extra(index: walker.position, question: answers[walker.position].question))
            } else {
                state = .complete(visit)
            }
        } catch {
            if case .ask(let question) = error { state = .asking(question) } else { state = .failed(error) }
        }
        return Evaluation(state: state, questions: walker.asked, warnings: walker.warnings, notes: walker.notes)
    }
}

/// Why the flow stopped before the end.
enum Stop: Error, Sendable {
    /// No answer yet for this question.
    case ask(Question)
    /// The answer at `index` is not acceptable here.
    case invalid(index: Int, question: String, message: String)
    /// The answer at `index` is for another question.
    case mismatch(index: Int, expected: String, found: String)
    /// The questionnaire ended before the answer at `index`.
    case extra(index: Int, question: String)

    var message: String {
        switch self {
        case .ask(let question): "unbeantwortet: \(question.id)"
        case .invalid(_, _, let message): message
        case .mismatch(_, let expected, let found):
            "der Entwurf beantwortet hier „\(found)“, der Fragebogen fragt aber „\(expected)“; stammt der Entwurf von einer anderen esp-Version?"
        case .extra: "der Fragebogen ist schon vor dieser Antwort fertig"
        }
    }

    func replayError(source: String, answers: [DraftAnswer]) -> QuestionnaireError {
        switch self {
        case .ask(let question):
            return .incomplete(nextQuestion: question.id)
        case .invalid(let index, let question, _), .extra(let index, let question):
            return .draftDoesNotReplay(path: source, answerNumber: index + 1, question: question, reason: message)
        case .mismatch(let index, _, let found):
            return .draftDoesNotReplay(path: source, answerNumber: index + 1, question: found, reason: message)
        }
    }
}
