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
    var households = HouseholdGenerator(
        city: "nuernberg", fuels: Array(tariffs.city.heatingTariffs.keys).sorted { $0.rawValue < $1.rawValue },
        seed: 42)
    let visits = (0..<count).compactMap { households.visit($0) }
    var checksum = 0.0
    for visit in visits.prefix(1000) { checksum += (try? calculator.advise(visit))?.totals.savingEUR ?? 0 }  // warm-up
    // Five rounds over the same households: a shared machine's noise shows as the spread, the median is the figure.
    var rates: [Double] = []
    var failures = 0
    var allocationText = "allocations not counted (preload alloc-count.so, as make bench does)"
    for round in 0..<5 {
        checksum = 0
        failures = 0
        let allocationsBefore = allocations()
        let start = seconds()
        for visit in visits {
            do {
                checksum += try calculator.advise(visit).totals.savingEUR
            } catch {
                failures += 1
            }
        }
        rates.append(Double(visits.count) / (seconds() - start))
        if round == 0, let before = allocationsBefore, let after = allocations() {
            allocationText =
                "\(PlainNumber.fixed(Double(after - before) / Double(visits.count), decimals: 1)) allocations each"
        }
    }
    rates.sort()
    let median = rates[rates.count / 2]
    print(
        "core: \(visits.count) households, 5 rounds: median \(Int(median)) households/s on one core (target >= 200000), "
            + "range \(Int(rates[0]))–\(Int(rates[rates.count - 1])); \(PlainNumber.fixed(1e6 / median, decimals: 2)) µs and \(allocationText); "
            + "failures \(failures); checksum \(PlainNumber.fixed(checksum, decimals: 2))")
} catch {
    print("esp-core-benchmark: \(error)")
    exit(1)
}
