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
}

/// kWh, € and CO2 of one energy carrier.
public struct CarrierFigures: Sendable, Equatable {
    public var kWh: Double
    public var eur: Double
    public var co2Kg: Double
    /// CO2 in tonnes, to 0.001.
    public var co2Tonnes: Double { (co2Kg).rounded() / 1000 }

    /// Creates the figures of one carrier.
    public init(kWh: Double, eur: Double, co2Kg: Double) {
        self.kWh = kWh
        self.eur = eur
        self.co2Kg = co2Kg
    }
}

/// Predicted yearly savings, electricity and heating apart.
public struct SavingFigures: Sendable, Equatable {
    /// Electricity kWh saved, valued at each visit's electricity price and CO2 factor.
    public var electricity: CarrierFigures
    /// Heating kWh saved, valued at each visit's heating price and CO2 factor.
    public var heating: CarrierFigures
    public var waterM3: Double
    /// Money not from electricity or heating kWh: water and wastewater (total − electricity − heating); under rules v1
    /// also the tariff switch, which rules v2 keep out of the totals.
    public var otherEUR: Double
    /// Σ of the advices' `totals.savingEUR`.
    public var totalEUR: Double
    public var householdEUR: Double
    /// Jobcenter and social office.
    public var publicEUR: Double
    public var landlordEUR: Double
    /// Σ of the advices' `totals.co2Kg`.
    public var co2Kg: Double
    public var co2Tonnes: Double { co2Kg.rounded() / 1000 }
}

/// Savings measured at follow-ups, compared with the advice's predictions for the same households.
public struct RealisedFigures: Sendable, Equatable {
    /// Households whose follow-ups gave electricity figures.
    public var householdsWithElectricity: Int
    /// Households whose follow-ups gave a heating figure.
    public var householdsWithHeating: Int
    public var electricity: CarrierFigures
    public var heating: CarrierFigures
    public var totalEUR: Double
    public var householdEUR: Double
    public var publicEUR: Double
    public var landlordEUR: Double
    public var co2Kg: Double
    /// Predicted savings of the measures the followed-up households implemented (latest follow-up).
    public var predictedImplemented: PredictedSaving
    /// Predicted savings of all recommended measures of the followed-up households.
    public var predictedRecommended: PredictedSaving
    public var co2Tonnes: Double { co2Kg.rounded() / 1000 }
}

/// One measure kind across the programme.
public struct MeasureBreakdown: Sendable, Equatable {
    /// The measure.
    public var kind: MeasureKind
    /// Recommended measures of this kind (a household can have several, e.g. one per lamp row).
    public var measures: Int
    /// Households with at least one.
    public var households: Int
    /// Followed-up households that implemented it.
    public var householdsImplemented: Int
    public var electricityKWh: Double
    public var heatKWh: Double
    public var waterM3: Double
    public var savingEUR: Double
    public var householdEUR: Double
    public var publicEUR: Double
    public var co2Kg: Double
    public var vouchers: Int
    public var voucherEUR: Double
}

/// Households and predicted savings of one group (a language or a benefit).
public struct GroupBreakdown: Sendable, Equatable {
    /// The language tag or the benefit.
    public var key: String
    public var households: Int
    public var householdsFollowedUp: Int
    public var electricityKWh: Double
    public var heatKWh: Double
    public var savingEUR: Double
    public var householdEUR: Double
    public var publicEUR: Double
    public var co2Kg: Double
}

/// Vouchers issued: how many and how much.
public struct VoucherFigures: Sendable, Equatable {
    /// How many vouchers.
    public var count: Int
    /// Their sum, €.
    public var eur: Double
}

extension VisitRegister {
    /// The programme summary of the visits in `filter`.
    public func summary(_ filter: SummaryFilter = SummaryFilter()) throws(RegisterError) -> ProgrammeSummary {
        ProgrammeSummary(visits: try visits(filter), filter: filter)
    }

