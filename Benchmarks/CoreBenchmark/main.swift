import AdviceData
import EnergyAdvice

#if canImport(Glibc)
import Glibc
#endif

/// Advice for many generated households in one process, on one core: the speed of the calculation core alone.
/// Usage: esp-core-benchmark [COUNT] [DATA-DIR]   (default 100000, the checkout)

/// A small deterministic generator (SplitMix64), so every run advises the same households.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func household(_ index: Int, city: String, rng: inout SplitMix) -> Visit? {
    guard let date = CalendarDate(year: 2026, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng)) else { return nil }
    let persons = Int.random(in: 1...7, using: &rng)
    let fuels = HeatingFuel.allCases
    let heating = Bool.random(using: &rng) ? nil : HeatingUse(
        fuel: fuels[Int.random(in: 0..<fuels.count, using: &rng)],
        annualKWh: Bool.random(using: &rng) ? nil : Double.random(in: 2000...20000, using: &rng),
        roomTemperatureC: Double.random(in: 18...25, using: &rng), windowsTiltedInWinter: Bool.random(using: &rng))
    let lamps = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
        LightingRow(lamps: Int.random(in: 1...6, using: &rng), watts: Double.random(in: 5...100, using: &rng),
                    technology: LampTechnology.allCases[Int.random(in: 0..<4, using: &rng)], hoursPerDay: Double.random(in: 0...8, using: &rng))
    }
    let appliances: [Appliance] = [
        .cooling(CoolingAppliance(kind: CoolingKind.allCases[Int.random(in: 0..<3, using: &rng)], ageYears: Int.random(in: 0...30, using: &rng))),
        .standby(StandbyDevice(watts: Double.random(in: 1...30, using: &rng), hoursPerDay: Double.random(in: 0...24, using: &rng))),
    ]
    return Visit(
        visitId: "B-\(index)", date: date, city: city, language: "de",
        household: Household(persons: persons, dwelling: Bool.random(using: &rng) ? .flat : .house,
                             livingAreaM2: Double.random(in: 25...140, using: &rng), benefit: Benefit.allCases[Int.random(in: 0..<7, using: &rng)]),
        electricity: ElectricityUse(annualKWh: Double.random(in: 800...9000, using: &rng),
                                    hotWater: HotWaterSystem.allCases[Int.random(in: 0..<3, using: &rng)]),
        heating: heating, lighting: lamps, appliances: appliances,
        showers: ShowerHabits(perWeek: Double(Int.random(in: 0...30, using: &rng)), minutes: Double.random(in: 3...12, using: &rng),
                              flowLitresPerMinute: Double.random(in: 6...16, using: &rng)))
}

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
    var rng = SplitMix(state: 42)
    let visits = (0..<count).compactMap { household($0, city: "nuernberg", rng: &rng) }
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
