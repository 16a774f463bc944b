import AdviceData
import EnergyAdvice
import HouseholdGenerator
import Testing

@Suite("Visit files round-trip")
struct RoundTripPropertyTests {
    /// A visit written by VisitEncoder and read back by VisitDecoder is the same visit, for 2,000 generated
    /// households using every optional field of the format.
    @Test func aWrittenVisitReadsBackEqual() throws {
        var households = HouseholdGenerator(city: "nuernberg", fuels: HeatingFuel.allCases, seed: 11)
        for index in 0..<2000 {
            let generated = households.visit(index)
            let visit = try #require(generated)
            let text = VisitEncoder.text(visit)
            let again = try VisitDecoder.decode(Array(text.utf8), path: "generated-\(index).json")
            #expect(again == visit, "visit \(index) changed on the way through its file:\n\(text)")
        }
    }
}
