import AdviceData
import AdviceLocalization
import EnergyAdvice
import SafeFiles
import SafeXML

#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer targets for every parser of untrusted input. `make fuzz` builds this with `-sanitize=fuzzer,address`
/// and `-D ESP_FUZZ`, which hands `main` to libFuzzer's driver; a normal build only checks that it compiles.
///
/// The target is chosen by `ESP_FUZZ_TARGET` (one binary, so the parsers are instrumented once):
/// `visit-json`, `tariff-xml`, `xliff`, `icu-message`. `ESP_DATA` names the checkout (for Tariffs/), default `.`.
/// A target traps (and libFuzzer saves the input) when a property fails, not only on a crash.

enum FuzzTarget: String, CaseIterable {
    case visitJSON = "visit-json"
    case tariffXML = "tariff-xml"
    case xliff
    case icuMessage = "icu-message"
}

/// What the targets need once per process: the schema and the reference sources a city file cites.
struct FuzzSetup: @unchecked Sendable {
    let target: FuzzTarget
    let schema: XMLSchema
    let sources: [String: Source]

    static let shared: FuzzSetup = {
        let name = getenv("ESP_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fail("set ESP_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let root = getenv("ESP_DATA").map { String(cString: $0) } ?? "."
        let library = TariffLibrary(directory: root + "/Tariffs")
        do {
            let schema = try library.schema()
            let reference = try FileReader.bytes(
                atPath: root + "/Tariffs/reference.xml", maxBytes: TariffLibrary.maxFileBytes)
            let sources = try TariffLibrary.readReference(reference, fileName: "reference.xml", schema: schema).sources
            return FuzzSetup(target: target, schema: schema, sources: sources)
        } catch {
            fail("cannot load \(root)/Tariffs: \(error)")
        }
    }()
}

func fail(_ message: String) -> Never {
    let line = Array("esp-fuzz: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

/// libFuzzer's entry point: one input for the `ESP_FUZZ_TARGET` parser; a failed property traps. Always returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let setup = FuzzSetup.shared
    switch setup.target {
    case .visitJSON: fuzzVisit(bytes)
    case .tariffXML: fuzzTariffs(bytes, setup)
    case .xliff: fuzzLocaleFile(bytes)
    case .icuMessage: fuzzMessage(bytes)
    }
    return 0
}

/// A visit that decodes must survive writing and reading back unchanged, and advising must not trap.
func fuzzVisit(_ bytes: [UInt8]) {
    guard let visit = try? VisitDecoder.decode(bytes, path: "fuzz.json") else { return }
    let written = Array(VisitEncoder.text(visit).utf8)
    guard let again = try? VisitDecoder.decode(written, path: "fuzz-written.json"), again == visit else {
        fatalError("a decoded visit did not read back equal after VisitEncoder")
    }
}

/// The first byte picks the reference file (0), a city file (1) or the energy law (2), so every reader gets mutated
/// input.
func fuzzTariffs(_ bytes: [UInt8], _ setup: FuzzSetup) {
    guard let first = bytes.first else { return }
    let body = Array(bytes.dropFirst())
    switch first % 3 {
    case 0:
        _ = try? TariffLibrary.readReference(body, fileName: "reference.xml", schema: setup.schema)
    case 1:
        _ = try? TariffLibrary.readCity(
            body, fileName: "nuernberg.xml", expectedID: "nuernberg", schema: setup.schema, sources: setup.sources)
    default:
        _ = try? TariffLibrary.readEnergyLaw(body, fileName: "energy-law.xml", schema: setup.schema)
    }
}

func fuzzLocaleFile(_ bytes: [UInt8]) {
    let (file, _) = LocaleFile.read(bytes: bytes, path: "ru.xlf", expectedLanguage: "ru")
    // Every text of a readable file goes through the message parser too, as the localizer does.
    for unit in file?.units.values ?? [:].values {
        _ = try? MessageFormat(parsing: unit.target ?? unit.source)
    }
}

/// A message that parses is formatted with every plural category of Russian and with missing arguments.
func fuzzMessage(_ bytes: [UInt8]) {
    guard let message = try? MessageFormat(parsing: String(decoding: bytes, as: UTF8.self)) else { return }
    let rules = PluralRules.forLanguage("ru")
    for n in [0.0, 1, 2, 5, 1.5, 21] {
        var arguments: [String: MessageArgument] = [:]
        for name in message.placeholders {
            arguments[name] = .number(n, shown: "\(n)", fractionDigits: n == 1.5 ? 1 : 0)
        }
        _ = message.format(arguments, rules: rules)
    }
    _ = message.format([:], rules: rules)
}

#if ESP_FUZZ
// libFuzzer's entry for programs that keep their own main (SwiftPM names the executable's entry point itself).
// libFuzzer defines the name.
// swift-format-ignore: AlwaysUseLowerCamelCase
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argumentCount = CommandLine.argc
var arguments = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &arguments, { fuzzOneInput($0, $1) }))
#else
fail("build with `make fuzz` (libFuzzer and AddressSanitizer); this build only checks that the targets compile")
#endif
