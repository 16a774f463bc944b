import AdviceWorkflows
import ArgumentParser
import EnergyAdvice
import OfficeReports
import PostgresVisitStore
import RegisterConnection
import VisitRecords

/// `esp register setup`, `push`, `pull`, `audit`, `forget`, `disclose`, `purge`: the office register and the
/// household's rights.
extension RegisterCommand {
    struct Setup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an office register up in a PostgreSQL database, or bring it up to date.",
            discussion: """
                Run once by the register's administrator (a database user who may create tables and roles): makes \
                the tables, the roles esp_advisor, esp_clerk and esp_lead with their row-level security, and the \
                audit log. Running it again changes nothing; after an update of esp it brings the register up to date.
                """)

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() async throws {
            let text = try dataOptions.snapshot(staff: .only([staffLanguage.language])).staff(staffLanguage.language)
            let location = try registerOptions.location()
            _ = try await registerOptions.store(.write)
            Output.line(
                text(
                    "register.setup",
                    ["register": .text(location.description), "version": .text("\(RegisterSchema.version)")]))
        }
    }

    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send this register's visits and follow-ups to the office register.",
            discussion: """
                Each visit arrives whole or not at all. Running push again sends only what is missing: a push cut \
                short (a lost connection, a closed laptop) is finished by running it again, and nothing arrives \
                twice. A visit whose id the office holds for another household, and a follow-up that differs from \
                the office's, are refused and listed; nothing is overwritten.
                """)

        @Option(name: .long, help: ArgumentHelp("The office register.", valueName: "postgresql://USER@HOST:PORT/DB"))
        var to: String

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() async throws {
            let text = try dataOptions.snapshot(staff: .only([staffLanguage.language])).staff(staffLanguage.language)
            // The office first: when it cannot be reached, the laptop's register is not even opened.
            let office = try await RegisterOptions(register: to).store(.write)
            let laptop = try await registerOptions.store(.read)
            let bar = ProgressBar(total: 0, visible: Environment.standardErrorIsTerminal)
            let report = try await RegisterTransfer.send(
                from: laptop, to: office, today: try Environment.today(),
                progress: { done, total in bar.show(done, of: total) })
            bar.finish()
            try TransferText(text: text).print(report, key: "register.push.result", register: office.location)
        }
    }

    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring the office register's follow-ups of your households to this register.",
            discussion: """
                Fetches every household the office lets you see (yours, and those assigned to you) with its \
                follow-ups: new ones are added here, nothing here is overwritten.
                """)

        @Option(name: .long, help: ArgumentHelp("The office register.", valueName: "postgresql://USER@HOST:PORT/DB"))
        var from: String

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() async throws {
            let text = try dataOptions.snapshot(staff: .only([staffLanguage.language])).staff(staffLanguage.language)
            let office = try await RegisterOptions(register: from).store(.read)
            let laptop = try await registerOptions.store(.write)
            let report = try await RegisterTransfer.send(from: office, to: laptop, today: try Environment.today())
            try TransferText(text: text).print(report, key: "register.pull.result", register: office.location)
        }
    }

    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show who read or changed a household's data, and when.")

        @Argument(help: ArgumentHelp("The visit id.", valueName: "ID"))
        var id: String

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() async throws {
            let text = try dataOptions.snapshot(staff: .only([staffLanguage.language])).staff(staffLanguage.language)
            let events = try await Registering.reading(try await registerOptions.store(.read)).auditTrail(visitId: id)
            Output.out(AuditText(text: text).log(visitId: id, events))
        }
    }

    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a household's personal data (GDPR Art. 17); its anonymous figures stay in the totals.")

        @Argument(help: ArgumentHelp("The visit id.", valueName: "ID"))
        var id: String

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() async throws {
            let text = try dataOptions.snapshot(staff: .only([staffLanguage.language])).staff(staffLanguage.language)
            let at = try await Registering.reading(try await registerOptions.store(.read)).forget(visitId: id)
            let day = CalendarDate(iso: String(at.prefix(10)))
            Output.line(
                text("register.forgotten", ["visitId": .text(id), "date": day.map { text.date($0) } ?? .text(at)]))
        }
    }

    struct Disclose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write everything held about a household (GDPR Art. 15), as JSON and as a readable PDF.",
            discussion: """
                Writes ID-disclosure.json and ID-disclosure.pdf into --output-folder (mode 0600: they hold the \
                household's personal data). The disclosure is recorded in the register's audit log.
                """)

        @Argument(help: ArgumentHelp("The visit id.", valueName: "ID"))
        var id: String

        @Option(name: .customLong("output-folder"), help: ArgumentHelp("Where to write the files.", valueName: "DIR"))
        var outputFolder: String = "."

        @Flag(name: .long, help: "Overwrite existing files.")
        var force = false

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() async throws {
            let store = try await registerOptions.store(.read)
            let disclosure = try await Registering.reading(store).disclose(visitId: id)
            let data = try dataOptions.snapshot(
                cities: .only([disclosure.visit.city]), staff: .only([staffLanguage.language]))
            let text = try data.staff(staffLanguage.language)
            let register = Registering(store: store, advising: Advising(data: data))
            let pdf = try register.disclosurePDF(
                disclosure, staffLanguage: staffLanguage.language, creationDate: Environment.creationDate())
            try FileOutput.folder(outputFolder)
            let base = outputFolder.hasSuffix("/") ? outputFolder : outputFolder + "/"
            let json = base + "\(id)-disclosure.json"
            let pdfPath = base + "\(id)-disclosure.pdf"
            try FileOutput.write(Array(disclosure.json().utf8), to: json, replacing: force)
            try FileOutput.write(pdf.bytes, to: pdfPath, replacing: force)
            Output.line(text("register.disclosed", ["visitId": .text(id), "files": .text("\(json), \(pdfPath)")]))
        }
    }

    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the personal data of households whose city's retention period has ended.",
            discussion: """
                The period is each city file's <retention> (with its legal source): to the end of the Nth calendar \
                year after a household's last visit or follow-up. Their anonymous figures stay, so the council's \
                totals do not change. Says what it deleted; run it every January.
                """)

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func run() async throws {
            let store = try await registerOptions.store(.read)
            let cities = try await Registering.reading(store).visitCities()
            let data = try dataOptions.snapshot(cities: .only(Set(cities)), staff: .only([staffLanguage.language]))
            let text = try data.staff(staffLanguage.language)
            let results = try await Registering(store: store, advising: Advising(data: data)).purge(
                today: try Environment.today())
            var total = 0
            for result in results {
                guard let rule = result.rule, let cutoff = result.cutoff else {
                    Output.line(text("register.purge.noRule", ["city": .text(result.city)]))
                    continue
                }
                Output.line(
                    text(
                        "register.purge.rule",
                        [
                            "city": .text(result.city), "years": text.count(rule.value),
                            "source": .text(rule.source.id), "cutoff": text.date(cutoff),
                        ]))
                for visit in result.purged {
                    Output.line(
                        text(
                            "register.purge.line",
                            ["visitId": .text(visit.visitId), "date": text.date(visit.lastContact)]))
                }
                total += result.purged.count
            }
            Output.line(text("register.purge.total", ["count": text.count(total)]))
        }
    }
}

