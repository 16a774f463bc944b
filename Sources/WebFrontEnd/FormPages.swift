import AdviceData
import EnergyAdvice
import Foundation
import HTTPTypes
import Hummingbird
import SafeFiles
import VisitQuestionnaire

/// The visit form: one screen per step of the questionnaire, saved as a draft after every screen, a recap, and the
/// finished visit file.
extension Routes {
    static let recapSlug = "zusammenfassung"

    func addForm(_ router: Router<WebContext>) {
        router.get("/visits/new") { _, context in
            let form = VisitForm(setup: state.questionnaireSetup())
            return stepPage(form, ref: nil, step: 0, context: context)
        }
        router.post("/visits/new") { request, context in
            let data = try await form(request, context)
            let ref = DraftRef.fresh()
            var form = VisitForm(setup: state.questionnaireSetup())
            return try submitStep(&form, ref: ref, step: 0, data: data, context: context)
        }
        router.get("/drafts/:draft") { _, context in
            let (ref, form) = try loadDraft(context)
            return Self.redirect(Self.stepPath(ref, form.currentStep))
        }
        router.get("/drafts/:draft/:step") { _, context in
            let (ref, form) = try loadDraft(context)
            let slug = context.parameters.get("step") ?? ""
            if slug == Self.recapSlug {
                guard form.isComplete else { return Self.redirect(Self.stepPath(ref, form.currentStep)) }
                return recapPage(form, ref: ref, context: context)
            }
            guard let step = VisitForm.steps.firstIndex(where: { $0.id == slug }) else { throw HTTPError(.notFound) }
            if let current = form.currentStep, step > current { return Self.redirect(Self.stepPath(ref, current)) }
            return stepPage(form, ref: ref, step: step, context: context)
        }
        router.post("/drafts/:draft/:step") { request, context in
            let data = try await form(request, context)
            var (ref, form) = try loadDraft(context)
            let slug = context.parameters.get("step") ?? ""
            if slug == Self.recapSlug { return try await finish(form, ref: ref, context: context) }
            if slug == "delete" {
                ref.remove(state)
                return Self.redirect("/")
            }
            guard let step = VisitForm.steps.firstIndex(where: { $0.id == slug }) else { throw HTTPError(.notFound) }
            return try submitStep(&form, ref: ref, step: step, data: data, context: context)
        }
    }

    static func stepPath(_ ref: DraftRef, _ step: Int?) -> String {
        "/drafts/\(ref.id)/" + (step.map { VisitForm.steps[$0].id } ?? recapSlug)
    }

    func loadDraft(_ context: WebContext) throws -> (DraftRef, VisitForm) {
        guard let ref = DraftRef(context.parameters.get("draft") ?? "") else { throw HTTPError(.notFound) }
        let loaded: VisitForm?
        do {
            loaded = try ref.load(state)
        } catch {
            throw HTTPError(.internalServerError, message: error.description)
        }
        guard let form = loaded else {
            throw HTTPError(.notFound, message: "There is no such draft (finished or deleted).")
        }
        return (ref, form)
    }

    // MARK: Submitting a screen

    /// The text of every field the screen showed, put together from its controls as the questionnaire reads it.
    static func values(_ data: FormData) -> (values: [String: String], defaults: [String: String]) {
        var values: [String: String] = [:]
        var defaults: [String: String] = [:]
        for entry in data.all("field") {
            guard let bar = entry.firstIndex(of: "|") else { continue }
            let control = String(entry[..<bar])
            let id = String(entry[entry.index(after: bar)...])
            let name = "q:" + id
            func part(_ key: String) -> String { data["\(name):\(key)"] ?? "" }
            switch control {
            case "number":
                let typed = (data[name] ?? "").trimmingCharacters(in: .whitespaces)
                let unit = data["u:" + id] ?? ""
                let main = data["main:" + id] ?? ""
                values[id] =
                    typed.isEmpty || !FormNumber.unitPart(typed).isEmpty || unit.isEmpty || unit == main
                    ? typed : "\(typed) \(unit)"
            case "lamp":
                values[id] = data["none:" + id] != nil ? "fertig" : RowParts.lampText(Self.parts(data, name))
            case "standby":
                values[id] = RowParts.standbyText(Self.parts(data, name))
            case "showers":
                values[id] = data["none:" + id] != nil ? "-" : RowParts.showersText(Self.parts(data, name))
            case "selection":
                let chosen = data.all(name)
                values[id] = chosen.isEmpty ? "keine" : chosen.joined(separator: " ")
            default:
                values[id] = data[name] ?? ""
            }
            if let shown = data["default:" + id] { defaults[id] = shown }
        }
        return (values, defaults)
    }

