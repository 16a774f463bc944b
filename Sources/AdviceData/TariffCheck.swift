import EnergyAdvice
import SafeFiles
import SafeText
import SafeXML

/// What `esp tariffs check` found: errors make data unusable, warnings point at what looks wrong.
public struct TariffCheck: Sendable, Equatable {
    /// Errors and warnings, in the order of the files.
    public var diagnostics: [Diagnostic] = []

    public init(diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
}
