import Hummingbird

/// A request's body, read up to the server's limit.
extension Request {
    func bytes(limit: Int) async throws(Problem) -> [UInt8] {
        do {
            let buffer = try await body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch {
            throw Problem.tooLarge(limit: limit)
        }
    }
}

/// An `application/x-www-form-urlencoded` body.
struct FormData: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init(_ bytes: [UInt8]) {
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let pieces = part.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(Array(pieces[0]))
            let value = pieces.count > 1 ? Self.decode(Array(pieces[1])) : ""
            pairs.append((name, value))
        }
    }

    /// The first value of `name`.
    subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// `+` as space, `%XX` as a byte; the bytes read as UTF-8 (invalid sequences become U+FFFD).
    static func decode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                out.append(value)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
