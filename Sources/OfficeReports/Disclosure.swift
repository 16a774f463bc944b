import VisitRecords

/// Which figures of a programme may leave the office (the council's report, the city comparison), so that no figure
/// tells something about fewer than five households — neither shown nor computed back from the figures shown.
///
/// The rules, for every published figure:
/// 1. **Small groups.** A count of 1 to 4 households is withheld, and so is every figure about those households
///    (their euros, kWh, a share of them). A count of 0 is shown: it tells nothing about anyone.
/// 2. **A part and the rest.** A figure about a part of a shown whole (the households followed up of the households
///    advised) is withheld when the part *or the rest* is a small group: the rest can be computed as whole − part,
///    and with it a figure about the rest (expected for all − expected for the followed-up).
/// 3. **Partitions.** Where groups split a shown total (households by language, by benefit, by quarter), withholding
///    one group would be undone by subtraction; so further groups are withheld, the smallest first, until the
///    withheld groups are at least two and hold at least five households together. What can then be computed is the
///    sum of the withheld groups, itself not a small group.
/// 4. **Sums of overlapping groups.** Where figures add up to a shown total but their groups overlap (euros by step:
///    one household has several steps; euros by who saves them), a figure withheld by rule 2 is protected by
///    withholding a second one, the one resting on the fewest households; without a second one, the total is
///    withheld (it would equal the figure).
///
/// Withheld cells all read alike ("geschützt"), whichever rule withheld them, so the reader cannot tell the small
/// group from its protector. The office's own outputs (`esp summary` as text, CSV or JSON) are not published and keep
/// every figure; a comparison applies these rules to each city's summary itself.
public enum Disclosure {
    /// Groups of fewer households than this are never shown.
    public static let smallestGroup = 5

    /// Rule 1: whether a group of `households` is a small group (1 to 4).
    public static func isSmall(_ households: Int) -> Bool { households > 0 && households < smallestGroup }

    /// Rule 2: whether a figure about `part` households of a shown `whole` is withheld: the part, the rest or the
    /// whole is a small group.
    public static func withholds(part: Int, of whole: Int) -> Bool {
        isSmall(part) || isSmall(whole - part) || isSmall(whole)
    }

    /// Rule 3: the indices of the groups to withhold in a partition of a total that is shown, given each group's
    /// households. Groups of 0 households stay shown.
    public static func withheld(partition households: [Int]) -> Set<Int> {
        var hidden = Set(households.indices.filter { isSmall(households[$0]) })
        guard !hidden.isEmpty else { return hidden }
        while hidden.count < 2 || hidden.reduce(0, { $0 + households[$1] }) < smallestGroup {
            // The smallest shown group protects best at the least cost; of equal ones, the later (a recent quarter).
            guard
                let next = households.indices.filter({ !hidden.contains($0) && households[$0] > 0 })
                    .min(by: { (households[$0], -$0) < (households[$1], -$1) })
            else { break }
            hidden.insert(next)
        }
        return hidden
    }

    /// Rule 4: the figures to withhold among figures that add up to a shown total, given the households each rests
    /// on (the groups may overlap) out of the `whole` advised. A figure about 0 households (0 €) stays shown. When a
    /// withheld figure has no other to hide with it, the total is withheld too: it would equal the figure.
    public static func withheld(sum households: [Int], of whole: Int) -> (parts: Set<Int>, total: Bool) {
        var hidden = Set(households.indices.filter { households[$0] > 0 && withholds(part: households[$0], of: whole) })
        guard hidden.count == 1 else { return (hidden, false) }
        guard
            let next = households.indices.filter({ !hidden.contains($0) && households[$0] > 0 })
                .min(by: { (households[$0], -$0) < (households[$1], -$1) })
        else { return (hidden, true) }
        hidden.insert(next)
        return (hidden, false)
    }
}

extension Disclosure {
    /// Whether the summary's expected savings over all advised households (€, kWh, CO₂) are withheld: the households
    /// are a small group, or a withheld figure by step or by payer could otherwise be computed back from them.
    public static func withholdsExpectedTotals(_ s: ProgrammeSummary) -> Bool {
        isSmall(s.householdsAdvised) || withheld(sum: s.byMeasure.map(\.households), of: s.householdsAdvised).total
            || withheld(sum: s.payerHouseholds, of: s.householdsAdvised).total
    }
}

extension ProgrammeSummary {
    /// The households the expected euros of each payer rest on, in the order of ``Payer/allCases``.
    var payerHouseholds: [Int] {
        let p = predicted.householdsByPayer
        return [p.household, p.jobcenter, p.socialOffice, p.landlord]
    }
}
