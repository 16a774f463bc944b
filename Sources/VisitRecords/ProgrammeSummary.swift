import EnergyAdvice
import JSONText

/// The programme's figures for a council report: households, predicted and realised savings, and breakdowns.
///
/// Holds no visit ids, names, addresses or notes. All money in €, energy in kWh, water in m³ per year,
/// rounded to 0.01 after summing.
public struct ProgrammeSummary: Sendable, Equatable {
    /// The filter the summary was made with.
    public var filter: VisitFilter
    /// Visits (households) in the filter.
    public var householdsAdvised: Int
    /// Of those, the households with at least one follow-up.
    public var householdsFollowedUp: Int
    /// The advice's predictions over all recommended measures of all advised households.
    public var predicted: SavingFigures
    /// Measured at follow-ups, from each household's latest follow-up with the figure.
    public var realised: RealisedFigures
    /// By measure kind, in the order of the calculation rules.
    public var byMeasure: [MeasureBreakdown]
    /// By language of the advice sheet, alphabetical.
    public var byLanguage: [GroupBreakdown]
    /// By social benefit, in the order of the visit format.
    public var byBenefit: [GroupBreakdown]
    /// Fridge vouchers promised with recommended fridge replacements.
    public var fridgeVouchers: VoucherFigures
    /// Fridge replacements the followed-up households reported as done (their latest follow-up).
    public var fridgeReplacementsReported: Int
    /// Tariff switches offered: apart from the savings, because a switch saves money, not energy.
    public var tariffSwitch: TariffSwitchFigures
    /// What was handed out or fitted at the visits, by measure, in the order of the calculation rules.
    public var handedOut: [HandOutFigures]
    /// Households that got at least one item handed out or fitted (of any measure).
    public var householdsHandedOut: Int
    /// By quarter of the visit date (`2026-Q1`), oldest first.
    public var byQuarter: [GroupBreakdown]
    /// Realised ÷ expected per measure from the follow-ups.
    public var calibration: [MeasureCalibration]
    /// The cities of the visits, sorted.
    public var cities: [String]
    /// The calculation rules versions the visits were advised with, oldest first.
    public var rulesVersions: [Int]
    /// Visits whose heating was estimated (no bill): their heating savings rest on an estimate.
    public var visitsWithEstimatedHeating: Int
    /// Persons in the advised households.
    public var personsReached: Int
    /// The households with energy debt: threats, cut-offs, and what the follow-ups say of the supply.
    public var energyDebt: EnergyDebtFigures

    /// Creates the value from all its parts.
    public init(
        filter: VisitFilter, householdsAdvised: Int, householdsFollowedUp: Int, predicted: SavingFigures,
        realised: RealisedFigures, byMeasure: [MeasureBreakdown], byLanguage: [GroupBreakdown],
        byBenefit: [GroupBreakdown], fridgeVouchers: VoucherFigures, fridgeReplacementsReported: Int,
        tariffSwitch: TariffSwitchFigures, handedOut: [HandOutFigures], householdsHandedOut: Int,
        byQuarter: [GroupBreakdown], calibration: [MeasureCalibration], cities: [String], rulesVersions: [Int],
        visitsWithEstimatedHeating: Int, personsReached: Int, energyDebt: EnergyDebtFigures = EnergyDebtFigures()
    ) {
        self.filter = filter
        self.householdsAdvised = householdsAdvised
        self.householdsFollowedUp = householdsFollowedUp
        self.predicted = predicted
        self.realised = realised
        self.byMeasure = byMeasure
        self.byLanguage = byLanguage
        self.byBenefit = byBenefit
        self.fridgeVouchers = fridgeVouchers
        self.fridgeReplacementsReported = fridgeReplacementsReported
        self.tariffSwitch = tariffSwitch
        self.handedOut = handedOut
        self.householdsHandedOut = householdsHandedOut
        self.byQuarter = byQuarter
        self.calibration = calibration
        self.cities = cities
        self.rulesVersions = rulesVersions
        self.visitsWithEstimatedHeating = visitsWithEstimatedHeating
        self.personsReached = personsReached
        self.energyDebt = energyDebt
    }

