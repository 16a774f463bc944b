import AdviceData
import EnergyAdvice
import SafeFiles
import VisitQuestionnaire

/// The web's own files: finished visits as `visits/VISITID.json` (the same `esp-visit/1` files `esp visit` writes) and
/// drafts (`esp-visit-draft/2`, as `esp visit` keeps them): a new visit's in `drafts/ID.draft`, a change of a visit in
/// `visits/VISITID.json.draft` beside it, as `esp visit edit` does. Every file mode 0600.
struct WebFiles: Sendable {
    let state: WebState

    /// The path of a visit's file; nil for an id that is not a visit id (which also keeps paths inside the folder).
    func visitPath(_ visitId: String) -> String? {
        guard VisitRules.isValidVisitId(visitId), visitId != ".", visitId != ".." else { return nil }
        return FilePath.join(state.visitsFolder, visitId + ".json")
    }

    /// The visit of a file in the folder, or nil when there is none.
    func visit(_ visitId: String) throws(DataError) -> Visit? {
        guard let path = visitPath(visitId), FilePath.isRegularFile(path) else { return nil }
        return try VisitDecoder.load(path: path)
    }

    /// Every readable visit file, newest visit date first.
    func visits() -> [Visit] {
        let names = FilePath.names(inDirectory: state.visitsFolder, suffix: ".json") ?? []
        return names.compactMap { try? VisitDecoder.load(path: FilePath.join(state.visitsFolder, $0)) }
            .sorted { ($0.date, $0.visitId) > ($1.date, $1.visitId) }
    }

    /// Writes a finished visit (replacing its earlier file when it is changed).
    func save(_ visit: Visit, replacing: Bool) throws(FileError) {
        guard let path = visitPath(visit.visitId) else {
            throw .unwritable(path: visit.visitId, reason: "not a visit id")
        }
        try AtomicFile.write(Array(VisitEncoder.text(visit).utf8), to: path, replacing: replacing)
    }
}

/// A draft of the web form: a new visit (a random id) or the change of a visit file.
enum DraftRef: Sendable, Equatable {
    case new(String)
    case edit(visitId: String)

    /// `7f3a…` or `edit.VISITID`, as it appears in addresses.
    var id: String {
        switch self {
        case .new(let id): id
        case .edit(let visitId): "edit." + visitId
        }
    }

    init?(_ id: String) {
        if id.hasPrefix("edit.") {
            let visitId = String(id.dropFirst(5))
            guard VisitRules.isValidVisitId(visitId), visitId != ".", visitId != ".." else { return nil }
            self = .edit(visitId: visitId)
        } else {
            guard id.count == 32, id.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
            self = .new(id)
        }
    }

    static func fresh() -> DraftRef { .new(Randomness.hex(16)) }

    func path(_ state: WebState) -> String {
        switch self {
        case .new(let id): FilePath.join(state.draftsFolder, id + ".draft")
        case .edit(let visitId): FilePath.join(state.visitsFolder, visitId + ".json.draft")
        }
    }

    var editedVisitId: String? {
        if case .edit(let visitId) = self { return visitId }
        return nil
    }

    /// The form of this draft, or nil when there is no draft.
    func load(_ state: WebState) throws(QuestionnaireError) -> VisitForm? {
        let path = path(state)
        guard FilePath.isRegularFile(path) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.bytes(atPath: path, maxBytes: Draft.maxFileBytes)
        } catch {
            throw .draftUnreadable(path: path, reason: error.description)
        }
        let draft = try Draft.decode(bytes, path: path)
        return try VisitForm(setup: state.questionnaireSetup(except: editedVisitId), draft: draft, source: path)
    }

    /// Saves the form's answers (mode 0600, replaced in one step).
    func save(_ form: VisitForm, _ state: WebState) throws(FileError) {
        try AtomicFile.write(Array(form.draft.text.utf8), to: path(state), replacing: true)
    }

    func remove(_ state: WebState) { FilePath.remove(path(state)) }

    /// Every draft on disk, newest first, with its last change.
    static func all(_ state: WebState) -> [(ref: DraftRef, modified: Int)] {
        var found: [(DraftRef, Int)] = []
        for name in FilePath.names(inDirectory: state.draftsFolder, suffix: ".draft") ?? [] {
            if let ref = DraftRef(String(name.dropLast(6))) {
                found.append((ref, FilePath.status(ref.path(state))?.modified ?? 0))
            }
        }
        for name in FilePath.names(inDirectory: state.visitsFolder, suffix: ".json.draft") ?? [] {
            let visitId = String(name.dropLast(".json.draft".count))
            if let ref = DraftRef("edit." + visitId) {
                found.append((ref, FilePath.status(ref.path(state))?.modified ?? 0))
            }
        }
        return found.sorted { $0.1 > $1.1 }
    }
}
