import AdviceData
import EnergyAdvice
import SafeFiles

/// How an interview ended, with the message for the advisor.
public enum InterviewResult: Sendable, Equatable {
    /// The visit file was written (mode 0600) and the draft removed.
    case saved(visitPath: String, visit: Visit)
    /// The input ended before the last question; every answer is in the draft.
    case stopped(draftPath: String)
    /// An edit ended before it was confirmed; the file is unchanged and the changes are in the draft.
    case editStopped(draftPath: String, visitPath: String)
    /// An edit was called off; the file is unchanged and the draft removed.
    case unchanged(visitPath: String)

    /// What to tell the advisor, in German.
    public var message: String {
        switch self {
        case .saved(let path, _):
            "Besuch gespeichert: \(path)"
        case .stopped(let draft):
            "Eingabe beendet. " + VisitInterview.resumeHint(draftPath: draft)
        case .editStopped(let draft, let visit):
            "Eingabe beendet. " + VisitInterview.editHint(draftPath: draft, visitPath: visit)
        case .unchanged(let visit):
            "Nichts geändert: \(visit)"
        }
    }
}

/// A questionnaire with its files: the draft beside the visit file, saved after every answer, and the finished
/// `esp-visit/1` file. This is what `esp visit new` and `esp visit resume` run.
///
/// File names: with an output `visit.json` the draft is `visit.json.draft`; without one the draft is
/// `esp-visit-YYYY-MM-DD.draft` (or `-2`, `-3`, …) in `draftDirectory` and the visit becomes `VISITID.json` beside it.
/// No existing file is ever replaced: not by a new draft, not by the visit file.
public struct VisitInterview: Sendable {
    /// The setup of every questionnaire this interview runs.
    public let setup: QuestionnaireSetup

    /// An interview with this setup.
    public init(setup: QuestionnaireSetup) {
        self.setup = setup
    }

    /// Starts a new visit.
    ///
    /// - Parameters:
    ///   - output: the visit file to write; nil for `VISITID.json` beside the draft. Refused at once if it exists.
    ///   - draftDirectory: where the draft goes when there is no output.
    ///   - prefill: answers given in advance by question id (`city`, `language`), used when their question comes up.
    ///   - onDraft: called with the draft's path once it exists, e.g. to tell a signal handler.
    public func start(
        output: String?, draftDirectory: String = ".", prefill: [String: String] = [:],
        prompter: inout some Prompter,
        onDraft: (String) -> Void = { _ in }
    ) throws(QuestionnaireError) -> InterviewResult {
        if let output, FilePath.exists(output) { throw .outputExists(path: output, draftPath: nil) }
        let folder = output.map(FilePath.directory(of:)) ?? draftDirectory
        var setup = setup
        setup.takenVisitIds = VisitFolder.visitIds(in: folder)
        if let output {
            // The file's name is the proposed id, so the id and the file agree; an id another file has is refused now.
            let stem = Self.stem(output)
            if VisitRules.isValidVisitId(stem) {
                if let other = setup.takenVisitIds[stem] {
                    throw .visitIdTaken(id: stem, takenBy: other, output: output)
                }
                setup.proposedVisitId = stem
            }
        }
        try Self.checkPrefill(prefill, setup: setup)
        let questionnaire = Questionnaire(setup: setup)
        let draftPath = try createDraft(questionnaire.draft, output: output, directory: draftDirectory)
        onDraft(draftPath)
        prompter.show(.note("Entwurf: \(draftPath) – jede Antwort wird sofort gespeichert."))
        prompter.show(.note(Self.keys))
        return try run(
            QuestionnaireSession(questionnaire, prefill: prefill), draftPath: draftPath, output: output,
            folder: folder, prompter: &prompter)
    }

