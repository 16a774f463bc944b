import EnergyAdvice
import JSONText

/// The formats of ``VisitExport``.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One line per visit, a header line first.
    case csv
    /// `esp-register-export/1`: one object per visit, with its measures and follow-ups.
    case json
}

/// The registered visits as CSV or JSON for analysis outside esp.
///
/// An export never carries names, addresses, notes, advisors, room or device labels, or the stored visit and advice
/// documents; visit ids are replaced by pseudonyms unless asked for.
public struct VisitExport: Sendable {
    /// The schema name of the JSON export.
    public static let schema = "esp-register-export/1"

    /// The register's random salt (``VisitStore/pseudonymSalt()``).
    public var salt: String
    /// Keep the real visit ids.
    public var withIDs: Bool

    /// An export with the register's salt; `withIDs` keeps the real ids.
    public init(salt: String, withIDs: Bool) {
        self.salt = salt
        self.withIDs = withIDs
    }

    /// The id shown for `visitId`: the first 12 hex digits of SHA-256 of the register's random salt followed by the
    /// id. Stable within one register, not linkable across registers, not reversible without the register.
    public func pseudonym(visitId: String) -> String { String(SHA256.hex(salt + visitId).prefix(12)) }

    /// `visits` in `format`.
    public func text(_ visits: [RegisteredVisit], format: ExportFormat) -> String {
        let id: (String) -> String = withIDs ? { $0 } : { self.pseudonym(visitId: $0) }
        switch format {
        case .csv: return Self.csv(visits, id: id)
        case .json: return Self.json(visits, id: id, withIDs: withIDs).serialized(pretty: true) + "\n"
        }
    }

    static let csvColumns = [
        "id", "date", "city", "language", "benefit", "persons", "heatingCostsPaidBy", "electricityKWh", "heatingFuel",
        "heatingKWh", "heatingEstimated", "rulesVersion", "savedElectricityKWh", "savedHeatKWh", "savedWaterM3",
        "savingEUR", "householdEUR", "publicEUR", "landlordEUR", "co2Kg", "measures", "fridgeVoucherEUR", "followUps",
        "lastFollowUpDate", "implemented", "realisedElectricityKWh", "realisedHeatKWh",
    ]