    static func parts(_ data: FormData, _ name: String) -> [String: String] {
        var parts: [String: String] = [:]
        for key in ["room", "lamps", "watts", "technology", "hours", "label", "perWeek", "minutes"] {
            if let value = data["\(name):\(key)"] { parts[key] = value }
        }
        return parts
    }

    func submitStep(_ form: inout VisitForm, ref: DraftRef, step: Int, data: FormData, context: WebContext) throws
        -> Response
    {
        let (values, defaults) = Self.values(data)
        let result = form.submit(step: step, values: values, shownDefaults: defaults)
        do {
            try ref.save(form, state)
        } catch {
            throw HTTPError(.internalServerError, message: "the draft cannot be saved: \(error.description)")
        }
        let action = data["action"] ?? "next"
        let clean = result.problems.isEmpty && result.notices.isEmpty
        if clean && action == "back" {
            let progress = form.progress
            let previous = (0..<step).last { progress[$0] == .done } ?? step
            return Self.redirect(Self.stepPath(ref, previous))
        }
        if clean && action == "more" { return Self.redirect(Self.stepPath(ref, step)) }
        if result.isFinished { return Self.redirect(Self.stepPath(ref, form.currentStep)) }
        return stepPage(form, ref: ref, step: step, context: context, posted: values, raw: data, result: result)
    }

    // MARK: A screen

