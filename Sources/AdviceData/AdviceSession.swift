import EnergyAdvice
import Foundation

/// Advises many visits against one data folder, reading each city's tariffs once; safe to share between threads.
public final class AdviceSession: Sendable {
    public let data: DataDirectory
    private let cache = LockedValue<[String: TariffSet]>([:])

    public init(data: DataDirectory) {
        self.data = data
    }

    /// The tariffs of a city, loaded on first use.
    public func tariffs(cityID: String) throws(DataError) -> TariffSet {
        if let cached = cache.withLock({ $0[cityID] }) { return cached }
        let loaded = try data.tariffs.load(cityID: cityID)
        cache.withLock { $0[cityID] = loaded }
        return loaded
    }

    public func advise(visitPath: String) throws(DataError) -> (advice: Advice, city: CityTariffs) {
        let visit = try VisitDecoder.load(path: visitPath)
        let set = try tariffs(cityID: visit.city)
        do {
            return (try AdviceCalculator(reference: set.reference, city: set.city).advise(visit), set.city)
        } catch {
            throw .cannotAdvise(path: visitPath, reason: error.message)
        }
    }
}

/// A value guarded by a lock, for caches shared between worker threads.
public final class LockedValue<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
