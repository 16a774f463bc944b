import AdviceData
import EnergyAdvice
import TestSupport
import Testing

@testable import VisitQuestionnaire

@Suite("Mistyped scales are asked back; gas in m³ becomes kWh")
struct AskBackTests {
    /// The pensioner's questionnaire at the electricity price, with an own tariff.
    static func atPrice() throws -> Questionnaire {
        try Fixture.questionnaire(before: "electricity.tariff.energyPriceCtPerKWh")
    }

    /// The questionnaire takes the prices the visit format takes and warns outside the usual 15–100 ct/kWh of
    /// electricity, from the same table as `esp tariffs check` (InputLimits; issue 20).
    @Test func pricesFollowTheOneTable() throws {
        for (typed, warns) in [("15", false), ("100", false), ("14,9", true), ("101", true), ("200", true)] {
            var q = try Self.atPrice()
            guard case .accepted(let warning, _) = q.answer(typed) else {
                Issue.record("\(typed) ct refused")
                continue
            }
            #expect((warning != nil) == warns, "\(typed) ct")
        }
        var q = try Self.atPrice()
        guard case .rejected = q.answer("201") else {
            Issue.record("201 ct accepted")
            return
        }
    }

    @Test func aMonthlyBasePriceIsAskedBack() throws {
        var q = try Self.atPrice()
        #expect(q.answer("38,5") == .accepted(warning: nil))
        #expect(q.answer("11,50") == .accepted(warning: nil))
        let check = try #require(q.currentQuestion)
        #expect(check.id == "electricity.tariff.basePriceEURPerYear.monthly")
        #expect(check.prompt == "11,5 € im Jahr ist sehr wenig. Ist das ein Monatsbetrag, also 138 € im Jahr?")
        #expect(check.defaultAnswer == "j")
        #expect(q.answer("") == .accepted(warning: nil, note: "= 138 €/Jahr"))
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.dropFirst(12)))
        #expect(try q.visit().electricity.tariff == PriceOverride(energyPriceCtPerKWh: 38.5, basePriceEURPerYear: 138))
    }

    /// 24 € a year (2 € a month) is the lowest yearly base price a tariff has (InputLimits): taken as typed. Below it,
    /// keeping the figure is refused: the sheet would promise a refund on a bill without its base price.
    @Test func aYearlyBasePriceNoTariffHasCannotBeKept() throws {
        var q = try Self.atPrice()
        Fixture.answer(&q, ["38,5", "20"])
        #expect(q.currentQuestion?.id == "electricity.tariff.basePriceEURPerYear.monthly")
        #expect(
            q.answer("n")
                == .rejected(
                    "Einen Grundpreis unter 24 € im Jahr hat kein Tarif. Bitte „j“ (Monatsbetrag) antworten oder mit „<“ den Grundpreis neu eingeben."
                ))
        #expect(q.answer("j") == .accepted(warning: nil, note: "= 240 €/Jahr"))
        var kept = try Self.atPrice()
        Fixture.answer(&kept, ["38,5", "24"])
        Fixture.answer(&kept, Array(Fixture.pensionerAnswers.dropFirst(12)))
        #expect(try kept.visit().electricity.tariff?.basePriceEURPerYear == 24)
    }

    @Test func aMonthlyFigureWithItsUnitIsConvertedAtOnce() throws {
        var q = try Self.atPrice()
        #expect(q.answer("38,5") == .accepted(warning: nil))
        #expect(q.answer("11,50 €/Monat") == .accepted(warning: nil, note: "= 138 €/Jahr (11,5 € × 12 Monate)"))
        #expect(q.currentQuestion?.id == "electricity.switchPossible", "no need to ask back")
    }

    @Test func eurosTypedForCentsAreAskedBack() throws {
        var q = try Self.atPrice()
        #expect(q.answer("0,39") == .accepted(warning: nil))
        #expect(q.currentQuestion?.prompt == "0,39 ct/kWh ist sehr wenig. Sind das Euro, also 39 ct/kWh?")
        #expect(
            q.answer("n")
                == .rejected(
                    "Einen Arbeitspreis unter 1 ct/kWh hat kein Tarif. Bitte „j“ (Euro) antworten oder mit „<“ den Preis in ct/kWh neu eingeben."
                ))
        #expect(q.answer("j") == .accepted(warning: nil, note: "= 39 ct/kWh"))
        #expect(q.currentQuestion?.id == "electricity.tariff.basePriceEURPerYear")
        var typed = try Self.atPrice()
        #expect(typed.answer("0,39 €/kWh") == .accepted(warning: nil, note: "= 39 ct/kWh (0,39 €/kWh)"))
        #expect(typed.currentQuestion?.id == "electricity.tariff.basePriceEURPerYear")
    }

    @Test func aYearlyInstallmentIsAskedBack() throws {
        var q = try Fixture.questionnaire(before: "electricity.monthlyInstallmentEUR")
        #expect(q.answer("1020") == .accepted(warning: nil))
        #expect(
            q.currentQuestion?.prompt == "1020 € im Monat ist sehr viel. Ist das ein Jahresbetrag, also 85 € im Monat?")
        #expect(q.answer("ja") == .accepted(warning: nil, note: "= 85 €/Monat"))
        var typed = try Fixture.questionnaire(before: "electricity.monthlyInstallmentEUR")
        #expect(typed.answer("1020 € im Jahr") == .accepted(warning: nil, note: "= 85 €/Monat (1020 € ÷ 12 Monate)"))
    }

    @Test func gasInCubicMetresBecomesKWhAndTheAdvisorIsTold() throws {
        var q = try Fixture.questionnaire(before: "heating.annualKWh")
        #expect(q.currentQuestion?.help?.contains("„1234 m³“") == true)
        guard case .accepted(_, let note) = q.answer("1234 m³") else {
            Issue.record("m³ refused")
            return
        }
        // 1234 × 11,2 × 0,95 = 13129,8 kWh.
        #expect(
            note
                == "= 13130 kWh/Jahr (1234 m³ × 10,64 kWh/m³: Brennwert 11,2 × Zustandszahl 0,95; die Rechnung nennt die genauen Werte)"
        )
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.dropFirst(34)))
        #expect(try q.visit().heating?.annualKWh == 13130)
        #expect(QuestionnaireDefaults.gasKWhPerCubicMetre == 10.64)
    }

    @Test func aGasFigureThatOnlyFitsInCubicMetresIsAskedBack() throws {
        var q = try Fixture.questionnaire(before: "heating.annualKWh")
        // 650 kWh for 48 m² is 13.5 kWh/m²; as m³ it is 6916 kWh, 144 kWh/m².
        #expect(q.answer("650") == .accepted(warning: nil))
        #expect(
            q.currentQuestion?.prompt
                == "650 kWh im Jahr ist für 48 m² sehr wenig. Sind das m³ Gas? Das wären etwa 6916 kWh im Jahr.")
        #expect(q.answer("") == .accepted(warning: nil, note: "= 6916 kWh/Jahr"))
        var kept = try Fixture.questionnaire(before: "heating.annualKWh")
        Fixture.answer(&kept, ["650", "n"])
        Fixture.answer(&kept, Array(Fixture.pensionerAnswers.dropFirst(34)))
        #expect(try kept.visit().heating?.annualKWh == 650)
    }

    @Test func otherFuelsTakeNoCubicMetres() throws {
        var q = try Fixture.questionnaire(before: "heating.fuel")
        Fixture.answer(&q, ["Heizöl"])
        guard case .rejected(let message) = q.answer("1234 m³") else {
            Issue.record("m³ accepted for oil")
            return
        }
        #expect(message == "„1234 m³“ ist keine Zahl in kWh/Jahr. Erlaubt: mehr als 0 bis 200000 kWh/Jahr.")
    }
}
