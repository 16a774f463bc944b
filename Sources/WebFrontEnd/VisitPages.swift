import AdviceData
import AdviceReport
import AdviceWorkflows
import EnergyAdvice
import Foundation
import HTTPTypes
import Hummingbird
import OfficeReports
import SafeFiles
import VisitQuestionnaire
import VisitRecords

/// A visit's page: its advice in the household's language, the sheet as PDF, the register and the follow-ups, and
/// changing the visit.
extension Routes {
    func addVisitPages(_ router: Router<WebContext>) {
        router.get("/visits") { request, context in try await visitList(request, context) }
        router.post("/visits/find") { request, context in
            let data = try await form(request, context)
            let id = (data["visitId"] ?? "").trimmingCharacters(in: .whitespaces)
            guard VisitRules.isValidVisitId(id) else { return Self.redirect("/visits") }
            return Self.redirect("/visits/\(HTML.pathSegment(id))")
        }
        router.get("/visits/:id") { _, context in try await visitPage(context) }
        router.get("/visits/:id/sheet.pdf") { _, context in try await sheet(context, office: false) }
        router.get("/visits/:id/sheet-office.pdf") { _, context in try await sheet(context, office: true) }
        router.get("/visits/:id/letters.pdf") { _, context in try await letters(context) }
        router.post("/visits/:id/register") { request, context in
            _ = try await form(request, context)
            return try await register(context)
        }
        router.post("/visits/:id/edit") { request, context in
            _ = try await form(request, context)
            return try await startEdit(context)
        }
        router.post("/visits/:id/followups") { request, context in
            try await followUp(try await form(request, context), context, correcting: nil)
        }
        router.post("/visits/:id/followups/:date") { request, context in
            let data = try await form(request, context)
            guard let date = CalendarDate(iso: context.parameters.get("date") ?? "") else { throw HTTPError(.notFound) }
            return try await followUp(data, context, correcting: date)
        }
        router.post("/visits/:id/followups/:date/delete") { request, context in
            _ = try await form(request, context)
            guard let date = CalendarDate(iso: context.parameters.get("date") ?? "") else { throw HTTPError(.notFound) }
            return try await deleteFollowUp(context, date: date)
        }
    }

    /// A visit as the web finds it: its file in the web's folder and its row in the register, either or both.
    struct FoundVisit {
        var visit: Visit?
        var hasFile: Bool
        var registered: RegisteredVisit?
    }

    func find(_ context: WebContext) async throws -> (String, FoundVisit) {
        let id = context.parameters.get("id") ?? ""
        guard VisitRules.isValidVisitId(id) else { throw Problem.notFound("\"\(id)\" is not a visit id") }
        var found = FoundVisit(visit: nil, hasFile: false, registered: nil)
        do {
            found.visit = try WebFiles(state: state).visit(id)
        } catch {
            throw Problem(.data(error))
        }
        found.hasFile = found.visit != nil
        do {
            found.registered = try await state.registering.visit(id: id)
        } catch {
            if case .store(.unknownVisit) = error {} else { throw Problem(error) }
        }
        if found.visit == nil, let json = found.registered?.documents?.visitJSON {
            found.visit = try? VisitDecoder.decode(Array(json.utf8), path: "register")
        }
        guard found.visit != nil || found.registered != nil else {
            throw Problem.notFound(
                Words(language: context.language)(
                    "Kein Besuch \(id) – weder als Datei noch im Register.",
                    "No visit \(id) – neither as a file nor in the register."))
        }
        return (id, found)
    }

