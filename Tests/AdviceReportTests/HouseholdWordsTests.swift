import AdviceData
import AdviceLocalization
import EnergyAdvice
import Foundation
import TestSupport
import Testing

@testable import AdviceReport

/// What the household reads, in its own language: rooms from a translated list, no German staff lines, estimates
/// rounded for reading, and the wording a fresh native read asked for.
@Suite("The household's words")
struct HouseholdWordsTests {
    static let foreign = ["ru", "tr", "uk", "ar"]

    /// Two significant digits, never finer than whole units.
    @Test(arguments: [
        (1404.92, 1400.0),  // 3,400 kWh · 36.38 ct + 168 €: the Nürnberg family's electricity
        (371.4, 370), (2152, 2200), (1098, 1100), (152, 150), (12345, 12000),
        (99.6, 100), (25.3, 25), (0, 0), (-52.4, -52),
    ])
    func estimatesAreRoundedForReading(value: Double, expected: Double) {
        #expect(SheetBuilder.roundedForReading(value) == expected)
    }

    @Test func estimatesReadAsAbout() throws {
        let (advice, city) = try Shipped.advice("nuernberg-family-ru.json")
        let sheet = try Shipped.sheet(advice, city: city)
        #expect(sheet.consumption.lines[0] == "Strom: 3.400\u{00A0}kWh im Jahr. Das kostet etwa 1.400\u{00A0}€.")
        // The headline is what the household keeps (188.40 €, whole euros: it adds up from the table); its range,
        // 143–234 €, is read as about 140 to 230 €.
        #expect(sheet.split.lines.last == "Sie selbst sparen 188\u{00A0}€ im Jahr. Dieses Geld bleibt bei Ihnen.")
        #expect(sheet.steps.notes[0].hasPrefix("Sie sparen im Jahr zwischen 140\u{00A0}€ und 230\u{00A0}€."))
        // The table's figures add up to its total: they stay whole euros.
        #expect(sheet.steps.total[2] == "188\u{00A0}€")
    }

    /// Rooms of the list in the household's language, whether the visit holds the German name (any case) or the
    /// id; a room in the advisor's own words as typed.
    @Test func roomsAreInTheHouseholdsLanguage() throws {
        let (advice, city) = try Shipped.advice("nuernberg-family-ru.json")
        let expected = [
            "de": "Wohnzimmer (6) · Küche (2) · Bad (2)", "ru": "Гостиная (6) · Кухня (2) · Ванная (2)",
            "uk": "Вітальня (6) · Кухня (2) · Ванна кімната (2)", "tr": "Oturma odası (6) · Mutfak (2) · Banyo (2)",
            "ar": "غرفة المعيشة (6) · المطبخ (2) · الحمّام (2)",
        ]
        for (language, places) in expected {
            let sheet = try Shipped.sheet(advice, city: city, language: language)
            #expect(sheet.steps.rows[0].places == places)
        }
        let ru = try Shipped.builder("ru")
        #expect(ru.roomName("living-room") == "Гостиная")
        #expect(ru.roomName(" küche ") == "Кухня")
        #expect(ru.roomName("WC") == "Туалет")
        #expect(ru.roomName("Hobbyraum") == "Hobbyraum")
        let (tr, trCity) = try Shipped.advice("leipzig-couple-tr.json")
        let turkish = try Shipped.sheet(tr, city: trCity, language: "tr")
        #expect(turkish.steps.rows[0].title.hasSuffix("– Oturma odası"))
    }

    /// Every room of the list has its text in every language, and none is the German word left as it was.
    @Test func everyRoomIsTranslated() throws {
        let library = LocaleLibrary(directory: Checkout.locales)
        let german = try library.localizer(language: "de")
        for language in Self.foreign {
            let texts = try library.localizer(language: language)
            for room in Room.allCases where room != .balcony {
                let name = texts.text("room.\(room.rawValue)")
                #expect(!name.isEmpty && name != german.text("room.\(room.rawValue)"), "\(room) in \(language)")
            }
        }
    }

