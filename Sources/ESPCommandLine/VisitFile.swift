import AdviceData
import AdviceWorkflows
import EnergyAdvice

/// Visit files as the command line reads them.
enum VisitFile {
    /// The visit in `path` (`esp-visit/1`), checked.
    static func read(_ path: String) throws(WorkflowError) -> Visit {
        do {
            return try VisitDecoder.load(path: path)
        } catch {
            throw .data(error)
        }
    }
}
