/// A new language for translators: every unit of the German source with its note and an empty target, so a city
/// can add the language its households speak (`esp locales new uk`).
public enum LocaleTemplate {
    /// The XLIFF 2.0 text of the template for `language`.
    public static func xliff(source: LocaleFile, language: String) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- esp texts in "\(escaped(language))", to translate from the German source: write each text in <target>.
                 Placeholders {name} and plural forms {n, plural, …} stay as they are; give every plural form the
                 language has (esp locales check names them). -->
            <xliff xmlns="\(LocaleFile.namespace)" version="2.0" srcLang="\(LocaleLibrary.sourceLanguage)" trgLang="\(escaped(language))">
              <file id="esp">

            """
        for id in source.order {
            guard let unit = source.units[id] else { continue }
            text += "    <unit id=\"\(escaped(id))\">\n"
            if let note = unit.note { text += "      <notes><note>\(escaped(note))</note></notes>\n" }
            text += "      <segment><source>\(escaped(unit.source))</source><target></target></segment>\n"
            text += "    </unit>\n"
        }
        return text + "  </file>\n</xliff>\n"
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
