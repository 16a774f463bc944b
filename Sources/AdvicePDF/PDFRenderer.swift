import AdviceReport
import CPangoCairo

#if canImport(Glibc)
import Glibc
#endif

/// Why a sheet could not be written; no partial file is left behind in any case.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case outputExists(path: String)
    case fontMissing(family: String, substitute: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write the PDF: \(reason)"
        case .outputExists(let path): "\(path) exists already; use --force to overwrite it"
        case .fontMissing(let family, let substitute):
            "the font \"\(family)\" is not installed (Pango would use \"\(substitute)\"); install it with: apt-get install fonts-dejavu-core"
        }
    }
}

/// Document information written into the PDF.
public struct PDFDocumentInfo: Sendable {
    public var title: String
    public var author: String
    /// Carries the language (`Sprache: ru`); cairo 1.16 cannot write the catalogue's /Lang entry.
    public var subject: String
    public var keywords: String
    /// `YYYY-MM-DDThh:mm:ssZ`; fixed from `SOURCE_DATE_EPOCH` for byte-identical output.
    public var creationDate: String

    public init(title: String, author: String, subject: String, keywords: String, creationDate: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creationDate = creationDate
    }
}

/// Renders advice sheets to one PDF file: the household's sheet, then any second-language copy on its own pages.
public enum PDFRenderer {
    public static let fontFamily = "DejaVu Sans"

    /// Fails when Pango would silently substitute another font for DejaVu Sans.
    public static func checkFont(_ family: String = fontFamily) throws(PDFError) {
        guard let fontMap = pango_cairo_font_map_get_default(), let context = pango_font_map_create_context(fontMap) else {
            throw .fontMissing(family: family, substitute: "none")
        }
        defer { esp_object_unref(UnsafeMutableRawPointer(context)) }
        let description = pango_font_description_from_string(family)
        defer { pango_font_description_free(description) }
        guard let font = pango_font_map_load_font(fontMap, context, description) else {
            throw .fontMissing(family: family, substitute: "none")
        }
        defer { esp_object_unref(UnsafeMutableRawPointer(font)) }
        let loaded = pango_font_describe(font)
        defer { pango_font_description_free(loaded) }
        let name = pango_font_description_get_family(loaded).map { String(cString: $0) } ?? ""
        guard name == family else { throw .fontMissing(family: family, substitute: name) }
    }

    /// Writes the sheets to `path` through a temporary file in the same folder, renamed into place when complete;
    /// the file gets mode 0600 because a sheet describes a household.
    /// - Returns: the number of pages.
    @discardableResult
    public static func write(_ sheets: [AdviceSheet], to path: String, info: PDFDocumentInfo, overwrite: Bool) throws(PDFError) -> Int {
        if !overwrite && access(path, F_OK) == 0 { throw .outputExists(path: path) }
        // First choice: a file without a name until it is complete, so a killed process leaves nothing at all.
        let unnamed = esp_open_unnamed(directory(of: path))
        if unnamed >= 0 {
            defer { close(unnamed) }
            let pages = try render(sheets, to: .descriptor(unnamed), path: path, info: info)
            if !overwrite {
                guard esp_link_unnamed(unnamed, path) == 0 else { throw linkFailure(path) }
                return pages
            }
            // Replacing: name the complete file beside the target, then rename it over the target.
            let temporary = temporaryPath(for: path)
            guard esp_link_unnamed(unnamed, temporary) == 0 else { throw PDFError.cannotWrite(path: path, reason: errnoText()) }
            guard rename(temporary, path) == 0 else {
                let error = PDFError.cannotWrite(path: path, reason: errnoText())
                unlink(temporary)
                throw error
            }
            return pages
        }
        // File systems without O_TMPFILE: a hidden named temporary file.
        let temporary = temporaryPath(for: path)
        var pages = 0
        do throws(PDFError) {
            pages = try render(sheets, to: .path(temporary), path: path, info: info)
            guard chmod(temporary, 0o600) == 0 else { throw .cannotWrite(path: path, reason: errnoText()) }
            if overwrite {
                guard rename(temporary, path) == 0 else { throw PDFError.cannotWrite(path: path, reason: errnoText()) }
            } else {
                // link() refuses to replace a file that appeared meanwhile; rename() would not.
                guard link(temporary, path) == 0 else { throw linkFailure(path) }
                unlink(temporary)
            }
        } catch {
            unlink(temporary)
            throw error
        }
        return pages
    }

    static func render(_ sheets: [AdviceSheet], to output: Canvas.Output, path: String,
                       info: PDFDocumentInfo) throws(PDFError) -> Int {
        let canvas: Canvas
        do {
            canvas = try Canvas(output, path: path, fontFamily: fontFamily, language: sheets.first?.language ?? "de", metadata: [
                (CAIRO_PDF_METADATA_TITLE, info.title), (CAIRO_PDF_METADATA_AUTHOR, info.author),
                (CAIRO_PDF_METADATA_SUBJECT, info.subject), (CAIRO_PDF_METADATA_KEYWORDS, info.keywords),
                (CAIRO_PDF_METADATA_CREATOR, "esp"), (CAIRO_PDF_METADATA_CREATE_DATE, info.creationDate),
                (CAIRO_PDF_METADATA_MOD_DATE, info.creationDate),
            ])
        } catch {
            throw PDFError.cannotWrite(path: path, reason: reason(error))
        }
        for (index, sheet) in sheets.enumerated() {
            if index > 0 { canvas.newPage() }
            SheetLayout(canvas: canvas.switching(to: sheet.language), sheet: sheet).draw()
        }
        let pages = canvas.pages
        do {
            try canvas.finish()
        } catch {
            throw PDFError.cannotWrite(path: path, reason: reason(error))
        }
        return pages
    }

    static func reason(_ error: PDFError) -> String {
        if case .cannotWrite(_, let reason) = error { return reason }
        return error.description
    }

    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = PosixLock()

    /// The folder of `path`, "." for a bare file name.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let n = counterLock.withLock { () -> Int in
            counter += 1
            return counter
        }
        return "\(dir).\(name).\(getpid()).\(n).tmp"
    }

    /// Why naming a finished sheet failed: a file that appeared meanwhile is kept, never replaced.
    static func linkFailure(_ path: String) -> PDFError {
        errno == EEXIST ? .outputExists(path: path) : .cannotWrite(path: path, reason: errnoText())
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// A pthread mutex, so the module needs no Foundation.
final class PosixLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
