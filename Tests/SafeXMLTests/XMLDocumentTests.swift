import Foundation
import SafeText
import SafeXML
import TestSupport
import Testing

@Suite("Reading documents")
struct XMLDocumentTests {
    static let tariffs = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- tariffs for tests -->
        <t:tariffs xmlns:t="urn:esp:tariffs:1" xmlns:x="urn:other" version="1">
          <t:tariff id="basic" energyPriceCtPerKWh="31.5" x:note="ignored">
            <t:name>Basic &amp; <![CDATA[<cheap>]]> &#x2013; plan</t:name>
            <t:zone>north</t:zone>
          </t:tariff>
          text between
          <t:tariff id="eco"/>
          <plain/>
        </t:tariffs>
        """

    @Test func readsNamesNamespacesAttributesAndChildren() throws {
        let document = try parse(Self.tariffs, fileName: "tariffs.xml")
        #expect(document.fileName == "tariffs.xml")
        let root = try #require(document.root)
        #expect(root.name == "tariffs")
        #expect(root.namespaceURI == "urn:esp:tariffs:1")
        #expect(root.attribute("version") == "1")
        #expect(root.attribute("missing") == nil)
        #expect(root.line == 3)

        #expect(root.children.map(\.name) == ["tariff", "tariff", "plain"])
        #expect(root.children(named: "tariff").map { $0.attribute("id") } == ["basic", "eco"])
        #expect(root.child(named: "nothing") == nil)
        let plain = try #require(root.child(named: "plain"))
        #expect(plain.namespaceURI == nil)
        #expect(plain.line == 10)

        let basic = try #require(root.child(named: "tariff"))
        #expect(basic.line == 4)
        #expect(basic.attributeNames == ["id", "energyPriceCtPerKWh", "x:note"])
        #expect(basic.attribute("energyPriceCtPerKWh") == "31.5")
        // Namespaced attributes are not unqualified ones.
        #expect(basic.attribute("note") == nil)

        let name = try #require(basic.child(named: "name"))
        #expect(name.line == 5)
        #expect(name.text == "Basic & <cheap> \u{2013} plan")
        #expect(name.children.isEmpty)
        #expect(basic.child(named: "zone")?.text == "north")
        #expect(basic.children.map(\.line) == [5, 6])
        #expect(root.children(named: "tariff").last?.line == 9)
    }

    @Test func elementsKeepTheirDocumentAlive() throws {
        let element = try #require(try parse("<a>\n<b k=\"v\">x</b></a>").root?.child(named: "b"))
        #expect(element.attribute("k") == "v")
        #expect(element.text == "x")
        #expect(element.line == 2)
        #expect(element.document.fileName == "test.xml")
    }

    @Test func linesBeyond65535AreExact() throws {
        let text = "<root>" + String(repeating: "\n", count: 69_999) + "<deep>z</deep></root>"
        let root = try #require(try parse(text).root)
        #expect(try #require(root.child(named: "deep")).line == 70_000)
    }

    @Test func notWellFormedReportsLineAndMessage() throws {
        let text = "<a>\n  <b>\n  </c>\n</a>\n"
        let error = try #require(caught(XMLError.self) { try parse(text, fileName: "broken.xml") })
        let first = try #require(error.issues.first)
        #expect(first.file == "broken.xml")
        #expect(first.line == 3)
        #expect(first.message.contains("mismatch"))
        #expect(!first.message.hasSuffix("\n"))
        #expect(first.description.hasPrefix("broken.xml:3: "))
    }

    @Test func undeclaredNamespacePrefixIsRefused() throws {
        let error = try #require(caught(XMLError.self) { try parse("<a>\n<p:b/>\n</a>") })
        #expect(error.issues.contains { $0.line == 2 && $0.message.contains("p") })
    }

    @Test func emptyInputIsRefused() throws {
        let error = try #require(caught(XMLError.self) { try parse("", fileName: "empty.xml") })
        #expect(error.issues == [Diagnostic(file: "empty.xml", line: 0, message: "the file is empty")])
    }

    @Test func inputOverMaxBytesIsRefused() throws {
        let error = try #require(
            caught(XMLError.self) { try parse("<a>0123456789</a>", fileName: "big.xml", maxBytes: 10) })
        #expect(error.issues == [Diagnostic(file: "big.xml", line: 0, message: "the file is larger than 10 bytes")])
        // Exactly maxBytes is still allowed.
        #expect(try parse("<a/>", maxBytes: 4).root?.name == "a")
    }

    @Test func doctypeTextOutsideThePrologIsNotADoctype() throws {
        let text = "<?xml version=\"1.0\"?>\n<!-- <!DOCTYPE x> -->\n<x><![CDATA[<!DOCTYPE x>]]></x>"
        #expect(try parse(text).root?.text == "<!DOCTYPE x>")
    }
}

@Suite("Reading files")
struct XMLFileTests {
    @Test func readsAFile() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("a.xml", Data(Array("<a>\n<b/></a>".utf8)))
        let document = try XMLDocument.parse(fileAt: file)
        #expect(document.fileName == file)
        #expect(document.root?.child(named: "b")?.line == 2)
    }

    @Test func missingFileNamesThePathAndReason() throws {
        let path = "/nonexistent-\(Int.random(in: 0..<1_000_000))/tariffs.xml"
        let error = try #require(caught(XMLError.self) { try XMLDocument.parse(fileAt: path) })
        let issue = try #require(error.issues.first)
        #expect(error.issues.count == 1)
        #expect(issue.file == path)
        #expect(issue.line == 0)
        #expect(issue.message.contains(path))
        #expect(issue.message.contains("No such file or directory"))
    }

    @Test func directoryIsRefused() throws {
        let error = try #require(caught(XMLError.self) { try XMLDocument.parse(fileAt: "/tmp") })
        #expect(error.issues.first?.message.contains("/tmp") == true)
    }

    @Test func emptyFileIsRefused() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("empty.xml", Data([]))
        let error = try #require(caught(XMLError.self) { try XMLDocument.parse(fileAt: file) })
        #expect(error.issues == [Diagnostic(file: file, line: 0, message: "the file is empty")])
    }

    @Test func fileOverMaxBytesIsRefused() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("big.xml", Data(Array("<a>\(String(repeating: "x", count: 100))</a>".utf8)))
        let error = try #require(caught(XMLError.self) { try XMLDocument.parse(fileAt: file, maxBytes: 64) })
        #expect(error.issues == [Diagnostic(file: file, line: 0, message: "the file is larger than 64 bytes")])
    }
}
