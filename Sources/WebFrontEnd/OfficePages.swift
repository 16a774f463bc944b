import AdviceData
import AdviceReport
import AdviceWorkflows
import EnergyAdvice
import HTTPTypes
import Hummingbird
import OfficeReports
import SafeText
import VisitQuestionnaire
import VisitRecords

/// The start page, the programme's figures with the council report and the city comparison, and the data check.
extension Routes {
    func addPages(_ router: Router<WebContext>) {
        router.get("/") { _, context in try await startPage(context) }
    }

    func addOfficePages(_ router: Router<WebContext>) {
        router.get("/programme") { request, context in try await programmePage(request, context) }
        router.get("/programme/report.pdf") { request, context in try await councilReport(request, context) }
        router.get("/programme/comparison.pdf") { request, context in try await comparisonReport(request, context) }
        router.get("/data") { _, context in dataPage(context) }
    }

    // MARK: Start

    func startPage(_ context: WebContext) async throws -> Response {
        let w = Words(language: context.language)
        var body = "<h1>\(w("Energiesparberatung", "Energy-saving advice"))</h1>"
        guard StaffMember.current?.role.readsHouseholds ?? true else {
            // A programme lead's start: the programme's figures, nothing about a household.
            body +=
                "<div class=\"actions\"><a class=\"button\" href=\"/programme\">\(w("Programm und Ratsbericht", "Programme and council report"))</a></div>"
            return page(Page(title: w("Start", "Start"), body: body, section: "start"), context, path: "/")
        }
        body +=
            "<div class=\"actions\"><a class=\"button\" href=\"/visits/new\">\(w("Neuen Besuch beginnen", "Start a new visit"))</a>"
        body +=
            "<a class=\"button secondary\" href=\"/programme\">\(w("Programm und Ratsbericht", "Programme and council report"))</a></div>"
        body += "<h2>\(w("Angefangene Besuche", "Visits to continue"))</h2>"
        let drafts = DraftRef.all(state)
        if drafts.isEmpty {
            body += "<p>\(w("Keine Entwürfe.", "No drafts."))</p>"
        } else {
            body += "<ul class=\"plain\">"
            for (ref, modified) in drafts.prefix(50) {
                guard let form = try? ref.load(state) else { continue }
                let answers = Dictionary(
                    form.draft.answers.map { ($0.question, $0.answer) }, uniquingKeysWith: { a, _ in a })
                let what = answers["visitId"] ?? answers["city"] ?? w("ohne Nummer", "no number yet")
                let next = form.currentStep.map { VisitForm.steps[$0].title } ?? w("Zusammenfassung", "Summary")
                let kind = ref.editedVisitId != nil ? w("Änderung", "Change") : w("Neuer Besuch", "New visit")
                body +=
                    "<li class=\"card\"><a href=\"/drafts/\(ref.id)\"><strong>\(kind.html): \(what.html)</strong></a> – "
                    + w("weiter bei", "continue at").html
                    + " \(next.html) <span class=\"small\">(\(WebState.timestamp(modified / 1_000_000_000).prefix(16).replacingOccurrences(of: "T", with: " ")) UTC)</span></li>"
            }
            body += "</ul>"
        }
        body += "<h2>\(w("Letzte Besuche", "Recent visits"))</h2>"
        var rows: [(date: CalendarDate, id: String, where: String)] = []
        for visit in WebFiles(state: state).visits().prefix(20) {
            rows.append((visit.date, visit.visitId, w("Datei", "file")))
        }
        if let registered = try? await state.registering.visits(VisitFilter(from: state.today.adding(days: -92))) {
            let files = Set(rows.map(\.id))
            for visit in registered.suffix(20) where !files.contains(visit.visitId) {
                rows.append((visit.date, visit.visitId, w("Register", "register")))
            }
        }
        rows.sort { ($0.date, $0.id) > ($1.date, $1.id) }
        body +=
            rows.isEmpty
            ? "<p>\(w("Noch keine Besuche.", "No visits yet."))</p>"
            : Piece.table(
                caption: w(
                    "Die letzten Besuche (Dateien und Register der letzten drei Monate)",
                    "The latest visits (files, and the register's last three months)"),
                header: [w("Besuch", "Visit"), w("Datum", "Date"), w("Ablage", "Kept as")],
                rows: rows.prefix(20).map {
                    [
                        "<a href=\"/visits/\(HTML.pathSegment($0.id))\">\($0.id.html)</a>", $0.date.description,
                        $0.where.html,
                    ]
                })
        body += "<p><a href=\"/visits\">\(w("Alle Besuche", "All visits"))</a></p>"
        return page(Page(title: w("Start", "Start"), body: body, section: "start"), context, path: "/")
    }