    func visitPage(
        _ context: WebContext, message: (kind: String, text: String)? = nil, status: HTTPResponse.Status = .ok
    )
        async throws -> Response
    {
        let path = "/visits/\(context.parameters.get("id") ?? "")"
        let (id, found): (String, FoundVisit)
        do {
            (id, found) = try await find(context)
        } catch let problem as Problem {
            return problemPage(problem, context, path: path)
        }
        let w = Words(language: context.language)
        let token = Piece.token(context, state)
        let segment = HTML.pathSegment(id)
        var body = "<h1>\(w("Besuch", "Visit")) \(id.html)</h1>"
        if let message {
            body += Piece.message(message.kind, message.text, role: message.kind == "error" ? "alert" : "status")
        }
        if let visit = found.visit {
            let advising = state.advising
            do {
                let advised = try advising.advise(visit, source: "visits/\(id).json")
                let sheet = try advising.sheet(advised, audience: .household)
                let language = visit.language ?? VisitRules.languageDefault
                body += "<div class=\"actions\">"
                body +=
                    "<a class=\"button\" href=\"/visits/\(segment)/sheet.pdf\" download>\(w("Beratungsblatt als PDF", "Advice sheet as PDF")) (\(Self.languageName(language).html))</a>"
                body +=
                    "<a class=\"button secondary\" href=\"/visits/\(segment)/sheet-office.pdf\" download>\(w("mit deutscher Kopie fürs Büro", "with the German office copy"))</a>"
                // The household's letters for its energy debts: one PDF to print, each letter a sheet of its own.
                if !visit.energyDebt.isEmpty {
                    body +=
                        "<a class=\"button\" href=\"/visits/\(segment)/letters.pdf\" download>\(w("Briefe für die Zahlungsrückstände (PDF)", "Letters for the arrears (PDF)"))</a>"
                }
                body += "</div>"
                body += AdviceHTML.render(sheet)
                let words = try advising.warningWords(language: context.language == "en" ? "de" : "de")
                if !advised.advice.warnings.isEmpty {
                    body +=
                        "<div class=\"message warning\"><h2>\(w("Hinweise für die Beratung", "Notes for the advisor"))</h2><ul>"
                        + advised.advice.warnings.map { "<li>\(words($0).html)</li>" }.joined() + "</ul></div>"
                }
            } catch {
                body += Piece.message("error", Problem(error).detail, role: "alert")
            }
        } else if let forgotten = found.registered?.forgottenAt {
            body += Piece.message(
                "info",
                w(
                    "Die persönlichen Daten dieses Haushalts wurden am \(forgotten.prefix(10)) gelöscht; nur die anonymen Zahlen sind noch im Register.",
                    "This household's personal data was deleted on \(forgotten.prefix(10)); only its anonymous figures are kept."
                ))
        }
        body += "<h2>\(w("Register", "Register"))</h2>"
        if let registered = found.registered {
            body +=
                "<p>"
                + w(
                    "Im Register seit \(registered.addedAt.prefix(10)), zuletzt geändert \(registered.updatedAt.prefix(10)).",
                    "In the register since \(registered.addedAt.prefix(10)), last changed \(registered.updatedAt.prefix(10))."
                ).html + "</p>"
            if found.hasFile, let visit = found.visit, registered.forgottenAt == nil,
                SHA256.hex(VisitEncoder.text(visit)) != registered.contentHash
            {
                body += Piece.message(
                    "warning",
                    w("Der Besuch wurde nach dem Eintrag geändert.", "The visit was changed after it was registered."))
                body +=
                    "<form method=\"post\" action=\"/visits/\(segment)/register\" class=\"actions\">\(token)<input type=\"hidden\" name=\"replace\" value=\"1\"><button class=\"button\" type=\"submit\">\(w("Register aktualisieren", "Update the register"))</button></form>"
            }
        } else {
            body +=
                "<p>"
                + w(
                    "Noch nicht im Register. Erst im Register zählt der Besuch für die Auswertung, und Nachbesuche können erfasst werden.",
                    "Not in the register yet. Only registered visits count in the programme's figures and can be followed up."
                ).html + "</p>"
            body +=
                "<form method=\"post\" action=\"/visits/\(segment)/register\" class=\"actions\">\(token)<button class=\"button\" type=\"submit\">\(w("Ins Register aufnehmen", "Add to the register"))</button></form>"
        }
        if found.visit != nil {
            body +=
                "<form method=\"post\" action=\"/visits/\(segment)/edit\" class=\"actions\">\(token)<button class=\"button secondary\" type=\"submit\">\(w("Besuch ändern", "Change the visit"))</button></form>"
        }
        if let registered = found.registered {
            body += await followUpSection(registered, context: context)
        }
        return page(
            Page(title: "\(w("Besuch", "Visit")) \(id)", body: body, section: "visits", status: status), context,
            path: path)
    }

