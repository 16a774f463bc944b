import EnergyAdvice
import SafeXML

extension TariffLibrary {
    /// The tariffs of several cities read at once: the schema compiled and the reference file read once, each city
    /// file once. A broken city file is an error of that city only; a broken schema or reference file fails them all.
    /// - Parameter cityIDs: the cities to read; nil for every city file in the folder.
    public func loadCities(_ cityIDs: [String]? = nil) -> [String: Result<TariffSet, DataError>] {
        let ids = cityIDs ?? self.cityIDs()
        let available = self.cityIDs()
        let shared: Result<(XMLSchema, ReferenceFile, EnergyDebtLaw?), DataError> = {
            do throws(DataError) {
                let schema = try schema()
                return .success((schema, try loadReference(schema: schema), try loadEnergyLaw(schema: schema)?.law))
            } catch {
                return .failure(error)
            }
        }()
        var result: [String: Result<TariffSet, DataError>] = [:]
        for id in ids {
            guard VisitReader.isCityID(id), available.contains(id) else {
                result[id] = .failure(.unknownCity(id: id, directory: directory, available: available))
                continue
            }
            switch shared {
            case .failure(let error): result[id] = .failure(error)
            case .success(let (schema, reference, law)):
                do throws(DataError) {
                    let city = try loadCity(id, schema: schema, sources: reference.sources)
                    result[id] = .success(TariffSet(reference: reference.data, city: city, energyLaw: law))
                } catch {
                    result[id] = .failure(error)
                }
            }
        }
        return result
    }
}
