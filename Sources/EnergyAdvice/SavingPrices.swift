/// What a kWh saved is worth, and what it avoids, as one advice priced it: the energy prices (rule 3), the share of a
/// building's heating bill that follows the flat's own use (rule 4) and the CO2 factors.
///
/// The register keeps these with every visit, so a saving measured at a follow-up months later is valued exactly as
/// the advice valued its expectation — by the same function, not by a second copy of the rules.
public struct SavingPrices: Sendable, Equatable {
    /// Gross electricity energy price, €/kWh.
    public var electricityEURPerKWh: Double
    /// kg CO2 per kWh of electricity; nil when the data had none.
    public var electricityCO2KgPerKWh: Double?
    /// Gross energy price of the heating fuel, €/kWh; nil without heating.
    public var heatingEURPerKWh: Double?
    /// kg CO2 per kWh of the heating fuel; nil without heating or factor.
    public var heatingCO2KgPerKWh: Double?
    /// The share of a heating saving that reaches the bill: the consumption share of a building's bill, else 1.
    public var heatingBillShare: Double

    /// Prices as stored, e.g. read back from a register.
    public init(
        electricityEURPerKWh: Double, electricityCO2KgPerKWh: Double?, heatingEURPerKWh: Double?,
        heatingCO2KgPerKWh: Double?, heatingBillShare: Double = 1
    ) {
        self.electricityEURPerKWh = electricityEURPerKWh
        self.electricityCO2KgPerKWh = electricityCO2KgPerKWh
        self.heatingEURPerKWh = heatingEURPerKWh
        self.heatingCO2KgPerKWh = heatingCO2KgPerKWh
        self.heatingBillShare = heatingBillShare
    }

    /// Euros and kg CO2 of electricity saved (or, negative, used more), rounded to cents.
    public func electricity(kWh: Double) -> (eur: Double, co2Kg: Double?) {
        (cents(kWh * electricityEURPerKWh), electricityCO2KgPerKWh.map { cents(kWh * $0) })
    }

    /// Euros and kg CO2 of heating fuel saved: the kWh count in full for CO2, only the bill share reaches the money
    /// (rule 4). Nil parts where the advice had no price or factor.
    public func heating(kWh: Double) -> (eur: Double?, co2Kg: Double?) {
        (heatingEURPerKWh.map { cents(kWh * $0 * heatingBillShare) }, heatingCO2KgPerKWh.map { cents(kWh * $0) })
    }
}

extension Advice {
    /// The prices and factors this advice valued its savings with.
    public var savingPrices: SavingPrices {
        let electricity = tariffs.first { $0.use == .electricity }
        let heatingTariff = heating == nil ? nil : tariffs.first { $0.use == .heating }
        func co2(_ carrier: EnergyCarrier?) -> Double? {
            guard let carrier else { return nil }
            return tariffs.first { $0.use == .co2 && $0.carrier == carrier }?.co2KgPerKWh
        }
        return SavingPrices(
            electricityEURPerKWh: (electricity?.energyPriceCtPerKWh ?? 0) / 100,
            electricityCO2KgPerKWh: co2(.electricity),
            heatingEURPerKWh: heatingTariff?.energyPriceCtPerKWh.map { $0 / 100 },
            heatingCO2KgPerKWh: co2(heating?.fuel.carrier),
            heatingBillShare: heating?.consumptionShare ?? 1)
    }
}
