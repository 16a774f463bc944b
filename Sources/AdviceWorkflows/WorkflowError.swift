import AdviceData
import AdviceLocalization
import AdvicePDF
import EnergyAdvice
import SafeFiles
import VisitQuestionnaire
import VisitRecords

/// Why a use case of esp did not complete: the facts, for each front end to word — the command line with its exit
/// status and flags, the web with its HTTP status and problem document. ``description`` words them plainly, naming
/// no front end.
public enum WorkflowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A data folder, tariff file or visit file could not be found, read or used.
    case data(DataError)
    /// The texts of a language could not be loaded.
    case texts(LocaleError)
    /// The register refused or failed.
    case store(StoreError)
    /// Visits were being sent to another register when it failed: `sent` of `total` arrived whole, the others not
    /// at all.
    case transferInterrupted(sent: Int, total: Int, StoreError)
    /// The PDF could not be made.
    case pdf(PDFError)
    /// The questionnaire could not go on (a draft, an answer given in advance, a file to edit).
    case visit(QuestionnaireError)
    /// The city file has no advice office, which every sheet names.
    case noOffice(city: String)
    /// Two visits with one id in one batch: the second would replace the first's sheet.
    case duplicateVisit(visitId: String, first: String, second: String)
    /// A file would be replaced, and replacing was not asked for.
    case outputExists(path: String)
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// A file could not be read.
    case cannotRead(FileError)
    /// A period whose start is after its end.
    case reversedDates(from: CalendarDate, to: CalendarDate)
    /// No visit of the city is registered; `registered` lists the cities that are.
    case cityNotRegistered(city: String, registered: [String])
    /// The period holds no visits, so there is nothing to report.
    case noVisitsInPeriod
    /// A file is not a programme summary this esp can read.
    case summary(source: String, SummaryDocumentError)
    /// Summaries that cannot be compared.
    case comparison(CityComparison.Problem)
    /// Not a language tag such as `uk`, `ar`, `pt-BR`.
    case notALanguageTag(String)
    /// German is the source language: no translation template for it.
    case sourceLanguageTemplate
    /// The interview ended before its last question; the draft is kept and the message says how to continue.
    case interviewStopped(message: String)
    /// Letters were asked for a visit that records no energy debt.
    case noEnergyDebt(visitId: String)

    /// What went wrong, in plain words.
    public var description: String {
        switch self {
        case .data(let error): error.description
        case .texts(let error): error.description
        case .store(let error): error.description
        case .transferInterrupted(let sent, let total, let error):
            "\(error); \(sent) of \(total) visits had arrived whole, the others not at all"
        case .pdf(let error): error.description
        case .visit(let error): error.description
        case .noOffice(let city):
            "the tariff file of \(city) has no <office>; the sheet needs the advice office's name, address and phone"
        case .duplicateVisit(let visitId, let first, let second):
            "\(second): visit id \(visitId) is the id of \(first) too; its sheet would replace the first one's"
        case .outputExists(let path): "\(path) exists already"
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        case .cannotRead(let error): error.description
        case .reversedDates(let from, let to): "the period starts on \(from), after its end on \(to)"
        case .cityNotRegistered(let city, let registered):
            "no visits of city \"\(city)\" in the register; cities there: "
                + (registered.isEmpty ? "none" : registered.joined(separator: ", "))
        case .noVisitsInPeriod: "no visits in this period: no report written"
        case .summary(let source, let error): "\(source):\(error)"
        case .comparison(let problem):
            switch problem {
            case .tooFew: "a comparison needs the summaries of at least two cities"
            case .empty(let source): "\(source): the summary holds no visits"
            case .notOneCity(let source, let cities):
                "\(source): the summary covers \(cities.joined(separator: ", ")); one summary per city is needed"
            case .sameCityTwice(let city, let first, let second):
                "\(second): a second summary of \(city) (the first is \(first)); give one per city"
            }
        case .notALanguageTag(let tag): "\"\(tag)\" is not a language tag: use e.g. uk, ar, fa or pt-BR"
        case .sourceLanguageTemplate: "de.xlf is the German source; a template is for another language"
        case .interviewStopped(let message): message
        case .noEnergyDebt(let visitId):
            "visit \(visitId) records no energy debt (energyDebt[] in the visit file): there are no letters to write"
        }
    }
}
