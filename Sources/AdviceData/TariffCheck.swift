import EnergyAdvice
import SafeFiles
import SafeText
import SafeXML

/// What `esp tariffs check` found: errors make data unusable, warnings point at what looks wrong.
public struct TariffCheck: Sendable, Equatable {
    /// Errors and warnings, in the order of the files.
    public var diagnostics: [Diagnostic] = []

    /// A check that found `diagnostics`; none by default.
    public init(diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
    }

    /// The problems that make a file unusable; the data passes the check only without any.
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    /// What looks wrong but leaves the data usable: values that look mistyped, data that runs out soon, no law file.
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
}
