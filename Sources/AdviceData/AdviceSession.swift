import EnergyAdvice
import Foundation
import SafeFiles

/// Advises many visits against one data folder, reading each city's tariffs once; safe to share between threads.
public final class AdviceSession: Sendable {
    public let data: DataDirectory
    /// One calculator per city: it works out the city's tariffs in force, labels and per-fuel data once.
    private let calculators = Locked<[String: AdviceCalculator]>([:])

    public init(data: DataDirectory) {
        self.data = data
    }

    /// The calculator of a city, its tariffs loaded on first use.
    public func calculator(cityID: String) throws(DataError) -> AdviceCalculator {
        if let cached = calculators.withLock({ $0[cityID] }) { return cached }
        let loaded = try data.tariffs.load(cityID: cityID)
        let calculator = AdviceCalculator(
            reference: loaded.reference, city: loaded.city, energyLaw: loaded.energyLaw)
        calculators.withLock { $0[cityID] = calculator }
        return calculator
    }

    /// Advises a visit read from `path` (which names it in errors) with its city's calculator.
    public func advise(_ visit: Visit, path: String) throws(DataError) -> (advice: Advice, city: CityTariffs) {
        let calculator = try calculator(cityID: visit.city)
        do {
            return (try calculator.advise(visit), calculator.city)
        } catch {
            throw .cannotAdvise(path: path, reason: error.message)
        }
    }

    public func advise(visitPath: String) throws(DataError) -> (advice: Advice, city: CityTariffs) {
        try advise(try VisitDecoder.load(path: visitPath), path: visitPath)
    }
}
