import AdviceLocalization
import Foundation
import TestSupport
import Testing

/// Every sample number CLDR gives for every language falls into the category CLDR names (CLDR 47
/// `supplemental/plurals.json`, copied to Tests/AdviceLocalizationTests/CLDR under the Unicode license).
@Suite("CLDR plural rules")
struct CLDRPluralTests {
    static let file = Checkout.root + "/Tests/AdviceLocalizationTests/CLDR/plurals.json"

    /// A sample as CLDR writes it: `17`, `1.50`, `1c6` (compact: 1 × 10⁶, exponent 6), `1.0000001c6`.
    static func operands(_ sample: String) -> PluralRules.Operands? {
        let parts = sample.split(separator: "c")
        let mantissa = String(parts[0])
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        guard let value = Double(mantissa) else { return nil }
        let digits = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
        var scale = 1.0
        for _ in 0..<exponent { scale *= 10 }
        return PluralRules.Operands(value * scale, fractionDigits: max(0, digits - exponent), exponent: exponent)
    }

    /// `0, 2~16, 100, …` and `0.0~1.5` expanded: a range steps by its last visible digit.
    static func samples(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0 != "…" && !$0.isEmpty }
            .flatMap { item -> [String] in
                let bounds = item.split(separator: "~").map(String.init)
                guard bounds.count == 2, let low = Double(bounds[0]), let high = Double(bounds[1]) else {
                    return [item]
                }
                let digits = bounds[0].split(separator: ".").dropFirst().first?.count ?? 0
                var step = 1.0
                for _ in 0..<digits { step /= 10 }
                return stride(from: low, through: high + step / 2, by: step).map { String(format: "%.\(digits)f", $0) }
            }
    }

    @Test func everySampleOfEveryLanguage() throws {
        let data = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.file)))
        let supplemental = try #require((data as? [String: Any])?["supplemental"] as? [String: Any])
        let languages = try #require(supplemental["plurals-type-cardinal"] as? [String: [String: String]])
        var checked = 0
        var failures: [String] = []
        for (language, rules) in languages.sorted(by: { $0.key < $1.key }) {
            guard let plural = PluralRules.forLanguage(language) else {
                failures.append("\(language): no rules")
                continue
            }
            let expectedCategories = Set(rules.keys.map { $0.replacingOccurrences(of: "pluralRule-count-", with: "") })
            if Set(plural.categories.map(\.rawValue)) != expectedCategories {
                failures.append("\(language): categories \(plural.categories.map(\.rawValue).sorted())")
            }
            for (key, rule) in rules {
                let category = key.replacingOccurrences(of: "pluralRule-count-", with: "")
                for part in rule.components(separatedBy: "@").dropFirst() {
                    let list = part.drop { $0 != " " }
                    for sample in Self.samples(String(list)) {
                        guard let operands = Self.operands(sample) else { continue }
                        checked += 1
                        let got = plural.category(operands).rawValue
                        if got != category { failures.append("\(language) \(sample): \(got), CLDR says \(category)") }
                    }
                }
            }
        }
        #expect(languages.count == 219)
        #expect(checked > 5000)
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(20).joined(separator: "; "))")
    }

    /// The reviewer's case: 21 is `one` in Russian and Ukrainian (21 лампу), 1.5 is `other`.
    @Test func slavicOneCoversTwentyOne() throws {
        for language in ["ru", "uk"] {
            let rules = try #require(PluralRules.forLanguage(language))
            #expect(rules.category(21) == .one)
            #expect(rules.category(3) == .few)
            #expect(rules.category(11) == .many)
            #expect(rules.category(1.5, fractionDigits: 1) == .other)
        }
        #expect(PluralRules.forLanguage("ar")?.categories.count == 6)
        #expect(PluralRules.forLanguage("pt-PT")?.language == "pt-PT")
        #expect(PluralRules.forLanguage("ja")?.categories == [.other])
    }
}
