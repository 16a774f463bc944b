import Testing

/// The error `body` threw, or nil when it returned.
public func caught<E: Error, T>(_ body: () throws(E) -> T) -> E? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// The error of type `E` that `body` threw, or nil when it returned; any other error is recorded as an issue.
/// For closures whose throws are untyped (inside `#require`, say).
public func caught<E: Error, T>(_ type: E.Type, _ body: () throws -> T) -> E? {
    do {
        _ = try body()
        return nil
    } catch let error as E {
        return error
    } catch {
        Issue.record("expected \(E.self), got \(error)")
        return nil
    }
}

/// The error an async `body` threw, or nil when it returned.
public func caughtAsync<E: Error, T>(_ body: () async throws(E) -> T) async -> E? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}
