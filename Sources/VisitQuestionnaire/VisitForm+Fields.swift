import EnergyAdvice

/// One question of a screen, as a browser shows it: the question, the control that fits it, what to show in it, and
/// what the questionnaire said about the answer.
public struct FormField: Sendable, Equatable {
    /// The questionnaire's question (id, German prompt, unit, help, default, kind).
    public let question: Question
    /// How to ask it.
    public let control: FormControl
    /// The text to show in the control: what was typed, the stored answer (dates as `TT.MM.JJJJ`) or one kept for
    /// later; for a choice or yes/no not yet answered, its default (pre-selected).
    public var value: String
    /// What an empty field stands for, e.g. `Ohne Eingabe: 2 Personen`.
    public var hint: String?
    /// Why the answer was refused, and what is allowed.
    public var problem: String?
    /// A plausibility warning: the answer is kept, but should be checked.
    public var warning: String?
    /// What was made of the answer, e.g. `= 12 L/min`.
    public var note: String?
    /// True when the answer is in the draft.
    public var isAnswered: Bool
    /// The default the control pre-selects (choices, yes/no), sent back with the screen: if it comes back unchanged
    /// while an earlier answer on the screen changed the default, the field is shown again with the new default.
    public var shownDefault: String?
}

/// The control that asks a question.
public enum FormControl: Sendable, Equatable {
    /// A number, with the units it may be given in (the first is the question's own).
    case number(units: [String], whole: Bool)
    /// A rate, directly or as a measurement (`1 l in 5 s`, `0,3 kWh in 8 h`).
    case measurement
    /// Free text.
    case text
    /// A day, `TT.MM.JJJJ`.
    case date
    /// One of these.
    case choice([Choice])
    /// Ja or nein (stored `j`/`n`).
    case yesNo
    /// A room's lamps: ``RowParts/lamp(_:)``; rooms offered as suggestions.
    case lampRow(rooms: [String])
    /// A device in standby: ``RowParts/standby(_:)``.
    case standbyRow(devices: [String])
    /// Showers a week × minutes: ``RowParts/showers(_:)``.
    case showers
    /// Some of the numbered items (each a choice whose value is its number).
    case selection([Choice])
}

extension VisitForm {
    /// The fields of a screen: the questions answered on it, then those the questionnaire would ask next on it.
    /// - Parameter posted: what the advisor typed, by question id, when the screen is shown again after a submit.
    public func fields(step: Int, posted: [String: String] = [:]) -> [FormField] {
        var fields: [FormField] = []
        let questions = questionnaire.answeredQuestions
        for (index, (answer, question)) in zip(questionnaire.answers, questions).enumerated()
        where Self.stepIndex(ofSection: question.section) == step {
            var field = makeField(question, value: posted[question.id] ?? shown(answer.answer, question))
            field.isAnswered = true
            field.warning = questionnaire.evaluation.warnings[index]
            field.note = questionnaire.evaluation.notes[index]
            fields.append(field)
        }
        // A default worked out from an answer above it on the screen (a proposed visit id, the usual living area for
        // the persons) is only said once that answer is given: answering ahead another way shows which those are.
        let other = Dictionary(
            lookahead(step: step, posted: posted, otherWay: true).map { ($0.id, $0.defaultAnswer) },
            uniquingKeysWith: { first, _ in first })
        for question in lookahead(step: step, posted: posted) {
            let kept = questionnaire.carried.first { $0.question == question.id }?.answer
            var field = makeField(question, value: posted[question.id] ?? kept.map { shown($0, question) } ?? "")
            if let alternative = other[question.id], alternative != question.defaultAnswer, field.hint != nil {
                field.hint = "Ohne Eingabe: ein Vorschlag passend zu den Angaben darüber"
            }
            if posted[question.id] == nil, kept == nil, field.isPreselected, let stored = question.defaultAnswer {
                field.value = stored
                field.shownDefault = stored
            }
            fields.append(field)
        }
        return fields
    }

