import SafeXML
import TestSupport
import Testing

@Suite("Hostile input")
struct HostileInputTests {
    static let dtdMessage = "document type declarations (DTD) are not allowed"

    func expectRefusedAsDTD(_ bytes: [UInt8], line: Int? = nil) throws -> XMLError {
        let error = try #require(caught(XMLError.self) { try XMLDocument.parse(bytes: bytes, fileName: "evil.xml") })
        #expect(error.issues.count == 1)
        let issue = try #require(error.issues.first)
        #expect(issue.message == Self.dtdMessage)
        #expect(issue.file == "evil.xml")
        if let line { #expect(issue.line == line) }
        return error
    }

    @Test func externalEntityIsRefusedAndNeverRead() throws {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
        let error = try expectRefusedAsDTD(Array(text.utf8), line: 2)
        #expect(!error.description.contains("root:"))
        #expect(!error.description.contains("/bin/"))
    }

    @Test func billionLaughsIsRefused() throws {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        text += " <!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...10 {
            text += " <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        text += "]>\n<lolz>&lol10;</lolz>\n"
        _ = try expectRefusedAsDTD(Array(text.utf8), line: 2)
    }

    @Test func quadraticBlowupIsRefused() throws {
        let text =
            "<!DOCTYPE kaboom [<!ENTITY a \"" + String(repeating: "a", count: 50_000) + "\">]>"
            + "<kaboom>" + String(repeating: "&a;", count: 50_000) + "</kaboom>"
        _ = try expectRefusedAsDTD(Array(text.utf8), line: 1)
    }

    @Test func externalDTDIsRefusedWithoutNetwork() throws {
        let text = "<!-- a comment -->\n\n<!DOCTYPE x SYSTEM \"http://example.com/x.dtd\"><x/>"
        _ = try expectRefusedAsDTD(Array(text.utf8), line: 3)
    }

    @Test func doctypeAfterEmptyCommentAndDeclarationIsRefused() throws {
        let text = "\u{FEFF}<?xml version=\"1.0\"?><!----><!-- - -->\r\n\t<!DOCTYPE x><x/>"
        _ = try expectRefusedAsDTD(Array(text.utf8), line: 2)
    }

    /// UTF-16 hides "<!DOCTYPE" from a byte scan; the parser callback must still stop it.
    @Test func doctypeInUTF16IsRefused() throws {
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
            + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes.append(UInt8(unit & 0xFF))
            bytes.append(UInt8(unit >> 8))
        }
        let error = try expectRefusedAsDTD(bytes)
        #expect(!error.description.contains("root:"))
    }

    @Test func utf16DocumentWithoutDoctypeParses() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<a>\u{e9}t\u{e9}</a>".utf16 {
            bytes.append(UInt8(unit & 0xFF))
            bytes.append(UInt8(unit >> 8))
        }
        let document = try XMLDocument.parse(bytes: bytes, fileName: "utf16.xml")
        #expect(document.root?.text == "\u{e9}t\u{e9}")
    }

    @Test func undefinedEntityWithoutDTDIsAnError() throws {
        let error = try #require(caught(XMLError.self) { try parse("<x>\n&e;</x>") })
        #expect(error.issues.contains { $0.line == 2 && $0.message.contains("'e'") })
    }
}