/// What a push or pull did, in the staff's words: a summary line, then each conflict.
struct TransferText {
    let text: StaffText

    func print(_ report: RegisterTransfer.Report, key: String, register: String) throws(CommandFailure) {
        Output.line(
            text(
                key,
                [
                    "sent": text.count(report.outcomes.count), "received": text.count(report.outcomes.count),
                    "added": text.count(report.added), "present": text.count(report.present),
                    "followUps": text.count(report.followUpsAdded), "register": .text(register),
                ]))
        for outcome in report.outcomes {
            if case .refused(let refusal) = outcome.visit {
                Output.error(
                    "esp: "
                        + text(
                            "register.transfer.refused",
                            ["visitId": .text(outcome.visitId), "reason": .text(reason(refusal))]))
            }
            for conflict in outcome.followUpConflicts {
                let why: String
                switch conflict.reason {
                case .differs: why = text("register.conflict.followUpDiffers")
                case .rule(let problem): why = problem.description
                }
                Output.error(
                    "esp: "
                        + text(
                            "register.transfer.followUpRefused",
                            ["visitId": .text(outcome.visitId), "date": text.date(conflict.date), "reason": .text(why)])
                )
            }
        }
        if report.conflicts > 0 {
            throw CommandFailure(summary: text("register.transfer.conflicts", ["count": text.count(report.conflicts)]))
        }
    }

    func reason(_ refusal: TransferRefusal) -> String {
        switch refusal {
        case .otherVisit(let registered?):
            text(
                "register.conflict.otherVisit",
                [
                    "date": text.date(registered.date), "city": .text(registered.city),
                    "advisor": .text(registered.advisor.map { ", \($0)" } ?? ""),
                ])
        case .otherVisit(nil):
            text("register.conflict.otherVisitUnseen")
        case .forgotten(let at):
            text(
                "register.conflict.forgotten",
                ["date": CalendarDate(iso: String(at.prefix(10))).map { text.date($0) } ?? .text(at)])
        }
    }
}
