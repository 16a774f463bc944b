#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints a line on Ctrl-C or SIGTERM before the process ends, e.g. where the draft is and how to resume.
///
/// The draft is saved after every answer, so nothing is lost when the process ends; this only tells the advisor.
/// The handler does nothing but `write` and `_exit`, the async-signal-safe way.
public enum InterruptNotice {
    /// The message, as C bytes that the handler can write without allocating. Set before the handler is installed;
    /// an older message is never freed (a handler may be writing it), which costs a few bytes per install.
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?

    /// Installs the handler for SIGINT and SIGTERM with this text (a newline is added).
    public static func install(_ text: String) {
        let bytes = Array(("\n" + text + "\n").utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        message = buffer
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
    }

    private static let handler: @convention(c) (Int32) -> Void = { signalNumber in
        if let text = InterruptNotice.message {
            _ = write(2, text, strlen(text))
        }
        _exit(128 + signalNumber)
    }
}
