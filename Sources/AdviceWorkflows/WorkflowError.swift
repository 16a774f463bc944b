import AdviceData
import AdviceLocalization
import AdvicePDF
import VisitQuestionnaire
import VisitRegister

/// Why a use case of esp did not complete, for whoever runs it: the message to show and the exit status a command
/// line front end ends with. Every error of the libraries below arrives here in one of these cases.
public enum WorkflowError: Error, Sendable, CustomStringConvertible {
    case data(DataError)
    case texts(LocaleError)
    case register(RegisterError)
    case sheet(PDFError)
    case visit(QuestionnaireError)
    /// The request cannot be carried out as given (a folder without visit files, -o for many visits, …).
    case refused(String)
    /// The problems were reported one by one already; this sums them up.
    case failed(summary: String)
    /// The interview ended before its last question; the draft is kept and the message says how to continue.
    case interviewStopped(message: String)

    /// 3 for an interview that stopped early (its draft is kept), 1 for everything else.
    public var exitCode: Int32 {
        if case .interviewStopped = self { return 3 }
        return 1
    }

    public var description: String {
        switch self {
        case .data(let error): error.description
        case .texts(let error): error.description
        case .register(let error): error.description
        case .sheet(let error): error.description
        case .visit(let error): error.description
        case .refused(let message), .failed(let message), .interviewStopped(let message): message
        }
    }
}
