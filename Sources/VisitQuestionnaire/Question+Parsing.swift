import EnergyAdvice

extension Question {
    /// Parses an answer line; an empty line stands for the default.
    func parse(_ line: String) -> ParseResult {
        let text = line.trimmed
        if text.isEmpty {
            guard let defaultAnswer, !defaultAnswer.isEmpty else {
                return .rejected("Bitte eine Antwort eingeben; für diese Frage gibt es keine Vorgabe.")
            }
            return parseGiven(defaultAnswer)
        }
        return parseGiven(text)
    }

    private func parseGiven(_ text: String) -> ParseResult {
        if isOptional && AnswerWords.isSkip(text) {
            return .value(ParsedAnswer(value: .none, stored: AnswerWords.skip, note: nil))
        }
        if isRow && RowText.doneWords.contains(text.lowercased()) {
            return .value(ParsedAnswer(value: .none, stored: AnswerWords.done, note: nil))
        }
        switch kind {
        case .number(let range):
            return parseNumber(text, range: range, whole: false)
        case .integer(let range):
            return parseNumber(text, range: range, whole: true)
        case .choice(let choices):
            return parseChoice(text, choices)
        case .yesNo:
            let word = text.lowercased()
            if AnswerWords.yes.contains(word) { return .value(ParsedAnswer(value: .yes(true), stored: "j")) }
            if AnswerWords.no.contains(word) { return .value(ParsedAnswer(value: .yes(false), stored: "n")) }
            return .rejected("Bitte „j“ (ja) oder „n“ (nein) eingeben.")
        case .text:
            if let problem = TextCheck.problem(text, textRule) { return .rejected(problem) }
            return .value(ParsedAnswer(value: .text(text), stored: text))
        case .date:
            guard let date = DateText.parse(text) else {
                return .rejected(
                    "„\(text)“ ist kein Datum; bitte als TT.MM.JJJJ oder JJJJ-MM-TT eingeben, z. B. 14.03.2026.")
            }
            return .value(ParsedAnswer(value: .date(date), stored: date.description))
        case .flow(let range):
            return parseRate(text, range: range, rate: .flow)
        case .energyPerDay(let range):
            return parseRate(text, range: range, rate: .energyPerDay)
        case .lampRow:
            switch RowText.lamps(text) {
            case .failure(let problem): return .rejected(problem.message)
            case .success(let row): return .value(ParsedAnswer(value: .lamps(row), stored: text, note: "= \(row.text)"))
            }
        case .standbyRow:
            switch RowText.standby(text) {
            case .failure(let problem): return .rejected(problem.message)
            case .success(let row):
                return .value(ParsedAnswer(value: .standby(row), stored: text, note: "= \(row.text)"))
            }
        case .showerRow:
            if text == "0" { return .value(ParsedAnswer(value: .none, stored: AnswerWords.skip, note: nil)) }
            switch RowText.showers(text) {
            case .failure(let problem): return .rejected(problem.message)
            case .success(let habit):
                return .value(
                    ParsedAnswer(value: .showers(perWeek: habit.perWeek, minutes: habit.minutes), stored: text))
            }
        case .selection(let allowed):
            switch RowText.selection(text, allowed: allowed) {
            case .failure(let problem): return .rejected(problem.message)
            case .success(let chosen):
                return .value(
                    ParsedAnswer(value: .selection(chosen), stored: RowText.storedSelection(chosen, allowed: allowed)))
            }
        }
    }

    /// True for the questions that add a row until the advisor says `fertig`.
    var isRow: Bool {
        switch kind {
        case .lampRow, .standbyRow: true
        default: false
        }
    }

