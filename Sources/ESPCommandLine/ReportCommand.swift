import AdviceWorkflows
import ArgumentParser
import Foundation

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
        let advisor = try dataOptions.advisor()
        let printer = SheetPrinter(
            advisor: advisor, language: lang, secondLanguage: secondLanguage,
            creationDate: Environment.creationDate(), overwrite: force)
        let progress = ProgressBar(total: paths.count, visible: Environment.standardErrorIsTerminal && paths.count > 1)
        let text = try dataOptions.staff(advisor)
        let batch = try printer.printAll(
            visitPaths: paths, file: output, folder: outDir ?? ".", jobs: jobs, text: text, step: progress.step)
        progress.finish()
        // The advisor's warnings reach the clerk who prints, named by visit.
        for sheet in batch.printed {
            for warning in sheet.warnings {
                Output.error(
                    "esp: warning: "
                        + text("batch.warning", ["visitId": .text(sheet.visitId), "message": .text(warning)]))
            }
        }
        for failure in batch.failures { Output.error("esp: \(failure)") }
        if !batch.failures.isEmpty { throw WorkflowError.failed(summary: batch.summary) }
        if paths.count > 1 { Output.error("esp: \(batch.summary)") }
    }
}
