import EnergyAdvice

/// One question of the visit questionnaire, as the advisor sees it.
///
/// Questions are produced by ``Questionnaire/currentQuestion`` one at a time; what comes next depends on the
/// answers so far (a meter reading is only asked when the advisor chose meter readings, a lamp row only after
/// "another lamp row?" was answered with yes).
public struct Question: Sendable, Equatable, Identifiable {
    /// A stable id stored in drafts, named after the visit field: `household.persons`, `lighting[2].watts`;
    /// a loop question ("another row?") is the row itself: `lighting[2]`.
    public let id: String
    /// The German section title, e.g. "Haushalt"; the terminal prints it when the section changes.
    public let section: String
    /// The German question text, without unit and default.
    public let prompt: String
    /// The unit of the answer, e.g. `m²`, `kWh/Jahr`, `L/min`; nil for choices, yes/no, text and dates.
    public let unit: String?
    /// A German hint shown before the question: how to measure, where to read the value.
    public let help: String?
    /// The answer an empty line stands for, in the form stored in drafts; nil when the value must be typed
    /// (readings from a bill or a meter have no sensible default).
    public let defaultAnswer: String?
    /// True when the answer `-` leaves the field out of the visit.
    public let isOptional: Bool
    /// What kind of answer is expected and what is allowed.
    public let kind: QuestionKind
    /// How a text answer is checked; `.none` for other kinds.
    let textRule: TextRule
    /// Other units a number may be typed in, converted to ``unit``: `11,50 €/Monat` for a yearly price, `1234 m³` gas.
    let conversions: [UnitConversion]

    init(
        id: String, section: String, prompt: String, unit: String? = nil, help: String? = nil,
        defaultAnswer: String?, isOptional: Bool = false, kind: QuestionKind, textRule: TextRule = .none,
        conversions: [UnitConversion] = []
    ) {
        self.id = id
        self.section = section
        self.prompt = prompt
        self.unit = unit
        self.help = help
        self.defaultAnswer = defaultAnswer
        self.isOptional = isOptional
        self.kind = kind
        self.textRule = textRule
        self.conversions = conversions
    }

    /// The default as the advisor reads it: the German label of a choice, a date as `TT.MM.JJJJ`, `j`/`n`,
    /// `- = keine Angabe` for `-`.
    public var displayDefault: String? {
        guard let defaultAnswer else { return nil }
        if isOptional && defaultAnswer == AnswerWords.skip { return "- = keine Angabe" }
        switch kind {
        case .choice(let choices):
            return choices.first { $0.value == defaultAnswer }?.label ?? defaultAnswer
        case .date:
            return CalendarDate(iso: defaultAnswer).map(DateText.german) ?? defaultAnswer
        default:
            return defaultAnswer
        }
    }
}

/// What kind of answer a ``Question`` expects.
public enum QuestionKind: Sendable, Equatable {
    /// A decimal number within the range; `,` or `.` as the decimal mark, the unit may follow.
    case number(AllowedRange)
    /// A whole number within the range.
    case integer(AllowedRange)
    /// One of the choices, answered by its number in the list, its value or its label.
    case choice([Choice])
    /// `j`/`ja` or `n`/`nein` (also `y`/`yes`, `no`).
    case yesNo
    /// Free text, checked by the rules of the visit field it fills.
    case text
    /// A day as `YYYY-MM-DD` or `TT.MM.JJJJ`.
    case date
    /// Litres per minute, directly (`12`) or as a jug measurement: `1 l in 5 s` → 12 L/min.
    case flow(AllowedRange)
    /// kWh per day, directly (`0,9`) or as a plug-meter reading over a time: `0,3 kWh in 8 h` → 0,9 kWh/Tag.
    case energyPerDay(AllowedRange)
    /// All lamps of a room in one line: `Küche: 3 × 60 W Glühlampe 4 h`; `fertig` ends the list.
    case lampRow
    /// A device in standby in one line: `Fernseher: 12 W 20 h`; `fertig` ends the list.
    case standbyRow
    /// Showers a week and minutes each: `15 × 6 min`.
    case showerRow
    /// Some of the numbered items listed in the help: `j` (all), `n` (none) or numbers such as `1 3`.
    case selection([Int])
}

/// Another unit a number may be typed in, and how it becomes the question's unit.
struct UnitConversion: Sendable, Equatable {
    /// The unit as shown, e.g. `€/Monat`.
    var unit: String
    /// Other ways to type it, e.g. `€ im Monat`.
    var aliases: [String]
    /// The value in the question's unit is the typed value times this.
    var factor: Double
    /// Decimals of the converted value.
    var decimals: Int
    /// Said after the result, e.g. `(1234 m³ × 10,64 kWh/m³)`; `{typed}` stands for the typed number.
    var explanation: String

