import EnergyAdvice
import JSONText

/// Why a file is not a programme summary this esp can read; the path and position of the first problem.
public struct SummaryDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: Sendable, Equatable {
        /// Not JSON at all.
        case syntax(String)
        /// Another esp document or none (the `schema` found, nil when there is none).
        case notASummary(schema: String?)
        /// A per-household export: never taken where aggregates are asked for.
        case householdExport
        /// A summary of a newer esp.
        case newerSummary(schema: String)
        /// A key the summary must have.
        case missing
        /// A value of another type or outside its allowed values.
        case invalid(expected: String)
    }

    /// The JSON path of the value (`households.advised`, `byMeasure[2].kind`); empty for the whole document.
    public var path: String
    /// Where in the file: 1-based line and byte column.
    public var line: Int
    /// See ``line``.
    public var column: Int
    /// What is wrong there.
    public var problem: Problem

    /// `12:5: households.advised: missing`.
    public var description: String {
        let place = "\(line):\(column): " + (path.isEmpty ? "" : "\(path): ")
        switch problem {
        case .syntax(let message): return place + message
        case .notASummary(let schema):
            return place + "not an esp programme summary (\(schema.map { "schema \($0)" } ?? "no schema"))"
        case .householdExport:
            return place + "a per-household export (\(VisitExport.schema)); only programme summaries are taken here"
        case .newerSummary(let schema):
            return place + "\(schema) is from a newer esp; this esp reads \(ProgrammeSummary.schema)"
        case .missing:
            return place
                + "missing; every summary this esp writes has it (write it anew with esp summary --format json)"
        case .invalid(let expected): return place + "expected \(expected)"
        }
    }
}

extension ProgrammeSummary {
    /// Reads a summary written by ``json()`` (`esp-programme-summary/1`). Every figure must be there: a missing or
    /// renamed key is an error naming its path, never a zero.
    public static func read(_ bytes: [UInt8]) throws(SummaryDocumentError) -> ProgrammeSummary {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw SummaryDocumentError(
                path: "", line: error.position.line, column: error.position.column, problem: .syntax(error.message))
        }
        let r = SummaryReader(root: root)
        let schemaNode = root.value("schema") ?? root
        let schema = root.value("schema")?.string
        if schema == VisitExport.schema { throw r.error(root, "", .householdExport) }
        if let schema, schema.hasPrefix("esp-programme-summary/"), schema != Self.schema {
            throw r.error(schemaNode, "schema", .newerSummary(schema: schema))
        }
        guard schema == Self.schema else { throw r.error(schemaNode, "schema", .notASummary(schema: schema)) }

