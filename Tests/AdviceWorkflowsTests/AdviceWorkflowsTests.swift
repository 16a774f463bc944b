import AdviceData
import AdviceReport
import AdviceWorkflows
import EnergyAdvice
import Foundation
import SQLiteVisitStore
import SafeFiles
import TestSupport
import Testing
import VisitRecords

/// The use cases as any front end calls them: values in, values out, typed errors with the facts.
@Suite("Use cases")
struct AdviceWorkflowsTests {
    static let data = DataSnapshot.load(Checkout.data, cities: .all, languages: .all, staffLanguages: .all)
    static let advising = Advising(data: data)

    static func visit(_ name: String) throws -> Visit { try VisitDecoder.load(path: Checkout.examples + "/" + name) }

    @Test func aSnapshotHoldsWhatWasAsked() throws {
        let one = DataSnapshot.load(Checkout.data, cities: .only(["leipzig"]), languages: .only(["tr"]))
        #expect(try one.calculator(city: "leipzig").city.id == "leipzig")
        #expect(throws: WorkflowError.self) { try one.calculator(city: "bremen") }
        #expect(try one.texts("tr").language == "tr")
        #expect(one.cityIDs == ["bremen", "leipzig", "nuernberg"])
        #expect(one.languages.contains("uk"))
        let hamburg = caught { () throws(WorkflowError) in _ = try Self.data.calculator(city: "hamburg") }
        guard case .data(.unknownCity(let id, _, let available))? = hamburg else {
            Issue.record("expected an unknown city, got \(String(describing: hamburg))")
            return
        }
        #expect(id == "hamburg" && available == ["bremen", "leipzig", "nuernberg"])
    }

    /// A server swaps its snapshot when a file of the data folder changes.
    @Test func aSnapshotKnowsWhenItsFilesChanged() throws {
        let folder = try TemporaryDirectory()
        let root = try folder.copyData()
        let snapshot = DataSnapshot.load(DataDirectory(root: root), cities: .all, languages: .none)
        #expect(snapshot.isCurrent())
        let city = root + "/Tariffs/leipzig.xml"
        try (try String(contentsOfFile: city, encoding: .utf8) + "\n").write(
            toFile: city, atomically: true, encoding: .utf8)
        #expect(!snapshot.isCurrent())
    }

    @Test func adviceSheetAndPDFOfAVisit() throws {
        let advised = try Self.advising.advise(try Self.visit("leipzig-couple-tr.json"), source: "leipzig.json")
        #expect(advised.advice.visitId == advised.visit.visitId)
        let sheet = try Self.advising.sheet(advised, audience: .household)
        #expect(sheet.language == "tr")
        let printed = try Self.advising.pdf(advised, secondLanguage: "de", creationDate: "2026-12-01T10:00:00Z")
        #expect(printed.pdf.bytes.starts(with: Array("%PDF-".utf8)))
        #expect((2...6).contains(printed.pdf.pages), "household copy, a blank back page, office copy")
        #expect(printed.visitId == "L-2026-0033" || !printed.visitId.isEmpty)
    }

