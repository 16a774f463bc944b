import AdviceData
import EnergyAdvice
import HouseholdGenerator

#if canImport(Glibc)
import Glibc
#endif

/// Advice for many generated households in one process, on one core: the speed of the calculation core alone.
/// Usage: esp-core-benchmark [COUNT] [DATA-DIR]   (default 100000, the checkout)

/// Heap allocations so far, when Benchmarks/alloc-count.c is preloaded (make bench does); nil otherwise.
func allocations() -> UInt? {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "esp_allocations") else { return nil }
    typealias Counter = @convention(c) () -> UInt
    return unsafeBitCast(symbol, to: Counter.self)()
}

func seconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let root = arguments.count > 2 ? arguments[2] : "."
do {
    let tariffs = try DataDirectory(root: root).tariffs.load(cityID: "nuernberg")
    let calculator = AdviceCalculator(reference: tariffs.reference, city: tariffs.city)
    var households = HouseholdGenerator(city: "nuernberg", fuels: Array(tariffs.city.heatingTariffs.keys).sorted { $0.rawValue < $1.rawValue },
                                        seed: 42)
    let visits = (0..<count).compactMap { households.visit($0) }
    var checksum = 0.0
    for visit in visits.prefix(1000) { checksum += (try? calculator.advise(visit))?.totals.savingEUR ?? 0 }  // warm-up
    let allocationsBefore = allocations()
    let start = seconds()
    var failures = 0
    for visit in visits {
        do {
            checksum += try calculator.advise(visit).totals.savingEUR
        } catch {
            failures += 1
        }
    }
    let elapsed = seconds() - start
    var allocationText = "allocations not counted (preload alloc-count.so, as make bench does)"
    if let before = allocationsBefore, let after = allocations() {
        allocationText = String(format: "%.1f allocations each", Double(after - before) / Double(visits.count))
    }
    print("core: \(visits.count) households in \(String(format: "%.3f", elapsed)) s = \(Int(Double(visits.count) / elapsed)) households/s on one core (target >= 200000), \(String(format: "%.2f", elapsed / Double(visits.count) * 1e6)) µs and \(allocationText); failures \(failures); checksum \(String(format: "%.2f", checksum))")
} catch {
    print("esp-core-benchmark: \(error)")
    exit(1)
}
