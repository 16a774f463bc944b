import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing

@Suite("Tariffs/: schema, semantics, loading")
struct TariffLibraryTests {
    @Test func shippedTariffsPassTheCheck() {
        #expect(Checkout.data.tariffs.check() == TariffCheck())
    }

    @Test func shippedCities() {
        #expect(Checkout.data.tariffs.cityIDs() == ["bremen", "leipzig", "nuernberg"])
    }

    @Test func referenceFiguresAreLoadedWithSources() throws {
        let reference = try Checkout.data.tariffs.reference()
        #expect(reference.heating.savingPerKelvin.value == 0.06)
        #expect(reference.heating.savingPerKelvin.source.publisher.contains("dena"))
        #expect(reference.electricityBenchmarks.count == 20)
        let table = try #require(
            reference.electricityBenchmarks.first { $0.persons == 2 && $0.dwelling == .flat && !$0.electricHotWater })
        #expect(table.classUpperKWh == [1200, 1500, 1700, 2000, 2400, 3000])
        #expect(table.averageKWh == 1900)
        #expect(reference.co2Factors[.electricity]?.value == 0.426)
        #expect(reference.cooling[.fridgeFreezer]?.newDeviceKWh.value == 168)
    }

    @Test func cityValuesOverrideNational() throws {
        let leipzig = try Checkout.data.tariffs.load(cityID: "leipzig")
        #expect(leipzig.city.fridgeVoucher?.amountEUR == 170)
        #expect(leipzig.reference.fridgeVoucher.amountEUR == 100)
        // L-Strom.basis is the basic supply: one tariff id with price changes in 2025 and 2026 (29.66 ct net in 2025:
        // 29.66 · 1.19 = 35.30 ct gross; 25.93 ct net in 2026: 30.86 ct gross).
        #expect(leipzig.city.electricityTariffs.map(\.id) == ["l-strom-basis", "l-strom-basis", "l-strom-basis"])
        #expect(leipzig.city.electricityTariffs.map(\.price.energyPriceCtPerKWh) == [37.31, 35.3, 30.86])
        #expect(leipzig.city.electricityTariffs.filter(\.isSwitchTarget).isEmpty)
        #expect(leipzig.city.office?.phone == "0341 96361-57")
    }

    @Test func unknownCityListsTheKnownOnes() {
        let error = caught { () throws(DataError) in try Checkout.data.tariffs.load(cityID: "berlin") }
        #expect(
            error?.description
                == "no tariff file for city \"berlin\" in \(Checkout.tariffs); available cities: bremen, leipzig, nuernberg"
        )
    }

    @Test func schemaErrorsCarryFileAndLine() throws {
        let dir = try TemporaryDirectory()
        let tariffs = try dir.copyTariffs()
        let file = tariffs + "/bremen.xml"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "eurPerM3=\"5.14\"", with: "eurPerM3=\"viel\"")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let line =
            try #require(
                text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                    $0.contains("eurPerM3=\"viel\"")
                }) + 1
        let problems = TariffLibrary(directory: tariffs).check().errors.map(\.description)
        #expect(problems.count == 1)
        #expect(
            problems == [
                "\(file):\(line): <water> eurPerM3=\"viel\" is not a number: write digits with a decimal point, e.g. 39.45 (no exponent, INF or NaN)"
            ])
    }

    /// Rule 5: a tariff that is neither basic supply nor an average is a switch target and must state its term.
    @Test func aSwitchTargetMustStateItsMinimumTerm() throws {
        let dir = try TemporaryDirectory()
        let tariffs = try dir.copyTariffs()
        let file = tariffs + "/nuernberg.xml"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "  </electricity>",
            with: """
                  <tariff id="strom-online" supplier="Anbieter" name="Strom Online" basicSupply="false" energyPriceCtPerKWh="30" basePriceEURPerYear="150" validFrom="2026-01-01" source="get-basic-supply-2026"/>
                  </electricity>
                """)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let line =
            try #require(
                text.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.contains("strom-online\" supplier") }) + 1
        #expect(
            TariffLibrary(directory: tariffs).check().errors.map(\.description) == [
                "\(file):\(line): tariff \"strom-online\" is neither basic supply nor an average, so esp may advise switching to it: give its minimumTermMonths (0 when there is none), or mark it average=\"true\""
            ])
    }

    /// Realisation factors are shares with low ≤ likely ≤ high.
    @Test func realisationFactorsMustBeOrdered() throws {
        let dir = try TemporaryDirectory()
        let tariffs = try dir.copyTariffs()
        let file = tariffs + "/reference.xml"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "<factor measure=\"standby\" low=\"0.4\"", with: "<factor measure=\"standby\" low=\"0.7\"")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let line =
            try #require(
                text.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.contains("<factor measure=\"standby\"") }) + 1
        #expect(
            TariffLibrary(directory: tariffs).check().errors.map(\.description) == [
                "\(file):\(line): realisation factors must lie in 0…1 with low ≤ likely ≤ high, found 0.7, 0.6, 0.8"
            ])
    }

    @Test func fallingClassBoundsAreReported() throws {
        let dir = try TemporaryDirectory()
        let tariffs = try dir.copyTariffs()
        let file = tariffs + "/reference.xml"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "classUpperKWh=\"700 900 1100 1400 1500 2000\"", with: "classUpperKWh=\"700 900 1100 1000 1500 2000\"")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let line =
            try #require(
                text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("1100 1000") })
            + 1
        let problems = TariffLibrary(directory: tariffs).check().errors.map(\.description)
        #expect(problems == ["\(file):\(line): class bounds must rise: C 1100 is not below D 1000"])
    }

    @Test func unresolvedSourceAndTwoDefaultsAreReported() throws {
        let dir = try TemporaryDirectory()
        let tariffs = try dir.copyTariffs()
        let file = tariffs + "/leipzig.xml"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of:
                "<tariff id=\"l-strom-basis\" supplier=\"Leipziger Stadtwerke\" name=\"L-Strom.basis (Grundversorgung), Grundpreis von 2024\" basicSupply=\"true\" default=\"true\" energyPriceCtPerKWh=\"30.86\"",
            with:
                "<tariff id=\"second\" supplier=\"Leipziger Stadtwerke\" name=\"L-Strom.basis (Grundversorgung), Grundpreis von 2024\" basicSupply=\"true\" default=\"true\" energyPriceCtPerKWh=\"30.86\""
        )
        text = text.replacingOccurrences(of: "source=\"esp-water-price\"/>", with: "source=\"nowhere\"/>")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let problems = TariffLibrary(directory: tariffs).check().errors.map(\.description).joined(separator: "\n")
        #expect(problems.contains("exactly one electricity tariff id must be default=\"true\", found 2"))
        #expect(problems.contains("<water> names source \"nowhere\", which no <source> defines"))
    }

    @Test func xmlWithDTDIsRefusedNotExpanded() throws {
        let dir = try TemporaryDirectory()
        let tariffs = try dir.copyTariffs()
        try dir.write(
            "Tariffs/evil.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE city [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <city xmlns="urn:esp:tariffs:1" id="evil" name="&x;" validFrom="2026-01-01" validUntil="2026-12-31"/>
            """)
        let problems = TariffLibrary(directory: tariffs).check().errors.map(\.description).joined(separator: "\n")
        #expect(problems.contains("evil.xml"))
        #expect(problems.contains("DTD"))
        #expect(!problems.contains("root:"))
    }

    @Test func billionLaughsIsRefused() throws {
        let dir = try TemporaryDirectory()
        let tariffs = try dir.copyTariffs()
        var entities = "<!ENTITY lol0 \"lol\">"
        for i in 1...10 { entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        try dir.write("Tariffs/laughs.xml", "<?xml version=\"1.0\"?><!DOCTYPE city [\(entities)]><city>&lol10;</city>")
        let error = caught { () throws(DataError) in try TariffLibrary(directory: tariffs).load(cityID: "laughs") }
        #expect(error?.description.contains("DTD") == true)
    }

    @Test func cityFileNameMustMatchId() throws {
        let dir = try TemporaryDirectory()
        let tariffs = try dir.copyTariffs()
        try FileManager.default.copyItem(atPath: tariffs + "/bremen.xml", toPath: tariffs + "/bremerhaven.xml")
        let problems = TariffLibrary(directory: tariffs).check().errors.map(\.description).joined(separator: "\n")
        #expect(problems.contains("id=\"bremen\" must match the file name bremerhaven.xml"))
    }

    @Test func dataDirectoryDiscovery() throws {
        let dir = try TemporaryDirectory()
        let explicit = caught { () throws(DataError) in
            try DataDirectory.locate(explicit: dir.path, environment: [:], executablePath: nil)
        }
        #expect(explicit == .dataDirectoryNotFound(searched: ["\(dir.path) (--data)"]))
        _ = try dir.copyTariffs()
        let fromEnv = try DataDirectory.locate(explicit: nil, environment: ["ESP_DATA": dir.path], executablePath: nil)
        #expect(fromEnv.root == dir.path)
        let fromCheckout = try DataDirectory.locate(
            explicit: nil, environment: [:], executablePath: Checkout.root + "/.build/debug/esp")
        #expect(fromCheckout.root == Checkout.root)
        try FileManager.default.createDirectory(atPath: dir.path + "/share/esp", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: dir.path + "/Tariffs", toPath: dir.path + "/share/esp/Tariffs")
        let installed = try DataDirectory.locate(explicit: nil, environment: [:], executablePath: dir.path + "/bin/esp")
        #expect(installed.root == dir.path + "/share/esp")
    }
}
