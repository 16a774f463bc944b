import EnergyAdvice

/// Where a programme keeps its advised visits and follow-ups: a laptop's SQLite file or an office's PostgreSQL
/// database. Every store passes the same contract suite, so the use cases (and the council's figures) do not
/// depend on which one is behind them.
///
/// A visit is identified by its id; its ``RegisteredVisit/contentHash`` tells the same visit from another
/// household's. Stores check follow-ups with ``FollowUpRules`` inside the transaction that writes them.
public protocol VisitStore: Sendable {
    /// Where the store is, for messages: a file path, or a URL without its password.
    var location: String { get }

    /// Saves an advised visit. The same visit (same content hash) is updated with its new advice; another visit under
    /// a registered id is refused with ``StoreError/visitIdTaken(visitId:registered:)`` unless `replace`. Follow-ups
    /// are kept.
    func save(_ visit: RegisteredVisit, replace: Bool) async throws(StoreError) -> SaveOutcome

    /// Saves many visits as ``save(_:replace:)`` saves each: one failing visit stores nothing of itself and the others
    /// are still saved. A store may write them in fewer transactions; the results are in the order given.
    func saveAll(_ visits: [RegisteredVisit], replace: Bool) async -> [Result<SaveOutcome, StoreError>]

    /// One visit with its measures, follow-ups and documents.
    func visit(id: String) async throws(StoreError) -> RegisteredVisit

    /// The visits in `filter`, with measures and follow-ups but without documents, oldest visit date first (then by
    /// id).
    func visits(_ filter: VisitFilter) async throws(StoreError) -> [RegisteredVisit]

    /// The city ids of the registered visits, sorted.
    func cities() async throws(StoreError) -> [String]

    /// The programme's figures for the visits in `filter`, aggregated as the store reads them (never every row in
    /// memory).
    func summary(_ filter: VisitFilter) async throws(StoreError) -> ProgrammeSummary

    /// Records a follow-up (`.record`), or replaces the one on the entry's day (`.correct`, the old values kept in
    /// the history), after ``FollowUpRules`` accepted it.
    func saveFollowUp(_ entry: FollowUpEntry, mode: FollowUpRules.Mode, today: CalendarDate) async throws(StoreError)
        -> FollowUpResult

    /// Removes the follow-up of `date`, keeping its values in the history; returns what was removed.
    func deleteFollowUp(visitId: String, date: CalendarDate) async throws(StoreError) -> FollowUpRecord

    /// The corrections and deletions of a visit's follow-ups, oldest first.
    func followUpHistory(visitId: String) async throws(StoreError) -> [FollowUpChange]

    /// Deletes the household's personal data (the visit and advice documents, the advisor) and keeps its anonymous
    /// figures, so the programme's totals do not change. Forgetting a forgotten visit changes nothing.
    /// - Returns: when the data was deleted (UTC, ISO 8601).
    func forget(visitId: String) async throws(StoreError) -> String

    /// The register's random salt for pseudonyms in exports (``VisitExport``).
    func pseudonymSalt() async throws(StoreError) -> String

    /// Every recorded read and change of the household's data, oldest first. Reading the log is not itself logged.
    func auditTrail(visitId: String) async throws(StoreError) -> [AuditEvent]

    /// Everything held about the household, for a subject-access request; recorded in the audit log as `disclosed`.
    func disclose(visitId: String) async throws(StoreError) -> HouseholdDisclosure

    /// Deletes the personal data (as ``forget(visitId:)`` does) of every household of `city` whose last visit or
    /// follow-up was before `lastContactBefore`, keeping the anonymous figures; `rule` names the retention rule in the
    /// audit log. Households forgotten before are left out.
    func purge(city: String, lastContactBefore: CalendarDate, rule: String) async throws(StoreError) -> [PurgedVisit]

    /// The visits with their documents and follow-ups, to send to another register: those of `visitIds` that are
    /// here, or every one the user may see when nil; recorded as `sent`.
    func transfers(visitIds: [String]?) async throws(StoreError) -> [VisitTransfer]

    /// Takes a visit from another register (`from` names it in the audit log) in one transaction: a new visit is
    /// added with its follow-ups, a visit present with the same content gets the follow-ups it lacks
    /// (``FollowUpMerge``), and nothing is overwritten — another visit under the id, a forgotten household and a
    /// differing follow-up are refused and said in the outcome.
    func receive(_ transfer: VisitTransfer, from: String, today: CalendarDate) async throws(StoreError)
        -> TransferOutcome
}

extension VisitStore {
    /// One visit after the other, each in its own transaction.
    public func saveAll(_ visits: [RegisteredVisit], replace: Bool) async -> [Result<SaveOutcome, StoreError>] {
        var results: [Result<SaveOutcome, StoreError>] = []
        for visit in visits {
            do {
                results.append(.success(try await save(visit, replace: replace)))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }
}

/// What ``VisitStore/save(_:replace:)`` did.
public enum SaveOutcome: String, Sendable, Equatable {
    /// A new visit id.
    case added
    /// The visit was registered; its advice (or, with `replace`, the visit) was replaced. Follow-ups are kept.
    case updated
    /// The same visit with the same advice was registered already.
    case unchanged
}

/// Which visits a summary, list or export covers: visit dates from `from` to `to` (both inclusive) and one city.
/// A nil field does not restrict.
public struct VisitFilter: Sendable, Equatable {
    /// The first visit date included.
    public var from: CalendarDate?
    /// The last visit date included.
    public var to: CalendarDate?
    /// The city id.
    public var city: String?

    /// A filter; leave a field out to not restrict by it.
    public init(from: CalendarDate? = nil, to: CalendarDate? = nil, city: String? = nil) {
        self.from = from
        self.to = to
        self.city = city
    }

    /// Whether a visit of `date` in `city` is in the filter.
    public func contains(date: CalendarDate, city: String) -> Bool {
        (from.map { date >= $0 } ?? true) && (to.map { date <= $0 } ?? true) && (self.city.map { $0 == city } ?? true)
    }
}

/// The register's schema: one version for every store, so a laptop's SQLite file and the office's PostgreSQL
/// database hold the same things.
public enum RegisterSchema {
    /// The schema this esp writes. 5: visits identified by id and content hash (not a file path), the advisor,
    /// forgotten households, follow-ups identified by visit and day with a history of corrections. 6: the
    /// append-only audit log of every read and change of a household's data. 7: energy debt — each visit's debts,
    /// threats, announced and done cut-offs and arrears, and whether a follow-up found the supply continued and an
    /// agreement reached.
    public static let version = 7
}
