import Testing

@testable import ESPCommandLine

@Suite("esp visit: the sheet offered after saving")
struct SheetOfferTests {
    /// Runs the offer with scripted answers; returns the decision, the questions asked and what was said.
    func offer(_ answers: [String]) -> (wants: Bool, asked: Int, said: [String]) {
        var remaining = answers
        var asked = 0
        var said: [String] = []
        let wants = SheetQuestion.wantsSheet(
            pdf: "v.pdf", exists: false,
            ask: { _ in
                asked += 1
                return remaining.isEmpty ? nil : remaining.removeFirst()
            }, say: { said.append($0) })
        return (wants, asked, said)
    }

    @Test func anUnknownAnswerIsAskedAgain() {
        let result = offer(["x", "vielleicht", "n"])
        #expect(result.wants == false)
        #expect(result.asked == 3)
        #expect(
            result.said == Array(repeating: "  Nicht übernommen: Bitte „j“ (ja) oder „n“ (nein) eingeben.", count: 2))
    }

    @Test func enterAndYesWriteTheSheet() {
        let enter = offer([""])
        #expect(enter.wants && enter.asked == 1 && enter.said.isEmpty)
        #expect(offer(["x", "J"]).wants == true)
        #expect(offer(["ja"]).wants == true)
    }

    @Test func theEndOfInputWritesNoSheet() {
        #expect(offer(["x"]).wants == false)
        #expect(offer([]).asked == 1)
    }
}
