import AdviceData
import ArgumentParser
import EnergyAdvice

struct Tariffs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check or list the tariff data.",
        subcommands: [Check.self, List.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a Tariffs folder against the schema and the semantic rules.",
            discussion: """
                Prints file:line: message for every problem: errors (the data cannot be used; exit 1) and \
                warnings (values that look mistyped, data that runs out within the warning window; exit 0).
                """
        )

        @Argument(help: ArgumentHelp("The Tariffs folder (default: the one in use).", valueName: "DIR"))
        var directory: String?

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            let library = try directory.map(TariffLibrary.init(directory:)) ?? dataOptions.locate().tariffs
            let result = library.check(today: try Environment.today())
            result.diagnostics.forEach { Output.error($0.description) }
            guard result.errors.isEmpty else {
                let count = result.errors.count
                Output.error("\(library.directory): \(count) problem\(count == 1 ? "" : "s")")
                throw ExitCode(1)
            }
            let warnings = result.warnings.isEmpty ? "" : ", \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")"
            print("\(library.directory): reference data and \(library.cityIDs().count) city files are valid\(warnings)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the cities and their current prices.")

        @OptionGroup var dataOptions: DataOptions

        func run() throws {
            let library = try dataOptions.locate().tariffs
            let sets = try report { () throws(DataError) in try library.loadAll() }
            for set in sets {
                let city = set.city
                print("\(city.id): \(city.name) – \(city.programme) (valid \(city.validFrom) to \(city.validUntil))")
                for tariff in city.electricityTariffs {
                    let p = tariff.price
                    let term = tariff.minimumTermMonths.map { "minimum term \($0) months" }
                    let marks = [
                        tariff.isDefault ? "default" : nil, tariff.basicSupply ? "basic supply" : nil,
                        tariff.average ? "average, never a switch target" : nil,
                        tariff.isSwitchTarget ? "switch target" : nil, term, tariff.creditCheck ? "credit check" : nil,
                    ].compactMap { $0 }
                    print("  electricity \(tariff.id): \(p.supplier) \(p.name), \(plain(p.energyPriceCtPerKWh)) ct/kWh + \(plain(p.basePriceEURPerYear)) €/year from \(p.validFrom)"
                          + (marks.isEmpty ? "" : " [\(marks.joined(separator: ", "))]"))
                }
                for fuel in HeatingFuel.allCases {
                    guard let p = city.heatingTariffs[fuel] else { continue }
                    print("  heating \(fuel.rawValue): \(p.supplier) \(p.name), \(plain(p.energyPriceCtPerKWh)) ct/kWh + \(plain(p.basePriceEURPerYear)) €/year from \(p.validFrom)")
                }
                print("  water + wastewater: \(plain(city.waterPriceEURPerM3.value)) €/m³")
            }
        }
    }
}

private func plain(_ x: Double) -> String { PlainNumber.text(x) }
