import EnergyAdvice
import JSONText
import SafeFiles
import SafeText
import SafeXML

/// Everything that can go wrong between a file on disk and a core value, each with a message for the advisor.
public enum DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// How many problems of one visit file a message lists.
    public static let maxProblemsShown = 100

    /// No folder with Tariffs/ was found; lists every place that was tried.
    case dataDirectoryNotFound(searched: [String])
    case fileUnreadable(path: String, reason: String)
    case fileTooLarge(path: String, limitBytes: Int)
    case emptyFile(path: String)
    case malformedJSON(path: String, error: JSONSyntaxError)
    /// The visit broke one or more rules of `esp-visit/1`.
    case invalidVisit(path: String, problems: [Diagnostic])
    /// A tariff or reference file failed the schema or the semantic checks.
    case invalidTariffs(issues: [Diagnostic])
    case unknownCity(id: String, directory: String, available: [String])
    /// The data is valid but cannot serve this visit (e.g. no price for its heating fuel).
    case cannotAdvise(path: String, reason: String)

    /// A visit file that could not be read, in the words for an advisor.
    public init(fileError: FileError) {
        switch fileError {
        case .tooLarge(let path, let limit): self = .fileTooLarge(path: path, limitBytes: limit)
        case .unreadable(let path, let reason), .unwritable(let path, let reason):
            self = .fileUnreadable(path: path, reason: reason)
        case .exists(let path): self = .fileUnreadable(path: path, reason: "exists already")
        }
    }

    /// The problems one by one, for a check that lists them with the others it found.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .invalidTariffs(let issues): issues
        case .invalidVisit(_, let problems): problems
        default: [Diagnostic(file: "", message: description)]
        }
    }

    /// The message for the advisor: the file first, then what is wrong and, where it helps, what to do.
    public var description: String {
        switch self {
        case .dataDirectoryNotFound(let searched):
            return "no esp data folder (with Tariffs/) found; looked in:\n"
                + searched.map { "  - \($0)" }.joined(separator: "\n")
                + "\nUse --data DIR or set ESP_DATA to a folder that holds Tariffs/ and Locales/."
        case .fileUnreadable(let path, let reason):
            return "\(path): cannot read the file: \(reason)"
        case .fileTooLarge(let path, let limit):
            return
                "\(path): the file is larger than \(limit) bytes; a visit file is a few kilobytes — is this the right file?"
        case .emptyFile(let path):
            return "\(path): the file is empty"
        case .malformedJSON(let path, let error):
            return
                "\(path):\(error.position.line):\(error.position.column): not valid JSON: \(SafeText.quoted(error.message))"
        case .invalidVisit(let path, let problems):
            // A hostile file can hold thousands of mistakes; the first hundred are enough to act on.
            let shown = problems.prefix(Self.maxProblemsShown).map(\.description)
            let more = problems.count - shown.count
            return (shown + (more > 0 ? ["\(path): … and \(more) more problems"] : [])).joined(separator: "\n")
        case .invalidTariffs(let issues):
            return issues.map(\.description).joined(separator: "\n")
        case .unknownCity(let id, let directory, let available):
            return "no tariff file for city \"\(id)\" in \(directory); available cities: "
                + (available.isEmpty ? "none" : available.joined(separator: ", "))
        case .cannotAdvise(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}

extension AdviceError {
    /// Why the data cannot serve the visit, in words a city's programme staff can act on.
    public var message: String {
        switch self {
        case .noElectricityTariff(let city):
            "the tariff file of \(city) marks no electricity tariff as default=\"true\" and the visit gives no electricity.tariff"
        case .noHeatingTariff(let city, let fuel):
            "the tariff file of \(city) has no heating tariff for fuel \"\(fuel.rawValue)\"; add one or give heating.tariff in the visit"
        case .noHeatingAverage(let fuel):
            "the reference data has no heating average for fuel \"\(fuel.rawValue)\""
        case .noHotWaterFigures(let fuel):
            "the reference data has no hot-water area rule or efficiency for fuel \"\(fuel.rawValue)\""
        case .noRealisationFactor(let kind):
            "the reference data has no realisation factor for \"\(kind.rawValue)\""
        case .noBenchmarkTable(let persons, let dwelling, let hot):
            "the reference data has no Stromspiegel table for \(persons) persons, \(dwelling.rawValue), electric hot water \(hot)"
        case .noCO2Factor(let carrier):
            "the reference data has no CO2 factor for \(carrier.rawValue)"
        case .noCoolingReference(let kind):
            "the reference data has no values for \(kind.rawValue)"
        case .noLEDShare(let technology):
            "the reference data has no LED share for \(technology.rawValue)"
        case .cityMismatch(let visitCity, let tariffCity):
            "the visit is for city \"\(visitCity)\" but the tariffs are for \"\(tariffCity)\""
        case .noEnergyLaw:
            "the visit records energyDebt, but the data folder has no \(TariffLibrary.energyLawFile) to judge it"
        }
    }
}
