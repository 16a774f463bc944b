import EnergyAdvice

/// A row answer split into the fields a form shows, and put together again as the text the questionnaire parses
/// (`Küche: 3 × 60 W Glühlampe 4 h`), so a form and the terminal go through the same parsing and messages.
public enum RowParts {
    /// The parts of a lamp row: `room`, `lamps`, `watts`, `technology` (a ``LampTechnology`` raw value), `hours`.
    public static func lamp(_ stored: String) -> [String: String] {
        guard !isEnd(stored) else { return [:] }
        guard case .success(let row) = RowText.lamps(stored) else { return ["room": stored] }
        return [
            "room": row.room ?? "", "lamps": String(row.lamps), "watts": GermanNumber.text(row.watts),
            "technology": row.technology.rawValue, "hours": GermanNumber.text(row.hoursPerDay),
        ]
    }

    /// A lamp row's answer from its parts; "" when nothing but the lamp type is given (a blank row).
    public static func lampText(_ parts: [String: String]) -> String {
        let room = value(parts, "room")
        let lamps = value(parts, "lamps", dropping: ["x", "×", "stück", "stk"])
        let watts = value(parts, "watts", dropping: ["w", "watt"])
        let hours = value(parts, "hours", dropping: ["h", "std", "stunden"])
        guard !(room + lamps + watts + hours).isEmpty else { return "" }
        var words: [String] = []
        if !lamps.isEmpty { words.append("\(lamps) ×") }
        if !watts.isEmpty { words.append("\(watts) W") }
        if let technology = LampTechnology(rawValue: value(parts, "technology")) {
            words.append(technology.shortLabel)
        }
        if !hours.isEmpty { words.append("\(hours) h") }
        return labelled(room, words)
    }

    /// The parts of a standby row: `label`, `watts`, `hours`.
    public static func standby(_ stored: String) -> [String: String] {
        guard !isEnd(stored) else { return [:] }
        guard case .success(let row) = RowText.standby(stored) else { return ["label": stored] }
        return [
            "label": row.label ?? "", "watts": GermanNumber.text(row.watts),
            "hours": GermanNumber.text(row.hoursPerDay),
        ]
    }

    /// A standby row's answer from its parts; "" for a blank row.
    public static func standbyText(_ parts: [String: String]) -> String {
        let label = value(parts, "label")
        let watts = value(parts, "watts", dropping: ["w", "watt"])
        let hours = value(parts, "hours", dropping: ["h", "std", "stunden"])
        guard !(label + watts + hours).isEmpty else { return "" }
        var words: [String] = []
        if !watts.isEmpty { words.append("\(watts) W") }
        if !hours.isEmpty { words.append("\(hours) h") }
        return labelled(label, words)
    }

    /// The parts of the showers' answer: `perWeek`, `minutes`; empty for "no shower" or an empty answer.
    public static func showers(_ stored: String) -> [String: String] {
        guard !stored.trimmed.isEmpty, !AnswerWords.isSkip(stored.trimmed.lowercased()), stored.trimmed != "0" else {
            return [:]
        }
        guard case .success(let habit) = RowText.showers(stored) else { return ["perWeek": stored] }
        return ["perWeek": GermanNumber.text(habit.perWeek), "minutes": GermanNumber.text(habit.minutes)]
    }

    /// The showers' answer from its parts; "" (the default) when both are empty.
    public static func showersText(_ parts: [String: String]) -> String {
        let perWeek = value(parts, "perWeek", dropping: ["x", "×", "mal"])
        let minutes = value(parts, "minutes", dropping: ["min", "minuten"])
        guard !(perWeek + minutes).isEmpty else { return "" }
        return [perWeek.isEmpty ? "" : "\(perWeek) ×", minutes.isEmpty ? "" : "\(minutes) min"]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// True when a stored row ends its list or leaves it out.
    public static func isEnd(_ stored: String) -> Bool {
        let text = stored.trimmed.lowercased()
        return text.isEmpty || RowText.doneWords.contains(text)
    }

    /// A part without surrounding spaces and without its unit typed after it (`60 W` in the watts field).
    static func value(_ parts: [String: String], _ key: String, dropping units: [String] = []) -> String {
        var text = (parts[key] ?? "").trimmed
        for unit in units where text.lowercased().hasSuffix(unit) && text.count > unit.count {
            let head = String(text.dropLast(unit.count)).trimmed
            if let last = head.last, last.isNumber {
                text = head
                break
            }
        }
        return text
    }

    static func labelled(_ label: String, _ words: [String]) -> String {
        let what = words.joined(separator: " ")
        return label.isEmpty ? what : "\(label): \(what)"
    }
}