    /// Two visits with one id in a batch: the second is refused before anything is printed, the others print.
    @Test func aBatchRefusesASecondVisitWithTheSameId() throws {
        let pensioner = try Self.visit("nuernberg-pensioner.json")
        let family = try Self.visit("nuernberg-family-ru.json")
        let delivered = Locked<[String]>([])
        let result = Self.advising.printAll(
            [("a.json", pensioner), ("b.json", family), ("c.json", pensioner)], creationDate: "2026-12-01T10:00:00Z",
            jobs: 2, deliver: { sheet throws(WorkflowError) in delivered.withLock { $0.append(sheet.visitId) } })
        #expect(result.printed.map { $0.visitId } == [pensioner.visitId, family.visitId])
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.source == "c.json")
        #expect(
            result.failures.first?.error
                == .duplicateVisit(visitId: pensioner.visitId, first: "a.json", second: "c.json"))
        #expect(delivered.withLock { $0 }.sorted() == [pensioner.visitId, family.visitId].sorted())
    }

    /// A sheet that cannot be delivered (say, its file exists) fails that visit only.
    @Test func aDeliveryFailureIsThatVisitsFailure() throws {
        let pensioner = try Self.visit("nuernberg-pensioner.json")
        let result = Self.advising.printAll(
            [("a.json", pensioner)], creationDate: "2026-12-01T10:00:00Z", jobs: 1,
            deliver: { _ throws(WorkflowError) in throw .outputExists(path: "NUE-2026-0142.pdf") })
        #expect(result.printed.isEmpty)
        #expect(result.failures.map(\.error) == [.outputExists(path: "NUE-2026-0142.pdf")])
    }

    @Test func theRegisterRefusesWhatWouldReadAsNothingHappened() async throws {
        let folder = try TemporaryDirectory()
        let register = Registering(
            store: try SQLiteVisitStore.open(path: folder.file("r.sqlite"), access: .write), advising: Self.advising)
        _ = try await register.record(
            try Self.visit("nuernberg-pensioner.json"), source: "p.json", now: "2026-12-01T10:00:00Z")
        let reversed = await caughtAsync { () async throws(WorkflowError) in
            _ = try await register.summary(
                VisitFilter(from: CalendarDate(iso: "2026-12-31"), to: CalendarDate(iso: "2026-01-01")))
        }
        #expect(
            reversed == .reversedDates(from: CalendarDate(iso: "2026-12-31")!, to: CalendarDate(iso: "2026-01-01")!))
        let fuerth = await caughtAsync { () async throws(WorkflowError) in
            _ = try await register.summary(VisitFilter(city: "fuerth"))
        }
        #expect(fuerth == .cityNotRegistered(city: "fuerth", registered: ["nuernberg"]))
        let summary = try await register.summary(VisitFilter(city: "nuernberg"))
        #expect(summary.householdsAdvised == 1)
        let report = try Reporting(advising: Self.advising).councilReport(
            of: summary, staffLanguage: "de", today: CalendarDate(iso: "2027-03-01")!,
            creationDate: "2027-03-01T10:00:00Z")
        #expect(report.bytes.starts(with: Array("%PDF-".utf8)))
        let empty = ProgrammeSummary(visits: [], filter: VisitFilter())
        #expect(
            caught { () throws(WorkflowError) in
                _ = try Reporting(advising: Self.advising).councilReport(
                    of: empty, staffLanguage: "de", today: CalendarDate(iso: "2027-03-01")!, creationDate: "")
            } == .noVisitsInPeriod)
    }

    @Test func theRegisterKeepsTheVisitAsAdvised() async throws {
        let folder = try TemporaryDirectory()
        let register = Registering(
            store: try SQLiteVisitStore.open(path: folder.file("r.sqlite"), access: .write), advising: Self.advising)
        let visit = try Self.visit("bremen-family-buergergeld.json")
        let (record, outcome) = try await register.record(visit, source: "b.json", now: "2026-12-01T10:00:00Z")
        #expect(outcome == .added)
        let advice = try Self.advising.advise(visit, source: "b.json").advice
        #expect(record.totals == advice.totals)
        #expect(record.documents?.visitJSON == VisitEncoder.text(visit))
        // The warnings are kept with their German words for the office.
        let words = try Self.advising.warningWords()
        #expect(advice.warnings.allSatisfy { record.documents?.adviceJSON.contains(words($0)) == true })
        var other = visit
        other.electricity.annualKWh += 100
        let taken = await caughtAsync { () async throws(WorkflowError) in
            _ = try await register.record(other, source: "other.json", now: "2026-12-02T10:00:00Z")
        }
        guard case .store(.visitIdTaken(let id, _))? = taken else {
            Issue.record("expected a taken id, got \(String(describing: taken))")
            return
        }
        #expect(id == visit.visitId)
    }
}

@Suite("Use case: the household's letters")
struct LetterWritingTests {
    static let writing = LetterWriting(advising: AdviceWorkflowsTests.advising)

    @Test func theLettersOfAVisitWithDebts() throws {
        let advised = try AdviceWorkflowsTests.advising.advise(
            try AdviceWorkflowsTests.visit("leipzig-family-threat.json"), source: "threat.json")
        let letters = try Self.writing.letters(advised, creationDate: "2026-11-12T10:00:00Z")
        #expect(letters.map(\.fileName) == ["L-2026-0305-1-strom-versorger.pdf", "L-2026-0305-1-strom-jobcenter.pdf"])
        #expect(letters.allSatisfy { $0.pdf.pages == 1 && $0.pdf.bytes.starts(with: Array("%PDF".utf8)) })
        #expect(letters.map(\.letter.recipient) == [.supplier, .jobcenter])
        // The same input gives the same bytes.
        let again = try Self.writing.letters(advised, creationDate: "2026-11-12T10:00:00Z")
        #expect(again.map(\.pdf.bytes) == letters.map(\.pdf.bytes))
    }

    @Test func aVisitWithoutDebtsIsAnError() throws {
        let advised = try AdviceWorkflowsTests.advising.advise(
            try AdviceWorkflowsTests.visit("nuernberg-pensioner.json"), source: "pensioner.json")
        let error = caught { () throws(WorkflowError) in
            _ = try Self.writing.letters(advised, creationDate: "2026-11-12T10:00:00Z")
        }
        #expect(error == .noEnergyDebt(visitId: "NUE-2026-0142"))
    }
}
