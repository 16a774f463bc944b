import EnergyAdvice

/// All lamps of a room in one answer, as the advisor notes them: `Küche: 3 × 60 W Glühlampe 4 h`.
struct LampRowAnswer: Sendable, Equatable {
    var room: String?
    var lamps: Int
    var watts: Double
    var technology: LampTechnology
    var hoursPerDay: Double

    /// `Küche: 3 × 60 W Glühlampe, 4 h/Tag`, what the advisor is told and the recap shows.
    var text: String {
        let what =
            "\(lamps) × \(GermanNumber.text(watts)) W \(technology.shortLabel), \(GermanNumber.text(hoursPerDay)) h/Tag"
        return room.map { "\($0): \(what)" } ?? what
    }
}

/// A device in standby in one answer: `Fernseher + Receiver: 12 W 20 h`.
struct StandbyRowAnswer: Sendable, Equatable {
    var label: String?
    var watts: Double
    var hoursPerDay: Double

    /// `Fernseher + Receiver: 12 W, 20 h/Tag`.
    var text: String {
        let what = "\(GermanNumber.text(watts)) W, \(GermanNumber.text(hoursPerDay)) h/Tag"
        return label.map { "\($0): \(what)" } ?? what
    }
}

/// Answers that hold several values: a number carries its unit (`60 W`, `4 h`, `3 ×`), words name the lamp type, the
/// room (before `:`) or the device. Every problem is a German sentence with an example.
enum RowText {
    struct Problem: Error, Equatable {
        var message: String
    }

    /// A number and the unit that followed it.
    struct Quantity: Equatable {
        var value: Double
        /// The canonical key the unit stands for, e.g. `watts`.
        var key: String
    }

    static let lampExample = "z. B. „Küche: 3 × 60 W Glühlampe 4 h“"
    /// The rooms every language's sheet names in its own words; other names are printed as typed.
    static let roomList =
        "Übersetzt auf jedem Blatt: " + Room.allCases.map(\.germanLabel).joined(separator: ", ")
        + ". Andere Raumnamen stehen so auf dem Blatt, wie sie geschrieben sind."
    static let standbyExample = "z. B. „Fernseher + Receiver: 12 W 20 h“"
    static let showerExample = "z. B. „15 × 6 min“ (15 Duschen pro Woche, je 6 Minuten)"

    /// Words that end a list of rows.
    static let doneWords = ["fertig", "ende", "keine", "keine weiteren", "keine mehr", "nein", "n", "no", "-"]

    static let lampUnits: [String: String] = [
        "x": "lamps", "×": "lamps", "*": "lamps", "stück": "lamps", "stk": "lamps", "stk.": "lamps",
        "w": "watts", "watt": "watts",
        "h": "hours", "std": "hours", "std.": "hours", "stunde": "hours", "stunden": "hours", "h/tag": "hours",
        "std/tag": "hours", "stunden/tag": "hours",
    ]
    static let standbyUnits: [String: String] = [
        "w": "watts", "watt": "watts",
        "h": "hours", "std": "hours", "std.": "hours", "stunde": "hours", "stunden": "hours", "h/tag": "hours",
        "std/tag": "hours", "stunden/tag": "hours",
    ]
    static let showerUnits: [String: String] = [
        "x": "count", "×": "count", "*": "count", "mal": "count", "duschen": "count", "dusche": "count",
        "min": "minutes", "min.": "minutes", "minute": "minutes", "minuten": "minutes",
    ]

    // MARK: Rows