        let filter = try r.object(root, "filter")
        let households = try r.object(root, "households")
        let predicted = try r.object(root, "predicted")
        let realised = try r.object(root, "realised")
        let vouchers = try r.object(root, "fridgeVouchers")
        let switches = try r.object(root, "tariffSwitch")
        let handedOut = try r.object(root, "handedOut")
        let debt = try r.object(root, "energyDebt")
        return ProgrammeSummary(
            filter: VisitFilter(
                from: try r.optionalDate(filter, "filter.from"), to: try r.optionalDate(filter, "filter.to"),
                city: try r.optionalString(filter, "filter.city")),
            householdsAdvised: try r.count(households, "households.advised"),
            householdsFollowedUp: try r.count(households, "households.followedUp"),
            predicted: SavingFigures(
                electricity: try r.carrier(predicted, "predicted.electricity"),
                heating: try r.carrier(predicted, "predicted.heating"),
                waterM3: try r.number(predicted, "predicted.waterM3"),
                otherEUR: try r.number(predicted, "predicted.otherEUR"),
                totalEUR: try r.number(predicted, "predicted.totalEUR"),
                householdEUR: try r.number(predicted, "predicted.householdEUR"),
                publicEUR: try r.number(predicted, "predicted.publicEUR"),
                landlordEUR: try r.number(predicted, "predicted.landlordEUR"),
                jobcenterEUR: try r.number(predicted, "predicted.jobcenterEUR"),
                socialOfficeEUR: try r.number(predicted, "predicted.socialOfficeEUR"),
                co2Kg: try r.number(predicted, "predicted.co2Kg"),
                householdsByPayer: try r.payerHouseholds(predicted, "predicted.householdsByPayer")),
            realised: RealisedFigures(
                householdsWithElectricity: try r.count(realised, "realised.householdsWithElectricity"),
                householdsWithHeating: try r.count(realised, "realised.householdsWithHeating"),
                householdsWithFigures: try r.count(realised, "realised.householdsWithFigures"),
                electricity: try r.carrier(realised, "realised.electricity"),
                heating: try r.carrier(realised, "realised.heating"),
                expectedElectricity: try r.expected(realised, "realised.expectedElectricity"),
                expectedHeating: try r.expected(realised, "realised.expectedHeating"),
                totalEUR: try r.number(realised, "realised.totalEUR"),
                householdEUR: try r.number(realised, "realised.householdEUR"),
                publicEUR: try r.number(realised, "realised.publicEUR"),
                landlordEUR: try r.number(realised, "realised.landlordEUR"),
                co2Kg: try r.number(realised, "realised.co2Kg"),
                predictedImplemented: try r.predicted(realised, "realised.predictedImplemented"),
                predictedRecommended: try r.predicted(realised, "realised.predictedRecommended")),
            byMeasure: try r.array(root, "byMeasure") { node, path throws(SummaryDocumentError) in
                MeasureBreakdown(
                    kind: try r.choice(node, path + ".kind"), measures: try r.count(node, path + ".measures"),
                    households: try r.count(node, path + ".households"),
                    householdsImplemented: try r.count(node, path + ".householdsImplemented"),
                    electricityKWh: try r.number(node, path + ".electricityKWh"),
                    heatKWh: try r.number(node, path + ".heatKWh"), waterM3: try r.number(node, path + ".waterM3"),
                    savingEUR: try r.number(node, path + ".savingEUR"),
                    householdEUR: try r.number(node, path + ".householdEUR"),
                    publicEUR: try r.number(node, path + ".publicEUR"), co2Kg: try r.number(node, path + ".co2Kg"),
                    vouchers: try r.count(node, path + ".vouchers"),
                    voucherEUR: try r.number(node, path + ".voucherEUR"))
            },
            byLanguage: try r.array(root, "byLanguage", r.group),
            byBenefit: try r.array(root, "byBenefit", r.group),
            fridgeVouchers: VoucherFigures(
                count: try r.count(vouchers, "fridgeVouchers.count"), eur: try r.number(vouchers, "fridgeVouchers.eur"),
                households: try r.count(vouchers, "fridgeVouchers.households")),
            fridgeReplacementsReported: try r.count(vouchers, "fridgeVouchers.replacementsReported"),
            tariffSwitch: TariffSwitchFigures(
                households: try r.count(switches, "tariffSwitch.households"),
                eur: try r.number(switches, "tariffSwitch.eur")),
            handedOut: try r.array(handedOut, "handedOut.byMeasure") { node, path throws(SummaryDocumentError) in
                HandOutFigures(
                    kind: try r.choice(node, path + ".kind"), items: try r.count(node, path + ".items"),
                    households: try r.count(node, path + ".households"),
                    programmeCostEUR: try r.number(node, path + ".programmeCostEUR"))
            },
            householdsHandedOut: try r.count(handedOut, "handedOut.households"),
            byQuarter: try r.array(root, "byQuarter", r.group),
            calibration: try r.array(root, "calibration") { node, path throws(SummaryDocumentError) in
                MeasureCalibration(
                    kind: try r.choice(node, path + ".kind"), households: try r.count(node, path + ".households"),
                    ratio: try r.number(node, path + ".realisedOverExpected"),
                    low: try r.optionalNumber(node, path + ".low95"), high: try r.optionalNumber(node, path + ".high95")
                )
            },
            cities: try r.strings(root, "cities"),
            rulesVersions: try r.array(root, "rulesVersions") { node, path throws(SummaryDocumentError) in
                guard let n = node.number, n == n.rounded(), n >= 1 else {
                    throw r.error(node, path, .invalid(expected: "a rules version"))
                }
                return Int(n)
            },
            visitsWithEstimatedHeating: try r.count(households, "households.withEstimatedHeating"),
            personsReached: try r.count(households, "households.persons"),
            energyDebt: EnergyDebtFigures(
                households: try r.count(debt, "energyDebt.households"),
                threatened: try r.count(debt, "energyDebt.threatened"),
                announced: try r.count(debt, "energyDebt.announced"), cutOff: try r.count(debt, "energyDebt.cutOff"),
                arrearsEUR: try r.number(debt, "energyDebt.arrearsEUR"),
                followedUp: try r.count(debt, "energyDebt.followedUp"),
                cutOffsAverted: try r.count(debt, "energyDebt.cutOffsAverted"),
                agreementsReached: try r.count(debt, "energyDebt.agreementsReached")))
    }
}

/// Reads values of a summary document by their JSON path; the last part of the path is the key in the node given.
private struct SummaryReader {
    let root: JSONNode

