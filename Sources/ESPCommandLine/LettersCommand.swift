import AdviceData
import AdviceWorkflows
import ArgumentParser
import EnergyAdvice
import SafeFiles

struct LettersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters",
        abstract: "Write the household's letters for its energy debts (German, one A4 page each, ready to sign).",
        discussion: """
            For each energyDebt[] of the visit: a letter to the supplier (an Abwendungsvereinbarung or a payment \
            plan, and that a cut-off would be disproportionate where a recorded risk makes it so) and, where the \
            benefit gives one, the loan application to the jobcenter or social office. The visit's household.name \
            and household.address are filled in; what the visit does not hold is a blank line. Each file is \
            VISITID-N-ENERGY-RECIPIENT.pdf; the paths written are printed. Set SOURCE_DATE_EPOCH for byte-identical \
            output.
            """
    )

    @Argument(help: ArgumentHelp("The visit file (esp-visit/1 JSON).", valueName: "VISIT"))
    var visit: String

    @Option(
        name: .customLong("out-dir"),
        help: ArgumentHelp(
            "Folder for the letters (created when missing).", valueName: "DIR"))
    var outDir: String = "."

    @Flag(name: .long, help: "Overwrite existing letters.")
    var force = false

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let decoded = try VisitFile.read(visit)
        let advising = Advising(
            data: try dataOptions.snapshot(
                cities: .only([decoded.city]), languages: .only([VisitRules.languageDefault])))
        let letters = try LetterWriting(advising: advising)
            .letters(try advising.advise(decoded, source: visit), creationDate: Environment.creationDate())
        try FileOutput.folder(outDir)
        let paths = letters.map { FilePath.join(outDir, $0.fileName) }
        // All or none: an existing letter stops the command before anything is written.
        if !force, let existing = paths.first(where: { FilePath.status($0) != nil }) {
            throw WorkflowError.outputExists(path: existing)
        }
        for (letter, path) in zip(letters, paths) {
            try FileOutput.write(letter.pdf.bytes, to: path, replacing: force)
            Output.line(path)
        }
    }
}
