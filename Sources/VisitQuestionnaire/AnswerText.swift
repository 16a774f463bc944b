import AdviceData
import EnergyAdvice
import Foundation

/// Numbers as an advisor types them: `48`, `48,5`, `48.5`, `1.234,5`, optionally followed by the unit (`48 m²`).
enum NumberText {
    enum Result: Equatable {
        case number(Double)
        /// `2.300`: thousands or decimals? Carries the two readings, for the message.
        case ambiguousGrouping(asThousands: String, asDecimal: String)
        case notANumber
    }

    static func parse(_ text: String, unit: String?) -> Result {
        let (number, rest) = split(text)
        if !rest.isEmpty && !unitMatches(rest, unit) { return .notANumber }
        return parseNumeral(number)
    }

    /// The leading numeral and whatever follows it, both trimmed.
    static func split(_ text: String) -> (number: String, rest: String) {
        let trimmed = text.trimmed
        let numeral = trimmed.prefix { "0123456789.,+-".contains($0) }
        return (String(numeral), String(trimmed.dropFirst(numeral.count)).trimmed)
    }

    static func parseNumeral(_ numeral: String) -> Result {
        var body = Substring(numeral)
        var sign = 1.0
        if body.first == "-" || body.first == "+" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ "0123456789.,".contains($0) }), body.contains(where: \.isNumber) else {
            return .notANumber
        }
        let commas = body.filter { $0 == "," }.count
        let dots = body.filter { $0 == "." }.count
        var plain: String
        if commas == 1 {
            // German: the comma is the decimal mark; dots before it may only group thousands.
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].contains("."), !parts[1].isEmpty else { return .notANumber }
            let integer = parts[0]
            if dots > 0 && !isGrouped(integer) { return .notANumber }
            plain = integer.filter { $0 != "." } + "." + parts[1]
        } else if commas > 1 {
            return .notANumber
        } else if dots == 1 {
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty else { return .notANumber }
            if isGrouped(body), parts[0].first != "0" {
                return .ambiguousGrouping(
                    asThousands: String(parts[0] + parts[1]), asDecimal: String(parts[0] + "," + parts[1]))
            }
            plain = String(body)
        } else if dots > 1 {
            guard isGrouped(body) else { return .notANumber }
            plain = body.filter { $0 != "." }
        } else {
            plain = String(body)
        }
        if plain.hasPrefix(".") { plain = "0" + plain }
        guard let value = Double(plain), value.isFinite else { return .notANumber }
        return .number(sign * value)
    }

    /// `1.234` or `12.345.678`: one to three digits, then groups of three after each dot.
    static func isGrouped(_ text: Substring) -> Bool {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isNumber) } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// `48 m2` for `m²`, `12 l/min` for `L/min`, `68 €` or `68 Euro` for `€/Monat`.
    static func unitMatches(_ typed: String, _ unit: String?) -> Bool {
        guard let unit else { return false }
        let given = normalizedUnit(typed)
        let whole = normalizedUnit(unit)
        let head = normalizedUnit(String(unit.split(separator: "/").first ?? Substring(unit)))
        return given == whole || given == head || (given == "euro" && head == "eur")
    }

    static func normalizedUnit(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() where ch != " " && ch != "°" {
            switch ch {
            case "²": out += "2"
            case "³": out += "3"
            case "€": out += "eur"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// Numbers and ranges as the German questionnaire writes them: decimal comma, no grouping (so they can be typed back).
public enum GermanNumber {
    /// `11,25`, `12`, `0,5`.
    public static func text(_ value: Double) -> String {
        String(PlainNumber.text(value).map { $0 == "." ? "," : $0 })
    }

    /// `von 1 bis 12 Personen`, `mehr als 0 bis 50000 kWh/Jahr`; bounds worked out from readings are shown with at
    /// most two decimals.
    public static func range(_ range: AllowedRange, unit: String?) -> String {
        let suffix = unit.map { " \($0)" } ?? ""
        let lower = text(rounded(range.lower, decimals: 2))
        let upper = text(rounded(range.upper, decimals: 2))
        return range.lowerInclusive
            ? "von \(lower) bis \(upper)\(suffix)"
            : "mehr als \(lower) bis \(upper)\(suffix)"
    }

    /// Rounds to a number of decimals, for values derived from measurements.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}

/// A rate typed directly or as a measurement "amount in time": `1 l in 5 s`, `0,3 kWh in 8 h`.
enum RateText {
    enum Kind {
        /// Litres per minute from litres and seconds (a jug under the shower and a watch).
        case flow
        /// kWh per day from a plug meter's kWh and the hours it measured.
        case energyPerDay
    }

    struct Measured: Equatable {
        var value: Double
        /// True when the value was worked out from a measurement, so the advisor is told the result.
        var converted: Bool
    }

    struct Problem: Error, Equatable {
        var message: String
    }

    static func parse(_ text: String, kind: Kind, unit: String?) -> Result<Measured, Problem> {
        let lower = text.lowercased()
        let example = kind == .flow ? "„1 l in 5 s“" : "„0,3 kWh in 8 h“"
        let direct = kind == .flow ? "L/min" : "kWh/Tag"
        guard let separator = lower.range(of: " in ") else {
            switch NumberText.parse(text, unit: unit) {
            case .number(let value): return .success(Measured(value: value, converted: false))
            case .ambiguousGrouping(let thousands, let decimal):
                return .failure(
                    Problem(message: "„\(text)“ ist mehrdeutig: bitte \(thousands) oder \(decimal) eingeben."))
            case .notANumber:
                return .failure(
                    Problem(message: "„\(text)“ ist weder ein Wert in \(direct) noch eine Messung wie \(example)."))
            }
        }
        let amountText = String(lower[..<separator.lowerBound])
        let timeText = String(lower[separator.upperBound...])
        let amountUnits: [String: Double] =
            kind == .flow
            ? ["": 1, "l": 1, "liter": 1, "litre": 1, "ml": 0.001]
            : ["": 1, "kwh": 1, "wh": 0.001]
        let timeUnits: [String: Double] =
            kind == .flow
            ? ["": 1, "s": 1, "sek": 1, "sec": 1, "sekunde": 1, "sekunden": 1, "min": 60, "minute": 60, "minuten": 60]
            : ["": 1, "h": 1, "std": 1, "stunde": 1, "stunden": 1, "d": 24, "tag": 24, "tage": 24, "tagen": 24]
        guard let amount = quantity(amountText, units: amountUnits), let time = quantity(timeText, units: timeUnits)
        else {
            return .failure(Problem(message: "„\(text)“ ist keine Messung wie \(example)."))
        }
        guard time > 0 else { return .failure(Problem(message: "Die gemessene Zeit muss größer als 0 sein.")) }
        guard amount >= 0 else { return .failure(Problem(message: "Die gemessene Menge darf nicht negativ sein.")) }
        // Litres per second × 60 = L/min; kWh per hour × 24 = kWh per day. A jug and a watch give about
        // 0.1 L/min, a plug meter about 0.01 kWh: more decimals would only pretend precision.
        let value =
            kind == .flow
            ? GermanNumber.rounded(amount / time * 60, decimals: 1)
            : GermanNumber.rounded(amount / time * 24, decimals: 2)
        return .success(Measured(value: value, converted: true))
    }

    /// `1 l`, `1l`, `5 s`, `1,5 liter`: a non-negative number in one of the units, scaled to the base unit.
    static func quantity(_ text: String, units: [String: Double]) -> Double? {
        let (numeral, rest) = NumberText.split(text)
        guard case .number(let value) = NumberText.parseNumeral(numeral), let factor = units[rest.lowercased()] else {
            return nil
        }
        return value * factor
    }
}

/// Dates as `2026-03-14` or `14.03.2026` (also `14.3.2026`).
enum DateText {
    static func parse(_ text: String) -> CalendarDate? {
        if let iso = CalendarDate(iso: text) { return iso }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// `14.03.2026`, as German forms write dates.
    static func german(_ date: CalendarDate) -> String {
        let iso = date.description
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    /// The same day one year earlier; 29 February becomes 28 February.
    static func yearBefore(_ date: CalendarDate) -> CalendarDate {
        CalendarDate(year: date.year - 1, month: date.month, day: date.day)
            ?? CalendarDate(year: date.year - 1, month: date.month, day: 28)
            ?? date
    }
}

/// Checks text answers by the rules of the field they fill.
///
/// Visit ids and language tags are checked with ``VisitRules``. The rules for city ids and text lengths live in
/// the visit decoder, so a text is checked by writing a small valid visit that carries it and reading it back:
/// the decoder's verdict, never a copy of its rules.
enum TextCheck {
    static func problem(_ text: String, _ rule: TextRule) -> String? {
        switch rule {
        case .none:
            return nil
        case .visitID:
            return VisitRules.isValidVisitId(text) ? nil : "„\(text)“ geht als Besuchsnummer nicht. \(visitIdRule)"
        case .city(let known):
            if !known.isEmpty && !known.contains(text) {
                return "Für „\(text)“ gibt es keine Tarifdatei. Bekannte Städte: \(known.joined(separator: ", "))."
            }
            return probe { $0.city = text }
        case .language(let known):
            guard VisitRules.isValidLanguage(text) else {
                return "„\(text)“ ist kein Sprachkürzel; z. B. de, ru, tr."
            }
            if !known.isEmpty && !known.contains(text) {
                return "Für „\(text)“ gibt es keine Übersetzung. Vorhanden: \(known.joined(separator: ", "))."
            }
            return nil
        case .room:
            return probe {
                $0.lighting = [
                    LightingRow(
                        room: text, lamps: Int(VisitRules.lamps.upper), watts: VisitRules.watts.upper,
                        technology: .led, hoursPerDay: VisitRules.hoursPerDay.upper)
                ]
            }
        case .standbyLabel:
            return probe {
                $0.appliances = [
                    .standby(
                        StandbyDevice(
                            label: text, watts: VisitRules.watts.upper,
                            hoursPerDay: VisitRules.hoursPerDay.upper))
                ]
            }
        case .advisor:
            return probe { $0.advisor = text }
        case .notes:
            return probe { $0.notes = text }
        case .supplier:
            return probe { $0.energyDebt = [EnergyDebt(carrier: .electricity, arrearsEUR: 1, supplier: text)] }
        case .contactName:
            return probe { $0.contact = HouseholdContact(name: text) }
        case .contactAddress:
            return probe { $0.contact = HouseholdContact(address: text) }
        }
    }

    /// The decoder's first complaint about a valid visit changed by `change`, or nil when it accepts it.
    static func probe(_ change: (inout Visit) -> Void) -> String? {
        guard let date = CalendarDate(year: 2000, month: 1, day: 1) else { return nil }
        // Every number is a bound of its VisitRules range, so the base visit is valid by construction.
        var visit = Visit(
            visitId: "probe", date: date, city: "probe",
            household: Household(
                persons: Int(VisitRules.persons.upper), dwelling: .flat,
                livingAreaM2: VisitRules.livingAreaM2.upper),
            electricity: ElectricityUse(annualKWh: VisitRules.electricityKWh.upper))
        change(&visit)
        do {
            _ = try VisitDecoder.decode(Array(VisitEncoder.text(visit).utf8), path: "answer")
            return nil
        } catch {
            if case .invalidVisit(_, let problems) = error, let first = problems.first {
                return german(first.message)
            }
            return "Nicht zulässig."
        }
    }

    /// ``VisitRules/isValidVisitId(_:)`` in German words.
    static let visitIdRule =
        "Erlaubt sind 1 bis 64 Zeichen: Buchstaben A–Z und a–z (ohne Umlaute), Ziffern, Punkt, Unterstrich und Bindestrich."

    /// The visit decoder's verdict on a text, in German: its messages name the same limits in English.
    static func german(_ message: String) -> String {
        if message.hasPrefix("text longer than ") {
            let limit = message.dropFirst("text longer than ".count).prefix { $0.isNumber }
            return "Zu lang: höchstens \(limit) Zeichen."
        }
        if message.hasPrefix("the control character ") {
            let name = message.dropFirst("the control character ".count).prefix { $0 != " " }
            return "Das Steuerzeichen \(name) ist nicht erlaubt; bitte einfachen Text schreiben."
        }
        if message.hasPrefix("empty") { return "Leer: bitte Namen oder Kürzel eingeben, oder „-“ für keine Angabe." }
        if message.contains("is not a city id") {
            return
                "Keine gültige Stadtkennung: Kleinbuchstaben, Ziffern, Punkt, Unterstrich oder Bindestrich, z. B. nuernberg."
        }
        return "Nicht zulässig (\(message))."
    }
}