    func followUpSection(_ registered: RegisteredVisit, context: WebContext) async -> String {
        let w = Words(language: context.language)
        let token = Piece.token(context, state)
        let segment = HTML.pathSegment(registered.visitId)
        var html = "<h2>\(w("Nachbesuche", "Follow-ups"))</h2>"
        let text = try? state.data.staff(context.language)
        if registered.followUps.isEmpty {
            html += "<p>\(w("Noch kein Nachbesuch erfasst.", "No follow-up recorded yet."))</p>"
        }
        for result in registered.followUps {
            let date = result.date.description
            html += "<div class=\"card\"><h3>\(w("Nachbesuch am", "Follow-up on")) \(date)</h3>"
            if let text {
                let lines = RegisterText(text: text).followUp(result).split(separator: "\n").map(String.init)
                html += "<p>" + lines.joined(separator: " ").html + "</p>"
            }
            html += "<details><summary class=\"button secondary\">\(w("Korrigieren", "Correct"))</summary>"
            var values: [String: String] = [:]
            values["meterAtVisit"] = result.meterAtVisitKWh.map(FormNumber.text) ?? ""
            values["meterNow"] = result.meterNowKWh.map(FormNumber.text) ?? ""
            values["heating"] = result.heating.map { FormNumber.text($0.afterKWhPerYear) } ?? ""
            values["supplyContinued"] = result.supplyContinued.map { $0 ? "yes" : "no" } ?? ""
            values["agreementReached"] = result.agreementReached.map { $0 ? "yes" : "no" } ?? ""
            html += followUpForm(
                registered, action: "/visits/\(segment)/followups/\(date)", fixedDate: result.date, w: w, token: token,
                values: values, implemented: Set(result.implemented))
            html += "</details>"
            html +=
                "<form method=\"post\" action=\"/visits/\(segment)/followups/\(date)/delete\" class=\"actions\">\(token)<button class=\"button danger\" type=\"submit\">\(w("Nachbesuch löschen", "Delete follow-up"))</button></form></div>"
        }
        if let history = try? await state.registering.followUpHistory(visitId: registered.visitId), !history.isEmpty {
            let versions: [String] = history.map { change in "\(change.kind.rawValue) \(change.previous.date)" }
            let lead = w("Frühere Fassungen: ", "Earlier versions: ")
            html += "<p class=\"small\">" + lead.html + versions.joined(separator: "; ").html + "</p>"
        }
        html += "<h3>\(w("Nachbesuch erfassen", "Record a follow-up"))</h3>"
        html += followUpForm(
            registered, action: "/visits/\(segment)/followups", fixedDate: nil, w: w, token: token, values: [:],
            implemented: [])
        return html
    }

