import AdviceData
import AdviceReport
import AdviceWorkflows
import EnergyAdvice
import HTTPTypes
import Hummingbird
import JSONText
import SafeText
import VisitRecords

/// The JSON API under `/api/v1`, described by ``OpenAPIDocument``: advice and sheets for a visit sent in the body,
/// the register's visits and follow-ups, and the programme summary. The answers are the command line's documents;
/// errors are problem documents (RFC 9457).
struct API: Sendable {
    let state: WebState

    func add(_ router: Router<WebContext>) {
        let api = router.group("/api/v1")
        api.get("/openapi.json") { _, _ in Self.json(OpenAPIDocument.text, type: "application/json") }
        api.post("/advice") { request, _ in try await handle { try await advice(request) } }
        api.post("/sheet") { request, _ in try await handle { try await sheet(request) } }
        api.get("/visits") { request, _ in try await handle { try await visits(request) } }
        api.post("/visits") { request, _ in try await handle { try await record(request) } }
        api.get("/visits/:id") { _, context in try await handle { try await visit(context) } }
        api.delete("/visits/:id") { request, context in try await handle { try await forget(request, context) } }
        api.get("/visits/:id/follow-ups") { _, context in try await handle { try await followUps(context) } }
        api.post("/visits/:id/follow-ups") { request, context in
            try await handle { try await followUp(request, context, correcting: nil) }
        }
        api.put("/visits/:id/follow-ups/:date") { request, context in
            try await handle { try await followUp(request, context, correcting: try date(context)) }
        }
        api.delete("/visits/:id/follow-ups/:date") { request, context in
            try await handle { try await deleteFollowUp(request, context) }
        }
        api.get("/summary") { request, _ in try await handle { try await summary(request) } }
        for method in [HTTPRequest.Method.get, .post, .put, .delete] {
            api.on("**", method: method) { request, _ in
                Problem.notFound("no such address in the API: \(request.method) \(request.uri.path)").response
            }
        }
    }

    /// Runs a handler; every error becomes a problem document.
    func handle(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let problem as Problem {
            return problem.response
        } catch let error as WorkflowError {
            return Problem(error).response
        }
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok, type: String = "application/json")
        -> Response
    {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        json(value.serialized() + "\n", status: status)
    }

    // MARK: Reading requests

