import EnergyAdvice
import VisitRecords

/// Visits moving between registers: `esp register push` sends a laptop's visits and follow-ups to the office,
/// `esp register pull` brings back what the office holds of the advisor's households. Each visit travels in one
/// transaction of the receiving register, so a push cut short leaves every visit either whole or absent there, and
/// running it again sends the rest (what arrived is found present, nothing twice).
public enum RegisterTransfer {
    /// What a push or pull did, visit by visit, in visit-id order.
    public struct Report: Sendable, Equatable {
        /// Each visit's outcome, in visit-id order.
        public var outcomes: [TransferOutcome]

        /// The visits that arrived new.
        public var added: Int { outcomes.filter { $0.visit == .added }.count }
        /// The visits that were there already.
        public var present: Int { outcomes.filter { $0.visit == .present }.count }
        /// Follow-ups that arrived.
        public var followUpsAdded: Int { outcomes.reduce(0) { $0 + $1.followUpsAdded.count } }
        /// Every refused visit or follow-up.
        public var conflicts: Int {
            outcomes.reduce(0) { count, outcome in
                var count = count + outcome.followUpConflicts.count
                if case .refused = outcome.visit { count += 1 }
                return count
            }
        }
    }

    /// Sends every visit `source` holds to `target`, one visit per transaction; `progress` hears after each
    /// (done, total).
    public static func send(
        from source: any VisitStore, to target: any VisitStore, visitIds: [String]? = nil, today: CalendarDate,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws(WorkflowError) -> Report {
        let transfers: [VisitTransfer]
        do {
            transfers = try await source.transfers(visitIds: visitIds).sorted { $0.visit.visitId < $1.visit.visitId }
        } catch {
            throw .store(error)
        }
        var outcomes: [TransferOutcome] = []
        for transfer in transfers {
            do {
                outcomes.append(try await target.receive(transfer, from: source.location, today: today))
            } catch {
                throw .transferInterrupted(sent: outcomes.count, total: transfers.count, error)
            }
            progress(outcomes.count, transfers.count)
        }
        return Report(outcomes: outcomes)
    }
}