    func followUpForm(
        _ registered: RegisteredVisit, action: String, fixedDate: CalendarDate?, w: Words, token: String,
        values: [String: String], implemented: Set<MeasureKind>
    ) -> String {
        let prefix = "fu-" + (fixedDate?.description ?? "new")
        func input(_ name: String, _ label: String, unit: String, help: String? = nil) -> String {
            let id = "\(prefix)-\(name)"
            return "<div class=\"field\"><label for=\"\(id)\">\(label.html)</label>"
                + (help.map { "<p class=\"help\">\($0.html)</p>" } ?? "")
                + "<div class=\"with-unit\"><input type=\"text\" id=\"\(id)\" name=\"\(name)\" value=\"\((values[name] ?? "").html)\" inputmode=\"decimal\" autocomplete=\"off\"><span class=\"unit\">\(unit.html)</span></div></div>"
        }
        var html = "<form method=\"post\" action=\"\(action.html)\" class=\"card\">\(token)"
        if let fixedDate {
            html += "<p><strong>\(w("Datum", "Date")):</strong> \(fixedDate.description)</p>"
        } else {
            html +=
                "<div class=\"field\"><label for=\"\(prefix)-date\">\(w("Datum des Nachbesuchs", "Date of the follow-up"))</label><input type=\"text\" id=\"\(prefix)-date\" name=\"date\" placeholder=\"TT.MM.JJJJ\" autocomplete=\"off\"></div>"
        }
        if registered.meterReadingKWh == nil {
            html += input(
                "meterAtVisit", w("Zählerstand Strom beim Beratungsbesuch", "Electricity meter at the advice visit"),
                unit: "kWh")
        }
        html += input("meterNow", w("Zählerstand Strom jetzt", "Electricity meter now"), unit: "kWh")
        if registered.heating != nil {
            html += input(
                "heating",
                w(
                    "Heizenergie eines ganzen Jahres nach der Beratung",
                    "Heating energy of a full year after the advice"), unit: "kWh/Jahr")
        }
        let kinds = Array(Set(registered.measures.map(\.kind))).sorted { $0.rawValue < $1.rawValue }
        if !kinds.isEmpty {
            html +=
                "<fieldset class=\"field\"><legend>\(w("Umgesetzte Schritte", "Steps carried out"))</legend><div class=\"choices inline\">"
            for kind in kinds {
                let checked = implemented.contains(kind) ? " checked" : ""
                html +=
                    "<label class=\"choice\"><input type=\"checkbox\" name=\"implemented\" value=\"\(kind.rawValue)\"\(checked)> <span>\(((try? state.data.staff("de").measure(kind)) ?? kind.rawValue).html)</span></label>"
            }
            html += "</div></fieldset>"
        }
        if registered.energyDebt.debts > 0 {
            // What the council counts as cut-offs averted and agreements reached (issue 23's programme figures).
            html += answer(
                "supplyContinued",
                w(
                    "Wird Strom bzw. Gas weiter geliefert (oder wieder, nach einer Sperre)?",
                    "Is electricity or gas still supplied (or again, after a cut-off)?"), prefix: prefix, w: w,
                value: values["supplyContinued"] ?? "")
            html += answer(
                "agreementReached",
                w(
                    "Gibt es eine Ratenvereinbarung (Abwendungsvereinbarung) mit dem Anbieter?",
                    "Is there an instalment agreement (Abwendungsvereinbarung) with the supplier?"), prefix: prefix,
                w: w, value: values["agreementReached"] ?? "")
        }
        html +=
            "<label class=\"checkbox-line\"><input type=\"checkbox\" name=\"confirmUnusual\" value=\"1\"> \(w("Ungewöhnliche Werte stimmen (trotzdem speichern)", "Unusual figures are right (save anyway)"))</label>"
        html +=
            "<div class=\"actions\"><button class=\"button\" type=\"submit\">\(fixedDate == nil ? w("Nachbesuch speichern", "Save follow-up") : w("Korrektur speichern", "Save correction"))</button></div></form>"
        return html
    }

    /// A yes / no / not asked question of the follow-up form.
    func answer(_ name: String, _ question: String, prefix: String, w: Words, value: String) -> String {
        var html = "<fieldset class=\"field\"><legend>\(question.html)</legend><div class=\"choices inline\">"
        for (option, label) in [
            ("yes", w("Ja", "Yes")), ("no", w("Nein", "No")), ("", w("Nicht gefragt", "Not asked")),
        ] {
            let checked = option == value ? " checked" : ""
            html +=
                "<label class=\"choice\"><input type=\"radio\" name=\"\(name)\" value=\"\(option)\"\(checked)> <span>\(label.html)</span></label>"
        }
        return html + "</div></fieldset>"
    }

    /// A date as staff type it: `TT.MM.JJJJ` or `JJJJ-MM-TT`.
    static func date(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = CalendarDate(iso: trimmed) { return iso }
        let parts = trimmed.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return CalendarDate(year: parts[2], month: parts[1], day: parts[0])
    }

