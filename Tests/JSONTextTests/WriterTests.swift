import JSONText
import Testing

@Suite struct WriterTests {
    @Test func prettyOutputOfASmallObject() {
        let value = JSONValue.object([
            JSONField("schema", .string("esp-advice/1")),
            JSONField("rooms", .array([.number(3), .number(12.5), .null])),
            JSONField("flags", .object([JSONField("gas", .bool(true)), JSONField("solar", .bool(false))])),
            JSONField("empty", .object([])),
            JSONField("none", .array([])),
        ])
        let expected = """
            {
              "schema": "esp-advice/1",
              "rooms": [
                3,
                12.5,
                null
              ],
              "flags": {
                "gas": true,
                "solar": false
              },
              "empty": {},
              "none": []
            }
            """
        #expect(value.serialized() == expected)
        #expect(
            value.serialized(pretty: false)
                == #"{"schema":"esp-advice/1","rooms":[3,12.5,null],"flags":{"gas":true,"solar":false},"empty":{},"none":[]}"#
        )
    }

    @Test func scalarsAndEmptyContainers() {
        #expect(JSONValue.null.serialized() == "null")
        #expect(JSONValue.bool(false).serialized() == "false")
        #expect(JSONValue.array([]).serialized() == "[]")
        #expect(JSONValue.object([]).serialized(pretty: false) == "{}")
        #expect(JSONValue.array([.array([])]).serialized() == "[\n  []\n]")
    }

    @Test func keysKeepTheGivenOrder() {
        let value = JSONValue.object([
            JSONField("b", .number(1)), JSONField("a", .number(2)), JSONField("c", .number(3)),
        ])
        #expect(value.serialized(pretty: false) == #"{"b":1,"a":2,"c":3}"#)
    }

    @Test(arguments: [
        (651.0, "651"), (-3.0, "-3"), (0.0, "0"), (-0.0, "0"), (103.44, "103.44"), (0.1, "0.1"),
        (-2.5, "-2.5"), (1e-7, "1e-07"), (999_999_999_999_999.0, "999999999999999"),
        (1e15, "1000000000000000.0"), (1e16, "1e+16"), (-1e21, "-1e+21"), (123456789012345.6, "123456789012345.6"),
        (Double.leastNonzeroMagnitude, "5e-324"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        (Double.infinity, "null"), (-Double.infinity, "null"), (Double.nan, "null"),
    ])
    func formatsNumbers(number: Double, expected: String) throws {
        let text = JSONValue.number(number).serialized()
        #expect(text == expected)
        // Whatever is written must be JSON and, when finite, read back as the same Double.
        let reparsed = try JSONParser.parse(text)
        if number.isFinite {
            #expect(reparsed.value == .number(number))
        } else {
            #expect(reparsed.value == .null)
        }
    }

    @Test func numbersSurviveRoundTrips() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bits = generator.next() as UInt64
            let number = Double(bitPattern: bits)
            guard number.isFinite else { continue }
            let text = JSONValue.number(number).serialized()
            let node = try JSONParser.parse(text)
            guard case .number(let back) = node.kind else {
                Issue.record("\(text) did not parse as a number")
                continue
            }
            #expect(back == number || (back == 0 && number == 0), "\(number) written as \(text) read back as \(back)")
        }
    }

    @Test func escapesStrings() {
        let value = JSONValue.string("q\" b\\ /\n\t\r\u{8}\u{C}\u{0}\u{1F}\u{7F} é😀 \u{2028}\u{2029}")
        #expect(value.serialized() == #""q\" b\\ /\n\t\r\b\f\u0000\u001f"# + "\u{7F} é😀 " + #"\u2028\u2029""#)
        #expect(JSONValue.object([JSONField("a\nb", .string(""))]).serialized(pretty: false) == #"{"a\nb":""}"#)
    }

    @Test func escapedStringsReadBackUnchanged() throws {
        let original = "line\nbreak \"quoted\" \\ \u{1} \u{2028} Grüße 😀 \u{7F}"
        #expect(try JSONParser.parse(JSONValue.string(original).serialized()).value == .string(original))
    }

    @Test func documentsRoundTrip() throws {
        let text = """
            {
              "visit": {
                "date": "2024-03-01",
                "household": {"persons": 3, "heating": null, "tags": ["a", "b\\u00e9", "\\ud83d\\ude00"]},
                "readings": [1, -2.5, 3e2, 1.25E-3, 0, true, false],
                "nested": [[[]], {}, [{}]]
              }
            }
            """
        let value = try JSONParser.parse(text).value
        for pretty in [true, false] {
            let written = value.serialized(pretty: pretty)
            #expect(try JSONParser.parse(written).value == value)
            // Writing is deterministic: a second trip gives the same text.
            #expect(try JSONParser.parse(written).value.serialized(pretty: pretty) == written)
        }
        #expect(
            value.serialized(pretty: false)
                == #"{"visit":{"date":"2024-03-01","household":{"persons":3,"heating":null,"tags":["a","bé","😀"]},"readings":[1,-2.5,300,0.00125,0,true,false],"nested":[[[]],{},[{}]]}}"#
        )
    }

    @Test func duplicateKeyMessagesQuoteKeysLikeJSON() {
        // Messages spell keys the way the writer does, so invisible characters stay visible.
        #expect(syntaxError(#"{"tab\there": 1, "tab\u0009here": 2}"#)?.message == #"duplicate key "tab\there""#)
    }
}
