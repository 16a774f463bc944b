import AdviceData
import AdvicePDF
import AdviceReport
import Dispatch
import EnergyAdvice
import OfficeReports
import SafeFiles
import VisitRecords

/// The programme's register, whichever store holds it: the use cases behind `esp register`, `esp followup`,
/// `esp summary` and the web's visits and programme pages.
public struct Registering: Sendable {
    /// Where visits and follow-ups are kept.
    public let store: any VisitStore
    /// The advice of visits being registered, and the data of the council report.
    public let advising: Advising

    /// The register in `store`, advising with `advising`.
    public init(store: any VisitStore, advising: Advising) {
        self.store = store
        self.advising = advising
    }

    /// The register for reading and follow-ups, where no visit is advised (no tariffs or texts are loaded).
    public static func reading(_ store: any VisitStore) -> Registering {
        Registering(store: store, advising: Advising(data: .empty))
    }

    /// Advises a visit and keeps it with its advice. The same visit again is updated; another visit under a
    /// registered id is refused unless `replace`. `source` names the visit in errors.
    public func record(_ visit: Visit, source: String, replace: Bool = false, now: String) async throws(WorkflowError)
        -> (visit: RegisteredVisit, outcome: SaveOutcome)
    {
        // The warnings are kept with their German words, as the office reads them in the register.
        let record = try makeRecord(visit, source: source, words: try advising.warningWords(), now: now)
        return (
            record, try await call { () async throws(StoreError) in try await store.save(record, replace: replace) }
        )
    }

    /// Advises and keeps many visits, each as ``record(_:source:replace:now:)`` would: a visit that fails stores
    /// nothing and the others are still stored. The visits are advised `jobs` at a time and stored in few
    /// transactions, so an office's month of visit files goes in at once.
    /// - Returns: per visit, in the order given, the record stored and what the store did, or why it failed.
    public func recordAll(
        _ visits: [(source: String, visit: Visit)], replace: Bool = false, now: String, jobs: Int
    ) async -> [Result<(visit: RegisteredVisit, outcome: SaveOutcome), WorkflowError>] {
        let words: @Sendable (AdviceWarning) -> String
        do {
            words = try advising.warningWords()
        } catch {
            return visits.map { _ in .failure(error) }
        }
        var results: [Result<(visit: RegisteredVisit, outcome: SaveOutcome), WorkflowError>] = []
        // A chunk at a time: ten thousand advice documents of 20 kB each need not be in memory at once.
        for start in stride(from: 0, to: visits.count, by: Self.chunk) {
            let chunk = Array(visits[start..<min(start + Self.chunk, visits.count)])
            let records = prepare(chunk, words: words, now: now, jobs: jobs)
            var saved = await store.saveAll(records.compactMap { try? $0.get() }, replace: replace).makeIterator()
            for record in records {
                switch record {
                case .failure(let error): results.append(.failure(error))
                case .success(let visit):
                    switch saved.next() {
                    case .success(let outcome)?: results.append(.success((visit, outcome)))
                    case .failure(let error)?: results.append(.failure(.store(error)))
                    case nil:
                        results.append(
                            .failure(.store(.database(location: store.location, reason: "no answer for this visit"))))
                    }
                }
            }
        }
        return results
    }

    /// Visits advised and stored together by ``recordAll(_:replace:now:jobs:)``.
    static let chunk = 200

