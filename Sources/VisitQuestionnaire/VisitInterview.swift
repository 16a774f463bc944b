import AdviceData
import EnergyAdvice
import SafeFiles

/// How an interview ended, with the message for the advisor.
public enum InterviewResult: Sendable, Equatable {
    /// The visit file was written (mode 0600) and the draft removed.
    case saved(visitPath: String, visit: Visit)
    /// The input ended before the last question; every answer is in the draft.
    case stopped(draftPath: String)

    /// What to tell the advisor, in German.
    public var message: String {
        switch self {
        case .saved(let path, _):
            "Besuch gespeichert: \(path)"
        case .stopped(let draft):
            "Eingabe beendet. " + VisitInterview.resumeHint(draftPath: draft)
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
        try Self.checkPrefill(prefill, setup: setup)
        let questionnaire = Questionnaire(setup: setup)
        let draftPath = try createDraft(questionnaire.draft, output: output, directory: draftDirectory)
        onDraft(draftPath)
        prompter.show(.note("Entwurf: \(draftPath) – jede Antwort wird sofort gespeichert."))
        prompter.show(.note(Self.keys))
        return try run(
            QuestionnaireSession(questionnaire, prefill: prefill), draftPath: draftPath, output: output,
            prompter: &prompter)
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
                    path: draftPath, reason: "larger than \(limit) bytes; a draft is a few kilobytes")
            }
            throw .draftUnreadable(path: draftPath, reason: Self.reason(error))
        }
        let draft = try Draft.decode(bytes, path: draftPath)
        let questionnaire = try Questionnaire(setup: setup, replaying: draft.answers, source: draftPath)
        if let output, FilePath.exists(output) { throw .outputExists(path: output, draftPath: draftPath) }
        onDraft(draftPath)
        prompter.show(.note("Entwurf \(draftPath): \(draft.answers.count) Antworten übernommen."))
        prompter.show(.note(Self.keys))
        return try run(QuestionnaireSession(questionnaire), draftPath: draftPath, output: output, prompter: &prompter)
    }

    private func run(
        _ session: QuestionnaireSession, draftPath: String, output: String?,
        prompter: inout some Prompter
    ) throws(QuestionnaireError) -> InterviewResult {
        var session = session
        let end: SessionEnd
        do {
            end = try session.run(&prompter) { (draft: Draft) throws(QuestionnaireError) in
                do throws(FileError) {
                    try AtomicFile.write(Array(draft.text.utf8), to: draftPath, replacing: true)
                } catch {
                    throw .cannotWrite(path: draftPath, reason: Self.reason(error))
                }
            }
        } catch {
            if case .presetRejected(let question, let answer, let reason, nil) = error {
                throw .presetRejected(question: question, answer: answer, reason: reason, draftPath: draftPath)
            }
            throw error
        }
        switch end {
        case .endOfInput:
            return .stopped(draftPath: draftPath)
        case .finished(let visit):
            let path = output ?? Self.outputPath(forDraft: draftPath, visitId: visit.visitId)
            do throws(FileError) {
                try AtomicFile.write(Array(VisitEncoder.text(visit).utf8), to: path, replacing: false)
            } catch {
                if case .exists = error { throw .outputExists(path: path, draftPath: draftPath) }
                throw .cannotWrite(path: path, reason: Self.reason(error) + "; the answers are kept in \(draftPath)")
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
            reason: "too many drafts of today in this folder; resume or remove some")
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

    /// The path as a shell word: unchanged when safe, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let safe = path.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "/._-+,:@".unicodeScalars.contains($0)
        }
        return safe && !path.isEmpty
            ? path : "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    private static func reason(_ failure: FileError) -> String {
        switch failure {
        case .exists: "the file exists"
        case .tooLarge(_, let limit): "larger than \(limit) bytes"
        case .unreadable(_, let reason), .unwritable(_, let reason): reason
        }
    }
}
