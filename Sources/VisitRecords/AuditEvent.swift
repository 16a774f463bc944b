/// One read or change of a household's data, as a register's append-only audit log keeps it: who, when, what.
public struct AuditEvent: Sendable, Equatable {
    /// When it happened (UTC, ISO 8601), by the register's clock.
    public var at: String
    /// Who did it: the database user of an office register, the system user on a laptop.
    public var actor: String
    /// What was done.
    public var action: AuditAction
    /// The household's visit id.
    public var visitId: String
    /// More about it where there is more to say (the rule a purge followed, the register a push came from).
    public var detail: String?

    /// An event as the log holds it.
    public init(at: String, actor: String, action: AuditAction, visitId: String, detail: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.visitId = visitId
        self.detail = detail
    }
}

/// What was done with a household's data.
public enum AuditAction: String, Sendable, CaseIterable {
    /// The visit was read with its documents (shown, opened).
    case viewed
    /// The visit's figures were read in a list or an export.
    case listed
    /// The visit was registered.
    case added
    /// Its advice or, replaced, the visit itself changed.
    case updated
    /// A follow-up was recorded.
    case followUpRecorded = "follow-up-recorded"
    /// A follow-up was corrected.
    case followUpCorrected = "follow-up-corrected"
    /// A follow-up was deleted.
    case followUpDeleted = "follow-up-deleted"
    /// The household's personal data was deleted on request.
    case forgotten
    /// Its personal data was deleted because the retention period had ended.
    case purged
    /// Everything held about it was written out for the household (a subject-access request).
    case disclosed
    /// It was read to be sent to another register (a push or pull).
    case sent
    /// It came from another register (a push or pull).
    case received
    /// Another advisor was given access to it, or access was taken back.
    case assigned
}
