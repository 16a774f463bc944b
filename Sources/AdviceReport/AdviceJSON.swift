import EnergyAdvice
import JSONText

/// The `esp-advice/2` document: every number in the units its key names, rounded to 0.01 at most.
public enum AdviceJSON {
    /// - Parameter message: the advisor's text of a warning (the staff language); nil leaves it out.
    public static func render(_ advice: Advice, message: ((AdviceWarning) -> String)? = nil) -> String {
        document(advice, message: message).serialized(pretty: true) + "\n"
    }

    /// The same document on one line, for storage (the register keeps one per visit, with the warnings' words).
    public static func compact(_ advice: Advice, message: ((AdviceWarning) -> String)? = nil) -> String {
        document(advice, message: message).serialized(pretty: false)
    }

    /// The document as a value, keys in the order of the format, before it is written out.
    public static func document(_ advice: Advice, message: ((AdviceWarning) -> String)? = nil) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("schema", .string(Advice.schema)),
            JSONField("rulesVersion", .number(Double(Advice.rulesVersion))),
            JSONField("visitId", .string(advice.visitId)),
            JSONField("date", .string(advice.date.description)),
            JSONField("city", .string(advice.city)),
            JSONField("language", .string(advice.language)),
            JSONField("inputs", .array(advice.inputs.map(input))),
            JSONField("warnings", .array(advice.warnings.map { warning($0, message: message) })),
            JSONField("tariffs", .array(advice.tariffs.map { tariff($0, upstream: advice.co2IncludesUpstream) })),
            JSONField("electricity", electricity(advice.electricity)),
        ]
        if let heating = advice.heating { fields.append(JSONField("heating", self.heating(heating))) }
        fields += [
            JSONField("measures", .array(advice.measures.map(measure))),
            JSONField("totals", totals(advice.totals)),
            JSONField("installment", installment(advice.installment)),
        ]
        if !advice.energyDebt.isEmpty {
            fields.append(JSONField("energyDebt", .array(advice.energyDebt.map(EnergyDebtJSON.debt))))
        }
        return .object(fields)
    }

    static func num(_ x: Double) -> JSONValue { .number(cents(x)) }

    static func scalar(_ value: Scalar) -> JSONValue {
        switch value {
        case .number(let x): precise(x)
        case .text(let s): .string(s)
        case .flag(let b): .bool(b)
        case .factor(let low, let likely, let high):
            .object([
                JSONField("low", precise(low)), JSONField("likely", precise(likely)), JSONField("high", precise(high)),
            ])
        }
    }

    /// Constants keep their published precision (1.163 Wh = 0.001163 kWh per litre and kelvin).
    static func precise(_ x: Double) -> JSONValue { .number(abs(x) < 1 ? (x * 1e6).rounded() / 1e6 : cents(x)) }

    static func optional(_ fields: inout [JSONField], _ key: String, _ value: Double?) {
        if let value { fields.append(JSONField(key, num(value))) }
    }

    static func source(_ source: Source) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("id", .string(source.id)),
            JSONField("publisher", .string(source.publisher)),
            JSONField("document", .string(source.document)),
            JSONField("year", .number(Double(source.year))),
            JSONField("confirmed", .bool(source.confirmed)),
        ]
        if let note = source.note { fields.append(JSONField("note", .string(note))) }
        return .object(fields)
    }

    static func input(_ input: AssumedInput) -> JSONValue {
        var fields = [
            JSONField("path", .string(input.path)),
            JSONField("value", scalar(input.value)),
            JSONField("kind", .string(input.kind.rawValue)),
        ]
        if let s = input.source { fields.append(JSONField("source", source(s))) }
        return .object(fields)
    }

    static func tariff(_ tariff: UsedTariff, upstream: Bool) -> JSONValue {
        var fields = [JSONField("use", .string(tariff.use.rawValue))]
        if tariff.fromHouseholdBill { fields.append(JSONField("fromHouseholdBill", .bool(true))) }
        if let supplier = tariff.supplier { fields.append(JSONField("supplier", .string(supplier))) }
        if let name = tariff.name { fields.append(JSONField("name", .string(name))) }
        if let carrier = tariff.carrier { fields.append(JSONField("carrier", .string(carrier.rawValue))) }
        optional(&fields, "energyPriceCtPerKWh", tariff.energyPriceCtPerKWh)
        optional(&fields, "basePriceEURPerYear", tariff.basePriceEURPerYear)
        optional(&fields, "eurPerM3", tariff.eurPerM3)
        // CO2 factors are below 0.01 per kWh in places; keep their published precision.
        if let co2 = tariff.co2KgPerKWh {
            fields.append(JSONField("co2KgPerKWh", .number(co2)))
            fields.append(JSONField("includesUpstream", .bool(upstream)))
        }
        if let from = tariff.validFrom { fields.append(JSONField("validFrom", .string(from.description))) }
        if let s = tariff.source { fields.append(JSONField("source", source(s))) }
        return .object(fields)
    }

    static func electricity(_ summary: ElectricitySummary) -> JSONValue {
        let b = summary.benchmark
        return .object([
            JSONField("annualKWh", num(summary.annualKWh)),
            JSONField("annualCostEUR", num(summary.annualCostEUR)),
            JSONField(
                "benchmark",
                .object([
                    JSONField("class", .string(b.classLetter)),
                    JSONField("classUpperKWh", .array(b.classUpperKWh.map(num))),
                    JSONField("averageKWh", num(b.averageKWh)),
                    JSONField("averageClass", .string(b.averageClassLetter)),
                    JSONField(
                        "table",
                        .object([
                            JSONField("persons", .number(Double(b.table.persons))),
                            JSONField("dwelling", .string(b.table.dwelling.rawValue)),
                            JSONField("electricHotWater", .bool(b.table.electricHotWater)),
                            JSONField("source", source(b.table.source)),
                        ])),
                ])),
        ])
    }

    static func heating(_ summary: HeatingSummary) -> JSONValue {
        var benchmark = [
            JSONField("averageKWhPerM2", num(summary.benchmark.averageKWhPerM2)),
            JSONField("ratioToAverage", num(summary.benchmark.ratioToAverage)),
        ]
        if let verdict = summary.benchmark.verdict { benchmark.append(JSONField("verdict", .string(verdict.rawValue))) }
        benchmark.append(JSONField("source", source(summary.benchmark.source)))
        return .object([
            JSONField("fuel", .string(summary.fuel.rawValue)),
            JSONField("annualKWh", num(summary.annualKWh)),
            JSONField("estimated", .bool(summary.estimated)),
            JSONField("includesHotWater", .bool(summary.includesHotWater)),
            JSONField("billing", .string(summary.billing.rawValue)),
            JSONField("consumptionShare", num(summary.consumptionShare)),
            JSONField("spaceHeatingKWh", num(summary.spaceHeatingKWh)),
            JSONField("hotWaterKWh", num(summary.hotWaterKWh)),
            JSONField("kWhPerM2", num(summary.kWhPerM2)),
            JSONField("annualCostEUR", num(summary.annualCostEUR)),
            JSONField("benchmark", .object(benchmark)),
        ])
    }

    static func saving(_ s: Saving) -> [JSONField] {
        [
            JSONField("electricityKWh", num(s.electricityKWh)),
            JSONField("heatKWh", num(s.heatKWh)),
            JSONField("waterM3", num(s.waterM3)),
            JSONField("savingEUR", num(s.savingEUR)),
            JSONField("co2Kg", num(s.co2Kg)),
        ]
    }

    static func range(_ r: EURRange) -> JSONValue {
        .object([JSONField("lowEUR", num(r.lowEUR)), JSONField("highEUR", num(r.highEUR))])
    }

    static func split(_ split: PayerSplit) -> JSONValue {
        .object([
            JSONField("household", num(split.household)),
            JSONField("jobcenter", num(split.jobcenter)),
            JSONField("socialOffice", num(split.socialOffice)),
            JSONField("landlord", num(split.landlord)),
        ])
    }

    static func measure(_ m: MeasureResult) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("id", .string(m.kind.rawValue)),
            JSONField("recommended", .bool(m.recommended)),
        ]
        if let reason = m.notRecommendedBecause {
            fields.append(JSONField("notRecommendedBecause", .string(reason.rawValue)))
        }
        fields += [
            JSONField("installedAtVisit", .bool(m.installedAtVisit)),
            JSONField("freeFromProgramme", .bool(m.freeFromProgramme)),
        ]
        fields += saving(m.expected)
        fields += [
            JSONField("technical", .object(saving(m.technical))),
            JSONField("realisationFactor", .number(m.realisation?.likely ?? 1)),
            JSONField("range", range(m.range)),
            JSONField("householdRange", range(m.householdRange)),
            JSONField("capped", .bool(m.capped)),
            JSONField("baseline", .string(m.baseline.rawValue)),
            JSONField("investmentEUR", num(m.investmentEUR)),
            JSONField("programmeCostEUR", num(m.programmeCostEUR)),
            JSONField("voucherEUR", num(m.voucherEUR)),
        ]
        if let payback = m.paybackMonths { fields.append(JSONField("paybackMonths", num(payback))) }
        if let lifetime = m.lifetimeYears { fields.append(JSONField("lifetimeYears", num(lifetime))) }
        fields.append(JSONField("split", split(m.split)))
        fields.append(JSONField("details", .object(MeasureDetailsJSON.fields(m.details))))
        return .object(fields)
    }

    static func totals(_ t: Totals) -> JSONValue {
        .object([
            JSONField("electricityKWh", num(t.electricityKWh)),
            JSONField("heatKWh", num(t.heatKWh)),
            JSONField("waterM3", num(t.waterM3)),
            JSONField("savingEUR", num(t.savingEUR)),
            JSONField("householdEUR", num(t.householdEUR)),
            JSONField("publicEUR", num(t.publicEUR)),
            JSONField("landlordEUR", num(t.landlordEUR)),
            JSONField("split", split(t.split)),
            JSONField("co2Kg", num(t.co2Kg)),
            JSONField("range", range(t.range)),
            JSONField("tariffSwitchEUR", num(t.tariffSwitchEUR)),
        ])
    }

    static func installment(_ check: InstallmentCheck) -> JSONValue {
        func one(_ i: Installment) -> JSONValue {
            var fields = [
                JSONField("payer", .string(i.payer.rawValue)), JSONField("expectedAnnualEUR", num(i.expectedAnnualEUR)),
            ]
            if let current = i.currentMonthlyEUR { fields.append(JSONField("currentMonthlyEUR", num(current))) }
            optional(&fields, "recommendedMonthlyEUR", i.recommendedMonthlyEUR)
            if let balance = i.balanceEUR { fields.append(JSONField("balanceEUR", num(balance))) }
            if !i.missing.isEmpty {
                fields.append(JSONField("missing", .array(i.missing.map { .string($0.rawValue) })))
            }
            return .object(fields)
        }
        var fields = [JSONField("electricity", one(check.electricity))]
        if let heating = check.heating { fields.append(JSONField("heating", one(heating))) }
        return .object(fields)
    }

    static func hotWaterSource(_ source: HotWaterSource) -> String {
        switch source {
        case .electric(let system): system.rawValue
        case .heating(let fuel): fuel.rawValue
        case .unknown: "unknown"
        }
    }

    static func warning(_ w: AdviceWarning, message: ((AdviceWarning) -> String)?) -> JSONValue {
        var fields = [JSONField("code", .string(w.code))]
        if let message { fields.append(JSONField("message", .string(message(w)))) }
        switch w {
        case .electricityImplausiblyHigh(let kWh, let limit), .electricityImplausiblyLow(let kWh, let limit):
            fields += [JSONField("annualKWh", num(kWh)), JSONField("limitKWh", num(limit))]
        case .heatingImplausiblyHigh(let v, let limit), .heatingImplausiblyLow(let v, let limit):
            fields += [JSONField("kWhPerM2", num(v)), JSONField("limitKWhPerM2", num(limit))]
        case .cityTariffsExpired(let city, let until), .cityTariffsExpiring(let city, let until):
            fields += [JSONField("city", .string(city)), JSONField("validUntil", .string(until.description))]
        case .referenceDataExpired(let until), .referenceDataExpiring(let until):
            fields.append(JSONField("validUntil", .string(until.description)))
        case .tariffNotYetValid(let name, let from):
            fields += [JSONField("tariff", .string(name)), JSONField("validFrom", .string(from.description))]
        case .hotWaterAboveUse(let used, let available, let basis):
            fields += [
                JSONField("usedKWh", num(used)), JSONField("availableKWh", num(available)),
                JSONField("basis", .string(basis.rawValue)),
            ]
        case .waterAboveUse(let used, let household, let fromBill):
            fields += [
                JSONField("usedM3", num(used)), JSONField("householdM3", num(household)),
                JSONField("fromBill", .bool(fromBill)),
            ]
        case .waterUseUnusual(let used, let typical):
            fields += [JSONField("usedM3", num(used)), JSONField("typicalM3", num(typical))]
        case .electricitySavingsCapped(let technical, let annual), .heatingSavingsCapped(let technical, let annual):
            fields += [JSONField("technicalKWh", num(technical)), JSONField("annualKWh", num(annual))]
        case .largeShareOfElectricity(let saved, let annual), .largeShareOfHeating(let saved, let annual):
            fields += [JSONField("savedKWh", num(saved)), JSONField("annualKWh", num(annual))]
        case .hotWaterSourceUnknown, .voucherNeedsAge, .installedWithoutSaving, .buildingBillingForHouse,
            .consumptionShareIgnored, .hotWaterTwice:
            break
        case .installedNotInKit(let item):
            fields.append(JSONField("item", .string(item.rawValue)))
            break
        }
        fields.append(JSONField("inputs", .array(w.inputPaths.map(JSONValue.string))))
        return .object(fields)
    }
}
