import Testing
import SafeXML

@Suite("Writing")
struct XMLWriterTests {
    @Test func writesIndentedElements() {
        var writer = XMLWriter()
        writer.open("tariffs", [("xmlns", "urn:esp:tariffs:1")])
        writer.element("tariff", [("id", "a"), ("energyPriceCtPerKWh", "31.5")])
        writer.open("group")
        writer.element("name", text: "A")
        writer.close()
        writer.open("empty")
        writer.close()
        writer.close()
        #expect(writer.text == """
            <?xml version="1.0" encoding="UTF-8"?>
            <tariffs xmlns="urn:esp:tariffs:1">
              <tariff id="a" energyPriceCtPerKWh="31.5"/>
              <group>
                <name>A</name>
              </group>
              <empty/>
            </tariffs>

            """)
    }

    @Test func textClosesWhatIsStillOpen() {
        var writer = XMLWriter()
        writer.open("a")
        writer.element("b", text: "")
        #expect(writer.text.hasSuffix("<a>\n  <b></b>\n</a>\n"))
        writer.close()
        writer.close()  // nothing open: ignored
        #expect(writer.text.hasSuffix("<a>\n  <b></b>\n</a>\n"))
    }

    @Test func escapingRoundTripsThroughParse() throws {
        let tricky = "a & b < c > d \"quoted\" 'single' ]]> tab\there\nnew line\r\nCRLF \u{e9}\u{1F600}"
        var writer = XMLWriter()
        writer.open("root", [("value", tricky), ("plain", "x")])
        writer.element("item", [("k", "<&>")], text: tricky)
        writer.close()

        let document = try XMLDocument.parse(bytes: Array(writer.text.utf8), fileName: "written.xml")
        let root = try #require(document.root)
        #expect(root.attribute("value") == tricky)
        #expect(root.attributeNames == ["value", "plain"])
        let item = try #require(root.child(named: "item"))
        #expect(item.attribute("k") == "<&>")
        #expect(item.text == tricky)
    }

    @Test func charactersXMLCannotHoldBecomeReplacementCharacters() throws {
        var writer = XMLWriter()
        writer.element("a", [("v", "x\u{1}y")], text: "bell\u{7} nul\u{0} \u{FFFF}")
        let root = try #require(try XMLDocument.parse(bytes: Array(writer.text.utf8), fileName: "w.xml").root)
        #expect(root.attribute("v") == "x\u{FFFD}y")
        #expect(root.text == "bell\u{FFFD} nul\u{FFFD} \u{FFFD}")
    }
}