    // MARK: Programme

    func filter(_ request: Request) -> VisitFilter {
        let query = request.uri.queryParameters
        return VisitFilter(
            from: query["from"].flatMap { CalendarDate(iso: String($0)) },
            to: query["to"].flatMap { CalendarDate(iso: String($0)) },
            city: query["city"].map(String.init).flatMap { $0.isEmpty ? nil : $0 })
    }

    func programmePage(_ request: Request, _ context: WebContext) async throws -> Response {
        let w = Words(language: context.language)
        let filter = filter(request)
        var body = "<h1>\(w("Programm", "Programme"))</h1>"
        body += periodForm(action: "/programme", from: filter.from, to: filter.to, city: filter.city, w: w)
        let query = Self.query(filter)
        do {
            let summary = try await state.registering.summary(filter)
            let report = try Reporting(advising: state.advising).councilDocument(
                of: summary, staffLanguage: context.language, today: state.today)
            body +=
                "<div class=\"actions\"><a class=\"button\" href=\"/programme/report.pdf\(query)\" download>\(w("Ratsbericht als PDF", "Council report as PDF"))</a>"
            if filter.city == nil, summary.cities.count >= 2 {
                body +=
                    "<a class=\"button secondary\" href=\"/programme/comparison.pdf\(query)\" download>\(w("Städtevergleich als PDF", "City comparison as PDF"))</a>"
            }
            body += "</div>"
            body += ReportHTML.render(report)
            if filter.city == nil, summary.cities.count >= 2, let comparison = try? await comparison(filter) {
                let table = comparison.table(try state.data.staff(context.language))
                body += "<h2>\(w("Städte im Vergleich", "Cities compared"))</h2>"
                body += ReportHTML.table(table)
            }
        } catch {
            body += Piece.message(error == .noVisitsInPeriod ? "info" : "error", Problem(error).detail)
        }
        return page(
            Page(title: w("Programm", "Programme"), body: body, section: "programme"), context, path: "/programme")
    }

    static func query(_ filter: VisitFilter) -> String {
        var parts: [String] = []
        if let from = filter.from { parts.append("from=\(from)") }
        if let to = filter.to { parts.append("to=\(to)") }
        if let city = filter.city { parts.append("city=\(HTML.pathSegment(city))") }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&amp;")
    }

    func councilReport(_ request: Request, _ context: WebContext) async throws -> Response {
        do {
            let summary = try await state.registering.summary(filter(request))
            let pdf = try Reporting(advising: state.advising).councilReport(
                of: summary, staffLanguage: context.language, today: state.today, creationDate: state.creationDate)
            return Self.pdf(pdf.bytes, name: "council-report.pdf")
        } catch {
            throw Problem(error)
        }
    }

    /// One summary per registered city in the period, side by side.
    func comparison(_ filter: VisitFilter) async throws(WorkflowError) -> CityComparison {
        let cities = try await state.registering.summary(filter).cities
        var summaries: [(source: String, summary: ProgrammeSummary)] = []
        for city in cities {
            var one = filter
            one.city = city
            summaries.append((city, try await state.registering.summary(one)))
        }
        do {
            return try CityComparison.compare(summaries)
        } catch {
            throw .comparison(error)
        }
    }

    func comparisonReport(_ request: Request, _ context: WebContext) async throws -> Response {
        do {
            let comparison = try await comparison(filter(request))
            let pdf = try Comparing.report(
                comparison, text: try state.data.staff(context.language), today: state.today,
                creationDate: state.creationDate)
            return Self.pdf(pdf.bytes, name: "city-comparison.pdf")
        } catch {
            throw Problem(error)
        }
    }

    // MARK: Data