    /// `Küche: 3 × 60 W Glühlampe 4 h`; missing parts take the defaults (1 lamp, Glühlampe, its usual watts, 3 h).
    static func lamps(_ text: String) -> Result<LampRowAnswer, Problem> {
        let (room, spec) = splitLabel(text)
        if let room, let problem = TextCheck.problem(room, .room) { return .failure(Problem(message: problem)) }
        let found: (quantities: [Quantity], values: [String: Double], rest: String)
        switch values(spec, units: lampUnits) {
        case .failure(let problem): return .failure(problem)
        case .success(let value): found = value
        }
        var values = found.values
        var technology: LampTechnology?
        let words = tokens(found.rest)
        guard !found.quantities.isEmpty || words.contains(where: { LampTechnology.matching($0) != nil || isNumber($0) })
        else {
            return .failure(Problem(message: "Bitte Anzahl, Watt, Lampenart und Stunden angeben, \(lampExample)."))
        }
        for (index, word) in words.enumerated() {
            if let type = LampTechnology.matching(word) {
                guard technology == nil || technology == type else {
                    return .failure(Problem(message: "Bitte nur eine Lampenart je Zeile angeben, \(lampExample)."))
                }
                technology = type
                continue
            }
            if case .number(let count) = NumberText.parseNumeral(word),
                index + 1 < words.count, LampTechnology.matching(words[index + 1]) != nil, values["lamps"] == nil
            {
                values["lamps"] = count
                continue
            }
            if isNumber(word) {
                return .failure(
                    Problem(
                        message:
                            "Bei „\(word)“ fehlt die Einheit: × (Anzahl), W (Watt) oder h (Stunden), \(lampExample)."))
            }
            return .failure(unknown(word, example: lampExample))
        }
        let type = technology ?? .incandescent
        let lamps = values["lamps"] ?? 1
        guard lamps == lamps.rounded(), VisitRules.lamps.contains(lamps) else {
            return .failure(
                Problem(
                    message:
                        "Anzahl der Lampen: bitte eine ganze Zahl \(GermanNumber.range(VisitRules.lamps, unit: nil))."))
        }
        let watts = values["watts"] ?? QuestionnaireDefaults.lampWatts(type)
        if let problem = outside(watts, VisitRules.watts, what: "Watt je Lampe", unit: "W") { return .failure(problem) }
        let hours = values["hours"] ?? QuestionnaireDefaults.lightingHoursPerDay
        if let problem = outside(hours, VisitRules.hoursPerDay, what: "Stunden pro Tag", unit: "h") {
            return .failure(problem)
        }
        // A room of the list is kept under its German name, which every language's sheet translates.
        let stored = room.map(Room.stored)
        return .success(
            LampRowAnswer(room: stored, lamps: Int(lamps), watts: watts, technology: type, hoursPerDay: hours))
    }

    /// `Fernseher + Receiver: 12 W 20 h` or `Fernseher 12 W`; the words are the device, hours default to 20 a day.
    static func standby(_ text: String) -> Result<StandbyRowAnswer, Problem> {
        // Before a colon is only the device's name, digits and all ("Receiver 2: 8 W").
        let (named, spec) = splitLabel(text)
        let found: (quantities: [Quantity], values: [String: Double], rest: String)
        switch values(spec, units: standbyUnits) {
        case .failure(let problem): return .failure(problem)
        case .success(let value): found = value
        }
        let values = found.values
        for word in tokens(found.rest) where isNumber(word) {
            return .failure(
                Problem(message: "Bei „\(word)“ fehlt die Einheit: W (Leistung) oder h (Stunden), \(standbyExample)."))
        }
        var label = collapseSpaces([named ?? "", found.rest].joined(separator: " "))
        while let last = label.last, ":,;".contains(last) { label = collapseSpaces(String(label.dropLast())) }
        guard let watts = values["watts"] else {
            return .failure(Problem(message: "Bitte die gemessene Standby-Leistung in W angeben, \(standbyExample)."))
        }
        if let problem = outside(watts, VisitRules.watts, what: "Standby-Leistung", unit: "W") {
            return .failure(problem)
        }
        let hours = values["hours"] ?? QuestionnaireDefaults.standbyHoursPerDay
        if let problem = outside(hours, VisitRules.hoursPerDay, what: "Stunden im Standby", unit: "h") {
            return .failure(problem)
        }
        if !label.isEmpty, let problem = TextCheck.problem(label, .standbyLabel) {
            return .failure(Problem(message: problem))
        }
        return .success(StandbyRowAnswer(label: label.isEmpty ? nil : label, watts: watts, hoursPerDay: hours))
    }