    /// The records of `visits`, advised `jobs` at a time, in the order given.
    func prepare(
        _ visits: [(source: String, visit: Visit)], words: @escaping @Sendable (AdviceWarning) -> String, now: String,
        jobs: Int
    ) -> [Result<RegisteredVisit, WorkflowError>] {
        let prepared = Locked([Result<RegisteredVisit, WorkflowError>?](repeating: nil, count: visits.count))
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, visits.count))) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < visits.count else { return }
                let result: Result<RegisteredVisit, WorkflowError>
                do throws(WorkflowError) {
                    result = .success(
                        try makeRecord(visits[index].visit, source: visits[index].source, words: words, now: now))
                } catch {
                    result = .failure(error)
                }
                prepared.withLock { $0[index] = result }
            }
        }
        return prepared.withLock { $0 }.map { $0! }
    }

    /// The record of an advised visit, its advice document carrying the warnings' words.
    func makeRecord(
        _ visit: Visit, source: String, words: @escaping (AdviceWarning) -> String, now: String
    ) throws(WorkflowError)
        -> RegisteredVisit
    {
        let advised = try advising.advise(visit, source: source)
        return RegisteredVisit(
            visit: visit, advice: advised.advice, visitJSON: VisitEncoder.text(visit),
            adviceJSON: AdviceJSON.compact(advised.advice, message: words), now: now)
    }

    /// The registered visits in `filter`, oldest first.
    public func visits(_ filter: VisitFilter = VisitFilter()) async throws(WorkflowError) -> [RegisteredVisit] {
        try await call { () async throws(StoreError) in try await store.visits(filter) }
    }

    /// One registered visit with its documents and follow-ups.
    public func visit(id: String) async throws(WorkflowError) -> RegisteredVisit {
        try await call { () async throws(StoreError) in try await store.visit(id: id) }
    }

    /// Records a follow-up, or corrects the one of the same day (`correcting`), and says what it shows.
    public func followUp(_ entry: FollowUpEntry, correcting: Bool = false, today: CalendarDate)
        async throws(WorkflowError) -> FollowUpResult
    {
        try await call { () async throws(StoreError) in
            try await store.saveFollowUp(entry, mode: correcting ? .correct : .record, today: today)
        }
    }

    /// Deletes a follow-up (its values stay in the history).
    public func deleteFollowUp(visitId: String, date: CalendarDate) async throws(WorkflowError) -> FollowUpRecord {
        try await call { () async throws(StoreError) in try await store.deleteFollowUp(visitId: visitId, date: date) }
    }

    /// The corrections and deletions of a visit's follow-ups.
    public func followUpHistory(visitId: String) async throws(WorkflowError) -> [FollowUpChange] {
        try await call { () async throws(StoreError) in try await store.followUpHistory(visitId: visitId) }
    }

    /// The cities of the registered visits.
    public func visitCities() async throws(WorkflowError) -> [String] {
        try await call { () async throws(StoreError) in try await store.cities() }
    }

    /// Deletes a household's personal data and keeps its anonymous figures.
    public func forget(visitId: String) async throws(WorkflowError) -> String {
        try await call { () async throws(StoreError) in try await store.forget(visitId: visitId) }
    }

    /// The programme totals for `filter`. Reversed dates and a city with no registered visit are refused: an empty
    /// report would read as "nothing happened".
    public func summary(_ filter: VisitFilter) async throws(WorkflowError) -> ProgrammeSummary {
        if let from = filter.from, let to = filter.to, from > to { throw .reversedDates(from: from, to: to) }
        if let city = filter.city {
            let cities = try await call { () async throws(StoreError) in try await store.cities() }
            guard cities.contains(city) else { throw .cityNotRegistered(city: city, registered: cities) }
        }
        return try await call { () async throws(StoreError) in try await store.summary(filter) }
    }

    /// The visits in `filter` for analysis, without names, addresses, notes or advisors; ids pseudonymised unless
    /// `withIDs`.
    public func export(_ filter: VisitFilter = VisitFilter(), format: ExportFormat, withIDs: Bool)
        async throws(WorkflowError) -> String
    {
        let salt = try await call { () async throws(StoreError) in try await store.pseudonymSalt() }
        return VisitExport(salt: salt, withIDs: withIDs).text(try await visits(filter), format: format)
    }

    private func call<T>(_ body: () async throws(StoreError) -> T) async throws(WorkflowError) -> T {
        do {
            return try await body()
        } catch {
            throw .store(error)
        }
    }
}
