import EnergyAdvice
import JSONText

/// The `details` object of each measure in `esp-advice/2`: typed per kind, keys in calculation order.
enum MeasureDetailsJSON {
    static func num(_ x: Double) -> JSONValue { AdviceJSON.num(x) }

    static func fields(_ details: MeasureDetails) -> [JSONField] {
        var f: [JSONField] = []
        func add(_ key: String, _ value: JSONValue?) { if let value { f.append(JSONField(key, value)) } }
        switch details {
        case .led(let d):
            add("row", .number(Double(d.row)))
            add("room", d.room.map(JSONValue.string))
            add("lamps", .number(Double(d.lamps)))
            add("technology", .string(d.technology.rawValue))
            add("oldWatts", num(d.oldWatts))
            add("ledWatts", num(d.ledWatts))
            add("hoursPerDay", num(d.hoursPerDay))
        case .standby(let d):
            add("appliance", .number(Double(d.appliance)))
            add("kind", .string(d.kind.rawValue))
            add("label", d.label.map(JSONValue.string))
            add("watts", num(d.watts))
            add("hoursPerDay", num(d.hoursPerDay))
        case .fridgeReplacement(let d):
            add("appliance", .number(Double(d.appliance)))
            add("kind", .string(d.kind.rawValue))
            add("ageYears", d.ageYears.map { .number(Double($0)) })
            add("oldAnnualKWh", num(d.oldAnnualKWh))
            add("oldBasis", .string(d.oldBasis.rawValue))
            add("newAnnualKWh", num(d.newAnnualKWh))
            add("action", .string(d.action.rawValue))
            add("minSavingKWh", num(d.minSavingKWh))
            add(
                "voucher",
                d.voucherRule.map { rule in
                    .object([
                        JSONField("minAgeYears", .number(Double(rule.minAgeYears))),
                        JSONField("minSavingKWh", num(rule.minSavingKWh)),
                        JSONField("amountEUR", num(rule.amountEUR)),
                        JSONField("source", AdviceJSON.source(rule.source)),
                    ])
                })
        case .showerhead(let d):
            f += hotWater(d.hotWater)
            add("temperatureC", num(d.temperatureC))
            add("coldWaterC", num(d.coldWaterC))
        case .tapAerator(let d):
            add("tap", .number(Double(d.tap)))
            add("room", .string(d.room.rawValue))
            add("minutesPerDay", num(d.minutesPerDay))
            f += hotWater(d.hotWater)
            add("mixedWaterTemperatureC", num(d.mixedWaterTemperatureC))
        case .roomTemperature(let d):
            add("roomTemperatureC", num(d.roomTemperatureC))
            add("targetTemperatureC", num(d.targetTemperatureC))
            add("kelvin", num(d.kelvin))
            add("savingPerKelvin", AdviceJSON.precise(d.savingPerKelvin))
            add("spaceHeatingKWh", num(d.spaceHeatingKWh))
        case .ventilation(let d):
            add("spaceHeatingKWh", num(d.spaceHeatingKWh))
            add("baseKWh", num(d.baseKWh))
            add("share", AdviceJSON.precise(d.share))
        case .tariffSwitch(let d):
            add("tariff", .string(d.tariffID))
            add("supplier", .string(d.supplier))
            add("name", .string(d.name))
            add("basicSupply", .bool(d.basicSupply))
            add("averagePrice", .bool(d.averagePrice))
            add("currentSupply", d.currentSupply.map { .string($0.rawValue) })
            add("noticeWeeks", d.noticeWeeks.map { .number(Double($0)) })
            add("energyPriceCtPerKWh", num(d.energyPriceCtPerKWh))
            add("basePriceEURPerYear", num(d.basePriceEURPerYear))
            add("validFrom", .string(d.validFrom.description))
            add("minimumTermMonths", d.minimumTermMonths.map { .number(Double($0)) })
            add("creditCheck", .bool(d.creditCheck))
            add("kWhAfterSavings", num(d.kWhAfterSavings))
            add("currentCostEUR", num(d.currentCostEUR))
            add("newCostEUR", num(d.newCostEUR))
        }
        return f
    }

    static func hotWater(_ d: HotWaterDetails) -> [JSONField] {
        var f = [
            JSONField("oldFlowLitresPerMinute", num(d.oldFlowLitresPerMinute)),
            JSONField("newFlowLitresPerMinute", num(d.newFlowLitresPerMinute)),
            JSONField("litresPerYear", num(d.litresPerYear)),
            JSONField("usefulKWh", num(d.usefulKWh)),
            JSONField("hotWaterSource", .string(AdviceJSON.hotWaterSource(d.source))),
        ]
        if let efficiency = d.efficiency { f.append(JSONField("efficiency", AdviceJSON.precise(efficiency))) }
        if let bound = d.boundKWh { f.append(JSONField("boundKWh", num(bound))) }
        return f
    }
}
