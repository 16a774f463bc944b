import EnergyAdvice
import JSONText

/// Which visits a summary or an export covers: visit dates from `from` to `to` (both inclusive) and one city.
/// A nil field does not restrict.
public struct SummaryFilter: Sendable, Equatable {
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
}

/// The programme's figures for a council report: households, predicted and realised savings, and breakdowns.
///
/// Holds no visit ids, names, addresses or notes. All money in €, energy in kWh, water in m³ per year,
/// rounded to 0.01 after summing.
public struct ProgrammeSummary: Sendable, Equatable {
    /// The filter the summary was made with.
    public var filter: SummaryFilter
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

    /// The share of advised households with a follow-up, 0…1.
    public var followUpRate: Double {
        householdsAdvised == 0 ? 0 : Double(householdsFollowedUp) / Double(householdsAdvised)
    }

    /// What the items handed out cost the programme, €.
    public var programmeCostEUR: Double { cents(handedOut.reduce(0) { $0 + $1.programmeCostEUR }) }
}

extension VisitRegister {
    /// The programme summary of the visits in `filter`.
    public func summary(_ filter: SummaryFilter = SummaryFilter()) throws(RegisterError) -> ProgrammeSummary {
        ProgrammeSummary(visits: try visits(filter), filter: filter)
    }

    /// The programme summary for visit dates from `from` to `to` in `city` (nil: no restriction).
    public func summary(
        from: CalendarDate? = nil, to: CalendarDate? = nil,
        city: String? = nil
    ) throws(RegisterError) -> ProgrammeSummary {
        try summary(SummaryFilter(from: from, to: to, city: city))
    }
}

extension ProgrammeSummary {
    /// Sums `visits` (already filtered) in one pass; `filter` is only recorded. Sums run in visit order and are
    /// rounded once at the end.
    public init(visits: [RegisteredVisit], filter: SummaryFilter) {
        self.filter = filter
        let kinds = MeasureKind.allCases
        let benefits = Benefit.allCases
        var all = GroupSums()
        var electricityEUR = 0.0
        var heatingEUR = 0.0
        var electricityCO2 = 0.0
        var heatingCO2 = 0.0
        var waterM3 = 0.0
        var landlordEUR = 0.0
        var byKind = [MeasureSums](repeating: MeasureSums(), count: kinds.count)
        var byLanguage: [String: GroupSums] = [:]
        var byBenefit = [GroupSums](repeating: GroupSums(), count: benefits.count)
        var vouchers = (count: 0, eur: 0.0)
        var followed: [RegisteredVisit] = []
        var jobcenterEUR = 0.0
        var socialOfficeEUR = 0.0
        var switches = (households: 0, eur: 0.0)
        var replacementsReported = 0
        var handedOut = [HandOutSums](repeating: HandOutSums(), count: kinds.count)
        var byQuarter: [String: GroupSums] = [:]

        for visit in visits {
            let t = visit.totals
            all.add(visit)
            byLanguage[visit.language, default: GroupSums()].add(visit)
            if let index = benefits.firstIndex(of: visit.benefit) { byBenefit[index].add(visit) }
            electricityEUR += t.electricityKWh * visit.prices.electricityEURPerKWh
            heatingEUR += t.heatKWh * (visit.prices.heatingEURPerKWh ?? 0) * (visit.heating?.billShare ?? 1)
            electricityCO2 += t.electricityKWh * (visit.prices.electricityCO2KgPerKWh ?? 0)
            heatingCO2 += t.heatKWh * (visit.prices.heatingCO2KgPerKWh ?? 0)
            waterM3 += t.waterM3
            landlordEUR += t.landlordEUR
            jobcenterEUR += t.split.jobcenter
            socialOfficeEUR += t.split.socialOffice
            byQuarter["\(visit.date.year)-Q\((visit.date.month - 1) / 3 + 1)", default: GroupSums()].add(visit)
            if t.tariffSwitchEUR > 0 {
                switches.households += 1
                switches.eur += t.tariffSwitchEUR
            }

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
            if let latest = visit.followUps.last {
                if latest.implemented.contains(.fridgeReplacement) { replacementsReported += 1 }
                for kind in latest.implemented {
                    if let index = kinds.firstIndex(of: kind) { byKind[index].householdsImplemented += 1 }
                }
                followed.append(visit)
            }
        }

        householdsAdvised = all.households
        householdsFollowedUp = all.followedUp
        let totalEUR = cents(all.savingEUR)
        predicted = SavingFigures(
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
            co2Kg: cents(all.co2Kg)
        )
        realised = RealisedFigures(visits: followed)
        byMeasure = zip(kinds, byKind).compactMap { kind, sums in sums.measures == 0 ? nil : sums.breakdown(kind) }
        self.byLanguage = byLanguage.keys.sorted().compactMap { key in byLanguage[key]?.breakdown(key: key) }
        self.byBenefit = zip(benefits, byBenefit).compactMap { benefit, sums in
            sums.households == 0 ? nil : sums.breakdown(key: benefit.rawValue)
        }
        fridgeVouchers = VoucherFigures(count: vouchers.count, eur: cents(vouchers.eur))
        fridgeReplacementsReported = replacementsReported
        tariffSwitch = TariffSwitchFigures(households: switches.households, eur: cents(switches.eur))
        self.handedOut = zip(kinds, handedOut).compactMap { kind, sums in
            sums.items == 0
                ? nil
                : HandOutFigures(
                    kind: kind, items: sums.items, households: sums.households, programmeCostEUR: cents(sums.eur))
        }
        self.byQuarter = byQuarter.keys.sorted().compactMap { key in byQuarter[key]?.breakdown(key: key) }
        calibration = MeasureCalibration.from(followed)
        cities = Array(Set(visits.map(\.city))).sorted()
        rulesVersions = Array(Set(visits.map(\.rulesVersion))).sorted()
        visitsWithEstimatedHeating = visits.filter { $0.heating?.estimated == true }.count
        personsReached = visits.reduce(0) { $0 + $1.persons }
    }
}

