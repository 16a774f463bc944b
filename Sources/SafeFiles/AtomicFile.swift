#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way esp writes a file: complete or not at all, with a mode set exactly, never replacing a file it was
/// not asked to replace.
///
/// The bytes go to a file without a name (`O_TMPFILE`), so a killed process leaves nothing behind; where the file
/// system cannot do that, to a hidden `.NAME.PID.N.tmp` beside the target. ``commit()`` syncs the data, then
/// gives the file its name — `link()` when nothing may be replaced, because it fails on a file that appeared
/// meanwhile where `rename()` would silently replace it — and syncs the folder, so a power cut leaves the old
/// file or the new one. A file dropped without ``commit()`` removes what it wrote.
public final class AtomicFile {
    /// Write the content here.
    public let descriptor: Int32
    /// The name the file gets on ``commit()``.
    public let path: String
    private let temporary: String?
    private let replacing: Bool
    private var pending = true

    /// Opens the file to write. Personal data files are written with the default mode 0600.
    /// - Parameter replacing: when false, an existing file at `path` is an error now and at ``commit()``.
    public init(creating path: String, mode: mode_t = 0o600, replacing: Bool) throws(FileError) {
        if !replacing && FilePath.exists(path) { throw .exists(path: path) }
        let folder = FilePath.directory(of: path)
        var descriptor = Self.openUnnamed(in: folder, mode: mode)
        var temporary: String?
        if descriptor < 0 {
            let name = Self.temporaryName(for: path)
            descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            guard descriptor >= 0 else { throw .unwritable(path: path, reason: systemReason()) }
            temporary = name
        }
        // The umask may take bits away from `mode` at creation; set it exactly.
        guard fchmod(descriptor, mode) == 0 else {
            let reason = systemReason()
            close(descriptor)
            if let temporary { unlink(temporary) }
            throw .unwritable(path: path, reason: reason)
        }
        self.descriptor = descriptor
        self.path = path
        self.temporary = temporary
        self.replacing = replacing
    }

    /// Writes every byte, retrying after signals.
    public func write(_ bytes: some Collection<UInt8>) throws(FileError) {
        var rest = Array(bytes)[...]
        while !rest.isEmpty {
            let count = rest.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unwritable(path: path, reason: systemReason())
            }
            rest = rest.dropFirst(count)
        }
    }

    /// Syncs the content and gives the file its name; afterwards the file is complete on disk.
    public func commit() throws(FileError) {
        guard pending else { throw .unwritable(path: path, reason: "the file was committed already") }
        pending = false
        defer { close(descriptor) }
        do throws(FileError) {
            guard fsync(descriptor) == 0 else { throw .unwritable(path: path, reason: systemReason()) }
            try Self.name(descriptor, temporary: temporary, path: path, replacing: replacing)
        } catch {
            if let temporary { unlink(temporary) }
            throw error
        }
        Self.syncFolder(of: path)
    }

    deinit {
        guard pending else { return }
        close(descriptor)
        if let temporary { unlink(temporary) }
    }

    /// Writes `bytes` to `path` in one step.
    public static func write(
        _ bytes: some Collection<UInt8>, to path: String, mode: mode_t = 0o600,
        replacing: Bool
    ) throws(FileError) {
        let file = try AtomicFile(creating: path, mode: mode, replacing: replacing)
        try file.write(bytes)
        try file.commit()
    }

    private static func name(
        _ descriptor: Int32, temporary: String?, path: String,
        replacing: Bool
    ) throws(FileError) {
        if let temporary {
            if replacing {
                guard rename(temporary, path) == 0 else { throw .unwritable(path: path, reason: systemReason()) }
            } else {
                guard link(temporary, path) == 0 else { throw linkFailure(path) }
                unlink(temporary)
            }
            return
        }
        let proc = "/proc/self/fd/\(descriptor)"
        if !replacing {
            guard linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else { throw linkFailure(path) }
            return
        }
        // Replacing: name the complete file beside the target, then rename it over the target.
        let beside = temporaryName(for: path)
        guard linkat(AT_FDCWD, proc, AT_FDCWD, beside, AT_SYMLINK_FOLLOW) == 0 else {
            throw .unwritable(path: path, reason: systemReason())
        }
        guard rename(beside, path) == 0 else {
            let reason = systemReason()
            unlink(beside)
            throw .unwritable(path: path, reason: reason)
        }
    }

    private static func linkFailure(_ path: String) -> FileError {
        errno == EEXIST ? .exists(path: path) : .unwritable(path: path, reason: systemReason())
    }

    /// A file without a name in `folder`; -1 where the file system or platform cannot make one.
    private static func openUnnamed(in folder: String, mode: mode_t) -> Int32 {
        #if os(Linux)
        // O_TMPFILE is a macro Swift does not import; __O_TMPFILE | O_DIRECTORY is what it stands for.
        return open(folder, __O_TMPFILE | O_DIRECTORY | O_WRONLY | O_CLOEXEC, mode)
        #else
        return -1
        #endif
    }

    private static let counter = Locked(0)

    /// `.NAME.PID.N.tmp` beside the target, so the rename stays within one file system.
    static func temporaryName(for path: String) -> String {
        let n = counter.withLock { value in
            value += 1
            return value
        }
        return FilePath.join(FilePath.directory(of: path), ".\(FilePath.name(of: path)).\(getpid()).\(n).tmp")
    }

    /// After naming a file the folder entry itself must reach the disk, or a power cut may lose the new name.
    private static func syncFolder(of path: String) {
        let folder = open(FilePath.directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        _ = fsync(folder)
        close(folder)
    }
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
