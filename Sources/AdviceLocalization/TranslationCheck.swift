import SafeText

/// What a translation file can get wrong without breaking a rule of the format: text left in German or taken from
/// another language, and letters of the wrong script. Warnings: a reviewer decides.
enum TranslationCheck {
    /// Units whose target is the German source, or another language's target, word for word. Short texts (units,
    /// names, placeholders only) are often the same in every language and are not counted.
    static func copied(_ target: LocaleFile, source: LocaleFile, others: ArraySlice<LocaleFile>) -> [Diagnostic] {
        var sameAsGerman: [LocaleFile.Unit] = []
        var sameAs: [String: [LocaleFile.Unit]] = [:]
        for id in target.order {
            guard let unit = target.units[id], let text = unit.target, words(text) >= 3 else { continue }
            if text == source.units[id]?.source {
                sameAsGerman.append(unit)
                continue
            }
            for other in others where other.units[id]?.target == text {
                sameAs[other.language, default: []].append(unit)
            }
        }
        var issues = warning(target, sameAsGerman, "are the German source word for word", "copied, not translated?")
        for (language, units) in sameAs.sorted(by: { $0.key < $1.key }) {
            issues += warning(
                target, units, "are word for word the \(language).xlf text", "copied from another language?")
        }
        return issues
    }

    /// One warning for units that share a problem: how many, the first by id and line, and the question to ask.
    static func warning(_ target: LocaleFile, _ units: [LocaleFile.Unit], _ what: String, _ question: String)
        -> [Diagnostic]
    {
        guard let first = units.first else { return [] }
        return [
            Diagnostic(
                .warning, file: target.path, line: first.line,
                message: "\(units.count) unit(s) \(what) (first: \"\(first.id)\"); \(question)")
        ]
    }

    /// The script a language is written in, where esp knows it.
    static let scripts: [String: Script] = [
        "ru": .cyrillic, "uk": .cyrillic, "bg": .cyrillic, "be": .cyrillic, "mk": .cyrillic, "sr": .cyrillic,
        "ar": .arabic, "fa": .arabic, "ur": .arabic, "ps": .arabic,
        "de": .latin, "en": .latin, "tr": .latin, "pl": .latin, "ro": .latin, "sq": .latin, "it": .latin,
        "fr": .latin, "es": .latin, "hr": .latin, "bs": .latin, "vi": .latin,
    ]

    enum Script: String {
        case latin = "Latin"
        case cyrillic = "Cyrillic"
        case arabic = "Arabic"

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .latin:
                ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || (0xC0...0x24F).contains(scalar.value)
            case .cyrillic: (0x400...0x52F).contains(scalar.value)
            case .arabic: (0x600...0x6FF).contains(scalar.value) || (0x750...0x77F).contains(scalar.value)
            }
        }
    }

    /// Units whose letters are mostly of another script than the language's (German office names in brackets,
    /// placeholders and units aside), and Russian letters in Ukrainian.
    static func script(_ target: LocaleFile) -> [Diagnostic] {
        guard let script = scripts[target.language] else { return [] }
        var wrong: [LocaleFile.Unit] = []
        var russian: [LocaleFile.Unit] = []
        for id in target.order {
            guard let unit = target.units[id], let text = unit.target else { continue }
            let letters = plainLetters(text)
            // Unit symbols (kWh, Cent/kWh) are international: an Arabic sheet may print them in Latin letters.
            if letters.count >= 6 && letters.filter(script.contains).count * 2 < letters.count && !id.hasPrefix("unit.")
            {
                wrong.append(unit)
            }
            if target.language == "uk"
                && text.unicodeScalars.contains(where: { "ыэъёЫЭЪЁ".unicodeScalars.contains($0) })
            {
                russian.append(unit)
            }
        }
        let scriptName = "are mostly not in \(script.rawValue) letters, as \"\(target.language)\" is written"
        let issues =
            warning(target, wrong, scriptName, "another language's text?")
            + warning(target, russian, "contain ы, э, ъ or ё, which Ukrainian does not use", "Russian text?")
        return issues
    }

    /// The letters of a text outside placeholders and brackets (where German office names are glossed).
    static func plainLetters(_ text: String) -> [Unicode.Scalar] {
        var depth = 0
        var letters: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            switch scalar {
            case "{", "(": depth += 1
            case "}", ")": depth = max(0, depth - 1)
            default: if depth == 0 && scalar.properties.isAlphabetic { letters.append(scalar) }
            }
        }
        return letters
    }

    /// Words outside placeholders and brackets; unit symbols (kWh, CO₂) are words too, so short texts stay short.
    static func words(_ text: String) -> Int {
        var depth = 0
        var plain = ""
        for character in text {
            switch character {
            case "{", "(": depth += 1
            case "}", ")": depth = max(0, depth - 1)
            default: if depth == 0 { plain.append(character) }
            }
        }
        return plain.split(whereSeparator: { $0 == " " }).filter { $0.contains(where: \.isLetter) }.count
    }
}
