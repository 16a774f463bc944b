import EnergyAdvice
import SafeFiles
import SafeText
import SafeXML

/// The national reference data with one city's tariffs: everything the calculator needs.
public struct TariffSet: Sendable {
    public let reference: ReferenceData
    public let city: CityTariffs

    public init(reference: ReferenceData, city: CityTariffs) {
        self.reference = reference
        self.city = city
    }
}
