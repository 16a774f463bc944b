import SafeFiles

/// A one-line progress bar on a terminal; silent when standard error is not one.
final class ProgressBar: Sendable {
    let total: Int
    let visible: Bool
    private let done = Locked(0)

    init(total: Int, visible: Bool) {
        self.total = total
        self.visible = visible
    }

    @Sendable func step() {
        let count = done.withLock { value -> Int in
            value += 1
            return value
        }
        guard visible else { return }
        let width = 30
        let filled = width * count / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        Output.raw("\r[\(bar)] \(count)/\(total)")
    }

    /// Shows `done` of `total`, for work whose total is known only once it started.
    @Sendable func show(_ done: Int, of total: Int) {
        guard visible else { return }
        let width = 30
        let filled = width * done / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        Output.raw("\r[\(bar)] \(done)/\(total)")
    }

    func finish() {
        if visible { Output.raw("\n") }
    }
}
