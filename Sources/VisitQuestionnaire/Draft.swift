import JSONText

/// One stored answer: the question's id and the answer as the questionnaire stores it (defaults resolved,
/// choices as their value, yes/no as `j`/`n`, dates as `YYYY-MM-DD`, measurements as typed, e.g. `1 l in 5 s`).
public struct DraftAnswer: Sendable, Equatable {
    /// The ``Question/id`` this answers.
    public var question: String
    /// The stored answer text.
    public var answer: String

    /// Creates a stored answer.
    public init(question: String, answer: String) {
        self.question = question
        self.answer = answer
    }
}

/// An unfinished visit: the answers so far, in the `esp-visit-draft/1` format.
///
/// ```json
/// { "schema": "esp-visit-draft/1", "answers": [ { "question": "city", "answer": "nuernberg" } ] }
/// ```
/// Replaying the answers with ``Questionnaire/init(setup:replaying:source:)`` reproduces the questionnaire's state.
public struct Draft: Sendable, Equatable {
    /// The schema id written into every draft.
    public static let schema = "esp-visit-draft/1"
    /// Drafts are a few kilobytes; anything larger is refused before it is read.
    public static let maxFileBytes = 1 << 20

    /// The answers in the order they were given.
    public var answers: [DraftAnswer]

    /// Creates a draft from answers.
    public init(answers: [DraftAnswer] = []) {
        self.answers = answers
    }

    /// The draft as JSON text, ending with a newline.
    public var text: String {
        JSONValue.object([
            JSONField("schema", .string(Self.schema)),
            JSONField(
                "answers",
                .array(
                    answers.map { answer in
                        .object([
                            JSONField("question", .string(answer.question)),
                            JSONField("answer", .string(answer.answer)),
                        ])
                    })),
        ]).serialized(pretty: true) + "\n"
    }

    /// Reads a draft; `path` names the file in errors.
    ///
    /// - Throws: ``QuestionnaireError/draftMalformed(path:line:column:message:)`` for text that is not JSON,
    ///   ``QuestionnaireError/draftForeignSchema(path:found:)`` for another kind of document (such as a finished
    ///   visit), ``QuestionnaireError/draftInvalid(path:line:column:field:message:)`` for a draft of the wrong shape.
    public static func decode(_ bytes: [UInt8], path: String) throws(QuestionnaireError) -> Draft {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .draftInvalid(path: path, line: 1, column: 1, field: "", message: "the file is empty")
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
            throw invalid(path, schemaMember.value, "schema", "expected a string, found \(schemaMember.value.typeName)")
        }
        guard schema == Self.schema else { throw .draftForeignSchema(path: path, found: schema) }
        for member in members where member.key != "schema" && member.key != "answers" {
            throw .draftInvalid(
                path: path, line: member.keyPosition.line, column: member.keyPosition.column, field: member.key,
                message: "unknown key; allowed here: schema, answers")
        }
        guard let answersNode = members.first(where: { $0.key == "answers" })?.value else {
            throw invalid(path, root, "answers", "required field is missing")
        }
        guard case .array(let items) = answersNode.kind else {
            throw invalid(path, answersNode, "answers", "expected an array, found \(answersNode.typeName)")
        }
        var answers: [DraftAnswer] = []
        for (index, item) in items.enumerated() {
            let at = "answers[\(index)]"
            guard case .object(let fields) = item.kind else {
                throw invalid(path, item, at, "expected an object, found \(item.typeName)")
            }
            for field in fields where field.key != "question" && field.key != "answer" {
                throw .draftInvalid(
                    path: path, line: field.keyPosition.line, column: field.keyPosition.column,
                    field: "\(at).\(field.key)", message: "unknown key; allowed here: question, answer")
            }
            func string(_ key: String) throws(QuestionnaireError) -> String {
                guard let node = fields.first(where: { $0.key == key })?.value else {
                    throw invalid(path, item, "\(at).\(key)", "required field is missing")
                }
                guard case .string(let text) = node.kind else {
                    throw invalid(path, node, "\(at).\(key)", "expected a string, found \(node.typeName)")
                }
                return text
            }
            answers.append(DraftAnswer(question: try string("question"), answer: try string("answer")))
        }
        return Draft(answers: answers)
    }

    private static func invalid(_ path: String, _ node: JSONNode, _ field: String, _ message: String)
        -> QuestionnaireError
    {
        .draftInvalid(
            path: path, line: node.position.line, column: node.position.column, field: field, message: message)
    }
}
