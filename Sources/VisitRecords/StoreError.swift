import EnergyAdvice

/// Why a ``VisitStore`` did not do what was asked: the facts, for each front end to word (the command line with its
/// flags and exit codes, the web with its HTTP status). ``description`` words them plainly, naming no front end.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No register was named and there is no default place for one (neither `$XDG_DATA_HOME` nor `$HOME`).
    case noDefaultLocation
    /// The register does not exist; reading never creates one.
    case notFound(location: String)
    /// The register or its folder could not be created.
    case cannotCreate(location: String, reason: String)
    /// The register exists but could not be opened or reached.
    case cannotOpen(location: String, reason: String)
    /// The register's address is not one a store can open; `problem` says what is wrong with it.
    case badAddress(address: String, problem: String)
    /// The database server did not answer (wrong host or port, server down, no network).
    case unreachable(location: String, reason: String)
    /// The connection to the database server broke off; what was not committed was rolled back.
    case connectionLost(location: String)
    /// The database has no esp register yet, and this user may not set one up.
    case notSetUp(location: String)
    /// The register has an older schema than this esp, and this user may not bring it up to date.
    case olderSchema(location: String, version: Int)
    /// Not an esp register (another program's database); it was left untouched.
    case notARegister(location: String, detail: String)
    /// Written by a newer esp (a schema version this esp does not know); it was left untouched.
    case newerSchema(location: String, detail: String)
    /// Another program held the register longer than the store waits.
    case locked(location: String, waitedSeconds: Double)
    /// The register can be read but not changed here (a read-only file, or a role without that right).
    case readOnly(location: String)
    /// The server refused the user name or password.
    case authenticationFailed(location: String, user: String)
    /// The user's role may not do this (row-level security, or a role that sees aggregates only).
    case permissionDenied(location: String, action: String)
    /// Any other database failure, with the database's own words.
    case database(location: String, reason: String)
    /// No visit with this id is in the register (or none the user may see).
    case unknownVisit(visitId: String)
    /// Another visit (other content) is registered under this id; nothing was changed.
    case visitIdTaken(visitId: String, registered: RegisteredIdentity)
    /// The id is registered for a visit this user may not see; nothing was changed.
    case visitIdTakenUnseen(visitId: String)
    /// A follow-up broke a rule of ``FollowUpRules``; nothing was recorded.
    case followUp(visitId: String, FollowUpProblem)
    /// The household's personal data was deleted; only its anonymous figures are left.
    case forgotten(visitId: String, at: String)

    /// What is wrong, with which register or visit, in plain English.
    public var description: String {
        switch self {
        case .noDefaultLocation:
            "no place for the register: neither XDG_DATA_HOME nor HOME is set"
        case .notFound(let location):
            "\(location): there is no register here; visits are added to a register first"
        case .cannotCreate(let location, let reason):
            "\(location): cannot create the register: \(reason)"
        case .cannotOpen(let location, let reason):
            "\(location): cannot open the register: \(reason)"
        case .badAddress(let address, let problem):
            "\(address): not a register address: \(problem)"
        case .unreachable(let location, let reason):
            "\(location): the database server does not answer (\(reason)); nothing was changed"
        case .connectionLost(let location):
            "\(location): the connection to the database server broke off; what was not finished was not saved"
        case .notSetUp(let location):
            "\(location): there is no esp register in this database yet, and this user may not set one up"
        case .olderSchema(let location, let version):
            "\(location): the register has schema \(version), older than this esp's \(RegisterSchema.version), and this "
                + "user may not bring it up to date"
        case .notARegister(let location, let detail):
            "\(location): this is not an esp visit register (\(detail)); esp did not change it"
        case .newerSchema(let location, let detail):
            "\(location): the register was written by a newer esp (\(detail)); esp did not change it"
        case .locked(let location, let waited):
            "\(location): the register is in use by another program (waited \(PlainNumber.text(waited)) s)"
        case .readOnly(let location):
            "\(location): the register can be read here but not changed"
        case .authenticationFailed(let location, let user):
            "\(location): the server refused user \(user) (wrong name or password)"
        case .permissionDenied(let location, let action):
            "\(location): this user may not \(action)"
        case .database(let location, let reason):
            "\(location): database error: \(reason)"
        case .unknownVisit(let visitId):
            "no visit \"\(visitId)\" in the register"
        case .visitIdTaken(let visitId, let registered):
            "visit id \(visitId) is registered already for another visit (\(registered)); nothing was changed"
        case .visitIdTakenUnseen(let visitId):
            "visit id \(visitId) is registered already for another advisor's visit; nothing was changed"
        case .followUp(let visitId, let problem):
            "follow-up of \(visitId): \(problem)"
        case .forgotten(let visitId, let at):
            "the personal data of visit \(visitId) was deleted on \(at.prefix(10)); only its anonymous figures are kept"
        }
    }
}

