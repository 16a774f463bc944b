import AdviceData
import AdviceLocalization
import AdviceReport
import EnergyAdvice
import SafeFiles
import SafeText

/// What a city's programme staff run after editing Tariffs/ or Locales/: the use cases behind `esp tariffs` and
/// `esp locales`.
public enum DataChecks {
    /// The answer of a check: the problems one by one, and a line that sums them up.
    public struct Report: Sendable {
        /// Errors and warnings, as `file:line: message`, for standard error.
        public var diagnostics: [Diagnostic]
        /// Lines for standard output (a summary, per-language coverage).
        public var lines: [String]
        /// Set when some data cannot be used: the last line, after the problems.
        public var failure: String?

        public init(diagnostics: [Diagnostic], lines: [String], failure: String? = nil) {
            self.diagnostics = diagnostics
            self.lines = lines
            self.failure = failure
        }
    }

    /// Every tariff file in `library`, checked as of `today`.
    public static func tariffs(_ library: TariffLibrary, today: CalendarDate, text: StaffText) -> Report {
        let result = library.check(today: today)
        let folder = MessageArgument.text(library.directory)
        guard result.errors.isEmpty else {
            return Report(
                diagnostics: result.diagnostics, lines: [],
                failure: text("check.tariffs.problems", ["folder": folder, "count": text.count(result.errors.count)]))
        }
        let cities = text.count(library.cityIDs().count)
        let line =
            result.warnings.isEmpty
            ? text("check.tariffs.valid", ["folder": folder, "cities": cities])
            : text(
                "check.tariffs.validWarnings",
                ["folder": folder, "cities": cities, "warnings": text.count(result.warnings.count)])
        return Report(diagnostics: result.diagnostics, lines: [line])
    }

    /// The cities and their prices in force, with the marks that decide advice (default, basic supply, average,
    /// switch target and its conditions).
    public static func tariffList(_ library: TariffLibrary) throws(WorkflowError) -> String {
        let sets: [TariffSet]
        do {
            sets = try library.loadAll()
        } catch {
            throw .data(error)
        }
        var lines: [String] = []
        for set in sets {
            let city = set.city
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
        "\(p.supplier) \(p.name), \(PlainNumber.text(p.energyPriceCtPerKWh)) ct/kWh + \(PlainNumber.text(p.basePriceEURPerYear)) €/year from \(p.validFrom)"
    }

    /// Every language against the German source: coverage, missing and extra ids, placeholders, plurals.
    public static func locales(directory: String, text: StaffText) -> Report {
        let report = LocaleLibrary(directory: directory).check(requiredIDs: SheetBuilder.requiredMessageIDs)
        let lines = report.languages.map { language in
            let percent = language.total == 0 ? 0 : 100 * language.translated / language.total
            return "\(language.language): \(language.translated)/\(language.total) units (\(percent) %)"
                + listed("missing", language.missing) + listed("extra", language.extra)
        }
        // The staff texts are checked with the household texts: a city edits both.
        let staff = LocaleLibrary(directory: directory + "/" + StaffText.folder).check(requiredIDs: [])
        let staffLines = staff.languages.map { language in
            "\(StaffText.folder)/\(language.language): \(language.translated)/\(language.total) units"
                + listed("missing", language.missing)
        }
        let failed = report.hasErrors || staff.hasErrors
        return Report(
            diagnostics: report.issues + staff.issues, lines: lines + staffLines,
            failure: failed ? text("check.locales.failed", ["folder": .text(directory)]) : nil)
    }

    /// `, missing: a, b` — or, for a long list, how many and the first few.
    static func listed(_ label: String, _ ids: [String]) -> String {
        if ids.isEmpty { return "" }
        if ids.count <= 8 { return ", \(label): \(ids.joined(separator: ", "))" }
        return ", \(label): \(ids.count) units (\(ids.prefix(3).joined(separator: ", ")), …)"
    }

    /// The languages that have texts, with their plural categories.
    public static func languages(directory: String) -> String {
        LocaleLibrary(directory: directory).languages().map { language in
            let rules =
                PluralRules.forLanguage(language)
                .map { "plural categories: " + $0.categories.sorted().map(\.rawValue).joined(separator: ", ") }
                ?? "no built-in plural rules (uses 'other')"
            return "\(language)\(language == LocaleLibrary.sourceLanguage ? " (source)" : ""): \(rules)\n"
        }.joined()
    }

    /// Writes `Locales/LANG.xlf` with every unit to translate; an existing file only when `replacing`.
    /// - Returns: the file written and what to do next.
    public static func newLanguage(directory: String, language: String, replacing: Bool) throws(WorkflowError)
        -> (file: String, next: String)
    {
        guard language.wholeMatch(of: /[a-z]{2,3}(-[A-Za-z0-9]{2,8})*/) != nil else {
            throw .refused("\"\(language)\" is not a language tag: use e.g. uk, ar, fa or pt-BR")
        }
        guard language != LocaleLibrary.sourceLanguage else {
            throw .refused("de.xlf is the German source; a template is for another language")
        }
        let library = LocaleLibrary(directory: directory)
        let source: LocaleFile
        do {
            source = try library.sourceFile()
        } catch {
            throw .texts(error)
        }
        let file = FilePath.join(directory, "\(language).xlf")
        do {
            try AtomicFile.write(
                Array(LocaleTemplate.xliff(source: source, language: language).utf8), to: file, mode: 0o644,
                replacing: replacing)
        } catch {
            if case .exists = error { throw .refused("\(file) exists already; use --force to start it anew") }
            throw .refused(error.description)
        }
        let plurals =
            PluralRules.forLanguage(language) == nil
            ? " CLDR has no plural rules for \"\(language)\": plurals will use their 'other' form."
            : ""
        return (
            file,
            "\(source.order.count) units to translate. Write each text in <target>, then run esp locales check.\(plurals)"
        )
    }
}
