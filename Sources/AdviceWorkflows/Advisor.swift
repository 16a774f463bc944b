import AdviceData
import AdviceLocalization
import AdviceReport
import EnergyAdvice
import SafeFiles

/// The advice for visit files, as the advisor and the office read it: the use case behind `esp advise`, shared by
/// the sheet printer, the register and the questionnaire. Safe to share between threads; texts and tariffs are
/// loaded once per language and city.
public final class Advisor: Sendable {
    public let data: DataDirectory
    public let session: AdviceSession
    /// By folder and language.
    private let localizers = Locked<[String: Localizer]>([:])
    /// Told about texts that fall back to German, once per language.
    private let warn: @Sendable (String) -> Void

    /// - Parameter warn: receives warnings the person running esp should see (e.g. on standard error).
    public init(data: DataDirectory, warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.data = data
        self.session = AdviceSession(data: data)
        self.warn = warn
    }

    /// Finds the data folder (`--data`, `$ESP_DATA`, the installed data, the checkout) and advises from it.
    public static func locate(
        explicit: String?, environment: [String: String], executablePath: String?,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) throws(WorkflowError) -> Advisor {
        do {
            let data = try DataDirectory.locate(
                explicit: explicit, environment: environment,
                executablePath: executablePath)
            return Advisor(data: data, warn: warn)
        } catch {
            throw .data(error)
        }
    }

    /// The texts of one language, loaded once; their fallbacks to German are told to `warn` when first loaded.
    public func texts(_ language: String) throws(WorkflowError) -> Localizer {
        try localizer(folder: data.localesPath, language: language)
    }

    /// The texts for staff in `language` (Locales/staff), loaded once.
    public func staff(_ language: String) throws(WorkflowError) -> StaffText {
        StaffText(localizer: try localizer(folder: data.localesPath + "/" + StaffText.folder, language: language))
    }

    /// A folder's texts of one language, loaded once per folder and language; its warnings told on first load.
    private func localizer(folder: String, language: String) throws(WorkflowError) -> Localizer {
        let key = folder + "\u{0}" + language
        if let cached = localizers.withLock({ $0[key] }) { return cached }
        let loaded: Localizer
        do {
            loaded = try LocaleLibrary(directory: folder).localizer(language: language)
        } catch {
            throw .texts(error)
        }
        let first = localizers.withLock { cache -> Bool in
            defer { cache[key] = loaded }
            return cache[key] == nil
        }
        if first {
            for warning in loaded.warnings { warn(warning.description) }
        }
        return loaded
    }

    /// The advice for one visit file and the tariffs of its city.
    public func advise(visitPath: String) throws(WorkflowError) -> (advice: Advice, city: CityTariffs) {
        let (_, advice, city) = try adviseVisit(visitPath: visitPath)
        return (advice, city)
    }

    /// The visit as read, its advice and its city's tariffs: for what the advice does not carry (the advisor's
    /// name on the office copy).
    public func adviseVisit(visitPath: String) throws(WorkflowError) -> (
        visit: Visit, advice: Advice, city: CityTariffs
    ) {
        do {
            let visit = try VisitDecoder.load(path: visitPath)
            let (advice, city) = try session.advise(visit, path: visitPath)
            return (visit, advice, city)
        } catch {
            throw .data(error)
        }
    }

    /// The advice as text in `language` (default: the visit's), with the advisor's warnings, technical figures and
    /// assumptions.
    public func adviceText(visitPath: String, language: String? = nil) throws(WorkflowError) -> String {
        let (visit, advice, city) = try adviseVisit(visitPath: visitPath)
        let sheet = SheetBuilder(localizer: try texts(language ?? advice.language))
            .build(advice, office: city.office, audience: .office, advisor: visit.advisor)
        return AdviceText.render(sheet)
    }

    /// The `esp-advice/2` document; warnings carry German messages for the office.
    public func adviceJSON(visitPath: String) throws(WorkflowError) -> String {
        let (advice, _) = try advise(visitPath: visitPath)
        let staff = SheetBuilder(localizer: try texts(VisitRules.languageDefault))
        return AdviceJSON.render(advice, message: staff.warning)
    }
}
