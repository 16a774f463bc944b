import EnergyAdvice
import SafeFiles

/// A folder holding Tariffs/ (and, for texts, Locales/), found as Documentation/DataFolders.md says.
public struct DataDirectory: Sendable, Equatable {
    /// The path of the folder that holds Tariffs/.
    public let root: String

    /// The folder at `root`, taken as it is; ``locate(explicit:environment:executablePath:)`` checks for Tariffs/.
    public init(root: String) {
        self.root = root
    }

    /// The tariff files under root/Tariffs.
    public var tariffs: TariffLibrary { TariffLibrary(directory: FilePath.join(root, "Tariffs")) }
    /// The household texts, one XLIFF file a language; the staff texts are in its staff/ subfolder.
    public var localesPath: String { FilePath.join(root, "Locales") }

    /// Finds the data folder: `--data`, then `$ESP_DATA`, then PREFIX/share/esp beside the installed binary, then
    /// the checkout the binary was built in. An explicit choice that lacks Tariffs/ is an error, not a fallback.
    public static func locate(
        explicit: String?, environment: [String: String],
        executablePath: String?
    ) throws(DataError) -> DataDirectory {
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
            let binDir = FilePath.directory(of: executablePath)
            let share = FilePath.join(FilePath.directory(of: binDir), "share/esp")
            searched.append("\(share) (installed data)")
            if holdsTariffs(share) { return DataDirectory(root: share) }
            var dir = binDir
            while dir != "/" && !dir.isEmpty {
                if FilePath.isRegularFile(FilePath.join(dir, "Package.swift")) && holdsTariffs(dir) {
                    return DataDirectory(root: dir)
                }
                dir = FilePath.directory(of: dir)
            }
            searched.append("the folders above \(binDir) (a checkout with Package.swift and Tariffs/)")
        }
        throw .dataDirectoryNotFound(searched: searched)
    }

    static func holdsTariffs(_ dir: String) -> Bool { FilePath.isDirectory(FilePath.join(dir, "Tariffs")) }
}
