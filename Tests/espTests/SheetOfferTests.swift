import Foundation
import TestSupport
import Testing

@testable import AdviceWorkflows

@Suite("esp visit: the sheet offered after saving")
struct SheetOfferTests {
    /// Runs the offer with scripted answers; returns the decision, the questions asked and what was said.
    func offer(_ answers: [String]) -> (wants: Bool, asked: Int, said: [String]) {
        var remaining = answers
        var asked = 0
        var said: [String] = []
        let wants = VisitRecording.wantsSheet(
            pdf: "v.pdf", say: { said.append($0) },
            ask: { _ in
                asked += 1
                return remaining.isEmpty ? nil : remaining.removeFirst()
            })
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

    /// Issue 18: after `esp visit edit`, a confirmed "write the sheet now" must not keep the sheet of the visit before
    /// the edit. The question says the file is replaced, and a yes replaces it.
    @Test func aConfirmedSheetReplacesAStaleOne() throws {
        let folder = try TemporaryDirectory()
        let visit = folder.file("v.json")
        try FileManager.default.copyItem(atPath: Checkout.examples + "/nuernberg-pensioner.json", toPath: visit)
        let pdf = try folder.write("v.pdf", "stale sheet of the visit before the edit")
        var questions: [String] = []
        var said: [String] = []
        var warnings: [String] = []
        VisitRecording.offerSheet(
            visitPath: visit, advisor: Advisor(data: Checkout.data), creationDate: "2026-03-14T10:00:00Z",
            say: { said.append($0) },
            ask: {
                questions.append($0)
                return "j"
            }, warn: { warnings.append($0) })
        #expect(warnings.isEmpty)
        #expect(questions == ["Beratungsblatt für den Haushalt jetzt schreiben (\(pdf) wird ersetzt)? (j/n) [j]: "])
        #expect(said.last == "Beratungsblatt ersetzt: \(pdf)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.starts(with: Array("%PDF".utf8)))
    }
}