    func followUp(_ data: FormData, _ context: WebContext, correcting: CalendarDate?) async throws -> Response {
        let w = Words(language: context.language)
        let id = context.parameters.get("id") ?? ""
        guard let date = correcting ?? Self.date(data["date"] ?? "") else {
            return try await visitPage(
                context,
                message: (
                    "error",
                    w(
                        "Bitte das Datum des Nachbesuchs als TT.MM.JJJJ eingeben.",
                        "Please give the follow-up's date as DD.MM.YYYY.")
                ),
                status: .unprocessableContent)
        }
        func number(_ name: String) -> (Double?, Bool) {
            let text = (data[name] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return (nil, true) }
            let value = FormNumber.parse(text)
            return (value, value != nil)
        }
        let fields = ["meterAtVisit", "meterNow", "heating"].map(number)
        if let bad = zip(["meterAtVisit", "meterNow", "heating"], fields).first(where: { !$0.1.1 }) {
            return try await visitPage(
                context,
                message: (
                    "error",
                    w(
                        "„\(data[bad.0] ?? "")“ ist keine Zahl; bitte z. B. 12345,6 eingeben.",
                        "\"\(data[bad.0] ?? "")\" is not a number; type e.g. 12345.6.")
                ),
                status: .unprocessableContent)
        }
        let entry = FollowUpEntry(
            visitId: id, date: date, meterAtVisitKWh: fields[0].0, meterNowKWh: fields[1].0,
            heatingKWhPerYear: fields[2].0,
            implemented: data.all("implemented").compactMap(MeasureKind.init(rawValue:)),
            confirmUnusual: data["confirmUnusual"] != nil, supplyContinued: Self.yesNo(data["supplyContinued"]),
            agreementReached: Self.yesNo(data["agreementReached"]))
        do {
            let result = try await state.registering.followUp(entry, correcting: correcting != nil, today: state.today)
            let text = try state.data.staff(context.language)
            let words = RegisterText(text: text).followUp(result, corrected: correcting != nil)
            return try await visitPage(context, message: ("ok", words.split(separator: "\n").joined(separator: " ")))
        } catch {
            let problem = Problem.from(error)
            let words =
                (error as? WorkflowError).map { PageWords.text($0, language: context.language) } ?? problem.detail
            return try await visitPage(
                context, message: ("error", w("Nicht gespeichert: ", "Not saved: ") + words), status: problem.status)
        }
    }

    /// `yes` or `no` of a radio button; nil for "not asked".
    static func yesNo(_ value: String?) -> Bool? {
        switch value {
        case "yes": true
        case "no": false
        default: nil
        }
    }

    func deleteFollowUp(_ context: WebContext, date: CalendarDate) async throws -> Response {
        let w = Words(language: context.language)
        do {
            _ = try await state.registering.deleteFollowUp(visitId: context.parameters.get("id") ?? "", date: date)
            return try await visitPage(
                context,
                message: (
                    "ok",
                    w(
                        "Nachbesuch vom \(date) gelöscht; seine Werte bleiben in der Geschichte.",
                        "Follow-up of \(date) deleted; its values stay in the history.")
                ))
        } catch {
            let problem = Problem.from(error)
            let words =
                (error as? WorkflowError).map { PageWords.text($0, language: context.language) } ?? problem.detail
            return try await visitPage(context, message: ("error", words), status: problem.status)
        }
    }

