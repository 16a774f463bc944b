import JSONText
import Testing

@Suite struct ParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let node = try JSONParser.parse(
            #"{"n": null, "t": true, "f": false, "i": -12, "d": 3.25e2, "s": "hi", "a": [1, "x"], "o": {}}"#)
        #expect(
            node.value
                == .object([
                    JSONField("n", .null),
                    JSONField("t", .bool(true)),
                    JSONField("f", .bool(false)),
                    JSONField("i", .number(-12)),
                    JSONField("d", .number(325)),
                    JSONField("s", .string("hi")),
                    JSONField("a", .array([.number(1), .string("x")])),
                    JSONField("o", .object([])),
                ]))
    }

    @Test func parsesScalarDocumentsWithSurroundingWhitespace() throws {
        #expect(try JSONParser.parse(" \t\r\n 42 \n").value == .number(42))
        #expect(try JSONParser.parse("\"only\"").value == .string("only"))
        #expect(try JSONParser.parse("null").value == .null)
        #expect(try JSONParser.parse("[]").value == .array([]))
    }

    @Test func keepsMemberOrder() throws {
        let node = try JSONParser.parse(#"{"z": 1, "a": 2, "m": 3}"#)
        guard case .object(let members) = node.kind else {
            Issue.record("expected an object, got \(node.typeName)")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "m"])
    }

    @Test func recordsPositionsOfNestedValuesAndKeys() throws {
        let text = """
            {
              "household": {
                "persons": 3,
                "rooms": [ 10, {"area": 12.5} ]
              },
              "name":"x"
            }
            """
        let root = try JSONParser.parse(text)
        #expect(root.position == SourcePosition(line: 1, column: 1))
        let household = try #require(root.member("household"))
        #expect(household.keyPosition == SourcePosition(line: 2, column: 3))
        #expect(household.value.position == SourcePosition(line: 2, column: 16))
        let persons = try #require(household.value.member("persons"))
        #expect(persons.keyPosition == SourcePosition(line: 3, column: 5))
        #expect(persons.value.position == SourcePosition(line: 3, column: 16))
        let rooms = try #require(household.value.member("rooms"))
        #expect(rooms.value.position == SourcePosition(line: 4, column: 14))
        let first = try #require(rooms.value.element(0))
        #expect(first.position == SourcePosition(line: 4, column: 16))
        let second = try #require(rooms.value.element(1))
        #expect(second.position == SourcePosition(line: 4, column: 20))
        let area = try #require(second.member("area"))
        #expect(area.keyPosition == SourcePosition(line: 4, column: 21))
        #expect(area.value.position == SourcePosition(line: 4, column: 29))
        let name = try #require(root.member("name"))
        #expect(name.keyPosition == SourcePosition(line: 6, column: 3))
        #expect(name.value.position == SourcePosition(line: 6, column: 10))
    }

    @Test func crlfCountsAsOneLineBreak() throws {
        let root = try JSONParser.parse("{\r\n\"a\": 1,\r\n\r\n  \"b\": 2}")
        #expect(try #require(root.member("a")).keyPosition == SourcePosition(line: 2, column: 1))
        #expect(try #require(root.member("b")).keyPosition == SourcePosition(line: 4, column: 3))
        #expect(try #require(root.member("b")).value.position == SourcePosition(line: 4, column: 8))
    }

    @Test func columnsCountUTF8Bytes() throws {
        // "é" is two bytes, so the value after it starts two columns further than it looks.
        let root = try JSONParser.parse(#"["é", 1]"#)
        #expect(try #require(root.element(1)).position == SourcePosition(line: 1, column: 8))
    }

    @Test func skipsByteOrderMarkWithoutCountingIt() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a": true}"#.utf8)
        let root = try JSONParser.parse(bytes)
        #expect(root.value == .object([JSONField("a", .bool(true))]))
        #expect(root.position == SourcePosition(line: 1, column: 1))
        #expect(try #require(root.member("a")).keyPosition == SourcePosition(line: 1, column: 2))
    }

    @Test func byteOrderMarkIsOnlySkippedAtTheStart() {
        let bytes: [UInt8] = Array("[1, ".utf8) + [0xEF, 0xBB, 0xBF] + Array("2]".utf8)
        #expect(
            syntaxError(bytes)
                == JSONSyntaxError(
                    message: "expected a value, found '\u{FEFF}' (U+FEFF)",
                    position: SourcePosition(line: 1, column: 5)))
    }

    @Test func decodesEscapes() throws {
        let node = try JSONParser.parse(#""q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u20AC""#)
        #expect(node.value == .string("q\" b\\ s/ \u{8}\u{C}\n\r\t Aé€"))
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\uD83D\uDE00""#).value == .string("😀"))
        #expect(try JSONParser.parse(#""a\ud834\udd1eb""#).value == .string("a𝄞b"))
        // The same character written raw as four UTF-8 bytes.
        #expect(try JSONParser.parse("\"😀\"").value == .string("😀"))
    }

    @Test func keepsNonASCIIText() throws {
        #expect(
            try JSONParser.parse(#"{"Straße": "Grüße, 日本"}"#).value
                == .object([JSONField("Straße", .string("Grüße, 日本"))]))
    }

    @Test(arguments: [
        ("0", 0.0), ("-0", -0.0), ("7", 7), ("-12", -12), ("1.5", 1.5), ("-0.25", -0.25),
        ("1e3", 1000), ("1E+3", 1000), ("2.5e-3", 0.0025), ("123456789012345", 123_456_789_012_345),
        ("12345678901234567890", 12345678901234567890.0), ("1e-400", 0),
        ("1.7976931348623157e308", Double.greatestFiniteMagnitude),
        ("5e-324", Double.leastNonzeroMagnitude),
    ])
    func parsesNumbers(text: String, expected: Double) throws {
        let node = try JSONParser.parse(text)
        guard case .number(let value) = node.kind else {
            Issue.record("\(text) parsed as \(node.typeName)")
            return
        }
        #expect(value == expected)
        #expect(value.sign == expected.sign)
    }

    @Test func namesTypes() throws {
        let node = try JSONParser.parse(#"[{}, [], "s", 1, true, false, null]"#)
        guard case .array(let elements) = node.kind else {
            Issue.record("expected an array")
            return
        }
        #expect(elements.map(\.typeName) == ["object", "array", "string", "number", "boolean", "boolean", "null"])
    }

    @Test func describesPositionsAndErrors() {
        let position = SourcePosition(line: 12, column: 5)
        #expect(position.description == "line 12, column 5")
        let error = JSONSyntaxError(message: "the file is empty", position: position)
        #expect(error.description == "line 12, column 5: the file is empty")
        #expect(error.line == 12 && error.column == 5)
        #expect(syntaxError("[1,\n  x]")?.description == "line 2, column 3: expected a value, found 'x'")
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        var node = try JSONParser.parse(text)
        var depth = 1
        while case .array(let elements) = node.kind, let inner = elements.first {
            node = inner
            depth += 1
        }
        #expect(depth == 64)
    }

    @Test func parsesAFiveMegabyteDocumentQuickly() throws {
        var text = "[\n"
        let record =
            #"  {"id": "visit-0001", "address": "12 Long Street, Springfield", "household": {"persons": 3, "heating": "gas boiler", "floorArea": 104.5}, "readings": [0.25, 1.5e3, -7, true, null], "notes": "Asked about \"solar\" panels; Grüße"}"#
        var count = 0
        while text.utf8.count < 5_000_000 {
            if count > 0 { text += ",\n" }
            text += record
            count += 1
        }
        text += "\n]"
        let bytes = Array(text.utf8)
        let clock = ContinuousClock()
        var node: JSONNode?
        let elapsed = try clock.measure {
            node = try JSONParser.parse(bytes)
        }
        let parsed = try #require(node)
        guard case .array(let elements) = parsed.kind else {
            Issue.record("expected an array")
            return
        }
        #expect(elements.count == count)
        let last = try #require(elements.last)
        #expect(last.position == SourcePosition(line: count + 1, column: 3))
        #expect(
            try #require(last.member("household")?.value.member("floorArea")).value.position
                == SourcePosition(line: count + 1, column: 132))
        // Generous so a busy machine does not fail it (about 0.3 s in a quiet debug build);
        // accidental quadratic behaviour would take minutes.
        #expect(elapsed < .seconds(5), "parsing 5 MB took \(elapsed)")
    }

    @Test func largeObjectsStillRejectDuplicateKeys() throws {
        // Past 16 members the duplicate check switches to a hash set; both paths must agree.
        let keys = (0..<40).map { "\"k\($0)\": \($0)" }
        let unique = try JSONParser.parse("{" + keys.joined(separator: ", ") + "}")
        guard case .object(let members) = unique.kind else {
            Issue.record("expected an object")
            return
        }
        #expect(members.map(\.key) == (0..<40).map { "k\($0)" })
        let duplicated = "{" + keys.joined(separator: ",\n") + ",\n\"k17\": 0}"
        #expect(
            syntaxError(duplicated)
                == JSONSyntaxError(
                    message: "duplicate key \"k17\"", position: SourcePosition(line: 41, column: 1)))
        let early = "{" + keys.joined(separator: ",\n") + ",\n\"k3\": 0}"
        #expect(syntaxError(early)?.message == "duplicate key \"k3\"")
    }

    @Test func siblingContainersKeepTheirOwnChildren() throws {
        let node = try JSONParser.parse(#"[[1, 2], [], [3, [4, 5]], {"a": [6], "b": {"c": 7}}, 8]"#)
        #expect(
            node.value
                == .array([
                    .array([.number(1), .number(2)]),
                    .array([]),
                    .array([.number(3), .array([.number(4), .number(5)])]),
                    .object([
                        JSONField("a", .array([.number(6)])), JSONField("b", .object([JSONField("c", .number(7))])),
                    ]),
                    .number(8),
                ]))
    }

    @Test func fastNumberPathAgreesWithTextConversion() throws {
        // The parser computes short decimals itself; they must equal Swift's own conversion.
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<5000 {
            let digits = Int.random(in: 1...17, using: &generator)
            var text = Bool.random(using: &generator) ? "-" : ""
            let first = Int.random(in: 0...9, using: &generator)
            text += String(first)
            if first != 0 {
                for _ in 1..<max(1, digits / 2) { text += String(Int.random(in: 0...9, using: &generator)) }
            }
            if Bool.random(using: &generator) {
                text += "."
                for _ in 0..<max(1, digits - digits / 2) { text += String(Int.random(in: 0...9, using: &generator)) }
            }
            if Bool.random(using: &generator) {
                text += ["e", "E", "e+", "e-", "E-"].randomElement(using: &generator) ?? "e"
                text += String(Int.random(in: 0...40, using: &generator))
            }
            let expected = try #require(Double(text), "Swift rejects \(text)")
            let node = try JSONParser.parse(text)
            #expect(node.value == .number(expected), "\(text)")
        }
    }

    @Test func damagedDocumentsFailCleanly() throws {
        // Truncations and byte flips of a valid document must give an error with a sane
        // position (or still parse), never a crash.
        let original = Array(
            """
            \u{FEFF}{"a": [1, -2.5e3, true, null, "x\\u00e9\\ud83d\\ude00"],
              "b": {"c": "Grüße 😀", "d": [[], {}]}, "e": 0.0001}
            """.utf8)
        let lines = original.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
        var failures = 0
        for length in 0...original.count where failsCleanly(Array(original[0..<length]), lines: lines) {
            failures += 1
        }
        // Every proper prefix is incomplete; only the whole document parses.
        #expect(failures == original.count)
        var generator = SeededGenerator(seed: 7)
        let replacements: [UInt8] = Array("{}[],:\"\\-+.e0189tfnu ".utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xED, 0xF0, 0xFF]
        failures = 0
        for _ in 0..<3000 {
            var damaged = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let at = Int.random(in: 0..<damaged.count, using: &generator)
                damaged[at] = replacements.randomElement(using: &generator) ?? 0
            }
            if failsCleanly(damaged, lines: lines + 3) { failures += 1 }
        }
        #expect(failures > 1500)
    }

    /// Whether `bytes` fail to parse; checks the error's position is inside the input.
    private func failsCleanly(_ bytes: [UInt8], lines: Int) -> Bool {
        guard let error = syntaxError(bytes) else { return false }
        #expect(!error.message.isEmpty)
        #expect(error.position.line >= 1 && error.position.line <= lines)
        #expect(error.position.column >= 1 && error.position.column <= bytes.count + 1)
        return true
    }
}

/// A small deterministic generator (SplitMix64) so randomized tests are repeatable.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
