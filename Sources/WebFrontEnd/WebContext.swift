import Hummingbird

/// What a request carries besides itself: the browser's session (for form tokens), the staff's language and the
/// address it came from (for counting failed logins).
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The session id from the `esp_session` cookie, or a new one (then set on the response).
    var session = ""
    /// True when ``session`` is new and the response sets its cookie.
    var isNewSession = false
    /// `de` or `en`, from the `esp_lang` cookie.
    var language = "de"
    /// The client's IP address, or "" when unknown (a test without a socket).
    var clientAddress = ""
    /// The login session's token from the `esp_login` cookie, when it names an open session.
    var loginToken: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? ""
    }
}
