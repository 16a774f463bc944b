import AdviceWorkflows
import SafeFiles

/// Visit files as a person names them. A folder stands for the `*.json` files in it, sorted: a clerk passes a
/// month's folder, and ten thousand visits need not pass through an argument parser one by one, whose cost grows
/// with the square of the argument count (11.5 s of 10,000 files' 19 s in `esp register add`).
enum VisitFiles {
    static func expand(_ arguments: [String]) throws(CommandFailure) -> [String] {
        var files: [String] = []
        for argument in arguments {
            guard FilePath.isDirectory(argument) else {
                files.append(argument)  // a missing or unreadable file is reported where it is read
                continue
            }
            guard let names = FilePath.names(inDirectory: argument, suffix: ".json") else {
                throw CommandFailure(summary: "\(argument): the folder cannot be read")
            }
            guard !names.isEmpty else {
                throw CommandFailure(summary: "\(argument): the folder holds no visit files (*.json)")
            }
            files += names.map { FilePath.join(argument, $0) }
        }
        return files
    }
}
