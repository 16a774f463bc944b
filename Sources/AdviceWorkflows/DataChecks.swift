import AdviceData
import AdviceLocalization
import AdviceReport
import EnergyAdvice
import OfficeReports
import SafeFiles
import SafeText

/// What a city's programme staff run after editing Tariffs/ or Locales/: the use cases behind `esp tariffs`,
/// `esp locales` and the web's data page.
public enum DataChecks {
    /// Every tariff file in `library`, checked as of `today`.
    public static func tariffs(_ library: TariffLibrary, today: CalendarDate) -> TariffsChecked {
        TariffsChecked(
            directory: library.directory, check: library.check(today: today), cities: library.cityIDs().count)
    }

    /// Every city with its tariffs, as the files say; the first broken file stops the listing.
    public static func tariffList(_ library: TariffLibrary) throws(WorkflowError) -> [CityTariffs] {
        do {
            return try library.loadAll().map(\.city)
        } catch {
            throw .data(error)
        }
    }

    /// Every language against the German source: coverage, missing and extra ids, placeholders, plurals; the staff
    /// texts with the household texts, since a city edits both.
    public static func locales(directory: String) -> LocalesChecked {
        LocalesChecked(
            directory: directory,
            household: LocaleLibrary(directory: directory).check(requiredIDs: SheetBuilder.requiredMessageIDs),
            staff: LocaleLibrary(directory: FilePath.join(directory, StaffText.folder)).check(requiredIDs: []))
    }

    /// The languages that have texts.
    public static func languages(directory: String) -> [String] {
        LocaleLibrary(directory: directory).languages()
    }

    /// A new language's file, `LANG.xlf`, with every unit of the German source to translate.
    public static func newLanguage(directory: String, language: String) throws(WorkflowError) -> LanguageTemplate {
        guard language.wholeMatch(of: /[a-z]{2,3}(-[A-Za-z0-9]{2,8})*/) != nil else {
            throw .notALanguageTag(language)
        }
        guard language != LocaleLibrary.sourceLanguage else { throw .sourceLanguageTemplate }
        let source: LocaleFile
        do {
            source = try LocaleLibrary(directory: directory).sourceFile()
        } catch {
            throw .texts(error)
        }
        return LanguageTemplate(
            fileName: "\(language).xlf", xliff: Array(LocaleTemplate.xliff(source: source, language: language).utf8),
            units: source.order.count, hasPluralRules: PluralRules.forLanguage(language) != nil)
    }
}

/// A tariff folder checked.
public struct TariffsChecked: Sendable {
    /// The folder.
    public var directory: String
    /// Its errors and warnings.
    public var check: TariffCheck
    /// How many city files it holds.
    public var cities: Int
}

/// A locales folder checked.
public struct LocalesChecked: Sendable {
    /// The folder.
    public var directory: String
    /// The household texts of every language.
    public var household: LocalesReport
    /// The staff texts of every language.
    public var staff: LocalesReport
    /// True when a file cannot be used.
    public var hasErrors: Bool { household.hasErrors || staff.hasErrors }
}

/// The file that starts a new language.
public struct LanguageTemplate: Sendable {
    /// `LANG.xlf`, for the Locales folder.
    public var fileName: String
    /// The XLIFF 2.0 file, every unit with its German source and an empty target.
    public var xliff: [UInt8]
    /// Units to translate.
    public var units: Int
    /// Whether CLDR has plural rules for the language (else plurals use their 'other' form).
    public var hasPluralRules: Bool
}