    /// The body of a request that must be JSON (415 otherwise: a cross-site form cannot send it).
    func body(_ request: Request) async throws(Problem) -> [UInt8] {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/json") else {
            throw Problem(
                status: .unsupportedMediaType, code: "json-only", title: "JSON only",
                detail: "send the body as application/json (found: \(type.isEmpty ? "no Content-Type" : type))")
        }
        return try await request.bytes(limit: state.configuration.maxBodyBytes)
    }

    /// The visit in the body (`esp-visit/1`); problems name `request body` with line, column and JSON path.
    func visitBody(_ request: Request) async throws -> Visit {
        let bytes = try await body(request)
        do {
            return try VisitDecoder.decode(bytes, path: "request body")
        } catch {
            throw Problem(.data(error))
        }
    }

    func language(_ request: Request, _ name: String) throws(Problem) -> String? {
        guard let given = request.uri.queryParameters[Substring(name)].map(String.init), !given.isEmpty else {
            return nil
        }
        guard state.data.languages.contains(given) else {
            throw Problem(.texts(.unknownLanguage(given, available: state.data.languages)))
        }
        return given
    }

    func filter(_ request: Request) throws(Problem) -> VisitFilter {
        let query = request.uri.queryParameters
        func day(_ name: String) throws(Problem) -> CalendarDate? {
            guard let text = query[Substring(name)].map(String.init), !text.isEmpty else { return nil }
            guard let date = CalendarDate(iso: text) else {
                throw .badRequest("invalid-date", "\(name)=\(text) is not a date: use YYYY-MM-DD")
            }
            return date
        }
        return VisitFilter(
            from: try day("from"), to: try day("to"),
            city: query["city"].map(String.init).flatMap { $0.isEmpty ? nil : $0 })
    }

    func visitID(_ context: WebContext) throws(Problem) -> String {
        let id = context.parameters.get("id") ?? ""
        guard VisitRules.isValidVisitId(id) else { throw .notFound("\"\(id)\" is not a visit id") }
        return id
    }

    func date(_ context: WebContext) throws(Problem) -> CalendarDate {
        let text = context.parameters.get("date") ?? ""
        guard let date = CalendarDate(iso: text) else {
            throw .badRequest("invalid-date", "\(text) is not a date: use YYYY-MM-DD")
        }
        return date
    }

    // MARK: Advice and sheet

    func advice(_ request: Request) async throws -> Response {
        let visit = try await visitBody(request)
        let words = try language(request, "lang") ?? VisitRules.languageDefault
        let advising = state.advising
        let advised = try advising.advise(visit, source: "request body")
        return Self.json(AdviceJSON.render(advised.advice, message: try advising.warningWords(language: words)))
    }

    func sheet(_ request: Request) async throws -> Response {
        let visit = try await visitBody(request)
        let primary = try language(request, "lang")
        let second = try language(request, "secondLanguage")
        let advising = state.advising
        let advised = try advising.advise(visit, source: "request body")
        let printed = try advising.pdf(
            advised, language: primary, secondLanguage: second, creationDate: state.creationDate)
        return Routes.pdf(printed.pdf.bytes, name: "\(visit.visitId).pdf")
    }

    // MARK: The register

    func visits(_ request: Request) async throws -> Response {
        let list = try await state.registering.visits(try filter(request))
        return Self.json(.object([JSONField("visits", .array(list.map(Self.listEntry)))]))
    }

    static func listEntry(_ visit: RegisteredVisit) -> JSONValue {
        var fields = [
            JSONField("visitId", .string(visit.visitId)), JSONField("date", .string(visit.date.description)),
            JSONField("city", .string(visit.city)), JSONField("language", .string(visit.language)),
            JSONField("persons", .number(Double(visit.persons))), JSONField("benefit", .string(visit.benefit.rawValue)),
            JSONField("savingEUR", .number(visit.totals.savingEUR)),
            JSONField("followUps", .array(visit.followUps.map { .string($0.date.description) })),
            JSONField("addedAt", .string(visit.addedAt)), JSONField("updatedAt", .string(visit.updatedAt)),
        ]
        if let forgotten = visit.forgottenAt { fields.append(JSONField("forgottenAt", .string(forgotten))) }
        return .object(fields)
    }

    func record(_ request: Request) async throws -> Response {
        let visit = try await visitBody(request)
        let replace = request.uri.queryParameters["replace"].map { $0 == "true" || $0 == "1" } ?? false
        do {
            let (registered, outcome) = try await state.registering.record(
                visit, source: "request body", replace: replace, now: WebState.timestamp())
            var response = Self.json(
                .object([
                    JSONField("visitId", .string(registered.visitId)), JSONField("outcome", .string(outcome.rawValue)),
                ]), status: outcome == .added ? .created : .ok)
            response.headers[.location] = "/api/v1/visits/\(HTML.pathSegment(registered.visitId))"
            return response
        } catch {
            throw Problem(error, sent: (visit.date.description, visit.city, visit.advisor))
        }
    }

    func visit(_ context: WebContext) async throws -> Response {
        let visit = try await state.registering.visit(id: try visitID(context))
        guard case .object(var fields) = Self.listEntry(visit) else { return Self.json(.null) }
        if let documents = visit.documents {
            for (key, text) in [("visit", documents.visitJSON), ("advice", documents.adviceJSON)] {
                if let node = try? JSONParser.parse(Array(text.utf8)) { fields.append(JSONField(key, node.value)) }
            }
        }
        fields.append(JSONField("followUpResults", .array(visit.followUps.map(Self.result))))
        return Self.json(.object(fields))
    }

    func forget(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try visitID(context)
        let at = try await state.registering.forget(visitId: id)
        return Self.json(.object([JSONField("visitId", .string(id)), JSONField("forgottenAt", .string(at))]))
    }

    func followUps(_ context: WebContext) async throws -> Response {
        let id = try visitID(context)
        let visit = try await state.registering.visit(id: id)
        let history = try await state.registering.followUpHistory(visitId: id)
        return Self.json(
            .object([
                JSONField("visitId", .string(id)), JSONField("followUps", .array(visit.followUps.map(Self.result))),
                JSONField(
                    "history",
                    .array(
                        history.map { change in
                            .object([
                                JSONField("change", .string(change.kind.rawValue)),
                                JSONField("previous", Self.record(change.previous)),
                                JSONField("changedAt", .string(change.changedAt)),
                            ])
                        })),
            ]))
    }

    func followUp(_ request: Request, _ context: WebContext, correcting: CalendarDate?) async throws -> Response {
        let id = try visitID(context)
        let entry = try FollowUpBody.read(try await body(request), visitId: id, date: correcting)
        let result = try await state.registering.followUp(entry, correcting: correcting != nil, today: state.today)
        return Self.json(Self.result(result), status: correcting == nil ? .created : .ok)
    }

    func deleteFollowUp(_ request: Request, _ context: WebContext) async throws -> Response {
        let removed = try await state.registering.deleteFollowUp(visitId: try visitID(context), date: try date(context))
        return Self.json(Self.record(removed))
    }

    func summary(_ request: Request) async throws -> Response {
        Self.json(try await state.registering.summary(try filter(request)).json())
    }

    // MARK: Documents

    static func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }

    static func record(_ record: FollowUpRecord) -> JSONValue {
        .object([
            JSONField("date", .string(record.date.description)),
            JSONField("electricityKWhSinceVisit", number(record.electricityKWhSinceVisit)),
            JSONField("meterAtVisitKWh", number(record.meterAtVisitKWh)),
            JSONField("meterNowKWh", number(record.meterNowKWh)),
            JSONField("heatingKWhPerYear", number(record.heatingKWhPerYear)),
            JSONField("implemented", .array(record.implemented.map { .string($0.rawValue) })),
            JSONField("supplyContinued", record.supplyContinued.map { .bool($0) } ?? .null),
            JSONField("agreementReached", record.agreementReached.map { .bool($0) } ?? .null),
        ])
    }

    static func saving(_ saving: RealisedSaving?) -> JSONValue {
        guard let s = saving else { return .null }
        return .object([
            JSONField("beforeKWhPerYear", .number(s.beforeKWhPerYear)),
            JSONField("baselineEstimated", .bool(s.baselineEstimated)),
            JSONField("usedSinceVisitKWh", number(s.usedSinceVisitKWh)),
            JSONField("afterKWhPerYear", .number(s.afterKWhPerYear)),
            JSONField("savedKWhPerYear", .number(s.savedKWhPerYear)),
            JSONField("savedEURPerYear", number(s.savedEURPerYear)),
            JSONField("savedCO2KgPerYear", number(s.savedCO2KgPerYear)),
            JSONField("beneficiary", .string(s.beneficiary.rawValue)),
        ])
    }

    static func result(_ r: FollowUpResult) -> JSONValue {
        .object([
            JSONField("visitId", .string(r.visitId)), JSONField("date", .string(r.date.description)),
            JSONField("daysSinceVisit", .number(Double(r.daysSinceVisit))),
            JSONField("shortPeriod", .bool(r.isShortPeriod)),
            JSONField("implemented", .array(r.implemented.map { .string($0.rawValue) })),
            JSONField("meterAtVisitKWh", number(r.meterAtVisitKWh)), JSONField("meterNowKWh", number(r.meterNowKWh)),
            JSONField("electricity", saving(r.electricity)), JSONField("heating", saving(r.heating)),
            JSONField("supplyContinued", r.supplyContinued.map { .bool($0) } ?? .null),
            JSONField("agreementReached", r.agreementReached.map { .bool($0) } ?? .null),
            JSONField(
                "predicted",
                .object([
                    JSONField("electricityKWh", .number(r.predicted.electricityKWh)),
                    JSONField("heatKWh", .number(r.predicted.heatKWh)),
                    JSONField("savingEUR", .number(r.predicted.savingEUR)),
                    JSONField("co2Kg", .number(r.predicted.co2Kg)),
                ])),
        ])
    }
}

