import AdviceData
import EnergyAdvice
import SafeFiles

extension VisitInterview {
    /// Changes a finished visit file: replays it into the questionnaire, shows the recap, asks the answers the advisor
    /// picks (by number or id) and the questions that follow from them, re-checks every answer, and replaces the file
    /// only after the recap is confirmed.
    ///
    /// The changes are saved after every answer to `FILE.draft` (mode 0600); until the new file is complete the old
    /// one stays as it is, and an interrupted edit continues from the draft the next time. Values the questionnaire
    /// does not ask for (a fridge's volume, the shower's temperatures, …) are kept; a file with values the
    /// questionnaire cannot express is refused before the first question.
    public func edit(
        visitPath: String, prompter: inout some Prompter, onDraft: (String) -> Void = { _ in }
    ) throws(QuestionnaireError) -> InterviewResult {
        let original: Visit
        do {
            original = try VisitDecoder.load(path: visitPath)
        } catch {
            throw .visitUnreadable(path: visitPath, reason: error.description)
        }
        let folder = FilePath.directory(of: visitPath)
        var setup = setup
        setup.takenVisitIds = VisitFolder.visitIds(in: folder, except: visitPath)
        setup.proposedVisitId = original.visitId
        let answers = VisitAnswers.answers(for: original, setup: setup)
        let replayed = Questionnaire(setup: setup, carrying: answers)
        if replayed.isComplete, let visit = try? replayed.visit() {
            let lost = VisitEdit.lostParts(original: original, replayed: visit)
            if !lost.isEmpty { throw .notEditable(path: visitPath, fields: lost) }
        }
        let draftPath = Self.draftPath(forOutput: visitPath)
        var questionnaire = replayed
        if FilePath.exists(draftPath) {
            questionnaire = try continued(draftPath, setup: setup)
            prompter.show(.note("Angefangene Änderung aus \(draftPath) übernommen."))
        } else {
            do throws(FileError) {
                try AtomicFile.write(Array(questionnaire.draft.text.utf8), to: draftPath, replacing: false)
            } catch {
                throw .cannotWrite(path: draftPath, reason: Self.reason(error))
            }
        }
        onDraft(draftPath)
        prompter.show(.note("Ändern: \(visitPath) (Entwurf: \(draftPath)). " + Self.keys))
        var session = QuestionnaireSession(
            questionnaire, confirmation: "Änderungen speichern? (\(FilePath.name(of: visitPath)) wird ersetzt)",
            mayCancel: true)
        let end = try session.run(&prompter, save: Self.saver(draftPath)) { visit in
            Self.takenProblem(visit.visitId, in: folder, except: visitPath)
        }
        switch end {
        case .endOfInput:
            return .editStopped(draftPath: draftPath, visitPath: visitPath)
        case .cancelled:
            FilePath.remove(draftPath)
            return .unchanged(visitPath: visitPath)
        case .finished(let visit):
            let kept = VisitEdit.keepingUnasked(from: original, in: visit)
            // Only defaults written out: the file stays as it is, byte for byte.
            guard !VisitEdit.lostParts(original: original, replayed: visit).isEmpty else {
                FilePath.remove(draftPath)
                return .unchanged(visitPath: visitPath)
            }
            do throws(FileError) {
                // Replacing is what this command is for: the new file is complete on disk before it takes the name.
                try AtomicFile.write(Array(VisitEncoder.text(kept).utf8), to: visitPath, replacing: true)
            } catch {
                throw .cannotWrite(
                    path: visitPath, reason: Self.reason(error) + "; die Änderungen bleiben in \(draftPath)")
            }
            FilePath.remove(draftPath)
            return .saved(visitPath: visitPath, visit: kept)
        }
    }

    /// An edit's draft from an earlier, interrupted `esp visit edit`.
    private func continued(_ draftPath: String, setup: QuestionnaireSetup) throws(QuestionnaireError) -> Questionnaire {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.bytes(atPath: draftPath, maxBytes: Draft.maxFileBytes)
        } catch {
            throw .draftUnreadable(path: draftPath, reason: Self.reason(error))
        }
        let draft = try Draft.decode(bytes, path: draftPath)
        var questionnaire = try Questionnaire(
            setup: setup, replaying: draft.answers, carried: draft.carried, source: draftPath)
        if draft.isFromFirstQuestionnaire { questionnaire.takeCarriedAnswers() }
        return questionnaire
    }
}
