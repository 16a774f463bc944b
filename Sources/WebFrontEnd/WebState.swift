import AdviceData
import AdviceWorkflows
import EnergyAdvice
import SafeFiles
import VisitQuestionnaire
import VisitRecords

#if canImport(Glibc)
import Glibc
#endif

/// What every request shares: the data (loaded once and swapped when a file changes), the register, the folders,
/// the key of the form tokens and the host names the server answers to.
final class WebState: Sendable {
    let configuration: WebConfiguration
    private let snapshot: Locked<(data: DataSnapshot, checked: Int)>
    /// `host:port` values the Host header may carry (DNS rebinding); set once the port is known.
    let allowedHosts: Locked<Set<String>>
    /// The key that signs form tokens; kept in the work folder so a restart does not void open forms.
    let tokenKey: [UInt8]

    var visitsFolder: String { FilePath.join(configuration.workFolder, "visits") }
    var draftsFolder: String { FilePath.join(configuration.workFolder, "drafts") }

    init(_ configuration: WebConfiguration) throws(WebStartError) {
        self.configuration = configuration
        for folder in [
            configuration.workFolder, FilePath.join(configuration.workFolder, "visits"),
            FilePath.join(configuration.workFolder, "drafts"),
        ] {
            do {
                try FilePath.createDirectory(folder)
            } catch {
                throw .cannotCreate(path: folder, reason: error.description)
            }
        }
        tokenKey = try Self.key(in: configuration.workFolder)
        let data = DataSnapshot.load(configuration.data, cities: .all, languages: .all, staffLanguages: .all)
        snapshot = Locked((data, Self.seconds()))
        allowedHosts = Locked(Self.hosts(port: configuration.port))
    }

    /// The data, loaded again when a file of the data folder changed (checked at most once a second).
    var data: DataSnapshot {
        let now = Self.seconds()
        let (current, checked) = snapshot.withLock { $0 }
        guard now != checked else { return current }
        if current.isCurrent() {
            snapshot.withLock { $0.checked = now }
            return current
        }
        let fresh = DataSnapshot.load(configuration.data, cities: .all, languages: .all, staffLanguages: .all)
        snapshot.withLock { $0 = (fresh, now) }
        return fresh
    }

    var advising: Advising { Advising(data: data) }
    var registering: Registering { Registering(store: configuration.store, advising: advising) }

    /// Today in local time; `ESP_TODAY` stands in for the clock, as for the command line.
    var today: CalendarDate {
        if let given = getenv("ESP_TODAY").map({ String(cString: $0) }), let day = CalendarDate(iso: given) {
            return day
        }
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }

    /// `SOURCE_DATE_EPOCH` when set, else now, as `YYYY-MM-DDThh:mm:ssZ`: the PDFs' creation date.
    var creationDate: String { Self.timestamp(getenv("SOURCE_DATE_EPOCH").flatMap { Int(String(cString: $0)) }) }

    /// Now (or `seconds` since 1970) in UTC, ISO 8601.
    static func timestamp(_ seconds: Int? = nil) -> String {
        var value = time_t(seconds ?? Int(time(nil)))
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// The questionnaire's setup: today, the cities and languages of the data, its reference data, and the visit ids
    /// of the web's visit folder.
    func questionnaireSetup(except visitId: String? = nil) -> QuestionnaireSetup {
        let data = data
        var taken = VisitFolder.visitIds(in: visitsFolder)
        if let visitId { taken[visitId] = nil }
        let reference = data.cityIDs.lazy.compactMap { try? data.calculator(city: $0).reference }.first
        return QuestionnaireSetup(
            today: today, cities: data.cityIDs, languages: data.languages, reference: reference, takenVisitIds: taken)
    }

    /// The names the server answers to on `port`.
    static func hosts(port: Int) -> Set<String> {
        let names = ["127.0.0.1", "localhost", "[::1]"]
        // On port 80 a browser sends the host without the port.
        return Set(names.map { "\($0):\(port)" } + (port == 80 ? names : []))
    }

    private static func seconds() -> Int { Int(time(nil)) }

    /// The form token key: read from the work folder, or made from /dev/urandom and written there (mode 0600).
    private static func key(in folder: String) throws(WebStartError) -> [UInt8] {
        let path = FilePath.join(folder, "form-token.key")
        if let bytes = try? FileReader.bytes(atPath: path, maxBytes: 64), bytes.count == 32 { return bytes }
        let bytes = Randomness.bytes(32)
        do {
            try AtomicFile.write(bytes, to: path, replacing: true)
        } catch {
            throw .cannotCreate(path: path, reason: error.description)
        }
        return bytes
    }
}

/// Why the server could not start.
public enum WebStartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The work folder or a file in it could not be made.
    case cannotCreate(path: String, reason: String)
    /// Listening on another address than loopback needs logins, which come with the office register.
    case notLoopback(host: String)

    /// What went wrong, in plain words.
    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "\(path): cannot create: \(reason)"
        case .notLoopback(let host):
            "esp serve listens on 127.0.0.1 only: the pages hold households' personal data and there are no logins "
                + "yet (they come with the office register); \(host) is refused"
        }
    }
}

/// Random bytes from the kernel.
enum Randomness {
    static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// `count` random bytes as lower-case hex.
    static func hex(_ count: Int) -> String { Hex.text(bytes(count)) }
}

enum Hex {
    static func text(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return out
    }
}
