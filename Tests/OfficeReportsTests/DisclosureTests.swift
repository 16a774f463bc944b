import AdviceReport
import EnergyAdvice
import Testing
import VisitRecords

@testable import OfficeReports

/// What leaves the office never tells something about fewer than five households, shown or computed back: the rules
/// on hand-made groups, then whole council reports and comparisons of hand-made households.
@Suite("Small groups stay hidden")
struct DisclosureTests {
    @Test func smallGroupsAndTheirRest() {
        #expect(!Disclosure.isSmall(0))
        #expect((1...4).allSatisfy(Disclosure.isSmall))
        #expect(!Disclosure.isSmall(5))
        // 120 of 300 followed up: both sides are large.
        #expect(!Disclosure.withholds(part: 120, of: 300))
        // 3 of 300 measured: the part is small; 297 of 300: the rest (300 − 297 = 3) is.
        #expect(Disclosure.withholds(part: 3, of: 300))
        #expect(Disclosure.withholds(part: 297, of: 300))
        // None of 300 tells nothing; all of 300 neither.
        #expect(!Disclosure.withholds(part: 0, of: 300) && !Disclosure.withholds(part: 300, of: 300))
        // 4 of 8 (the "Nachbesucht < 5 (50 %)"): withheld, and with it the share.
        #expect(Disclosure.withholds(part: 4, of: 8))
        // Anything of a whole of 3 is about a small group.
        #expect(Disclosure.withholds(part: 0, of: 3))
    }

    /// Languages 121, 44, 2, 55, 54: Arabic's 2 could be computed as 276 − the others, so the smallest other group
    /// (44) goes with it; what can be computed is 46 households, two groups together.
    @Test func aPartitionHidesASecondGroup() {
        #expect(Disclosure.withheld(partition: [121, 44, 2, 55, 54]) == [1, 2])
        // 297 and 3: only the large one can protect the small one.
        #expect(Disclosure.withheld(partition: [297, 3]) == [0, 1])
        // 2 and 2 hold 4 together, still a small group: a third goes with them.
        #expect(Disclosure.withheld(partition: [296, 2, 2]) == [0, 1, 2])
        // 1 and 3 hold 4: the next smallest, 8, makes 12.
        #expect(Disclosure.withheld(partition: [10, 1, 3, 8]) == [1, 2, 3])
        // Two equal candidates: the later one (a recent quarter) goes.
        #expect(Disclosure.withheld(partition: [5, 5, 2]) == [1, 2])
        // No small group, nothing hidden; an empty group is not small.
        #expect(Disclosure.withheld(partition: [6, 0, 7]).isEmpty)
    }