    private func parseNumber(_ text: String, range: AllowedRange, whole: Bool) -> ParseResult {
        let allowed = "Erlaubt: \(GermanNumber.range(range, unit: unit))."
        let (numeral, typedUnit) = NumberText.split(text)
        if !typedUnit.isEmpty, !NumberText.unitMatches(typedUnit, unit),
            let conversion = conversions.first(where: { $0.matches(typedUnit) })
        {
            return parseConverted(text, numeral: numeral, conversion, range: range, allowed: allowed)
        }
        let value: Double
        switch NumberText.parse(text, unit: unit) {
        case .number(let x): value = x
        case .ambiguousGrouping(let digits, let decimal):
            return .rejected(
                "„\(text)“ ist mehrdeutig: bitte ohne Tausenderpunkt eingeben (\(digits)) oder mit Komma (\(decimal)). \(allowed)"
            )
        case .notANumber:
            let others = conversions.isEmpty ? "" : " (auch in \(conversions.map(\.unit).joined(separator: ", ")))"
            return .rejected("„\(text)“ ist keine Zahl\(unit.map { " in \($0)" } ?? "")\(others). \(allowed)")
        }
        if whole {
            guard value == value.rounded(), let integer = Int(exactly: value) else {
                return .rejected("Bitte eine ganze Zahl eingeben. \(allowed)")
            }
            guard range.contains(value) else {
                return .rejected("\(GermanNumber.text(value)) liegt außerhalb des erlaubten Bereichs. \(allowed)")
            }
            return .value(ParsedAnswer(value: .integer(integer), stored: text))
        }
        guard range.contains(value) else {
            return .rejected("\(GermanNumber.text(value)) liegt außerhalb des erlaubten Bereichs. \(allowed)")
        }
        return .value(ParsedAnswer(value: .number(value), stored: text))
    }

    /// `11,50 €/Monat` for a yearly price: converted, range-checked in the question's unit, and told.
    private func parseConverted(
        _ text: String, numeral: String, _ conversion: UnitConversion, range: AllowedRange, allowed: String
    ) -> ParseResult {
        guard case .number(let typed) = NumberText.parseNumeral(numeral) else {
            return .rejected("„\(text)“ ist keine Zahl. \(allowed)")
        }
        let value = GermanNumber.rounded(typed * conversion.factor, decimals: conversion.decimals)
        let result = "\(GermanNumber.text(value)) \(unit ?? "")".trimmed
        guard range.contains(value) else {
            return .rejected("„\(text)“ ergibt \(result); das liegt außerhalb des erlaubten Bereichs. \(allowed)")
        }
        let why = conversion.explanation.replacingAll("{typed}", with: GermanNumber.text(typed))
        return .value(ParsedAnswer(value: .number(value), stored: text, note: "= \(result) \(why)".trimmed))
    }

    private func parseChoice(_ text: String, _ choices: [Choice]) -> ParseResult {
        let key = text.lowercased()
        let match: Choice?
        if let index = Int(text), (1...choices.count).contains(index) {
            match = choices[index - 1]
        } else {
            match =
                choices.first { $0.value.lowercased() == key || $0.label.lowercased() == key }
                ?? uniquePrefixMatch(key, choices)
        }
        guard let match else {
            let list = choices.enumerated().map { "\($0.offset + 1) \($0.element.label)" }.joined(separator: ", ")
            return .rejected("„\(text)“ ist keine der Möglichkeiten. Bitte wählen: \(list).")
        }
        return .value(ParsedAnswer(value: .choice(match.value), stored: match.value))
    }

    /// "Kühl" is enough when only one label starts with it.
    private func uniquePrefixMatch(_ key: String, _ choices: [Choice]) -> Choice? {
        guard key.count >= 3 else { return nil }
        let hits = choices.filter { $0.label.lowercased().hasPrefix(key) || $0.value.lowercased().hasPrefix(key) }
        return hits.count == 1 ? hits.first : nil
    }

    private func parseRate(_ text: String, range: AllowedRange, rate: RateText.Kind) -> ParseResult {
        let allowed = "Erlaubt: \(GermanNumber.range(range, unit: unit))."
        switch RateText.parse(text, kind: rate, unit: unit) {
        case .failure(let message):
            return .rejected("\(message) \(allowed)")
        case .success(let measured):
            let value = measured.value
            guard range.contains(value) else {
                let made =
                    measured.converted
                    ? "„\(text)“ ergibt \(GermanNumber.text(value)) \(unit ?? "")" : GermanNumber.text(value)
                return .rejected("\(made.trimmed) liegt außerhalb des erlaubten Bereichs. \(allowed)")
            }
            let note = measured.converted ? "= \(GermanNumber.text(value)) \(unit ?? "")".trimmed : nil
            return .value(ParsedAnswer(value: .number(value), stored: text, note: note))
        }
    }
}
