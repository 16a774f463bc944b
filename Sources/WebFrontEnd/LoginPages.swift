import HTTPTypes
import Hummingbird
import VisitRecords

/// Signing in and out when `esp serve` has logins: the login page, the session cookie, failed logins counted and
/// locked, and a form sent after the session ended kept until its sender has signed in again.
struct LoginPages: Sendable {
    let state: WebState

    /// What may be asked without a login: the login page, the language switch and the style sheet and fonts.
    static func isOpen(_ path: String) -> Bool {
        path == "/login" || path == "/language" || path.hasPrefix("/assets/")
    }

    /// Addresses with households' data, which a programme lead's role does not offer.
    static func holdsHouseholds(_ path: String) -> Bool {
        path == "/visits" || path.hasPrefix("/visits/") || path.hasPrefix("/api/v1/visits")
    }

    func add(_ router: Router<WebContext>) {
        router.get("/login") { _, context in
            StaffMember.current == nil ? page(context) : Routes.redirect("/")
        }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.post("/logout") { request, context in try await signOut(request, context) }
    }

    /// The login page; `carried` is a form whose session had ended, sent on after signing in.
    func page(
        _ context: WebContext, message: (kind: String, text: String)? = nil, status: HTTPResponse.Status = .ok,
        name: String = "", carried: Carried? = nil
    ) -> Response {
        let w = Words(language: context.language)
        var body = "<h1>\(w("Anmelden", "Sign in").html)</h1>\n"
        if let message { body += Piece.message(message.kind, message.text, role: "alert") + "\n" }
        if carried != nil {
            body +=
                Piece.message(
                    "info",
                    w(
                        "Ihre Anmeldung war abgelaufen. Was Sie eingegeben haben, ist noch da: nach dem Anmelden können "
                            + "Sie es speichern.",
                        "Your session had ended. What you entered is kept: after signing in you can save it.")) + "\n"
        }
        body += """
            <form method="post" action="/login" class="login">
            \(Piece.token(context, state))
            \(carried?.hiddenFields ?? "")
            <p><label for="name">\(w("Name", "Name").html)</label>
            <input id="name" name="name" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="\(name.html)"></p>
            <p><label for="password">\(w("Passwort", "Password").html)</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">\(w("Anmelden", "Sign in").html)</button></p>
            </form>
            <p>\(w("Name und Passwort sind die des Büro-Registers; sie bekommen Sie von der Programmleitung. Nach 30 Minuten ohne Eingabe melden Sie sich neu an.", "Name and password are those of the office register; the programme lead gives them to you. After 30 minutes without input you sign in again.").html)</p>
            """
        return Routes(state: state).page(
            Page(title: w("Anmelden", "Sign in"), body: body, status: status), context, path: "/login")
    }

    /// The answer to a request without an open session: the API says 401; a page goes to the login page, and a form
    /// sent to a page is carried through it so that nothing typed is lost.
    func signedOut(_ request: Request, _ context: WebContext) async -> Response {
        let w = Words(language: context.language)
        if request.uri.path.hasPrefix("/api/") {
            return Problem(
                status: .unauthorized, code: "sign-in", title: "Sign in first",
                detail: "this server needs a login: POST /login with name and password (a form), then send the "
                    + "esp_login cookie it sets"
            ).response
        }
        if request.method == .post,
            request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true,
            let bytes = try? await request.bytes(limit: state.configuration.maxBodyBytes)
        {
            let form = FormData(bytes)
            let carried = Carried(action: request.uri.path, pairs: form.pairs.filter { $0.name != "carry.action" })
            return page(
                context, message: ("warning", w("Bitte melden Sie sich wieder an.", "Please sign in again.")),
                status: .unauthorized, carried: carried)
        }
        return Routes.redirect("/login")
    }

