/// Why a file could not be read or written. Each caller words it for its own users; the reason is the system's.
public enum FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Missing, not permitted, a folder, or a read that failed.
    case unreadable(path: String, reason: String)
    /// Larger than the caller's limit; refused before (or while) reading.
    case tooLarge(path: String, limitBytes: Int)
    /// Something has this name already and the caller did not ask to replace it.
    case exists(path: String)
    /// The file could not be created, written, synced or named.
    case unwritable(path: String, reason: String)

    /// The path the error is about.
    public var path: String {
        switch self {
        case .unreadable(let path, _), .tooLarge(let path, _), .exists(let path), .unwritable(let path, _): path
        }
    }

    /// What went wrong with which file, in plain words.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read the file: \(reason)"
        case .tooLarge(let path, let limit): "\(path): the file is larger than \(limit) bytes"
        case .exists(let path): "\(path) exists already"
        case .unwritable(let path, let reason): "\(path): cannot write the file: \(reason)"
        }
    }
}
