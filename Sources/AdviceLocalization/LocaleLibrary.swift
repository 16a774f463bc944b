import SafeFiles
import SafeText
import SafeXML

/// The Locales/ folder: `de.xlf` is the source, every other `xx.xlf` a translation. A new language is a new file.
public struct LocaleLibrary: Sendable {
    /// The language of the source file, which every other language falls back to.
    public static let sourceLanguage = "de"

    /// The path of the folder with the .xlf files.
    public let directory: String

    /// The folder at `directory`; nothing is read until a method asks.
    public init(directory: String) {
        self.directory = directory
    }

    func path(_ language: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + language + ".xlf"
    }

    /// Languages with a file, sorted.
    public func languages() -> [String] {
        (FilePath.names(inDirectory: directory, suffix: ".xlf") ?? []).map { String($0.dropLast(4)) }
    }

    /// The texts of one language, with German for every unit that is missing or broken there.
    public func localizer(language: String) throws(LocaleError) -> Localizer {
        let available = languages()
        guard available.contains(Self.sourceLanguage) else {
            throw .noSourceFile(path: path(Self.sourceLanguage))
        }
        guard available.contains(language) else { throw .unknownLanguage(language, available: available) }
        let source = try loadSource()
        if language == Self.sourceLanguage {
            return Localizer(
                language: language, messages: source.messages, sourceMessages: source.messages, warnings: source.issues)
        }
        let (file, readIssues) = LocaleFile.read(path: path(language), expectedLanguage: language)
        let resolution = Resolution(source: source, target: file, language: language)
        // A broken translation file still gives advice: in German, with the reasons as warnings.
        return Localizer(
            language: file == nil ? Self.sourceLanguage : language, messages: resolution.messages,
            sourceMessages: source.messages,
            warnings: source.issues + readIssues.map(\.asWarning) + resolution.issues.map(\.asWarning))
    }

    /// The German source file, read and checked.
    public func sourceFile() throws(LocaleError) -> LocaleFile { try loadSource().file }

    func loadSource() throws(LocaleError) -> SourceCatalog {
        let (file, issues) = LocaleFile.read(path: path(Self.sourceLanguage), expectedLanguage: Self.sourceLanguage)
        guard let file else { throw .sourceUnusable(issues) }
        return SourceCatalog(file: file, readIssues: issues)
    }

    /// Coverage and problems of every language, checked against the German source and the ids the code uses.
    public func check(requiredIDs: [String]) -> LocalesReport {
        var report = LocalesReport(directory: directory)
        let source: SourceCatalog
        do {
            source = try loadSource()
        } catch {
            report.issues = error.issues
            return report
        }
        report.issues += source.issues
        for id in requiredIDs where source.messages[id] == nil && source.file.units[id] == nil {
            report.issues.append(
                Diagnostic(
                    .error, file: source.file.path, line: 0,
                    message: "unit \"\(id)\" is used by esp but missing"))
        }
        report.languages.append(
            .init(
                language: Self.sourceLanguage, translated: source.messages.count,
                total: source.file.order.count, missing: [], extra: []))
        var targets: [LocaleFile] = []
        for language in languages() where language != Self.sourceLanguage {
            let (file, readIssues) = LocaleFile.read(path: path(language), expectedLanguage: language)
            report.issues += readIssues
            guard let file else { continue }
            targets.append(file)
            let resolution = Resolution(source: source, target: file, language: language)
            report.issues += resolution.issues
            report.issues += TranslationCheck.copied(file, source: source.file, others: targets.dropLast())
            report.issues += TranslationCheck.script(file)
            report.languages.append(
                .init(
                    language: language, translated: resolution.translated,
                    total: source.file.order.count, missing: resolution.missing,
                    extra: resolution.extra))
        }
        return report
    }
}

/// The German source, parsed once.
struct SourceCatalog {
    let file: LocaleFile
    let messages: [String: MessageFormat]
    let issues: [Diagnostic]

    init(file: LocaleFile, readIssues: [Diagnostic]) {
        self.file = file
        var messages: [String: MessageFormat] = [:]
        var issues = readIssues
        let rules = PluralRules.forLanguage(LocaleLibrary.sourceLanguage)
        for id in file.order {
            guard let unit = file.units[id] else { continue }
            switch Resolution.parse(unit.source, unit: unit, file: file.path, rules: rules) {
            case .success(let message): messages[id] = message
            case .failure(let issue): issues.append(issue)
            }
        }
        self.messages = messages
        self.issues = issues
    }
}

/// Matches a translation against the source: what is usable, what falls back to German, and why.
struct Resolution {
    var messages: [String: MessageFormat]
    var issues: [Diagnostic] = []
    var translated = 0
    var missing: [String] = []
    var extra: [String] = []

