import SafeFiles
import SafeText
import SafeXML

/// Texts of one language, ready to fill in.
public struct Localizer: Sendable {
    /// The language the texts are in: the one asked for, or German when its file could not be read.
    public let language: String
    /// The language's plural rules; nil when CLDR lacks the language: then 1 is one, every other number other.
    public let rules: PluralRules?
    /// Numbers, money and dates as the language writes them.
    public let format: LocaleFormatter
    let messages: [String: MessageFormat]
    /// The German source texts, for recognising words typed in German (a room named "Küche" in a visit file).
    let sourceMessages: [String: MessageFormat]
    /// Problems met while loading (fallbacks to German, outdated units); the advice is still complete.
    public let warnings: [Diagnostic]

    init(
        language: String, messages: [String: MessageFormat], sourceMessages: [String: MessageFormat],
        warnings: [Diagnostic]
    ) {
        self.language = language
        self.sourceMessages = sourceMessages
        self.rules = PluralRules.forLanguage(language)
        self.format = LocaleFormatter(language: language)
        self.messages = messages
        self.warnings = warnings
    }

    /// The text for an id; empty (never the raw id) if even German lacks it, which `esp locales check` reports.
    public func text(_ id: String, _ arguments: [String: MessageArgument] = [:]) -> String {
        messages[id]?.format(arguments, rules: rules) ?? ""
    }

    /// The German source text of an id without placeholders (a word such as a room's name); empty if German lacks it.
    public func sourceText(_ id: String) -> String {
        sourceMessages[id]?.format([:], rules: PluralRules.forLanguage(LocaleLibrary.sourceLanguage)) ?? ""
    }

}