    func stepPage(
        _ form: VisitForm, ref: DraftRef?, step: Int, context: WebContext, posted: [String: String] = [:],
        raw: FormData? = nil, result: StepResult? = nil
    ) -> Response {
        let w = Words(language: context.language)
        var fields = form.fields(step: step, posted: posted)
        for index in fields.indices {
            let id = fields[index].question.id
            if let problem = result?.problems[id] { fields[index].problem = problem }
            if let notice = result?.notices[id] { fields[index].note = notice }
        }
        let stepInfo = VisitForm.steps[step]
        let action = ref.map { Self.stepPath($0, step) } ?? "/visits/new"
        let heading =
            ref?.editedVisitId.map { w("Besuch \($0) ändern", "Change visit \($0)") } ?? w("Neuer Besuch", "New visit")
        var body = "<h1>\(heading.html): \(stepInfo.title.html)</h1>\n"
        body += stepList(form, ref: ref, current: step, w: w)
        let problems = fields.filter { $0.problem != nil }
        let notices = fields.filter { $0.problem == nil && result?.notices[$0.question.id] != nil }
        if !problems.isEmpty {
            body +=
                "<div class=\"message error\" role=\"alert\" id=\"summary\"><h2>"
                + w(
                    "Bitte prüfen Sie \(problems.count == 1 ? "eine Angabe" : "\(problems.count) Angaben")",
                    "Please check \(problems.count == 1 ? "one answer" : "\(problems.count) answers")"
                ).html
                + "</h2><ul>"
                + problems.map {
                    "<li><a href=\"#\(Self.htmlID($0.question.id))\">\($0.question.prompt.html)</a>: \(($0.problem ?? "").html)</li>"
                }.joined()
                + "</ul></div>\n"
        } else if !notices.isEmpty {
            body += Piece.message(
                "info",
                w(
                    "Zu Ihren Angaben gibt es weitere Fragen; sie sind unten markiert.",
                    "Your answers lead to further questions; they are marked below."), role: "status")
        }
        if ref == nil {
            body +=
                "<p class=\"small\">"
                + w(
                    "Alle Fragen stehen auf wenigen Seiten. Jede Seite wird beim Weitergehen als Entwurf gespeichert: ein leerer Akku oder ein geschlossenes Fenster verliert nichts.",
                    "The questions come on a few pages. Each page is saved as a draft when you go on: a flat battery or a closed window loses nothing. The questions are in German, as in the questionnaire."
                ).html + "</p>\n"
        }
        body += "<form class=\"visit-form\" method=\"post\" action=\"\(action.html)\" novalidate>\n"
        body += Piece.token(context, state) + "\n"
        var hasRows = false
        var lists: [String: [String]] = [:]
        for field in fields {
            body += fieldHTML(field, raw: raw, w: w)
            if case .lampRow(let rooms) = field.control {
                hasRows = true
                lists["rooms"] = rooms
            }
            if case .standbyRow(let devices) = field.control {
                hasRows = true
                lists["devices"] = devices
            }
        }
        // One list of suggestions per page, whatever the number of rows that offer it.
        for (listID, options) in lists.sorted(by: { $0.key < $1.key }) {
            body +=
                "<datalist id=\"\(listID)\">" + options.map { "<option value=\"\($0.html)\">" }.joined() + "</datalist>"
        }
        if fields.isEmpty {
            body +=
                "<p>" + w("Auf dieser Seite gibt es nichts zu fragen.", "Nothing to ask on this page.").html + "</p>"
        }
        body +=
            "<div class=\"actions\"><button class=\"button\" type=\"submit\" name=\"action\" value=\"next\">"
            + w("Speichern und weiter", "Save and continue").html + "</button>"
        if hasRows {
            body +=
                "<button class=\"button secondary\" type=\"submit\" name=\"action\" value=\"more\">"
                + w("Speichern, weitere Zeilen", "Save, more rows").html + "</button>"
        }
        if step > 0 {
            body +=
                "<button class=\"button secondary\" type=\"submit\" name=\"action\" value=\"back\">"
                + w("Speichern und zurück", "Save and go back").html + "</button>"
        }
        body += "</div>\n</form>\n"
        if let ref {
            body +=
                "<form method=\"post\" action=\"/drafts/\(ref.id)/delete\" class=\"actions\">"
                + Piece.token(context, state)
                + "<button class=\"button danger\" type=\"submit\">" + w("Entwurf verwerfen", "Discard draft").html
                + "</button></form>"
        }
        return page(
            Page(
                title: "\(heading): \(stepInfo.title)", body: body, section: "new",
                status: problems.isEmpty ? .ok : .unprocessableContent),
            context, path: ref.map { Self.stepPath($0, step) } ?? "/visits/new")
    }

