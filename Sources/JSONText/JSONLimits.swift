/// Bounds that keep hostile or broken input from exhausting memory or time.
public struct JSONLimits: Sendable {
    /// Most arrays and objects that may be open at once; 64 is far beyond any real document.
    public var maxDepth: Int
    /// Longest string or key, counted in UTF-8 bytes after escapes are decoded.
    public var maxStringBytes: Int
    /// Largest document accepted, checked before any parsing.
    public var maxBytes: Int

    /// The defaults suit hand-written configuration and data files.
    public init(maxDepth: Int = 64, maxStringBytes: Int = 1 << 20, maxBytes: Int = 8 << 20) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxBytes = maxBytes
    }
}
