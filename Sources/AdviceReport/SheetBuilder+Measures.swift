import AdviceLocalization
import EnergyAdvice
import Foundation

/// What each step is called, why it helps and how to do it, in the sheet's language.
extension SheetBuilder {
    func title(_ m: MeasureResult) -> String {
        let base: String
        var place: String?
        switch m.details {
        case .led(let d):
            base = t("measure.led.title.\(d.technology.rawValue)")
            place = d.room.map(roomName)
        case .standby(let d):
            base = t("measure.standby.title")
            // The advisor's label, else what the device is; "other" says nothing the title does not.
            place = d.label ?? (d.kind == .other ? nil : t("standby.kind.\(d.kind.rawValue)"))
        case .fridgeReplacement(let d):
            base = t("measure.fridge-replacement.title.\(d.kind.rawValue)")
        case .tapAerator(let d):
            base = t("measure.tap-aerator.title.\(d.room.rawValue)")
        default:
            base = t("measure.\(m.kind.rawValue).title")
        }
        guard let place, !place.isEmpty else { return base }
        return t("measure.place", ["title": text(base), "place": text(place)])
    }

    /// A room of the list (its id, or its German name as older visits and hand-written files hold it, in any case)
    /// in the sheet's language; any other room as the advisor typed it.
    func roomName(_ typed: String) -> String {
        let key = typed.trimmingCharacters(in: .whitespaces).lowercased()
        let room =
            Room(rawValue: key)
            ?? Room.allCases.first { localizer.sourceText("room.\($0.rawValue)").lowercased() == key }
        guard let room else { return typed }
        return t("room.\(room.rawValue)")
    }

    func why(_ m: MeasureResult) -> String {
        switch m.details {
        case .fridgeReplacement(let d):
            return t(
                "measure.fridge-replacement.why",
                ["old": kWh(d.oldAnnualKWh.rounded()), "new": kWh(d.newAnnualKWh.rounded())])
        case .showerhead(let d):
            return t(
                "measure.showerhead.why",
                [
                    "flow": litres(d.hotWater.oldFlowLitresPerMinute),
                    "newFlow": litres(d.hotWater.newFlowLitresPerMinute),
                ])
        case .tapAerator(let d):
            return t(
                "measure.tap-aerator.why",
                [
                    "flow": litres(d.hotWater.oldFlowLitresPerMinute),
                    "newFlow": litres(d.hotWater.newFlowLitresPerMinute),
                ])
        case .roomTemperature(let d):
            return t("measure.room-temperature.why", ["percent": percent(d.savingPerKelvin)])
        case .tariffSwitch(let d):
            return t("measure.tariff-switch.why", ["name": text(d.name), "supplier": text(d.supplier)])
        default:
            return t("measure.\(m.kind.rawValue).why")
        }
    }

    func how(_ m: MeasureResult) -> String {
        if m.installedAtVisit {
            if case .led(let d) = m.details { return t("measure.led.done", ["lamps": count(Double(d.lamps))]) }
            return t("measure.\(m.kind.rawValue).done")
        }
        if m.freeFromProgramme { return plainHow(m) + " " + t("measure.\(m.kind.rawValue).free") }
        return plainHow(m)
    }

    /// What the household does, whoever pays for the item.
    func plainHow(_ m: MeasureResult) -> String {
        switch m.details {
        case .led(let d):
            return t("measure.led.how", ["lamps": count(Double(d.lamps))])
        case .fridgeReplacement where m.voucherEUR > 0:
            return t("measure.fridge-replacement.how.voucher", ["voucher": euros(m.voucherEUR)])
        case .roomTemperature(let d):
            return t(
                "measure.room-temperature.how",
                ["target": celsius(d.targetTemperatureC), "room": celsius(d.roomTemperatureC)])
        default:
            return t("measure.\(m.kind.rawValue).how")
        }
    }

    /// For the office copy: how the expected figure follows from the technical one — for one step, or summed over
    /// the steps of a grouped row (they share their kind's factor).
    func advisorNote(_ m: MeasureResult) -> String { advisorNote([m]) }

    func advisorNote(_ measures: [MeasureResult]) -> String {
        func sum(_ value: (MeasureResult) -> Double) -> Double { cents(measures.reduce(0) { $0 + value($1) }) }
        let first = measures[0]
        let baselines = Set(measures.map(\.baseline))
        let baseline = baselines.count == 1 ? first.baseline : .estimated
        var note = t(
            "advisor.step",
            [
                "technical": amount(sum(\.technical.savingEUR)),
                "factor": .text(format.number(first.realisation?.likely ?? 1, fractionDigits: 2)),
                "expected": amount(sum(\.savingEUR)), "low": euros(sum(\.range.lowEUR)),
                "high": euros(sum(\.range.highEUR)), "baseline": text(t("baseline.\(baseline.rawValue)")),
            ])
        if measures.contains(where: \.capped) { note += " " + t("advisor.capped") }
        let programme = sum(\.programmeCostEUR)
        if programme > 0 { note += " " + t("advisor.programmeCost", ["amount": amount(programme)]) }
        return note
    }
}
