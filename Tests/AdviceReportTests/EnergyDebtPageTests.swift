import AdviceData
import AdviceLocalization
import EnergyAdvice
import TestSupport
import Testing

@testable import AdviceReport

/// No-break spaces (between a number and its unit, inside dates) read as spaces, so expectations read naturally.
func spaced(_ s: String) -> String { s.replacingOccurrences(of: "\u{00A0}", with: " ") }

extension AdviceSheet.DebtPage {
    /// The page with its no-break spaces as spaces.
    var plain: AdviceSheet.DebtPage {
        func section(_ s: AdviceSheet.Section) -> AdviceSheet.Section {
            .init(heading: spaced(s.heading), lines: s.lines.map(spaced))
        }
        return .init(
            heading: spaced(heading), facts: facts.map(spaced),
            situation: section(situation), stepsHeading: spaced(stepsHeading),
            steps: steps.map {
                .init(
                    deadline: $0.deadline.map(spaced), text: spaced($0.text),
                    details: $0.details.map(spaced))
            }, letters: section(letters), help: section(help))
    }
}

extension Letter {
    /// The letter with its no-break spaces as spaces.
    var plain: Letter {
        func line(_ l: Line) -> Line {
            switch l {
            case .text(let s): .text(spaced(s))
            case .blank(let s): .blank(spaced(s))
            }
        }
        func paragraph(_ p: Paragraph) -> Paragraph {
            switch p {
            case .text(let s): .text(spaced(s))
            case .checkbox(let s): .checkbox(spaced(s))
            case .list(let items): .list(items.map(spaced))
            }
        }
        var copy = self
        copy.sender = sender.map(line)
        copy.address = address.map(line)
        copy.details = details.map { .init(label: spaced($0.label), value: line($0.value)) }
        copy.urgent = urgent.map(spaced)
        copy.subject = subject.map(spaced)
        copy.body = body.map(paragraph)
        copy.signer = line(signer)
        copy.enclosures = enclosures.map(paragraph)
        return copy
    }
}

/// A Leipzig family on Bürgergeld (the shipped example without its debt), with one debt given as JSON.
enum DebtVisits {
    static func json(
        debt: String, date: String = "2026-11-12", benefit: String = "buergergeld", city: String = "leipzig",
        household: String = ""
    ) -> String {
        """
        {"schema": "esp-visit/1", "visitId": "L-TEST-1", "date": "\(date)", "city": "\(city)",
         "household": {"persons": 3, "dwelling": "flat", "livingAreaM2": 58, "benefit": "\(benefit)"\(household)},
         "electricity": {"annualKWh": 3400, "monthlyInstallmentEUR": 110},
         "heating": {"fuel": "gas", "annualKWh": 9800, "billing": "own", "roomTemperatureC": 22,
                     "monthlyInstallmentEUR": 120},
         "lighting": [{"room": "Küche", "lamps": 2, "watts": 60, "technology": "incandescent", "hoursPerDay": 3}],
         "energyDebt": [\(debt)]}
        """
    }

    static func visit(_ json: String) throws -> Visit { try VisitDecoder.decode(Array(json.utf8), path: "visit.json") }

    static func advice(_ json: String) throws -> (Visit, Advice, CityTariffs) {
        let visit = try visit(json)
        let calculator = try Checkout.calculator(city: visit.city)
        return (visit, try calculator.advise(visit), calculator.city)
    }

    static func page(_ json: String, language: String = "de") throws -> AdviceSheet.DebtPage {
        let (_, advice, city) = try advice(json)
        let sheet = try Shipped.builder(language).build(
            advice, office: city.office, debtCounselling: city.debtCounselling)
        return try #require(sheet.energyDebt.first).plain
    }

    /// Every text of a page, in reading order.
    static func texts(_ page: AdviceSheet.DebtPage) -> [String] {
        [page.heading] + page.facts + page.situation.lines
            + page.steps.flatMap { [$0.deadline, $0.text] + $0.details }
            .compactMap { $0 } + page.letters.lines + page.help.lines
    }
}

