import EnergyAdvice
import TestSupport
import Testing

@testable import VisitQuestionnaire

@Suite("One-line answers: a room's lamps, a standby device, showers, hand-outs")
struct RowTextTests {
    static func lamps(_ text: String) -> LampRowAnswer? { try? RowText.lamps(text).get() }
    static func lampProblem(_ text: String) -> String? {
        if case .failure(let problem) = RowText.lamps(text) { return problem.message }
        return nil
    }

    @Test(arguments: [
        (
            "Küche: 3 × 60 W Glühlampe 4 h",
            LampRowAnswer(room: "Küche", lamps: 3, watts: 60, technology: .incandescent, hoursPerDay: 4)
        ),
        (
            "Küche: 3x60W Glühlampen 4h",
            LampRowAnswer(room: "Küche", lamps: 3, watts: 60, technology: .incandescent, hoursPerDay: 4)
        ),
        (
            "Wohnzimmer: 6 Halogenspots 35 W 5 Std",
            LampRowAnswer(room: "Wohnzimmer", lamps: 6, watts: 35, technology: .halogen, hoursPerDay: 5)
        ),
        ("Bad: 2 LEDs 1,5 h", LampRowAnswer(room: "Bad", lamps: 2, watts: 7, technology: .led, hoursPerDay: 1.5)),
        ("ESL 2 Stück", LampRowAnswer(room: nil, lamps: 2, watts: 11, technology: .cfl, hoursPerDay: 3)),
        ("Flur: 40 W", LampRowAnswer(room: "Flur", lamps: 1, watts: 40, technology: .incandescent, hoursPerDay: 3)),
        (
            "Zimmer 2: 1 × 11 W Energiesparlampe (Kompaktleuchtstofflampe), 3 h/Tag",
            LampRowAnswer(room: "Zimmer 2", lamps: 1, watts: 11, technology: .cfl, hoursPerDay: 3)
        ),
    ])
    func lampRows(text: String, expected: LampRowAnswer) {
        #expect(Self.lamps(text) == expected, "\(text)")
    }

    /// A room of the list is kept under its German name, which every language's sheet translates, whatever word or
    /// case the advisor typed; an id stays as it is; any other room is kept as typed.
    @Test(arguments: [
        ("küche", "Küche"), ("Badezimmer", "Bad"), ("  Diele ", "Flur"), ("Gäste-WC", "WC"),
        ("living-room", "living-room"),
        ("Wohnzimmer", "Wohnzimmer"), ("Hobbyraum", "Hobbyraum"), ("Zimmer 2", "Zimmer 2"),
    ])
    func roomsOfTheListAreRecognised(typed: String, stored: String) {
        #expect(Self.lamps("\(typed): 2 × 60 W Glühlampe 3 h")?.room == stored)
    }

    /// The questionnaire's German names are the source texts of the Locales list, so a sheet recognises them.
    @Test func theRoomNamesAreTheLocalesSourceTexts() throws {
        let de = try String(contentsOfFile: Checkout.locales + "/de.xlf", encoding: .utf8)
        for room in Room.allCases {
            #expect(de.contains("<unit id=\"room.\(room.rawValue)\">"), "\(room)")
            let unit = de.components(separatedBy: "<unit id=\"room.\(room.rawValue)\">").last ?? ""
            #expect(unit.contains("<source>\(room.germanLabel)</source>"), "\(room)")
        }
        #expect(RowText.roomList.hasPrefix("Übersetzt auf jedem Blatt: Wohnzimmer, Küche, Schlafzimmer, Kinderzimmer"))
    }

