#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads whole files with POSIX calls, so SafeXML needs no Foundation.
public enum FileReading {
    /// The file's bytes, refusing before reading when its size exceeds `maxBytes`.
    public static func bytes(atPath path: String, maxBytes: Int) throws(XMLError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw XMLError(file: path, line: 0, message: "cannot open '\(path)': \(reason(errno))")
        }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw XMLError(file: path, line: 0, message: "cannot read '\(path)': \(reason(errno))")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw XMLError(file: path, line: 0, message: "cannot read '\(path)': \(reason(EISDIR))")
        }
        if Int(status.st_size) > maxBytes {
            throw tooLarge(path, maxBytes)
        }

        // The size is only a hint: pipes report 0 and files can grow, so
        // read to the end but never keep more than maxBytes + 1.
        var result: [UInt8] = []
        result.reserveCapacity(min(max(Int(status.st_size), 0), maxBytes) + 1)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw XMLError(file: path, line: 0, message: "cannot read '\(path)': \(reason(errno))")
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
            if result.count > maxBytes {
                throw tooLarge(path, maxBytes)
            }
        }
        return result
    }

    /// The names of the visible files in `directory` that end in `suffix`, sorted; nil when it cannot be read
    /// as a directory.
    public static func names(inDirectory directory: String, suffix: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(suffix), !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    static func tooLarge(_ file: String, _ maxBytes: Int) -> XMLError {
        XMLError(file: file, line: 0, message: "the file is larger than \(maxBytes) bytes")
    }

    private static func reason(_ code: CInt) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
