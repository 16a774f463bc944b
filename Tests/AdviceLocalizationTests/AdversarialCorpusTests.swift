import AdviceLocalization
import Foundation
import Testing

/// The XLIFF and ICU part of Tests/AdversarialCorpus (see expected.json there; AdviceDataTests runs the rest).
enum AdversarialCorpus {
    static let folder = LocaleLibraryTests.root + "/Tests/AdversarialCorpus"
    static let kinds = ["xliff", "icu"]

    /// One manifest entry of kind xliff or icu.
    struct Entry: Decodable, Sendable, CustomTestStringConvertible {
        enum Expected: Decodable, Sendable, Equatable {
            case accepted
            case text(String)
            case issues([String])

            init(from decoder: any Decoder) throws {
                let value = try decoder.singleValueContainer()
                if value.decodeNil() {
                    self = .accepted
                } else if let text = try? value.decode(String.self) {
                    self = .text(text)
                } else {
                    self = .issues(try value.decode([String].self))
                }
            }
        }

        let file: String
        let expected: Expected
        /// XLIFF: the file name language the file is installed as (`ru` → `Locales/ru.xlf`).
        let language: String?
        /// XLIFF: what the localizer shows for each unit of the German source afterwards.
        let texts: [String: String]?
        /// ICU, when the message is accepted: its text with `AdversarialCorpusTests.arguments` filled in.
        let formatsAs: String?
        /// What is wrong with today's answer, when something is; documentation only.
        let knownProblem: String?

        var kind: String { String(file.prefix { $0 != "/" }) }
        var path: String { AdversarialCorpus.folder + "/" + file }
        var testDescription: String { file }
        /// Shown with a failure, so whoever changes the answer sees what was known to be wrong with it.
        var comment: Comment? { knownProblem.map { Comment(rawValue: "known problem: \($0)") } }

        func bytes() throws -> [UInt8] {
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }

    static func manifest() throws -> [Entry] {
        try JSONDecoder().decode([Entry].self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json")))
    }

    static func entries(kind: String) throws -> [Entry] {
        try manifest().filter { $0.kind == kind }
    }
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
        var onDisk: [String] = []
        for kind in AdversarialCorpus.kinds {
            onDisk += try FileManager.default.contentsOfDirectory(atPath: AdversarialCorpus.folder + "/" + kind).map { kind + "/" + $0 }
        }
        let named = manifest.map(\.file).filter { AdversarialCorpus.kinds.contains(String($0.prefix { $0 != "/" })) }
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
            issue.file == installed
                ? LocaleIssue(file: entry.file, line: issue.line, severity: issue.severity, message: issue.message)
                : issue
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
        let bytes = Array("<?xml version=\"1.0\"?>\n<xliff>".utf8) + Array(repeating: UInt8(ascii: " "), count: limit)
            + Array("</xliff>\n".utf8)
        let (file, issues) = LocaleFile.read(bytes: bytes, path: "xliff/over-4-mib.xlf", expectedLanguage: "ru")
        #expect(file == nil)
        #expect(issues.map(\.description) == ["xliff/over-4-mib.xlf:0: error: the file is larger than 4194304 bytes"])

        let locales = try TempLocales()
        let path = locales.path + "/ru.xlf"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = locales.library.check(requiredIDs: [])
        #expect(report.issues.map(\.description) == ["\(path):0: error: the file is larger than 4194304 bytes"])
    }
}
