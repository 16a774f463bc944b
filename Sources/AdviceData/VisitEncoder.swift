import EnergyAdvice
import JSONText

/// Writes a visit as an `esp-visit/1` document, keys in the order of the format, only what was given.
public enum VisitEncoder {
    /// The visit as a JSON document, for a visit file or a register.
    public static func document(_ visit: Visit) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("schema", .string(VisitRules.schema)),
            JSONField("visitId", .string(visit.visitId)),
            JSONField("date", .string(visit.date.description)),
            JSONField("city", .string(visit.city)),
        ]
        if let language = visit.language { fields.append(JSONField("language", .string(language))) }
        fields.append(optional: "advisor", visit.advisor.map(JSONValue.string))
        var household: [JSONField] = [
            JSONField("persons", .number(Double(visit.household.persons))),
            JSONField("dwelling", .string(visit.household.dwelling.rawValue)),
            JSONField("livingAreaM2", .number(visit.household.livingAreaM2)),
        ]
        household.append(optional: "benefit", visit.household.benefit.map { .string($0.rawValue) })
        household.append(
            optional: "heatingCostsPaidBy", visit.household.heatingCostsPaidBy.map { .string($0.rawValue) })
        household.append(optional: "waterCostsPaidBy", visit.household.waterCostsPaidBy.map { .string($0.rawValue) })
        household.append(optional: "annualWaterM3", visit.household.annualWaterM3.map(JSONValue.number))
        household.append(optional: "name", visit.contact?.name.map(JSONValue.string))
        household.append(optional: "address", visit.contact?.address.map(JSONValue.string))
        fields.append(JSONField("household", .object(household)))

        var electricity = [JSONField("annualKWh", .number(visit.electricity.annualKWh))]
        electricity.append(
            optional: "meterReading",
            visit.electricity.meterReading.map { reading in
                .object([JSONField("date", .string(reading.date.description)), JSONField("kWh", .number(reading.kWh))])
            })
        electricity.append(optional: "hotWater", visit.electricity.hotWater.map { .string($0.rawValue) })
        electricity.append(
            optional: "monthlyInstallmentEUR", visit.electricity.monthlyInstallmentEUR.map(JSONValue.number))
        electricity.append(optional: "tariff", visit.electricity.tariff.map(tariff))
        electricity.append(optional: "switchPossible", visit.electricity.switchPossible.map(JSONValue.bool))
        electricity.append(optional: "supply", visit.electricity.supply.map { .string($0.rawValue) })
        fields.append(JSONField("electricity", .object(electricity)))

        if let heating = visit.heating {
            var h = [JSONField("fuel", .string(heating.fuel.rawValue))]
            h.append(optional: "annualKWh", heating.annualKWh.map(JSONValue.number))
            h.append(optional: "includesHotWater", heating.includesHotWater.map(JSONValue.bool))
            h.append(optional: "hotWaterKWh", heating.hotWaterKWh.map(JSONValue.number))
            h.append(optional: "billing", heating.billing.map { .string($0.rawValue) })
            h.append(optional: "consumptionShare", heating.consumptionShare.map(JSONValue.number))
            h.append(optional: "roomTemperatureC", heating.roomTemperatureC.map(JSONValue.number))
            h.append(optional: "targetTemperatureC", heating.targetTemperatureC.map(JSONValue.number))
            h.append(optional: "windowsTiltedInWinter", heating.windowsTiltedInWinter.map(JSONValue.bool))
            h.append(optional: "monthlyInstallmentEUR", heating.monthlyInstallmentEUR.map(JSONValue.number))
            h.append(optional: "tariff", heating.tariff.map(tariff))
            fields.append(JSONField("heating", .object(h)))
        }
        if !visit.lighting.isEmpty {
            fields.append(
                JSONField(
                    "lighting",
                    .array(
                        visit.lighting.map { row in
                            var r: [JSONField] = []
                            r.append(optional: "room", row.room.map(JSONValue.string))
                            r += [
                                JSONField("lamps", .number(Double(row.lamps))), JSONField("watts", .number(row.watts)),
                                JSONField("technology", .string(row.technology.rawValue)),
                                JSONField("hoursPerDay", .number(row.hoursPerDay)),
                            ]
                            r.append(optional: "installedAtVisit", row.installedAtVisit.map(JSONValue.bool))
                            return .object(r)
                        })))
        }
        if !visit.appliances.isEmpty {
            fields.append(JSONField("appliances", .array(visit.appliances.map(appliance))))
        }
        if let showers = visit.showers {
            var s = [
                JSONField("perWeek", .number(showers.perWeek)), JSONField("minutes", .number(showers.minutes)),
                JSONField("flowLitresPerMinute", .number(showers.flowLitresPerMinute)),
            ]
            s.append(optional: "temperatureC", showers.temperatureC.map(JSONValue.number))
            s.append(optional: "coldWaterC", showers.coldWaterC.map(JSONValue.number))
            s.append(optional: "installedAtVisit", showers.installedAtVisit.map(JSONValue.bool))
            fields.append(JSONField("showers", .object(s)))
        }
        if !visit.taps.isEmpty {
            fields.append(
                JSONField(
                    "taps",
                    .array(
                        visit.taps.map { tap in
                            var t = [
                                JSONField("room", .string(tap.room.rawValue)),
                                JSONField("flowLitresPerMinute", .number(tap.flowLitresPerMinute)),
                            ]
                            t.append(optional: "minutesPerDay", tap.minutesPerDay.map(JSONValue.number))
                            t.append(optional: "installedAtVisit", tap.installedAtVisit.map(JSONValue.bool))
                            return .object(t)
                        })))
        }
        fields.append(optional: "notes", visit.notes.map(JSONValue.string))
        if !visit.energyDebt.isEmpty { fields.append(JSONField("energyDebt", .array(visit.energyDebt.map(debt)))) }
        return .object(fields)
    }

    /// The visit file's text: the document indented, ending in a newline.
    public static func text(_ visit: Visit) -> String { document(visit).serialized(pretty: true) + "\n" }

    static func tariff(_ price: PriceOverride) -> JSONValue {
        .object([
            JSONField("energyPriceCtPerKWh", .number(price.energyPriceCtPerKWh)),
            JSONField("basePriceEURPerYear", .number(price.basePriceEURPerYear)),
        ])
    }

    static func appliance(_ appliance: Appliance) -> JSONValue {
        switch appliance {
        case .standby(let device):
            var a = [JSONField("kind", .string(device.kind?.rawValue ?? "standby"))]
            a.append(optional: "label", device.label.map(JSONValue.string))
            a += [JSONField("watts", .number(device.watts)), JSONField("hoursPerDay", .number(device.hoursPerDay))]
            a.append(optional: "installedAtVisit", device.installedAtVisit.map(JSONValue.bool))
            return .object(a)
        case .cooling(let device):
            var a = [JSONField("kind", .string(device.kind.rawValue))]
            a.append(optional: "ageYears", device.ageYears.map { .number(Double($0)) })
            a.append(optional: "annualKWh", device.annualKWh.map(JSONValue.number))
            a.append(optional: "measuredKWhPerDay", device.measuredKWhPerDay.map(JSONValue.number))
            a.append(optional: "volumeLitres", device.volumeLitres.map(JSONValue.number))
            a.append(optional: "replacementAnnualKWh", device.replacementAnnualKWh.map(JSONValue.number))
            return .object(a)
        }
    }
}

extension Array where Element == JSONField {
    mutating func append(optional key: String, _ value: JSONValue?) {
        if let value { append(JSONField(key, value)) }
    }
}
