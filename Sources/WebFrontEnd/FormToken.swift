import VisitRecords

/// The token every form carries against cross-site requests: an HMAC-SHA256 of the browser's session id under the
/// server's key, so neither another site nor another program on the same machine that can set cookies can make one.
enum FormToken {
    static func make(session: String, key: [UInt8]) -> String {
        Hex.text(hmac(key: key, message: Array(session.utf8)))
    }

    /// True when `token` is the token of `session`; compared in constant time.
    static func isValid(_ token: String, session: String, key: [UInt8]) -> Bool {
        guard !session.isEmpty else { return false }
        let expected = Array(make(session: session, key: key).utf8)
        let given = Array(token.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(expected, given) { difference |= a ^ b }
        return difference == 0
    }

    /// RFC 2104 HMAC over SHA-256 (block size 64).
    static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? SHA256.digest(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = SHA256.digest(block.map { $0 ^ 0x36 } + message)
        return SHA256.digest(block.map { $0 ^ 0x5c } + inner)
    }
}
