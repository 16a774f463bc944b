import Hummingbird

/// What a request carries besides itself: the browser's session (for form tokens) and the staff's language.
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The session id from the `esp_session` cookie, or a new one (then set on the response).
    var session = ""
    /// True when ``session`` is new and the response sets its cookie.
    var isNewSession = false
    /// `de` or `en`, from the `esp_lang` cookie.
    var language = "de"

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
