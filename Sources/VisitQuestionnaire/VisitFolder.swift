import EnergyAdvice
import JSONText
import SafeFiles

/// The visit files (`*.json`) in a folder and the visit ids they hold, so a new visit never takes an id that is
/// already there.
public enum VisitFolder {
    /// Visit files are a few kilobytes; larger files are not visits and are skipped.
    static let maxFileBytes = 1 << 20

    /// Every visit id in the folder's `*.json` files, each with the file's path; a file whose name is a visit id
    /// (`NUE-2026-0142.json`) counts with that id too, since a visit saved without `-o` would get that name.
    /// Files that cannot be read or are not visits are skipped.
    /// - Parameter except: a file to leave out (the file being edited).
    public static func visitIds(in directory: String, except: String? = nil) -> [String: String] {
        var taken: [String: String] = [:]
        let skipped = except.map(FilePath.name(of:))
        for name in FilePath.names(inDirectory: directory, suffix: ".json") ?? [] where name != skipped {
            let path = FilePath.join(directory, name)
            let stem = String(name.dropLast(".json".count))
            if VisitRules.isValidVisitId(stem) { taken[stem] = taken[stem] ?? path }
            if let id = visitId(atPath: path) { taken[id] = taken[id] ?? path }
        }
        return taken
    }

    /// The `visitId` of the visit file at `path`, or nil when it is not a readable visit file.
    public static func visitId(atPath path: String) -> String? {
        guard FilePath.isRegularFile(path),
            let bytes = try? FileReader.bytes(atPath: path, maxBytes: maxFileBytes),
            let root = try? JSONParser.parse(
                bytes, limits: JSONLimits(maxDepth: 16, maxStringBytes: 64 << 10, maxBytes: maxFileBytes)),
            case .object(let members) = root.kind,
            let schema = members.first(where: { $0.key == "schema" }),
            case .string(VisitRules.schema) = schema.value.kind,
            let id = members.first(where: { $0.key == "visitId" }), case .string(let text) = id.value.kind
        else { return nil }
        return text
    }
}
