import AdviceLocalization
import AdviceReport
import EnergyAdvice
import VisitRecords

/// A subject-access disclosure as a printable document, laid out like the programme report (title, key facts,
/// sections): what is held about the household, who read or changed it, and its rights. Unlike the programme
/// report it is full of personal data — it is made for the household alone.
public struct DisclosureReportBuilder: Sendable {
    /// The texts, in the language of whoever reads it out to the household (the office's).
    public let text: StaffText
    /// The city's retention period in calendar years after the last contact, when its file gives one.
    public let retentionYears: Int?

    /// A builder.
    public init(text: StaffText, retentionYears: Int?) {
        self.text = text
        self.retentionYears = retentionYears
    }

    /// The document.
    public func report(_ d: HouseholdDisclosure) -> ProgrammeReport {
        let v = d.visit
        let none = text("disclosure.none")
        let madeOn = CalendarDate(iso: String(d.madeAt.prefix(10)))
        var facts: [ProgrammeReport.KeyFigure] = [
            .init(label: text("disclosure.fact.visit"), value: date(v.date)),
            .init(label: text("disclosure.fact.city"), value: v.city),
            .init(label: text("disclosure.fact.advisor"), value: v.advisor ?? none),
        ]
        if let by = d.registeredBy { facts.append(.init(label: text("disclosure.fact.registeredBy"), value: by)) }
        if !d.assignedTo.isEmpty {
            facts.append(.init(label: text("disclosure.fact.assignedTo"), value: d.assignedTo.joined(separator: ", ")))
        }
        facts += [
            .init(label: text("disclosure.fact.added"), value: day(v.addedAt)),
            .init(label: text("disclosure.fact.followUps"), value: "\(d.followUps.count)"),
            .init(label: text("disclosure.fact.accesses"), value: "\(d.audit.count)"),
        ]
        var sections: [ProgrammeReport.Section] = []
        if let documents = v.documents {
            sections.append(
                .init(heading: text("disclosure.section.visit"), lines: codeLines(documents.visitJSON)))
        } else if let forgotten = v.forgottenAt {
            sections.append(
                .init(
                    heading: text("disclosure.section.visit"),
                    lines: [text("disclosure.forgotten", ["date": .text(day(forgotten))])]))
        }
        sections.append(
            .init(
                heading: text("disclosure.section.figures"),
                lines: [
                    text("disclosure.figures.electricity", ["kWh": text.number(v.electricityKWh)]),
                    text(
                        "disclosure.figures.saving",
                        ["saving": text.money(v.totals.savingEUR), "co2": text.number(v.totals.co2Kg)]),
                ] + v.measures.map { "\(text.measure($0.kind)): \(kWh($0.electricityKWh + $0.heatKWh))" }))
        sections.append(
            .init(
                heading: text("disclosure.section.followUps"),
                lines: d.followUps.isEmpty ? [none] : d.followUps.map(followUp)))
        if !d.history.isEmpty {
            sections.append(
                .init(
                    heading: text("disclosure.section.history"),
                    lines: d.history.map { change in
                        text(
                            "disclosure.history",
                            [
                                "changed": .text(day(change.changedAt)),
                                "kind": .text(text("disclosure.history.\(change.kind.rawValue)")),
                            ].merging(figures(change.previous)) { a, _ in a })
                    }))
        }
        sections.append(
            .init(heading: text("disclosure.section.audit"), lines: d.audit.map { AuditText(text: text).line($0) }))
        var rights = [
            text("disclosure.rights.correct"), text("disclosure.rights.erase"), text("disclosure.rights.complain"),
        ]
        if let years = retentionYears {
            let last = max(v.date, d.followUps.last?.date ?? v.date)
            rights.append(
                text(
                    "disclosure.retention",
                    [
                        "date": text.date(Retention.lastDayKept(lastContact: last, years: years)),
                        "years": text.count(years),
                    ]))
        }
        sections.append(.init(heading: text("disclosure.section.rights"), lines: rights))
        return ProgrammeReport(
            language: text.language, title: text("disclosure.title"),
            subtitle: text(
                "disclosure.subtitle",
                [
                    "visitId": .text(v.visitId), "register": .text(d.register),
                    "date": madeOn.map { text.date($0) } ?? .text(d.madeAt),
                ]),
            keyFiguresHeading: text("disclosure.facts"), keyFigures: facts, charts: [], sections: sections,
            footer: text("disclosure.footer"))
    }

    func date(_ day: CalendarDate) -> String {
        if case .text(let shown) = text.date(day) { return shown }
        return day.description
    }

    /// The day of a stored time (`2026-12-01T10:00:00Z`), in the language's form.
    func day(_ time: String) -> String {
        CalendarDate(iso: String(time.prefix(10))).map(date) ?? time
    }

    func kWh(_ value: Double) -> String {
        if case .number(_, let shown, _) = text.number(value) { return "\(shown) kWh" }
        return "\(value) kWh"
    }

    func figures(_ r: FollowUpRecord) -> [String: MessageArgument] {
        let dash = MessageArgument.text("–")
        return [
            "date": text.date(r.date),
            "meter": r.meterNowKWh.map { text.number($0) } ?? dash,
            "used": r.electricityKWhSinceVisit.map { text.number($0) } ?? dash,
            "heating": r.heatingKWhPerYear.map { text.number($0) } ?? dash,
            "implemented": .text(
                r.implemented.isEmpty
                    ? text("disclosure.none") : r.implemented.map(text.measure).joined(separator: ", ")),
        ]
    }

    func followUp(_ r: FollowUpRecord) -> String { text("disclosure.followUp", figures(r)) }

    /// The stored JSON, pretty, each line at most 96 characters (a long note wraps).
    func codeLines(_ json: String) -> [String] {
        json.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            var rest = Substring(line)
            var lines: [String] = []
            while rest.count > 96 {
                lines.append(String(rest.prefix(96)))
                rest = rest.dropFirst(96)
            }
            lines.append(String(rest))
            return lines
        }
    }
}

/// The audit log's lines as staff read them.
public struct AuditText: Sendable {
    /// The staff's texts.
    public let text: StaffText

    /// Texts in a staff language.
    public init(text: StaffText) { self.text = text }

    /// `2026-12-01 10:00 UTC  anna  angesehen`.
    public func line(_ event: AuditEvent) -> String {
        let at = event.at.replacingFirst("T", with: " ").replacingFirst("Z", with: " UTC")
        var arguments: [String: MessageArgument] = [
            "at": .text(at), "actor": .text(event.actor), "action": .text(text("audit.\(event.action.rawValue)")),
        ]
        guard let detail = event.detail else { return text("register.audit.line", arguments) }
        arguments["detail"] = .text(detail)
        return text("register.audit.lineDetail", arguments)
    }

    /// The log of one household as the terminal shows it.
    public func log(visitId: String, _ events: [AuditEvent]) -> String {
        guard !events.isEmpty else { return text("register.audit.empty", ["visitId": .text(visitId)]) + "\n" }
        return
            ([text("register.audit.head", ["visitId": .text(visitId), "count": text.count(events.count)])]
            + events.map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let index = firstIndex(of: target) else { return self }
        return String(self[..<index]) + replacement + String(self[self.index(after: index)...])
    }
}
