#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way esp reads a whole file: with a size limit, so a 100 MB mistake is refused at once, and with POSIX
/// calls, so the modules that read untrusted files need no Foundation.
public enum FileReader {
    /// The file's bytes.
    ///
    /// The size is checked before reading, and again while reading, because pipes report no size and files grow.
    /// A folder is refused with the system's own words ("Is a directory").
    public static func bytes(atPath path: String, maxBytes: Int) throws(FileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: systemReason()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: systemReason()) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: systemReason(EISDIR)) }
        if Int(status.st_size) > maxBytes { throw .tooLarge(path: path, limitBytes: maxBytes) }

        var result: [UInt8] = []
        result.reserveCapacity(min(max(Int(status.st_size), 0), maxBytes) + 1)
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: systemReason())
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
            if result.count > maxBytes { throw .tooLarge(path: path, limitBytes: maxBytes) }
        }
    }
}
