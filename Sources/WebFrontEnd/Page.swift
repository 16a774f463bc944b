import HTTPTypes
import Hummingbird

/// A whole page: the frame every page shares (skip link, main menu, language switch) around its content.
struct Page {
    var title: String
    var body: String
    /// The menu entry to mark as current.
    var section: String = ""
    var status: HTTPResponse.Status = .ok

    func response(_ context: WebContext, state: WebState, path: String) -> Response {
        let w = Words(language: context.language)
        let token = FormToken.make(session: context.session, key: state.tokenKey)
        func item(_ href: String, _ label: String, _ name: String) -> String {
            let current = name == section ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(href)\"\(current)>\(label.html)</a></li>"
        }
        let other = w.isEnglish ? ("de", "Deutsch") : ("en", "English")
        let html = """
            <!doctype html>
            <html lang="\(context.language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title.html) – esp</title>
            <link rel="stylesheet" href="/assets/esp.css">
            </head>
            <body>
            <a class="skip" href="#main">\(w("Zum Inhalt springen", "Skip to content").html)</a>
            <header class="top">
            <nav aria-label="\(w("Hauptmenü", "Main menu"))">
            <a class="brand" href="/">esp</a>
            \(menu(w, item: item, state: state))
            <form class="language" method="post" action="/language">
            <input type="hidden" name="csrf" value="\(token)">
            <input type="hidden" name="back" value="\(path.html)">
            <button type="submit" name="lang" value="\(other.0)" lang="\(other.0)">\(other.1)</button>
            </form>
            \(signOut(w, token: token))
            </nav>
            </header>
            <main id="main" tabindex="-1">
            \(body)
            </main>
            <footer class="bottom"><p>\((state.signIns == nil ? w("esp – Energiesparberatung. Läuft nur auf diesem Gerät, ohne Internet.", "esp – energy-saving advice. Runs on this computer only, without the internet.") : w("esp – Energiesparberatung. Das Büro-Register zeigt jeder Person nur, was ihre Rolle sehen darf.", "esp – energy-saving advice. The office register shows each person only what their role may see.")).html)</p></footer>
            </body>
            </html>

            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}

extension Page {
    /// The main menu: everything without logins; with them, nothing before signing in and no households' pages for
    /// a programme lead.
    func menu(_ w: Words, item: (String, String, String) -> String, state: WebState) -> String {
        let staff = StaffMember.current
        if state.signIns != nil && staff == nil { return "" }
        var items = [item("/", w("Start", "Start"), "start")]
        if staff?.role.readsHouseholds ?? true {
            items += [
                item("/visits/new", w("Neuer Besuch", "New visit"), "new"),
                item("/visits", w("Besuche", "Visits"), "visits"),
            ]
        }
        items += [
            item("/programme", w("Programm", "Programme"), "programme"), item("/data", w("Daten", "Data"), "data"),
        ]
        return "<ul>\n" + items.joined(separator: "\n") + "\n</ul>"
    }

    /// Who is signed in, with the button that signs out; nothing without logins.
    func signOut(_ w: Words, token: String) -> String {
        guard let staff = StaffMember.current else { return "" }
        return """
            <form class="sign-out" method="post" action="/logout">
            <input type="hidden" name="csrf" value="\(token)">
            <span>\(w("Angemeldet:", "Signed in:").html) \(staff.name.html)</span>
            <button type="submit">\(w("Abmelden", "Sign out").html)</button>
            </form>
            """
    }
}

/// Pieces the pages share.
enum Piece {
    /// The hidden form token.
    static func token(_ context: WebContext, _ state: WebState) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(FormToken.make(session: context.session, key: state.tokenKey))\">"
    }

    /// A message box: `kind` is `error`, `warning`, `info` or `ok`.
    static func message(_ kind: String, _ text: String, role: String? = nil) -> String {
        let roleAttribute = role.map { " role=\"\($0)\"" } ?? ""
        return "<div class=\"message \(kind)\"\(roleAttribute)><p>\(text.html)</p></div>"
    }

    /// A definition list of label and value pairs.
    static func facts(_ rows: [(String, String)]) -> String {
        "<dl class=\"facts\">" + rows.map { "<dt>\($0.0.html)</dt><dd>\($0.1.html)</dd>" }.joined() + "</dl>"
    }

    /// A table with a caption, header cells and rows (each cell already escaped HTML).
    static func table(caption: String, header: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
        var html = "<div class=\"table-wrap\"><table><caption>\(caption.html)</caption><thead><tr>"
        for (index, cell) in header.enumerated() {
            html += "<th scope=\"col\"\(numeric.contains(index) ? " class=\"num\"" : "")>\(cell.html)</th>"
        }
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                let tag = index == 0 ? "th scope=\"row\"" : "td"
                let close = index == 0 ? "th" : "td"
                html += "<\(tag)\(numeric.contains(index) ? " class=\"num\"" : "")>\(cell)</\(close)>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div>"
    }
}