    init(source: SourceCatalog, target: LocaleFile?, language: String) {
        messages = source.messages
        guard let target else {
            missing = source.file.order
            return
        }
        let rules = PluralRules.forLanguage(language)
        if rules == nil {
            issues.append(
                Diagnostic(
                    .warning, file: target.path, line: 0,
                    message: "no built-in plural rules for \"\(language)\"; plurals use their 'other' case"))
        }
        for id in source.file.order {
            guard let german = source.messages[id] else { continue }
            guard let unit = target.units[id], let text = unit.target, !text.isEmpty else {
                missing.append(id)
                continue
            }
            switch Self.parse(text, unit: unit, file: target.path, rules: rules) {
            case .failure(let issue):
                issues.append(issue)
                missing.append(id)
            case .success(let message):
                guard message.placeholders == german.placeholders else {
                    let expected = german.placeholders.sorted().map { "{\($0)}" }.joined(separator: ", ")
                    let found = message.placeholders.sorted().map { "{\($0)}" }.joined(separator: ", ")
                    issues.append(
                        Diagnostic(
                            .error, file: target.path, line: unit.line,
                            message:
                                "unit \"\(id)\": placeholders \(found.isEmpty ? "none" : found) differ from the German \(expected.isEmpty ? "none" : expected); German is used"
                        ))
                    missing.append(id)
                    continue
                }
                if let germanUnit = source.file.units[id], unit.source != germanUnit.source {
                    issues.append(
                        Diagnostic(
                            .warning, file: target.path, line: unit.line,
                            message:
                                "unit \"\(id)\": the German source has changed since this translation; please review it"
                        ))
                }
                messages[id] = message
                translated += 1
            }
        }
        extra = target.order.filter { source.file.units[$0] == nil }
        for id in extra {
            issues.append(
                Diagnostic(
                    .warning, file: target.path, line: target.units[id]?.line ?? 0,
                    message: "unit \"\(id)\" is not in the German source and is never used"))
        }
        if !missing.isEmpty {
            issues.append(
                Diagnostic(
                    .warning, file: target.path, line: 0,
                    message:
                        "\(missing.count) of \(source.file.order.count) units are not translated; German is used for them"
                ))
        }
    }

    /// Parses one text and checks what no parser catches: control characters and plural categories.
    static func parse(_ text: String, unit: LocaleFile.Unit, file: String, rules: PluralRules?) -> Result<
        MessageFormat, Diagnostic
    > {
        func issue(_ message: String) -> Diagnostic {
            Diagnostic(.error, file: file, line: unit.line, message: "unit \"\(unit.id)\": \(message)")
        }
        // Terminal escapes, control characters or bidi overrides in a text would reach a household's screen or
        // printer; isolates stay allowed, translators of right-to-left languages need them around placeholders.
        if let scalar = SafeText.forbidden(in: text, lineBreaks: true, isolates: true) {
            return .failure(issue("the control character \(SafeText.name(scalar)) is not allowed; write plain text"))
        }
        let message: MessageFormat
        do {
            message = try MessageFormat(parsing: text)
        } catch {
            return .failure(issue("invalid message: \(error.description)"))
        }
        if let rules {
            for (name, categories) in message.pluralCategories {
                let unknown = categories.subtracting(rules.categories).sorted()
                if !unknown.isEmpty {
                    let allowed = rules.categories.sorted().map(\.rawValue).joined(separator: ", ")
                    return .failure(
                        issue(
                            "plural \"\(name)\" uses \(unknown.map(\.rawValue).joined(separator: ", ")), which \"\(rules.language)\" does not have (it has \(allowed))"
                        ))
                }
                // "Замініть 3 ламп": a plural without the forms the language needs reads wrong for most numbers. An
                // exact case covers a category only when it is all the category holds (German `=1` is `one`; Russian
                // `one` also holds 21, 31, …).
                let exact = message.pluralExactValues[name] ?? []
                let lacking = rules.categories.subtracting(categories).subtracting([.other]).filter { category in
                    (0...1000).contains { rules.category(Double($0)) == category && !exact.contains(Double($0)) }
                }.sorted()
                if !lacking.isEmpty {
                    let needed = rules.categories.sorted().map(\.rawValue).joined(separator: ", ")
                    return .failure(
                        issue(
                            "plural \"\(name)\" lacks \(lacking.map(\.rawValue).joined(separator: ", ")), which \"\(rules.language)\" needs (its forms: \(needed))"
                        ))
                }
            }
        }
        return .success(message)
    }
}

extension Diagnostic {
    var asWarning: Diagnostic { Diagnostic(.warning, file: file, line: line, message: message) }
}
