import EnergyAdvice
import Testing

@testable import VisitQuestionnaire

@Suite("Measurements: jug and watch, plug meter")
struct MeasurementTests {
    static let flow = Question.flow(
        "showers.flowLitresPerMinute", "Duschen", "Durchfluss", unit: "L/min",
        range: VisitRules.flowLitresPerMinute, default: 12, help: nil)
    static let fridge = Question.optionalEnergyPerDay(
        "cooling[0].measuredKWhPerDay", "Kühl", "gemessen", unit: "kWh/Tag",
        range: VisitRules.measuredKWhPerDay, help: nil)

    static func value(_ question: Question, _ text: String) -> ParsedAnswer? {
        if case .value(let parsed) = question.parse(text) { return parsed }
        return nil
    }

    @Test func oneLitreInFiveSecondsIsTwelveLitresPerMinute() throws {
        let parsed = try #require(Self.value(Self.flow, "1 l in 5 s"))
        #expect(parsed.value == .number(12))
        #expect(parsed.note == "= 12 L/min")
        #expect(parsed.stored == "1 l in 5 s", "the draft keeps the measurement as typed")
    }

    @Test(arguments: [
        ("1l in 5s", 12.0), ("1 L in 5 Sekunden", 12), ("1,5 l in 8 s", 11.3), ("2 Liter in 10 sek", 12),
        ("500 ml in 3 s", 10), ("10 l in 1 min", 10), ("1 in 6", 10), ("1 l in 7 s", 8.6),
        ("12", 12), ("12 l/min", 12), ("9,5", 9.5), ("", 12),
    ])
    func flowAnswers(text: String, litresPerMinute: Double) throws {
        let parsed = try #require(Self.value(Self.flow, text), "\(text)")
        #expect(parsed.value == .number(litresPerMinute), "\(text)")
    }

    @Test func impossibleMeasurementsAreRefusedWithTheRange() {
        for text in ["1 l in 0 s", "0 l in 5 s", "10 l in 5 s", "1 kg in 5 s", "ein Liter", "-1 l in 5 s"] {
            guard case .rejected(let message) = Self.flow.parse(text) else {
                Issue.record("\(text) was accepted")
                continue
            }
            #expect(message.contains("mehr als 0 bis 25 L/min"), "\(text): \(message)")
        }
        guard case .rejected(let tooMuch) = Self.flow.parse("10 l in 5 s") else { return }
        #expect(tooMuch.contains("ergibt 120 L/min"))
    }

    @Test func plugMeterReadingsBecomeKWhPerDay() throws {
        #expect(Self.value(Self.fridge, "0,3 kWh in 8 h")?.value == .number(0.9))
        #expect(Self.value(Self.fridge, "0,3 kWh in 8 h")?.note == "= 0,9 kWh/Tag")
        #expect(Self.value(Self.fridge, "2,1 kWh in 3 Tagen")?.value == .number(0.7))
        #expect(Self.value(Self.fridge, "450 Wh in 12 h")?.value == .number(0.9))
        #expect(Self.value(Self.fridge, "0,95")?.value == .number(0.95))
        #expect(Self.value(Self.fridge, "0,95")?.note == nil)
        #expect(Self.value(Self.fridge, "-")?.value == AnswerValue.none)
        #expect(Self.value(Self.fridge, "")?.value == AnswerValue.none)
        guard case .rejected = Self.fridge.parse("30") else {
            Issue.record("30 kWh a day accepted")
            return
        }
    }

    @Test func theFlowInTheVisitIsTheConvertedValue() throws {
        var q = Questionnaire(setup: Fixture.setup)
        let index = try #require(Fixture.pensioner.firstIndex { $0.question == "showers.flowLitresPerMinute" })
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.prefix(index)))
        #expect(q.currentQuestion?.id == "showers.flowLitresPerMinute")
        #expect(q.currentQuestion?.kind == .flow(VisitRules.flowLitresPerMinute))
        #expect(q.answer("1,5 l in 6 s") == .accepted(warning: nil, note: "= 15 L/min"))
        Fixture.answer(&q, Array(Fixture.pensionerAnswers.dropFirst(index + 1)))
        #expect(try q.visit().showers?.flowLitresPerMinute == 15)
    }
}
