import EnergyAdvice
import JSONText

extension VisitEncoder {
    /// One `energyDebt[]` entry, keys in the order of the format, only what was given.
    static func debt(_ debt: EnergyDebt) -> JSONValue {
        var d = [
            JSONField("carrier", .string(debt.carrier.rawValue)), JSONField("arrearsEUR", .number(debt.arrearsEUR)),
        ]
        d.append(optional: "monthlyInstallmentEUR", debt.monthlyInstallmentEUR.map(JSONValue.number))
        d.append(optional: "annualBillEUR", debt.annualBillEUR.map(JSONValue.number))
        d.append(optional: "supply", debt.supply.map { .string($0.rawValue) })
        d.append(optional: "supplier", debt.supplier.map(JSONValue.string))
        d.append(optional: "threatDate", debt.threatDate.map { .string($0.description) })
        d.append(optional: "announcementDate", debt.announcementDate.map { .string($0.description) })
        d.append(optional: "cutOff", debt.cutOff.map(JSONValue.bool))
        if !debt.risks.isEmpty { d.append(JSONField("risks", .array(debt.risks.map { .string($0.rawValue) }))) }
        return .object(d)
    }
}
