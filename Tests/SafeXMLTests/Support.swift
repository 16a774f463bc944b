import Foundation
import SafeXML
import Testing

/// Parses a string literal as UTF-8.
func parse(_ text: String, fileName: String = "test.xml", maxBytes: Int = 16 << 20) throws(XMLError) -> XMLDocument {
    try XMLDocument.parse(bytes: Array(text.utf8), fileName: fileName, maxBytes: maxBytes)
}