    func register(_ context: WebContext) async throws -> Response {
        let w = Words(language: context.language)
        let (id, found): (String, FoundVisit)
        do {
            (id, found) = try await find(context)
        } catch let problem as Problem {
            return problemPage(problem, context, path: "/visits")
        }
        guard let visit = found.visit, found.hasFile else { return Self.redirect("/visits/\(HTML.pathSegment(id))") }
        do {
            let (_, outcome) = try await state.registering.record(
                visit, source: "visits/\(id).json", replace: found.registered != nil, now: WebState.timestamp())
            let text: String
            switch outcome {
            case .added: text = w("Ins Register aufgenommen.", "Added to the register.")
            case .updated: text = w("Im Register aktualisiert.", "Updated in the register.")
            case .unchanged: text = w("Das Register hatte diesen Besuch schon.", "The register had this visit already.")
            }
            return try await visitPage(context, message: ("ok", text))
        } catch {
            let problem =
                (error as? WorkflowError).map { Problem($0, sent: (visit.date.description, visit.city, visit.advisor)) }
                ?? Problem.from(error)
            let words =
                (error as? WorkflowError).map { PageWords.text($0, language: context.language) } ?? problem.detail
            return try await visitPage(context, message: ("error", words), status: problem.status)
        }
    }

    func startEdit(_ context: WebContext) async throws -> Response {
        let (id, found): (String, FoundVisit)
        do {
            (id, found) = try await find(context)
        } catch let problem as Problem {
            return problemPage(problem, context, path: "/visits")
        }
        guard let visit = found.visit else { return Self.redirect("/visits/\(HTML.pathSegment(id))") }
        let ref = DraftRef.edit(visitId: id)
        if !FilePath.exists(ref.path(state)) {
            do {
                if !found.hasFile { try WebFiles(state: state).save(visit, replacing: false) }
                let form = VisitForm(setup: state.questionnaireSetup(except: id), editing: visit)
                try ref.save(form, state)
            } catch {
                return try await visitPage(context, message: ("error", error.description), status: .internalServerError)
            }
        }
        return Self.redirect("/drafts/\(ref.id)")
    }

    func sheet(_ context: WebContext, office: Bool) async throws -> Response {
        let (id, found) = try await find(context)
        guard let visit = found.visit else { throw Problem.notFound("no visit document for \(id)") }
        let advising = state.advising
        do {
            let advised = try advising.advise(visit, source: "visits/\(id).json")
            let printed = try advising.pdf(
                advised, secondLanguage: office ? "de" : nil, creationDate: state.creationDate)
            return Self.pdf(printed.pdf.bytes, name: "\(id)\(office ? "-office" : "").pdf")
        } catch {
            throw Problem(error)
        }
    }

    /// The letters of a visit with energy debts, all in one PDF (the use case behind `esp letters`): German, with
    /// the household's name and address where the visit has them. 404 for a visit without debts.
    func letters(_ context: WebContext) async throws -> Response {
        let (id, found) = try await find(context)
        guard let visit = found.visit else { throw Problem.notFound("no visit document for \(id)") }
        guard !visit.energyDebt.isEmpty else {
            throw Problem.notFound(
                Words(language: context.language)(
                    "Der Besuch \(id) hat keine Zahlungsrückstände: Es gibt keine Briefe.",
                    "Visit \(id) records no arrears: there are no letters."))
        }
        let advising = state.advising
        do {
            let advised = try advising.advise(visit, source: "visits/\(id).json")
            let pdf = try LetterWriting(advising: advising).bundle(advised, creationDate: state.creationDate)
            return Self.pdf(pdf.bytes, name: "\(id)-briefe.pdf")
        } catch {
            throw Problem(error)
        }
    }

