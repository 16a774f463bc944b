import EnergyAdvice

extension VisitFlow {
    /// The heating, or none: the fuel question offers "keine Heizung erfassen".
    func heatingUse(_ w: inout Walker, household: Household, hotWater: HotWaterSource) throws(Stop) -> HeatingUse? {
        let section = "Heizung und Lüften"
        let none = Choice(value: "none", label: "keine Heizung erfassen")
        let raw = try w.choiceValue(
            .choice(
                "heating.fuel", section, "Heizung mit", choices: Choice.all(HeatingFuel.self) + [none],
                default: HeatingFuel.gas.rawValue))
        guard let fuel = HeatingFuel(rawValue: raw) else { return nil }
        let kWh = try heatingEnergy(&w, section: section, fuel: fuel, household: household)
        let billing = try w.choice(
            .choice(
                "heating.billing", section, "Wie wird die Heizung abgerechnet?",
                HeatingBilling.self,
                default: VisitRules.defaultBilling(dwelling: household.dwelling, fuel: fuel)),
            as: HeatingBilling.self)
        var share: Double?
        if billing == .building {
            share = try w.optionalNumber(
                .optionalNumber(
                    "heating.consumptionSharePercent", section, "Anteil nach Verbrauch laut Heizkostenabrechnung",
                    unit: "%", range: QuestionnaireDefaults.consumptionSharePercent,
                    help: "Meist 50 % oder 70 %; ohne Angabe nimmt esp den üblichen Wert.")
            ).map { $0 / 100 }
        }
        let room = try w.optionalNumber(
            .optionalNumber(
                "heating.roomTemperatureC", section, "Gemessene Raumtemperatur", unit: "°C",
                range: VisitRules.roomTemperatureC,
                help: "Mit dem Thermometer im Wohnzimmer messen, nicht am Heizkörper."))
        var target: Double?
        if let room {
            if let warning = Plausibility.outside(
                room, Plausibility.roomTemperatureC, unit: "°C",
                hint: "Thermometer am Heizkörper oder in der Sonne?")
            {
                w.warn(warning)
            }
            target = try w.number(
                .number(
                    "heating.targetTemperatureC", section, "Empfohlene Raumtemperatur", unit: "°C",
                    range: VisitRules.roomTemperatureC, default: VisitRules.targetTemperatureCDefault))
        }
        let tilted = try w.yes(
            .yesNo(
                "heating.windowsTiltedInWinter", section, "Stehen Fenster im Winter dauerhaft gekippt?",
                default: false))
        let installment = try monthlyInstallment(&w, prefix: "heating", section: section, label: "Heizung")
        let tariff = try ownTariff(&w, prefix: "heating", section: section, limit: InputLimits.heatingPriceCt)
        return HeatingUse(
            fuel: fuel, annualKWh: kWh, includesHotWater: hotWater == .heating, billing: billing,
            consumptionShare: share, roomTemperatureC: room,
            targetTemperatureC: target, windowsTiltedInWinter: tilted,
            monthlyInstallmentEUR: installment, tariff: tariff)
    }

    /// The heating bill's kWh; gas may be given in m³ (`1234 m³`), and a bare gas figure that only makes sense in m³
    /// is asked back.
    func heatingEnergy(
        _ w: inout Walker, section: String, fuel: HeatingFuel, household: Household
    ) throws(Stop) -> Double? {
        let area = household.livingAreaM2
        let gas = fuel == .gas
        guard
            let typed = try w.optionalNumber(
                .optionalNumber(
                    "heating.annualKWh", section, "Heizenergie im Jahr", unit: "kWh/Jahr", range: VisitRules.heatingKWh,
                    help: "Von der Heizkostenabrechnung; ohne Angabe schätzt esp nach Wohnfläche."
                        + (gas ? " Gas in m³ geht auch, z. B. „1234 m³“." : ""),
                    conversions: gas ? [Conversions.gasCubicMetres] : []))
        else { return nil }
        var kWh = typed
        let asKWh = GermanNumber.rounded(typed * QuestionnaireDefaults.gasKWhPerCubicMetre, decimals: 0)
        if gas, typed / area < Plausibility.gasKWhPerM2LikelyCubicMetres,
            Plausibility.heating(
                asKWh, areaM2: area, fuel: fuel, dwelling: household.dwelling, reference: setup.reference) == nil,
            VisitRules.heatingKWh.contains(asKWh)
        {
            kWh = try scaleCheck(
                &w, id: "heating.annualKWh.cubicMetres", section: section, typed: typed,
                question: "\(GermanNumber.text(typed)) kWh im Jahr ist für \(GermanNumber.text(area)) m² sehr wenig. "
                    + "Sind das m³ Gas? Das wären etwa \(GermanNumber.text(asKWh)) kWh im Jahr.",
                corrected: asKWh, unit: "kWh/Jahr")
        }
        if let warning = Plausibility.heating(
            kWh, areaM2: area, fuel: fuel, dwelling: household.dwelling, reference: setup.reference)
        {
            w.warn(warning)
        }
        return kWh
    }
}
