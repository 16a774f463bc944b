import JSONText
import Testing

@Suite struct ErrorTests {
    @Test func emptyInput() {
        expectError("", "the file is empty", line: 1, column: 1)
        expectError("  \n\t\r\n ", "the file is empty", line: 1, column: 1)
        expectError([0xEF, 0xBB, 0xBF], "the file is empty", line: 1, column: 1)
    }

    @Test func documentTooLarge() {
        let limits = JSONLimits(maxBytes: 10)
        expectError("[1, 2, 3, 4]", "the document is larger than 10 bytes", line: 1, column: 1, limits: limits)
        #expect(syntaxError("[1, 2, 34]", limits: limits) == nil)
        // The check comes before parsing, so even broken input gets the size error.
        expectError("{{{{{{{{{{{", "the document is larger than 10 bytes", line: 1, column: 1, limits: limits)
        expectError(
            Array(repeating: UInt8(ascii: " "), count: (8 << 20) + 1),
            "the document is larger than 8388608 bytes", line: 1, column: 1)
    }

    @Test func invalidUTF8InsideStrings() {
        // A lone continuation byte.
        expectError(
            [UInt8(ascii: "\""), UInt8(ascii: "a"), 0x80, UInt8(ascii: "\"")], "invalid UTF-8", line: 1, column: 3)
        // An overlong encoding of '/'.
        expectError(
            Array("[1,\n \"".utf8) + [0xC0, 0xAF, UInt8(ascii: "\""), UInt8(ascii: "]")],
            "invalid UTF-8", line: 2, column: 3)
        // An encoded UTF-16 surrogate (U+D800).
        expectError([UInt8(ascii: "\""), 0xED, 0xA0, 0x80, UInt8(ascii: "\"")], "invalid UTF-8", line: 1, column: 2)
        // Above U+10FFFF.
        expectError(
            [UInt8(ascii: "\""), 0xF4, 0x90, 0x80, 0x80, UInt8(ascii: "\"")], "invalid UTF-8", line: 1, column: 2)
        // A sequence cut short by the closing quote.
        expectError([UInt8(ascii: "\""), 0xE2, 0x82, UInt8(ascii: "\"")], "invalid UTF-8", line: 1, column: 2)
        // A sequence cut short by the end of the file.
        expectError([UInt8(ascii: "\""), 0xF0, 0x9F], "invalid UTF-8", line: 1, column: 2)
    }

    @Test func invalidUTF8OutsideStrings() {
        expectError([UInt8(ascii: "["), 0xFF, UInt8(ascii: "]")], "invalid UTF-8", line: 1, column: 2)
        expectError(Array("{\"a\": 1 ".utf8) + [0xFE], "invalid UTF-8", line: 1, column: 9)
        expectError([0xEF, 0xBB], "invalid UTF-8", line: 1, column: 1)
        expectError(Array("[1]\n ".utf8) + [0xC3], "invalid UTF-8", line: 2, column: 2)
        // Valid UTF-8 after the value is ordinary trailing content.
        expectError("[1] é", "unexpected content after the JSON value", line: 1, column: 5)
    }

    @Test func controlCharactersInStrings() {
        expectError("\"a\u{1}b\"", "control character U+0001 must be escaped in a string", line: 1, column: 3)
        expectError("\"tab\there\"", "control character U+0009 must be escaped in a string", line: 1, column: 5)
        expectError("{\"a\": \"open\n}", "line break inside a string (is a closing '\"' missing?)", line: 1, column: 12)
    }

