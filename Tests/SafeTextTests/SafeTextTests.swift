import Foundation
import SafeText
import TestSupport
import Testing

@Suite("Text safe to show")
struct SafeTextTests {
    @Test func terminalEscapesAndBidiOverridesAreFound() {
        #expect(SafeText.forbidden(in: "Küche, 2 × 60 W") == nil)
        #expect(SafeText.forbidden(in: "TV\u{1B}[2J") == "\u{1B}")
        #expect(SafeText.forbidden(in: "a\u{9B}b") == "\u{9B}")  // C1 CSI
        #expect(SafeText.forbidden(in: "a\u{7F}") == "\u{7F}")
        #expect(SafeText.forbidden(in: "x\u{202E}y") == "\u{202E}")  // right-to-left override
        #expect(SafeText.forbidden(in: "tab\there") == "\t")
        #expect(SafeText.forbidden(in: "tab\there", lineBreaks: true) == nil)
        #expect(SafeText.forbidden(in: "over\rwrite", lineBreaks: true) == "\r")
    }

    @Test func lineBreaksAndIsolatesOnlyWhenAllowed() {
        #expect(SafeText.forbidden(in: "one\ntwo") == "\n")
        #expect(SafeText.forbidden(in: "one\ntwo", lineBreaks: true) == nil)
        #expect(SafeText.forbidden(in: "\u{2068}{name}\u{2069}") == "\u{2068}")
        #expect(SafeText.forbidden(in: "\u{2068}{name}\u{2069}", isolates: true) == nil)
        #expect(SafeText.forbidden(in: "\u{202B}x", isolates: true) == "\u{202B}")  // embeddings never
    }

    @Test func messagesQuoteWhatTheyMustNotShow() {
        #expect(SafeText.quoted("unknown key \"a\u{1B}[2Jb\"") == "unknown key \"a\\u{1B}[2Jb\"")
        #expect(SafeText.quoted("line 1\nline 2") == "line 1\nline 2")
        #expect(SafeText.quoted("nul \u{0}") == "nul \\u{0}")
        #expect(SafeText.name("\u{1B}") == "U+001B")
        #expect(SafeText.name("\u{202E}") == "U+202E")
    }

    /// Nothing esp ships needs quoting: every line of the examples, tariffs and texts is shown as it is.
    @Test func shippedFilesNeedNoQuoting() throws {
        for folder in [Checkout.examples, Checkout.tariffs, Checkout.locales, Checkout.locales + "/staff"] {
            for name in try TestFiles.list(folder, suffix: "")
            where [".json", ".xml", ".xsd", ".xlf"].contains(where: name.hasSuffix) {
                let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
                // Isolates are allowed in translations: right-to-left texts need them around numbers.
                #expect(
                    SafeText.forbidden(in: text, lineBreaks: true, isolates: name.hasSuffix(".xlf")) == nil, "\(name)")
            }
        }
    }

    /// A diagnostic prints like a compiler's: file, line, column, JSON path, a warning's label; no line 0.
    @Test func diagnosticsPrintLikeACompilersMessages() {
        let file = Checkout.examples + "/nuernberg-pensioner.json"
        #expect(
            Diagnostic(file: file, line: 3, column: 7, jsonPath: "household.persons", message: "expected a number")
                .description
                == "\(file):3:7: household.persons: expected a number")
        #expect(
            Diagnostic.warning(file: "Tariffs/bremen.xml", line: 20, "looks mistyped").description
                == "Tariffs/bremen.xml:20: warning: looks mistyped")
        #expect(Diagnostic(file: "a.xml", message: "the file is empty").description == "a.xml: the file is empty")
        #expect(
            Diagnostic(file: "", message: "no texts for language \"xx\"").description == "no texts for language \"xx\"")
        #expect(
            Diagnostic(file: "v.json", line: 1, jsonPath: "", message: "x\u{1B}").description
                == "v.json:1: (document): x\\u{1B}")
    }
}
