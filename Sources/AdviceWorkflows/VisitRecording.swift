import AdviceData
import AdviceLocalization
import EnergyAdvice
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
    static func conclude(
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

    /// Starts a new visit's interview; `output` is the visit file to write (its draft beside it), nil for the
    /// questionnaire's choice; `prefill` answers questions in advance (`city`, `language`).
    public static func start(
        setup: QuestionnaireSetup, output: String?, prefill: [String: String], prompter: inout some Prompter,
        onDraft: (String) -> Void
    ) throws(WorkflowError) -> (message: String, visitPath: String?) {
        try conclude { () throws(QuestionnaireError) in
            try VisitInterview(setup: setup).start(
                output: output, prefill: prefill, prompter: &prompter, onDraft: onDraft)
        }
    }

    /// Continues an interview from its draft file.
    public static func resume(
        setup: QuestionnaireSetup, draftPath: String, output: String?, prompter: inout some Prompter,
        onDraft: (String) -> Void
    ) throws(WorkflowError) -> (message: String, visitPath: String?) {
        try conclude { () throws(QuestionnaireError) in
            try VisitInterview(setup: setup).resume(
                draftPath: draftPath, output: output, prompter: &prompter, onDraft: onDraft)
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
}
