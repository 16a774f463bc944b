import CPangoCairo

#if canImport(Glibc)
import Glibc
#endif

/// Laid-out paragraphs kept across the sheets one thread writes. Most texts of a sheet (headings, the why and how
/// of each step, tips, the office box, the small print) repeat from sheet to sheet, and shaping them again was a
/// fifth of the CPU of a batch. Pango objects are not thread-safe, so there is one cache per thread.
final class TextCache {
    struct Key: Hashable {
        var text: String
        var width: Int32
        var size: Double
        var bold: Bool
        var align: UInt32
        var figure: Bool
        var language: String
        var family: String
    }

    /// Past this many layouts the cache starts afresh, so a long batch keeps flat memory.
    static let limit = 4000

    /// One Pango context per language: changing a context's language would throw away every layout made with it.
    private var contexts: [String: OpaquePointer] = [:]
    private var layouts: [Key: OpaquePointer] = [:]

    deinit {
        for layout in layouts.values { esp_object_unref(UnsafeMutableRawPointer(layout)) }
        for context in contexts.values { esp_object_unref(UnsafeMutableRawPointer(context)) }
    }

    /// The context for `language`, made from the first document's `cairo`. Every sheet's PDF surface has the same
    /// font options and an identity matrix, so the context fits later documents as it is; updating it for each
    /// (`pango_cairo_update_context`) marks it changed and every cached layout would be shaped again.
    func context(language: String, cairo: OpaquePointer) -> OpaquePointer? {
        if let context = contexts[language] { return context }
        guard let context = pango_cairo_create_context(cairo) else { return nil }
        pango_context_set_language(context, pango_language_from_string(language))
        // A paragraph that starts with a number ("2.300 kWh …") takes the page's direction, not the number's.
        if Canvas.isRightToLeft(language) { pango_context_set_base_dir(context, PANGO_DIRECTION_RTL) }
        contexts[language] = context
        return context
    }

    /// The cached layout for `key`, or the one `make` lays out now; the caller owns one reference.
    func layout(_ key: Key, make: () -> OpaquePointer?) -> OpaquePointer? {
        if let layout = layouts[key] {
            esp_object_ref(UnsafeMutableRawPointer(layout))
            return layout
        }
        guard let layout = make() else { return nil }
        if layouts.count >= Self.limit {
            for old in layouts.values { esp_object_unref(UnsafeMutableRawPointer(old)) }
            layouts.removeAll(keepingCapacity: true)
        }
        esp_object_ref(UnsafeMutableRawPointer(layout))
        layouts[key] = layout
        return layout
    }

    /// This thread's cache, made on first use and released when the thread ends.
    static func current() -> TextCache {
        if let pointer = pthread_getspecific(threadKey) {
            return Unmanaged<TextCache>.fromOpaque(pointer).takeUnretainedValue()
        }
        let cache = TextCache()
        pthread_setspecific(threadKey, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }
}

private let threadKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { pointer in
        if let pointer { Unmanaged<TextCache>.fromOpaque(pointer).release() }
    }
    return key
}()