    /// The share of advised households with a follow-up, 0…1.
    public var followUpRate: Double {
        householdsAdvised == 0 ? 0 : Double(householdsFollowedUp) / Double(householdsAdvised)
    }

    /// What the items handed out cost the programme, €.
    public var programmeCostEUR: Double { cents(handedOut.reduce(0) { $0 + $1.programmeCostEUR }) }
}

extension ProgrammeSummary {
    /// Sums `visits` (already filtered) in one pass; `filter` is only recorded.
    public init(visits: [RegisteredVisit], filter: VisitFilter) {
        var sums = Accumulator(filter: filter)
        for visit in visits { sums.add(visit) }
        self = sums.summary()
    }

    /// Adds visits one at a time as a store reads them, so a summary over a million visits holds one visit at a
    /// time (and the calibration samples of the followed-up ones). Sums run in the order added and are rounded once at the
    /// end.
    ///
    /// A store that sums in its database fills the same sums (package access) from its aggregates and calls
    /// ``summary()``: one rounding and one ordering for every store.
    public struct Accumulator: Sendable {
        let filter: VisitFilter
        let kinds = MeasureKind.allCases
        let benefits = Benefit.allCases
        package var all = GroupSums()
        package var electricityEUR = 0.0
        package var heatingEUR = 0.0
        package var electricityCO2 = 0.0
        package var heatingCO2 = 0.0
        package var waterM3 = 0.0
        package var landlordEUR = 0.0
        /// By measure kind, in the order of ``MeasureKind/allCases``.
        package var byKind: [MeasureSums]
        package var byLanguage: [String: GroupSums] = [:]
        /// By benefit, in the order of ``Benefit/allCases``.
        package var byBenefit: [GroupSums]
        package var vouchers = (count: 0, eur: 0.0, households: 0)
        package var payers = PayerHouseholds(household: 0, jobcenter: 0, socialOffice: 0, landlord: 0)
        package var householdsHandedOut = 0
        package var realised = RealisedSums()
        /// The calibration samples by measure, as added one visit at a time.
        var samples: [MeasureKind: [Double]] = [:]
        /// The samples' statistics when a store computed them itself; they then stand for ``samples``.
        package var sampleSums: [MeasureKind: SampleSums]?
        package var jobcenterEUR = 0.0
        package var socialOfficeEUR = 0.0
        package var switches = (households: 0, eur: 0.0)
        package var replacementsReported = 0
        /// By measure kind, in the order of ``MeasureKind/allCases``.
        package var handedOut: [HandOutSums]
        /// By the first day of the quarter's key (``quarter(of:)``).
        package var byQuarter: [String: GroupSums] = [:]
        package var cities: Set<String> = []
        package var rulesVersions: Set<Int> = []
        package var estimatedHeating = 0
        package var persons = 0
        package var debt = DebtSums()

        /// Empty sums for the visits of `filter`.
        public init(filter: VisitFilter) {
            self.filter = filter
            byKind = [MeasureSums](repeating: MeasureSums(), count: MeasureKind.allCases.count)
            byBenefit = [GroupSums](repeating: GroupSums(), count: Benefit.allCases.count)
            handedOut = [HandOutSums](repeating: HandOutSums(), count: MeasureKind.allCases.count)
        }

