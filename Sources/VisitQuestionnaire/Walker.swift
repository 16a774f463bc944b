import EnergyAdvice

/// Feeds stored answers to the flow one question at a time and collects what the flow says about them.
struct Walker {
    let answers: [DraftAnswer]
    /// The number of answers consumed.
    private(set) var position = 0
    private(set) var asked: [Question] = []
    private(set) var warnings: [Int: String] = [:]
    private(set) var notes: [Int: String] = [:]

    init(answers: [DraftAnswer]) {
        self.answers = answers
    }

    /// The stored answer to `question`, or a stop that asks it.
    mutating func value(_ question: Question) throws(Stop) -> AnswerValue {
        guard position < answers.count else { throw .ask(question) }
        let answer = answers[position]
        guard answer.question == question.id else {
            throw .mismatch(index: position, expected: question.id, found: answer.question)
        }
        switch question.parse(answer.answer) {
        case .rejected(let message):
            throw .invalid(index: position, question: question.id, message: message)
        case .value(let parsed):
            position += 1
            asked.append(question)
            return parsed.value
        }
    }

    /// Attaches a plausibility warning to the last answer.
    mutating func warn(_ text: String) {
        let index = position - 1
        warnings[index] = warnings[index].map { "\($0) \(text)" } ?? text
    }

    /// Attaches a note (what was made of the answer) to the last answer.
    mutating func note(_ text: String) {
        let index = position - 1
        notes[index] = notes[index].map { "\($0) \(text)" } ?? text
    }

    /// Refuses the last answer in context.
    func reject(_ message: String) -> Stop {
        .invalid(index: position - 1, question: asked.last?.id ?? "", message: message)
    }

    private func unexpected() -> Stop { reject("internal: the answer does not fit its question") }

    mutating func number(_ question: Question) throws(Stop) -> Double {
        guard case .number(let x) = try value(question) else { throw unexpected() }
        return x
    }

    mutating func optionalNumber(_ question: Question) throws(Stop) -> Double? {
        switch try value(question) {
        case .number(let x): return x
        case .none: return nil
        default: throw unexpected()
        }
    }

    mutating func integer(_ question: Question) throws(Stop) -> Int {
        guard case .integer(let n) = try value(question) else { throw unexpected() }
        return n
    }

    mutating func optionalInteger(_ question: Question) throws(Stop) -> Int? {
        switch try value(question) {
        case .integer(let n): return n
        case .none: return nil
        default: throw unexpected()
        }
    }

    mutating func yes(_ question: Question) throws(Stop) -> Bool {
        guard case .yes(let b) = try value(question) else { throw unexpected() }
        return b
    }

    mutating func choice<T: RawRepresentable>(_ question: Question, as type: T.Type = T.self) throws(Stop) -> T
    where T.RawValue == String {
        guard case .choice(let raw) = try value(question), let value = T(rawValue: raw) else { throw unexpected() }
        return value
    }

    mutating func text(_ question: Question) throws(Stop) -> String {
        guard case .text(let s) = try value(question) else { throw unexpected() }
        return s
    }

    mutating func optionalText(_ question: Question) throws(Stop) -> String? {
        switch try value(question) {
        case .text(let s): return s
        case .none: return nil
        default: throw unexpected()
        }
    }

    /// The stored value of a choice, for choices beyond a vocabulary (such as "no more").
    mutating func choiceValue(_ question: Question) throws(Stop) -> String {
        guard case .choice(let raw) = try value(question) else { throw unexpected() }
        return raw
    }

    mutating func lampRow(_ question: Question) throws(Stop) -> LampRowAnswer? {
        switch try value(question) {
        case .lamps(let row): return row
        case .none: return nil
        default: throw unexpected()
        }
    }

    mutating func standbyRow(_ question: Question) throws(Stop) -> StandbyRowAnswer? {
        switch try value(question) {
        case .standby(let row): return row
        case .none: return nil
        default: throw unexpected()
        }
    }

    mutating func showers(_ question: Question) throws(Stop) -> (perWeek: Double, minutes: Double)? {
        switch try value(question) {
        case .showers(let perWeek, let minutes): return (perWeek, minutes)
        case .none: return nil
        default: throw unexpected()
        }
    }

    mutating func selection(_ question: Question) throws(Stop) -> [Int] {
        switch try value(question) {
        case .selection(let chosen): return chosen
        default: throw unexpected()
        }
    }

    mutating func date(_ question: Question) throws(Stop) -> CalendarDate {
        guard case .date(let d) = try value(question) else { throw unexpected() }
        return d
    }
}