    func stepList(_ form: VisitForm, ref: DraftRef?, current: Int?, w: Words) -> String {
        let progress = form.progress
        var html = "<nav aria-label=\"\(w("Schritte", "Steps"))\"><ol class=\"steps\">"
        for (index, step) in VisitForm.steps.enumerated() {
            let status = progress[index]
            let isCurrent = index == current
            let cls: String
            switch status {
            case .done: cls = "done"
            case .current: cls = "current"
            case .ahead: cls = "ahead"
            case .skipped: cls = "skipped"
            }
            let aria = isCurrent ? " aria-current=\"step\"" : ""
            let mark = isCurrent ? "current" : cls
            let state: String
            switch status {
            case .done: state = w("erledigt", "done")
            case .current: state = w("als Nächstes", "next")
            case .ahead: state = w("noch offen", "not yet")
            case .skipped: state = w("entfällt", "not needed")
            }
            let label = "\(step.title.html)<span class=\"visually-hidden\"> (\(state))</span>"
            if let ref, status == .done || status == .current, !isCurrent {
                html += "<li class=\"\(mark)\"><a href=\"\(Self.stepPath(ref, index))\">\(label)</a></li>"
            } else {
                html += "<li class=\"\(mark)\"><span\(aria)>\(label)</span></li>"
            }
        }
        let recapDone = form.isComplete
        let recap = w("Zusammenfassung", "Summary").html
        if let ref, recapDone, current != nil {
            html += "<li class=\"done\"><a href=\"\(Self.stepPath(ref, nil))\">\(recap)</a></li>"
        } else {
            html +=
                "<li class=\"\(current == nil ? "current" : "ahead")\"><span\(current == nil ? " aria-current=\"step\"" : "")>\(recap)</span></li>"
        }
        return html + "</ol></nav>\n"
    }

    static func htmlID(_ id: String) -> String {
        "q-" + String(id.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    // MARK: Fields

    func fieldHTML(_ field: FormField, raw: FormData?, w: Words) -> String {
        let q = field.question
        let id = Self.htmlID(q.id)
        let name = "q:" + q.id
        var classes = ["field"]
        if field.problem != nil { classes.append("has-error") }
        if field.problem == nil, field.note != nil, !field.isAnswered { classes.append("is-new") }
        var describedBy: [String] = []
        var above = ""
        if let help = VisitForm.rowHelp(q) {
            above += "<p class=\"help\" id=\"\(id)-help\">\(help.html)</p>"
            describedBy.append("\(id)-help")
        }
        if let problem = field.problem {
            above +=
                "<p class=\"error-text\" id=\"\(id)-error\"><span class=\"visually-hidden\">\(w("Fehler", "Error")): </span>\(problem.html)</p>"
            describedBy.append("\(id)-error")
        } else if let note = field.note, !field.isAnswered {
            above += "<p class=\"notice-text\" id=\"\(id)-notice\">\(note.html)</p>"
            describedBy.append("\(id)-notice")
        }
        var below = ""
        if let hint = field.hint {
            below += "<p class=\"hint\" id=\"\(id)-hint\">\(hint.html)</p>"
            describedBy.append("\(id)-hint")
        }
        if let warning = field.warning {
            below +=
                "<p class=\"warning-text\" id=\"\(id)-warning\"><strong>\(w("Bitte prüfen", "Please check")):</strong> \(warning.html)</p>"
            describedBy.append("\(id)-warning")
        }
        if let note = field.note, field.isAnswered {
            below += "<p class=\"note-text\">\(note.html)</p>"
        }
        let described = describedBy.isEmpty ? "" : " aria-describedby=\"\(describedBy.joined(separator: " "))\""
        let invalid = field.problem != nil ? " aria-invalid=\"true\"" : ""
        var hidden = ""
        var html = "<div class=\"\(classes.joined(separator: " "))\" id=\"f-\(id)\">"
        switch field.control {
        case .number(let units, let whole):
            hidden = "number|\(q.id)"
            var value = field.value
            var selected = units.first ?? ""
            if units.count > 1, let unit = units.first(where: { !$0.isEmpty && FormNumber.unitPart(value) == $0 }) {
                selected = unit
                value = String(value.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            }
            html += "<label for=\"\(id)\">\(q.prompt.html)</label>\(above)<div class=\"with-unit\">"
            html +=
                "<input type=\"text\" id=\"\(id)\" name=\"\(name.html)\" value=\"\(value.html)\" inputmode=\"\(whole ? "numeric" : "decimal")\" autocomplete=\"off\"\(described)\(invalid)>"
            if units.count > 1 {
                html +=
                    "<select name=\"u:\(q.id.html)\" aria-label=\"\(w("Einheit", "Unit")): \(q.prompt.html)\">"
                    + units.map {
                        "<option value=\"\($0.html)\"\($0 == selected ? " selected" : "")>\($0.html)</option>"
                    }.joined()
                    + "</select><input type=\"hidden\" name=\"main:\(q.id.html)\" value=\"\(units[0].html)\">"
            } else if let unit = units.first {
                html += "<span class=\"unit\">\(unit.html)</span>"
            }
            html += "</div>\(below)"
        case .measurement, .text, .date:
            hidden = "text|\(q.id)"
            let isNotes = q.id == "notes"
            html += "<label for=\"\(id)\">\(q.prompt.html)</label>\(above)<div class=\"with-unit\">"
            if isNotes {
                html +=
                    "<textarea id=\"\(id)\" name=\"\(name.html)\"\(described)\(invalid)>\(field.value.html)</textarea>"
            } else {
                let extra = field.control == .date ? " placeholder=\"TT.MM.JJJJ\"" : ""
                html +=
                    "<input type=\"text\" class=\"wide\" id=\"\(id)\" name=\"\(name.html)\" value=\"\(field.value.html)\" autocomplete=\"off\"\(extra)\(described)\(invalid)>"
            }
            if let unit = q.unit { html += "<span class=\"unit\">\(unit.html)</span>" }
            html += "</div>\(below)"
        case .choice(let choices):
            hidden = "choice|\(q.id)"
            html +=
                "<fieldset\(described)><legend>\(q.prompt.html)</legend>\(above)<div class=\"choices\(choices.count > 4 ? "" : " inline")\">"
            for (index, choice) in choices.enumerated() {
                let checked = choice.value == field.value ? " checked" : ""
                html +=
                    "<label class=\"choice\"><input type=\"radio\" name=\"\(name.html)\" id=\"\(index == 0 ? id : "\(id)-\(index)")\" value=\"\(choice.value.html)\"\(checked)\(invalid)> <span>\(label(q.id, choice).html)</span></label>"
            }
            html += "</div></fieldset>\(below)"
        case .yesNo:
            hidden = "choice|\(q.id)"
            html += "<fieldset\(described)><legend>\(q.prompt.html)</legend>\(above)<div class=\"choices inline\">"
            for (index, (value, text)) in [("j", w("Ja", "Yes")), ("n", w("Nein", "No"))].enumerated() {
                let checked = AnswerWords.isYes(field.value) == (value == "j") && !field.value.isEmpty ? " checked" : ""
                html +=
                    "<label class=\"choice\"><input type=\"radio\" name=\"\(name.html)\" id=\"\(index == 0 ? id : "\(id)-\(index)")\" value=\"\(value)\"\(checked)\(invalid)> <span>\(text.html)</span></label>"
            }
            html += "</div></fieldset>\(below)"
        case .selection(let items):
            hidden = "selection|\(q.id)"
            let chosen = Self.chosen(field.value, items: items, raw: raw?.all(name))
            html += "<fieldset\(described)><legend>\(q.prompt.html)</legend>\(above)<div class=\"choices\">"
            for (index, item) in items.enumerated() {
                let checked = chosen.contains(item.value) ? " checked" : ""
                html +=
                    "<label class=\"choice\"><input type=\"checkbox\" name=\"\(name.html)\" id=\"\(index == 0 ? id : "\(id)-\(index)")\" value=\"\(item.value.html)\"\(checked)> <span>\(item.label.html)</span></label>"
            }
            html += "</div></fieldset>\(below)"
        case .lampRow(let rooms):
            hidden = "lamp|\(q.id)"
            let parts = raw.map { Self.parts($0, name) } ?? RowParts.lamp(field.value)
            html += "<fieldset class=\"row\"\(described)><legend>\(q.prompt.html)</legend>\(above)"
            html += "<div class=\"row-fields\">"
            html += rowInput(
                id, name, "room", w("Raum", "Room"), parts, list: "rooms", css: "room", first: true, invalid: invalid)
            html += rowInput(id, name, "lamps", w("Anzahl", "Number"), parts, mode: "numeric", invalid: invalid)
            html += rowInput(
                id, name, "watts", w("Watt je Lampe", "Watts each"), parts, mode: "decimal", invalid: invalid)
            html +=
                "<div><label for=\"\(id)-technology\">\(w("Lampenart", "Lamp type"))</label><select id=\"\(id)-technology\" name=\"\(name.html):technology\">"
            html += "<option value=\"\">–</option>"
            for technology in LampTechnology.allCases {
                let selected = parts["technology"] == technology.rawValue ? " selected" : ""
                html += "<option value=\"\(technology.rawValue)\"\(selected)>\(technology.germanLabel.html)</option>"
            }
            html += "</select></div>"
            html += rowInput(
                id, name, "hours", w("Stunden am Tag", "Hours a day"), parts, mode: "decimal", invalid: invalid)
            html += "</div>"
            if q.id == "lighting[0]" {
                let none = raw?["none:" + q.id] != nil || field.value == "fertig"
                html +=
                    "<label class=\"checkbox-line\"><input type=\"checkbox\" name=\"none:\(q.id.html)\" value=\"1\"\(none ? " checked" : "")> \(w("Keine Lampen erfassen", "Record no lamps"))</label>"
            }
            _ = rooms
            html += "</fieldset>\(below)"
        case .standbyRow(let devices):
            hidden = "standby|\(q.id)"
            let parts = raw.map { Self.parts($0, name) } ?? RowParts.standby(field.value)
            html +=
                "<fieldset class=\"row\"\(described)><legend>\(q.prompt.html)</legend>\(above)<div class=\"row-fields standby\">"
            html += rowInput(
                id, name, "label", w("Gerät", "Device"), parts, list: "devices", css: "label", first: true,
                invalid: invalid)
            html += rowInput(
                id, name, "watts", w("Watt im Standby", "Standby watts"), parts, mode: "decimal", invalid: invalid)
            html += rowInput(
                id, name, "hours", w("Stunden am Tag", "Hours a day"), parts, mode: "decimal", invalid: invalid)
            _ = devices
            html += "</div></fieldset>\(below)"
        case .showers:
            hidden = "showers|\(q.id)"
            let parts = raw.map { Self.parts($0, name) } ?? RowParts.showers(field.value)
            html +=
                "<fieldset class=\"row\"\(described)><legend>\(q.prompt.html)</legend>\(above)<div class=\"row-fields showers\">"
            html += rowInput(
                id, name, "perWeek", w("Duschen pro Woche (alle)", "Showers a week (all)"), parts, mode: "decimal",
                first: true, invalid: invalid)
            html += rowInput(
                id, name, "minutes", w("Minuten je Dusche", "Minutes each"), parts, mode: "decimal", invalid: invalid)
            html += "</div>"
            let none = raw?["none:" + q.id] != nil || field.value == "-"
            html +=
                "<label class=\"checkbox-line\"><input type=\"checkbox\" name=\"none:\(q.id.html)\" value=\"1\"\(none ? " checked" : "")> \(w("Keine Dusche erfassen", "Record no shower"))</label>"
            html += "</fieldset>\(below)"
        }
        html += "<input type=\"hidden\" name=\"field\" value=\"\(hidden.html)\">"
        if let shown = field.shownDefault {
            html += "<input type=\"hidden\" name=\"default:\(q.id.html)\" value=\"\(shown.html)\">"
        }
        return html + "</div>\n"
    }

    func rowInput(
        _ id: String, _ name: String, _ key: String, _ label: String, _ parts: [String: String], mode: String? = nil,
        list: String? = nil, css: String? = nil, first: Bool = false, invalid: String
    ) -> String {
        let inputID = first ? id : "\(id)-\(key)"
        let modeAttribute = mode.map { " inputmode=\"\($0)\"" } ?? ""
        let listAttribute = list.map { " list=\"\($0)\"" } ?? ""
        return "<div\(css.map { " class=\"\($0)\"" } ?? "")><label for=\"\(inputID)\">\(label.html)</label>"
            + "<input type=\"text\" id=\"\(inputID)\" name=\"\(name.html):\(key)\" value=\"\((parts[key] ?? "").html)\" autocomplete=\"off\"\(modeAttribute)\(listAttribute)\(invalid)></div>"
    }

    /// The items of a selection that are chosen: the boxes ticked, or the stored answer (`alle`, `keine`, `1 3`).
    static func chosen(_ value: String, items: [Choice], raw: [String]?) -> Set<String> {
        if let raw { return Set(raw) }
        let word = value.trimmingCharacters(in: .whitespaces).lowercased()
        if ["j", "ja", "alle"].contains(word) { return Set(items.map(\.value)) }
        return Set(word.split { $0 == " " || $0 == "," }.map(String.init))
    }

    /// A choice as the advisor reads it: cities by their name, languages by their own name.
    func label(_ questionID: String, _ choice: Choice) -> String {
        switch questionID {
        case "city":
            return (try? state.data.calculator(city: choice.value).city.name).map { "\($0) (\(choice.value))" }
                ?? choice.value
        case "language":
            return Self.languageName(choice.value)
        default:
            return choice.label
        }
    }

    /// A language's name in itself (`Deutsch`, `Русский`), with its code.
    static func languageName(_ code: String) -> String {
        guard let name = Locale(identifier: code).localizedString(forLanguageCode: code), name != code else {
            return code
        }
        return "\(name.prefix(1).uppercased() + name.dropFirst()) (\(code))"
    }

    // MARK: Recap and finish

    func recapPage(_ form: VisitForm, ref: DraftRef, context: WebContext, problem: String? = nil) -> Response {
        let w = Words(language: context.language)
        var body = "<h1>\(w("Zusammenfassung", "Summary"))</h1>\n" + stepList(form, ref: ref, current: nil, w: w)
        if let problem { body += Piece.message("error", problem, role: "alert") }
        body +=
            "<p>"
            + w(
                "Bitte mit dem Haushalt prüfen. Zum Ändern einen Schritt oben wählen.",
                "Please check with the household. To change an answer, choose a step above."
            ).html + "</p>"
        if let recap = form.recap {
            body += "<div class=\"card\"><ul>" + recap.lines.map { "<li>\($0.html)</li>" }.joined() + "</ul></div>"
            if !recap.warnings.isEmpty {
                body +=
                    "<div class=\"message warning\"><h2>\(w("Bitte prüfen", "Please check"))</h2><ul>"
                    + recap.warnings.map { "<li><strong>\($0.question.prompt.html):</strong> \($0.warning.html)</li>" }
                    .joined()
                    + "</ul></div>"
            }
        }
        body +=
            "<form method=\"post\" action=\"\(Self.stepPath(ref, nil))\" class=\"actions\">"
            + Piece.token(context, state)
            + "<button class=\"button\" type=\"submit\">"
            + (ref.editedVisitId == nil
            ? w("Besuch speichern und Beratung zeigen", "Save the visit and show the advice")
            : w("Änderungen speichern", "Save the changes")).html
            + "</button></form>"
        body +=
            "<form method=\"post\" action=\"/drafts/\(ref.id)/delete\" class=\"actions\">" + Piece.token(context, state)
            + "<button class=\"button danger\" type=\"submit\">" + w("Entwurf verwerfen", "Discard draft").html
            + "</button></form>"
        return page(
            Page(title: w("Zusammenfassung", "Summary"), body: body, section: "new"), context,
            path: Self.stepPath(ref, nil))
    }

    /// Saves the finished visit as its file and goes to its advice; a visit id taken by another file or registered
    /// visit is asked again at its field.
    func finish(_ form: VisitForm, ref: DraftRef, context: WebContext) async throws -> Response {
        var form = form
        let visit: Visit
        do {
            visit = try form.visit()
        } catch {
            return Self.redirect(Self.stepPath(ref, form.currentStep))
        }
        let files = WebFiles(state: state)
        var problem: String?
        if visit.visitId != ref.editedVisitId, let path = files.visitPath(visit.visitId), FilePath.exists(path) {
            problem =
                "Die Besuchsnummer \(visit.visitId) hat schon ein anderer Besuch (\(FilePath.name(of: path))). Bitte eine andere Nummer eingeben."
        }
        if problem == nil, visit.visitId != ref.editedVisitId,
            let registered = try? await state.registering.visit(id: visit.visitId)
        {
            problem =
                "Die Besuchsnummer \(visit.visitId) ist im Register schon vergeben (Besuch vom \(registered.date), \(registered.city)). Bitte eine andere Nummer eingeben."
        }
        if let problem, let step = form.reopenVisitId() {
            try? ref.save(form, state)
            let result = StepResult(problems: ["visitId": problem], isFinished: false)
            return stepPage(form, ref: ref, step: step, context: context, result: result)
        }
        do {
            if let original = ref.editedVisitId {
                let before = try? files.visit(original)
                let kept = before.map { VisitEdit.keepingUnasked(from: $0, in: visit) } ?? visit
                try files.save(kept, replacing: true)
                if visit.visitId != original, let old = files.visitPath(original) { FilePath.remove(old) }
            } else {
                try files.save(visit, replacing: false)
            }
        } catch {
            return recapPage(
                form, ref: ref, context: context,
                problem: "Der Besuch kann nicht gespeichert werden: \(error.description)")
        }
        ref.remove(state)
        return Self.redirect("/visits/\(HTML.pathSegment(visit.visitId))")
    }
}
