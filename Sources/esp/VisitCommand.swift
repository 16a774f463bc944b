import AdviceData
import AdviceLocalization
import AdviceReport
import Foundation
import ArgumentParser
import EnergyAdvice
import VisitQuestionnaire

#if canImport(Glibc)
import Glibc
#endif

/// `esp visit new` and `esp visit resume`: record a household visit with the interactive questionnaire.
///
/// Note: inside the esp module this struct shadows `EnergyAdvice.Visit`; write `EnergyAdvice.Visit` where the
/// visit type is meant.
struct Visit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a household visit with an interactive questionnaire (in German, for the advisor).",
        discussion: """
        Every answer is saved at once to a draft file (mode 0600) beside the visit file: Ctrl-C, a killed process \
        or the end of input keep it, and `esp visit resume DRAFT` continues where it stopped. Answers may be piped \
        in, one per line: an empty line takes the default shown in [ ], "<" goes back one question, "-" leaves an \
        optional value out. The finished visit is an esp-visit/1 file (mode 0600); an existing file is never replaced.

        Exit status: 0 the visit was written; 3 the input ended before the last question (the draft is kept); 1 error.
        """,
        subcommands: [New.self, Resume.self]
    )

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a new visit.",
            discussion: "Without -o the draft is esp-visit-YYYY-MM-DD.draft here and the visit becomes VISITID.json."
        )

        @Option(name: .long, help: ArgumentHelp("City id of the tariffs, e.g. nuernberg (answers that question).", valueName: "CITY"))
        var city: String?

        @Option(name: .long, help: ArgumentHelp("Language of the household's sheet, e.g. de, ru, tr (answers that question).", valueName: "LANG"))
        var lang: String?

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The visit file to write; the draft is FILE.draft.", valueName: "FILE"))
        var output: String?

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            let interview = VisitInterview(setup: try questionnaireSetup(dataOptions))
            var prefill: [String: String] = [:]
            if let city { prefill["city"] = city }
            if let lang { prefill["language"] = lang }
            var prompter = TerminalPrompter()
            try conclude(dataOptions) { () throws(QuestionnaireError) in
                try interview.start(output: output, prefill: prefill, prompter: &prompter, onDraft: announceInterrupt)
            }
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Continue a visit from its draft file.",
            discussion: "Without -o, visit.json.draft becomes visit.json; any other draft becomes VISITID.json beside it. "
                + "A draft that is corrupt or of another kind is reported and left as it is."
        )

        @Argument(help: ArgumentHelp("The draft file (esp-visit-draft/1).", valueName: "DRAFT"))
        var draft: String

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The visit file to write.", valueName: "FILE"))
        var output: String?

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            let interview = VisitInterview(setup: try questionnaireSetup(dataOptions))
            var prompter = TerminalPrompter()
            try conclude(dataOptions) { () throws(QuestionnaireError) in
                try interview.resume(draftPath: draft, output: output, prompter: &prompter, onDraft: announceInterrupt)
            }
        }
    }
}

/// Today, the cities and languages of the data folder, and its reference data for plausibility warnings.
///
/// The questionnaire works offline without a data folder too (any well-formed city id and language; rules of
/// thumb for warnings), so a missing or broken folder is a warning here, not an error.
private func questionnaireSetup(_ options: DataOptions) throws -> QuestionnaireSetup {
    let today = try Environment.today()
    var setup = QuestionnaireSetup(today: today)
    let data: DataDirectory
    do {
        data = try DataDirectory.locate(explicit: options.data, environment: Environment.variables,
                                        executablePath: Environment.executablePath)
    } catch {
        if options.data != nil {
            Output.error("esp: \(error.description)")
            throw ExitCode(1)
        }
        Output.error("esp: warning: no data folder found; any city id is accepted and warnings use rules of thumb")
        return setup
    }
    setup.cities = data.tariffs.cityIDs()
    setup.languages = LocaleLibrary(directory: data.localesPath).languages()
    do {
        setup.reference = try data.tariffs.reference()
    } catch {
        Output.error("esp: warning: the reference data cannot be read, warnings use rules of thumb: \(error.description)")
    }
    return setup
}

/// Prints the result: the saved file and its advice on standard output, then offers the sheet; an early end on
/// standard error with exit status 3.
private func conclude(_ options: DataOptions, _ body: () throws(QuestionnaireError) -> InterviewResult) throws {
    let result: InterviewResult
    do {
        result = try body()
    } catch {
        Output.error("esp: \(error.description)")
        throw ExitCode(1)
    }
    switch result {
    case .saved(let path, _):
        print(result.message)
        offerSheet(visitPath: path, options)
    case .stopped:
        Output.error(result.message)
        throw ExitCode(3)
    }
}

/// From now on, Ctrl-C and SIGTERM print where the draft is before the process ends.
private func announceInterrupt(_ draftPath: String) {
    InterruptNotice.install("Unterbrochen. " + VisitInterview.resumeHint(draftPath: draftPath))
}

/// The local calendar day (the advisor's laptop clock and zone).
/// Shows the advice for the saved visit (German, for the advisor) and asks whether to write the household's sheet.
/// The visit is already safe on disk, so anything going wrong here is a warning, never a lost visit.
private func offerSheet(visitPath: String, _ options: DataOptions) {
    let data: DataDirectory
    do {
        data = try DataDirectory.locate(explicit: options.data, environment: Environment.variables,
                                        executablePath: Environment.executablePath)
    } catch {
        Output.error("esp: warning: no advice shown: \(error.description)")
        return
    }
    let session = AdviceSession(data: data)
    do {
        let (advice, city) = try session.advise(visitPath: visitPath)
        let localizer = try LocaleLibrary(directory: data.localesPath).localizer(language: "de")
        print("")
        print(AdviceText.render(SheetBuilder(localizer: localizer).build(advice, office: city.office, audience: .office)),
              terminator: "")
        let pdf = String(visitPath.dropLast(visitPath.hasSuffix(".json") ? 5 : 0)) + ".pdf"
        print("Beratungsblatt für den Haushalt jetzt schreiben (\(pdf))? (j/n) [j]: ", terminator: "")
        guard let answer = readLine(), ["", "j", "ja", "y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
            print("")
            return
        }
        let batch = SheetBatch(session: session, language: nil, secondLanguage: nil, creationDate: Report.creationDate(), force: false)
        try batch.render(visit: visitPath, output: pdf, folder: ".")
        print("Beratungsblatt gespeichert: \(pdf)")
    } catch {
        Output.error("esp: warning: \(error)")
    }
}