/// A follow-up sent as JSON, read strictly: unknown keys and wrong types are problems with line, column and path.
enum FollowUpBody {
    static let keys = [
        "date", "electricityKWhSinceVisit", "meterAtVisitKWh", "meterNowKWh", "heatingKWhPerYear", "implemented",
        "confirmUnusual", "supplyContinued", "agreementReached",
    ]

    static func read(_ bytes: [UInt8], visitId: String, date fixed: CalendarDate?) throws(Problem) -> FollowUpEntry {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw Problem(.data(.malformedJSON(path: "request body", error: error)))
        }
        var problems: [Diagnostic] = []
        func report(_ node: JSONNode, _ path: String, _ message: String) {
            problems.append(
                Diagnostic(
                    file: "request body", line: node.position.line, column: node.position.column, jsonPath: path,
                    message: message))
        }
        guard case .object(let members) = root.kind else {
            report(root, "", "expected an object, found \(root.typeName)")
            throw invalid(problems)
        }
        var allowed = keys
        if fixed != nil { allowed.removeAll { $0 == "date" } }
        for member in members where !allowed.contains(member.key) {
            problems.append(
                Diagnostic(
                    file: "request body", line: member.keyPosition.line, column: member.keyPosition.column,
                    jsonPath: member.key, message: "unknown key; allowed here: \(allowed.joined(separator: ", "))"))
        }
        func number(_ key: String) -> Double? {
            guard let node = root.value(key) else { return nil }
            guard let value = node.number else {
                report(node, key, "expected a number, found \(node.typeName)")
                return nil
            }
            return value
        }
        var date = fixed
        if fixed == nil {
            if let node = root.value("date") {
                if let text = node.string, let day = CalendarDate(iso: text) {
                    date = day
                } else {
                    report(node, "date", "expected a date as \"YYYY-MM-DD\"")
                }
            } else {
                report(root, "date", "missing; the day of the follow-up, \"YYYY-MM-DD\"")
            }
        }
        var implemented: [MeasureKind] = []
        if let node = root.value("implemented") {
            for (index, item) in node.elements.enumerated() {
                if let text = item.string, let kind = MeasureKind(rawValue: text.lowercased()) {
                    implemented.append(kind)
                } else {
                    report(
                        item, "implemented[\(index)]",
                        "not a step; allowed: one of \(MeasureKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            if case .array = node.kind {
            } else {
                report(node, "implemented", "expected an array, found \(node.typeName)")
            }
        }
        var confirm = false
        if let node = root.value("confirmUnusual") {
            if case .bool(let value) = node.kind {
                confirm = value
            } else {
                report(node, "confirmUnusual", "expected true or false, found \(node.typeName)")
            }
        }
        func answer(_ key: String) -> Bool? {
            guard let node = root.value(key) else { return nil }
            switch node.kind {
            case .bool(let value): return value
            case .null: return nil
            default:
                report(node, key, "expected true, false or null, found \(node.typeName)")
                return nil
            }
        }
        let entry = FollowUpEntry(
            visitId: visitId, date: date ?? CalendarDate(year: 2000, month: 1, day: 1)!,
            electricityKWhSinceVisit: number("electricityKWhSinceVisit"), meterAtVisitKWh: number("meterAtVisitKWh"),
            meterNowKWh: number("meterNowKWh"), heatingKWhPerYear: number("heatingKWhPerYear"),
            implemented: implemented, confirmUnusual: confirm, supplyContinued: answer("supplyContinued"),
            agreementReached: answer("agreementReached"))
        guard problems.isEmpty else { throw invalid(problems) }
        return entry
    }

    static func invalid(_ problems: [Diagnostic]) -> Problem {
        var problem = Problem(
            status: .badRequest, code: "invalid-follow-up", title: "The follow-up is not valid",
            detail: problems.map(\.description).joined(separator: "\n"))
        problem.diagnostics = problems
        return problem
    }
}
