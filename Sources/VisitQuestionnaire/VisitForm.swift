import EnergyAdvice

/// The questionnaire as a form of a few screens, for a browser: the same questions, answer parsing, re-ask messages
/// and plausibility warnings as `esp visit`, because every value goes through the same ``Questionnaire``.
///
/// A screen (``Step``) shows one or more of the questionnaire's sections at once. Its fields are the questions the
/// questionnaire would ask, worked out by answering ahead with what was typed, the defaults, or, only to see what
/// comes next, a value inside the allowed range. A submitted screen is answered in the questionnaire's order; the
/// first answer it refuses, or a question the screen did not show (a follow-up such as "is that a yearly sum?"),
/// stops the screen, which is shown again with everything typed still in it. The state is a ``Draft``, so a web
/// draft and a terminal draft are the same file.
public struct VisitForm: Sendable {
    /// One screen: one or more consecutive sections of the questionnaire.
    public struct Step: Sendable, Equatable, Identifiable {
        /// A short name for addresses, e.g. `strom`.
        public let id: String
        /// The German title shown in the list of steps.
        public let title: String
        /// The questionnaire's section titles on this screen.
        let sections: [String]
    }

    /// The screens in the questionnaire's order (the sections of ``VisitFlow``; a test walks every question and checks
    /// that its section is on exactly one screen).
    public static let steps: [Step] = [
        Step(id: "haushalt", title: "Haushalt", sections: ["Besuch", "Haushalt"]),
        Step(id: "strom", title: "Strom", sections: ["Strom"]),
        Step(id: "lampen", title: "Lampen", sections: ["Beleuchtung"]),
        Step(id: "geraete", title: "Geräte und Standby", sections: ["Kühl- und Gefriergeräte", "Standby"]),
        Step(id: "wasser", title: "Dusche und Wasserhähne", sections: ["Duschen", "Wasserhähne"]),
        Step(id: "soforthilfen", title: "Soforthilfen", sections: ["Soforthilfen"]),
        Step(id: "heizung", title: "Heizung", sections: ["Heizung und Lüften"]),
        Step(
            id: "abschluss", title: "Sozialleistungen, Zahlungsrückstand, Notizen",
            sections: ["Sozialleistungen", VisitFlow.debtSection, "Notizen"]),
    ]

    /// The screen of a questionnaire section; an unknown section (a new one in the flow) goes on the last screen.
    public static func stepIndex(ofSection section: String) -> Int {
        steps.firstIndex { $0.sections.contains(section) } ?? steps.count - 1
    }

    /// Blank rows offered after the filled ones in a list of lamps or standby devices.
    public static let blankRows = 5

    /// The setup every question is built with.
    public let setup: QuestionnaireSetup
    /// The questionnaire in its current state.
    public internal(set) var questionnaire: Questionnaire

    /// A new, empty form.
    public init(setup: QuestionnaireSetup) {
        self.setup = setup
        self.questionnaire = Questionnaire(setup: setup)
    }

    /// A form continued from a draft (of the web or of `esp visit`); `source` names it in errors.
    public init(setup: QuestionnaireSetup, draft: Draft, source: String) throws(QuestionnaireError) {
        self.setup = setup
        var questionnaire = try Questionnaire(
            setup: setup, replaying: draft.answers, carried: draft.carried, source: source)
        if draft.isFromFirstQuestionnaire { questionnaire.takeCarriedAnswers() }
        self.questionnaire = questionnaire
    }

    /// A form that changes a finished visit: every answer that replays is taken, so the form opens at its recap.
    public init(setup: QuestionnaireSetup, editing visit: Visit) {
        self.setup = setup
        self.questionnaire = Questionnaire(
            setup: setup, carrying: VisitAnswers.answers(for: visit, setup: setup))
    }

    /// What to save after every change.
    public var draft: Draft { questionnaire.draft }

    /// The screen of the next unanswered question; nil when every question is answered (the recap).
    public var currentStep: Int? {
        questionnaire.currentQuestion.map { Self.stepIndex(ofSection: $0.section) }
    }

    /// True when the visit is complete and only the recap is left.
    public var isComplete: Bool { questionnaire.isComplete }

    /// How far each screen is, for the list of steps.
    public var progress: [StepProgress] {
        let current = currentStep ?? Self.steps.count
        let answered = Set(questionnaire.answeredQuestions.map { Self.stepIndex(ofSection: $0.section) })
        return Self.steps.indices.map { index in
            if index == current { return .current }
            if index > current { return .ahead }
            return answered.contains(index) ? .done : .skipped
        }
    }

    /// The finished visit, checked as a valid `esp-visit/1` file.
    public func visit() throws(QuestionnaireError) -> Visit { try questionnaire.visit() }

    /// The recap's lines and the plausibility warnings of every answer, each with its question.
    public var recap: (lines: [String], warnings: [(question: Question, warning: String)])? {
        guard let visit = try? questionnaire.visit() else { return nil }
        return (VisitRecap.lines(visit), questionnaire.warnings)
    }

    /// Opens the visit id again with a problem found outside the questionnaire (a file or a registered visit with that
    /// id); returns its screen, or nil when no visit id was answered.
    public mutating func reopenVisitId() -> Int? {
        guard questionnaire.reopen("visitId") else { return nil }
        return currentStep
    }
}

/// Where a screen stands.
public enum StepProgress: Sendable, Equatable {
    /// Answered; it can be opened to change an answer.
    case done
    /// The screen of the next unanswered question.
    case current
    /// Not reached yet.
    case ahead
    /// Passed without a question (nothing to hand out, say).
    case skipped
}
