import AdviceReport
import AdviceWorkflows
import ArgumentParser
import EnergyAdvice
import SafeFiles
import VisitQuestionnaire

/// `esp visit new` and `esp visit resume`: record a household visit with the interactive questionnaire.
struct VisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit",
        abstract: "Record or change a household visit with an interactive questionnaire (in German, for the advisor).",
        discussion: """
            Every answer is saved at once to a draft file (mode 0600) beside the visit file: Ctrl-C, a killed process \
            or the end of input keep it, and `esp visit resume DRAFT` continues where it stopped. Answers may be piped \
            in, one per line: an empty line takes the default shown in [ ], "<" goes back one question, "-" leaves an \
            optional value out. Before saving, a recap of the household is shown: Enter saves, the number of an answer \
            changes it. The finished visit is an esp-visit/1 file (mode 0600); an existing file is never replaced, \
            except by `esp visit edit FILE`, after its recap.

            Exit status: 0 the visit was written (or an edit left it unchanged); 3 the input ended before the recap was \
            confirmed (the draft is kept); 1 error.
            """,
        subcommands: [New.self, Resume.self, Edit.self]
    )

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Start a new visit.",
            discussion: "Without -o the draft is esp-visit-YYYY-MM-DD.draft here and the visit becomes VISITID.json. "
                + "The proposed visit id is the name of FILE, else the city's prefix, the date and the next running "
                + "number that no visit file in the folder has (NUE-2026-12-01-01)."
        )

        @Option(
            name: .long,
            help: ArgumentHelp("City id of the tariffs, e.g. nuernberg (answers that question).", valueName: "CITY"))
        var city: String?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Language of the household's sheet, e.g. de, ru, tr (answers that question).", valueName: "LANG"))
        var lang: String?

        @Option(
            name: [.short, .customLong("output")],
            help: ArgumentHelp("The visit file to write; the draft is FILE.draft.", valueName: "FILE"))
        var output: String?

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            var prefill: [String: String] = [:]
            if let city { prefill["city"] = city }
            if let lang { prefill["language"] = lang }
            var prompter = TerminalPrompter()
            let saved = try VisitRecording.start(
                setup: try setup(dataOptions), output: output, prefill: prefill, prompter: &prompter,
                onDraft: announceInterrupt)
            offerSheet(saved, dataOptions)
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resume",
            abstract: "Continue a visit from its draft file.",
            discussion:
                "Without -o, visit.json.draft becomes visit.json; any other draft becomes VISITID.json beside it. "
                + "A draft that is corrupt or of another kind is reported and left as it is."
        )

        @Argument(help: ArgumentHelp("The draft file (esp-visit-draft/1).", valueName: "DRAFT"))
        var draft: String

        @Option(
            name: [.short, .customLong("output")], help: ArgumentHelp("The visit file to write.", valueName: "FILE"))
        var output: String?

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            var prompter = TerminalPrompter()
            let saved = try VisitRecording.resume(
                setup: try setup(dataOptions), draftPath: draft, output: output, prompter: &prompter,
                onDraft: announceInterrupt)
            offerSheet(saved, dataOptions)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a finished visit file.",
            discussion:
                "Replays FILE into the questionnaire and shows its recap; type the number or id of an answer to change "
                + "it. Changes are saved to FILE.draft after every answer; FILE is replaced only after the recap is "
                + "confirmed, and an interrupted edit continues from the draft."
        )

        @Argument(help: ArgumentHelp("The visit file (esp-visit/1).", valueName: "FILE"))
        var file: String

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            var prompter = TerminalPrompter()
            let saved = try VisitRecording.edit(
                visitPath: file, setup: try setup(dataOptions), prompter: &prompter
            ) { draft in
                InterruptNotice.install("Unterbrochen. " + VisitInterview.editHint(draftPath: draft, visitPath: file))
            }
            offerSheet(saved, dataOptions)
        }
    }
}

private func setup(_ options: DataOptions) throws -> QuestionnaireSetup {
    try VisitRecording.setup(
        today: Environment.today(), explicitData: options.data,
        environment: Environment.variables, executablePath: Environment.executablePath
    ) {
        Output.error("esp: \($0)")
    }
}

/// Prints the saved visit's message, then its advice (German, for the advisor), and offers the household's sheet
/// beside the visit file. The visit is already safe on disk, so anything going wrong here is a warning.
private func offerSheet(_ saved: (message: String, visitPath: String?), _ options: DataOptions) {
    Output.line(saved.message)
    guard let visitPath = saved.visitPath else { return }
    do throws(WorkflowError) {
        let visit = try VisitFile.read(visitPath)
        let languages = Set([visit.language ?? VisitRules.languageDefault, VisitRules.languageDefault])
        let advising = Advising(data: try options.snapshot(cities: .only([visit.city]), languages: .only(languages)))
        let advised = try advising.advise(visit, source: visitPath)
        Output.out("\n")
        Output.out(
            AdviceText.render(try advising.sheet(advised, language: VisitRules.languageDefault, audience: .office)))
        let pdf = String(visitPath.dropLast(visitPath.hasSuffix(".json") ? 5 : 0)) + ".pdf"
        guard SheetQuestion.wantsSheet(pdf: pdf, exists: FilePath.exists(pdf), ask: ask, say: say) else {
            Output.out("\n")
            return
        }
        // The advisor said yes to this file: a sheet of an earlier version of the visit is replaced.
        let sheet = try advising.pdf(advised, creationDate: Environment.creationDate())
        try FileOutput.write(sheet.pdf.bytes, to: pdf, replacing: true)
        Output.line("Beratungsblatt gespeichert: \(pdf)")
    } catch {
        Output.error("esp: warning: \(ErrorWords(error).message)")
    }
}

private func say(_ line: String) { Output.out(line.hasSuffix("\n") ? line : line + "\n") }

private func ask(_ question: String) -> String? {
    Output.out(question)
    return readLine()
}

/// From now on, Ctrl-C and SIGTERM print where the draft is before the process ends.
private func announceInterrupt(_ draftPath: String) {
    InterruptNotice.install("Unterbrochen. " + VisitInterview.resumeHint(draftPath: draftPath))
}
