import EnergyAdvice
import SafeFiles
import SafeText
import SafeXML

/// The Tariffs/ folder: one schema, one national reference file and one file per city.
///
/// Every file is schema-validated, then checked for the rules a schema cannot express, before it becomes a
/// core value; problems come back as `file:line: message`.
public struct TariffLibrary: Sendable {
    /// The XML Schema every file of the folder must pass.
    public static let schemaFile = "esp-tariffs.xsd"
    /// The national figures (root `<reference>`); every other .xml file but the law file is a city.
    public static let referenceFile = "reference.xml"
    /// The law on cut-offs for non-payment (root `<energyLaw>`); optional: without it visits with energy debts
    /// cannot be advised.
    public static let energyLawFile = "energy-law.xml"
    /// The namespace of every root element; its last part is the format's version.
    public static let namespace = "urn:esp:tariffs:1"
    /// Tariff files are small; a much larger one is a mistake or an attack.
    public static let maxFileBytes = 4 << 20

    /// The path of the Tariffs/ folder.
    public let directory: String

    /// The folder at `directory`; nothing is read until a method asks.
    public init(directory: String) {
        self.directory = directory
    }

    func path(_ file: String) -> String { FilePath.join(directory, file) }

    /// City ids, from the file names (`nuernberg.xml` → `nuernberg`), sorted.
    public func cityIDs() -> [String] {
        (FilePath.names(inDirectory: directory, suffix: ".xml") ?? [])
            .filter { $0 != Self.referenceFile && $0 != Self.energyLawFile }
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
            return try FileReader.bytes(atPath: path(file), maxBytes: Self.maxFileBytes)
        } catch {
            throw .invalidTariffs(issues: XMLError(fileError: error).issues)
        }
    }

    /// Parses and schema-validates one file's bytes; `fileName` names it in issues, `roots` are the root elements
    /// the file may have.
    static func document(
        _ bytes: [UInt8], fileName: String, schema: XMLSchema, roots: [String] = ["reference", "city"]
    ) throws(DataError) -> XMLDocument {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes: bytes, fileName: fileName, maxBytes: maxFileBytes)
        } catch {
            throw .invalidTariffs(issues: error.issues)
        }
        // The schema's own words for a wrong root ("no matching global declaration") help nobody.
        guard let root = document.root, roots.contains(root.name), root.namespaceURI == namespace else {
            let found = document.root.map {
                "<\($0.name)>" + ($0.namespaceURI.map { " in namespace \($0)" } ?? " without a namespace")
            }
            throw .invalidTariffs(issues: [
                Diagnostic(
                    file: fileName, line: document.root?.line ?? 0,
                    message:
                        "the root element must be \(roots.map { "<\($0)>" }.joined(separator: " or ")) in namespace \(namespace), found \(found ?? "none")"
                )
            ])
        }
        let issues = schema.validate(document)
        guard issues.isEmpty else { throw .invalidTariffs(issues: issues.map(TariffSchemaWords.plain)) }
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
        return TariffSet(
            reference: reference.data, city: try loadCity(cityID, schema: schema, sources: reference.sources),
            energyLaw: try loadEnergyLaw(schema: schema)?.law)
    }

    /// Every city file, for listings; stops at the first broken file.
    public func loadAll() throws(DataError) -> [TariffSet] {
        let schema = try schema()
        let reference = try loadReference(schema: schema)
        let law = try loadEnergyLaw(schema: schema)?.law
        var sets: [TariffSet] = []
        for id in cityIDs() {
            sets.append(
                TariffSet(
                    reference: reference.data, city: try loadCity(id, schema: schema, sources: reference.sources),
                    energyLaw: law))
        }
        return sets
    }

    /// The law on cut-offs, or nil when the folder has no energy-law.xml.
    public func energyLaw() throws(DataError) -> EnergyDebtLaw? {
        try loadEnergyLaw(schema: schema())?.law
    }

    func loadEnergyLaw(schema: XMLSchema, today: CalendarDate? = nil) throws(DataError) -> EnergyLawFile? {
        guard FilePath.isRegularFile(path(Self.energyLawFile)) else { return nil }
        return try Self.readEnergyLaw(
            bytes(Self.energyLawFile), fileName: path(Self.energyLawFile), schema: schema, today: today)
    }

    func loadReference(schema: XMLSchema, today: CalendarDate? = nil) throws(DataError) -> ReferenceFile {
        try Self.readReference(
            bytes(Self.referenceFile), fileName: path(Self.referenceFile), schema: schema, today: today)
    }

    func loadCity(
        _ id: String, schema: XMLSchema, reference: ReferenceFile?,
        today: CalendarDate? = nil
    ) throws(DataError) -> CityFile {
        try Self.readCityFile(
            bytes("\(id).xml"), fileName: path("\(id).xml"), expectedID: id, schema: schema,
            sources: reference?.sources ?? [:], reference: reference?.data, today: today)
    }

    func loadCity(_ id: String, schema: XMLSchema, sources: [String: Source]) throws(DataError) -> CityTariffs {
        try Self.readCity(
            bytes("\(id).xml"), fileName: path("\(id).xml"), expectedID: id, schema: schema, sources: sources)
    }

    /// The reference file's data, the sources a city file may cite, and what looks mistyped.
    public struct ReferenceFile: Sendable {
        /// The national figures.
        public let data: ReferenceData
        /// The file's `<source>` elements by id.
        public let sources: [String: Source]
        /// Legal values that look mistyped; the data is usable.
        public let warnings: [Diagnostic]
    }

    /// The law file's data and what looks mistyped.
    public struct EnergyLawFile: Sendable {
        /// The rules on cut-offs, payment plans and public holidays.
        public let law: EnergyDebtLaw
        /// Legal values that look mistyped; the law is usable.
        public let warnings: [Diagnostic]
    }

    /// A city file's tariffs and what looks mistyped.
    public struct CityFile: Sendable {
        /// The city's tariffs, office and local figures.
        public let city: CityTariffs
        /// Legal values that look mistyped, some judged against the national figures; the tariffs are usable.
        public let warnings: [Diagnostic]
    }

    /// Reads a reference file from bytes: parse, validate, check and map, as for a file in the folder.
    public static func readReference(
        _ bytes: [UInt8], fileName: String, schema: XMLSchema,
        today: CalendarDate? = nil
    ) throws(DataError) -> ReferenceFile {
        let document = try document(bytes, fileName: fileName, schema: schema)
        var reader = TariffReader(fileName: fileName, sources: [:], today: today)
        let data = reader.reference(document.root)
        guard reader.issues.isEmpty, let data else { throw .invalidTariffs(issues: reader.issues) }
        return ReferenceFile(data: data, sources: reader.sources, warnings: reader.warnings)
    }

    /// Reads the law file from bytes: parse, validate, check and map, as for the file in the folder.
    public static func readEnergyLaw(
        _ bytes: [UInt8], fileName: String, schema: XMLSchema, today: CalendarDate? = nil
    ) throws(DataError) -> EnergyLawFile {
        let document = try document(bytes, fileName: fileName, schema: schema, roots: ["energyLaw"])
        var reader = TariffReader(fileName: fileName, sources: [:], today: today)
        let law = reader.energyLaw(document.root)
        guard reader.issues.isEmpty, let law else { throw .invalidTariffs(issues: reader.issues) }
        return EnergyLawFile(law: law, warnings: reader.warnings)
    }

    /// Reads a city file from bytes; its sources resolve against `sources` (the reference file's) and its own.
    public static func readCity(
        _ bytes: [UInt8], fileName: String, expectedID: String, schema: XMLSchema, sources: [String: Source]
    ) throws(DataError) -> CityTariffs {
        try readCityFile(bytes, fileName: fileName, expectedID: expectedID, schema: schema, sources: sources).city
    }

    /// A city file with the checks that need the national data (`reference`) or a day (`today`).
    public static func readCityFile(
        _ bytes: [UInt8], fileName: String, expectedID: String, schema: XMLSchema, sources: [String: Source],
        reference: ReferenceData? = nil, today: CalendarDate? = nil
    ) throws(DataError) -> CityFile {
        let document = try document(bytes, fileName: fileName, schema: schema)
        var reader = TariffReader(fileName: fileName, sources: sources, today: today, reference: reference)
        let city = reader.city(document.root, expectedID: expectedID)
        guard reader.issues.isEmpty, let city else { throw .invalidTariffs(issues: reader.issues) }
        return CityFile(city: city, warnings: reader.warnings)
    }

    /// Every problem in the folder: errors (schema and semantic; the file cannot be used) and warnings (legal values
    /// that look mistyped, data that runs out soon or has run out). `today` is the day of the check; without it no
    /// date is compared with the calendar.
    public func check(today: CalendarDate? = nil) -> TariffCheck {
        var result = TariffCheck()
        let schema: XMLSchema
        do {
            schema = try self.schema()
        } catch {
            result.diagnostics += error.diagnostics
            return result
        }
        var reference: ReferenceFile?
        do {
            let file = try loadReference(schema: schema, today: today)
            reference = file
            result.diagnostics += file.warnings
            result.diagnostics += Self.expiry(
                path(Self.referenceFile), file.data.validUntil, today: today,
                days: file.data.plausibility.expiryWarningDays)
        } catch {
            result.diagnostics += error.diagnostics
        }
        var law: EnergyLawFile?
        do {
            law = try loadEnergyLaw(schema: schema, today: today)
            if let law {
                result.diagnostics += law.warnings
                result.diagnostics += Self.lawExpiry(
                    path(Self.energyLawFile), law.law.validUntil, today: today,
                    days: reference?.data.plausibility.expiryWarningDays ?? 0)
            } else {
                result.diagnostics.append(
                    .warning(
                        file: directory,
                        "no \(Self.energyLawFile): visits that record energyDebt cannot be advised"))
            }
        } catch {
            result.diagnostics += error.diagnostics
        }
        let cities = cityIDs()
        if cities.isEmpty {
            result.diagnostics.append(
                Diagnostic(file: directory, message: "no city files (*.xml besides \(Self.referenceFile))"))
        }
        if reference == nil, !cities.isEmpty {
            result.diagnostics.append(
                .warning(
                    file: directory,
                    "city files checked against the schema only: their sources and prices are checked once \(Self.referenceFile) loads"
                ))
        }
        for id in cities {
            do {
                guard let reference else {
                    // The cities cite reference.xml's sources; without them every citation would be a second,
                    // misleading error. The schema still says what is wrong in the city file itself.
                    _ = try Self.document(bytes("\(id).xml"), fileName: path("\(id).xml"), schema: schema)
                    continue
                }
                let file = try loadCity(id, schema: schema, reference: reference, today: today)
                result.diagnostics += file.warnings
                if let law, let state = file.city.state,
                    !law.law.holidays.contains(where: { $0.states.contains(state) })
                {
                    result.diagnostics.append(
                        .warning(
                            file: path("\(id).xml"),
                            "state=\"\(state.rawValue)\" has no public holidays in \(Self.energyLawFile): its holidays would count as working days"
                        ))
                }
                result.diagnostics += Self.expiry(
                    path("\(id).xml"), file.city.validUntil, today: today,
                    days: reference.data.plausibility.expiryWarningDays)
            } catch {
                result.diagnostics += error.diagnostics
            }
        }
        return result
    }

    /// The law file's review date has passed, or comes within `days`: the laws it quotes may have changed.
    static func lawExpiry(_ file: String, _ validUntil: CalendarDate, today: CalendarDate?, days: Int) -> [Diagnostic] {
        guard let today else { return [] }
        let left = validUntil.dayNumber - today.dayNumber
        if left < 0 {
            return [
                .warning(
                    file: file,
                    "validUntil \(validUntil) has passed: re-read the laws its sources quote, correct what changed and renew the date"
                )
            ]
        }
        if left < days {
            return [
                .warning(
                    file: file,
                    "validUntil \(validUntil) is in \(left) days: re-read the laws its sources quote and renew the date before then"
                )
            ]
        }
        return []
    }

    /// A file whose data has run out, or runs out within `days`, on the day of the check.
    static func expiry(_ file: String, _ validUntil: CalendarDate, today: CalendarDate?, days: Int) -> [Diagnostic] {
        guard let today else { return [] }
        let left = validUntil.dayNumber - today.dayNumber
        if left < 0 {
            return [
                .warning(
                    file: file,
                    "validUntil \(validUntil) has passed: every advice warns; update the prices and the date (README: keeping the data current)"
                )
            ]
        }
        if left < days {
            return [
                .warning(
                    file: file,
                    "validUntil \(validUntil) is in \(left) days: check the prices and renew the date before then")
            ]
        }
        return []
    }
}