    /// The programme summary for visit dates from `from` to `to` in `city` (nil: no restriction).
    public func summary(from: CalendarDate? = nil, to: CalendarDate? = nil,
                        city: String? = nil) throws(RegisterError) -> ProgrammeSummary {
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
        var electricityEUR = 0.0, heatingEUR = 0.0, electricityCO2 = 0.0, heatingCO2 = 0.0, waterM3 = 0.0
        var landlordEUR = 0.0
        var byKind = [MeasureSums](repeating: MeasureSums(), count: kinds.count)
        var byLanguage: [String: GroupSums] = [:]
        var byBenefit = [GroupSums](repeating: GroupSums(), count: benefits.count)
        var vouchers = (count: 0, eur: 0.0)
        var followed: [RegisteredVisit] = []

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

            var seen = [Bool](repeating: false, count: kinds.count)
            for m in visit.measures {
                guard let index = kinds.firstIndex(of: m.kind) else { continue }
                byKind[index].add(m)
                seen[index] = true
                if m.kind == .fridgeReplacement && m.voucherEUR > 0 {
                    vouchers.count += 1
                    vouchers.eur += m.voucherEUR
                }
            }
            for index in seen.indices where seen[index] { byKind[index].households += 1 }
            if let latest = visit.followUps.last {
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
            electricity: CarrierFigures(kWh: cents(all.electricityKWh), eur: cents(electricityEUR), co2Kg: cents(electricityCO2)),
            heating: CarrierFigures(kWh: cents(all.heatKWh), eur: cents(heatingEUR), co2Kg: cents(heatingCO2)),
            waterM3: cents(waterM3),
            otherEUR: cents(totalEUR - cents(electricityEUR) - cents(heatingEUR)),
            totalEUR: totalEUR,
            householdEUR: cents(all.householdEUR),
            publicEUR: cents(all.publicEUR),
            landlordEUR: cents(landlordEUR),
            co2Kg: cents(all.co2Kg)
        )
        realised = RealisedFigures(visits: followed)
        byMeasure = zip(kinds, byKind).compactMap { kind, sums in sums.measures == 0 ? nil : sums.breakdown(kind) }
        self.byLanguage = byLanguage.keys.sorted().compactMap { key in byLanguage[key]?.breakdown(key: key) }
        self.byBenefit = zip(benefits, byBenefit).compactMap { benefit, sums in
            sums.households == 0 ? nil : sums.breakdown(key: benefit.rawValue)
        }
        fridgeVouchers = VoucherFigures(count: vouchers.count, eur: cents(vouchers.eur))
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
        GroupBreakdown(key: key, households: households, householdsFollowedUp: followedUp,
                       electricityKWh: cents(electricityKWh), heatKWh: cents(heatKWh), savingEUR: cents(savingEUR),
                       householdEUR: cents(householdEUR), publicEUR: cents(publicEUR), co2Kg: cents(co2Kg))
    }
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
        let electricity = followed.compactMap { $0.followUps.last { $0.electricity != nil }?.electricity }
        let heating = followed.compactMap { $0.followUps.last { $0.heating != nil }?.heating }
        func figures(_ savings: [RealisedSaving]) -> CarrierFigures {
            CarrierFigures(kWh: cents(savings.reduce(0) { $0 + $1.savedKWhPerYear }),
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

// MARK: Rendering

extension ProgrammeSummary {
    /// The schema name of ``json()``.
    public static let schema = "esp-programme-summary/1"

    /// The summary as a JSON document (`esp-programme-summary/1`).
    public func document() -> JSONValue {
        var filterFields: [JSONField] = []
        if let from = filter.from { filterFields.append(JSONField("from", .string(from.description))) }
        if let to = filter.to { filterFields.append(JSONField("to", .string(to.description))) }
        if let city = filter.city { filterFields.append(JSONField("city", .string(city))) }
        return .object([
            JSONField("schema", .string(Self.schema)),
            JSONField("filter", .object(filterFields)),
            JSONField("households", .object([
                JSONField("advised", .number(Double(householdsAdvised))),
                JSONField("followedUp", .number(Double(householdsFollowedUp))),
            ])),
            JSONField("predicted", .object([
                JSONField("electricity", Self.carrier(predicted.electricity)),
                JSONField("heating", Self.carrier(predicted.heating)),
                JSONField("waterM3", .number(predicted.waterM3)),
                JSONField("otherEUR", .number(predicted.otherEUR)),
                JSONField("totalEUR", .number(predicted.totalEUR)),
                JSONField("householdEUR", .number(predicted.householdEUR)),
                JSONField("publicEUR", .number(predicted.publicEUR)),
                JSONField("landlordEUR", .number(predicted.landlordEUR)),
                JSONField("co2Kg", .number(predicted.co2Kg)),
                JSONField("co2Tonnes", .number(predicted.co2Tonnes)),
            ])),
            JSONField("realised", .object([
                JSONField("householdsWithElectricity", .number(Double(realised.householdsWithElectricity))),
                JSONField("householdsWithHeating", .number(Double(realised.householdsWithHeating))),
                JSONField("electricity", Self.carrier(realised.electricity)),
                JSONField("heating", Self.carrier(realised.heating)),
                JSONField("totalEUR", .number(realised.totalEUR)),
                JSONField("householdEUR", .number(realised.householdEUR)),
                JSONField("publicEUR", .number(realised.publicEUR)),
                JSONField("landlordEUR", .number(realised.landlordEUR)),
                JSONField("co2Kg", .number(realised.co2Kg)),
                JSONField("co2Tonnes", .number(realised.co2Tonnes)),
                JSONField("predictedImplemented", Self.predicted(realised.predictedImplemented)),
                JSONField("predictedRecommended", Self.predicted(realised.predictedRecommended)),
            ])),
            JSONField("byMeasure", .array(byMeasure.map { m in
                .object([
                    JSONField("kind", .string(m.kind.rawValue)),
                    JSONField("measures", .number(Double(m.measures))),
                    JSONField("households", .number(Double(m.households))),
                    JSONField("householdsImplemented", .number(Double(m.householdsImplemented))),
                    JSONField("electricityKWh", .number(m.electricityKWh)),
                    JSONField("heatKWh", .number(m.heatKWh)),
                    JSONField("waterM3", .number(m.waterM3)),
                    JSONField("savingEUR", .number(m.savingEUR)),
                    JSONField("householdEUR", .number(m.householdEUR)),
                    JSONField("publicEUR", .number(m.publicEUR)),
                    JSONField("co2Kg", .number(m.co2Kg)),
                    JSONField("vouchers", .number(Double(m.vouchers))),
                    JSONField("voucherEUR", .number(m.voucherEUR)),
                ])
            })),
            JSONField("byLanguage", .array(byLanguage.map(Self.group))),
            JSONField("byBenefit", .array(byBenefit.map(Self.group))),
            JSONField("fridgeVouchers", .object([
                JSONField("count", .number(Double(fridgeVouchers.count))),
                JSONField("eur", .number(fridgeVouchers.eur)),
            ])),
        ])
    }

    /// The JSON document as text, ending in a newline.
    public func json() -> String { document().serialized(pretty: true) + "\n" }

    /// The summary as CSV in long form, one figure per line: `section,group,quantity,value`, e.g.
    /// `predicted,electricity,kWh,1234.5` or `byMeasure,led,savingEUR,80.3`. Opens in any spreadsheet.
    public func csv() -> String {
        var lines = ["section,group,quantity,value"]
        func walk(_ value: JSONValue, _ path: [String]) {
            switch value {
            case .object(let fields):
                for field in fields where field.key != "schema" { walk(field.value, path + [field.key]) }
            case .array(let items):
                for item in items {
                    guard case .object(let fields) = item,
                          let key = fields.first(where: { $0.key == "kind" || $0.key == "key" }),
                          case .string(let name) = key.value else { continue }
                    walk(.object(fields.filter { $0.key != key.key }), path + [name])
                }
            default:
                guard let section = path.first, let quantity = path.last, path.count >= 2 else { return }
                let group = path.dropFirst().dropLast().joined(separator: ".")
                lines.append([section, group, quantity, CSV.text(value)].map(CSV.field).joined(separator: ","))
            }
        }
        walk(document(), [])
        return lines.joined(separator: "\n") + "\n"
    }

    static func carrier(_ c: CarrierFigures) -> JSONValue {
        .object([
            JSONField("kWh", .number(c.kWh)), JSONField("eur", .number(c.eur)),
            JSONField("co2Kg", .number(c.co2Kg)), JSONField("co2Tonnes", .number(c.co2Tonnes)),
        ])
    }

    static func predicted(_ p: PredictedSaving) -> JSONValue {
        .object([
            JSONField("electricityKWh", .number(p.electricityKWh)), JSONField("heatKWh", .number(p.heatKWh)),
            JSONField("savingEUR", .number(p.savingEUR)), JSONField("co2Kg", .number(p.co2Kg)),
        ])
    }

    static func group(_ g: GroupBreakdown) -> JSONValue {
        .object([
            JSONField("key", .string(g.key)),
            JSONField("households", .number(Double(g.households))),
            JSONField("householdsFollowedUp", .number(Double(g.householdsFollowedUp))),
            JSONField("electricityKWh", .number(g.electricityKWh)),
            JSONField("heatKWh", .number(g.heatKWh)),
            JSONField("savingEUR", .number(g.savingEUR)),
            JSONField("householdEUR", .number(g.householdEUR)),
            JSONField("publicEUR", .number(g.publicEUR)),
            JSONField("co2Kg", .number(g.co2Kg)),
        ])
    }
}

/// CSV per RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end in LF.
enum CSV {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + String(text.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }

    /// A scalar JSON value as CSV text; numbers as in the JSON, null as empty.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        default: value.serialized(pretty: false)
        }
    }
}
