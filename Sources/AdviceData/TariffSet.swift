import EnergyAdvice
import SafeFiles
import SafeText
import SafeXML

/// The national reference data with one city's tariffs: everything the calculator needs.
public struct TariffSet: Sendable {
    /// The national figures from reference.xml.
    public let reference: ReferenceData
    /// The city's tariffs, office and local figures, its sources resolved.
    public let city: CityTariffs
    /// The law on cut-offs for non-payment; nil when the folder has none.
    public let energyLaw: EnergyDebtLaw?

    /// Creates the value from all its parts.
    public init(reference: ReferenceData, city: CityTariffs, energyLaw: EnergyDebtLaw? = nil) {
        self.reference = reference
        self.city = city
        self.energyLaw = energyLaw
    }
}