        /// Adds one visit (with its measures and follow-ups).
        public mutating func add(_ visit: RegisteredVisit) {
            let t = visit.totals
            // Valued as the advice valued them (rules 3 and 4 through the core's SavingPrices), and what the
            // follow-ups show.
            let contribution = SummaryContribution(visit: visit)
            all.add(visit)
            byLanguage[visit.language, default: GroupSums()].add(visit)
            if let index = benefits.firstIndex(of: visit.benefit) { byBenefit[index].add(visit) }
            electricityEUR += contribution.electricityEUR
            heatingEUR += contribution.heatingEUR
            electricityCO2 += contribution.electricityCO2Kg
            heatingCO2 += contribution.heatingCO2Kg
            waterM3 += t.waterM3
            landlordEUR += t.landlordEUR
            jobcenterEUR += t.split.jobcenter
            socialOfficeEUR += t.split.socialOffice
            if t.split.household > 0 { payers.household += 1 }
            if t.split.jobcenter > 0 { payers.jobcenter += 1 }
            if t.split.socialOffice > 0 { payers.socialOffice += 1 }
            if t.split.landlord > 0 { payers.landlord += 1 }
            byQuarter[Self.quarter(of: visit.date), default: GroupSums()].add(visit)
            if t.tariffSwitchEUR > 0 {
                switches.households += 1
                switches.eur += t.tariffSwitchEUR
            }
            cities.insert(visit.city)
            rulesVersions.insert(visit.rulesVersion)
            if visit.heating?.estimated == true { estimatedHeating += 1 }
            persons += visit.persons
            debt.add(visit.energyDebt, contribution.debtOutcome)

            var seen = [Bool](repeating: false, count: kinds.count)
            var given = [Bool](repeating: false, count: kinds.count)
            for m in visit.measures {
                guard let index = kinds.firstIndex(of: m.kind) else { continue }
                byKind[index].add(m)
                if m.items > 0 {
                    if !given[index] { handedOut[index].households += 1 }
                    given[index] = true
                    handedOut[index].items += m.items
                    handedOut[index].eur += m.programmeCostEUR
                }
                seen[index] = true
                if m.kind == .fridgeReplacement && m.voucherEUR > 0 {
                    vouchers.count += 1
                    vouchers.eur += m.voucherEUR
                }
            }
            for index in seen.indices where seen[index] { byKind[index].households += 1 }
            if contribution.handedOut { householdsHandedOut += 1 }
            if contribution.voucherPromised { vouchers.households += 1 }
            if let implemented = contribution.implemented {
                if implemented.contains(.fridgeReplacement) { replacementsReported += 1 }
                for kind in implemented {
                    if let index = kinds.firstIndex(of: kind) { byKind[index].householdsImplemented += 1 }
                }
                realised.add(contribution, visit)
                for sample in contribution.calibrationSamples {
                    samples[sample.kind, default: []].append(sample.ratio)
                }
            }
        }

        /// The key of a visit date's quarter in ``ProgrammeSummary/byQuarter``: `2026-Q1`.
        package static func quarter(of date: CalendarDate) -> String {
            "\(date.year)-Q\((date.month - 1) / 3 + 1)"
        }

        /// The summary of the visits added.
        public func summary() -> ProgrammeSummary {
            let totalEUR = cents(all.savingEUR)
            return ProgrammeSummary(
                filter: filter,
                householdsAdvised: all.households,
                householdsFollowedUp: all.followedUp,
                predicted: SavingFigures(
                    electricity: CarrierFigures(
                        kWh: cents(all.electricityKWh), eur: cents(electricityEUR), co2Kg: cents(electricityCO2)),
                    heating: CarrierFigures(kWh: cents(all.heatKWh), eur: cents(heatingEUR), co2Kg: cents(heatingCO2)),
                    waterM3: cents(waterM3),
                    otherEUR: cents(totalEUR - cents(electricityEUR) - cents(heatingEUR)),
                    totalEUR: totalEUR,
                    householdEUR: cents(all.householdEUR),
                    publicEUR: cents(all.publicEUR),
                    landlordEUR: cents(landlordEUR),
                    jobcenterEUR: cents(jobcenterEUR),
                    socialOfficeEUR: cents(socialOfficeEUR),
                    co2Kg: cents(all.co2Kg),
                    householdsByPayer: payers
                ),
                realised: realised.figures,
                byMeasure: zip(kinds, byKind).compactMap { kind, sums in
                    sums.measures == 0 ? nil : sums.breakdown(kind)
                },
                byLanguage: byLanguage.keys.sorted().compactMap { key in byLanguage[key]?.breakdown(key: key) },
                byBenefit: zip(benefits, byBenefit).compactMap { benefit, sums in
                    sums.households == 0 ? nil : sums.breakdown(key: benefit.rawValue)
                },
                fridgeVouchers: VoucherFigures(
                    count: vouchers.count, eur: cents(vouchers.eur), households: vouchers.households),
                fridgeReplacementsReported: replacementsReported,
                tariffSwitch: TariffSwitchFigures(households: switches.households, eur: cents(switches.eur)),
                handedOut: zip(kinds, handedOut).compactMap { kind, sums in
                    sums.items == 0
                        ? nil
                        : HandOutFigures(
                            kind: kind, items: sums.items, households: sums.households,
                            programmeCostEUR: cents(sums.eur))
                },
                householdsHandedOut: householdsHandedOut,
                byQuarter: byQuarter.keys.sorted().compactMap { key in byQuarter[key]?.breakdown(key: key) },
                calibration: MeasureCalibration.from(sampleSums ?? samples.mapValues(SampleSums.init)),
                cities: cities.sorted(),
                rulesVersions: rulesVersions.sorted(),
                visitsWithEstimatedHeating: estimatedHeating,
                personsReached: persons,
                energyDebt: debt.figures)
        }
    }
}

