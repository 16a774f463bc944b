/// `room-temperature` and `ventilation`: behaviour that saves space heating.
extension AdviceContext {
    /// The baseline of a heating saving: the bill, or an estimate when the visit had none.
    var heatingBaseline: Baseline { heating?.estimated == true ? .estimated : .bill }

    /// `room-temperature`: each kelvin less saves a share of the space heating, up to a cap.
    mutating func roomTemperature() -> MeasureDraft? {
        guard let heating, let room = heating.roomTemperatureC, room > heating.targetTemperatureC else { return nil }
        let ref = reference.heating
        constant(.savingPerKelvin, ref.savingPerKelvin)
        constant(.maxKelvin, ref.maxKelvin)
        let kelvin = min(room - heating.targetTemperatureC, ref.maxKelvin.value)
        let kWh = heating.spaceHeatingKWh * ref.savingPerKelvin.value * kelvin
        return MeasureDraft(
            kind: .roomTemperature, recommended: true, installedAtVisit: false, heatKWh: kWh,
            baseline: heatingBaseline,
            details: .roomTemperature(
                RoomTemperatureDetails(
                    roomTemperatureC: room, targetTemperatureC: heating.targetTemperatureC, kelvin: cents(kelvin),
                    savingPerKelvin: ref.savingPerKelvin.value, spaceHeatingKWh: heating.spaceHeatingKWh)))
    }

    /// `ventilation`: airing briefly and fully instead of tilted windows. It acts on the space heating that is left
    /// after a lower room temperature: the two combine, they do not add.
    mutating func ventilation(after roomTemperature: MeasureDraft?) -> MeasureDraft? {
        guard let heating, heating.windowsTilted else { return nil }
        let share = reference.heating.tiltedWindowShare
        constant(.tiltedWindowShare, share)
        let base = max(0, heating.spaceHeatingKWh - (roomTemperature?.heatKWh ?? 0))
        return MeasureDraft(
            kind: .ventilation, recommended: true, installedAtVisit: false, heatKWh: base * share.value,
            baseline: heatingBaseline,
            details: .ventilation(
                VentilationDetails(
                    spaceHeatingKWh: heating.spaceHeatingKWh, baseKWh: cents(base),
                    share: share.value)))
    }
}
