import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import Testing

@testable import VisitQuestionnaire

/// The section „Zahlungsrückstand / Sperre“: a debt's answers become `energyDebt[]`, checked as the visit file checks
/// them, and `esp visit edit` changes debts like every other answer.
@Suite("The questionnaire's energy debts")
struct EnergyDebtQuestionsTests {
    /// The pensioner (visit on 17 February 2026) with a debt with N-ERGIE in place of "no arrears".
    static let debtAnswers: [(question: String, answer: String)] = [
        ("energyDebt[0]", "strom"),
        ("energyDebt[0].arrearsEUR", "412,80"),
        ("energyDebt[0].supply", ""),
        ("energyDebt[0].supplier", "N-ERGIE"),
        ("energyDebt[0].monthlyInstallmentEUR", ""),
        ("energyDebt[0].annualBillEUR", ""),
        ("energyDebt[0].threatDate", "10.02.2026"),
        ("energyDebt[0].announcementDate", "16.02.2026"),
        ("energyDebt[0].cutOff", ""),
        ("energyDebt[0].risks", "2 6"),
        ("energyDebt[1]", ""),
        ("household.name", "Erika Muster"),
        ("household.address", "Hauptstraße 1, 90402 Nürnberg"),
    ]

    static var answers: [(question: String, answer: String)] {
        Fixture.pensioner.flatMap { $0.question == "energyDebt[0]" ? debtAnswers : [$0] }
    }

    @Test func theAnswersBecomeTheVisitsDebt() throws {
        var q = Questionnaire(setup: Fixture.setup)
        let outcomes = Fixture.answer(&q, Self.answers.map(\.answer))
        #expect(!outcomes.contains { if case .rejected = $0 { true } else { false } })
        #expect(q.answeredQuestions.map(\.id) == Self.answers.map(\.question))
        let visit = try q.visit()
        #expect(
            visit.energyDebt == [
                EnergyDebt(
                    carrier: .electricity, arrearsEUR: 412.8, supply: .basic, supplier: "N-ERGIE",
                    threatDate: Fixture.date("2026-02-10"), announcementDate: Fixture.date("2026-02-16"), cutOff: false,
                    risks: [.infant, .elderly])
            ])
        #expect(visit.contact == HouseholdContact(name: "Erika Muster", address: "Hauptstraße 1, 90402 Nürnberg"))
        // Replayed from the visit, the same answers come back.
        let replayed = Questionnaire(
            setup: Fixture.setup, carrying: VisitAnswers.answers(for: visit, setup: Fixture.setup))
        #expect(replayed.isComplete)
        #expect(VisitEdit.lostParts(original: visit, replayed: try replayed.visit()) == [])
        // The recap names the debt and who signs the letters.
        #expect(
            VisitRecap.lines(visit).suffix(2) == [
                "Zahlungsrückstand Strom: 412,80 €, Grundversorgung bei N-ERGIE, Androhung am 10.02.2026, "
                    + "Ankündigung am 16.02.2026, gefährdet: Säugling oder Kleinkind, alter Mensch",
                "Briefe: Erika Muster, Hauptstraße 1, 90402 Nürnberg",
            ])
    }

    /// What the visit file refuses is refused at once, with the same rule in German; a letter of more than a year
    /// ago is asked to be checked.
    @Test func badAnswersAreRefusedAtTheQuestion() throws {
        var q = try Fixture.questionnaire(before: "energyDebt[0]")
        #expect(q.answer("strom") == .accepted(warning: nil))
        #expect(
            q.answer("0")
                == .rejected("0 liegt außerhalb des erlaubten Bereichs. Erlaubt: mehr als 0 bis 100000 €."))
        Fixture.answer(&q, ["412,80", "", "-", "", ""])
        #expect(q.currentQuestion?.id == "energyDebt[0].threatDate")
        #expect(
            q.answer("18.02.2026")
                == .rejected(
                    "Der 18.02.2026 liegt nach dem Besuch (17.02.2026); bitte den Tag eingeben, an dem der Brief ankam, "
                        + "spätestens den Besuchstag."))
        #expect(
            q.answer("01.02.2025")
                == .accepted(
                    warning: "Der Brief kam vor mehr als einem Jahr. Gilt er noch, oder gibt es einen neueren?"))
        #expect(q.answer("<") == .back)
        #expect(q.answer("10.02.2026") == .accepted(warning: nil))
        #expect(
            q.answer("09.02.2026")
                == .rejected(
                    "Die Ankündigung (09.02.2026) kommt nach der Androhung (10.02.2026); bitte beide Daten prüfen."))
        #expect(q.answer("-") == .accepted(warning: nil))
        #expect(q.answer("") == .accepted(warning: nil))
        #expect(q.currentQuestion?.id == "energyDebt[0].risks")
        #expect(q.answer("7") == .rejected("Nummer 7 gibt es hier nicht; möglich: 1, 2, 3, 4, 5, 6."))
    }

    /// No instalment of its own, none of the visit for the energy and no yearly bill: esp cannot judge the threshold
    /// and says so.
    @Test func withoutInstalmentOrBillTheAdvisorIsWarned() throws {
        var q = try Fixture.questionnaire(before: "energyDebt[0]")
        Fixture.answer(&q, ["gas", "300", "", "-", ""])
        #expect(
            q.answer("")
                == .accepted(
                    warning:
                        "Ohne Abschlag und ohne Jahresrechnung kann esp nicht sagen, ob die Schulden für eine Sperre reichen."
                ))
    }

    /// `esp visit edit` changes a debt like any other answer; a visit without debts keeps its name and address.
    @Test func anEditChangesADebt() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "threat.json",
            try String(contentsOfFile: Checkout.examples + "/leipzig-family-threat.json", encoding: .utf8))
        var prompter = ScriptedPrompter(["energyDebt[0].arrearsEUR", "500", ""])
        _ = try VisitInterview(setup: Fixture.setup).edit(visitPath: path, prompter: &prompter)
        let original = try VisitDecoder.load(path: Checkout.examples + "/leipzig-family-threat.json")
        let saved = try VisitDecoder.load(path: path)
        #expect(saved.energyDebt.first?.arrearsEUR == 500)
        var expected = original.energyDebt
        expected[0].arrearsEUR = 500
        expected[0].cutOff = false  // the default, now written out
        #expect(saved.energyDebt == expected)

        let withName = Visit(
            visitId: "X-1", date: Fixture.today, city: "leipzig",
            household: Household(persons: 1, dwelling: .flat, livingAreaM2: 40),
            electricity: ElectricityUse(annualKWh: 1500), contact: HouseholdContact(name: "Erika Muster"))
        let replayed = try Questionnaire(
            setup: Fixture.setup, carrying: VisitAnswers.answers(for: withName, setup: Fixture.setup)
        ).visit()
        #expect(replayed.contact == nil, "not asked without a debt")
        #expect(VisitEdit.keepingUnasked(from: withName, in: replayed).contact == withName.contact)
        #expect(VisitEdit.lostParts(original: withName, replayed: replayed) == [])
    }
}