/// Running sums of a group of visits (all, a language, a benefit).
private struct GroupSums {
    var households = 0
    var followedUp = 0
    var electricityKWh = 0.0
    var heatKWh = 0.0
    var savingEUR = 0.0
    var householdEUR = 0.0
    var publicEUR = 0.0
    var co2Kg = 0.0

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
private struct HandOutSums {
    var items = 0
    var households = 0
    var eur = 0.0
}

/// Running sums of one measure kind.
private struct MeasureSums {
    var measures = 0
    var households = 0
    var householdsImplemented = 0
    var electricityKWh = 0.0
    var heatKWh = 0.0
    var waterM3 = 0.0
    var savingEUR = 0.0
    var householdEUR = 0.0
    var publicEUR = 0.0
    var co2Kg = 0.0
    var vouchers = 0
    var voucherEUR = 0.0

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

extension RealisedFigures {
    init(visits: [RegisteredVisit]) {
        let followed = visits.filter(\.isFollowedUp)
        // A follow-up sooner than 90 days after the visit extrapolates too little to report to a council.
        let electricity = followed.compactMap {
            $0.followUps.last { $0.electricity != nil && !$0.isShortPeriod }?.electricity
        }
        // A heating figure against an estimated baseline measures nothing (registers from before esp refused them).
        let heating = followed.compactMap { $0.followUps.last { $0.heating != nil }?.heating }
            .filter { !$0.baselineEstimated }
        func figures(_ savings: [RealisedSaving]) -> CarrierFigures {
            CarrierFigures(
                kWh: cents(savings.reduce(0) { $0 + $1.savedKWhPerYear }),
                eur: cents(savings.reduce(0) { $0 + ($1.savedEURPerYear ?? 0) }),
                co2Kg: cents(savings.reduce(0) { $0 + ($1.savedCO2KgPerYear ?? 0) }))
        }
        func eur(_ who: (Payer) -> Bool) -> Double {
            cents((electricity + heating).filter { who($0.beneficiary) }.reduce(0) { $0 + ($1.savedEURPerYear ?? 0) })
        }
        let e = figures(electricity)
        let h = figures(heating)
        var implemented: [RegisteredMeasure] = []
        var recommended: [RegisteredMeasure] = []
        for visit in followed {
            let kinds = visit.followUps.last?.implemented ?? []
            implemented += visit.measures.filter { kinds.contains($0.kind) }
            recommended += visit.measures
        }
        self.init(
            householdsWithElectricity: electricity.count, householdsWithHeating: heating.count,
            electricity: e, heating: h, totalEUR: cents(e.eur + h.eur),
            householdEUR: eur { $0 == .household }, publicEUR: eur(\.isPublic), landlordEUR: eur { $0 == .landlord },
            co2Kg: cents(e.co2Kg + h.co2Kg),
            predictedImplemented: PredictedSaving(measures: implemented, kinds: MeasureKind.allCases),
            predictedRecommended: PredictedSaving(measures: recommended, kinds: MeasureKind.allCases))
    }
}
