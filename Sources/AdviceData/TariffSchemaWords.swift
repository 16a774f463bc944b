import SafeText
import SafeXML

/// libxml2's schema messages in the words a city clerk can act on: "'39,45' is not a valid value of the atomic type
/// '{urn:esp:tariffs:1}Positive'" becomes "'39,45' is not a number: use a decimal point, e.g. 39.45". A message
/// this does not know stays as libxml2 wrote it.
enum TariffSchemaWords {
    static func plain(_ issue: Diagnostic) -> Diagnostic {
        Diagnostic(file: issue.file, line: issue.line, message: plain(issue.message))
    }

    static func plain(_ message: String) -> String {
        let name = /\{[^}]*\}/
        if let m = message.wholeMatch(
            of: /Element '([^']+)', attribute '([^']+)': '(.*)' is not a valid value of the atomic type '([^']+)'\./)
        {
            return
                "\(element(m.1)) \(m.2)=\"\(m.3)\" \(invalid(String(m.3), type: String(m.4).replacing(name, with: "")))"
        }
        if let m = message.wholeMatch(of: /Element '([^']+)', attribute '([^']+)': \[facet '([^']+)'\] (.*)/) {
            return "\(element(m.1)) \(m.2)\(facet(String(m.3), String(m.4)))"
        }
        if let m = message.wholeMatch(
            of: /Element '([^']+)', attribute '([^']+)': The attribute '[^']+' is not allowed\./)
        {
            return "\(element(m.1)) does not take the attribute \(m.2) (a typo, or one this esp does not know)"
        }
        if let m = message.wholeMatch(of: /Element '([^']+)': The attribute '([^']+)' is required but missing\./) {
            return "\(element(m.1)) lacks the attribute \(m.2)"
        }
        if let m = message.wholeMatch(
            of: /Element '([^']+)': This element is not expected\. Expected is (?:one of )?\( (.*) \)\./)
        {
            return "\(element(m.1)) is not expected here; expected \(elements(m.2))"
        }
        if let m = message.wholeMatch(of: /Element '([^']+)': This element is not expected\./) {
            return "\(element(m.1)) is not expected here"
        }
        if let m = message.wholeMatch(
            of: /Element '([^']+)': Missing child element\(s\)\. Expected is (?:one of )?\( (.*) \)\./)
        {
            return "\(element(m.1)) lacks \(elements(m.2))"
        }
        if let m = message.wholeMatch(
            of: /Element '([^']+)': Duplicate key-sequence \['(.*)'\] in (?:key|unique) identity-constraint '([^']+)'\./
        ) {
            if m.3.hasSuffix("SourceId") { return "<source> id \"\(m.2)\" is defined twice" }
            if m.3.hasSuffix("oneHeatingTariffPerFuel") {
                return "two heating tariffs for \"\(m.2)\": give one per fuel"
            }
            return "\(element(m.1)) \"\(m.2)\" is given twice"
        }
        if let m = message.wholeMatch(
            of: /Element '([^']+)': Character content is not allowed, because the content type is empty\./)
        {
            return "\(element(m.1)) takes no text: write its figures as attributes"
        }
        return message
    }

    /// `<tariff>` for an element of esp's namespace, `<include> (namespace …)` for any other.
    static func element(_ qualified: Substring) -> String {
        if let m = qualified.wholeMatch(of: /\{([^}]*)\}(.+)/) {
            return m.1 == TariffLibrary.namespace ? "<\(m.2)>" : "<\(m.2)> (namespace \(m.1))"
        }
        return "<\(qualified)>"
    }

    static func elements(_ list: Substring) -> String {
        list.split(separator: ",").map { element(Substring(String($0).trimmingSpaces)) }.joined(separator: " or ")
    }

    /// Why a value does not fit its type, with what to write instead.
    static func invalid(_ value: String, type: String) -> String {
        switch type {
        case "Positive", "NonNegative", "Share", "xs:decimal":
            if value.contains(","), Double(value.replacing(",", with: ".")) != nil {
                return "is not a number: use a decimal point, e.g. \(value.replacing(",", with: "."))"
            }
            if value.count > 30 { return "is not a usable number: too many digits" }
            return "is not a number: write digits with a decimal point, e.g. 39.45 (no exponent, INF or NaN)"
        case "xs:date": return "is not a date: use YYYY-MM-DD, e.g. 2027-01-01"
        case "xs:boolean": return "must be true or false"
        case "xs:gYear": return "is not a year: write four digits, e.g. 2026"
        case "xs:positiveInteger", "xs:nonNegativeInteger": return "is not a whole number"
        case "Id": return "is not an id: use lower-case letters, digits, '.', '_' and '-', e.g. n-ergie-2027"
        default: return "is not a valid \(type)"
        }
    }

    /// A facet's complaint in plain words, to follow the attribute's name: `="-120" must be at least 0`.
    static func facet(_ facet: String, _ text: String) -> String {
        let value = text.firstMatch(of: /The value '([^']*)'/).map { String($0.1) } ?? ""
        let limit =
            text.firstMatch(of: /\('?([^')]*)'?\)\.?$/).map { String($0.1) }
            ?? text.firstMatch(of: /than '([^']*)'/).map { String($0.1) } ?? ""
        switch facet {
        case "minExclusive": return "=\"\(value)\" must be greater than \(limit)"
        case "minInclusive": return "=\"\(value)\" must be at least \(limit)"
        case "maxInclusive": return "=\"\(value)\" must be at most \(limit)"
        case "maxExclusive": return "=\"\(value)\" must be less than \(limit)"
        case "maxLength":
            // libxml2 cuts very long messages before the limit; then only "too long" is certain.
            guard let most = text.firstMatch(of: /maximum length of '([0-9]+)'/) else {
                return " is too long: shorten it"
            }
            return " is too long: at most \(most.1) characters"
        case "minLength": return " must not be empty"
        case "enumeration":
            let allowed = text.firstMatch(of: /\{(.*)\}/).map { $0.1.replacing("'", with: "") } ?? ""
            return "=\"\(value)\" is not allowed; allowed: \(allowed)"
        case "pattern": return "=\"\(value)\" is not allowed here"
        case "length": return "=\"\(value)\" has the wrong number of items"
        default: return ": " + text
        }
    }
}
