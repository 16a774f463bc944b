#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files with personal data: read with a size limit, written with mode 0600 through a temporary file in the same
/// folder that is synced and then renamed (or linked, to never replace), so a crash leaves the old file or the new
/// one, never half of one.
enum PrivateFile {
    enum WriteFailure: Error {
        /// The target exists and was not to be replaced.
        case exists
        case failed(String)
    }

    static func read(_ path: String, maxBytes: Int) throws(QuestionnaireError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .draftUnreadable(path: path, reason: errnoText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .draftUnreadable(path: path, reason: errnoText()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .draftUnreadable(path: path, reason: "not a regular file") }
        guard Int(info.st_size) <= maxBytes else {
            throw .draftUnreadable(path: path, reason: "larger than \(maxBytes) bytes; a draft is a few kilobytes")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = buffer.withUnsafeMutableBytes { raw in systemRead(fd, raw.baseAddress, raw.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .draftUnreadable(path: path, reason: errnoText())
            }
            if n == 0 { break }
            bytes += buffer[0..<n]
            guard bytes.count <= maxBytes else {
                throw .draftUnreadable(path: path, reason: "larger than \(maxBytes) bytes; a draft is a few kilobytes")
            }
        }
        return bytes
    }

    /// Writes `text` to `path` atomically with mode 0600.
    /// - Parameter replacing: when false, an existing file at `path` is never touched (``WriteFailure/exists``).
    static func write(_ text: String, to path: String, replacing: Bool) throws(WriteFailure) {
        if !replacing && exists(path) { throw .exists }
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .failed(errnoText()) }
        // The umask may take bits away from 0600 at creation; set it exactly.
        var problem: String? = fchmod(fd, 0o600) == 0 ? nil : errnoText()
        if problem == nil { problem = writeAll(fd, text) }
        if problem == nil && fsync(fd) != 0 { problem = errnoText() }
        if close(fd) != 0 && problem == nil { problem = errnoText() }
        if let problem {
            unlink(temporary)
            throw .failed(problem)
        }
        if replacing {
            guard rename(temporary, path) == 0 else {
                let reason = errnoText()
                unlink(temporary)
                throw .failed(reason)
            }
        } else {
            // link() refuses to replace a file that appeared meanwhile; rename() would not.
            guard link(temporary, path) == 0 else {
                let failure: WriteFailure = errno == EEXIST ? .exists : .failed(errnoText())
                unlink(temporary)
                throw failure
            }
            unlink(temporary)
        }
        syncDirectory(of: path)
    }

    /// Writes every byte, retrying after signals; the reason on failure.
    private static func writeAll(_ fd: Int32, _ text: String) -> String? {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { raw in systemWrite(fd, raw.baseAddress, raw.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return errnoText()
            }
            bytes = bytes.dropFirst(n)
        }
        return nil
    }

    /// True when anything (file, folder, dangling link) has this name.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func remove(_ path: String) -> Bool { unlink(path) == 0 }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    }

    /// `.name.PID.RANDOM.tmp` beside the target, so the rename stays within one file system.
    static func temporaryPath(for path: String) -> String {
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        return join(directory(of: path), ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    }

    /// After a rename the folder entry itself must reach the disk, or a power cut may lose the new name.
    static func syncDirectory(of path: String) {
        let fd = open(directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }
}