    @Test func lampRowsThatCannotBeReadSayWhatIsMissing() {
        #expect(
            Self.lampProblem("Küche: 60")
                == "Bei „60“ fehlt die Einheit: × (Anzahl), W (Watt) oder h (Stunden), z. B. „Küche: 3 × 60 W Glühlampe 4 h“."
        )
        #expect(
            Self.lampProblem("Küche: 2 × Neonröhren")
                == "„neonröhren“ verstehe ich hier nicht; z. B. „Küche: 3 × 60 W Glühlampe 4 h“.")
        #expect(
            Self.lampProblem("Küche")
                == "Bitte Anzahl, Watt, Lampenart und Stunden angeben, z. B. „Küche: 3 × 60 W Glühlampe 4 h“.")
        #expect(Self.lampProblem("3 × 60 W 2 × 40 W") == "Bitte die Anzahl nur einmal angeben.")
        #expect(
            Self.lampProblem("Glühlampe LED")
                == "Bitte nur eine Lampenart je Zeile angeben, z. B. „Küche: 3 × 60 W Glühlampe 4 h“.")
        #expect(Self.lampProblem("2,5 × 60 W") == "Anzahl der Lampen: bitte eine ganze Zahl von 1 bis 200.")
        #expect(Self.lampProblem("1 × 60 W 30 h") == "Stunden pro Tag: 30 geht nicht; erlaubt von 0 bis 24 h.")
        #expect(Self.lampProblem("\u{1B}[31m: 1 LED")?.hasPrefix("Das Steuerzeichen U+001B") == true)
    }

    @Test func standbyRows() throws {
        #expect(
            try RowText.standby("Fernseher + Receiver: 12 W 20 h").get()
                == StandbyRowAnswer(label: "Fernseher + Receiver", watts: 12, hoursPerDay: 20))
        #expect(try RowText.standby("PC 8 W").get() == StandbyRowAnswer(label: "PC", watts: 8, hoursPerDay: 20))
        #expect(
            try RowText.standby("Receiver 2: 3,5 W 24 h").get()
                == StandbyRowAnswer(label: "Receiver 2", watts: 3.5, hoursPerDay: 24))
        #expect(try RowText.standby("4 W").get() == StandbyRowAnswer(label: nil, watts: 4, hoursPerDay: 20))
        guard case .failure(let noUnit) = RowText.standby("Fernseher 12") else {
            Issue.record("a number without unit was accepted")
            return
        }
        #expect(noUnit.message.hasPrefix("Bei „12“ fehlt die Einheit: W (Leistung) oder h (Stunden)"))
        guard case .failure(let noWatts) = RowText.standby("Fernseher") else { return }
        #expect(noWatts.message.hasPrefix("Bitte die gemessene Standby-Leistung in W angeben"))
    }

    @Test func showerRows() throws {
        #expect(try RowText.showers("15 × 6 min").get() == (15, 6))
        #expect(try RowText.showers("10x8min").get() == (10, 8))
        #expect(try RowText.showers("7 Duschen pro Woche à 5 Minuten").get() == (7, 5))
        #expect(try RowText.showers("14 ×").get() == (14, 6), "minutes default to 6")
        guard case .failure(let bare) = RowText.showers("15") else { return }
        #expect(bare.message.hasPrefix("Bei „15“ fehlt die Einheit"))
    }

    @Test func selections() throws {
        let allowed = [1, 2, 4]
        #expect(try RowText.selection("j", allowed: allowed).get() == [1, 2, 4])
        #expect(try RowText.selection("alle", allowed: allowed).get() == [1, 2, 4])
        #expect(try RowText.selection("n", allowed: allowed).get() == [])
        #expect(try RowText.selection("4, 1", allowed: allowed).get() == [1, 4])
        #expect(try RowText.selection("1-2", allowed: allowed).get() == [1, 2])
        guard case .failure(let problem) = RowText.selection("3", allowed: allowed) else { return }
        #expect(problem.message == "Nummer 3 gibt es hier nicht; möglich: 1, 2, 4.")
        #expect(RowText.storedSelection([1, 2, 4], allowed: allowed) == "alle")
        #expect(RowText.storedSelection([], allowed: allowed) == "keine")
        #expect(RowText.storedSelection([2], allowed: allowed) == "2")
    }
}
