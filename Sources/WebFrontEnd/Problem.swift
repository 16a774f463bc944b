import AdviceData
import AdviceWorkflows
import HTTPTypes
import Hummingbird
import JSONText
import SafeText
import VisitRecords

/// An error answer of the API as an RFC 9457 problem document (`application/problem+json`), with the diagnostics the
/// command line prints: line, column, JSON path, message and, where the message lists them, the allowed values.
struct Problem: Error, Sendable {
    var status: HTTPResponse.Status
    /// A short stable name, also the end of ``type``: `invalid-visit`, `visit-id-taken`, …
    var code: String
    var title: String
    /// What went wrong, in the command line's words.
    var detail: String
    var diagnostics: [Diagnostic] = []
    /// Further members, e.g. the registered and the sent visit of a taken id.
    var extra: [JSONField] = []

    init(
        status: HTTPResponse.Status, code: String, title: String, detail: String, diagnostics: [Diagnostic] = [],
        extra: [JSONField] = []
    ) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.diagnostics = diagnostics
        self.extra = extra
    }

    /// The problem type: a URI reference naming the kind of problem.
    var type: String { "/api/v1/problems/\(code)" }

    var json: JSONValue {
        var fields = [
            JSONField("type", .string(type)), JSONField("title", .string(title)),
            JSONField("status", .number(Double(status.code))), JSONField("detail", .string(detail)),
            JSONField("code", .string(code)),
        ]
        if !diagnostics.isEmpty {
            fields.append(JSONField("diagnostics", .array(diagnostics.map(Self.json))))
        }
        return .object(fields + extra)
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        return Response(
            status: status, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: json.serialized() + "\n")))
    }

    static func json(_ diagnostic: Diagnostic) -> JSONValue {
        var fields: [JSONField] = []
        if diagnostic.line > 0 { fields.append(JSONField("line", .number(Double(diagnostic.line)))) }
        if diagnostic.line > 0, let column = diagnostic.column {
            fields.append(JSONField("column", .number(Double(column))))
        }
        if let path = diagnostic.jsonPath { fields.append(JSONField("path", .string(path))) }
        fields.append(JSONField("severity", .string(diagnostic.severity.rawValue)))
        fields.append(JSONField("message", .string(diagnostic.message)))
        if let allowed = allowed(in: diagnostic.message) {
            fields.append(JSONField("allowed", .array(allowed.map { .string($0) })))
        }
        return .object(fields)
    }

    /// The values a message lists after `allowed here:` (an unknown key) or `one of` (a closed vocabulary).
    static func allowed(in message: String) -> [String]? {
        for marker in ["allowed here: ", "allowed: one of "] {
            guard let range = message.range(of: marker) else { continue }
            let list = message[range.upperBound...].split(separator: ",").map { $0.trimmingSpaces }
            return list.filter { !$0.isEmpty }
        }
        return nil
    }

    /// Any error of a handler as a problem: a use case's error worded, anything else a failure of the server.
    static func from(_ error: any Error) -> Problem {
        if let problem = error as? Problem { return problem }
        if let workflow = error as? WorkflowError { return Problem(workflow) }
        return Problem(status: .internalServerError, code: "failed", title: "Failed", detail: "\(error)")
    }

    static func tooLarge(limit: Int) -> Problem {
        Problem(
            status: .contentTooLarge, code: "too-large", title: "Request body too large",
            detail: "the request body is larger than \(limit) bytes; a visit file is a few kilobytes")
    }

    static func notFound(_ what: String) -> Problem {
        Problem(status: .notFound, code: "not-found", title: "Not found", detail: what)
    }

    static func badRequest(_ code: String, _ detail: String) -> Problem {
        Problem(status: .badRequest, code: code, title: "Bad request", detail: detail)
    }

    /// Hummingbird's own errors (a body over the limit while it is read, an unknown route).
    static func response(for error: any HTTPResponseError, request: Request) -> Response {
        if error.status == .contentTooLarge {
            return tooLarge(limit: 0).withDetail("the request body is too large").response
        }
        return Problem(
            status: error.status, code: "http-\(error.status.code)", title: error.status.reasonPhrase,
            detail: (error as? HTTPError)?.body ?? error.status.reasonPhrase
        ).response
    }

    func withDetail(_ text: String) -> Problem {
        var copy = self
        copy.detail = text
        return copy
    }

    /// A use case's error as an HTTP status and problem document; `source` names the request's visit in the detail
    /// as the command line names its file.
    init(_ error: WorkflowError, sent visit: (date: String, city: String, advisor: String?)? = nil) {
        detail = error.description
        switch error {
        case .data(let dataError):
            switch dataError {
            case .malformedJSON, .emptyFile:
                (status, code, title) = (.badRequest, "malformed-json", "The body is not valid JSON")
                diagnostics = dataError.diagnostics
                if case .malformedJSON(let path, let syntax) = dataError {
                    diagnostics = [
                        Diagnostic(
                            file: path, line: syntax.line, column: syntax.column, jsonPath: nil,
                            message: "not valid JSON: \(syntax.message)")
                    ]
                }
            case .invalidVisit(_, let problems):
                (status, code, title) = (.badRequest, "invalid-visit", "The visit is not valid esp-visit/1")
                diagnostics = Array(problems.prefix(DataError.maxProblemsShown))
            case .fileTooLarge(_, let limit):
                self = .tooLarge(limit: limit)
                return
            case .unknownCity(let id, _, let available):
                (status, code, title) = (.badRequest, "unknown-city", "No tariffs for this city")
                extra = [
                    JSONField("city", .string(id)), JSONField("allowed", .array(available.map { .string($0) })),
                ]
            case .cannotAdvise:
                (status, code, title) = (.unprocessableContent, "cannot-advise", "The data cannot advise this visit")
            default:
                (status, code, title) = (.internalServerError, "data-unusable", "The data folder cannot be used")
            }
        case .texts(.unknownLanguage(let language, let available)):
            (status, code, title) = (.badRequest, "unknown-language", "No texts in this language")
            extra = [
                JSONField("language", .string(language)), JSONField("allowed", .array(available.map { .string($0) })),
            ]
        case .store(let storeError):
            (status, code, title) = Self.classify(storeError)
            if case .visitIdTaken(let visitId, let registered) = storeError {
                var registeredFields = [
                    JSONField("date", .string(registered.date.description)),
                    JSONField("city", .string(registered.city)),
                ]
                if let advisor = registered.advisor { registeredFields.append(JSONField("advisor", .string(advisor))) }
                extra = [JSONField("visitId", .string(visitId)), JSONField("registered", .object(registeredFields))]
                if let visit {
                    var sent = [JSONField("date", .string(visit.date)), JSONField("city", .string(visit.city))]
                    if let advisor = visit.advisor { sent.append(JSONField("advisor", .string(advisor))) }
                    extra.append(JSONField("sent", .object(sent)))
                    detail +=
                        "; the visit sent is of \(visit.date), \(visit.city)"
                        + (visit.advisor.map { ", advisor \($0)" } ?? "")
                }
            }
        case .duplicateVisit:
            (status, code, title) = (.conflict, "duplicate-visit", "Two visits with one id")
        case .outputExists:
            (status, code, title) = (.conflict, "exists", "Exists already")
        case .reversedDates:
            (status, code, title) = (.badRequest, "reversed-dates", "The period ends before it starts")
        case .cityNotRegistered(_, let registered):
            (status, code, title) = (.notFound, "city-not-registered", "No visits of this city in the register")
            extra = [JSONField("registered", .array(registered.map { .string($0) }))]
        case .noVisitsInPeriod:
            (status, code, title) = (.notFound, "no-visits", "No visits in this period")
        case .notALanguageTag:
            (status, code, title) = (.badRequest, "not-a-language", "Not a language tag")
        default:
            (status, code, title) = (.internalServerError, "failed", "The request could not be completed")
        }
    }

    static func classify(_ error: StoreError) -> (HTTPResponse.Status, String, String) {
        switch error {
        case .unknownVisit: (.notFound, "unknown-visit", "No such visit in the register")
        case .visitIdTaken: (.conflict, "visit-id-taken", "The visit id is taken by another visit")
        case .forgotten: (.gone, "forgotten", "The household's personal data was deleted")
        case .locked: (.serviceUnavailable, "register-locked", "The register is in use")
        case .readOnly, .permissionDenied: (.forbidden, "read-only", "The register cannot be changed here")
        case .followUp(_, let problem):
            switch problem {
            case .alreadyRecorded: (.conflict, "follow-up-exists", "A follow-up on this day is recorded already")
            case .noFollowUpOn: (.notFound, "unknown-follow-up", "No follow-up on this day")
            default: (.unprocessableContent, "follow-up-refused", "The follow-up breaks a rule")
            }
        default: (.internalServerError, "register-failed", "The register failed")
        }
    }
}
