import EnergyAdvice

extension Question {
    static func number(
        _ id: String, _ section: String, _ prompt: String, unit: String, range: AllowedRange,
        default value: Double?, help: String? = nil, conversions: [UnitConversion] = []
    ) -> Question {
        Question(
            id: id, section: section, prompt: prompt, unit: unit, help: help,
            defaultAnswer: value.map(GermanNumber.text), kind: .number(range), conversions: conversions)
    }

    /// `-` leaves the value out; with `skipByDefault` false an empty line is refused, so an accidental Enter never
    /// decides.
    static func optionalNumber(
        _ id: String, _ section: String, _ prompt: String, unit: String, range: AllowedRange,
        help: String? = nil, conversions: [UnitConversion] = [], skipByDefault: Bool = true
    ) -> Question {
        Question(
            id: id, section: section, prompt: prompt, unit: unit, help: help,
            defaultAnswer: skipByDefault ? AnswerWords.skip : nil,
            isOptional: true, kind: .number(range), conversions: conversions)
    }

    static func row(
        _ id: String, _ section: String, _ prompt: String, kind: QuestionKind, default value: String?, help: String?
    ) -> Question {
        Question(
            id: id, section: section, prompt: prompt, help: help, defaultAnswer: value, isOptional: false, kind: kind)
    }

    static func selection(_ id: String, _ section: String, _ prompt: String, allowed: [Int], help: String) -> Question {
        Question(
            id: id, section: section, prompt: prompt, help: help, defaultAnswer: "keine", kind: .selection(allowed))
    }

    static func integer(
        _ id: String, _ section: String, _ prompt: String, unit: String, range: AllowedRange,
        default value: Int?
    ) -> Question {
        Question(
            id: id, section: section, prompt: prompt, unit: unit, defaultAnswer: value.map { String($0) },
            kind: .integer(range))
    }

    static func optionalInteger(
        _ id: String, _ section: String, _ prompt: String, unit: String,
        range: AllowedRange
    ) -> Question {
        Question(
            id: id, section: section, prompt: prompt, unit: unit, defaultAnswer: AnswerWords.skip, isOptional: true,
            kind: .integer(range))
    }

    static func optionalEnergyPerDay(
        _ id: String, _ section: String, _ prompt: String, unit: String, range: AllowedRange,
        help: String?
    ) -> Question {
        Question(
            id: id, section: section, prompt: prompt, unit: unit, help: help, defaultAnswer: AnswerWords.skip,
            isOptional: true, kind: .energyPerDay(range))
    }

    static func flow(
        _ id: String, _ section: String, _ prompt: String, unit: String, range: AllowedRange,
        default value: Double?, help: String?, optional: Bool = false
    ) -> Question {
        Question(
            id: id, section: section, prompt: prompt, unit: unit, help: help,
            defaultAnswer: optional ? AnswerWords.skip : value.map(GermanNumber.text), isOptional: optional,
            kind: .flow(range))
    }

    static func choice<T: GermanLabelled>(
        _ id: String, _ section: String, _ prompt: String, _ type: T.Type,
        default value: T
    ) -> Question {
        choice(id, section, prompt, choices: Choice.all(type), default: value.rawValue)
    }

    static func choice(_ id: String, _ section: String, _ prompt: String, choices: [Choice], default value: String)
        -> Question
    {
        Question(id: id, section: section, prompt: prompt, defaultAnswer: value, kind: .choice(choices))
    }

    static func yesNo(_ id: String, _ section: String, _ prompt: String, default value: Bool, help: String? = nil)
        -> Question
    {
        Question(id: id, section: section, prompt: prompt, help: help, defaultAnswer: value ? "j" : "n", kind: .yesNo)
    }

    static func text(
        _ id: String, _ section: String, _ prompt: String, rule: TextRule, default value: String?,
        optional: Bool = false, help: String? = nil
    ) -> Question {
        Question(
            id: id, section: section, prompt: prompt, help: help, defaultAnswer: value, isOptional: optional,
            kind: .text, textRule: rule)
    }

    static func date(
        _ id: String, _ section: String, _ prompt: String, default value: CalendarDate,
        help: String? = nil
    ) -> Question {
        Question(id: id, section: section, prompt: prompt, help: help, defaultAnswer: value.description, kind: .date)
    }
}
