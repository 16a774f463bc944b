/// CLDR's cardinal plural rules for every language CLDR describes, read from ``rules`` (generated from CLDR's
/// `plurals.json`) and evaluated as TR35 defines them: operands n, i, v, w, f, t, c/e; relations `=` and `!=` with
/// value lists and ranges; `%`; `and` before `or`.
///
/// esp evaluates the rules itself rather than asking ICU: the data is the CLDR release the tests check against
/// (the machine's ICU 72 carries CLDR 42), and the module needs no C library.
enum CLDRPlurals {
    /// A relation such as `i % 10 = 2..4,9`.
    struct Relation: Sendable {
        let operand: Character
        let modulus: Double?
        let equal: Bool
        let ranges: [ClosedRange<Double>]

        func holds(_ o: PluralRules.Operands) -> Bool {
            var value: Double
            switch operand {
            case "n": value = o.n
            case "i": value = Double(o.i)
            case "v": value = Double(o.v)
            case "w": value = Double(o.w)
            case "f": value = Double(o.f)
            case "t": value = Double(o.t)
            case "c", "e": value = Double(o.e)
            default: return false
            }
            if let modulus { value = value.truncatingRemainder(dividingBy: modulus) }
            // A range of integers holds integer values only: n = 1.5 is not in 1..2.
            let inside = ranges.contains {
                $0.contains(value) && (value == value.rounded() || $0.lowerBound == $0.upperBound)
            }
            return inside == equal
        }
    }

    /// `or` of `and`s.
    typealias Condition = [[Relation]]

    /// Parses a condition; nil when it does not follow TR35's syntax.
    static func parse(_ text: String) -> Condition? {
        var alternatives: Condition = []
        for orPart in text.components(separatedBy: " or ") {
            var relations: [Relation] = []
            for andPart in orPart.components(separatedBy: " and ") {
                guard let relation = relation(andPart) else { return nil }
                relations.append(relation)
            }
            alternatives.append(relations)
        }
        return alternatives
    }

    static func relation(_ text: String) -> Relation? {
        let equal = !text.contains("!=")
        let sides = text.components(separatedBy: equal ? "=" : "!=")
        guard sides.count == 2 else { return nil }
        let left = sides[0].split(separator: " ").joined()
        guard let operand = left.first, "nivwftce".contains(operand) else { return nil }
        var modulus: Double?
        if left.count > 1 {
            guard left.dropFirst().first == "%", let m = Double(left.dropFirst(2)) else { return nil }
            modulus = m
        }
        var ranges: [ClosedRange<Double>] = []
        for item in sides[1].split(separator: ",") {
            let bounds = item.trimmingSpaces.components(separatedBy: "..")
            guard let low = Double(bounds[0]), let high = Double(bounds.last ?? ""), low <= high else { return nil }
            ranges.append(low...high)
        }
        return Relation(operand: operand, modulus: modulus, equal: equal, ranges: ranges)
    }

    /// One language's conditions by category, in the order of ``rules``; nil when CLDR gives it none.
    ///
    /// Only the language's own lines are parsed: parsing every language's rules at start-up was 43 % of the
    /// instructions of `esp advise`.
    static func conditions(for language: String) -> [(PluralCategory, Condition)]? {
        let prefix = Array((language + " ").utf8)
        var found: [(PluralCategory, Condition)] = []
        for line in rules.utf8.split(separator: UInt8(ascii: "\n")) {
            let trimmed = line.drop { $0 == UInt8(ascii: " ") }
            guard trimmed.starts(with: prefix) else { continue }
            let parts = String(decoding: trimmed, as: UTF8.self).split(separator: " ", maxSplits: 2).map(String.init)
            guard parts.count == 3, let category = PluralCategory(rawValue: parts[1]),
                let condition = parse(parts[2])
            else { continue }
            found.append((category, condition))
        }
        return found.isEmpty ? nil : found
    }

    /// The languages ``rules`` gives conditions for.
    static var languagesWithRules: Set<String> {
        Set(
            rules.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
                line.drop { $0 == UInt8(ascii: " ") }.split(separator: UInt8(ascii: " ")).first.map {
                    String(decoding: $0, as: UTF8.self)
                }
            })
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
