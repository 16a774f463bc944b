import AdviceData
import AdviceLocalization
import EnergyAdvice
import SafeText

/// The data checks as staff read them: the problems one by one, a line that sums them up.
public struct DataCheckText: Sendable {
    /// Lines for the person who ran the check and, when some data cannot be used, the line that says so.
    public struct Report: Sendable {
        /// Errors and warnings, as `file:line: message`.
        public var diagnostics: [Diagnostic]
        /// Lines for standard output (a summary, per-language coverage).
        public var lines: [String]
        /// Set when some data cannot be used: the last line, after the problems.
        public var failure: String?
    }

    /// The staff's texts.
    public let text: StaffText

    /// Check reports in the staff's language.
    public init(text: StaffText) {
        self.text = text
    }

    /// A tariff folder's check.
    public func tariffs(_ directory: String, check: TariffCheck, cities: Int) -> Report {
        let folder = MessageArgument.text(directory)
        guard check.errors.isEmpty else {
            return Report(
                diagnostics: check.diagnostics, lines: [],
                failure: text("check.tariffs.problems", ["folder": folder, "count": text.count(check.errors.count)]))
        }
        let line =
            check.warnings.isEmpty
            ? text("check.tariffs.valid", ["folder": folder, "cities": text.count(cities)])
            : text(
                "check.tariffs.validWarnings",
                ["folder": folder, "cities": text.count(cities), "warnings": text.count(check.warnings.count)])
        return Report(diagnostics: check.diagnostics, lines: [line])
    }

    /// A locales folder's check: coverage per language, household texts first, then the staff texts.
    public func locales(_ directory: String, household: LocalesReport, staff: LocalesReport) -> Report {
        let lines = household.languages.map { language in
            let percent = language.total == 0 ? 0 : 100 * language.translated / language.total
            return "\(language.language): \(language.translated)/\(language.total) units (\(percent) %)"
                + Self.listed("missing", language.missing) + Self.listed("extra", language.extra)
        }
        let staffLines = staff.languages.map { language in
            "\(StaffText.folder)/\(language.language): \(language.translated)/\(language.total) units"
                + Self.listed("missing", language.missing)
        }
        let failed = household.hasErrors || staff.hasErrors
        return Report(
            diagnostics: household.issues + staff.issues, lines: lines + staffLines,
            failure: failed ? text("check.locales.failed", ["folder": .text(directory)]) : nil)
    }

    /// `, missing: a, b` — or, for a long list, how many and the first few.
    static func listed(_ label: String, _ ids: [String]) -> String {
        if ids.isEmpty { return "" }
        if ids.count <= 8 { return ", \(label): \(ids.joined(separator: ", "))" }
        return ", \(label): \(ids.count) units (\(ids.prefix(3).joined(separator: ", ")), …)"
    }

    /// The languages that have texts, with their plural categories.
    public static func languages(_ languages: [String]) -> String {
        languages.map { language in
            let rules =
                PluralRules.forLanguage(language)
                .map { "plural categories: " + $0.categories.sorted().map(\.rawValue).joined(separator: ", ") }
                ?? "no built-in plural rules (uses 'other')"
            return "\(language)\(language == LocaleLibrary.sourceLanguage ? " (source)" : ""): \(rules)\n"
        }.joined()
    }

    /// The cities and their prices in force, with the marks that decide advice (default, basic supply, average,
    /// switch target and its conditions).
    public static func tariffList(_ cities: [CityTariffs]) -> String {
        var lines: [String] = []
        for city in cities {
            lines.append("\(city.id): \(city.name) – \(city.programme) (valid \(city.validFrom) to \(city.validUntil))")
            for tariff in city.electricityTariffs {
                let term = tariff.minimumTermMonths.map { "minimum term \($0) months" }
                let marks = [
                    tariff.isDefault ? "default" : nil, tariff.basicSupply ? "basic supply" : nil,
                    tariff.average ? "average, never a switch target" : nil,
                    tariff.isSwitchTarget ? "switch target" : nil, term, tariff.creditCheck ? "credit check" : nil,
                ].compactMap { $0 }
                lines.append(
                    "  electricity \(tariff.id): \(price(tariff.price))"
                        + (marks.isEmpty ? "" : " [\(marks.joined(separator: ", "))]"))
            }
            for fuel in HeatingFuel.allCases {
                guard let tariff = city.heatingTariffs[fuel] else { continue }
                lines.append("  heating \(fuel.rawValue): \(price(tariff))")
            }
            lines.append("  water + wastewater: \(PlainNumber.text(city.waterPriceEURPerM3.value)) €/m³")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func price(_ p: EnergyTariff) -> String {
        "\(p.supplier) \(p.name), \(PlainNumber.text(p.energyPriceCtPerKWh)) ct/kWh + "
            + "\(PlainNumber.text(p.basePriceEURPerYear)) €/year from \(p.validFrom)"
    }
}
