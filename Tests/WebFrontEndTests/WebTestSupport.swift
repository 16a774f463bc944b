import AdviceData
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLiteVisitStore
import TestSupport
import Testing

@testable import WebFrontEnd

/// A server over the checkout's data, a new register and a new work folder, tested in process (no socket).
struct WebFixture {
    let folder: TemporaryDirectory
    let configuration: WebConfiguration

    init(port: Int = 80) throws {
        folder = try TemporaryDirectory()
        let store = try SQLiteVisitStore.open(path: folder.file("register.sqlite"), access: .write)
        // Port 80: the test client sends `Host: localhost` without a port, as a browser does on port 80.
        configuration = WebConfiguration(port: port, data: Checkout.data, store: store, workFolder: folder.file("web"))
    }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try WebServer.application(configuration)
        try await app.test(.router) { client in try await body(client) }
    }
}

/// A browser's session in a test: its cookie, and the form token of the last page read.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    /// The cookies set so far, by name.
    var cookies: [String: String] = [:]
    var token = ""

    /// The Cookie header a browser sends.
    var cookie: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    init(_ client: any TestClientProtocol) { self.client = client }

    var headers: HTTPFields {
        var fields = HTTPFields()
        if !cookie.isEmpty { fields[.cookie] = cookie }
        return fields
    }

    /// GETs a page, keeping its cookie and form token.
    @discardableResult
    func get(_ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        remember(response)
        return response
    }

    /// POSTs a form (the token added).
    @discardableResult
    func post(_ uri: String, _ pairs: [(String, String)], withToken: Bool = true) async throws -> TestResponse {
        var fields = headers
        fields[.contentType] = "application/x-www-form-urlencoded"
        let all = (withToken ? [("csrf", token)] : []) + pairs
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = try await client.execute(
            uri: uri, method: .post, headers: fields, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    func remember(_ response: TestResponse) {
        for set in response.headers[values: .setCookie] {
            let pair = set.prefix { $0 != ";" }.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            cookies[String(pair[0])] = pair[1].isEmpty ? nil : String(pair[1])
        }
        let html = String(buffer: response.body)
        if let token = Self.matches(html, #"name="csrf" value="([0-9a-f]+)""#).first?.first { self.token = token }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func matches(_ text: String, _ pattern: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
        }
    }

    /// The fields a form page shows, as `control|id`, and the defaults it pre-selected.
    static func formFields(_ html: String) -> (fields: [String], defaults: [String: String]) {
        let fields = matches(html, #"name="field" value="([^"]*)""#).map {
            $0[0].replacingOccurrences(of: "&#39;", with: "'")
        }
        var defaults: [String: String] = [:]
        for pair in matches(html, #"name="default:([^"]*)" value="([^"]*)""#) { defaults[pair[0]] = pair[1] }
        return (fields, defaults)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String { headers[.location] ?? "" }
}

/// A visit file of the checkout's examples.
func example(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: Checkout.examples + "/" + name)))
}

func jsonHeaders() -> HTTPFields {
    var fields = HTTPFields()
    fields[.contentType] = "application/json"
    return fields
}
