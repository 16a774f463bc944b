import AdviceData
import AdviceWorkflows
import ArgumentParser
import OfficeReports
import SQLiteVisitStore
import VisitRecords

/// `--data DIR`, shared by every command that reads Tariffs/ or Locales/.
struct DataOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder that holds Tariffs/ and Locales/ (default: $ESP_DATA, the installed data, or the checkout).",
            valueName: "DIR"))
    var data: String?

    /// The data folder: `--data`, `$ESP_DATA`, the installed data, the checkout.
    func directory() throws(WorkflowError) -> DataDirectory {
        do {
            return try DataDirectory.locate(
                explicit: data, environment: Environment.variables, executablePath: Environment.executablePath)
        } catch {
            throw .data(error)
        }
    }

    /// The data a command needs, loaded once; texts that fall back to German are told on standard error.
    func snapshot(
        cities: DataSnapshot.Scope = .none, languages: DataSnapshot.Scope = .none,
        staff: DataSnapshot.Scope = .none
    ) throws(WorkflowError) -> DataSnapshot {
        let snapshot = DataSnapshot.load(try directory(), cities: cities, languages: languages, staffLanguages: staff)
        for warning in snapshot.warnings { Output.error("esp: \(warning)") }
        return snapshot
    }
}

/// `--lang LANG` for commands whose output staff read: the register, follow-ups, the summary.
struct StaffLanguageOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Language of the output, e.g. de or en (default: $ESP_STAFF_LANG, else de).", valueName: "LANG"))
    var lang: String?

    /// The staff language asked for: `--lang`, else `$ESP_STAFF_LANG`, else German.
    var language: String { lang ?? Self.fromEnvironment }

    /// `$ESP_STAFF_LANG`, else German: for commands whose `--lang` is the household's.
    static var fromEnvironment: String { Environment.variables["ESP_STAFF_LANG"] ?? StaffText.defaultLanguage }
}

/// `--register FILE`, shared by every command that reads or writes the visit register.
struct RegisterOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The register database (default: $XDG_DATA_HOME/esp/register.sqlite).", valueName: "FILE"))
    var register: String?

    /// The register, opened for reading (never created) or for writing (created when missing).
    func store(_ access: SQLiteVisitStore.Access) throws(WorkflowError) -> any VisitStore {
        do throws(StoreError) {
            var path = register
            if path == nil { path = try SQLiteVisitStore.defaultPath(environment: Environment.variables) }
            return try SQLiteVisitStore.open(path: path!, access: access)
        } catch {
            throw .store(error)
        }
    }
}