    /// Every partition of 5 to 40 households into up to five groups: every small group is hidden, and what the
    /// hidden groups hold together (total − the shown ones) is no small group and never a single group.
    @Test func noPartitionGivesASmallGroupAway() {
        func partitions(_ total: Int, parts: Int, largest: Int) -> [[Int]] {
            guard parts > 0 else { return total == 0 ? [[]] : [] }
            guard total > 0 else { return [[]] }
            return (1...min(total, largest)).flatMap { first in
                partitions(total - first, parts: parts - 1, largest: first).map { [first] + $0 }
            }
        }
        var checked = 0
        for total in 5...40 {
            for groups in partitions(total, parts: 5, largest: total) {
                for order in [groups, groups.reversed()] {
                    let hidden = Disclosure.withheld(partition: order)
                    let hiddenSum = hidden.reduce(0) { $0 + order[$1] }
                    #expect(order.indices.allSatisfy { !Disclosure.isSmall(order[$0]) || hidden.contains($0) })
                    #expect(hidden.isEmpty || (hidden.count >= 2 && hiddenSum >= Disclosure.smallestGroup), "\(order)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }

    /// Euros by step (households overlap): a withheld step is protected by the step resting on the fewest households;
    /// a withheld payer that nothing can protect withholds the total.
    @Test func aSumHidesASecondFigure() {
        // LED 250, strips 3, fridges 150 of 300 households: strips and fridges withheld.
        #expect(Disclosure.withheld(sum: [250, 3, 150], of: 300) == ([1, 2], false))
        // 268 of 300 save for themselves, the jobcenter saves for 116: nothing small.
        #expect(Disclosure.withheld(sum: [268, 116, 74, 0], of: 300) == ([], false))
        // The landlord saves for 3: the social office (the fewest after it) goes too; 0 € stays shown.
        #expect(Disclosure.withheld(sum: [300, 116, 74, 3], of: 300) == ([2, 3], false))
        // 6 households, 5 of them save for themselves and nobody else saves: the total would be that figure.
        #expect(Disclosure.withheld(sum: [5, 0, 0, 0], of: 6) == ([0], true))
    }

    /// The case: 8 households advised, 4 followed up. "< 5 (50 %)" gave the 4 away; now neither the count,
    /// the share nor anything measured of them is printed.
    @Test func fourOfEightFollowedUpStayHidden() throws {
        var visits = try Households.copies("nuernberg-pensioner.json", 8)
        for index in 0..<4 { visits[index] = Households.followedUp(visits[index]) }
        let report = try Self.report(visits)
        let withheld = try Households.staff("de")("report.withheld")
        #expect(report.keyFigures.first { $0.label == "Nachbesucht" }?.value == withheld)
        #expect(report.keyFigures.first { $0.label == "Gemessen bei Nachbesuchen" }?.value == withheld)
        #expect(report.keyFigures.first { $0.label.hasPrefix("Kühlgerät getauscht") }?.value == withheld)
        let measured = try #require(report.tables.first)
        #expect(measured.rows.filter { $0.cells.first != "0" }.allSatisfy { $0.cells.allSatisfy { $0 == withheld } })
        let everything = Self.texts(report)
        #expect(!everything.contains { $0.plain.contains("50 %") || $0.plain.contains("4 von 8") }, "\(everything)")
        // The 8 are shown: the households advised are no attribute of some of them.
        #expect(report.keyFigures.first?.value.plain == "8 Haushalte mit 8 Personen")
    }

    /// Languages 5 German, 5 Russian, 2 Arabic of 12: Arabic and one of the groups of 5 are withheld; the shown 5
    /// leave 7 for the two others together.
    @Test func aSmallLanguageAndItsProtector() throws {
        let visits =
            try Households.copies("nuernberg-pensioner.json", 5, language: "de")
            + Households.copies("nuernberg-pensioner.json", 5, language: "ru", first: 5)
            + Households.copies("nuernberg-pensioner.json", 2, language: "ar", first: 10)
        let report = try Self.report(visits)
        let chart = try #require(report.charts.first { $0.title == "Haushalte nach Sprache des Beratungsblatts" })
        #expect(chart.rows.map(\.label) == ["Arabisch", "Deutsch", "Russisch"])
        #expect(chart.rows.map(\.shown) == ["geschützt", "5", "geschützt"])
        #expect(chart.rows.map(\.value) == [nil, 5, nil])
    }

    /// Ventilation is advised in one example only: with 3 such households among 10, its euros are withheld, and so
    /// are those of the step with the fewest households after it, so the total less the shown steps is two steps'.
    @Test func aRareStepAndItsProtector() throws {
        let visits =
            try Households.copies("nuernberg-pensioner.json", 7)
            + Households.copies("bremen-family-buergergeld.json", 3, first: 7)
        let summary = ProgrammeSummary(visits: visits, filter: VisitFilter())
        let ventilation = try #require(summary.byMeasure.first { $0.kind == .ventilation })
        #expect(ventilation.households == 3)
        let report = try Self.report(visits)
        let chart = try #require(report.charts.first { $0.title == "Erwartete Einsparung nach Schritt (€ im Jahr)" })
        let hidden = chart.rows.filter { $0.value == nil }
        #expect(hidden.count >= 2)
        #expect(hidden.contains { $0.label == "Lüften" })
        #expect(hidden.allSatisfy { $0.shown == "geschützt" && $0.count == "geschützt" })
        // The expected total stays: the two hidden steps hold more than one household's figure.
        #expect(report.keyFigures[1].value.hasPrefix(Households.money(summary.predicted.totalEUR)))
    }

    /// Three households: a report says how many were advised only as "geschützt", and no euro, kWh or share of
    /// them appears anywhere.
    @Test func threeHouseholdsShowNothing() throws {
        let report = try Self.report(
            try Households.copies("nuernberg-pensioner.json", 3).map { Households.followedUp($0) })
        let figures =
            report.keyFigures.map(\.value) + report.tables.flatMap { $0.rows.flatMap(\.cells) }
            + report.charts.flatMap { $0.rows.flatMap { [$0.shown, $0.count ?? ""] } }
        #expect(figures.allSatisfy { $0 == "geschützt" || $0.isEmpty }, "\(figures)")
        #expect(report.charts.allSatisfy { $0.rows.allSatisfy { $0.value == nil } })
    }

    /// A comparison withholds by the same rules, city by city: Bremen with 3 households shows nothing of them.
    @Test func aComparisonWithholdsCityByCity() throws {
        let nuernberg = try Households.copies("nuernberg-pensioner.json", 12).map { Households.followedUp($0) }
        let bremen = try Households.copies("bremen-family-buergergeld.json", 3).map { Households.followedUp($0) }
        let comparison = try CityComparison.compare([
            ("n.json", ProgrammeSummary(visits: nuernberg, filter: VisitFilter(city: "nuernberg"))),
            ("b.json", ProgrammeSummary(visits: bremen, filter: VisitFilter(city: "bremen"))),
        ])
        let table = comparison.table(try Households.staff("de"))
        #expect(table.columns == ["", "Nürnberg", "Bremen"])
        #expect(table.rows.allSatisfy { $0.cells[1] == "geschützt" }, "\(table.rows)")
        // Nürnberg: 12 households, all followed up, 80 % of the electricity steps' expected saving measured.
        #expect(table.rows[0].cells[0] == "12")
        #expect(table.rows[2].cells[0].plain == "12 (100 %)")
    }

    /// The council's table of energy debt: counts of at least five shown, a part or rest of 1 to 4 withheld.
    @Test func energyDebtAndCutOffs() throws {
        var summary = ProgrammeSummary(visits: [], filter: VisitFilter())
        summary.householdsAdvised = 40
        // 12 debt households of 40: threatened 10 (rest 2: withheld), announced 6 (rest 6), cut off 0 (shown),
        // asked 8 (rest 4: withheld), averted 7 (rest 5), agreements 5 (rest 7).
        summary.energyDebt = EnergyDebtFigures(
            households: 12, threatened: 10, announced: 6, cutOff: 0, arrearsEUR: 5_432.1, followedUp: 8,
            cutOffsAverted: 7, agreementsReached: 5)
        let builder = ProgrammeReportBuilder(
            text: try Households.staff("de"), dataFiles: [], today: CalendarDate(year: 2027, month: 6, day: 1)!)
        let table = try #require(builder.report(summary).tables.first { $0.title == "Energieschulden und Sperren" })
        #expect(
            table.rows.map { "\($0.label): \($0.cells[0].plain)" } == [
                "Haushalte mit Energieschulden: 12", "Rückstände zusammen: 5.432 €",
                "davon mit Sperrandrohung: geschützt", "davon mit angekündigtem Sperrtermin: 6",
                "davon beim Besuch schon gesperrt: 0", "beim Nachbesuch nach der Versorgung gefragt: geschützt",
                "Sperren abgewendet (Androhung oder Ankündigung, Versorgung läuft weiter): 7",
                "Vereinbarungen mit dem Versorger (Abwendungsvereinbarung, Raten): 5",
            ])
        // Three debt households of 40 are a small group: nothing of them is shown.
        summary.energyDebt.households = 3
        let small = try #require(builder.report(summary).tables.first { $0.title == "Energieschulden und Sperren" })
        #expect(small.rows.allSatisfy { $0.cells == ["geschützt"] })
        summary.energyDebt = EnergyDebtFigures()
        #expect(!builder.report(summary).tables.contains { $0.title == "Energieschulden und Sperren" })
    }

    static func report(_ visits: [RegisteredVisit]) throws -> ProgrammeReport {
        ProgrammeReportBuilder(
            text: try Households.staff("de"), dataFiles: [], today: CalendarDate(year: 2027, month: 6, day: 1)!
        ).report(ProgrammeSummary(visits: visits, filter: VisitFilter()))
    }

    /// Every text of a report.
    static func texts(_ report: ProgrammeReport) -> [String] {
        var texts = [report.title, report.subtitle, report.footer]
        texts += report.keyFigures.flatMap { [$0.label, $0.value] }
        for table in report.tables {
            texts += [table.title] + table.columns + table.notes
            texts += table.rows.flatMap { [$0.label] + $0.cells }
        }
        for chart in report.charts {
            texts.append(chart.title)
            texts += chart.rows.flatMap { [$0.label, $0.shown, $0.count ?? ""] }
        }
        texts += report.sections.flatMap { [$0.heading] + $0.lines }
        return texts
    }
}
