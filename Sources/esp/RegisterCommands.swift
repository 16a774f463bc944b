import AdviceData
import AdviceReport
import ArgumentParser
import EnergyAdvice
import Foundation
import VisitRegister

/// `--register FILE`, shared by every command that reads or writes the visit register.
struct RegisterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The register database (default: $XDG_DATA_HOME/esp/register.sqlite).", valueName: "FILE"))
    var register: String?

    func open() throws -> VisitRegister {
        try registerCall { () throws(RegisterError) in
            let path: String
            if let register { path = register } else { path = try VisitRegister.defaultPath() }
            return try VisitRegister.open(path: path)
        }
    }
}

/// Prints a register error for the advisor or clerk and exits with 1.
func registerCall<T>(_ body: () throws(RegisterError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        Output.error("esp: \(error.description)")
        throw ExitCode(1)
    }
}

/// Parses `YYYY-MM-DD` for an option, with the option's name in the error.
func calendarDate(_ text: String?, option: String) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let date = CalendarDate(iso: text) else { throw ValidationError("\(option) \"\(text)\" is not a date; use YYYY-MM-DD.") }
    return date
}

struct Register: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Keep advised visits in the register, list, show and export them.",
        subcommands: [Add.self, List.self, Show.self, Export.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add visit files with their advice; re-adding a visit id updates it.",
            discussion: "Each file is imported in one transaction: a bad file imports nothing and is reported, the others still import."
        )

        @Argument(help: ArgumentHelp("Visit files (esp-visit/1 JSON), or folders of them.", valueName: "VISIT"))
        var visits: [String]

        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            let register = try registerOptions.open()
            let session = AdviceSession(data: try dataOptions.locate())
            let results = register.add(visitPaths: try VisitArguments.files(visits), session: session)
            var failed = 0
            for result in results {
                switch result.outcome {
                case .added(let id): print("added \(id) (\(result.path))")
                case .updated(let id): print("updated \(id) (\(result.path))")
                case .failed(let error):
                    failed += 1
                    Output.error("esp: \(error.description)")
                }
            }
            if failed > 0 {
                Output.error("esp: \(results.count - failed) of \(results.count) visits imported, \(failed) failed")
                throw ExitCode(1)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registered visits.")

        @OptionGroup var registerOptions: RegisterOptions

        func run() throws {
            let register = try registerOptions.open()
            let visits = try registerCall { () throws(RegisterError) in try register.list() }
            for visit in visits {
                print([visit.visitId, visit.date.description, visit.city, visit.language,
                       "\(visit.persons) persons", "\(Self.plain(visit.totals.savingEUR)) €/year",
                       visit.isFollowedUp ? "followed up" : "no follow-up"].joined(separator: "  "))
            }
            if visits.isEmpty { print("the register is empty") }
        }

        static func plain(_ x: Double) -> String { PlainNumber.fixed(x, decimals: 2) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one registered visit and its follow-ups.")

        @Argument(help: ArgumentHelp("The visit id.", valueName: "ID"))
        var id: String

        @OptionGroup var registerOptions: RegisterOptions

        func run() throws {
            let register = try registerOptions.open()
            let visit = try registerCall { () throws(RegisterError) in try register.show(visitId: id) }
            print("\(visit.visitId): \(visit.date) \(visit.city), language \(visit.language), \(visit.persons) persons, benefit \(visit.benefit.rawValue)")
            print("electricity \(List.plain(visit.electricityKWh)) kWh/year" + (visit.heating.map { ", heating \($0.fuel.rawValue) \(List.plain($0.annualKWh)) kWh/year" + ($0.estimated ? " (estimated)" : "") } ?? ""))
            let t = visit.totals
            print("predicted: \(List.plain(t.electricityKWh)) kWh electricity, \(List.plain(t.heatKWh)) kWh heat, \(List.plain(t.savingEUR)) € (household \(List.plain(t.householdEUR)) €, public \(List.plain(t.publicEUR)) €), \(List.plain(t.co2Kg)) kg CO2")
            for m in visit.measures {
                print("  \(m.kind.rawValue): \(List.plain(m.electricityKWh + m.heatKWh)) kWh, \(List.plain(m.savingEUR)) €")
            }
            for f in visit.followUps {
                var line = "follow-up \(f.date) (\(f.daysSinceVisit) days)"
                if let e = f.electricity { line += ": electricity saved \(List.plain(e.savedKWhPerYear)) kWh/year" }
                if let h = f.heating { line += ", heating saved \(List.plain(h.savedKWhPerYear)) kWh/year" }
                line += "; implemented: " + (f.implemented.isEmpty ? "none" : f.implemented.map(\.rawValue).joined(separator: ", "))
                line += " (predicted \(List.plain(f.predicted.electricityKWh)) kWh electricity, \(List.plain(f.predicted.heatKWh)) kWh heat)"
                print(line)
            }
            print("advice rules version \(visit.rulesVersion), added \(visit.addedAt), updated \(visit.updatedAt)")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the registered visits for analysis: no names, addresses or notes; ids pseudonymised."
        )

        @Option(name: .long, help: "csv or json.")
        var format: ExportFormat = .csv

        @Flag(name: .customLong("with-ids"), help: "Keep the real visit ids instead of pseudonyms.")
        var withIDs = false

        @OptionGroup var registerOptions: RegisterOptions

        func run() throws {
            let register = try registerOptions.open()
            print(try registerCall { () throws(RegisterError) in try register.export(format: format, withIDs: withIDs) }, terminator: "")
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}

struct FollowUp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Record a follow-up visit: meter readings, heating bill and the steps carried out.",
        discussion: "Realised savings are normalised to 365 days and compared with the predicted savings of the implemented steps."
    )

    @Argument(help: ArgumentHelp("The visit id of the advised visit.", valueName: "ID"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Date of the follow-up.", valueName: "YYYY-MM-DD"))
    var date: String

    @Option(name: .customLong("electricity-meter"), help: ArgumentHelp("Electricity meter now, kWh.", valueName: "KWH"))
    var electricityMeter: Double?

    @Option(name: .customLong("meter-at-visit"), help: ArgumentHelp("Electricity meter at the advice visit, kWh (first follow-up).", valueName: "KWH"))
    var meterAtVisit: Double?

    @Option(name: .customLong("heating-kwh"), help: ArgumentHelp("Heating kWh of a full year after the advice.", valueName: "KWH"))
    var heatingKWh: Double?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Steps carried out, e.g. led,standby,showerhead.", valueName: "IDS"))
    var implemented: [String] = []

    @OptionGroup var registerOptions: RegisterOptions

    func run() throws {
        guard let day = try calendarDate(date, option: "--date") else { return }
        let kinds = try implemented.flatMap { $0.split(separator: ",") }.map { raw -> MeasureKind in
            guard let kind = MeasureKind(rawValue: String(raw)) else {
                throw ValidationError("--implemented \"\(raw)\" is not a step; allowed: \(MeasureKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        }
        let register = try registerOptions.open()
        let result = try registerCall { () throws(RegisterError) in
            try register.followUp(visitId: id, date: day, meterAtVisitKWh: meterAtVisit, meterNowKWh: electricityMeter,
                                  heatingKWhPerYear: heatingKWh, implemented: kinds)
        }
        if let e = result.electricity {
            print("electricity: \(Register.List.plain(e.afterKWhPerYear)) kWh/year now, \(Register.List.plain(e.savedKWhPerYear)) kWh/year saved (predicted for the implemented steps: \(Register.List.plain(result.predicted.electricityKWh)))")
        }
        if let h = result.heating {
            print("heating: \(Register.List.plain(h.afterKWhPerYear)) kWh/year now, \(Register.List.plain(h.savedKWhPerYear)) kWh/year saved (predicted: \(Register.List.plain(result.predicted.heatKWh)))")
        } else if heatingKWh != nil {
            print("heating: no saving counted: the heating at the visit was an estimate, not a bill")
        }
        print("follow-up of \(id) on \(day) recorded")
    }
}

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Programme totals for the council report: households, kWh, €, t CO2, by measure, language and benefit."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Option(name: .long, help: ArgumentHelp("First visit date.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last visit date.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(name: .long, help: "Only this city.")
    var city: String?

    @Option(name: .long, help: "text, csv or json.")
    var format: Format = .text

    @OptionGroup var registerOptions: RegisterOptions

    func run() throws {
        let from = try calendarDate(self.from, option: "--from")
        let to = try calendarDate(self.to, option: "--to")
        let register = try registerOptions.open()
        let summary = try registerCall { () throws(RegisterError) in try register.summary(from: from, to: to, city: city) }
        switch format {
        case .json: print(summary.json(), terminator: "")
        case .csv: print(summary.csv(), terminator: "")
        case .text: print(Self.text(summary), terminator: "")
        }
    }

    static func text(_ s: ProgrammeSummary) -> String {
        let p = s.predicted
        func f(_ x: Double) -> String { PlainNumber.fixed(x, decimals: 2) }
        var lines = [
            "households advised: \(s.householdsAdvised), followed up: \(s.householdsFollowedUp)",
            "predicted per year: electricity \(f(p.electricity.kWh)) kWh / \(f(p.electricity.eur)) € / \(PlainNumber.fixed(p.electricity.co2Tonnes, decimals: 3)) t CO2; heating \(f(p.heating.kWh)) kWh / \(f(p.heating.eur)) € / \(PlainNumber.fixed(p.heating.co2Tonnes, decimals: 3)) t CO2",
            "  total \(f(p.totalEUR)) € (households \(f(p.householdEUR)) €, public purse \(f(p.publicEUR)) €, landlords \(f(p.landlordEUR)) €), \(PlainNumber.fixed(p.co2Tonnes, decimals: 3)) t CO2, water \(f(p.waterM3)) m³",
        ]
        let r = s.realised
        if s.householdsFollowedUp > 0 {
            lines.append("realised per year: electricity \(f(r.electricity.kWh)) kWh (\(r.householdsWithElectricity) households), heating \(f(r.heating.kWh)) kWh (\(r.householdsWithHeating) households), \(f(r.totalEUR)) €")
        }
        lines.append("by measure:")
        lines += s.byMeasure.map { "  \($0.kind.rawValue): \($0.households) households, \(f($0.electricityKWh + $0.heatKWh)) kWh, \(f($0.savingEUR)) €" }
        lines.append("by language:")
        lines += s.byLanguage.map { "  \($0.key): \($0.households) households, \(f($0.savingEUR)) €" }
        lines.append("by benefit:")
        lines += s.byBenefit.map { "  \($0.key): \($0.households) households, \(f($0.savingEUR)) €" }
        lines.append("fridge vouchers: \(s.fridgeVouchers.count), \(f(s.fridgeVouchers.eur)) €")
        return lines.joined(separator: "\n") + "\n"
    }
}
