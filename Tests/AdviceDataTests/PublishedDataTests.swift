import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing

/// Issue 18, "data that is not what it says": the shipped figures are the published ones, with their sources
/// (Documentation/DataFolders.md; the research notes of 2027 list every address), and a figure that could not be found
/// says what it is instead.
@Suite("Tariffs/: figures as published, estimates named as such")
struct PublishedDataTests {
    /// Stromspiegel 2025: the rows esp had "corrected" are back to the published (circulating) table, 1 person in a
    /// flat D up to 1,400 kWh, 5 persons in a flat with electric hot water 2,500 … 8,000 kWh, and every row cites the
    /// Stromspiegel itself.
    @Test func theStromspiegelTableIsThePublishedOne() throws {
        let reference = try Checkout.data.tariffs.reference()
        func row(_ persons: Int, hot: Bool) -> ElectricityBenchmarkTable? {
            reference.electricityBenchmarks.first {
                $0.persons == persons && $0.dwelling == .flat && $0.electricHotWater == hot
            }
        }
        #expect(try #require(row(1, hot: false)).classUpperKWh == [700, 900, 1100, 1400, 1500, 2000])
        #expect(try #require(row(5, hot: true)).classUpperKWh == [2500, 3700, 4500, 5000, 6500, 8000])
        #expect(try #require(row(5, hot: true)).averageKWh == 4100)
        #expect(reference.electricityBenchmarks.allSatisfy { $0.source.id == "stromspiegel-2025" })
    }

    /// Heizspiegel 2025 gives houses their own averages (gas 121, oil 165 kWh/m²): an oil house at 165 kWh/m² is
    /// average (ratio 1), not "above" (165 / 123 = 1.34 with the flats' figure); a flat keeps the flats' 123.
    @Test func housesAreComparedWithHouses() throws {
        let reference = try Checkout.data.tariffs.reference()
        #expect(reference.heatingAverage(.gas, dwelling: .house)?.value == 121)
        #expect(reference.heatingAverage(.oil, dwelling: .house)?.value == 165)
        #expect(reference.heatingAverage(.oil, dwelling: .house)?.source.id == "heizspiegel-2025-houses")
        #expect(reference.heatingAverage(.oil, dwelling: .flat)?.value == 123)
        // District heating has no house figure: the flats' stands.
        #expect(
            reference.heatingAverage(.district, dwelling: .house)
                == reference.heatingAverage(.district, dwelling: .flat))

        var visit = try VisitDecoder.load(path: Checkout.root + "/Examples/bremen-house-heatpump.json")
        visit.household.livingAreaM2 = 100
        visit.heating = HeatingUse(fuel: .oil, annualKWh: 16_500, includesHotWater: true, billing: .own)
        let advice = try Checkout.advise(visit).advice
        let heating = try #require(advice.heating)
        #expect(heating.benchmark.averageKWhPerM2 == 165)
        #expect(heating.benchmark.ratioToAverage == 1)
        #expect(heating.benchmark.verdict == .average)
    }

    /// No appliance of any age band uses less than the new device it would be replaced by (a freezer younger than
    /// 5 years: 170 kWh with Stiftung Warentest's ageing, against a new one's 140 kWh).
    @Test func noYoungDeviceUsesLessThanANewOne() throws {
        let reference = try Checkout.data.tariffs.reference()
        for (kind, cooling) in reference.cooling {
            for band in cooling.byAge {
                #expect(
                    band.annualKWh.value >= cooling.newDeviceKWh.value,
                    "\(kind) below \(band.belowAgeYears ?? 0) years: \(band.annualKWh.value) kWh")
            }
        }
        let freezer = try #require(reference.cooling[.freezer])
        #expect(freezer.byAge.first?.annualKWh.value == 170 && freezer.newDeviceKWh.value == 140)
    }

    /// Nürnberg and Bremen: their suppliers' basic-supply prices were not found; the tariff is the national mean and
    /// says so (never "N-ERGIE" or "swb" as its supplier), and an average is never offered as a switch target.
    @Test func aNationalMeanSaysItIsOne() throws {
        for id in ["nuernberg", "bremen"] {
            let city = try Checkout.data.tariffs.load(cityID: id).city
            let basic = try #require(city.electricityTariffs.first { $0.basicSupply })
            #expect(basic.average && !basic.isSwitchTarget)
            #expect(basic.price.supplier == "Bundesweiter Mittelwert der Grundversorgung")
            #expect(basic.price.name.contains("nicht gefunden"))
            #expect(basic.price.source?.id == "get-basic-supply-2026")
        }
    }

    /// Prices found with their year: Bremen's night-storage tariff (swb, 2024: 23.47 ct + 90.25 € a year), Leipzig's
    /// 2025 basic supply (29.66 ct net · 1.19 = 35.30 ct), and the years of the older prices in their names.
    @Test func localPricesCarryTheirYear() throws {
        let bremen = try Checkout.data.tariffs.load(cityID: "bremen").city
        let storage = try #require(bremen.heatingTariffs[.electricStorage])
        #expect(storage.energyPriceCtPerKWh == 23.47 && storage.basePriceEURPerYear == 90.25)
        #expect(storage.source?.id == "swb-nachtspeicher-2024")
        let leipzig = try Checkout.data.tariffs.load(cityID: "leipzig").city
        #expect(leipzig.electricityTariffs.contains { $0.price.energyPriceCtPerKWh == 35.3 })
        #expect(leipzig.heatingTariffs[.gas]?.name.contains("2024") == true)
        #expect(leipzig.heatingTariffs[.district]?.name.contains("2024") == true)
        let nuernberg = try Checkout.data.tariffs.load(cityID: "nuernberg").city
        #expect(nuernberg.heatingTariffs[.district]?.name.contains("ohne Leistungspreis") == true)
    }

    /// Every realisation factor says what it stands for (households that carry the step out × how long it lasts)
    /// and cites how it was checked; the water items are no longer the devices' factor.
    @Test func realisationFactorsSayWhatTheyStandFor() throws {
        let reference = try Checkout.data.tariffs.reference()
        for (kind, factor) in reference.realisation {
            #expect(factor.source.id.hasPrefix("esp-realisation-"), "\(kind)")
            #expect(factor.source.note?.isEmpty == false, "\(kind): no note")
        }
        let water = try #require(reference.realisation[.showerhead])
        #expect((water.low, water.likely, water.high) == (0.35, 0.5, 0.7))
        #expect(water.source.id == "esp-realisation-water")
        #expect(water.source.document.contains("×"))
    }
}