    /// Continues a draft where it stopped.
    ///
    /// A draft that cannot be read, is not a draft, or does not replay is reported and left untouched.
    /// - Parameter output: the visit file to write; nil for the draft's name without `.draft` when that ends in
    ///   `.json`, else `VISITID.json` beside the draft.
    public func resume(
        draftPath: String, output: String?, prompter: inout some Prompter,
        onDraft: (String) -> Void = { _ in }
    ) throws(QuestionnaireError) -> InterviewResult {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.bytes(atPath: draftPath, maxBytes: Draft.maxFileBytes)
        } catch {
            if case .tooLarge(_, let limit) = error {
                throw .draftUnreadable(
                    path: draftPath, reason: "größer als \(limit) Bytes; ein Entwurf hat wenige Kilobytes")
            }
            throw .draftUnreadable(path: draftPath, reason: Self.reason(error))
        }
        let draft = try Draft.decode(bytes, path: draftPath)
        let folder = FilePath.directory(of: output ?? draftPath)
        var setup = setup
        setup.takenVisitIds = VisitFolder.visitIds(in: folder)
        var questionnaire = try Questionnaire(
            setup: setup, replaying: draft.answers, carried: draft.carried, source: draftPath)
        if let output, FilePath.exists(output) { throw .outputExists(path: output, draftPath: draftPath) }
        onDraft(draftPath)
        if draft.isFromFirstQuestionnaire {
            questionnaire.takeCarriedAnswers()
            prompter.show(
                .note(
                    "Entwurf \(draftPath) stammt vom früheren, längeren Fragebogen: \(questionnaire.answers.count) "
                        + "Antworten übernommen, die übrigen Fragen kommen jetzt."))
        } else {
            prompter.show(.note("Entwurf \(draftPath): \(draft.answers.count) Antworten übernommen."))
        }
        prompter.show(.note(Self.keys))
        // A visit id that another file in the folder has meanwhile is asked again before anything else.
        if let id = questionnaire.answers.first(where: { $0.question == "visitId" })?.answer,
            let other = setup.takenVisitIds[id], questionnaire.reopen("visitId")
        {
            prompter.show(.problem("Die Besuchsnummer \(id) hat schon \(other); bitte eine andere eingeben."))
        }
        return try run(
            QuestionnaireSession(questionnaire), draftPath: draftPath, output: output, folder: folder,
            prompter: &prompter)
    }

    private func run(
        _ session: QuestionnaireSession, draftPath: String, output: String?, folder: String,
        prompter: inout some Prompter
    ) throws(QuestionnaireError) -> InterviewResult {
        var session = session
        let end: SessionEnd
        do {
            end = try session.run(&prompter, save: Self.saver(draftPath)) { visit in
                Self.takenProblem(visit.visitId, in: folder, except: nil)
            }
        } catch {
            if case .presetRejected(let question, let answer, let reason, nil) = error {
                throw .presetRejected(question: question, answer: answer, reason: reason, draftPath: draftPath)
            }
            throw error
        }
        switch end {
        case .endOfInput, .cancelled:
            return .stopped(draftPath: draftPath)
        case .finished(let visit):
            let path = output ?? Self.outputPath(forDraft: draftPath, visitId: visit.visitId)
            do throws(FileError) {
                try AtomicFile.write(Array(VisitEncoder.text(visit).utf8), to: path, replacing: false)
            } catch {
                if case .exists = error { throw .outputExists(path: path, draftPath: draftPath) }
                throw .cannotWrite(path: path, reason: Self.reason(error) + "; die Antworten bleiben in \(draftPath)")
            }
            FilePath.remove(draftPath)
            return .saved(visitPath: path, visit: visit)
        }
    }

    /// Refuses a prefilled answer before any file is written: walks the questionnaire with the prefilled answers and
    /// the defaults, as far as the questions before a prefilled one have defaults (the rest is checked when asked).
    static func checkPrefill(_ prefill: [String: String], setup: QuestionnaireSetup) throws(QuestionnaireError) {
        var pending = prefill
        var questionnaire = Questionnaire(setup: setup)
        while !pending.isEmpty, let question = questionnaire.currentQuestion {
            let preset = pending.removeValue(forKey: question.id)
            guard let text = preset ?? question.defaultAnswer else { return }
            guard case .rejected(let reason) = questionnaire.answer(text) else { continue }
            guard preset != nil else { return }
            throw .presetRejected(question: question.id, answer: text, reason: reason, draftPath: nil)
        }
    }

    private func createDraft(_ draft: Draft, output: String?, directory: String) throws(QuestionnaireError) -> String {
        let candidates: [String]
        if let output {
            candidates = [Self.draftPath(forOutput: output)]
        } else {
            let stem = "esp-visit-\(setup.today)"
            candidates = (1...999).map { FilePath.join(directory, $0 == 1 ? "\(stem).draft" : "\(stem)-\($0).draft") }
        }
        for path in candidates {
            do throws(FileError) {
                try AtomicFile.write(Array(draft.text.utf8), to: path, replacing: false)
                return path
            } catch {
                if case .exists = error {
                    if output != nil { throw .draftExists(path: path) }
                    continue
                }
                throw .cannotWrite(path: path, reason: Self.reason(error))
            }
        }
        throw .cannotWrite(
            path: FilePath.join(directory, "esp-visit-\(setup.today).draft"),
            reason: "zu viele Entwürfe von heute in diesem Ordner; bitte fortsetzen oder wegräumen")
    }

    /// Saves the draft after every answer, with mode 0600, replacing the previous one.
    static func saver(_ draftPath: String) -> (Draft) throws(QuestionnaireError) -> Void {
        { (draft: Draft) throws(QuestionnaireError) in
            do throws(FileError) {
                try AtomicFile.write(Array(draft.text.utf8), to: draftPath, replacing: true)
            } catch {
                throw .cannotWrite(path: draftPath, reason: Self.reason(error))
            }
        }
    }

    /// Why `id` cannot be saved into `folder` (another visit file there has it), read from the folder now.
    static func takenProblem(_ id: String, in folder: String, except: String?) -> String? {
        guard let other = VisitFolder.visitIds(in: folder, except: except)[id] else { return nil }
        return "Die Besuchsnummer \(id) hat inzwischen \(other); bitte eine andere eingeben."
    }

    /// `a/NUE-2026-0200.json` → `NUE-2026-0200`.
    static func stem(_ path: String) -> String {
        let name = FilePath.name(of: path)
        return name.hasSuffix(".json") ? String(name.dropLast(".json".count)) : name
    }

    /// The keys the advisor needs, shown once at the start.
    static let keys = "Enter = Vorgabe in [ ], „<“ = eine Frage zurück, „-“ = keine Angabe, Strg-D = unterbrechen."

    /// `visit.json` → `visit.json.draft`.
    public static func draftPath(forOutput output: String) -> String { output + ".draft" }

    /// `visit.json.draft` → `visit.json`; any other draft name → `VISITID.json` in the draft's folder.
    public static func outputPath(forDraft draftPath: String, visitId: String) -> String {
        if draftPath.hasSuffix(".draft") {
            let base = String(draftPath.dropLast(".draft".count))
            if base.hasSuffix(".json") && !base.hasSuffix("/.json") && base != ".json" { return base }
        }
        return FilePath.join(FilePath.directory(of: draftPath), "\(visitId).json")
    }

    /// Where the answers are and the command that continues them, in German.
    public static func resumeHint(draftPath: String) -> String {
        "Alle Antworten sind im Entwurf \(draftPath) gespeichert. Weiter mit: esp visit resume \(shellQuoted(draftPath))"
    }

    /// Where the changes of an edit are and the command that continues them, in German.
    public static func editHint(draftPath: String, visitPath: String) -> String {
        "\(visitPath) ist unverändert; die Änderungen sind im Entwurf \(draftPath) gespeichert. "
            + "Weiter mit: esp visit edit \(shellQuoted(visitPath))"
    }

    /// The path as a shell word: unchanged when safe, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let safe = path.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "/._-+,:@".unicodeScalars.contains($0)
        }
        return safe && !path.isEmpty
            ? path : "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    static func reason(_ failure: FileError) -> String {
        switch failure {
        case .exists: "die Datei gibt es schon"
        case .tooLarge(_, let limit): "größer als \(limit) Bytes"
        case .unreadable(_, let reason), .unwritable(_, let reason): reason
        }
    }
}