/// Running sums of a group of visits (all, a language, a benefit).
package struct GroupSums: Sendable {
    package var households = 0
    package var followedUp = 0
    package var electricityKWh = 0.0
    package var heatKWh = 0.0
    package var savingEUR = 0.0
    package var householdEUR = 0.0
    package var publicEUR = 0.0
    package var co2Kg = 0.0

    package init() {}

    mutating func add(_ visit: RegisteredVisit) {
        households += 1
        if visit.isFollowedUp { followedUp += 1 }
        electricityKWh += visit.totals.electricityKWh
        heatKWh += visit.totals.heatKWh
        savingEUR += visit.totals.savingEUR
        householdEUR += visit.totals.householdEUR
        publicEUR += visit.totals.publicEUR
        co2Kg += visit.totals.co2Kg
    }

    func breakdown(key: String) -> GroupBreakdown {
        GroupBreakdown(
            key: key, households: households, householdsFollowedUp: followedUp,
            electricityKWh: cents(electricityKWh), heatKWh: cents(heatKWh), savingEUR: cents(savingEUR),
            householdEUR: cents(householdEUR), publicEUR: cents(publicEUR), co2Kg: cents(co2Kg))
    }
}

/// Running sums of the items of one measure kind handed out at the visits.
package struct HandOutSums: Sendable {
    package var items = 0
    package var households = 0
    package var eur = 0.0

    package init() {}
}

/// Running sums of one measure kind.
package struct MeasureSums: Sendable {
    package var measures = 0
    package var households = 0
    package var householdsImplemented = 0
    package var electricityKWh = 0.0
    package var heatKWh = 0.0
    package var waterM3 = 0.0
    package var savingEUR = 0.0
    package var householdEUR = 0.0
    package var publicEUR = 0.0
    package var co2Kg = 0.0
    package var vouchers = 0
    package var voucherEUR = 0.0

    package init() {}

    mutating func add(_ m: RegisteredMeasure) {
        measures += 1
        electricityKWh += m.electricityKWh
        heatKWh += m.heatKWh
        waterM3 += m.waterM3
        savingEUR += m.savingEUR
        householdEUR += m.householdEUR
        publicEUR += m.publicEUR
        co2Kg += m.co2Kg
        if m.voucherEUR > 0 {
            vouchers += 1
            voucherEUR += m.voucherEUR
        }
    }

    func breakdown(_ kind: MeasureKind) -> MeasureBreakdown {
        MeasureBreakdown(
            kind: kind, measures: measures, households: households, householdsImplemented: householdsImplemented,
            electricityKWh: cents(electricityKWh), heatKWh: cents(heatKWh), waterM3: cents(waterM3),
            savingEUR: cents(savingEUR), householdEUR: cents(householdEUR), publicEUR: cents(publicEUR),
            co2Kg: cents(co2Kg), vouchers: vouchers, voucherEUR: cents(voucherEUR))
    }
}

extension RegisteredVisit {
    /// The follow-ups whose figures count as measured: the latest electricity figure from 90 days after the visit on
    /// (a shorter period extrapolates too little to a year), and the latest heating figure against a heating the
    /// visit measured (an estimated baseline measures nothing; registers from before esp refused them kept some).
    var measuredFollowUps: (electricity: FollowUpResult?, heating: FollowUpResult?) {
        let electricity = followUps.last { $0.electricity != nil && !$0.isShortPeriod }
        let heating = followUps.last { $0.heating != nil }
        return (electricity, heating?.heating?.baselineEstimated == false ? heating : nil)
    }
}
