import AdviceWorkflows
import VisitRecords

/// How the command line words a use case's error: the plain words of the error, and what to type next where a flag
/// or command of esp helps (`--force`, `--replace`, `--confirm-unusual`), and the exit status.
struct ErrorWords {
    /// The message, without the `esp: ` prefix.
    let message: String
    /// 3 for an interview that stopped early (its draft is kept), 1 for everything else.
    let exitStatus: Int32
    /// Whether the message gets the `esp: ` prefix (an interview's stop message stands alone).
    let prefixed: Bool

    init(_ error: WorkflowError) {
        switch error {
        case .interviewStopped(let message):
            (self.message, exitStatus, prefixed) = (message, 3, false)
            return
        default:
            (exitStatus, prefixed) = (1, true)
        }
        message = Self.words(error) ?? error.description + (Self.hint(error).map { "; \($0)" } ?? "")
    }

    /// The whole message where the command line says it in its own terms.
    static func words(_ error: WorkflowError) -> String? {
        switch error {
        case .reversedDates(let from, let to): "--from \(from) is after --to \(to)"
        default: nil
        }
    }

    /// What the person at the terminal can do about `error`, in esp's flags and commands.
    static func hint(_ error: WorkflowError) -> String? {
        switch error {
        case .outputExists: return "use --force to overwrite it"
        case .duplicateVisit: return "give each visit its own id"
        case .store(let storeError): return hint(storeError)
        case .comparison(.notOneCity): return "make one per city with esp summary --format json --city CITY"
        case .summary(_, let problem):
            switch problem.problem {
            case .householdExport, .notASummary: return "make one with esp summary --format json --city CITY"
            default: return nil
            }
        default: return nil
        }
    }

    static func hint(_ error: StoreError) -> String? {
        switch error {
        case .noDefaultLocation: return "give the register with --register FILE"
        case .notFound: return "add visits first (esp register add VISIT), or check --register"
        case .notARegister: return "choose another file with --register"
        case .newerSchema: return "update esp to use it"
        case .locked: return "close the other esp and try again"
        case .unknownVisit: return "add its visit file first (esp register add FILE)"
        case .visitIdTaken:
            return "give this visit its own id, or add it with --replace to replace the registered one"
        case .forgotten: return "add it with --replace to register it again"
        case .followUp(_, let problem):
            switch problem {
            case .alreadyRecorded: return "correct it with --replace, or remove it with --delete"
            case .dateInFuture, .unusualElectricity, .unusualHeating:
                return "if it is right, record it with --confirm-unusual"
            case .meterAtVisitConflict: return "leave --meter-at-visit out or correct it"
            case .heatingBaselineEstimated:
                return "to compare heating, register the visit again with the heating bill of the year before the "
                    + "advice (esp register add --replace)"
            default: return nil
            }
        default: return nil
        }
    }
}
