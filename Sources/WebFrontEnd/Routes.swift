import HTTPTypes
import Hummingbird
import SafeFiles

/// Every address the server answers, and the checks shared by the pages' forms.
struct Routes: Sendable {
    let state: WebState

    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityMiddleware(state: state))
        router.get("/assets/esp.css") { _, _ in Self.asset(Array(Stylesheet.css.utf8), type: "text/css; charset=utf-8")
        }
        router.get("/assets/:font") { _, context in try Self.font(context.parameters.get("font") ?? "") }
        router.post("/language") { request, context in try await language(request, context) }
        LoginPages(state: state).add(router)
        addPages(router)
        addForm(router)
        addVisitPages(router)
        addOfficePages(router)
        API(state: state).add(router)
        return router
    }

    // MARK: Shared

    static func asset(_ bytes: [UInt8], type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The DejaVu fonts of the system (Debian's fonts-dejavu-core), served so pages need nothing from outside.
    static func font(_ name: String) throws -> Response {
        guard ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].contains(name) else { throw HTTPError(.notFound) }
        for folder in ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF"] {
            if let bytes = try? FileReader.bytes(atPath: FilePath.join(folder, name), maxBytes: 8 << 20) {
                return asset(bytes, type: "font/ttf")
            }
        }
        throw HTTPError(.notFound)
    }

    /// A redirect after a form (303: the browser asks for the page with GET).
    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// The form's fields, after its token was checked (403 without a valid one).
    func form(_ request: Request, _ context: WebContext) async throws -> FormData {
        let bytes: [UInt8]
        do {
            bytes = try await request.bytes(limit: state.configuration.maxBodyBytes)
        } catch {
            throw HTTPError(.contentTooLarge)
        }
        let form = FormData(bytes)
        guard let token = form["csrf"], FormToken.isValid(token, session: context.session, key: state.tokenKey) else {
            throw HTTPError(
                .forbidden,
                message:
                    "The form is out of date or came from another site. Go back, reload the page and send it again.")
        }
        return form
    }

    func page(_ page: Page, _ context: WebContext, path: String) -> Response {
        page.response(context, state: state, path: path)
    }

    /// A page that tells what went wrong, in the staff's words, with a way back.
    func problemPage(_ problem: Problem, _ context: WebContext, path: String) -> Response {
        let w = Words(language: context.language)
        let body = """
            <h1>\(problem.status == .notFound ? w("Nicht gefunden", "Not found") : w("Das ging nicht", "That did not work"))</h1>
            \(Piece.message("error", problem.detail, role: "alert"))
            <p><a href="/">\(w("Zur Startseite", "To the start page"))</a></p>
            """
        return page(Page(title: w("Fehler", "Error"), body: body, status: problem.status), context, path: path)
    }

    /// Switches the pages' language (a cookie) and goes back to the page the switch was pressed on.
    func language(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await form(request, context)
        let language = form["lang"] == "en" ? "en" : "de"
        let back = form["back"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
        var response = Self.redirect(back)
        response.headers.append(
            HTTPField(name: .setCookie, value: "esp_lang=\(language); Path=/; SameSite=Strict; Max-Age=31536000"))
        return response
    }
}
