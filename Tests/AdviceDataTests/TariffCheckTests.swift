import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing

/// `esp tariffs check` on what a hurried city clerk types: legal values that look mistyped are warnings with file
/// and line, and the data is still used; only data that cannot be used is an error.
@Suite("Tariff check: plausibility, validity and plain messages")
struct TariffCheckTests {
    /// A copy of the shipped Tariffs/ with one city file edited, and the line of the edit.
    struct Edited {
        let directory: TemporaryDirectory
        let tariffs: String
        let file: String
        let line: Int

        init(_ city: String, replacing old: String, with new: String) throws {
            directory = try TemporaryDirectory()
            tariffs = try directory.copyTariffs()
            file = tariffs + "/\(city).xml"
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.contains(old), "the shipped \(city).xml no longer contains \(old)")
            let edited = text.replacingOccurrences(of: old, with: new)
            try edited.write(toFile: file, atomically: true, encoding: .utf8)
            let lines = edited.split(separator: "\n", omittingEmptySubsequences: false)
            line = (lines.firstIndex { new.isEmpty ? false : $0.contains(new.split(separator: "\n")[0]) } ?? -1) + 1
        }

        func check(today: String = "2026-12-01") -> TariffCheck {
            TariffLibrary(directory: tariffs).check(today: CalendarDate(iso: today))
        }
    }

    @Test func theShippedFilesPassWithoutWarnings() {
        let library = TariffLibrary(directory: Checkout.tariffs)
        for day in ["2026-12-01", "2027-03-01", "2027-10-31"] {
            let result = library.check(today: CalendarDate(iso: day))
            #expect(result.errors.isEmpty, "\(day)")
            #expect(result.warnings.isEmpty, "\(day)")
        }
    }

    /// A value no tariff has is an error (the city cannot be advised until it is corrected), and the hint converts the
    /// value actually typed: 0.3638 € are 36.38 ct.
    @Test func eurosTypedAsCents() throws {
        let edit = try Edited(
            "nuernberg", replacing: "energyPriceCtPerKWh=\"36.38\"", with: "energyPriceCtPerKWh=\"0.3638\"")
        let result = edit.check()
        #expect(result.warnings.isEmpty)
        #expect(
            result.errors.map(\.description) == [
                "\(edit.file):\(edit.line): energyPriceCtPerKWh=\"0.3638\" is below 1 ct/kWh, which no tariff has: euros typed as cents? 0.3638 € are 36.38 ct"
            ])
    }

    /// One table (InputLimits) for the tariff check, the visit format and the questionnaire (issue 20): a price the
    /// visit file refuses is an error in a city file, one the visit file takes is never an error there, and the
    /// usual electricity prices (15–100 ct/kWh) are the same in both.
    @Test func theCityFilesAndTheVisitFilesShareOneTable() throws {
        #expect(VisitRules.energyPriceCt == InputLimits.energyPriceCt)
        #expect(VisitRules.basePriceEUR == InputLimits.basePriceEUR.allowed)
        for (typed, refused, unusual) in [
            ("0.5", true, true), ("1", false, true), ("14.9", false, true), ("15", false, false),
            ("100", false, false), ("101", false, true), ("200", false, true), ("201", true, true),
        ] {
            let value = try #require(Double(typed))
            #expect(InputLimits.energyPriceCt.contains(value) == !refused, "\(typed)")
            #expect(InputLimits.electricityPriceCt.isUnusual(value) == unusual, "\(typed)")
            let edit = try Edited(
                "nuernberg", replacing: "energyPriceCtPerKWh=\"36.38\"", with: "energyPriceCtPerKWh=\"\(typed)\"")
            let result = edit.check()
            #expect(result.errors.isEmpty == !refused, "tariffs check, \(typed) ct")
            #expect(result.warnings.isEmpty == (refused || !unusual), "tariffs check, \(typed) ct")
            let visit = VisitDecoderTests.valid.replacingOccurrences(
                of: "\"annualKWh\": 2500",
                with: #""annualKWh": 2500, "tariff": { "energyPriceCtPerKWh": \#(typed), "basePriceEURPerYear": 120 }"#)
            let decoded = caught { () throws(DataError) in
                try VisitDecoder.decode(Array(visit.utf8), path: "visit.json")
            }
            #expect((decoded != nil) == refused, "visit file, \(typed) ct")
        }
    }

    /// 1,467 €/MWh are 146.7 ct/kWh.
    @Test func pricePerMegawattHour() throws {
        let edit = try Edited(
            "leipzig", replacing: "energyPriceCtPerKWh=\"14.67\"", with: "energyPriceCtPerKWh=\"1467\"")
        #expect(
            edit.check().errors.map(\.description) == [
                "\(edit.file):\(edit.line): energyPriceCtPerKWh=\"1467\" is above 200 ct/kWh, which no tariff has: a price per MWh? 1467 €/MWh are 146.7 ct/kWh"
            ])
    }

    /// Legal but outside the usual range of heating prices (3–100 ct/kWh): a warning, the data is still used.
    @Test func anUnusualPriceWarns() throws {
        let edit = try Edited(
            "leipzig", replacing: "energyPriceCtPerKWh=\"14.67\"", with: "energyPriceCtPerKWh=\"146.7\"")
        let result = edit.check()
        #expect(result.errors.isEmpty)
        #expect(
            result.warnings.map(\.description) == [
                "\(edit.file):\(edit.line): warning: energyPriceCtPerKWh=\"146.7\" is outside the usual 3–100 ct/kWh: a typo?"
            ])
    }

    /// 13.30 € a month are 159.60 € a year: no tariff has a yearly base price of 13.30 €.
    @Test func monthlyBasePrice() throws {
        let edit = try Edited(
            "bremen",
            replacing: "basePriceEURPerYear=\"168\" validFrom=\"2026-01-01\" source=\"get-basic-supply-2026\"",
            with: "basePriceEURPerYear=\"13.30\" validFrom=\"2026-01-01\" source=\"get-basic-supply-2026\"")
        let result = edit.check()
        #expect(result.warnings.isEmpty)
        #expect(
            result.errors.map(\.description) == [
                "\(edit.file):\(edit.line): basePriceEURPerYear=\"13.3\" is below 24 € a year, which no tariff has: a monthly figure? 13.3 € a month are 159.6 € a year"
            ])
    }

    @Test func waterPriceInCents() throws {
        let edit = try Edited("bremen", replacing: "eurPerM3=\"5.14\"", with: "eurPerM3=\"514\"")
        #expect(
            edit.check().errors.map(\.description) == [
                "\(edit.file):\(edit.line): eurPerM3=\"514\" is not a water price (allowed: greater than 0 and at most 50 €/m³): cents typed as euros? 514 ct are 5.14 €"
            ])
        let unusual = try Edited("bremen", replacing: "eurPerM3=\"5.14\"", with: "eurPerM3=\"14\"")
        #expect(
            unusual.check().warnings.map(\.description) == [
                "\(unusual.file):\(unusual.line): warning: eurPerM3=\"14\" is outside 1–12 €/m³: drinking water and wastewater together? cents typed as euros?"
            ])
    }

    /// The cheapest new device in reference.xml is the fridge at 400 €.
    @Test func voucherAboveTheDevicePrice() throws {
        let edit = try Edited("leipzig", replacing: "amountEUR=\"170\"", with: "amountEUR=\"1700\"")
        #expect(
            edit.check().warnings.map(\.description) == [
                "\(edit.file):\(edit.line): warning: amountEUR=\"1700\" is above the price of a new device (400 € in the reference data): a typo?"
            ])
    }

    @Test func validFromMoreThanAYearAhead() throws {
        let edit = try Edited(
            "leipzig", replacing: "energyPriceCtPerKWh=\"30.86\" basePriceEURPerYear=\"168\" validFrom=\"2026-01-01\"",
            with: "energyPriceCtPerKWh=\"30.86\" basePriceEURPerYear=\"168\" validFrom=\"2028-01-01\"")
        #expect(
            edit.check().warnings.map(\.description) == [
                "\(edit.file):\(edit.line): warning: validFrom=\"2028-01-01\" is more than a year after today (2026-12-01): a typo in the year?"
            ])
        // Without a day to compare with (advice reads the files on the visit's date) the same file is quiet.
        #expect(TariffLibrary(directory: edit.tariffs).check().warnings.isEmpty)
    }

    /// 2027-11-15 is 46 days before 2027-12-31, inside the 60-day window of reference.xml; 2028-01-02 is past it.
    /// Five files run out then: the reference data, the energy law and three cities.
    @Test func dataRunningOutWarnsInTime() throws {
        let library = TariffLibrary(directory: Checkout.tariffs)
        let soon = library.check(today: CalendarDate(iso: "2027-11-15")).warnings.map(\.description)
        #expect(soon.count == 5)
        #expect(
            soon.contains(
                "\(Checkout.tariffs)/energy-law.xml: warning: validUntil 2027-12-31 is in 46 days: re-read the laws its sources quote and renew the date before then"
            ))
        #expect(
            soon.first
                == "\(Checkout.tariffs)/reference.xml: warning: validUntil 2027-12-31 is in 46 days: check the prices and renew the date before then"
        )
        let past = library.check(today: CalendarDate(iso: "2028-01-02"))
        #expect(past.errors.isEmpty)
        #expect(
            past.warnings.map(\.description).contains(
                "\(Checkout.tariffs)/bremen.xml: warning: validUntil 2027-12-31 has passed: every advice warns; update the prices and the date (README: keeping the data current)"
            ))
    }

    @Test func aSourceNothingCites() throws {
        let edit = try Edited(
            "bremen", replacing: "  <sources>\n",
            with:
                "  <sources>\n    <source id=\"old-price-2024\" publisher=\"swb\" document=\"Preisblatt 2024\" year=\"2024\" confirmed=\"true\"/>\n"
        )
        let result = edit.check()
        #expect(result.errors.isEmpty)
        #expect(
            result.warnings.map(\.description) == [
                "\(edit.file):\(edit.line + 1): warning: source \"old-price-2024\" is defined but no figure cites it: remove it, or cite it where it belongs"
            ])
    }

    @Test func aCityWithoutOffice() throws {
        let directory = try TemporaryDirectory()
        let tariffs = try directory.copyTariffs()
        let file = tariffs + "/bremen.xml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let edited = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("<office ") }
        try edited.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let line = try #require(edited.firstIndex { $0.hasPrefix("<city ") }) + 1
        #expect(
            TariffLibrary(directory: tariffs).check().warnings.map(\.description) == [
                "\(file):\(line): warning: no <office>: the advice works, but esp report prints no sheet for bremen until the advice office's name, address and phone are given",
                "\(file):\(line + 3): warning: source \"vz-bremen-contact\" is defined but no figure cites it: remove it, or cite it where it belongs",
            ])
    }

    /// A mistyped source id is one error, not also a missing price or a missing default tariff.
    @Test func aWrongSourceIdIsOneError() throws {
        let edit = try Edited(
            "nuernberg", replacing: "validFrom=\"2026-01-01\" source=\"get-basic-supply-2026\"",
            with: "validFrom=\"2026-01-01\" source=\"get-basic-suply-2026\"")
        let result = edit.check()
        #expect(
            result.errors.map(\.description) == [
                "\(edit.file):\(edit.line): <tariff> names source \"get-basic-suply-2026\", which no <source> defines"
            ])
        // The other cities keep working.
        #expect(throws: Never.self) { try Checkout.data.tariffs.load(cityID: "leipzig") }
        #expect(throws: Never.self) { try TariffLibrary(directory: edit.tariffs).load(cityID: "bremen") }
    }

    @Test func twoPricesFromTheSameDay() throws {
        let entry =
            "    <tariff id=\"l-strom-basis\" supplier=\"Leipziger Stadtwerke\" name=\"L-Strom.basis (Grundversorgung), Grundpreis von 2024\" basicSupply=\"true\" default=\"true\" energyPriceCtPerKWh=\"30.86\" basePriceEURPerYear=\"168\" validFrom=\"2026-01-01\" source=\"lsw-l-strom-basis\"/>\n"
        let edit = try Edited(
            "leipzig", replacing: entry, with: entry + entry.replacingOccurrences(of: "30.86", with: "31.86"))
        #expect(
            edit.check().errors.map(\.description) == [
                "\(edit.file):\(edit.line + 1): tariff \"l-strom-basis\" has two entries valid from 2026-01-01"
            ])
    }

    /// A decimal comma, as a German keyboard types it, in plain words with what to write instead.
    @Test func aDecimalCommaInPlainWords() throws {
        let edit = try Edited(
            "nuernberg", replacing: "energyPriceCtPerKWh=\"36.38\"", with: "energyPriceCtPerKWh=\"36,38\"")
        #expect(
            edit.check().errors.map(\.description) == [
                "\(edit.file):\(edit.line): <tariff> energyPriceCtPerKWh=\"36,38\" is not a number: use a decimal point, e.g. 36.38"
            ])
    }
}