    /// Suppliers' German product names ("Preis geschätzt, bundesweiter Mittelwert"), publishers and the rules
    /// version are for the office: the household reads its prices in its own words.
    @Test func staffLinesStayOnTheOfficeCopy() throws {
        let staffWords = [
            "Preis geschätzt", "bundesweiter Mittelwert", "Mittelwert der Grundversorgung", "nicht gefunden",
            "(Durchschnitt", "Arbeitspreis", "GET AG",
            "co2online", "esp 2026", "Rechenregeln",
        ]
        for example in Shipped.examples {
            let (advice, city) = try Shipped.advice(example)
            for language in ["de"] + Self.foreign {
                let sheet = try Shipped.sheet(advice, city: city, language: language)
                let household = AdviceText.layout(sheet).joined(separator: "\n")
                for word in staffWords {
                    #expect(!household.contains(word), "\(example) in \(language): \"\(word)\"")
                }
            }
            let office = AdviceText.render(try Shipped.sheet(advice, city: city, audience: .office))
            #expect(office.contains("co2online gGmbH 2025"))
            #expect(office.contains("Rechenregeln Version 2"))
        }
        let (advice, city) = try Shipped.advice("nuernberg-family-ru.json")
        let ru = try Shipped.sheet(advice, city: city, language: "ru")
        #expect(ru.sources.heading == "По этим ценам мы считали")
        #expect(
            ru.sources.lines[0].hasPrefix("Электричество: 36,38\u{00A0}цент/кВт·ч + 168,00\u{00A0}€/год, действует с 1")
        )
        #expect(ru.sources.lines[0].hasSuffix(", не подтверждено"))
    }

    /// A house is no flat: the Bremen heat-pump house reads "Wohnfläche", "Räume", in every language.
    @Test func aHouseIsNotCalledAFlat() throws {
        let (advice, city) = try Shipped.advice("bremen-house-heatpump.json")
        #expect(advice.household.dwelling == .house)
        let flatWords = ["de": "Wohnung", "ru": "квартир", "uk": "квартир", "ar": "شقة", "tr": "dairenizi"]
        for (language, word) in flatWords {
            let text = AdviceText.render(try Shipped.sheet(advice, city: city, language: language))
            #expect(!text.contains(word), "\(language): \"\(word)\"")
        }
        let german = AdviceText.layout(try Shipped.sheet(advice, city: city)).joined(separator: "\n")
        #expect(german.contains("pro Quadratmeter Wohnfläche"))
        #expect(german.contains("Heizen Sie Ihre Räume auf 20\u{00A0}°C"))
    }

    /// The wording a fresh native read of each language asked for.
    @Test func wordingFromTheNativeRead() throws {
        let library = LocaleLibrary(directory: Checkout.locales)
        let de = try library.localizer(language: "de")
        // "Förderung" reads as a subsidy to a low-literacy reader.
        #expect(de.text("smallprint.co2.withUpstream").contains("Gewinnen"))
        #expect(!de.text("smallprint.co2.withUpstream").contains("Förderung"))
        #expect(!de.text("smallprint.co2.withoutUpstream").contains("Förderung"))
        #expect(
            de.text("measure.room-temperature.how", ["target": .text("20 °C"), "room": .text("22 °C")])
                .hasSuffix("Tipp: Stufe 3 am Thermostat bedeutet etwa 20\u{00A0}°C im Raum."))
        // Spelled as on the document itself.
        #expect(de.text("consumption.heatingEstimated").contains("Heizkostenabrechnung"))
        let ru = try library.localizer(language: "ru")
        let uk = try library.localizer(language: "uk")
        let installment: [String: MessageArgument] = [
            "label": .text("X"), "amount": .text("1"), "recommended": .text("2"),
        ]
        #expect(ru.text("installment.expected", installment).contains("Советуем платить 2 в месяц"))
        #expect(uk.text("installment.expected", installment).contains("Радимо платити 2 на місяць"))
        #expect(ru.text("steps.noOwnSaving").contains("получаете не Вы."))
        #expect(uk.text("steps.noOwnSaving").contains("отримуєте не Ви."))
        // Turkish: one word for the switchable strip, and the Sozialamt explained wherever a household reads it.
        let tr = try #require(LocaleFile.read(path: Checkout.locales + "/tr.xlf", expectedLanguage: "tr").0)
        let strips = ["measure.standby.title", "measure.standby.title.group", "kit.switchable-strip"]
        for id in strips {
            let text = tr.units[id]?.target ?? ""
            #expect(text.lowercased().contains("düğmeli çoklu priz"), "\(id): \(text)")
        }
        #expect(!tr.units.values.contains { ($0.target ?? "").contains("uzatma") })
        for unit in tr.units.values where !unit.id.hasPrefix("warning.") && !unit.id.hasPrefix("advisor.") {
            let text = unit.target ?? ""
            let bare = text.lowercased().components(separatedBy: "sozialamt").count - 1
            // Declined as the sentence needs (dairesine, dairesinden), or named beside the Jobcenter as "the office".
            let glossed = text.lowercased().matches(
                of: /sosyal yardım daire\S* \(sozialamt\)|\(jobcenter veya sozialamt\)/
            )
            .count
            #expect(bare == glossed, "\(unit.id): \(text)")
        }
        // Arabic: cents in Arabic, the freezer emptied before it thaws, dates without a comma before the year.
        let ar = try library.localizer(language: "ar")
        #expect(ar.text("unit.ctPerKWh") == "سنت/kWh")
        #expect(ar.text("tip.fridge.how").contains("أخرجوا الطعام"))
        #expect(ar.format.date(year: 2026, month: 3, day: 11) == "11\u{00A0}مارس\u{00A0}2026")
    }

    /// The office copy names the advisor and says it is the copy for the file; the household's does neither.
    @Test func theOfficeCopyNamesTheAdvisor() throws {
        let (advice, city) = try Shipped.advice("nuernberg-pensioner.json")
        let builder = try Shipped.builder("de")
        let office = builder.build(advice, office: city.office, audience: .office, advisor: "AB")
        #expect(office.advisorLine == "Beraten von: AB")
        #expect(office.fileCopyTitle == "Kopie für die Akte: Energiesparberatung")
        #expect(office.pageLine(page: 1, of: 2) == "Kopie für die Akte · Nummer NUE-2026-0142 · Seite 1 von 2")
        let household = builder.build(advice, office: city.office, audience: .household, advisor: "AB")
        #expect(household.advisorLine == nil && household.fileCopyTitle == nil)
        #expect(household.pageLine(page: 2, of: 2) == "Nummer NUE-2026-0142 · Seite 2 von 2")
    }
}
