import EnergyAdvice
import SafeXML

#if canImport(Glibc)
import Glibc
#endif

/// The Tariffs/ folder: one schema, one national reference file and one file per city.
///
/// Every file is schema-validated, then checked for the rules a schema cannot express, before it becomes a
/// core value; problems come back as `file:line: message`.
public struct TariffLibrary: Sendable {
    public static let schemaFile = "esp-tariffs.xsd"
    public static let referenceFile = "reference.xml"
    public static let namespace = "urn:esp:tariffs:1"
    /// Tariff files are small; a much larger one is a mistake or an attack.
    public static let maxFileBytes = 4 << 20

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    func path(_ file: String) -> String { directory.hasSuffix("/") ? directory + file : directory + "/" + file }

    /// City ids, from the file names (`nuernberg.xml` → `nuernberg`), sorted.
    public func cityIDs() -> [String] {
        (FileReading.names(inDirectory: directory, suffix: ".xml") ?? [])
            .filter { $0 != Self.referenceFile }
            .map { String($0.dropLast(4)) }
    }

    /// The folder's schema, loaded once per use; every tariff file is validated against it.
    public func schema() throws(DataError) -> XMLSchema {
        do {
            return try XMLSchema.load(fileAt: path(Self.schemaFile))
        } catch {
            throw .invalidTariffs(issues: error.issues)
        }
    }

    func bytes(_ file: String) throws(DataError) -> [UInt8] {
        do {
            return try FileReading.bytes(atPath: path(file), maxBytes: Self.maxFileBytes)
        } catch {
            throw .invalidTariffs(issues: error.issues)
        }
    }

    /// Parses and schema-validates one file's bytes; `fileName` names it in issues.
    static func document(_ bytes: [UInt8], fileName: String, schema: XMLSchema) throws(DataError) -> XMLDocument {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes: bytes, fileName: fileName, maxBytes: maxFileBytes)
        } catch {
            throw .invalidTariffs(issues: error.issues)
        }
        // The schema's own words for a wrong root ("no matching global declaration") help nobody.
        guard let root = document.root, ["reference", "city"].contains(root.name), root.namespaceURI == namespace else {
            let found = document.root.map { "<\($0.name)>" + ($0.namespaceURI.map { " in namespace \($0)" } ?? " without a namespace") }
            throw .invalidTariffs(issues: [XMLIssue(
                file: fileName, line: document.root?.line ?? 0,
                message: "the root element must be <reference> or <city> in namespace \(namespace), found \(found ?? "none")")])
        }
        let issues = schema.validate(document)
        guard issues.isEmpty else { throw .invalidTariffs(issues: issues) }
        return document
    }

    /// The national reference data.
    public func reference() throws(DataError) -> ReferenceData {
        try loadReference(schema: schema()).data
    }

    /// The reference data and one city's tariffs, the city's sources resolved against both files.
    public func load(cityID: String) throws(DataError) -> TariffSet {
        guard VisitReader.isCityID(cityID), cityIDs().contains(cityID) else {
            throw .unknownCity(id: cityID, directory: directory, available: cityIDs())
        }
        let schema = try schema()
        let reference = try loadReference(schema: schema)
        return TariffSet(reference: reference.data, city: try loadCity(cityID, schema: schema, sources: reference.sources))
    }

    /// Every city file, for listings; stops at the first broken file.
    public func loadAll() throws(DataError) -> [TariffSet] {
        let schema = try schema()
        let reference = try loadReference(schema: schema)
        var sets: [TariffSet] = []
        for id in cityIDs() {
            sets.append(TariffSet(reference: reference.data, city: try loadCity(id, schema: schema, sources: reference.sources)))
        }
        return sets
    }

    func loadReference(schema: XMLSchema) throws(DataError) -> ReferenceFile {
        try Self.readReference(bytes(Self.referenceFile), fileName: path(Self.referenceFile), schema: schema)
    }

    func loadCity(_ id: String, schema: XMLSchema, sources: [String: Source]) throws(DataError) -> CityTariffs {
        try Self.readCity(bytes("\(id).xml"), fileName: path("\(id).xml"), expectedID: id, schema: schema, sources: sources)
    }

    /// The reference file's data and the sources a city file may cite.
    public struct ReferenceFile: Sendable {
        public let data: ReferenceData
        public let sources: [String: Source]
    }

    /// Reads a reference file from bytes: parse, validate, check and map, as for a file in the folder.
    public static func readReference(_ bytes: [UInt8], fileName: String, schema: XMLSchema) throws(DataError) -> ReferenceFile {
        let document = try document(bytes, fileName: fileName, schema: schema)
        var reader = TariffReader(fileName: fileName, sources: [:])
        let data = reader.reference(document.root)
        guard reader.issues.isEmpty, let data else { throw .invalidTariffs(issues: reader.issues) }
        return ReferenceFile(data: data, sources: reader.sources)
    }

    /// Reads a city file from bytes; its sources resolve against `sources` (the reference file's) and its own.
    public static func readCity(
        _ bytes: [UInt8], fileName: String, expectedID: String, schema: XMLSchema, sources: [String: Source]
    ) throws(DataError) -> CityTariffs {
        let document = try document(bytes, fileName: fileName, schema: schema)
        var reader = TariffReader(fileName: fileName, sources: sources)
        let city = reader.city(document.root, expectedID: expectedID)
        guard reader.issues.isEmpty, let city else { throw .invalidTariffs(issues: reader.issues) }
        return city
    }

    /// Every problem in the folder: schema errors and semantic errors of every file, as `file:line: message`.
    public func check() -> [String] {
        let schema: XMLSchema
        do {
            schema = try self.schema()
        } catch {
            return [error.description]
        }
        var problems: [String] = []
        var sources: [String: Source] = [:]
        do {
            sources = try loadReference(schema: schema).sources
        } catch {
            problems.append(error.description)
        }
        let cities = cityIDs()
        if cities.isEmpty { problems.append("\(directory): no city files (*.xml besides \(Self.referenceFile))") }
        for id in cities {
            do {
                _ = try loadCity(id, schema: schema, sources: sources)
            } catch {
                problems.append(error.description)
            }
        }
        return problems
    }
}

/// The national reference data with one city's tariffs: everything the calculator needs.
public struct TariffSet: Sendable {
    public let reference: ReferenceData
    public let city: CityTariffs

    public init(reference: ReferenceData, city: CityTariffs) {
        self.reference = reference
        self.city = city
    }
}