    func error(_ node: JSONNode, _ path: String, _ problem: SummaryDocumentError.Problem) -> SummaryDocumentError {
        SummaryDocumentError(path: path, line: node.position.line, column: node.position.column, problem: problem)
    }

    private func key(_ path: String) -> String { String(path.split(separator: ".").last ?? "") }

    func value(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> JSONNode {
        guard case .object = node.kind else { throw error(node, path, .invalid(expected: "an object")) }
        guard let value = node.value(key(path)) else { throw error(node, path, .missing) }
        return value
    }

    func object(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> JSONNode {
        let found = try value(node, path)
        guard case .object = found.kind else { throw error(found, path, .invalid(expected: "an object")) }
        return found
    }

    func number(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> Double {
        let found = try value(node, path)
        guard let n = found.number else { throw error(found, path, .invalid(expected: "a number")) }
        return n
    }

    func optionalNumber(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> Double? {
        guard node.value(key(path)) != nil else { return nil }
        return try number(node, path)
    }

    func count(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> Int {
        let found = try value(node, path)
        guard let n = found.number, n >= 0, n == n.rounded(), n < 1e15 else {
            throw error(found, path, .invalid(expected: "a whole number of 0 or more"))
        }
        return Int(n)
    }

    func string(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> String {
        let found = try value(node, path)
        guard let s = found.string else { throw error(found, path, .invalid(expected: "a string")) }
        return s
    }

    func optionalString(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> String? {
        guard let found = node.value(key(path)) else { return nil }
        guard let s = found.string else { throw error(found, path, .invalid(expected: "a string")) }
        return s
    }

    func optionalDate(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> CalendarDate? {
        guard let text = try optionalString(node, path) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw error(node.value(key(path)) ?? node, path, .invalid(expected: "a date YYYY-MM-DD"))
        }
        return date
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> T
    where T.RawValue == String {
        let found = try value(node, path)
        guard let text = found.string, let value = T(rawValue: text) else {
            throw error(found, path, .invalid(expected: "one of " + T.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return value
    }

    func strings(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> [String] {
        try array(node, path) { element, elementPath throws(SummaryDocumentError) in
            guard let s = element.string else { throw error(element, elementPath, .invalid(expected: "a string")) }
            return s
        }
    }

    func array<T>(
        _ node: JSONNode, _ path: String, _ read: (JSONNode, String) throws(SummaryDocumentError) -> T
    ) throws(SummaryDocumentError) -> [T] {
        let found = try value(node, path)
        guard case .array(let elements) = found.kind else { throw error(found, path, .invalid(expected: "an array")) }
        var result: [T] = []
        for (index, element) in elements.enumerated() { result.append(try read(element, "\(path)[\(index)]")) }
        return result
    }

    func carrier(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> CarrierFigures {
        let c = try object(node, path)
        return CarrierFigures(
            kWh: try number(c, path + ".kWh"), eur: try number(c, path + ".eur"), co2Kg: try number(c, path + ".co2Kg"))
    }

    func expected(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> ExpectedFigures {
        let e = try object(node, path)
        return ExpectedFigures(
            recommended: try carrier(e, path + ".recommended"), implemented: try carrier(e, path + ".implemented"))
    }

    func payerHouseholds(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> PayerHouseholds {
        let p = try object(node, path)
        return PayerHouseholds(
            household: try count(p, path + ".household"), jobcenter: try count(p, path + ".jobcenter"),
            socialOffice: try count(p, path + ".socialOffice"), landlord: try count(p, path + ".landlord"))
    }

    func predicted(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> PredictedSaving {
        let p = try object(node, path)
        return PredictedSaving(
            electricityKWh: try number(p, path + ".electricityKWh"), heatKWh: try number(p, path + ".heatKWh"),
            savingEUR: try number(p, path + ".savingEUR"), co2Kg: try number(p, path + ".co2Kg"))
    }

    func group(_ node: JSONNode, _ path: String) throws(SummaryDocumentError) -> GroupBreakdown {
        GroupBreakdown(
            key: try string(node, path + ".key"),
            households: try count(node, path + ".households"),
            householdsFollowedUp: try count(node, path + ".householdsFollowedUp"),
            electricityKWh: try number(node, path + ".electricityKWh"), heatKWh: try number(node, path + ".heatKWh"),
            savingEUR: try number(node, path + ".savingEUR"), householdEUR: try number(node, path + ".householdEUR"),
            publicEUR: try number(node, path + ".publicEUR"), co2Kg: try number(node, path + ".co2Kg"))
    }
}