    func matches(_ typed: String) -> Bool {
        let given = NumberText.normalizedUnit(typed)
        return ([unit] + aliases).contains { NumberText.normalizedUnit($0) == given }
    }
}

/// One possible answer of a choice question.
public struct Choice: Sendable, Equatable {
    /// The value written to the visit file (an enum raw value such as `fridge-freezer`).
    public let value: String
    /// The German label shown to the advisor.
    public let label: String

    /// Creates a choice from its stored value and German label.
    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }

    /// The choices of a closed vocabulary, in declaration order.
    public static func all<T: GermanLabelled>(_ type: T.Type) -> [Choice] {
        T.allCases.map { Choice(value: $0.rawValue, label: $0.germanLabel) }
    }
}

/// What became of an answer given to ``Questionnaire/answer(_:)``.
public enum AnswerOutcome: Sendable, Equatable {
    /// The answer was stored. `warning` says when the value is allowed but implausible (the advisor may go
    /// back); `note` tells what was made of it, e.g. `= 12 L/min` for `1 l in 5 s`.
    case accepted(warning: String?, note: String? = nil)
    /// The answer was not stored; the message says why and what is allowed. The same question comes again.
    case rejected(String)
    /// The previous answer was taken back; its question comes again.
    case back
}

/// How a text answer is checked; the rules live in VisitRules or, for lengths, in the visit decoder itself.
enum TextRule: Sendable, Equatable {
    case none
    case visitID
    /// A city id; when the list is not empty, only these (the cities with a tariff file).
    case city(known: [String])
    /// A language tag; when the list is not empty, only these (the languages with a Locales/ file).
    case language(known: [String])
    case room, standbyLabel, advisor, notes
    /// An energy supplier's name, and the name and address on the household's letters.
    case supplier, contactName, contactAddress
}

/// A parsed answer: the value for the visit, the text stored in the draft and what to tell the advisor.
struct ParsedAnswer: Sendable, Equatable {
    var value: AnswerValue
    var stored: String
    var note: String?
}

enum AnswerValue: Sendable, Equatable {
    case number(Double)
    case integer(Int)
    case choice(String)
    case yes(Bool)
    case text(String)
    case date(CalendarDate)
    case lamps(LampRowAnswer)
    case standby(StandbyRowAnswer)
    case showers(perWeek: Double, minutes: Double)
    case selection([Int])
    /// `-`: left out; for rows, the end of the list.
    case none
}

enum ParseResult: Sendable, Equatable {
    case value(ParsedAnswer)
    case rejected(String)
}

/// Words the advisor may type besides values.
public enum AnswerWords {
    /// Leaves an optional value out.
    public static let skip = "-"
    /// Answers that take the previous answer back.
    public static let back = ["<", "zurück", "zurueck", "back"]
    static let yes = ["j", "ja", "y", "yes"]
    static let no = ["n", "nein", "no"]
    /// How the end of a list of rows is stored.
    static let done = "fertig"
    static let skipWords = ["-", "k.a.", "ka", "keine angabe", "unbekannt", "weiß nicht", "weiss nicht"]

    /// True for `j`, `ja`, `y`, `yes` (any case), and for an empty line where the default is yes.
    public static func isYes(_ text: String, defaultYes: Bool = false) -> Bool {
        let answer = text.trimmed.lowercased()
        return yes.contains(answer) || (defaultYes && answer.isEmpty)
    }

    /// True for `n`, `nein`, `no` (any case).
    public static func isNo(_ text: String) -> Bool { no.contains(text.trimmed.lowercased()) }

    /// True for `<` and `zurück` (any case).
    public static func isBack(_ text: String) -> Bool { back.contains(text.trimmed.lowercased()) }
    static func isSkip(_ text: String) -> Bool { skipWords.contains(text.lowercased()) }
}

extension String {
    /// Without leading and trailing spaces, tabs and line ends; Foundation-free.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

extension String {
    /// Every `target` replaced; Foundation-free.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return components(separatedByText: target).joined(separator: replacement)
    }

    private func components(separatedByText separator: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var rest = Substring(self)
        while !rest.isEmpty {
            if rest.hasPrefix(separator) {
                parts.append(current)
                current = ""
                rest = rest.dropFirst(separator.count)
            } else {
                current.append(rest.removeFirst())
            }
        }
        parts.append(current)
        return parts
    }
}
