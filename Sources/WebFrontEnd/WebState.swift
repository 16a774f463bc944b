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

    /// The signed-in person's sessions, when there are logins.
    let signIns: SignInBook?

    /// The visit files of the person whose request is answered (with logins, each person has their own).
    var visitsFolder: String { FilePath.join(staffFolder(StaffMember.current), "visits") }
    /// The drafts of the person whose request is answered.
    var draftsFolder: String { FilePath.join(staffFolder(StaffMember.current), "drafts") }

    /// The work folder, or with logins `staff/NAME` in it: the web's files of one person.
    func staffFolder(_ staff: StaffMember?) -> String {
        guard let staff else { return configuration.workFolder }
        // A register's user name may hold characters a file name should not; hex keeps every name apart.
        let safe = staff.name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
        let name = safe ? staff.name : "x" + Hex.text(Array(staff.name.utf8))
        return FilePath.join(FilePath.join(configuration.workFolder, "staff"), name)
    }

    /// Makes a person's folders (mode 0700) when they sign in.
    func makeFolders(for staff: StaffMember) throws(WebStartError) {
        let base = staffFolder(staff)
        for folder in [
            FilePath.join(configuration.workFolder, "staff"), base, FilePath.join(base, "visits"),
            FilePath.join(base, "drafts"),
        ] {
            do {
                try FilePath.createDirectory(folder)
            } catch {
                throw .cannotCreate(path: folder, reason: error.description)
            }
        }
    }

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
        signIns = configuration.logins.map(SignInBook.init)
        let data = DataSnapshot.load(configuration.data, cities: .all, languages: .all, staffLanguages: .all)
        snapshot = Locked((data, Self.seconds()))
        allowedHosts = Locked(Self.hosts(port: configuration.port, names: configuration.serverNames))
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
    /// The register's use cases, with the register of the person whose request is answered (or the shared one).
    var registering: Registering {
        get throws(WorkflowError) {
            guard let store = StaffMember.current?.store ?? configuration.store else {
                // The middleware lets no request without a session reach a page that reads the register.
                throw .store(.permissionDenied(location: "esp serve", action: "reading the register without a login"))
            }
            return Registering(store: store, advising: advising)
        }
    }

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

    /// The names the server answers to on `port`: the loopback ones and `names`.
    static func hosts(port: Int, names given: [String] = []) -> Set<String> {
        let names =
            ["127.0.0.1", "localhost", "[::1]"]
            + given.map { $0.contains(":") && !$0.hasPrefix("[") ? "[\($0)]" : $0.lowercased() }
        // On port 80 (and 443 with TLS) a browser sends the host without the port.
        return Set(names.map { "\($0):\(port)" } + (port == 80 || port == 443 ? names : []))
    }

    static func seconds() -> Int { Int(time(nil)) }

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
    /// Listening on another address than loopback needs logins (an office register) and TLS.
    case notLoopback(host: String)
    /// The certificate or key cannot be used.
    case tls(path: String, reason: String)

    /// What went wrong, in plain words.
    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "\(path): cannot create: \(reason)"
        case .notLoopback(let host):
            "esp serve listens on \(host) only with logins (an office register) and TLS (--tls-certificate, "
                + "--tls-key): the pages hold households' personal data"
        case .tls(let path, let reason): "\(path): cannot be used for TLS: \(reason)"
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
