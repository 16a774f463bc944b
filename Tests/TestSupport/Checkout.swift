import AdviceData
import EnergyAdvice
import Foundation
import SafeFiles

/// The checkout the tests run from, for the shipped Tariffs/, Locales/ and Examples/.
public enum Checkout {
    /// The package root: this file is Tests/TestSupport/Checkout.swift.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    /// The checkout as esp's data folder.
    public static var data: DataDirectory { DataDirectory(root: root) }
    /// The shipped tariff files.
    public static var tariffs: String { root + "/Tariffs" }
    /// The shipped household texts; the staff texts are in its staff/ subfolder.
    public static var locales: String { root + "/Locales" }
    /// The shipped example visits.
    public static var examples: String { root + "/Examples" }

    /// The shipped example visits, sorted.
    public static var exampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []).filter { $0.hasSuffix(".json") }
            .sorted()
    }
    /// The shipped example visits' full paths, sorted.
    public static var examplePaths: [String] { exampleNames.map { examples + "/" + $0 } }

    /// The shipped tariffs' calculator of each city, made once.
    private static let calculators = Locked<[String: AdviceCalculator]>([:])

    /// The calculator of a city of the shipped tariffs.
    public static func calculator(city: String) throws(DataError) -> AdviceCalculator {
        if let cached = calculators.withLock({ $0[city] }) { return cached }
        let set = try data.tariffs.load(cityID: city)
        let calculator = AdviceCalculator(reference: set.reference, city: set.city, energyLaw: set.energyLaw)
        calculators.withLock { $0[city] = calculator }
        return calculator
    }

    /// The advice for a visit file with the shipped tariffs, and the city's tariffs.
    public static func advise(visitPath: String) throws(DataError) -> (advice: Advice, city: CityTariffs) {
        let visit = try VisitDecoder.load(path: visitPath)
        let calculator = try calculator(city: visit.city)
        do {
            return (try calculator.advise(visit), calculator.city)
        } catch {
            throw .cannotAdvise(path: visitPath, reason: error.message)
        }
    }

    /// The advice for a visit built in a test (a shipped example changed), with the shipped tariffs.
    public static func advise(_ visit: Visit) throws -> (advice: Advice, city: CityTariffs) {
        let calculator = try calculator(city: visit.city)
        return (try calculator.advise(visit), calculator.city)
    }
}
