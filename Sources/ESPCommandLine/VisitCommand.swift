import AdviceWorkflows
import ArgumentParser
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
            let interview = VisitInterview(setup: try setup(dataOptions))
            var prefill: [String: String] = [:]
            if let city { prefill["city"] = city }
            if let lang { prefill["language"] = lang }
            var prompter = TerminalPrompter()
            let saved = try VisitRecording.conclude { () throws(QuestionnaireError) in
                try interview.start(output: output, prefill: prefill, prompter: &prompter, onDraft: announceInterrupt)
            }
            offerSheet(saved, dataOptions)
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            let interview = VisitInterview(setup: try setup(dataOptions))
            var prompter = TerminalPrompter()
            let saved = try VisitRecording.conclude { () throws(QuestionnaireError) in
                try interview.resume(draftPath: draft, output: output, prompter: &prompter, onDraft: announceInterrupt)
            }
            offerSheet(saved, dataOptions)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
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

private func setup(_ options: DataOptions) throws(WorkflowError) -> QuestionnaireSetup {
    try VisitRecording.setup(
        today: Environment.today(), explicitData: options.data,
        environment: Environment.variables, executablePath: Environment.executablePath
    ) {
        Output.error("esp: \($0)")
    }
}

/// Prints the saved visit's message, then its advice, and offers the household's sheet.
private func offerSheet(_ saved: (message: String, visitPath: String?), _ options: DataOptions) {
    Output.line(saved.message)
    guard let visitPath = saved.visitPath else { return }
    let advisor: Advisor?
    do {
        advisor = try options.advisor()
    } catch {
        Output.error("esp: warning: no advice shown: \(error)")
        advisor = nil
    }
    VisitRecording.offerSheet(
        visitPath: visitPath, advisor: advisor, creationDate: Environment.creationDate(),
        say: { Output.out($0.hasSuffix("\n") ? $0 : $0 + "\n") },
        ask: { question in
            Output.out(question)
            return readLine()
        },
        warn: { Output.error("esp: \($0)") })
}

/// From now on, Ctrl-C and SIGTERM print where the draft is before the process ends.
private func announceInterrupt(_ draftPath: String) {
    InterruptNotice.install("Unterbrochen. " + VisitInterview.resumeHint(draftPath: draftPath))
}
