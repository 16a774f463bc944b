// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "esp",
    // Linux only (Debian 12 with Swift 6.3 is what is built and tested): the file, process and PDF code uses Glibc,
    // /proc and O_TMPFILE, and fontconfig's DejaVu fonts. No Apple platform is claimed.
    products: [
        .executable(name: "esp", targets: ["esp"]),
        .library(name: "EnergyAdvice", targets: ["EnergyAdvice"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.9.0"..<"5.0.0"),
        // The web front end only (WebFrontEnd, its tests, the esp executable); no core library depends on it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // TLS for esp serve on an office network (already built for PostgresNIO's encrypted connections).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        /// Which characters of file text may reach a terminal or a sheet, and how messages quote the others.
        .target(name: "SafeText"),
        /// Reading and writing whole files safely: size-capped reads, atomic writes with a mode, paths, a lock.
        .target(name: "SafeFiles"),
        /// Safe reading, XSD validation and writing of XML over libxml2.
        .target(name: "SafeXML", dependencies: ["CLibXML2", "SafeFiles", "SafeText"]),
        /// JSON text with source positions: parse for precise errors, write deterministically.
        .target(name: "JSONText"),
        /// The pure calculation core: household in, savings out.
        .target(name: "EnergyAdvice"),
        /// Loads Tariffs/ (XML) and visit files (JSON) into core types.
        .target(name: "AdviceData", dependencies: ["EnergyAdvice", "SafeFiles", "SafeText", "SafeXML", "JSONText"]),
        /// Loads Locales/ (XLIFF), plural rules, ICU messages, number and date formatting per locale.
        .target(name: "AdviceLocalization", dependencies: ["SafeFiles", "SafeText", "SafeXML"]),
        /// Builds the advice sheet once as a document model and renders it to terminal text and JSON.
        .target(name: "AdviceReport", dependencies: ["EnergyAdvice", "JSONText", "AdviceLocalization", "SafeText"]),
        /// Lays the advice sheet out on A4 and writes it as PDF through Pango and Cairo.
        .target(name: "AdvicePDF", dependencies: ["AdviceLocalization", "AdviceReport", "CPangoCairo", "SafeFiles"]),
        /// The interactive visit questionnaire: a pure engine from answers to a visit, drafts, and thin terminal I/O.
        .target(name: "VisitQuestionnaire", dependencies: ["EnergyAdvice", "AdviceData", "JSONText", "SafeFiles"]),
        /// What a programme's register holds and how it is summed, for every store: registered visits, follow-ups and
        /// their rules, the programme summary (with its JSON), exports, and the `VisitStore` protocol. Pure Swift.
        .target(name: "VisitRecords", dependencies: ["EnergyAdvice", "JSONText"]),
        /// The register in a local SQLite file (GRDB): a laptop's `VisitStore`.
        .target(
            name: "SQLiteVisitStore",
            dependencies: [
                "EnergyAdvice", "SafeFiles", "VisitRecords", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        /// The office's register in PostgreSQL (PostgresNIO): one `VisitStore` for many advisors, with roles and
        /// row-level security, an append-only audit log and aggregates computed in SQL.
        .target(
            name: "PostgresVisitStore",
            dependencies: [
                "EnergyAdvice", "SafeFiles", "VisitRecords", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]),
        /// Opens the register a front end is given — a file path (SQLite) or a `postgresql://` URL — in one place
        /// for the command line and the web.
        .target(name: "RegisterConnection", dependencies: ["PostgresVisitStore", "SQLiteVisitStore", "VisitRecords"]),
        /// What staff read of the register and the programme: register lists, follow-up and summary text, the
        /// council report and the city comparison as document models, in the staff's language.
        .target(
            name: "OfficeReports",
            dependencies: [
                "AdviceData", "AdviceLocalization", "AdviceReport", "EnergyAdvice", "JSONText", "SafeText",
                "VisitRecords",
            ]),
        /// The use cases of esp — advise, print sheets, record visits, keep the register, check the data — for any
        /// front end: the command line today, a web or desktop front end later.
        .target(
            name: "AdviceWorkflows",
            dependencies: [
                "AdviceData", "AdviceLocalization", "AdvicePDF", "AdviceReport", "EnergyAdvice", "JSONText",
                "OfficeReports", "SafeFiles", "SafeText", "VisitQuestionnaire", "VisitRecords",
            ]),
        /// The command line's commands: each parses, calls one use case of AdviceWorkflows, prints.
        .target(
            name: "ESPCommandLine",
            dependencies: [
                "AdviceWorkflows", "AdviceData", "AdviceReport", "EnergyAdvice", "OfficeReports", "PostgresVisitStore",
                "RegisterConnection", "SafeFiles", "SafeText", "SQLiteVisitStore", "VisitQuestionnaire", "VisitRecords",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// `esp serve`: the advisor's and the office's pages and the JSON API over the same use cases (Hummingbird).
        .target(
            name: "WebFrontEnd",
            dependencies: [
                "AdviceData", "AdviceLocalization", "AdviceReport", "AdviceWorkflows", "EnergyAdvice", "JSONText",
                "OfficeReports", "SafeFiles", "SafeText", "VisitQuestionnaire", "VisitRecords",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
        ),
        /// The `esp` executable: runs ESPCommandLine's ESP, with the web front end behind `esp serve`.
        .executableTarget(name: "esp", dependencies: ["ESPCommandLine", "VisitRecords", "WebFrontEnd"]),
        /// Generated valid households (seeded) for the property tests and the core benchmark.
        .target(name: "HouseholdGenerator", dependencies: ["EnergyAdvice"], path: "Tests/HouseholdGenerator"),
        /// The manifest of Tests/AdversarialCorpus, read by the data and the localization tests.
        .target(name: "CorpusManifest", dependencies: ["TestSupport"], path: "Tests/CorpusManifest"),
        /// `make bench`: the calculation core alone, many generated households in one process.
        .executableTarget(
            name: "esp-core-benchmark", dependencies: ["AdviceData", "EnergyAdvice", "HouseholdGenerator"],
            path: "Benchmarks/CoreBenchmark"),
        /// `make fuzz`: libFuzzer targets for the visit JSON, tariff XML, XLIFF and ICU message parsers.
        .executableTarget(
            name: "esp-fuzz",
            dependencies: ["AdviceData", "AdviceLocalization", "EnergyAdvice", "SafeFiles", "SafeXML"],
            path: "Tests/Fuzz", exclude: ["fuzz.sh", "Dictionaries"]),
        /// What every test target shares: the checkout's data, temporary folders, typed-error capture, and running
        /// `esp` commands in process.
        .target(
            name: "TestSupport", dependencies: ["AdviceData", "ESPCommandLine", "SafeFiles"], path: "Tests/TestSupport"),
        .testTarget(name: "SafeTextTests", dependencies: ["SafeText", "TestSupport"]),
        .testTarget(name: "SafeFilesTests", dependencies: ["SafeFiles", "TestSupport"]),
        .testTarget(name: "SafeXMLTests", dependencies: ["SafeText", "SafeXML", "TestSupport"]),
        .testTarget(name: "JSONTextTests", dependencies: ["JSONText", "TestSupport"]),
        .testTarget(name: "EnergyAdviceTests", dependencies: ["EnergyAdvice", "HouseholdGenerator", "TestSupport"]),
        .testTarget(
            name: "AdviceDataTests",
            dependencies: [
                "AdviceData", "CorpusManifest", "EnergyAdvice", "HouseholdGenerator", "SafeText", "TestSupport",
            ]),
        .testTarget(
            name: "AdviceLocalizationTests", dependencies: ["AdviceLocalization", "CorpusManifest", "TestSupport"],
            exclude: ["CLDR"]),
        .testTarget(
            name: "AdviceReportTests",
            dependencies: [
                "AdviceReport", "AdviceData", "EnergyAdvice", "HouseholdGenerator", "TestSupport",
            ], exclude: ["Golden"]),
        .testTarget(
            name: "AdvicePDFTests",
            dependencies: [
                "AdvicePDF", "AdviceReport", "AdviceData", "AdviceLocalization", "SafeFiles", "TestSupport",
            ], exclude: ["Golden"]),
        .testTarget(
            name: "VisitQuestionnaireTests",
            dependencies: [
                "VisitQuestionnaire", "AdviceData", "EnergyAdvice", "TestSupport",
            ]),
        .testTarget(
            name: "VisitRecordsTests",
            dependencies: [
                "VisitRecords", "VisitStoreContract", "AdviceData", "EnergyAdvice", "JSONText", "TestSupport",
            ]),
        /// The contract every `VisitStore` passes; each store's test target runs it on its own store.
        .target(
            name: "VisitStoreContract",
            dependencies: ["AdviceData", "EnergyAdvice", "JSONText", "TestSupport", "VisitRecords"],
            path: "Tests/VisitStoreContract"),
        .testTarget(
            name: "SQLiteVisitStoreTests",
            dependencies: [
                "SQLiteVisitStore", "VisitRecords", "VisitStoreContract", "EnergyAdvice", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "PostgresVisitStoreTests",
            dependencies: [
                "esp", "AdviceWorkflows", "EnergyAdvice", "ESPCommandLine", "PostgresVisitStore", "RegisterConnection",
                "SQLiteVisitStore", "TestSupport", "VisitRecords", "VisitStoreContract", "WebFrontEnd",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "OfficeReportsTests",
            dependencies: [
                "OfficeReports", "AdviceLocalization", "AdviceReport", "EnergyAdvice", "TestSupport", "VisitRecords",
                "VisitStoreContract",
            ]),
        .testTarget(
            name: "AdviceWorkflowsTests",
            dependencies: [
                "AdviceWorkflows", "AdviceData", "EnergyAdvice", "SafeFiles", "SQLiteVisitStore", "TestSupport",
                "VisitRecords",
            ]),
        .testTarget(
            name: "WebFrontEndTests",
            dependencies: [
                "WebFrontEnd", "AdviceWorkflows", "AdviceData", "EnergyAdvice", "ESPCommandLine", "JSONText",
                "SQLiteVisitStore", "TestSupport", "VisitRecords",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "espTests",
            dependencies: [
                "esp", "ESPCommandLine", "TestSupport", "SQLiteVisitStore", "VisitRecords", "AdviceWorkflows",
                .product(name: "GRDB", package: "GRDB.swift"),
            ], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)

// Every warning in our own targets is an error (dependencies are not affected).
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.treatAllWarnings(as: .error)]
}
