import HTTPTypes
import Hummingbird

/// What every answer needs because the pages hold households' personal data: the Host header checked against the
/// addresses served (DNS rebinding), a request body no larger than the limit (413), cross-site requests refused,
/// strict headers on every response and no caching of anything but the style sheet and fonts; the session and
/// language cookies read into the context. Log lines carry the method, the path without its query and the status.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let state: WebState

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        var response: Response
        if let refusal = refusal(request) {
            response =
                request.uri.path.hasPrefix("/api/")
                ? refusal.response : Routes(state: state).problemPage(refusal, context, path: request.uri.path)
        } else {
            let cookies = Self.cookies(request)
            if let session = cookies["esp_session"], session.count == 32, session.allSatisfy(\.isHexDigit) {
                context.session = session
            } else {
                context.session = Randomness.hex(16)
                context.isNewSession = true
            }
            if cookies["esp_lang"] == "en" { context.language = "en" }
            var staff: StaffMember?
            if let book = state.signIns, let token = cookies["esp_login"], let found = book.staff(token: token) {
                staff = found
                context.loginToken = token
            }
            let answering = context
            response = await StaffMember.$current.withValue(staff) {
                await answer(request, context: answering, next: next)
            }
        }
        if context.isNewSession, response.status.code < 400 {
            response.headers.append(
                HTTPField(
                    name: .setCookie, value: "esp_session=\(context.session); Path=/; HttpOnly; SameSite=Strict"))
        }
        Self.secure(&response, path: request.uri.path)
        // The route's pattern, not the path: a visit id or a draft's name never reaches the log.
        state.configuration.log("\(request.method) \(context.endpointPath ?? "(no route)") \(response.status.code)")
        return response
    }

    /// The answer of the route, or of the login page when the request needs a login it does not have; errors as
    /// pages (or problem JSON for the API).
    func answer(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async -> Response {
        var response: Response
        let path = request.uri.path
        if state.signIns != nil, StaffMember.current == nil, !LoginPages.isOpen(path) {
            return await LoginPages(state: state).signedOut(request, context)
        }
        if let staff = StaffMember.current, !staff.role.readsHouseholds, LoginPages.holdsHouseholds(path) {
            let problem = Problem(
                status: .forbidden, code: "role", title: "Not for this role",
                detail: Words(language: context.language)(
                    "Als Programmleitung sehen Sie die Zahlen des Programms, keine einzelnen Haushalte.",
                    "As programme lead you see the programme's figures, not single households."))
            return path.hasPrefix("/api/")
                ? problem.response : Routes(state: state).problemPage(problem, context, path: path)
        }
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = Problem.response(for: error, request: request)
            if !request.uri.path.hasPrefix("/api/") {
                response = page(
                    for: response, context: context, path: request.uri.path, message: (error as? HTTPError)?.body)
            }
        } catch let problem as Problem {
            response = problem.response
            if !request.uri.path.hasPrefix("/api/") {
                response = Routes(state: state).problemPage(problem, context, path: request.uri.path)
            }
        } catch {
            let problem = Problem(
                status: .internalServerError, code: "failed", title: "The request could not be completed",
                detail: "\(error)")
            response =
                path.hasPrefix("/api/")
                ? problem.response : Routes(state: state).problemPage(problem, context, path: path)
        }
        return response
    }

    /// A request that is answered without looking further: an unknown Host, a body over the limit, a cross-site
    /// origin.
    func refusal(_ request: Request) -> Problem? {
        let host = request.head.authority ?? ""
        guard state.allowedHosts.withLock({ $0.contains(host.lowercased()) }) else {
            return Problem(
                status: .misdirectedRequest, code: "unknown-host", title: "Unknown host",
                detail: "esp serve answers only to the addresses it listens on; \"\(host)\" is not one of them")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > state.configuration.maxBodyBytes {
            return Problem.tooLarge(limit: state.configuration.maxBodyBytes)
        }
        // With `Referrer-Policy: no-referrer` a browser sends `Origin: null` for its own forms; those carry the form
        // token, and the API takes JSON only, which another site's form cannot send.
        if request.method != .get && request.method != .head, let origin = request.headers[.origin], origin != "null" {
            let hostPart = origin.split(separator: "/").dropFirst(1).first.map(String.init) ?? ""
            guard origin.hasPrefix(state.configuration.tls == nil ? "http://" : "https://"),
                state.allowedHosts.withLock({ $0.contains(hostPart.lowercased()) })
            else {
                return Problem(
                    status: .forbidden, code: "cross-site", title: "Cross-site request",
                    detail: "requests from another site (origin \(origin)) are refused")
            }
        }
        return nil
    }

    /// An error answer to a page as a page, with the error's words.
    func page(for response: Response, context: WebContext, path: String, message: String? = nil) -> Response {
        let problem = Problem(
            status: response.status, code: "http-\(response.status.code)", title: response.status.reasonPhrase,
            detail: message
                ?? Words(language: context.language)(
                    "Diese Seite gibt es nicht, oder die Anfrage kam nicht von dieser Seite.",
                    "There is no such page, or the request did not come from this site."))
        return Routes(state: state).problemPage(problem, context, path: path)
    }

    /// The headers every answer carries.
    static func secure(_ response: inout Response, path: String) {
        let set: [(HTTPField.Name, String)] = [
            (.contentSecurityPolicy, "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
            (.xContentTypeOptions, "nosniff"),
            (.referrerPolicy, "no-referrer"),
            (.xFrameOptions, "DENY"),
            (.cacheControl, path.hasPrefix("/assets/") ? "max-age=3600" : "no-store"),
        ]
        for (name, value) in set { response.headers[name] = value }
    }

    /// The request's cookies by name.
    static func cookies(_ request: Request) -> [String: String] {
        var result: [String: String] = [:]
        for field in request.headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                result[parts[0].trimmingSpaces] = parts[1].trimmingSpaces
            }
        }
        return result
    }
}

extension HTTPField.Name {
    static var referrerPolicy: Self { Self("Referrer-Policy")! }
    static var xFrameOptions: Self { Self("X-Frame-Options")! }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
