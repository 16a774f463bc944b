import EnergyAdvice
import SafeFiles
import SafeText
import SafeXML

/// The national reference data with one city's tariffs: everything the calculator needs.
public struct TariffSet: Sendable {
    public let reference: ReferenceData
    public let city: CityTariffs
    /// The law on cut-offs for non-payment; nil when the folder has none.
    public let energyLaw: EnergyDebtLaw?

    public init(reference: ReferenceData, city: CityTariffs, energyLaw: EnergyDebtLaw? = nil) {
        self.reference = reference
        self.city = city
        self.energyLaw = energyLaw
    }
}
