import AdviceWorkflows
import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `--data DIR`, shared by every command that reads Tariffs/ or Locales/.
struct DataOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder that holds Tariffs/ and Locales/ (default: $ESP_DATA, the installed data, or the checkout).",
            valueName: "DIR"))
    var data: String?

    /// The advice use cases on the data folder found.
    func advisor() throws(WorkflowError) -> Advisor {
        try Advisor.locate(
            explicit: data, environment: Environment.variables,
            executablePath: Environment.executablePath
        ) { Output.error("esp: \($0)") }
    }

    /// The texts for staff in `language`, else `$ESP_STAFF_LANG`, else German.
    func staff(_ advisor: Advisor, language: String? = nil) throws(WorkflowError) -> StaffText {
        try advisor.staff(language ?? Environment.variables["ESP_STAFF_LANG"] ?? StaffText.defaultLanguage)
    }
}

/// `--lang LANG` for commands whose output staff read: the register, follow-ups, the summary.
struct StaffLanguageOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Language of the output, e.g. de or en (default: $ESP_STAFF_LANG, else de).", valueName: "LANG"))
    var lang: String?
}

/// `--register FILE`, shared by every command that reads or writes the visit register.
struct RegisterOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The register database (default: $XDG_DATA_HOME/esp/register.sqlite).", valueName: "FILE"))
    var register: String?

    func programme() throws(WorkflowError) -> Programme {
        try Programme.open(path: register, environment: Environment.variables)
    }
}