    /// The questions the questionnaire would ask next on `step`, found by answering ahead on a copy: with what was
    /// typed or kept, else the default, else (only to see what follows) a value inside the allowed range.
    /// - Parameter otherWay: answers ahead with other values (the last choice, the upper end of a range) where nothing
    ///   was typed, to find the defaults that depend on those answers.
    func lookahead(step: Int, posted: [String: String], otherWay: Bool = false) -> [Question] {
        // Answers kept for later are offered like typed ones, not taken silently, so their questions are shown too.
        var trial = questionnaire
        let kept = Dictionary(trial.carried.map { ($0.question, $0.answer) }, uniquingKeysWith: { first, _ in first })
        trial.carried = []
        var shown: [Question] = []
        var blankRows: [String: Int] = [:]
        while let question = trial.currentQuestion, Self.stepIndex(ofSection: question.section) == step,
            shown.count < 4 * QuestionnaireDefaults.maxRows
        {
            shown.append(question)
            var candidates: [String] = []
            if let typed = posted[question.id], !typed.trimmed.isEmpty { candidates.append(typed) }
            if posted[question.id] == nil, let answer = kept[question.id] { candidates.append(answer) }
            if question.isRow, candidates.isEmpty {
                let list = Self.listName(question.id)
                let blanks = blankRows[list, default: 0] + 1
                blankRows[list] = blanks
                // The last blank row ends the list, so the questions after it on the screen are found too.
                candidates.append(blanks < Self.blankRows ? probe(question) : AnswerWords.done)
            } else {
                if otherWay, candidates.isEmpty { candidates.append(probe(question, otherWay: true)) }
                if question.defaultAnswer != nil { candidates.append("") }
                candidates.append(probe(question))
                if question.isOptional { candidates.append(AnswerWords.skip) }
            }
            let moved = candidates.contains { candidate in
                guard !AnswerWords.isBack(candidate) else { return false }
                if case .accepted = trial.answer(candidate) { return true }
                return false
            }
            if !moved { break }
        }
        return shown
    }

    /// A value the question accepts, only to find the questions after it; never stored.
    func probe(_ question: Question, otherWay: Bool = false) -> String {
        func inside(_ range: AllowedRange, whole: Bool) -> String {
            var value = otherWay ? range.upper : (range.lower + range.upper) / 2
            if whole { value = value.rounded(.down) }
            return GermanNumber.text(range.contains(value) ? value : range.upper)
        }
        switch question.kind {
        case .number(let range), .flow(let range), .energyPerDay(let range): return inside(range, whole: false)
        case .integer(let range): return inside(range, whole: true)
        case .choice(let choices): return (otherWay ? choices.last : choices.first)?.value ?? ""
        case .yesNo: return otherWay ? "j" : "n"
        case .date: return (otherWay ? DateText.yearBefore(setup.today) : setup.today).description
        case .lampRow: return "1 × 60 W Glühlampe 3 h"
        case .standbyRow: return "5 W"
        case .showerRow: return "7 × 5 min"
        case .selection: return "keine"
        case .text:
            switch question.textRule {
            case .city(let known): return (otherWay ? known.last : known.first) ?? "stadt"
            case .language(let known): return (otherWay ? known.last : known.first) ?? VisitRules.languageDefault
            case .visitID: return "FORM-PROBE"
            default: return "x"
            }
        }
    }

    /// `lighting` for `lighting[3]`.
    static func listName(_ id: String) -> String { String(id.prefix { $0 != "[" }) }

    func makeField(_ question: Question, value: String) -> FormField {
        FormField(
            question: question, control: control(question), value: value, hint: hint(question), problem: nil,
            warning: nil, note: nil, isAnswered: false, shownDefault: nil)
    }