    static func pdf(_ bytes: [UInt8], name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/pdf"
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    // MARK: The list

    func visitList(_ request: Request, _ context: WebContext) async throws -> Response {
        let w = Words(language: context.language)
        let query = request.uri.queryParameters
        let from = query["from"].flatMap { CalendarDate(iso: String($0)) }
        let to = query["to"].flatMap { CalendarDate(iso: String($0)) }
        let city = query["city"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        var body = "<h1>\(w("Besuche", "Visits"))</h1>"
        body +=
            "<form method=\"post\" action=\"/visits/find\" class=\"card\">\(Piece.token(context, state))<div class=\"field\"><label for=\"find-id\">\(w("Besuch mit Nummer öffnen", "Open the visit with number"))</label><div class=\"with-unit\"><input type=\"text\" class=\"wide\" id=\"find-id\" name=\"visitId\" autocomplete=\"off\"><button class=\"button\" type=\"submit\">\(w("Öffnen", "Open"))</button></div></div></form>"
        body += periodForm(action: "/visits", from: from, to: to, city: city, w: w)
        let files = WebFiles(state: state).visits()
        var registered: [RegisteredVisit] = []
        var registerProblem: String?
        do {
            registered = try await state.registering.visits(VisitFilter(from: from, to: to, city: city))
        } catch {
            registerProblem = Problem(error).detail
        }
        if let registerProblem { body += Piece.message("error", registerProblem) }
        let registeredIDs = Set(registered.map(\.visitId))
        let unregistered = files.filter {
            !registeredIDs.contains($0.visitId)
                && VisitFilter(from: from, to: to, city: city).contains(date: $0.date, city: $0.city)
        }
        body += "<h2>\(w("Noch nicht im Register", "Not registered yet"))</h2>"
        body +=
            unregistered.isEmpty
            ? "<p>\(w("Keine.", "None."))</p>"
            : Piece.table(
                caption: w("Besuche als Datei", "Visits as files"),
                header: [w("Besuch", "Visit"), w("Datum", "Date"), w("Stadt", "City")],
                rows: unregistered.map {
                    [
                        "<a href=\"/visits/\(HTML.pathSegment($0.visitId))\">\($0.visitId.html)</a>",
                        $0.date.description, $0.city.html,
                    ]
                })
        body += "<h2>\(w("Im Register", "In the register"))</h2>"
        let shown = registered.reversed().prefix(500)
        body +=
            shown.isEmpty
            ? "<p>\(w("Keine Besuche in diesem Zeitraum.", "No visits in this period."))</p>"
            : Piece.table(
                caption: w("Registrierte Besuche, neueste zuerst", "Registered visits, newest first")
                    + (registered.count > 500 ? w(" (die ersten 500)", " (the first 500)") : ""),
                header: [w("Besuch", "Visit"), w("Datum", "Date"), w("Stadt", "City"), w("Nachbesuch", "Follow-up")],
                rows: shown.map {
                    [
                        "<a href=\"/visits/\(HTML.pathSegment($0.visitId))\">\($0.visitId.html)</a>",
                        $0.date.description, $0.city.html, $0.isFollowedUp ? w("ja", "yes") : w("nein", "no"),
                    ]
                })
        return page(Page(title: w("Besuche", "Visits"), body: body, section: "visits"), context, path: "/visits")
    }

    /// A filter by period and city, sent with GET (dates and a city id are no personal data).
    func periodForm(action: String, from: CalendarDate?, to: CalendarDate?, city: String?, w: Words) -> String {
        let cities = state.data.cityIDs
        var html = "<form method=\"get\" action=\"\(action)\" class=\"card\"><div class=\"row-fields period\">"
        html +=
            "<div><label for=\"from\">\(w("Von (JJJJ-MM-TT)", "From (YYYY-MM-DD)"))</label><input type=\"text\" id=\"from\" name=\"from\" value=\"\(from?.description ?? "")\" inputmode=\"numeric\"></div>"
        html +=
            "<div><label for=\"to\">\(w("Bis (JJJJ-MM-TT)", "To (YYYY-MM-DD)"))</label><input type=\"text\" id=\"to\" name=\"to\" value=\"\(to?.description ?? "")\" inputmode=\"numeric\"></div>"
        html +=
            "<div><label for=\"city\">\(w("Stadt", "City"))</label><select id=\"city\" name=\"city\"><option value=\"\">\(w("alle", "all"))</option>"
        html += cities.map { "<option value=\"\($0.html)\"\($0 == city ? " selected" : "")>\($0.html)</option>" }
            .joined()
        html +=
            "</select></div></div><div class=\"actions\"><button class=\"button secondary\" type=\"submit\">\(w("Anzeigen", "Show"))</button></div></form>"
        return html
    }
}
