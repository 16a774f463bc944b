import EnergyAdvice
import JSONText

/// The summary as JSON for another program (read back by ``ProgrammeSummary/read(_:)``) and CSV for a spreadsheet.
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
            JSONField(
                "households",
                .object([
                    JSONField("advised", .number(Double(householdsAdvised))),
                    JSONField("followedUp", .number(Double(householdsFollowedUp))),
                    JSONField("followUpRate", .number(cents(followUpRate))),
                    JSONField("persons", .number(Double(personsReached))),
                    JSONField("withEstimatedHeating", .number(Double(visitsWithEstimatedHeating))),
                ])),
            JSONField("cities", .array(cities.map { .string($0) })),
            JSONField("rulesVersions", .array(rulesVersions.map { .number(Double($0)) })),
            JSONField(
                "predicted",
                .object([
                    JSONField("electricity", Self.carrier(predicted.electricity)),
                    JSONField("heating", Self.carrier(predicted.heating)),
                    JSONField("waterM3", .number(predicted.waterM3)),
                    JSONField("otherEUR", .number(predicted.otherEUR)),
                    JSONField("totalEUR", .number(predicted.totalEUR)),
                    JSONField("householdEUR", .number(predicted.householdEUR)),
                    JSONField("publicEUR", .number(predicted.publicEUR)),
                    JSONField("landlordEUR", .number(predicted.landlordEUR)),
                    JSONField("jobcenterEUR", .number(predicted.jobcenterEUR)),
                    JSONField("socialOfficeEUR", .number(predicted.socialOfficeEUR)),
                    JSONField("co2Kg", .number(predicted.co2Kg)),
                    JSONField("co2Tonnes", .number(predicted.co2Tonnes)),
                    JSONField(
                        "householdsByPayer",
                        .object([
                            JSONField("household", .number(Double(predicted.householdsByPayer.household))),
                            JSONField("jobcenter", .number(Double(predicted.householdsByPayer.jobcenter))),
                            JSONField("socialOffice", .number(Double(predicted.householdsByPayer.socialOffice))),
                            JSONField("landlord", .number(Double(predicted.householdsByPayer.landlord))),
                        ])),
                ])),
            JSONField(
                "tariffSwitch",
                .object([
                    JSONField("households", .number(Double(tariffSwitch.households))),
                    JSONField("eur", .number(tariffSwitch.eur)),
                ])),
            JSONField(
                "energyDebt",
                .object([
                    JSONField("households", .number(Double(energyDebt.households))),
                    JSONField("threatened", .number(Double(energyDebt.threatened))),
                    JSONField("announced", .number(Double(energyDebt.announced))),
                    JSONField("cutOff", .number(Double(energyDebt.cutOff))),
                    JSONField("arrearsEUR", .number(energyDebt.arrearsEUR)),
                    JSONField("followedUp", .number(Double(energyDebt.followedUp))),
                    JSONField("cutOffsAverted", .number(Double(energyDebt.cutOffsAverted))),
                    JSONField("agreementsReached", .number(Double(energyDebt.agreementsReached))),
                ])),
            JSONField(
                "realised",
                .object([
                    JSONField("householdsWithElectricity", .number(Double(realised.householdsWithElectricity))),
                    JSONField("householdsWithHeating", .number(Double(realised.householdsWithHeating))),
                    JSONField("householdsWithFigures", .number(Double(realised.householdsWithFigures))),
                    JSONField("electricity", Self.carrier(realised.electricity)),
                    JSONField("heating", Self.carrier(realised.heating)),
                    JSONField("expectedElectricity", Self.expected(realised.expectedElectricity)),
                    JSONField("expectedHeating", Self.expected(realised.expectedHeating)),
                    JSONField("totalEUR", .number(realised.totalEUR)),
                    JSONField("householdEUR", .number(realised.householdEUR)),
                    JSONField("publicEUR", .number(realised.publicEUR)),
                    JSONField("landlordEUR", .number(realised.landlordEUR)),
                    JSONField("co2Kg", .number(realised.co2Kg)),
                    JSONField("co2Tonnes", .number(realised.co2Tonnes)),
                    JSONField("predictedImplemented", Self.predicted(realised.predictedImplemented)),
                    JSONField("predictedRecommended", Self.predicted(realised.predictedRecommended)),
                ])),
            JSONField(
                "byMeasure",
                .array(
                    byMeasure.map { m in
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
            JSONField(
                "handedOut",
                .object([
                    JSONField("programmeCostEUR", .number(programmeCostEUR)),
                    JSONField("households", .number(Double(householdsHandedOut))),
                    JSONField(
                        "byMeasure",
                        .array(
                            handedOut.map { h in
                                .object([
                                    JSONField("kind", .string(h.kind.rawValue)),
                                    JSONField("items", .number(Double(h.items))),
                                    JSONField("households", .number(Double(h.households))),
                                    JSONField("programmeCostEUR", .number(h.programmeCostEUR)),
                                ])
                            })),
                ])),
            JSONField("byQuarter", .array(byQuarter.map(Self.group))),
            JSONField(
                "calibration",
                .array(
                    calibration.map { c in
                        var fields = [
                            JSONField("kind", .string(c.kind.rawValue)),
                            JSONField("households", .number(Double(c.households))),
                            JSONField("realisedOverExpected", .number(c.ratio)),
                        ]
                        if let low = c.low, let high = c.high {
                            fields += [JSONField("low95", .number(low)), JSONField("high95", .number(high))]
                        }
                        return .object(fields)
                    })),
            JSONField("byLanguage", .array(byLanguage.map(Self.group))),
            JSONField("byBenefit", .array(byBenefit.map(Self.group))),
            JSONField(
                "fridgeVouchers",
                .object([
                    JSONField("count", .number(Double(fridgeVouchers.count))),
                    JSONField("eur", .number(fridgeVouchers.eur)),
                    JSONField("households", .number(Double(fridgeVouchers.households))),
                    JSONField("replacementsReported", .number(Double(fridgeReplacementsReported))),
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
                        case .string(let name) = key.value
                    else { continue }
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

    static func expected(_ e: ExpectedFigures) -> JSONValue {
        .object([
            JSONField("recommended", carrier(e.recommended)), JSONField("implemented", carrier(e.implemented)),
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