    /// `15 × 6 min`: showers a week of the whole household and minutes each.
    static func showers(_ text: String) -> Result<(perWeek: Double, minutes: Double), Problem> {
        let found: (quantities: [Quantity], rest: String)
        switch extract(text, units: showerUnits) {
        case .failure(let problem): return .failure(problem)
        case .success(let value): found = value
        }
        var values: [String: Double] = [:]
        for quantity in found.quantities {
            guard values[quantity.key] == nil else { return .failure(twice(quantity.key)) }
            values[quantity.key] = quantity.value
        }
        let fillers = ["duschen", "dusche", "pro", "woche", "je", "/woche", "à", "a", "jeweils"]
        for word in tokens(found.rest) where !fillers.contains(word) {
            if isNumber(word) {
                return .failure(
                    Problem(
                        message: "Bei „\(word)“ fehlt die Einheit: × (Duschen pro Woche) oder min, \(showerExample)."))
            }
            return .failure(unknown(word, example: showerExample))
        }
        guard let perWeek = values["count"] else {
            return .failure(Problem(message: "Bitte angeben, wie oft pro Woche geduscht wird, \(showerExample)."))
        }
        if let problem = outside(perWeek, VisitRules.showersPerWeek, what: "Duschen pro Woche", unit: nil) {
            return .failure(problem)
        }
        let minutes = values["minutes"] ?? QuestionnaireDefaults.showerMinutes
        if let problem = outside(minutes, VisitRules.showerMinutes, what: "Minuten je Dusche", unit: "min") {
            return .failure(problem)
        }
        return .success((perWeek, minutes))
    }

