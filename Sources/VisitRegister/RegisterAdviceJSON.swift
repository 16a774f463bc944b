import EnergyAdvice
import JSONText

/// The advice document the register stores when the caller supplies no renderer: the figures of `esp-advice/1`
/// (tariffs, consumption, measures, totals, warning codes) without the assumed inputs, measure details and
/// installment check, under the schema name `esp-register-advice/1`.
///
/// The CLI passes the report module's full `esp-advice/1` renderer instead; this one keeps the register usable
/// from the data layer alone.
public enum RegisterAdviceJSON {
    /// The schema name written into the document.
    public static let schema = "esp-register-advice/1"

    /// The document as text, ending in a newline.
    public static func render(_ advice: Advice) -> String { document(advice).serialized(pretty: true) + "\n" }

    /// The document as a JSON value; numbers rounded to 0.01 like `esp-advice/1`, CO2 factors as published.
    public static func document(_ advice: Advice) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("schema", .string(schema)),
            JSONField("rulesVersion", .number(Double(Advice.rulesVersion))),
            JSONField("visitId", .string(advice.visitId)),
            JSONField("date", .string(advice.date.description)),
            JSONField("city", .string(advice.city)),
            JSONField("language", .string(advice.language)),
            JSONField("tariffs", .array(advice.tariffs.map(tariff))),
            JSONField("electricity", .object([
                JSONField("annualKWh", num(advice.electricity.annualKWh)),
                JSONField("annualCostEUR", num(advice.electricity.annualCostEUR)),
                JSONField("class", .string(advice.electricity.benchmark.classLetter)),
                JSONField("averageKWh", num(advice.electricity.benchmark.averageKWh)),
            ])),
        ]
        if let h = advice.heating {
            fields.append(JSONField("heating", .object([
                JSONField("fuel", .string(h.fuel.rawValue)),
                JSONField("annualKWh", num(h.annualKWh)),
                JSONField("estimated", .bool(h.estimated)),
                JSONField("kWhPerM2", num(h.kWhPerM2)),
                JSONField("annualCostEUR", num(h.annualCostEUR)),
            ])))
        }
        let t = advice.totals
        fields += [
            JSONField("measures", .array(advice.measures.map(measure))),
            JSONField("totals", .object([
                JSONField("electricityKWh", num(t.electricityKWh)), JSONField("heatKWh", num(t.heatKWh)),
                JSONField("waterM3", num(t.waterM3)), JSONField("savingEUR", num(t.savingEUR)),
                JSONField("householdEUR", num(t.householdEUR)), JSONField("publicEUR", num(t.publicEUR)),
                JSONField("landlordEUR", num(t.landlordEUR)), JSONField("co2Kg", num(t.co2Kg)),
            ])),
            JSONField("warnings", .array(advice.warnings.map { .string($0.code) })),
        ]
        return .object(fields)
    }

    static func num(_ x: Double) -> JSONValue { .number(cents(x)) }

    static func tariff(_ t: UsedTariff) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("use", .string(t.use.rawValue)),
            JSONField("supplier", .string(t.supplier)),
            JSONField("name", .string(t.name)),
        ]
        if let x = t.energyPriceCtPerKWh { fields.append(JSONField("energyPriceCtPerKWh", num(x))) }
        if let x = t.basePriceEURPerYear { fields.append(JSONField("basePriceEURPerYear", num(x))) }
        if let x = t.eurPerM3 { fields.append(JSONField("eurPerM3", num(x))) }
        if let x = t.co2KgPerKWh { fields.append(JSONField("co2KgPerKWh", .number(x))) }
        if let d = t.validFrom { fields.append(JSONField("validFrom", .string(d.description))) }
        return .object(fields)
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
        if let p = m.paybackMonths { fields.append(JSONField("paybackMonths", num(p))) }
        fields.append(JSONField("beneficiary", .string(m.beneficiary.rawValue)))
        return .object(fields)
    }
}
