import JSONText

/// One stored answer: the question's id and the answer as the questionnaire stores it (defaults resolved,
/// choices as their value, yes/no as `j`/`n`, dates as `YYYY-MM-DD`, measurements as typed, e.g. `1 l in 5 s`).
public struct DraftAnswer: Sendable, Equatable {
    /// The ``Question/id`` this answers.
    public var question: String
    /// The stored answer text.
    public var answer: String
    /// For a carried answer whose meaning depends on earlier answers (what was handed out, by number): the question
    /// as it was asked (``Question/meaning``). When the question now reads differently — a tap was added — the answer
    /// is not taken again. Nil: taken whenever it parses.
    public var asked: String?

    /// Creates a stored answer.
    public init(question: String, answer: String, asked: String? = nil) {
        self.question = question
        self.answer = answer
        self.asked = asked
    }
}

/// An unfinished visit: the answers so far, in the `esp-visit-draft/2` format.
///
/// ```json
/// { "schema": "esp-visit-draft/2", "answers": [ { "question": "city", "answer": "nuernberg" } ],
///   "carried": [ { "question": "household.persons", "answer": "3" } ] }
/// ```
/// Replaying the answers with ``Questionnaire/init(setup:replaying:carried:source:)`` reproduces the
/// questionnaire's state. `carried` (optional) holds the answers after one that was reopened to be changed; they
/// are taken again when their questions come up. A draft of the first questionnaire (`esp-visit-draft/1`, whose
/// questions were longer) is read with all its answers carried: whatever still fits is kept, the rest is asked.
public struct Draft: Sendable, Equatable {
    /// The schema id written into every draft.
    public static let schema = "esp-visit-draft/2"
    /// Drafts of the first, longer questionnaire; read with every answer carried.
    public static let firstSchema = "esp-visit-draft/1"
    /// Drafts are a few kilobytes; anything larger is refused before it is read.
    public static let maxFileBytes = 1 << 20

    /// The answers in the order they were given.
    public var answers: [DraftAnswer]
    /// Answers kept for questions further on (``Questionnaire/carried``).
    public var carried: [DraftAnswer]
    /// True for a draft of the first questionnaire (``firstSchema``).
    public var isFromFirstQuestionnaire = false

    /// Creates a draft from answers.
    public init(answers: [DraftAnswer] = [], carried: [DraftAnswer] = []) {
        self.answers = answers
        self.carried = carried
    }

    /// The draft as JSON text, ending with a newline.
    public var text: String {
        func list(_ items: [DraftAnswer]) -> JSONValue {
            .array(
                items.map { answer in
                    var fields = [
                        JSONField("question", .string(answer.question)), JSONField("answer", .string(answer.answer)),
                    ]
                    if let asked = answer.asked { fields.append(JSONField("asked", .string(asked))) }
                    return .object(fields)
                })
        }
        var fields = [JSONField("schema", .string(Self.schema)), JSONField("answers", list(answers))]
        if !carried.isEmpty { fields.append(JSONField("carried", list(carried))) }
        return JSONValue.object(fields).serialized(pretty: true) + "\n"
    }

    /// Reads a draft; `path` names the file in errors.
    ///
    /// - Throws: ``QuestionnaireError/draftMalformed(path:line:column:message:)`` for text that is not JSON,
    ///   ``QuestionnaireError/draftForeignSchema(path:found:)`` for another kind of document (such as a finished
    ///   visit), ``QuestionnaireError/draftInvalid(path:line:column:field:message:)`` for a draft of the wrong shape.
    public static func decode(_ bytes: [UInt8], path: String) throws(QuestionnaireError) -> Draft {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .draftInvalid(path: path, line: 1, column: 1, field: "", message: "die Datei ist leer")
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(
                bytes, limits: JSONLimits(maxDepth: 8, maxStringBytes: 64 << 10, maxBytes: maxFileBytes))
        } catch {
            throw .draftMalformed(path: path, line: error.line, column: error.column, message: error.message)
        }
        guard case .object(let members) = root.kind else {
            throw .draftForeignSchema(path: path, found: nil)
        }
        guard let schemaMember = members.first(where: { $0.key == "schema" }) else {
            throw .draftForeignSchema(path: path, found: nil)
        }
        guard case .string(let schema) = schemaMember.value.kind else {
            throw invalid(path, schemaMember.value, "schema", "Text erwartet, gefunden: \(schemaMember.value.typeName)")
        }
        guard schema == Self.schema || schema == Self.firstSchema else {
            throw .draftForeignSchema(path: path, found: schema)
        }
        let first = schema == Self.firstSchema
        let keys = first ? ["schema", "answers"] : ["schema", "answers", "carried"]
        for member in members where !keys.contains(member.key) {
            throw .draftInvalid(
                path: path, line: member.keyPosition.line, column: member.keyPosition.column, field: member.key,
                message: "unbekannter Schlüssel; erlaubt: \(keys.joined(separator: ", "))")
        }
        guard let answersNode = members.first(where: { $0.key == "answers" })?.value else {
            throw invalid(path, root, "answers", "Pflichtfeld fehlt")
        }
        let answers = try list(answersNode, "answers", path: path)
        let carried = try members.first(where: { $0.key == "carried" }).map { member throws(QuestionnaireError) in
            try list(member.value, "carried", path: path)
        }
        guard !first else {
            var draft = Draft(answers: [], carried: answers)
            draft.isFromFirstQuestionnaire = true
            return draft
        }
        return Draft(answers: answers, carried: carried ?? [])
    }

    private static func list(_ node: JSONNode, _ name: String, path: String) throws(QuestionnaireError) -> [DraftAnswer]
    {
        guard case .array(let items) = node.kind else {
            throw invalid(path, node, name, "Liste erwartet, gefunden: \(node.typeName)")
        }
        var answers: [DraftAnswer] = []
        for (index, item) in items.enumerated() {
            let at = "\(name)[\(index)]"
            guard case .object(let fields) = item.kind else {
                throw invalid(path, item, at, "Objekt erwartet, gefunden: \(item.typeName)")
            }
            for field in fields where !["question", "answer", "asked"].contains(field.key) {
                throw .draftInvalid(
                    path: path, line: field.keyPosition.line, column: field.keyPosition.column,
                    field: "\(at).\(field.key)", message: "unbekannter Schlüssel; erlaubt: question, answer, asked")
            }
            func string(_ key: String, required: Bool = true) throws(QuestionnaireError) -> String? {
                guard let node = fields.first(where: { $0.key == key })?.value else {
                    if required { throw invalid(path, item, "\(at).\(key)", "Pflichtfeld fehlt") }
                    return nil
                }
                guard case .string(let text) = node.kind else {
                    throw invalid(path, node, "\(at).\(key)", "Text erwartet, gefunden: \(node.typeName)")
                }
                return text
            }
            answers.append(
                DraftAnswer(
                    question: try string("question") ?? "", answer: try string("answer") ?? "",
                    asked: try string("asked", required: false)))
        }
        return answers
    }

    private static func invalid(_ path: String, _ node: JSONNode, _ field: String, _ message: String)
        -> QuestionnaireError
    {
        .draftInvalid(
            path: path, line: node.position.line, column: node.position.column, field: field, message: message)
    }
}