    /// `j`/`alle` for every listed number, `n`/`keine` for none, or numbers such as `1 3` or `1-3`.
    static func selection(_ text: String, allowed: [Int]) -> Result<[Int], Problem> {
        let word = text.trimmed.lowercased()
        if ["j", "ja", "y", "yes", "alle"].contains(word) { return .success(allowed) }
        if ["n", "nein", "no", "keine", "kein", "-"].contains(word) { return .success([]) }
        let list = allowed.map(String.init).joined(separator: ", ")
        var chosen: Set<Int> = []
        let parts = word.split { $0 == " " || $0 == "," || $0 == ";" || $0 == "+" }
        guard !parts.isEmpty else { return .failure(Problem(message: "Bitte „j“, „n“ oder Nummern eingeben.")) }
        for part in parts {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]),
                low <= high, high - low < 1000
            else {
                return .failure(
                    Problem(
                        message:
                            "„\(part)“ ist keine Nummer. Bitte „j“ (alle), „n“ (keine) oder Nummern wie „\(allowed.prefix(2).map(String.init).joined(separator: " "))“ eingeben."
                    ))
            }
            for number in low...high {
                guard allowed.contains(number) else {
                    return .failure(Problem(message: "Nummer \(number) gibt es hier nicht; möglich: \(list)."))
                }
                chosen.insert(number)
            }
        }
        return .success(chosen.sorted())
    }

    /// How a selection is stored: `alle`, `keine` or the numbers, e.g. `1 3`.
    static func storedSelection(_ chosen: [Int], allowed: [Int]) -> String {
        if chosen.isEmpty { return "keine" }
        if chosen == allowed { return "alle" }
        return chosen.map(String.init).joined(separator: " ")
    }

    // MARK: Pieces

    /// The label before the last `:` and the rest; no label without a `:`.
    static func splitLabel(_ text: String) -> (label: String?, rest: String) {
        guard let colon = text.lastIndex(of: ":") else { return (nil, text) }
        let label = collapseSpaces(String(text[..<colon]))
        return (label.isEmpty ? nil : label, String(text[text.index(after: colon)...]))
    }

    /// Numbers followed by one of the units (as typed, any case), and the text without them; a number without a
    /// known unit stays in the rest.
    /// The quantities of a row with their values by key; a quantity given twice is a problem.
    static func values(_ text: String, units: [String: String]) -> Result<
        (quantities: [Quantity], values: [String: Double], rest: String), Problem
    > {
        let found: (quantities: [Quantity], rest: String)
        switch extract(text, units: units) {
        case .failure(let problem): return .failure(problem)
        case .success(let value): found = value
        }
        var values: [String: Double] = [:]
        for quantity in found.quantities {
            guard values[quantity.key] == nil else { return .failure(twice(quantity.key)) }
            values[quantity.key] = quantity.value
        }
        return .success((found.quantities, values, found.rest))
    }

    static func extract(_ text: String, units: [String: String]) -> Result<
        (quantities: [Quantity], rest: String), Problem
    > {
        let chars = Array(text)
        let aliases = units.keys.sorted { $0.count > $1.count }.map { (Array($0), $0) }
        var quantities: [Quantity] = []
        var rest = ""
        var i = 0
        // Right after a unit a number may follow without a space: `3x60W`.
        var afterUnit = false
        while i < chars.count {
            let startsNumber =
                chars[i].isASCII && chars[i].isNumber && (i == 0 || !chars[i - 1].isLetter || afterUnit)
            afterUnit = false
            guard startsNumber else {
                rest.append(chars[i])
                i += 1
                continue
            }
            var end = i
            while end < chars.count,
                (chars[end].isASCII && chars[end].isNumber) || chars[end] == "," || chars[end] == "."
            {
                end += 1
            }
            while end > i, chars[end - 1] == "," || chars[end - 1] == "." { end -= 1 }
            let numeral = String(chars[i..<end])
            var k = end
            while k < chars.count, chars[k] == " " { k += 1 }
            var unit: (length: Int, key: String)?
            for (alias, name) in aliases where k + alias.count <= chars.count {
                let typed = String(chars[k..<(k + alias.count)]).lowercased()
                let after = k + alias.count
                if typed == name && (after == chars.count || !chars[after].isLetter) {
                    unit = (alias.count, units[name] ?? name)
                    break
                }
            }
            guard let unit else {
                rest += numeral
                i = end
                continue
            }
            switch NumberText.parseNumeral(numeral) {
            case .number(let value):
                quantities.append(Quantity(value: value, key: unit.key))
            case .ambiguousGrouping(let thousands, let decimal):
                return .failure(
                    Problem(message: "„\(numeral)“ ist mehrdeutig: bitte \(thousands) oder \(decimal) eingeben."))
            case .notANumber:
                return .failure(Problem(message: "„\(numeral)“ ist keine Zahl."))
            }
            rest += " "
            i = k + unit.length
            afterUnit = true
        }
        return .success((quantities, rest))
    }

    /// Words of the rest, lower-cased, without commas and brackets.
    static func tokens(_ text: String) -> [String] {
        text.lowercased().split { $0 == " " || $0 == "," || $0 == ";" || $0 == ":" || $0 == "(" || $0 == ")" }
            .map(String.init)
    }

    static func isNumber(_ word: String) -> Bool {
        if case .notANumber = NumberText.parseNumeral(word) { return false }
        return true
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ").trimmed
    }

    static func outside(_ value: Double, _ range: AllowedRange, what: String, unit: String?) -> Problem? {
        guard !range.contains(value) else { return nil }
        return Problem(
            message:
                "\(what): \(GermanNumber.text(value)) geht nicht; erlaubt \(GermanNumber.range(range, unit: unit)).")
    }

    static func twice(_ key: String) -> Problem {
        let names = [
            "lamps": "die Anzahl", "watts": "die Watt", "hours": "die Stunden", "count": "die Anzahl",
            "minutes": "die Minuten",
        ]
        return Problem(message: "Bitte \(names[key] ?? key) nur einmal angeben.")
    }

    static func unknown(_ word: String, example: String) -> Problem {
        Problem(message: "„\(word)“ verstehe ich hier nicht; \(example).")
    }
}

extension LampTechnology {
    /// The lamp type a typed word names: `Glühlampe(n)`, `Halogen(spot)`, `ESL`, `Energiesparlampe`, `LED(s)`.
    static func matching(_ word: String) -> LampTechnology? {
        let w = word.lowercased()
        if w.hasPrefix("led") { return .led }
        if w.hasPrefix("halogen") { return .halogen }
        if w.hasPrefix("glüh") || w.hasPrefix("glueh") || w.hasPrefix("birne") || w == "incandescent" {
            return .incandescent
        }
        if w.hasPrefix("energiespar") || w.hasPrefix("sparlampe") || w.hasPrefix("kompakt") || w == "esl" || w == "cfl"
            || w.hasPrefix("leuchtstoff")
        {
            return .cfl
        }
        return nil
    }

    /// A short German word for rows and the recap.
    var shortLabel: String {
        switch self {
        case .incandescent: "Glühlampe"
        case .halogen: "Halogen"
        case .cfl: "Energiesparlampe"
        case .led: "LED"
        }
    }
}
