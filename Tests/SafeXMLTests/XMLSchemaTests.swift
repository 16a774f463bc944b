import Foundation
import SafeXML
import TestSupport
import Testing

@Suite("Schema validation")
struct XMLSchemaTests {
    static let schema = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   targetNamespace="urn:esp:tariffs:1" xmlns="urn:esp:tariffs:1"
                   elementFormDefault="qualified">
          <xs:element name="tariffs">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="tariff" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="name" type="xs:string"/>
                    </xs:sequence>
                    <xs:attribute name="id" type="xs:ID" use="required"/>
                    <xs:attribute name="energyPriceCtPerKWh" type="xs:decimal" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    func loadSchema() throws -> XMLSchema {
        try XMLSchema.load(bytes: Array(Self.schema.utf8), fileName: "tariffs.xsd")
    }

    @Test func validDocumentHasNoIssues() throws {
        let document = try parse(
            """
            <tariffs xmlns="urn:esp:tariffs:1">
              <tariff id="a" energyPriceCtPerKWh="31.5"><name>A</name></tariff>
              <tariff id="b" energyPriceCtPerKWh="-2"><name>B</name></tariff>
            </tariffs>
            """)
        #expect(try loadSchema().validate(document) == [])
    }

    @Test func invalidDocumentReportsEachErrorOnItsLine() throws {
        let document = try parse(
            """
            <tariffs xmlns="urn:esp:tariffs:1">
              <tariff id="a" energyPriceCtPerKWh="abc">
                <name>A</name>
              </tariff>
              <tariff id="b" energyPriceCtPerKWh="1">
              </tariff>
            </tariffs>
            """, fileName: "bad.xml")
        let issues = try loadSchema().validate(document)
        #expect(issues.count == 2)
        #expect(issues.map(\.line) == [2, 5])
        #expect(issues.allSatisfy { $0.file == "bad.xml" })
        #expect(
            issues.first?.message
                == "Element '{urn:esp:tariffs:1}tariff', attribute 'energyPriceCtPerKWh': 'abc' is not a valid value of the atomic type 'xs:decimal'."
        )
        #expect(issues.last?.message.contains("Missing child element") == true)
    }

    /// libxml2 registers xs:ID values on the tree it validates; a shared document must not remember them.
    @Test func validatingTwiceGivesTheSameAnswer() throws {
        let schema = try loadSchema()
        let document = try parse(
            """
            <tariffs xmlns="urn:esp:tariffs:1">
              <tariff id="a" energyPriceCtPerKWh="1"><name>A</name></tariff>
              <tariff id="a" energyPriceCtPerKWh="2"><name>B</name></tariff>
            </tariffs>
            """)
        let first = schema.validate(document)
        #expect(first.count == 1)
        #expect(first.first?.line == 3)
        #expect(schema.validate(document) == first)
    }

    @Test func errorsPastLine65535HaveExactLines() throws {
        let schema = try XMLSchema.load(
            bytes: Array(
                """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:element name="r">
                    <xs:complexType>
                      <xs:sequence>
                        <xs:element name="d" type="xs:decimal" maxOccurs="unbounded"/>
                      </xs:sequence>
                    </xs:complexType>
                  </xs:element>
                </xs:schema>
                """.utf8), fileName: "numbers.xsd")
        let text = "<r>" + String(repeating: "\n", count: 69_999) + "<d>x</d>\n<d>1</d>\n<d>y</d></r>"
        let document = try parse(text, fileName: "long.xml")
        let issues = schema.validate(document)
        #expect(issues.map(\.line) == [70_000, 70_002])
        #expect(issues.allSatisfy { $0.file == "long.xml" })
        // The shared document is untouched by validation.
        #expect(document.root?.children.map(\.line) == [70_000, 70_001, 70_002])
    }

    @Test func validatesConcurrently() async throws {
        let schema = try loadSchema()
        let valid = try parse(
            "<tariffs xmlns=\"urn:esp:tariffs:1\"><tariff id=\"a\" energyPriceCtPerKWh=\"1\"><name/></tariff></tariffs>"
        )
        let invalid = try parse(
            "<tariffs xmlns=\"urn:esp:tariffs:1\">\n<tariff id=\"a\" energyPriceCtPerKWh=\"x\"><name/></tariff></tariffs>"
        )
        let counts = await withTaskGroup(of: (Int, Int).self) { group in
            for _ in 0..<16 {
                group.addTask { (schema.validate(valid).count, schema.validate(invalid).count) }
            }
            var all: [(Int, Int)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(counts.count == 16)
        #expect(counts.allSatisfy { $0 == (0, 1) })
    }

    @Test func brokenSchemaIsRefusedWithLines() throws {
        let text = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="a" type="xs:nonsense"/>
            </xs:schema>
            """
        let error = try #require(
            caught(XMLError.self) { try XMLSchema.load(bytes: Array(text.utf8), fileName: "broken.xsd") })
        #expect(error.issues.contains { $0.file == "broken.xsd" && $0.line == 2 })
    }

    @Test func schemaImportsAreNotLoaded() throws {
        let text = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="file:///etc/passwd"/>
              <xs:element name="a" type="xs:string"/>
            </xs:schema>
            """
        let error = try #require(
            caught(XMLError.self) { try XMLSchema.load(bytes: Array(text.utf8), fileName: "include.xsd") })
        #expect(!error.issues.isEmpty)
        #expect(!error.description.contains("root:"))
    }

    @Test func schemaWithDTDIsRefused() throws {
        let text =
            "<!DOCTYPE xs:schema SYSTEM \"http://www.w3.org/2001/XMLSchema.dtd\"><xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>"
        let error = try #require(
            caught(XMLError.self) { try XMLSchema.load(bytes: Array(text.utf8), fileName: "dtd.xsd") })
        #expect(error.issues.map(\.message) == ["document type declarations (DTD) are not allowed"])
    }

    @Test func loadsASchemaFile() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("tariffs.xsd", Data(Array(Self.schema.utf8)))
        let schema = try XMLSchema.load(fileAt: file)
        #expect(schema.fileName == file)
        let document = try parse("<tariffs xmlns=\"urn:esp:tariffs:1\"/>", fileName: "empty-list.xml")
        let issues = schema.validate(document)
        #expect(issues.count == 1)
        #expect(issues.first?.file == "empty-list.xml")
        #expect(issues.first?.line == 1)
    }
}
