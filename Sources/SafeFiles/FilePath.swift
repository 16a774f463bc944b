#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths as strings, the way the command line gives them; no Foundation.
public enum FilePath {
    /// `directory/name`; a bare `name` for the current folder ".".
    public static func join(_ directory: String, _ name: String) -> String {
        if directory == "." || directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The folder that holds `path`: "." for a bare file name, "/" for a file at the root.
    public static func directory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component of `path`.
    public static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// True when anything (file, folder, dangling link) has this name.
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// True when `path` is a folder (or a link to one).
    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when `path` is a regular file (or a link to one).
    public static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// The visible names in `directory` that end in `suffix`, sorted; nil when it cannot be read as a folder.
    public static func names(inDirectory directory: String, suffix: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(suffix), !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    /// Creates `path` and any missing folders above it, with `mode` (0700 by default: folders of personal data).
    public static func createDirectory(_ path: String, mode: mode_t = 0o700) throws(FileError) {
        if isDirectory(path) { return }
        let parent = directory(of: path)
        if parent != path && !isDirectory(parent) { try createDirectory(parent, mode: mode) }
        guard mkdir(path, mode) == 0 || errno == EEXIST else {
            throw .unwritable(path: path, reason: systemReason())
        }
    }

    /// The size in bytes and the change time (seconds since 1970, nanoseconds apart) of what `path` names; nil when
    /// nothing does.
    public static func status(_ path: String) -> (size: Int, modified: Int)? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return (Int(status.st_size), Int(status.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(status.st_mtim.tv_nsec))
    }

    /// Removes a file; false when there was none or it could not be removed.
    @discardableResult
    public static func remove(_ path: String) -> Bool { unlink(path) == 0 }
}