    func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let w = Words(language: context.language)
        let form = try await Routes(state: state).form(request, context)
        guard let book = state.signIns else { return Routes.redirect("/") }
        let name = Substring(form["name"] ?? "").trimmingSpaces
        let password = form["password"] ?? ""
        let carried = Carried(form)
        guard !name.isEmpty, !password.isEmpty else {
            return page(
                context, message: ("error", w("Bitte Name und Passwort eingeben.", "Please enter name and password.")),
                status: .badRequest, name: name, carried: carried)
        }
        if let until = book.lockedUntil(name: name, address: context.clientAddress) {
            let minutes = max(1, (until - book.logins.clock() + 59) / 60)
            var response = page(
                context,
                message: (
                    "error",
                    w(
                        "Zu viele falsche Anmeldungen. Bitte in \(minutes) Minuten wieder versuchen, oder die "
                            + "Programmleitung fragen.",
                        "Too many failed sign-ins. Please try again in \(minutes) minutes, or ask the programme lead.")
                ), status: .tooManyRequests, name: name, carried: carried)
            response.headers[HTTPField.Name("Retry-After")!] = "\(minutes * 60)"
            return response
        }
        let staff: StaffMember
        do throws(StoreError) {
            staff = try await book.logins.signIn(name, password)
        } catch .authenticationFailed {
            book.failed(name: name, address: context.clientAddress)
            return page(
                context,
                message: ("error", w("Name oder Passwort stimmt nicht.", "The name or the password is wrong.")),
                status: .unauthorized, name: name, carried: carried)
        } catch {
            return page(
                context, message: ("error", Self.words(error, w)), status: .serviceUnavailable, name: name,
                carried: carried)
        }
        book.succeeded(name: name)
        try state.makeFolders(for: staff)
        let token = book.start(staff)
        let secure = state.configuration.tls == nil ? "" : "; Secure"
        let cookie = "esp_login=\(token); Path=/; HttpOnly; SameSite=Strict\(secure)"
        var response: Response
        if let carried {
            response = StaffMember.$current.withValue(staff) { resume(carried, context) }
        } else {
            response = Routes.redirect("/")
        }
        response.headers.append(HTTPField(name: .setCookie, value: cookie))
        return response
    }

    func signOut(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try await Routes(state: state).form(request, context)
        if let token = context.loginToken { await state.signIns?.end(token: token) }
        var response = Routes.redirect("/login")
        response.headers.append(
            HTTPField(name: .setCookie, value: "esp_login=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"))
        return response
    }

    /// A page with the carried form, ready to be sent again with one press.
    func resume(_ carried: Carried, _ context: WebContext) -> Response {
        let w = Words(language: context.language)
        let fields = carried.pairs.filter { $0.name != "csrf" }.map {
            "<input type=\"hidden\" name=\"\($0.name.html)\" value=\"\($0.value.html)\">"
        }.joined()
        let body = """
            <h1>\(w("Angemeldet", "Signed in").html)</h1>
            \(Piece.message("info", w("Ihre Eingaben sind noch nicht gespeichert.", "What you entered is not saved yet."), role: "status"))
            <form method="post" action="\(carried.action.html)">
            \(Piece.token(context, state))\(fields)
            <p><button type="submit">\(w("Eingaben jetzt speichern", "Save what I entered").html)</button></p>
            </form>
            """
        return Routes(state: state).page(Page(title: w("Angemeldet", "Signed in"), body: body), context, path: "/login")
    }

    /// A signed-in person's register problem in the staff's words.
    static func words(_ error: StoreError, _ w: Words) -> String {
        switch error {
        case .unreachable:
            w(
                "Das Büro-Register antwortet nicht. Bitte später noch einmal versuchen oder die Programmleitung fragen.",
                "The office register does not answer. Please try again later or ask the programme lead.")
        case .newerSchema, .olderSchema, .notSetUp:
            w(
                "Das Büro-Register passt nicht zu dieser esp-Version. Bitte die Programmleitung fragen.",
                "The office register does not match this version of esp. Please ask the programme lead.")
        default:
            w(
                "Die Anmeldung ging nicht: \(error.description)",
                "Signing in did not work: \(error.description)")
        }
    }
}

/// A form whose session had ended: where it was going and what it held, carried through the login page.
struct Carried: Sendable {
    let action: String
    let pairs: [(name: String, value: String)]

    init(action: String, pairs: [(name: String, value: String)]) {
        self.action = action
        self.pairs = pairs
    }

    /// The carried form of a login form, when it holds one (`carry.action` and `carry:NAME` fields).
    init?(_ form: FormData) {
        guard let action = form["carry.action"], action.hasPrefix("/"), !action.hasPrefix("//"), action != "/login"
        else { return nil }
        self.action = action
        pairs = form.pairs.compactMap { pair in
            pair.name.hasPrefix("carry:") ? (String(pair.name.dropFirst(6)), pair.value) : nil
        }
    }

    /// The hidden fields of the login form that carry it.
    var hiddenFields: String {
        "<input type=\"hidden\" name=\"carry.action\" value=\"\(action.html)\">"
            + pairs.map { "<input type=\"hidden\" name=\"carry:\($0.name.html)\" value=\"\($0.value.html)\">" }
            .joined()
    }
}
