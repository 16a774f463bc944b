import VisitQuestionnaire

/// The question after a visit is saved: write the household's sheet now?
enum SheetQuestion {
    /// Asks until the answer is yes (or Enter) or no; anything else is asked again, so a typo never silently skips
    /// the sheet. The end of input is a no. A sheet that exists already (of an earlier version of the visit) is
    /// named, since yes replaces it.
    static func wantsSheet(pdf: String, exists: Bool, ask: (String) -> String?, say: (String) -> Void) -> Bool {
        let question =
            exists
            ? "Beratungsblatt für den Haushalt neu schreiben (\(pdf) wird ersetzt)? (j/n) [j]: "
            : "Beratungsblatt für den Haushalt jetzt schreiben (\(pdf))? (j/n) [j]: "
        while let answer = ask(question) {
            if AnswerWords.isYes(answer, defaultYes: true) { return true }
            if AnswerWords.isNo(answer) { return false }
            say("  Nicht übernommen: Bitte „j“ (ja) oder „n“ (nein) eingeben.")
        }
        return false
    }
}
