import EnergyAdvice

#if canImport(Glibc)
import Glibc
#endif

/// A folder holding Tariffs/ (and, for texts, Locales/), found the way DESIGN.md prescribes.
public struct DataDirectory: Sendable, Equatable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var tariffs: TariffLibrary { TariffLibrary(directory: join(root, "Tariffs")) }
    public var localesPath: String { join(root, "Locales") }

    /// Finds the data folder: `--data`, then `$ESP_DATA`, then PREFIX/share/esp beside the installed binary, then
    /// the checkout the binary was built in. An explicit choice that lacks Tariffs/ is an error, not a fallback.
    public static func locate(explicit: String?, environment: [String: String],
                              executablePath: String?) throws(DataError) -> DataDirectory {
        if let explicit {
            guard holdsTariffs(explicit) else { throw .dataDirectoryNotFound(searched: ["\(explicit) (--data)"]) }
            return DataDirectory(root: explicit)
        }
        if let env = environment["ESP_DATA"], !env.isEmpty {
            guard holdsTariffs(env) else { throw .dataDirectoryNotFound(searched: ["\(env) ($ESP_DATA)"]) }
            return DataDirectory(root: env)
        }
        var searched: [String] = []
        if let executablePath {
            let binDir = parent(executablePath)
            let share = join(parent(binDir), "share/esp")
            searched.append("\(share) (installed data)")
            if holdsTariffs(share) { return DataDirectory(root: share) }
            var dir = binDir
            while dir != "/" && !dir.isEmpty {
                if isFile(join(dir, "Package.swift")) && holdsTariffs(dir) { return DataDirectory(root: dir) }
                dir = parent(dir)
            }
            searched.append("the folders above \(binDir) (a checkout with Package.swift and Tariffs/)")
        }
        throw .dataDirectoryNotFound(searched: searched)
    }

    static func holdsTariffs(_ dir: String) -> Bool { isDirectory(join(dir, "Tariffs")) }
}

func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }

func parent(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
}

func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

func isFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}

/// Loads a visit and the data it needs, and computes its advice.
public enum AdvicePipeline {
    public static func advise(visitPath: String, data: DataDirectory) throws(DataError) -> Advice {
        try AdviceSession(data: data).advise(visitPath: visitPath).advice
    }
}
