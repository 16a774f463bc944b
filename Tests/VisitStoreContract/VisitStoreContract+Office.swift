import AdviceData
import EnergyAdvice
import TestSupport
import Testing
import VisitRecords

/// The contract's checks of accountability and privacy (issue 22): the audit log, subject-access disclosures,
/// purges after the retention period, and visits moving between registers.
extension VisitStoreContract {
    static let officeCases: [Case] = [
        Case(name: "every read and change of a household is in the audit log", body: auditLog),
        Case(name: "a disclosure holds everything about the household", body: disclosure),
        Case(name: "a purge deletes the personal data of households past retention, not their figures", body: purging),
        Case(name: "a visit sent from another register arrives once, with its follow-ups", body: receiving),
        Case(name: "nothing sent from another register overwrites what is here", body: receivingConflicts),
    ]

    static func auditLog(_ store: any VisitStore) async throws {
        let visit = try StoreFixtures.smallVisit(meterKWh: 10_000)
        let id = visit.visitId
        _ = try await store.save(visit, replace: false)
        _ = try await store.save(visit, replace: false)  // unchanged: nothing happened to log
        _ = try await store.visit(id: id)
        _ = try await store.visits(VisitFilter())
        _ = try await store.summary(VisitFilter())  // aggregates read no household
        let day = try date("2026-07-11")
        _ = try await store.saveFollowUp(
            FollowUpEntry(visitId: id, date: day, meterNowKWh: 11_450), mode: .record, today: today)
        _ = try await store.saveFollowUp(
            FollowUpEntry(visitId: id, date: day, meterNowKWh: 11_400), mode: .correct, today: today)
        _ = try await store.deleteFollowUp(visitId: id, date: day)
        _ = try await store.forget(visitId: id)
        let log = try await store.auditTrail(visitId: id)
        #expect(
            log.map(\.action) == [
                .added, .viewed, .listed, .followUpRecorded, .followUpCorrected, .followUpDeleted, .forgotten,
            ])
        #expect(
            log.filter { $0.action.rawValue.hasPrefix("follow-up") }.map(\.detail)
                == Array(repeating: "2026-07-11", count: 3))
        #expect(log.allSatisfy { $0.visitId == id && !$0.actor.isEmpty && $0.at.count == 20 && $0.at.hasSuffix("Z") })
        #expect(log.map(\.at) == log.map(\.at).sorted(), "oldest first")
        #expect(try await store.auditTrail(visitId: "NOPE").isEmpty)
        #expect(try await store.auditTrail(visitId: id).count == log.count, "reading the log is not logged")
    }

    static func disclosure(_ store: any VisitStore) async throws {
        let visit = try StoreFixtures.smallVisit(meterKWh: 10_000, advisor: "AB")
        let id = visit.visitId
        _ = try await store.save(visit, replace: false)
        _ = try await store.saveFollowUp(
            FollowUpEntry(visitId: id, date: try date("2026-07-11"), meterNowKWh: 11_450), mode: .record,
            today: today)
        _ = try await store.saveFollowUp(
            FollowUpEntry(visitId: id, date: try date("2026-07-11"), meterNowKWh: 11_400), mode: .correct,
            today: today)
        let disclosed = try await store.disclose(visitId: id)
        #expect(disclosed.visit.documents == visit.documents, "the visit file as held, notes and all")
        #expect(disclosed.visit.advisor == "AB")
        #expect(disclosed.followUps.map(\.meterNowKWh) == [11_400])
        #expect(disclosed.history.map(\.previous.meterNowKWh) == [11_450])
        #expect(disclosed.audit.last?.action == .disclosed, "the disclosure itself is logged")
        #expect(disclosed.audit.map(\.action).first == .added)
        #expect(disclosed.madeAt.count == 20 && !disclosed.register.isEmpty)
        #expect(
            await caughtAsync { () async throws(StoreError) in _ = try await store.disclose(visitId: "NOPE") }
                == .unknownVisit(visitId: "NOPE"))
    }

    /// Retention: the personal data of a household whose last visit or follow-up was before 2027-01-01 goes; A
    /// (visited 2026-01-10) goes; B (visited 2026-03-01, followed up 2027-02-17) and C (2027-06-01) stay.
    static func purging(_ store: any VisitStore) async throws {
        _ = try await store.save(
            try StoreFixtures.smallVisit(id: "A", date: "2026-01-10", advisor: "AB"), replace: false)
        _ = try await store.save(
            try StoreFixtures.smallVisit(id: "B", date: "2026-03-01", meterKWh: 10_000), replace: false)
        _ = try await store.save(try StoreFixtures.smallVisit(id: "C", date: "2027-06-01"), replace: false)
        _ = try await store.save(try StoreFixtures.example("bremen-family-buergergeld.json"), replace: false)
        _ = try await store.saveFollowUp(
            FollowUpEntry(visitId: "B", date: try date("2027-02-17"), meterNowKWh: 13_000), mode: .record,
            today: today)
        let before = try await store.summary(VisitFilter())
        let rule = "3 years after the year of the last contact (nuernberg.xml)"
        let purged = try await store.purge(city: "nuernberg", lastContactBefore: try date("2027-01-01"), rule: rule)
        #expect(purged == [PurgedVisit(visitId: "A", city: "nuernberg", lastContact: try date("2026-01-10"))])
        let a = try await store.visit(id: "A")
        #expect(a.documents == nil && a.advisor == nil && a.forgottenAt != nil)
        #expect(try await store.visit(id: "B").documents != nil)
        #expect(try await store.summary(VisitFilter()) == before, "the council's totals do not change")
        #expect(try await store.auditTrail(visitId: "A").contains { $0.action == .purged && $0.detail == rule })
        #expect(try await store.purge(city: "nuernberg", lastContactBefore: try date("2027-01-01"), rule: rule).isEmpty)
        #expect(try await store.purge(city: "leipzig", lastContactBefore: try date("2030-01-01"), rule: rule).isEmpty)
    }

    static func receiving(_ store: any VisitStore) async throws {
        let visit = try StoreFixtures.smallVisit(meterKWh: 10_000, advisor: "AB")
        let first = FollowUpRecord(
            visitId: visit.visitId, date: try date("2026-07-11"), electricityKWhSinceVisit: 1_450,
            meterAtVisitKWh: 10_000, meterNowKWh: 11_450, heatingKWhPerYear: nil, implemented: [.led])
        let sent = VisitTransfer(visit: visit, followUps: [first])
        let outcome = try await store.receive(sent, from: "laptop AB", today: today)
        #expect(outcome == TransferOutcome(visitId: visit.visitId, visit: .added, followUpsAdded: [first.date]))
        let read = try await store.visit(id: visit.visitId)
        #expect(read.documents == visit.documents && read.measures == visit.measures && read.advisor == "AB")
        #expect(read.followUps.map(\.meterNowKWh) == [11_450])
        #expect(read.followUps.first?.electricity?.savedKWhPerYear == 492.03)
        // Sent again (a push run twice, or resumed): nothing changes.
        let again = try await store.receive(sent, from: "laptop AB", today: today)
        #expect(again.changedNothing && !again.hasConflict)
        // A later follow-up made on the laptop arrives by itself.
        var later = first
        later.date = try date("2027-01-10")
        later.meterNowKWh = 12_900
        later.electricityKWhSinceVisit = 2_900
        let more = try await store.receive(
            VisitTransfer(visit: visit, followUps: [first, later]), from: "laptop AB", today: today)
        #expect(more.visit == .present && more.followUpsAdded == [later.date] && more.followUpConflicts.isEmpty)
        // What this register sends is what the other one needs.
        let transfers = try await store.transfers(visitIds: [visit.visitId, "NOPE"])
        #expect(transfers.map(\.visit.visitId) == [visit.visitId])
        #expect(transfers.first?.followUps == [first, later])
        #expect(transfers.first?.visit.documents == visit.documents)
        #expect(try await store.transfers(visitIds: nil).count == 1)
        let actions = try await store.auditTrail(visitId: visit.visitId).map(\.action)
        #expect(actions.first == .received && actions.last == .sent)
        #expect(
            try await store.summary(VisitFilter())
                == ProgrammeSummary(
                    visits: try await store.visits(VisitFilter()), filter: VisitFilter()))
    }

    static func receivingConflicts(_ store: any VisitStore) async throws {
        let visit = try StoreFixtures.smallVisit(meterKWh: 10_000, advisor: "AB")
        _ = try await store.save(visit, replace: false)
        let here = try await store.saveFollowUp(
            FollowUpEntry(visitId: visit.visitId, date: try date("2026-07-11"), meterNowKWh: 11_450), mode: .record,
            today: today)
        // Another household under the same id: refused, named, nothing of it written.
        let other = try StoreFixtures.smallVisit(date: "2026-02-01", annualKWh: 2000, advisor: "CD")
        let refused = try await store.receive(
            VisitTransfer(visit: other, followUps: []), from: "laptop CD", today: today)
        #expect(
            refused.visit
                == .refused(
                    .otherVisit(
                        registered: RegisteredIdentity(date: try date("2026-01-10"), city: "nuernberg", advisor: "AB")))
        )
        #expect(try await store.visit(id: visit.visitId).advisor == "AB")
        // The same day's follow-up with other figures: kept as it is here, the other listed.
        let differing = FollowUpRecord(
            visitId: visit.visitId, date: try date("2026-07-11"), electricityKWhSinceVisit: 1_500,
            meterAtVisitKWh: 10_000, meterNowKWh: 11_500, heatingKWhPerYear: nil, implemented: [])
        let kept = try await store.receive(VisitTransfer(visit: visit, followUps: [differing]), from: "x", today: today)
        #expect(kept.visit == .present && kept.followUpsAdded.isEmpty)
        #expect(kept.followUpConflicts.map(\.date) == [differing.date])
        #expect(try await store.visit(id: visit.visitId).followUps.map(\.meterNowKWh) == [here.meterNowKWh])
        // A follow-up that breaks a rule against what is here (a meter that ran backwards) is listed too.
        let backwards = FollowUpRecord(
            visitId: visit.visitId, date: try date("2026-09-01"), electricityKWhSinceVisit: 1_000,
            meterAtVisitKWh: 10_000, meterNowKWh: 11_000, heatingKWhPerYear: nil, implemented: [])
        let ruled = try await store.receive(
            VisitTransfer(visit: visit, followUps: [backwards]), from: "x", today: today)
        #expect(
            ruled.followUpConflicts
                == [
                    FollowUpConflict(
                        date: backwards.date, reason: .rule(.meterReadingFalls(previousKWh: 11_450, nowKWh: 11_000)))
                ])
        // A forgotten household is not brought back.
        let at = try await store.forget(visitId: visit.visitId)
        let forgotten = try await store.receive(VisitTransfer(visit: visit, followUps: []), from: "x", today: today)
        #expect(forgotten.visit == .refused(.forgotten(at: at)))
        #expect(try await store.visit(id: visit.visitId).documents == nil)
    }
}
