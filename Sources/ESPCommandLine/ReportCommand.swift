import AdviceData
import AdviceLocalization
import AdviceWorkflows
import ArgumentParser
import EnergyAdvice
import Foundation
import SafeFiles

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the printed advice sheet (PDF, A4) for one or many visits.",
        discussion: """
            Each visit becomes VISITID.pdf in --out-dir (default: the current folder), or the file given with -o for a \
            single visit. Many visits render in parallel; a visit that fails is reported and the others still print. \
            Set SOURCE_DATE_EPOCH for byte-identical output.
            """
    )

    @Argument(help: ArgumentHelp("Visit files (esp-visit/1 JSON), or folders of them.", valueName: "VISIT"))
    var visits: [String]

    @Option(
        name: .long, help: ArgumentHelp("Language of the sheet (default: each visit's language).", valueName: "LANG"))
    var lang: String?

    @Option(
        name: .customLong("second-language"),
        help: ArgumentHelp(
            "Add the office copy in this language on its own pages, with the advisor's warnings and assumptions, e.g. de.",
            valueName: "LANG"))
    var secondLanguage: String?

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("The PDF file, for a single visit.", valueName: "FILE"))
    var output: String?

    @Option(
        name: .customLong("out-dir"),
        help: ArgumentHelp("Folder for the PDFs, one per visit (created when missing).", valueName: "DIR"))
    var outDir: String?

    @Option(name: .long, help: "Sheets rendered at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Overwrite existing PDF files.")
    var force = false

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard !visits.isEmpty else { throw ValidationError("Give at least one visit file.") }
        if output != nil && visits.count > 1 {
            throw ValidationError("-o names one file; use --out-dir for \(visits.count) visits.")
        }
        if output != nil && outDir != nil { throw ValidationError("Use either -o or --out-dir, not both.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        let paths = try VisitFiles.expand(visits)
        if output != nil && paths.count > 1 {
            throw CommandFailure(
                summary: "-o names one file for \(paths.count) visits (a folder stands for all its visit files); "
                    + "use --out-dir")
        }
        // Each file is read once; one that cannot be read is reported and the others still print.
        var readable: [(source: String, visit: Visit)] = []
        var unreadable: [(source: String, error: WorkflowError)] = []
        for path in paths {
            do {
                readable.append((path, try VisitFile.read(path)))
            } catch {
                unreadable.append((path, error))
            }
        }
        var languages = Set([lang, secondLanguage, VisitRules.languageDefault].compactMap { $0 })
        if lang == nil { languages.formUnion(readable.map { $0.visit.language ?? VisitRules.languageDefault }) }
        let advising = Advising(
            data: try dataOptions.snapshot(
                cities: .only(Set(readable.map(\.visit.city))), languages: .only(languages),
                staff: .only([StaffLanguageOption.fromEnvironment])))
        let text = try advising.data.staff(StaffLanguageOption.fromEnvironment)
        let folder = outDir ?? "."
        if output == nil { try FileOutput.folder(folder) }
        let replacing = force
        let single = output
        let progress = ProgressBar(total: paths.count, visible: Environment.standardErrorIsTerminal && paths.count > 1)
        let batch = advising.printAll(
            readable, language: lang, secondLanguage: secondLanguage, creationDate: Environment.creationDate(),
            jobs: jobs,
            deliver: { sheet throws(WorkflowError) in
                let file = single ?? FilePath.join(folder, sheet.visitId + ".pdf")
                try FileOutput.write(sheet.pdf.bytes, to: file, replacing: replacing)
            }, step: progress.step)
        for _ in unreadable { progress.step() }
        progress.finish()
        // The advisor's warnings reach the clerk who prints, named by visit.
        for (visitId, warnings) in batch.printed {
            for warning in warnings {
                Output.error(
                    "esp: warning: " + text("batch.warning", ["visitId": .text(visitId), "message": .text(warning)]))
            }
        }
        let failures = (unreadable + batch.failures).sorted {
            paths.firstIndex(of: $0.source) ?? 0 < paths.firstIndex(of: $1.source) ?? 0
        }
        for (source, error) in failures {
            if case .duplicateVisit(let visitId, let first, let second) = error {
                Output.error(
                    "esp: "
                        + text(
                            "batch.duplicate",
                            ["path": .text(second), "visitId": .text(visitId), "first": .text(first)]))
                continue
            }
            // Every failure names its file, also where the library's message names only a language or city.
            let message = ErrorWords(error).message
            Output.error("esp: " + (message.hasPrefix(source) ? message : "\(source): \(message)"))
        }
        let counts: [String: MessageArgument] = [
            "written": text.count(batch.printed.count), "total": text.count(paths.count),
            "failed": text.count(failures.count),
        ]
        if !failures.isEmpty { throw CommandFailure(summary: text("batch.failed", counts)) }
        if paths.count > 1 { Output.error("esp: " + text("batch.written", counts)) }
    }
}