    func control(_ question: Question) -> FormControl {
        switch question.kind {
        case .number:
            return .number(units: [question.unit].compactMap { $0 } + question.conversions.map(\.unit), whole: false)
        case .integer: return .number(units: [question.unit].compactMap { $0 }, whole: true)
        case .flow, .energyPerDay: return .measurement
        case .choice(let choices): return .choice(choices)
        case .yesNo: return .yesNo
        case .date: return .date
        case .lampRow: return .lampRow(rooms: QuestionnaireDefaults.rooms)
        case .standbyRow: return .standbyRow(devices: FormSuggestions.standbyDevices)
        case .showerRow: return .showers
        case .selection(let allowed): return .selection(Self.items(question, allowed: allowed))
        case .text:
            switch question.textRule {
            case .city(let known) where !known.isEmpty: return .choice(known.map { Choice(value: $0, label: $0) })
            case .language(let known) where !known.isEmpty:
                return .choice(known.map { Choice(value: $0, label: $0) })
            default: return .text
            }
        }
    }

    /// The numbered items of a selection, read from its help (`1 Küche: …; 2 Bad: …`), which lists them.
    static func items(_ question: Question, allowed: [Int]) -> [Choice] {
        let parts = (question.help ?? "").split(separator: "; ").map(String.init)
        var items: [Choice] = []
        for part in parts {
            let number = part.prefix { $0.isNumber }
            guard let n = Int(number), allowed.contains(n) else { continue }
            items.append(Choice(value: String(n), label: String(part.dropFirst(number.count)).trimmed))
        }
        // Should a label ever hold "; ", the numbers alone still let every item be chosen.
        guard items.map(\.value) == allowed.map(String.init) else {
            return allowed.map { Choice(value: String($0), label: "Nr. \($0)") }
        }
        return items
    }

    /// The help of a row split into fields: what an empty part stands for, and how to measure (the questionnaire's
    /// help explains the one-line answer of the terminal instead).
    public static func rowHelp(_ question: Question) -> String? {
        guard question.help != nil else { return nil }
        switch question.kind {
        case .lampRow:
            return "Je Raum und Lampenart eine Zeile. Leere Felder: 1 Lampe, die üblichen Watt der Lampenart, "
                + "\(GermanNumber.text(QuestionnaireDefaults.lightingHoursPerDay)) Stunden am Tag."
        case .standbyRow:
            return "Mit dem Strommessgerät messen (Gerät aus, Stecker steckt). Ohne Stunden: "
                + "\(GermanNumber.text(QuestionnaireDefaults.standbyHoursPerDay)) Stunden am Tag im Standby."
        case .showerRow:
            return "Alle Duschen des Haushalts in einer Woche. Ohne Minuten: "
                + "\(GermanNumber.text(QuestionnaireDefaults.showerMinutes)) Minuten je Dusche."
        default:
            return question.help
        }
    }

    /// What an empty field stands for, in the advisor's words.
    func hint(_ question: Question) -> String? {
        switch control(question) {
        case .choice, .yesNo, .selection: return nil
        default: break
        }
        guard let shown = question.displayDefault, !shown.isEmpty else { return nil }
        if question.defaultAnswer == AnswerWords.skip { return "Ohne Eingabe: keine Angabe" }
        if question.isRow, question.defaultAnswer == AnswerWords.done { return nil }
        let unit = question.unit.map { " \($0)" } ?? ""
        return "Ohne Eingabe: \(shown)\(unit)"
    }

    /// A stored answer as the field shows it: dates the German way, everything else as stored.
    func shown(_ stored: String, _ question: Question) -> String {
        if case .date = question.kind, let date = CalendarDate(iso: stored) { return DateText.german(date) }
        return stored
    }
}

extension FormField {
    /// True for controls that always show one answer chosen (choices, yes/no).
    var isPreselected: Bool {
        switch control {
        case .choice, .yesNo: true
        default: false
        }
    }
}

/// Suggestions the form offers beside free text; anything else may be typed.
public enum FormSuggestions {
    /// Devices usually found in standby in a household, for the standby rows.
    public static let standbyDevices = [
        "Fernseher", "Fernseher + Receiver", "Receiver", "Spielkonsole", "Computer", "Router", "Stereoanlage",
        "Drucker", "Kaffeemaschine", "Mikrowelle",
    ]
}