    func dataPage(_ context: WebContext) -> Response {
        let w = Words(language: context.language)
        let data = state.data
        let checked = DataChecks.tariffs(data.directory.tariffs, today: state.today)
        var body = "<h1>\(w("Daten der Städte", "The cities' data"))</h1>"
        body += "<p>\(w("Ordner", "Folder")): <code>\(data.directory.root.html)</code></p>"
        let errors = checked.check.errors
        let warnings = checked.check.warnings
        if errors.isEmpty && warnings.isEmpty {
            body += Piece.message(
                "ok",
                w(
                    "Alle \(checked.cities) Tarifdateien sind in Ordnung.",
                    "All \(checked.cities) tariff files are fine."))
        } else {
            if !errors.isEmpty {
                body +=
                    "<div class=\"message error\"><h2>\(w("Fehler: diese Daten können nicht benutzt werden", "Errors: this data cannot be used"))</h2><ul>"
                    + errors.map { "<li>\($0.description.html)</li>" }.joined() + "</ul></div>"
            }
            if !warnings.isEmpty {
                body +=
                    "<div class=\"message warning\"><h2>\(w("Warnungen: bitte prüfen", "Warnings: please check"))</h2><ul>"
                    + warnings.map { "<li>\($0.description.html)</li>" }.joined() + "</ul></div>"
            }
        }
        body += "<h2>\(w("Wann die Daten ablaufen", "When the data runs out"))</h2>"
        var rows: [[String]] = []
        var reference: (String, CalendarDate)?
        for id in data.cityIDs {
            guard let calculator = try? data.calculator(city: id) else {
                rows.append([id.html, "–", w("nicht lesbar", "unreadable")])
                continue
            }
            reference = ("reference.xml", calculator.reference.validUntil)
            rows.append([
                "\(calculator.city.name.html) (\(id.html).xml)", calculator.city.validUntil.description,
                days(calculator.city.validUntil, w),
            ])
        }
        if let reference { rows.insert([reference.0, shownDay(reference.1, w), days(reference.1, w)], at: 0) }
        body += Piece.table(
            caption: w(
                "Gültig bis: bis dahin muss jemand die Datei neu geprüft haben",
                "Valid until: by then someone must have checked the file again"),
            header: [w("Datei", "File"), w("gültig bis", "valid until"), w("noch", "left")], rows: rows)
        body += "<h2>\(w("Preise", "Prices"))</h2>"
        if let cities = try? DataChecks.tariffList(data.directory.tariffs) {
            for city in cities {
                let tariffRows = city.electricityTariffs.map { tariff -> [String] in
                    [
                        tariff.price.name.html + (tariff.isDefault ? " (\(w("Standard", "default")))" : ""),
                        tariff.price.supplier.html,
                        FormNumber.text(tariff.price.energyPriceCtPerKWh) + " ct/kWh",
                        FormNumber.text(tariff.price.basePriceEURPerYear) + " €/" + w("Jahr", "year"),
                        tariff.price.validFrom.description,
                    ]
                }
                body += Piece.table(
                    caption: "\(city.name) – \(w("Strom", "electricity"))",
                    header: [
                        w("Tarif", "Tariff"), w("Anbieter", "Supplier"), w("Arbeitspreis", "Energy price"),
                        w("Grundpreis", "Base price"), w("ab", "from"),
                    ],
                    rows: tariffRows, numeric: [2, 3])
            }
        }
        return page(Page(title: w("Daten", "Data"), body: body, section: "data"), context, path: "/data")
    }

    /// `31.12.2027` on German pages, `2027-12-31` on English ones.
    func shownDay(_ date: CalendarDate, _ w: Words) -> String { w.isEnglish ? date.description : PageWords.day(date) }

    func days(_ until: CalendarDate, _ w: Words) -> String {
        let left = until.dayNumber - state.today.dayNumber
        if left < 0 {
            return "<strong>" + w("abgelaufen seit \(-left) Tagen", "ran out \(-left) days ago").html + "</strong>"
        }
        if left <= 60 {
            return "<strong>" + w("\(left) Tage – bald prüfen", "\(left) days – check soon").html + "</strong>"
        }
        return w("\(left) Tage", "\(left) days").html
    }
}

extension CalendarDate {
    func adding(days: Int) -> CalendarDate {
        var date = self
        let target = dayNumber + days
        // Walk from the same day a year or so around; simple and exact for the short spans used here.
        var guess = CalendarDate(year: year + days / 365, month: month, day: min(day, 28)) ?? self
        while guess.dayNumber > target { guess = guess.previousDay }
        while guess.dayNumber < target { guess = guess.nextDay }
        date = guess
        return date
    }

    var previousDay: CalendarDate {
        if day > 1, let d = CalendarDate(year: year, month: month, day: day - 1) { return d }
        if month > 1 {
            for last in stride(from: 31, through: 28, by: -1) {
                if let d = CalendarDate(year: year, month: month - 1, day: last) { return d }
            }
        }
        return CalendarDate(year: year - 1, month: 12, day: 31) ?? self
    }

    var nextDay: CalendarDate {
        if let d = CalendarDate(year: year, month: month, day: day + 1) { return d }
        if let d = CalendarDate(year: year, month: month + 1, day: 1) { return d }
        return CalendarDate(year: year + 1, month: 1, day: 1) ?? self
    }
}
