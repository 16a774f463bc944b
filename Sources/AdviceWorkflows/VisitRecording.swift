import AdviceData
import AdviceLocalization
import EnergyAdvice
import SafeFiles
import VisitQuestionnaire

/// Recording a visit in the household's kitchen: the use cases around the questionnaire of `esp visit`.
public enum VisitRecording {
    /// Today, the cities and languages of the data folder, and its reference data for plausibility warnings.
    ///
    /// The questionnaire works offline without a data folder too (any well-formed city id and language; rules of
    /// thumb for warnings), so a missing or broken folder is a warning here — unless one was named explicitly.
    public static func setup(
        today: CalendarDate, explicitData: String?, environment: [String: String],
        executablePath: String?,
        warn: (String) -> Void
    ) throws(WorkflowError) -> QuestionnaireSetup {
        var setup = QuestionnaireSetup(today: today)
        let data: DataDirectory
        do {
            data = try DataDirectory.locate(
                explicit: explicitData, environment: environment,
                executablePath: executablePath)
        } catch {
            if explicitData != nil { throw .data(error) }
            warn("warning: no data folder found; any city id is accepted and warnings use rules of thumb")
            return setup
        }
        setup.cities = data.tariffs.cityIDs()
        setup.languages = LocaleLibrary(directory: data.localesPath).languages()
        do {
            setup.reference = try data.tariffs.reference()
        } catch {
            warn("warning: the reference data cannot be read, warnings use rules of thumb: \(error.description)")
        }
        return setup
    }

    /// The interview's end as a use case's answer: the saved file and what to tell the advisor (no file when an edit
    /// changed nothing), or an early stop that keeps the draft.
    public static func conclude(
        _ body: () throws(QuestionnaireError) -> InterviewResult
    ) throws(WorkflowError) -> (message: String, visitPath: String?) {
        let result: InterviewResult
        do {
            result = try body()
        } catch {
            throw .visit(error)
        }
        switch result {
        case .saved(let path, _): return (result.message, path)
        case .unchanged: return (result.message, nil)
        case .stopped, .editStopped: throw .interviewStopped(message: result.message)
        }
    }

    /// `esp visit edit FILE`: changes a finished visit file with the questionnaire and replaces it after the recap.
    public static func edit(
        visitPath: String, setup: QuestionnaireSetup, prompter: inout some Prompter, onDraft: (String) -> Void
    ) throws(WorkflowError) -> (message: String, visitPath: String?) {
        try conclude { () throws(QuestionnaireError) in
            try VisitInterview(setup: setup).edit(visitPath: visitPath, prompter: &prompter, onDraft: onDraft)
        }
    }

    /// After a visit is saved: shows its advice (German, for the advisor) and asks whether to write the household's
    /// sheet beside the visit file. The visit is already safe on disk, so anything going wrong here is a warning.
    /// - Parameters:
    ///   - say: writes a line for the advisor (standard output).
    ///   - ask: shows a question and returns the answer line; nil at the end of input.
    ///   - warn: writes a warning (standard error).
    public static func offerSheet(
        visitPath: String, advisor: Advisor?, creationDate: String,
        say: (String) -> Void, ask: (String) -> String?, warn: (String) -> Void
    ) {
        guard let advisor else { return }
        do throws(WorkflowError) {
            say("")
            say(try advisor.adviceText(visitPath: visitPath, language: VisitRules.languageDefault))
            let pdf = String(visitPath.dropLast(visitPath.hasSuffix(".json") ? 5 : 0)) + ".pdf"
            // A sheet of the visit before an edit would be stale: the question says it is replaced, and a yes does.
            let replacing = FilePath.exists(pdf)
            guard wantsSheet(pdf: pdf, replacing: replacing, say: say, ask: ask) else {
                say("")
                return
            }
            try SheetPrinter(advisor: advisor, creationDate: creationDate, overwrite: true)
                .print(visitPath: visitPath, to: pdf)
            say((replacing ? "Beratungsblatt ersetzt: " : "Beratungsblatt gespeichert: ") + pdf)
        } catch {
            warn("warning: \(error)")
        }
    }

    /// Asks until the answer is yes (or Enter) or no; anything else is asked again, so a typo never silently skips
    /// the sheet. The end of input is a no.
    static func wantsSheet(
        pdf: String, replacing: Bool = false, say: (String) -> Void, ask: (String) -> String?
    ) -> Bool {
        let file = replacing ? "\(pdf) wird ersetzt" : pdf
        while let answer = ask("Beratungsblatt für den Haushalt jetzt schreiben (\(file))? (j/n) [j]: ") {
            if AnswerWords.isYes(answer, defaultYes: true) { return true }
            if AnswerWords.isNo(answer) { return false }
            say("  Nicht übernommen: Bitte „j“ (ja) oder „n“ (nein) eingeben.")
        }
        return false
    }
}
