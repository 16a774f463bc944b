import AdviceLocalization
import CorpusManifest
import Foundation
import TestSupport
import Testing

// The XLIFF and ICU part of Tests/AdversarialCorpus (see expected.json there; AdviceDataTests runs the rest).
extension AdversarialCorpus.Entry: CustomTestStringConvertible {
    /// The corpus-relative file name, as the test run lists the case.
    public var testDescription: String { file }
    /// Shown with a failure, so whoever changes the answer sees what was known to be wrong with it.
    var comment: Comment? { knownProblem.map { Comment(rawValue: "known problem: \($0)") } }
}

@Suite("Adversarial corpus: XLIFF files and ICU messages")
struct AdversarialCorpusTests {
    /// The values filled into every message: a plural count, an amount and a name.
    static let arguments: [String: MessageArgument] = [
        "n": .number(2, shown: "2", fractionDigits: 0),
        "amount": .text("5 €"),
        "name": .text("Ada"),
    ]

    @Test func manifestNamesEveryXLIFFAndICUFile() throws {
        let manifest = try AdversarialCorpus.manifest()
        #expect(manifest.count >= 50)
        let kinds = ["xliff", "icu"]
        let onDisk = try AdversarialCorpus.filesOnDisk(kinds: kinds)
        let named = manifest.filter { kinds.contains($0.kind) }.map(\.file)
        #expect(named.sorted() == onDisk.sorted())
        #expect(Set(named).count == named.count, "a file is listed twice")
    }

    /// Each XLIFF file is installed as a translation beside a small German source and checked as
    /// `esp locales check` does; then the localizer shows what a household would read.
    @Test(arguments: try AdversarialCorpus.entries(kind: "xliff"))
    func xliffFile(_ entry: AdversarialCorpus.Entry) throws {
        guard case .issues(let expected) = entry.expected else {
            Issue.record("\(entry.file): expected must be a list of issues")
            return
        }
        let language = try #require(entry.language, "\(entry.file) names no language")
        let expectedTexts = try #require(entry.texts, "\(entry.file) gives no texts")
        let bytes = try entry.bytes()

        let locales = try TempLocales()
        let installed = locales.path + "/\(language).xlf"
        try Data(bytes).write(to: URL(fileURLWithPath: installed))
        let report = locales.library.check(requiredIDs: [])
        let issues = report.issues.map { issue in
            var renamed = issue
            if issue.file == installed { renamed.file = entry.file }
            return renamed
        }
        #expect(issues.map(\.description) == expected, entry.comment)

        // The file's own reader names the file as given and reports the same structural problems.
        let (_, readIssues) = LocaleFile.read(bytes: bytes, path: entry.file, expectedLanguage: language)
        for issue in readIssues {
            #expect(expected.contains(issue.description), "\(issue) is missing from the check")
        }

        let localizer = try locales.library.localizer(language: language)
        var texts: [String: String] = [:]
        for id in ["greeting", "lamps", "saving"] {
            texts[id] = localizer.text(id, Self.arguments)
        }
        #expect(texts == expectedTexts, entry.comment)
    }

    @Test(arguments: try AdversarialCorpus.entries(kind: "icu"))
    func icuMessage(_ entry: AdversarialCorpus.Entry) throws {
        let text = String(decoding: try entry.bytes(), as: UTF8.self)
        switch entry.expected {
        case .text(let expected):
            #expect(entry.formatsAs == nil, "an error entry has no output")
            #expect(throws: MessageSyntaxError.self) { try MessageFormat(parsing: text) }
            do {
                _ = try MessageFormat(parsing: text)
            } catch {
                #expect(error.description == expected, entry.comment)
            }
        case .accepted:
            let formatted = try #require(entry.formatsAs, "\(entry.file) is accepted but gives no formatsAs")
            let message = try MessageFormat(parsing: text)
            #expect(message.format(Self.arguments, rules: PluralRules.forLanguage("de")) == formatted, entry.comment)
        case .issues:
            Issue.record("\(entry.file): expected must be a string or null")
        }
    }

    /// A million open braces: the first unnamed one stops the parser at once.
    @Test func millionOpenBraces() {
        let text = String(repeating: "{", count: 1_000_000)
        #expect(throws: MessageSyntaxError.self) { try MessageFormat(parsing: text) }
        do {
            _ = try MessageFormat(parsing: text)
        } catch {
            #expect(error.description == "expected a placeholder name after '{' (at character 2)")
        }
    }

    /// Over 4 MiB: refused before reading from disk, and before parsing as bytes.
    @Test func xliffFileOverFourMebibytes() throws {
        let limit = LocaleFile.maxFileBytes
        #expect(limit == 4 << 20)
        let bytes =
            Array("<?xml version=\"1.0\"?>\n<xliff>".utf8) + Array(repeating: UInt8(ascii: " "), count: limit)
            + Array("</xliff>\n".utf8)
        let (file, issues) = LocaleFile.read(bytes: bytes, path: "xliff/over-4-mib.xlf", expectedLanguage: "ru")
        #expect(file == nil)
        #expect(issues.map(\.description) == ["xliff/over-4-mib.xlf: the file is larger than 4194304 bytes"])

        let locales = try TempLocales()
        let path = locales.path + "/ru.xlf"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = locales.library.check(requiredIDs: [])
        #expect(report.issues.map(\.description) == ["\(path): the file is larger than 4194304 bytes"])
    }
}