@Suite("The household's page for an energy debt")
struct EnergyDebtPageTests {
    /// The Leipzig example: the threat on 13 October, the announcement on Monday 9 November 2026, so the eighth
    /// working day is Thursday 19 November (Buß- und Bettag on the 18th does not count) and the earliest cut-off Friday
    /// 20 November. The request for the agreement is due at once (a week before the 19th is before the visit), and so
    /// is the loan (the office needs the days up to the cut-off to decide); the offer is accepted when it comes.
    @Test func theExampleSaysWhatHappensByWhichDate() throws {
        let (advice, city) = try Shipped.advice("leipzig-family-threat.json")
        let page = try #require(
            try Shipped.builder("de").build(advice, office: city.office, debtCounselling: city.debtCounselling)
                .energyDebt.first?.plain)
        #expect(page.heading == "Schulden beim Stromanbieter: Das ist jetzt wichtig")
        #expect(
            page.facts == [
                "Ihr Anbieter: Leipziger Stadtwerke", "Ihre Schulden: 412,80 €",
                "Frühestens am Freitag, 20. November 2026 darf der Anbieter sperren.",
            ])
        #expect(
            page.situation.lines.first == "Am 13. Oktober 2026 kam der Brief, der mit der Sperre droht (Androhung).")
        #expect(page.situation.lines.contains { $0.hasPrefix("Bei Ihnen zu Hause: ein Baby oder ein kleines Kind.") })
        #expect(
            page.steps.map(\.deadline) == [
                "Heute noch (Donnerstag, 12. November 2026):", "Heute noch (Donnerstag, 12. November 2026):",
                "Bis Donnerstag, 19. November 2026:", "Bis Donnerstag, 19. November 2026:",
                "Bis Donnerstag, 19. November 2026:", "Sobald das Angebot des Anbieters da ist:",
            ])
        // Only the steps that cost nothing free money: 7.71 € (the LED lamps and the standby switch, not the new
        // fridge) + 8.56 € the instalment exceeds the use = 16.27 € < 412.80 ÷ 24 = 17.20 €: the longest term, and the
        // page does not say "Das reicht". 24 × 17.20 € = 412.80 €: all instalments equal.
        let request = page.steps[0].details
        #expect(request.contains("Im Brief schlagen Sie 24 Raten zu je 17,20 € vor."))
        #expect(
            request.contains("Dann zahlen Sie jeden Monat 127,20 €: Ihren Abschlag von 110 € und die Rate von 17,20 €.")
        )
        #expect(
            request.contains(
                "Mit den Schritten auf diesem Blatt, die nichts kosten, sparen Sie etwa 8 € im Monat. Schritte, die Geld "
                    + "kosten, sind nicht mitgerechnet."))
        #expect(request.contains { $0.hasPrefix("So haben Sie nur etwa 16 € im Monat für die Rate. Das reicht nicht") })
        #expect(!request.contains { $0.hasSuffix("Das reicht.") })
        // The offset of § 42a SGB II: 5 % of 563 € = 28.15 € a month.
        #expect(page.steps[1].text.hasPrefix("Beantragen Sie beim Jobcenter ein Darlehen"))
        let offset = try #require(page.steps[1].details.first)
        #expect(offset.hasPrefix("Bekommen Sie das Darlehen, behält das Jobcenter jeden Monat etwa 28,15"))
        #expect(offset.hasSuffix("€ von Ihrem Geld ein, bis das Darlehen bezahlt ist."))
        // Accepting bars the cut-off; objections within a month; a missed instalment needs a new letter 8 days ahead.
        let accept = page.steps[5]
        #expect(accept.text.hasSuffix("Dann darf der Anbieter nicht sperren."))
        #expect(accept.details.contains { $0.contains("innerhalb von 1 Monat nach der Unterschrift") })
        #expect(accept.details.contains { $0.contains("8 Werktage vorher mit einem Brief ankündigen") })
        #expect(page.help.lines.contains("Jobcenter: Telefon und Adresse stehen auf Ihrem Bescheid."))
        #expect(
            page.help.lines.contains(
                "Schuldnerberatung: Verbraucherzentrale Sachsen, Beratungsstelle Leipzig (Schuldner- und "
                    + "Insolvenzberatung), Katharinenstraße 17, 04109 Leipzig"))
    }

    /// Without a threat nothing is due yet: no deadline, no key date, and a basic-supply household learns that a
    /// threat gives it the right to an agreement.
    @Test func noThreatNoDeadline() throws {
        let page = try DebtVisits.page(
            DebtVisits.json(
                debt: #"{"carrier": "electricity", "arrearsEUR": 412.8, "monthlyInstallmentEUR": 110}"#))
        #expect(page.facts == ["Ihre Schulden: 412,80 €"])
        #expect(page.steps.allSatisfy { $0.deadline == nil })
        #expect(page.steps.first?.text.hasPrefix("Bitten Sie den Anbieter schriftlich, die Schulden in Raten") == true)
        #expect(
            page.steps.first?.details.last?.hasPrefix("Droht der Anbieter mit einer Sperre, haben Sie ein Recht")
                == true)
        #expect(page.situation.lines.contains { $0.contains("Erst 4 Wochen nach so einem Brief") })
        #expect(
            page.situation.lines.contains {
                $0.contains("mindestens 8 Werktage vorher. Eine E-Mail allein reicht nicht.")
            })
        #expect(page.help.lines.first == "Ihr Anbieter: Telefon und Adresse stehen auf seinen Briefen.")
    }

    /// A supply already cut off: said first, and every step is due today but the acceptance, due when the offer
    /// comes.
    @Test func alreadyCutOff() throws {
        let page = try DebtVisits.page(
            DebtVisits.json(
                debt: #"""
                    {"carrier": "gas", "arrearsEUR": 900, "monthlyInstallmentEUR": 120, "supplier": "Stadtwerke X",
                     "threatDate": "2026-09-01", "announcementDate": "2026-10-01", "cutOff": true}
                    """#))
        #expect(page.heading == "Schulden beim Gasanbieter: Das ist jetzt wichtig")
        #expect(page.facts.last == "Der Anbieter hat schon gesperrt. Handeln Sie noch heute.")
        #expect(page.situation.lines.first?.hasPrefix("Der Anbieter muss wieder liefern") == true)
        #expect(page.steps.dropLast().allSatisfy { $0.deadline == "Heute noch (Donnerstag, 12. November 2026):" })
        #expect(page.steps.last?.deadline == "Sobald das Angebot des Anbieters da ist:")
    }

    /// Arrears below twice the instalment: no cut-off is lawful; the page says from which sum it would be.
    @Test func belowTheThreshold() throws {
        // 2 × 110 € = 220 € > 150 €.
        let page = try DebtVisits.page(
            DebtVisits.json(
                debt: #"""
                    {"carrier": "electricity", "arrearsEUR": 150, "monthlyInstallmentEUR": 110,
                     "threatDate": "2026-10-13"}
                    """#))
        #expect(page.facts == ["Ihre Schulden: 150 €"])
        #expect(
            page.situation.lines.first
                == "Im Moment darf der Anbieter nicht sperren. Dafür müssten Ihre Schulden mindestens 220 € sein.")
    }

    /// Every period has passed on the visit day and no risk is recorded: a cut-off may come now.
    @Test func lawfulNow() throws {
        let page = try DebtVisits.page(
            DebtVisits.json(
                debt: #"""
                    {"carrier": "electricity", "arrearsEUR": 412.8, "monthlyInstallmentEUR": 110,
                     "threatDate": "2026-09-01", "announcementDate": "2026-10-01"}
                    """#))
        #expect(page.facts.last == "Alle Fristen sind vorbei. Der Anbieter darf jetzt sperren. Handeln Sie noch heute.")
        #expect(page.steps.dropLast().allSatisfy { $0.deadline == "Heute noch (Donnerstag, 12. November 2026):" })
        #expect(page.steps.last?.deadline == "Sobald das Angebot des Anbieters da ist:")
    }

    /// A special contract gives no claim to instalments (§ 41g binds the basic supplier): the page says so.
    @Test func aContractGivesNoClaim() throws {
        let page = try DebtVisits.page(
            DebtVisits.json(
                debt: #"""
                    {"carrier": "electricity", "arrearsEUR": 412.8, "monthlyInstallmentEUR": 110, "supply": "contract",
                     "threatDate": "2026-10-13"}
                    """#))
        let request = try #require(
            page.steps.first { $0.text.hasPrefix("Bitten Sie den Anbieter schriftlich, die Schulden in Raten") })
        #expect(
            request.details.contains(
                "Ein Recht auf Raten haben Sie bei diesem Vertrag nicht. Fragen lohnt sich trotzdem."))
        #expect(!page.steps.contains { $0.deadline == "Sobald das Angebot des Anbieters da ist:" })
    }

    /// Sozialhilfe: the social office may give a grant; its loan (§ 37 SGB XII) withholds at most 5 % of 563 €.
    @Test func theSocialOfficeMayGiveAGrant() throws {
        let page = try DebtVisits.page(
            DebtVisits.json(
                debt: #"""
                    {"carrier": "electricity", "arrearsEUR": 412.8, "monthlyInstallmentEUR": 110,
                     "threatDate": "2026-10-13"}
                    """#, benefit: "sozialhilfe"))
        let loan = try #require(page.steps.first { $0.text.hasPrefix("Bitten Sie das Sozialamt") })
        #expect(loan.details.first == "Das Sozialamt kann das Geld schenken (Beihilfe) oder leihen (Darlehen).")
        #expect(
            loan.details.dropFirst().first?.hasPrefix(
                "Ist es ein Darlehen, behält das Sozialamt jeden Monat höchstens 28,15")
                == true)
        #expect(page.help.lines.contains("Sozialamt: Telefon und Adresse stehen auf Ihrem Bescheid."))
    }

    /// Every variant in every language: every unit translated (no German source left in another language, no
    /// placeholder left), dates never "soon", and the page never names the household's name or address.
    @Test(arguments: ["de", "ru", "tr", "uk", "ar"])
    func everyVariantInEveryLanguage(language: String) throws {
        let debts = [
            #"{"carrier": "electricity", "arrearsEUR": 412.8, "monthlyInstallmentEUR": 110, "threatDate": "2026-10-13", "announcementDate": "2026-11-09", "risks": ["infant", "medical-device"]}"#,
            #"{"carrier": "electricity", "arrearsEUR": 412.8, "monthlyInstallmentEUR": 110}"#,
            #"{"carrier": "gas", "arrearsEUR": 900, "monthlyInstallmentEUR": 120, "threatDate": "2026-09-01", "announcementDate": "2026-10-01", "cutOff": true}"#,
            #"{"carrier": "electricity", "arrearsEUR": 150, "monthlyInstallmentEUR": 110, "threatDate": "2026-10-13"}"#,
            #"{"carrier": "electricity", "arrearsEUR": 5000, "monthlyInstallmentEUR": 110, "supply": "contract", "threatDate": "2026-09-01", "announcementDate": "2026-10-01"}"#,
        ]
        let german = try LocaleLibrary(directory: Checkout.locales).localizer(language: "de")
        // The acceptance of the offer is due when it comes: its band has no date.
        let offer = try LocaleLibrary(directory: Checkout.locales).localizer(language: language).text("debt.by.offer")
        let sources = Set(
            LocaleFile.read(path: Checkout.locales + "/de.xlf", expectedLanguage: "de").0?.units.keys
                .filter { $0.hasPrefix("debt.") || $0.hasPrefix("risk.") }.map { german.sourceText($0) } ?? [])
        for (index, debt) in debts.enumerated() {
            for benefit in ["buergergeld", "sozialhilfe", "none"] {
                let page = try DebtVisits.page(
                    DebtVisits.json(
                        debt: debt, benefit: benefit,
                        household: #", "name": "Anna Muster", "address": "Weg 1, 04109 Leipzig""#),
                    language: language)
                for text in DebtVisits.texts(page) {
                    #expect(!text.contains("{") && !text.contains("}"), "\(language) debt \(index): \(text)")
                    #expect(!text.contains("Anna Muster") && !text.contains("Weg 1"))
                    if language != "de" {
                        #expect(!sources.contains(text), "\(language) debt \(index): German \(text)")
                    }
                }
                for step in page.steps where step.deadline != offer {
                    #expect(step.deadline?.contains("2026") != false, "\(language) debt \(index): \(step)")
                }
            }
        }
    }
}