    static func csv(_ visits: [RegisteredVisit], id: (String) -> String) -> String {
        var lines = [csvColumns.joined(separator: ",")]
        for v in visits {
            let last = v.followUps.last
            let fields: [JSONValue] = [
                .string(id(v.visitId)), .string(v.date.description), .string(v.city), .string(v.language),
                .string(v.benefit.rawValue), .number(Double(v.persons)), .string(v.heatingCostsPaidBy.rawValue),
                .number(v.electricityKWh), v.heating.map { .string($0.fuel.rawValue) } ?? .null,
                v.heating.map { .number($0.annualKWh) } ?? .null, v.heating.map { .bool($0.estimated) } ?? .null,
                .number(Double(v.rulesVersion)), .number(v.totals.electricityKWh), .number(v.totals.heatKWh),
                .number(v.totals.waterM3), .number(v.totals.savingEUR), .number(v.totals.householdEUR),
                .number(v.totals.publicEUR), .number(v.totals.landlordEUR), .number(v.totals.co2Kg),
                .string(v.measures.map(\.kind.rawValue).joined(separator: ";")),
                .number(cents(v.measures.reduce(0) { $0 + $1.voucherEUR })),
                .number(Double(v.followUps.count)), last.map { .string($0.date.description) } ?? .null,
                .string((last?.implemented ?? []).map(\.rawValue).joined(separator: ";")),
                v.followUps.last { $0.electricity != nil }?.electricity.map { .number($0.savedKWhPerYear) } ?? .null,
                v.followUps.last { $0.heating != nil }?.heating.map { .number($0.savedKWhPerYear) } ?? .null,
            ]
            lines.append(fields.map { CSV.field(CSV.text($0)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ visits: [RegisteredVisit], id: (String) -> String, withIDs: Bool) -> JSONValue {
        .object([
            JSONField("schema", .string(schema)),
            JSONField("idsPseudonymised", .bool(!withIDs)),
            JSONField(
                "visits",
                .array(
                    visits.map { v in
                        var fields: [JSONField] = [
                            JSONField("id", .string(id(v.visitId))),
                            JSONField("date", .string(v.date.description)),
                            JSONField("city", .string(v.city)),
                            JSONField("language", .string(v.language)),
                            JSONField("benefit", .string(v.benefit.rawValue)),
                            JSONField("persons", .number(Double(v.persons))),
                            JSONField("heatingCostsPaidBy", .string(v.heatingCostsPaidBy.rawValue)),
                            JSONField("rulesVersion", .number(Double(v.rulesVersion))),
                            JSONField("electricity", .object([JSONField("annualKWh", .number(v.electricityKWh))])),
                        ]
                        if let h = v.heating {
                            fields.append(
                                JSONField(
                                    "heating",
                                    .object([
                                        JSONField("fuel", .string(h.fuel.rawValue)),
                                        JSONField("annualKWh", .number(h.annualKWh)),
                                        JSONField("estimated", .bool(h.estimated)),
                                    ])))
                        }
                        fields += [
                            JSONField("totals", totals(v.totals)),
                            JSONField("measures", .array(v.measures.map(measure))),
                            JSONField("followUps", .array(v.followUps.map(followUp))),
                        ]
                        return .object(fields)
                    })),
        ])
    }

    static func totals(_ t: Totals) -> JSONValue {
        .object([
            JSONField("electricityKWh", .number(t.electricityKWh)), JSONField("heatKWh", .number(t.heatKWh)),
            JSONField("waterM3", .number(t.waterM3)), JSONField("savingEUR", .number(t.savingEUR)),
            JSONField("householdEUR", .number(t.householdEUR)), JSONField("publicEUR", .number(t.publicEUR)),
            JSONField("landlordEUR", .number(t.landlordEUR)), JSONField("co2Kg", .number(t.co2Kg)),
        ])
    }

    static func measure(_ m: RegisteredMeasure) -> JSONValue {
        .object([
            JSONField("kind", .string(m.kind.rawValue)), JSONField("electricityKWh", .number(m.electricityKWh)),
            JSONField("heatKWh", .number(m.heatKWh)), JSONField("waterM3", .number(m.waterM3)),
            JSONField("savingEUR", .number(m.savingEUR)), JSONField("co2Kg", .number(m.co2Kg)),
            JSONField("investmentEUR", .number(m.investmentEUR)), JSONField("voucherEUR", .number(m.voucherEUR)),
            JSONField("beneficiary", .string(m.beneficiary.rawValue)),
        ])
    }

    static func followUp(_ f: FollowUpResult) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("date", .string(f.date.description)),
            JSONField("daysSinceVisit", .number(Double(f.daysSinceVisit))),
            JSONField("implemented", .array(f.implemented.map { .string($0.rawValue) })),
        ]
        if let e = f.electricity { fields.append(JSONField("electricity", realised(e))) }
        if let h = f.heating { fields.append(JSONField("heating", realised(h))) }
        fields.append(JSONField("predicted", ProgrammeSummary.predicted(f.predicted)))
        return .object(fields)
    }

    static func realised(_ r: RealisedSaving) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("beforeKWhPerYear", .number(r.beforeKWhPerYear)),
            JSONField("afterKWhPerYear", .number(r.afterKWhPerYear)),
            JSONField("savedKWhPerYear", .number(r.savedKWhPerYear)),
        ]
        if let eur = r.savedEURPerYear { fields.append(JSONField("savedEURPerYear", .number(eur))) }
        if let co2 = r.savedCO2KgPerYear { fields.append(JSONField("savedCO2KgPerYear", .number(co2))) }
        fields.append(JSONField("beneficiary", .string(r.beneficiary.rawValue)))
        return .object(fields)
    }
}
