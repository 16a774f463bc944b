import Foundation
import TestSupport

/// Tests/AdversarialCorpus: hostile inputs for every reader, each with the exact answer the reader must give.
///
/// `expected.json` lists every file with its expected error (`DataError.description` for visits and tariffs,
/// the list of issues for XLIFF, `MessageSyntaxError.description` for ICU messages; null when the input is
/// accepted). AdviceDataTests runs the visit and tariff files, AdviceLocalizationTests the XLIFF and ICU ones;
/// both read the manifest through this module. Files are named corpus-relative (`visit/nan.json`) in every
/// message, so the texts are stable.
public enum AdversarialCorpus {
    /// The corpus in the checkout; every entry's `file` is relative to it.
    public static let folder = Checkout.root + "/Tests/AdversarialCorpus"

    /// The kind folders, one per reader; an entry's kind is the first part of its file name.
    public static let kinds = ["visit", "tariff-reference", "tariff-city", "xliff", "icu"]

    /// One manifest entry.
    public struct Entry: Decodable, Sendable {
        /// The answer the reader must give.
        public enum Expected: Decodable, Sendable, Equatable {
            /// `null`: the input is accepted.
            case accepted
            /// A string: the one error message.
            case text(String)
            /// An array of strings: the issues, in order (XLIFF).
            case issues([String])

            /// `null`, a string or an array of strings.
            public init(from decoder: any Decoder) throws {
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

        /// The input, corpus-relative: `visit/nan.json`.
        public let file: String
        /// What reading the input must give.
        public let expected: Expected
        /// XLIFF: the file name language the file is installed as (`ru` → `Locales/ru.xlf`).
        public let language: String?
        /// XLIFF: what the localizer shows for each unit of the German source afterwards.
        public let texts: [String: String]?
        /// ICU, when the message is accepted: its text with the test's arguments filled in.
        public let formatsAs: String?
        /// What is wrong with today's answer, when something is; documentation only.
        public let knownProblem: String?

        /// The kind folder the file is in: `visit`, `xliff`…
        public var kind: String { String(file.prefix { $0 != "/" }) }
        /// The file's full path in the checkout.
        public var path: String { AdversarialCorpus.folder + "/" + file }

        /// The error text for visit, tariff and ICU entries; nil when the input is accepted.
        public func expectedText() throws -> String? {
            switch expected {
            case .accepted: return nil
            case .text(let text): return text
            case .issues: throw ManifestError(message: "\(file): expected must be a string or null for this kind")
            }
        }

        /// The input file's bytes, as a reader gets them.
        public func bytes() throws -> [UInt8] {
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }

    /// An entry that does not fit its kind.
    public struct ManifestError: Error, CustomStringConvertible {
        /// The entry's file and what is wrong with it.
        public let message: String
        /// The message, as a failing test prints it.
        public var description: String { message }
    }

    /// Every entry of `expected.json`, in its order.
    public static func manifest() throws -> [Entry] {
        try JSONDecoder().decode([Entry].self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json")))
    }

    /// The entries of one kind folder.
    public static func entries(kind: String) throws -> [Entry] {
        try manifest().filter { $0.kind == kind }
    }

    /// The files in the kind folders, corpus-relative and sorted.
    public static func filesOnDisk(kinds: [String]) throws -> [String] {
        var files: [String] = []
        for kind in kinds {
            files += try FileManager.default.contentsOfDirectory(atPath: folder + "/" + kind).map { kind + "/" + $0 }
        }
        return files.sorted()
    }
}