    @Test func badEscapes() {
        expectError(#""a\qb""#, "invalid escape sequence '\\q'", line: 1, column: 3)
        expectError(#""\u12G4""#, "expected 4 hex digits after '\\u'", line: 1, column: 2)
        expectError("\"\\\u{1}\"", "invalid escape sequence: '\\' followed by U+0001", line: 1, column: 2)
        expectError("\"x\\é\"", "invalid escape sequence: '\\' followed by 'é' (U+00E9)", line: 1, column: 3)
    }

    @Test func loneSurrogates() {
        expectError(#""\uD83D""#, "unpaired UTF-16 surrogate '\\uD83D' in a string", line: 1, column: 2)
        expectError(#"["ok", "x\uD83Dy"]"#, "unpaired UTF-16 surrogate '\\uD83D' in a string", line: 1, column: 10)
        expectError(#""\uDE00""#, "unpaired UTF-16 surrogate '\\uDE00' in a string", line: 1, column: 2)
        expectError(#""\uD83D\u0041""#, "unpaired UTF-16 surrogate '\\uD83D' in a string", line: 1, column: 2)
        expectError(#""\uD83D\uD83D""#, "unpaired UTF-16 surrogate '\\uD83D' in a string", line: 1, column: 2)
    }

    @Test func stringTooLong() {
        let limits = JSONLimits(maxStringBytes: 4)
        #expect(syntaxError(#"["abcd", "\u00e9\u00e9"]"#, limits: limits) == nil)
        expectError(#"["abcd", "abcde"]"#, "string longer than 4 bytes", line: 1, column: 10, limits: limits)
        // Counted after decoding: three escapes become five bytes.
        expectError(#"["\u00e9\u00e9\n"]"#, "string longer than 4 bytes", line: 1, column: 2, limits: limits)
        // Keys obey the same limit.
        expectError("{\n \"abcdef\": 1}", "string longer than 4 bytes", line: 2, column: 2, limits: limits)
    }

    @Test func strictNumberGrammar() {
        expectError("01", "numbers cannot have leading zeros", line: 1, column: 1)
        expectError("[-012]", "numbers cannot have leading zeros", line: 1, column: 2)
        expectError("+1", "expected a value, found '+'", line: 1, column: 1)
        expectError(".5", "expected a value, found '.'", line: 1, column: 1)
        expectError("1.", "unexpected end of file, expected a digit after the decimal point", line: 1, column: 3)
        expectError("[1.]", "expected a digit after the decimal point, found ']'", line: 1, column: 4)
        expectError("[1e]", "expected a digit in the exponent, found ']'", line: 1, column: 4)
        expectError("1e+", "unexpected end of file, expected a digit in the exponent", line: 1, column: 4)
        expectError("-", "unexpected end of file, expected a digit after '-'", line: 1, column: 2)
        expectError("[-Infinity]", "expected a digit after '-', found 'Infinity'", line: 1, column: 3)
        expectError("NaN", "expected a value, found 'NaN'", line: 1, column: 1)
        expectError("[Infinity]", "expected a value, found 'Infinity'", line: 1, column: 2)
        expectError("0x1F", "invalid number '0x1F'", line: 1, column: 1)
        expectError("[1.2.3]", "invalid number '1.2.3'", line: 1, column: 2)
    }

    @Test func numbersOutOfRange() {
        expectError("1e400", "number out of range", line: 1, column: 1)
        expectError("[0, -1e400]", "number out of range", line: 1, column: 5)
        expectError("1" + String(repeating: "0", count: 400), "number out of range", line: 1, column: 1)
    }

    @Test func badLiterals() {
        expectError("[True]", "expected a value, found 'True'", line: 1, column: 2)
        expectError("[nul]", "expected a value, found 'nul'", line: 1, column: 2)
        expectError("tru", "unexpected end of file, expected 'true'", line: 1, column: 4)
        expectError("[fals", "unexpected end of file, expected 'false'", line: 1, column: 6)
        expectError("nullx", "expected a value, found 'nullx'", line: 1, column: 1)
        expectError("[undefined]", "expected a value, found 'undefined'", line: 1, column: 2)
    }

    @Test func nestingTooDeep() {
        expectError(
            String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
            "nesting deeper than 64 levels", line: 1, column: 65)
        expectError(
            String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65),
            "nesting deeper than 64 levels", line: 1, column: 5 * 64 + 1)
        let limits = JSONLimits(maxDepth: 2)
        #expect(syntaxError("[[1]]", limits: limits) == nil)
        expectError("[\n  [\n    {}\n  ]\n]", "nesting deeper than 2 levels", line: 3, column: 5, limits: limits)
    }

    @Test func millionOpenBracketsDoNotOverflowTheStack() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        expectError(bytes, "nesting deeper than 64 levels", line: 1, column: 65)
        let objects = Array(String(repeating: "{\"k\":", count: 200_000).utf8)
        expectError(objects, "nesting deeper than 64 levels", line: 1, column: 5 * 64 + 1)
    }

    @Test func duplicateKeys() {
        expectError("{\n  \"x\": 1,\n  \"y\": 2,\n  \"x\": 3\n}", "duplicate key \"x\"", line: 4, column: 3)
        // Only within one object: the same key in sibling objects is fine.
        #expect(syntaxError(#"[{"x": 1}, {"x": 2}, {"a": {"x": 3}, "x": 4}]"#) == nil)
        expectError(#"{"a\"b": 1, "a\u0022b": 2}"#, #"duplicate key "a\"b""#, line: 1, column: 13)
    }

    @Test func trailingContent() {
        expectError("{} {}", "unexpected content after the JSON value", line: 1, column: 4)
        expectError("1\n2", "unexpected content after the JSON value", line: 2, column: 1)
        expectError("[1]]", "unexpected content after the JSON value", line: 1, column: 4)
        expectError("\"a\" x", "unexpected content after the JSON value", line: 1, column: 5)
    }

    @Test func truncatedInput() {
        expectError("[", "unexpected end of file, expected a value", line: 1, column: 2)
        expectError("[1", "unexpected end of file, expected ',' or ']' after an array element", line: 1, column: 3)
        expectError("[1,\n", "unexpected end of file, expected a value", line: 2, column: 1)
        expectError("{", "unexpected end of file, expected a string key or '}'", line: 1, column: 2)
        expectError("{\"a\"", "unexpected end of file, expected ':' after the key \"a\"", line: 1, column: 5)
        expectError("{\"a\":", "unexpected end of file, expected a value", line: 1, column: 6)
        expectError(
            "{\"a\": 1", "unexpected end of file, expected ',' or '}' after an object member", line: 1, column: 8)
        expectError("{\"a\": 1,", "unexpected end of file, expected a string key after ','", line: 1, column: 9)
        expectError(
            "{\"a\": \"b", "unexpected end of file, expected '\"' to close the string that starts at line 1, column 7",
            line: 1, column: 9)
        expectError(
            "\"ab\\", "unexpected end of file, expected '\"' to close the string that starts at line 1, column 1",
            line: 1, column: 5)
        expectError(
            "\"\\u12", "unexpected end of file, expected '\"' to close the string that starts at line 1, column 1",
            line: 1, column: 6)
    }

    @Test func misplacedPunctuation() {
        expectError("{\"a\": 1 x}", "expected ',' or '}' after an object member, found 'x'", line: 1, column: 9)
        expectError("[1 2]", "expected ',' or ']' after an array element, found '2'", line: 1, column: 4)
        expectError("{\"a\" 1}", "expected ':' after the key \"a\", found '1'", line: 1, column: 6)
        expectError("{a: 1}", "expected a string key or '}', found 'a'", line: 1, column: 2)
        expectError("{'a': 1}", "expected a string key or '}', found '''", line: 1, column: 2)
        expectError(
            "[1,]", "expected a value after ',', found ']' (trailing commas are not allowed)", line: 1, column: 4)
        expectError(
            "{\"a\": 1,\n}", "expected a string key after ',', found '}' (trailing commas are not allowed)", line: 2,
            column: 1)
        expectError("[,1]", "expected a value, found ','", line: 1, column: 2)
        expectError("{\"a\": }", "expected a value, found '}'", line: 1, column: 7)
        expectError("[\u{0}]", "expected a value, found U+0000", line: 1, column: 2)
        expectError("// comment\n1", "expected a value, found '/'", line: 1, column: 1)
    }
}
