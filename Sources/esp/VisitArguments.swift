import ArgumentParser
import SafeFiles

#if canImport(Glibc)
import Glibc
#endif

/// Visit arguments as files. A folder stands for the `*.json` files in it, sorted: a clerk passes a month's folder,
/// and ten thousand visits need not pass through the argument parser one by one, whose cost grows with the
/// square of the argument count (11.5 s of 10,000 files' 19 s in `esp register add`).
enum VisitArguments {
    static func files(_ arguments: [String]) throws -> [String] {
        var files: [String] = []
        for argument in arguments {
            var info = stat()
            guard stat(argument, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                files.append(argument)  // a missing or unreadable file is reported where it is read
                continue
            }
            guard let names = FilePath.names(inDirectory: argument, suffix: ".json") else {
                Output.error("esp: \(argument): the folder cannot be read")
                throw ExitCode(1)
            }
            guard !names.isEmpty else {
                Output.error("esp: \(argument): the folder holds no visit files (*.json)")
                throw ExitCode(1)
            }
            let folder = argument.hasSuffix("/") ? argument : argument + "/"
            files += names.map { folder + $0 }
        }
        return files
    }
}
