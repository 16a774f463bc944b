import AdviceWorkflows
import SafeFiles

#if canImport(Glibc)
import Glibc
#endif

/// Writing what a use case made to a file: complete or not at all (``AtomicFile``), mode 0600 unless told (sheets
/// and registers describe households), an existing file only when replacing was asked for.
enum FileOutput {
    static func write(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o600, replacing: Bool) throws(WorkflowError) {
        do {
            try AtomicFile.write(bytes, to: path, mode: mode_t(mode), replacing: replacing)
        } catch {
            if case .exists = error { throw .outputExists(path: path) }
            throw .cannotWrite(path: path, reason: Self.reason(error))
        }
    }

    /// Creates a folder for outputs (and the folders above it) when missing.
    static func folder(_ path: String) throws(WorkflowError) {
        do {
            try FilePath.createDirectory(path)
        } catch {
            throw .cannotWrite(path: path, reason: reason(error))
        }
    }

    static func reason(_ error: FileError) -> String {
        switch error {
        case .unwritable(_, let reason), .unreadable(_, let reason): reason
        default: error.description
        }
    }
}