/// Who a registered visit id belongs to, as far as a conflict message may say: date, city and advisor.
public struct RegisteredIdentity: Sendable, Equatable, CustomStringConvertible {
    /// The registered visit's date.
    public var date: CalendarDate
    /// Its city id.
    public var city: String
    /// Its advisor, when the visit named one.
    public var advisor: String?

    /// The identity of a registered visit.
    public init(date: CalendarDate, city: String, advisor: String?) {
        self.date = date
        self.city = city
        self.advisor = advisor
    }

    /// `2026-11-02, nuernberg, advisor AB`.
    public var description: String {
        "\(date), \(city)" + (advisor.map { ", advisor \($0)" } ?? "")
    }
}

extension FollowUpProblem: CustomStringConvertible {
    /// The rule broken, in plain English.
    public var description: String {
        func kWh(_ x: Double) -> String { "\(PlainNumber.text(x)) kWh" }
        switch self {
        case .invalidNumber(let field, let value, let upper):
            return "\(field.rawValue): \(PlainNumber.text(value)) is not allowed; allowed: 0 … \(kWh(upper))"
        case .electricityGivenTwice:
            return "give either the kWh used since the visit or the meter readings, not both"
        case .meterNowMissing:
            return "a meter reading at the visit needs the reading now as well"
        case .notAfterVisit(let visitDate):
            return "it must be after the advice visit on \(visitDate)"
        case .dateInFuture(let today):
            return "the date is after today (\(today)); a follow-up records what was measured"
        case .alreadyRecorded(let date):
            return "a follow-up on \(date) is recorded already"
        case .notAfterPrevious(let previous):
            return "it must be after the latest follow-up on \(previous)"
        case .noFollowUpOn(let date, let recorded):
            return "there is no follow-up on \(date); recorded: "
                + (recorded.isEmpty ? "none" : recorded.map(\.description).joined(separator: ", "))
        case .noHeatingAtVisit:
            return "the advice visit recorded no heating, so there is nothing to compare a heating figure with"
        case .noEnergyDebtAtVisit:
            return "the advice visit recorded no energy debt, so there is no supply or agreement to follow up"
        case .heatingBaselineEstimated:
            return "the heating at the advice visit was an estimate, not a bill, so no heating saving can be "
                + "measured against it; record the electricity only"
        case .notRecommended(let kinds, let recommended):
            return "\(kinds.map(\.rawValue).joined(separator: ", ")) \(kinds.count == 1 ? "was" : "were") not "
                + "recommended at the visit; recommended were: "
                + (recommended.isEmpty ? "none" : recommended.map(\.rawValue).joined(separator: ", "))
        case .meterAtVisitConflict(let recorded, let given):
            return "meter at the visit was recorded as \(kWh(recorded)), not \(kWh(given))"
        case .meterAtVisitMissing:
            return "the first meter reading needs the reading at the advice visit as well (meter at visit and meter "
                + "now, in kWh)"
        case .meterReadingFalls(let previous, let now):
            return "meter reading \(kWh(now)) is lower than the previous reading \(kWh(previous)); a meter only counts "
                + "up — was the meter replaced or a digit missed?"
        case .meterReadingAboveLater(let date, let later, let now):
            return
                "meter reading \(kWh(now)) is higher than the reading \(kWh(later)) of the later follow-up on \(date)"
        case .consumptionFalls(let previous, let now):
            return "\(kWh(now)) since the visit is less than the \(kWh(previous)) an earlier follow-up recorded"
        case .unusualElectricity(let perYear, let visit):
            return "the readings mean \(kWh(perYear)) a year, more than three times the \(kWh(visit)) of the visit; "
                + "check the reading (a digit too many?)"
        case .unusualHeating(let perYear, let visit):
            return "\(kWh(perYear)) of heating a year is more than three times the \(kWh(visit)) of the visit; check "
                + "the figure"
        }
    }
}
