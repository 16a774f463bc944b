#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with a size limit checked before reading, so a 100 MB mistake is refused at once.
enum FileBytes {
    static func read(_ path: String, maxBytes: Int) throws(DataError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .fileUnreadable(path: path, reason: lastErrorText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .fileUnreadable(path: path, reason: lastErrorText()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .fileUnreadable(path: path, reason: "not a regular file") }
        guard Int(info.st_size) <= maxBytes else { throw .fileTooLarge(path: path, limitBytes: maxBytes) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .fileUnreadable(path: path, reason: lastErrorText())
            }
            if n == 0 { break }
            filled += n
        }
        // A file that grew while we read it is still bounded by maxBytes; one that shrank is cut.
        return Array(bytes[0..<filled])
    }

    static func lastErrorText() -> String { String(cString: strerror(errno)) }
}
