import AdviceData
import AdviceLocalization
import AdvicePDF
import AdviceReport
import ArgumentParser
import EnergyAdvice
import Foundation
import SafeFiles

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the printed advice sheet (PDF, A4) for one or many visits.",
        discussion: """
        Each visit becomes VISITID.pdf in --out-dir (default: the current folder), or the file given with -o for a \
        single visit. Many visits render in parallel; a visit that fails is reported and the others still print. \
        Set SOURCE_DATE_EPOCH for byte-identical output.
        """
    )

    @Argument(help: ArgumentHelp("Visit files (esp-visit/1 JSON), or folders of them.", valueName: "VISIT"))
    var visits: [String]

    @Option(name: .long, help: ArgumentHelp("Language of the sheet (default: each visit's language).", valueName: "LANG"))
    var lang: String?

    @Option(name: .customLong("second-language"), help: ArgumentHelp("Add the office copy in this language on its own pages, with the advisor's warnings and assumptions, e.g. de.", valueName: "LANG"))
    var secondLanguage: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The PDF file, for a single visit.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("Folder for the PDFs, one per visit.", valueName: "DIR"))
    var outDir: String?

    @Option(name: .long, help: "Sheets rendered at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Overwrite existing PDF files.")
    var force = false

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard !visits.isEmpty else { throw ValidationError("Give at least one visit file.") }
        if output != nil && visits.count > 1 { throw ValidationError("-o names one file; use --out-dir for \(visits.count) visits.") }
        if output != nil && outDir != nil { throw ValidationError("Use either -o or --out-dir, not both.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        let visits = try VisitArguments.files(self.visits)
        if output != nil && visits.count > 1 {
            Output.error("esp: -o names one file, but the folder holds \(visits.count) visits; use --out-dir")
            throw ExitCode(1)
        }
        let data = try dataOptions.locate()
        do {
            try PDFRenderer.checkFont()
        } catch {
            Output.error("esp: \(error.description)")
            throw ExitCode(1)
        }
        if let outDir {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: outDir, isDirectory: &isDirectory), isDirectory.boolValue else {
                Output.error("esp: \(outDir): the output folder does not exist")
                throw ExitCode(1)
            }
        }
        let batch = SheetBatch(session: AdviceSession(data: data), language: lang, secondLanguage: secondLanguage,
                               creationDate: Self.creationDate(), force: force)
        let progress = Progress(total: visits.count, visible: isatty(2) == 1 && visits.count > 1)
        let failures = Locked<[(Int, String)]>([])
        let next = Locked(0)
        let paths = visits
        let target = output
        let folder = outDir ?? "."
        DispatchQueue.concurrentPerform(iterations: min(jobs, visits.count)) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < paths.count else { return }
                do {
                    try batch.render(visit: paths[index], output: target, folder: folder)
                } catch {
                    failures.withLock { $0.append((index, String(describing: error))) }
                }
                progress.step()
            }
        }
        progress.finish()
        let failed = failures.withLock { $0 }.sorted { $0.0 < $1.0 }
        failed.forEach { Output.error("esp: \($0.1)") }
        if paths.count > 1 || !failed.isEmpty {
            Output.error("esp: \(paths.count - failed.count) of \(paths.count) sheets written" + (failed.isEmpty ? "" : ", \(failed.count) failed"))
        }
        if !failed.isEmpty { throw ExitCode(1) }
    }

    /// `SOURCE_DATE_EPOCH` when set (reproducible builds convention), else now.
    static func creationDate() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(text) {
            return formatter.string(from: Date(timeIntervalSince1970: seconds))
        }
        return formatter.string(from: Date())
    }
}

/// Turns one visit into its PDF; shared by the worker threads.
final class SheetBatch: Sendable {
    let session: AdviceSession
    let language: String?
    let secondLanguage: String?
    let creationDate: String
    let force: Bool
    private let localizers = Locked<[String: Localizer]>([:])

    init(session: AdviceSession, language: String?, secondLanguage: String?, creationDate: String, force: Bool) {
        self.session = session
        self.language = language
        self.secondLanguage = secondLanguage
        self.creationDate = creationDate
        self.force = force
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func localizer(_ language: String) throws -> Localizer {
        if let cached = localizers.withLock({ $0[language] }) { return cached }
        do {
            let loaded = try LocaleLibrary(directory: session.data.localesPath).localizer(language: language)
            localizers.withLock { $0[language] = loaded }
            return loaded
        } catch {
            throw Failure(description: error.description)
        }
    }

    func render(visit path: String, output: String?, folder: String) throws {
        let advice: Advice
        let city: CityTariffs
        do {
            (advice, city) = try session.advise(visitPath: path)
        } catch {
            throw Failure(description: error.description)
        }
        guard let office = city.office else {
            throw Failure(description: "\(path): the tariff file of \(city.id) has no <office>; the sheet needs the advice office's name, address and phone")
        }
        let primary = language ?? advice.language
        // The household's copy never carries the advisor's warnings; the office copy in the second language does.
        var sheets = [SheetBuilder(localizer: try localizer(primary)).build(advice, office: office, audience: .household)]
        if let second = secondLanguage {
            sheets.append(SheetBuilder(localizer: try localizer(second)).build(advice, office: office, audience: .office))
        }
        let file = output ?? (folder.hasSuffix("/") ? folder : folder + "/") + advice.visitId + ".pdf"
        let info = PDFDocumentInfo(
            title: "\(sheets[0].title) – \(advice.visitId)", author: office.name,
            subject: "esp advice sheet, language: \(sheets.map(\.language).joined(separator: " + "))",
            keywords: "esp; energy advice; \(advice.city); language=\(primary)", creationDate: creationDate)
        do {
            try PDFRenderer.write(sheets, to: file, info: info, overwrite: force)
        } catch {
            throw Failure(description: error.description)
        }
    }
}

/// A one-line progress bar on a terminal; silent when standard error is not one.
final class Progress: Sendable {
    let total: Int
    let visible: Bool
    private let done = Locked(0)

    init(total: Int, visible: Bool) {
        self.total = total
        self.visible = visible
    }

    func step() {
        let count = done.withLock { value -> Int in
            value += 1
            return value
        }
        guard visible else { return }
        let width = 30
        let filled = width * count / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        Output.raw("\r[\(bar)] \(count)/\(total)")
    }

    func finish() {
        if visible { Output.raw("\n") }
    }
}
