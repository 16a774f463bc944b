import EnergyAdvice
import JSONText

/// The `esp-advice/1` document: every number in the units its key names, rounded to 0.01 at most.
public enum AdviceJSON {
    public static func render(_ advice: Advice) -> String { document(advice).serialized(pretty: true) + "\n" }

    /// The same document on one line, for storage (the register keeps one per visit).
    public static func compact(_ advice: Advice) -> String { document(advice).serialized(pretty: false) }

    public static func document(_ advice: Advice) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("schema", .string(Advice.schema)),
            JSONField("rulesVersion", .number(Double(Advice.rulesVersion))),
            JSONField("visitId", .string(advice.visitId)),
            JSONField("date", .string(advice.date.description)),
            JSONField("city", .string(advice.city)),
            JSONField("language", .string(advice.language)),
            JSONField("inputs", .array(advice.inputs.map(input))),
            JSONField("tariffs", .array(advice.tariffs.map(tariff))),
            JSONField("electricity", electricity(advice.electricity)),
        ]
        if let heating = advice.heating { fields.append(JSONField("heating", self.heating(heating))) }
        fields += [
            JSONField("measures", .array(advice.measures.map(measure))),
            JSONField("totals", totals(advice.totals)),
            JSONField("installment", installment(advice.installment)),
            JSONField("warnings", .array(advice.warnings.map(warning))),
        ]
        return .object(fields)
    }

    static func num(_ x: Double) -> JSONValue { .number(cents(x)) }

    static func scalar(_ value: Scalar) -> JSONValue {
        switch value {
        case .number(let x): num(x)
        case .text(let s): .string(s)
        case .flag(let b): .bool(b)
        }
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

    static func tariff(_ tariff: UsedTariff) -> JSONValue {
        var fields = [
            JSONField("use", .string(tariff.use.rawValue)),
            JSONField("supplier", .string(tariff.supplier)),
            JSONField("name", .string(tariff.name)),
        ]
        let numbers: [(String, Double?)] = [
            ("energyPriceCtPerKWh", tariff.energyPriceCtPerKWh), ("basePriceEURPerYear", tariff.basePriceEURPerYear),
            ("eurPerM3", tariff.eurPerM3),
        ]
        for (key, value) in numbers { if let value { fields.append(JSONField(key, num(value))) } }
        // CO2 factors are below 0.01 per kWh in places; keep their published precision.
        if let co2 = tariff.co2KgPerKWh { fields.append(JSONField("co2KgPerKWh", .number(co2))) }
        if let from = tariff.validFrom { fields.append(JSONField("validFrom", .string(from.description))) }
        if let s = tariff.source { fields.append(JSONField("source", source(s))) }
        return .object(fields)
    }

    static func electricity(_ summary: ElectricitySummary) -> JSONValue {
        let b = summary.benchmark
        return .object([
            JSONField("annualKWh", num(summary.annualKWh)),
            JSONField("annualCostEUR", num(summary.annualCostEUR)),
            JSONField("benchmark", .object([
                JSONField("class", .string(b.classLetter)),
                JSONField("classUpperKWh", .array(b.classUpperKWh.map(num))),
                JSONField("averageKWh", num(b.averageKWh)),
                JSONField("table", .object([
                    JSONField("persons", .number(Double(b.table.persons))),
                    JSONField("dwelling", .string(b.table.dwelling.rawValue)),
                    JSONField("electricHotWater", .bool(b.table.electricHotWater)),
                    JSONField("source", source(b.table.source)),
                ])),
            ])),
        ])
    }

    static func heating(_ summary: HeatingSummary) -> JSONValue {
        .object([
            JSONField("fuel", .string(summary.fuel.rawValue)),
            JSONField("annualKWh", num(summary.annualKWh)),
            JSONField("estimated", .bool(summary.estimated)),
            JSONField("includesHotWater", .bool(summary.includesHotWater)),
            JSONField("kWhPerM2", num(summary.kWhPerM2)),
            JSONField("annualCostEUR", num(summary.annualCostEUR)),
            JSONField("benchmark", .object([
                JSONField("averageKWhPerM2", num(summary.benchmark.averageKWhPerM2)),
                JSONField("ratioToAverage", num(summary.benchmark.ratioToAverage)),
                JSONField("source", source(summary.benchmark.source)),
            ])),
        ])
    }

    static func measure(_ m: MeasureResult) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("id", .string(m.kind.rawValue)),
            JSONField("recommended", .bool(m.recommended)),
            JSONField("electricityKWh", num(m.electricityKWh)),
            JSONField("heatKWh", num(m.heatKWh)),
            JSONField("waterM3", num(m.waterM3)),
            JSONField("savingEUR", num(m.savingEUR)),
            JSONField("co2Kg", num(m.co2Kg)),
            JSONField("investmentEUR", num(m.investmentEUR)),
            JSONField("voucherEUR", num(m.voucherEUR)),
        ]
        if let payback = m.paybackMonths { fields.append(JSONField("paybackMonths", num(payback))) }
        fields.append(JSONField("beneficiary", .string(m.beneficiary.rawValue)))
        fields.append(JSONField("split", .object(m.split.parts.map { JSONField($0.payer.rawValue, num($0.eur)) })))
        fields.append(JSONField("details", .object(m.details.map { JSONField($0.key, scalar($0.value)) })))
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
            JSONField("co2Kg", num(t.co2Kg)),
        ])
    }

    static func installment(_ check: InstallmentCheck) -> JSONValue {
        func one(_ i: Installment) -> JSONValue {
            var fields = [JSONField("expectedAnnualEUR", num(i.expectedAnnualEUR))]
            if let current = i.currentMonthlyEUR { fields.append(JSONField("currentMonthlyEUR", num(current))) }
            fields.append(JSONField("recommendedMonthlyEUR", num(i.recommendedMonthlyEUR)))
            if let balance = i.balanceEUR { fields.append(JSONField("balanceEUR", num(balance))) }
            return .object(fields)
        }
        var fields = [JSONField("electricity", one(check.electricity))]
        if let heating = check.heating { fields.append(JSONField("heating", one(heating))) }
        return .object(fields)
    }

    static func warning(_ w: AdviceWarning) -> JSONValue {
        var fields = [JSONField("code", .string(w.code))]
        switch w {
        case .electricityImplausiblyHigh(let kWh, let limit), .electricityImplausiblyLow(let kWh, let limit):
            fields += [JSONField("annualKWh", num(kWh)), JSONField("limitKWh", num(limit))]
        case .heatingImplausiblyHigh(let v, let limit), .heatingImplausiblyLow(let v, let limit):
            fields += [JSONField("kWhPerM2", num(v)), JSONField("limitKWhPerM2", num(limit))]
        case .cityTariffsExpired(let city, let until):
            fields += [JSONField("city", .string(city)), JSONField("validUntil", .string(until.description))]
        case .referenceDataExpired(let until):
            fields.append(JSONField("validUntil", .string(until.description)))
        case .tariffNotYetValid(let name, let from):
            fields += [JSONField("tariff", .string(name)), JSONField("validFrom", .string(from.description))]
        case .showerEnergyCarrierUnknown:
            break
        case .voucherNeedsAge(let index):
            fields.append(JSONField("path", .string("appliances[\(index)].ageYears")))
        }
        return .object(fields)
    }
}
