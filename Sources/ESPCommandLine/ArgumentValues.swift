import AdviceWorkflows
import ArgumentParser
import EnergyAdvice
import VisitRecords

/// The values commands take from the command line.
extension CalendarDate: ExpressibleByArgument {
    /// A day given as `YYYY-MM-DD` on the command line.
    public init?(argument: String) { self.init(iso: argument) }
}

extension MeasureKind {
    /// `led,standby` as steps; an unknown one names the steps there are.
    static func list(_ text: String) throws -> [MeasureKind] {
        try text.split(separator: ",").map { raw in
            // Case does not matter: an advisor types LED as often as led.
            guard let kind = MeasureKind(rawValue: raw.lowercased()) else {
                throw ValidationError(
                    "\"\(raw)\" is not a step; allowed: \(MeasureKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return kind
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}

/// A yes-or-no answer on the command line: `yes` or `no`, also in German (`ja`, `nein`), in any case.
enum Answer {
    static let yes = ["yes", "ja"]
    static let no = ["no", "nein"]

    static func parse(_ text: String) throws -> Bool {
        let word = text.lowercased()
        if yes.contains(word) { return true }
        if no.contains(word) { return false }
        throw ValidationError("\"\(text)\" is not an answer; allowed: yes, no (or ja, nein)")
    }
}
