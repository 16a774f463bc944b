import AdviceData
import AdviceLocalization
import EnergyAdvice
import OfficeReports
import SafeFiles

/// Reference data, city tariffs and texts parsed and validated once: an immutable value that threads and requests
/// share. A command loads only what it needs (one city, one language); a server loads everything and swaps in a new
/// snapshot when the files change (``isCurrent()``).
public struct DataSnapshot: Sendable {
    /// What to load of a kind: everything in the folder, or only some ids.
    public enum Scope: Sendable, Equatable {
        /// Every city or language with a file.
        case all
        /// These ids only (more are loaded later by no one: a snapshot never changes).
        case only(Set<String>)
        /// None.
        public static let none = Scope.only([])
    }

    /// The folder the data came from.
    public let directory: DataDirectory
    /// Each city's calculator, or why its tariffs cannot be used.
    let calculators: [String: Result<AdviceCalculator, DataError>]
    /// Household texts by language.
    let householdTexts: [String: Result<Localizer, LocaleError>]
    /// Staff texts by language.
    let staffTexts: [String: Result<Localizer, LocaleError>]
    /// The city files in the folder, sorted.
    public let cityIDs: [String]
    /// The languages with household texts, sorted.
    public let languages: [String]
    /// What the person running esp should know about the texts loaded (translations that fall back to German).
    public let warnings: [String]
    /// The files read, with their sizes and times, to tell when they change.
    let fingerprint: [FileStamp]

    /// No data: for use cases that only read the register.
    public static let empty = DataSnapshot(
        directory: DataDirectory(root: ""), calculators: [:], householdTexts: [:], staffTexts: [:], cityIDs: [],
        languages: [], warnings: [], fingerprint: [])

    /// Loads the cities and languages asked for from `directory`, each file once.
    public static func load(
        _ directory: DataDirectory, cities: Scope, languages: Scope, staffLanguages: Scope = .only(["de"])
    ) -> DataSnapshot {
        let library = directory.tariffs
        let cityIDs = library.cityIDs()
        let wantedCities: [String]? =
            switch cities {
            case .all: nil
            case .only(let ids): ids.sorted()
            }
        var calculators: [String: Result<AdviceCalculator, DataError>] = [:]
        if wantedCities?.isEmpty != true {
            for (id, set) in library.loadCities(wantedCities) {
                calculators[id] = set.map {
                    AdviceCalculator(reference: $0.reference, city: $0.city, energyLaw: $0.energyLaw)
                }
            }
        }
        var warnings: [String] = []
        func texts(_ folder: String, _ scope: Scope) -> [String: Result<Localizer, LocaleError>] {
            let library = LocaleLibrary(directory: folder)
            let wanted: [String] =
                switch scope {
                case .all: library.languages()
                case .only(let ids): ids.sorted()
                }
            var loaded: [String: Result<Localizer, LocaleError>] = [:]
            for language in wanted {
                do throws(LocaleError) {
                    let localizer = try library.localizer(language: language)
                    warnings += localizer.warnings.map(\.description)
                    loaded[language] = .success(localizer)
                } catch {
                    loaded[language] = .failure(error)
                }
            }
            return loaded
        }
        let household = texts(directory.localesPath, languages)
        let staff = texts(FilePath.join(directory.localesPath, StaffText.folder), staffLanguages)
        return DataSnapshot(
            directory: directory, calculators: calculators, householdTexts: household, staffTexts: staff,
            cityIDs: cityIDs, languages: LocaleLibrary(directory: directory.localesPath).languages(),
            warnings: warnings, fingerprint: FileStamp.of(directory))
    }

    /// The calculator of a city loaded with the snapshot.
    public func calculator(city: String) throws(WorkflowError) -> AdviceCalculator {
        switch calculators[city] {
        case .success(let calculator): return calculator
        case .failure(let error): throw .data(error)
        case nil:
            throw .data(.unknownCity(id: city, directory: directory.tariffs.directory, available: cityIDs))
        }
    }

    /// The household texts of a language loaded with the snapshot.
    public func texts(_ language: String) throws(WorkflowError) -> Localizer {
        switch householdTexts[language] {
        case .success(let localizer): return localizer
        case .failure(let error): throw .texts(error)
        case nil: throw .texts(.unknownLanguage(language, available: languages))
        }
    }

    /// The names of the cities loaded with the snapshot (their files' `name`), by id.
    public var cityNames: [String: String] {
        calculators.compactMapValues { try? $0.get().city.name }
    }

    /// The staff texts of a language loaded with the snapshot, naming the cities loaded with it.
    public func staff(_ language: String) throws(WorkflowError) -> StaffText {
        switch staffTexts[language] {
        case .success(let localizer): return StaffText(localizer: localizer, cityNames: cityNames)
        case .failure(let error): throw .texts(error)
        case nil: throw .texts(.unknownLanguage(language, available: staffTexts.keys.sorted()))
        }
    }

    /// False when a file of the data folder was added, removed or changed since the snapshot was loaded.
    public func isCurrent() -> Bool { FileStamp.of(directory) == fingerprint }
}

/// A data file's name, size and change time: enough to notice an edit without reading the file.
struct FileStamp: Sendable, Equatable {
    var path: String
    var size: Int
    var modified: Int

    /// Every tariff, schema and text file of a data folder, sorted by path.
    static func of(_ directory: DataDirectory) -> [FileStamp] {
        let folders: [(String, String)] = [
            (directory.tariffs.directory, ".xml"), (directory.tariffs.directory, ".xsd"),
            (directory.localesPath, ".xlf"), (FilePath.join(directory.localesPath, StaffText.folder), ".xlf"),
        ]
        var stamps: [FileStamp] = []
        for (folder, suffix) in folders {
            for name in FilePath.names(inDirectory: folder, suffix: suffix) ?? [] {
                let path = FilePath.join(folder, name)
                let info = FilePath.status(path)
                stamps.append(FileStamp(path: path, size: info?.size ?? -1, modified: info?.modified ?? -1))
            }
        }
        return stamps.sorted { $0.path < $1.path }
    }
}
