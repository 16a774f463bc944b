import AdviceData
import EnergyAdvice

/// Everything that can go wrong with the visit register, each with a message a clerk or advisor can act on.
public enum RegisterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither `$XDG_DATA_HOME` nor `$HOME` is set, so there is no default place for the register.
    case noDefaultLocation
    /// The register file or its folder could not be created.
    case cannotCreate(path: String, reason: String)
    /// The file exists but could not be opened as a database.
    case cannotOpen(path: String, reason: String)
    /// The file is not an esp register: not SQLite at all, or SQLite with tables and another `application_id`.
    /// It was left untouched.
    case notARegister(path: String, detail: String)
    /// The register was written by a newer esp (it has schema migrations this esp does not know). It was left untouched.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Another program held the register locked longer than the busy timeout.
    case locked(path: String, waitedSeconds: Double)
    /// Any other database failure, with SQLite's own words.
    case database(path: String, reason: String)
    /// A visit file of an import could not be read, checked or advised; nothing of it was stored.
    case visitFile(DataError)
    /// No visit with this id is in the register.
    case unknownVisit(visitId: String)
    /// A follow-up must be dated after the advice visit.
    case followUpNotAfterVisit(visitId: String, visitDate: CalendarDate, followUpDate: CalendarDate)
    /// Follow-ups are recorded in order: a new one must be dated after the latest one.
    case followUpNotAfterPrevious(visitId: String, previousDate: CalendarDate, followUpDate: CalendarDate)
    /// The first follow-up with meter readings must give the reading at the advice visit as well.
    case meterAtVisitMissing(visitId: String)
    /// The reading at the advice visit differs from the one an earlier follow-up recorded.
    case meterAtVisitConflict(visitId: String, recordedKWh: Double, givenKWh: Double)
    /// A meter reading below the previous one: meters only count up.
    case meterReadingFalls(visitId: String, previousKWh: Double, nowKWh: Double)
    /// Less electricity used since the visit than an earlier follow-up already recorded.
    case consumptionFalls(visitId: String, previousKWh: Double, nowKWh: Double)
    /// Both a consumption since the visit and meter readings were given; they could disagree.
    case electricityGivenTwice(visitId: String)
    /// A meter reading at the visit without a reading now says nothing.
    case meterNowMissing(visitId: String)
    /// A heating figure for a visit that recorded no heating.
    case noHeatingAtVisit(visitId: String)
    /// A number outside what the field allows.
    case invalidNumber(field: String, value: Double, allowed: String)
    /// A different visit file carries the id of a registered visit.
    case visitIdTaken(
        visitId: String, path: String, registeredPath: String?, registeredDate: String, registeredCity: String)
    /// A heating figure against a heating the advice only estimated: no saving can be measured against it.
    case heatingBaselineEstimated(visitId: String)
    /// Steps reported as carried out that the advice did not recommend.
    case notRecommended(visitId: String, kinds: [MeasureKind], recommended: [MeasureKind])

    /// The message for the user: what is wrong, with which file or visit, and what to do.
    public var description: String {
        switch self {
        case .noDefaultLocation:
            return "no place for the register: neither XDG_DATA_HOME nor HOME is set; give the register file explicitly"
        case .cannotCreate(let path, let reason):
            return "\(path): cannot create the register: \(reason)"
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the register: \(reason)"
        case .notARegister(let path, let detail):
            return "\(path): this is not an esp visit register (\(detail)); esp did not change it — choose another file"
        case .newerSchema(let path, let unknown):
            return
                "\(path): the register was written by a newer esp (schema steps \(unknown.joined(separator: ", ")) are "
                + "unknown here); esp did not change it — update esp to use it"
        case .locked(let path, let waited):
            return "\(path): the register is in use by another program (waited \(PlainNumber.text(waited)) s); "
                + "close the other esp and try again"
        case .database(let path, let reason):
            return "\(path): database error: \(reason)"
        case .visitFile(let error):
            return error.description + "\n(nothing of this file was added to the register)"
        case .unknownVisit(let visitId):
            return "no visit \"\(visitId)\" in the register; add its visit file first (esp register add FILE)"
        case .followUpNotAfterVisit(let visitId, let visitDate, let date):
            return "follow-up of \(visitId) on \(date): it must be after the advice visit on \(visitDate)"
        case .followUpNotAfterPrevious(let visitId, let previous, let date):
            return "follow-up of \(visitId) on \(date): it must be after the latest follow-up on \(previous)"
        case .meterAtVisitMissing(let visitId):
            return "follow-up of \(visitId): the first meter reading needs the reading at the advice visit as well "
                + "(meter at visit and meter now, in kWh)"
        case .meterAtVisitConflict(let visitId, let recorded, let given):
            return "follow-up of \(visitId): meter at the visit was recorded as \(PlainNumber.text(recorded)) kWh, "
                + "not \(PlainNumber.text(given)) kWh; leave it out or correct it"
        case .meterReadingFalls(let visitId, let previous, let now):
            return
                "follow-up of \(visitId): meter reading \(PlainNumber.text(now)) kWh is lower than the previous reading "
                + "\(PlainNumber.text(previous)) kWh; a meter only counts up — was the meter replaced or a digit missed?"
        case .consumptionFalls(let visitId, let previous, let now):
            return "follow-up of \(visitId): \(PlainNumber.text(now)) kWh since the visit is less than the "
                + "\(PlainNumber.text(previous)) kWh an earlier follow-up recorded"
        case .electricityGivenTwice(let visitId):
            return "follow-up of \(visitId): give either the kWh used since the visit or the meter readings, not both"
        case .meterNowMissing(let visitId):
            return "follow-up of \(visitId): a meter reading at the visit needs the reading now as well"
        case .noHeatingAtVisit(let visitId):
            return "follow-up of \(visitId): the advice visit recorded no heating, so there is nothing to compare "
                + "a heating figure with"
        case .invalidNumber(let field, let value, let allowed):
            return "\(field): \(PlainNumber.text(value)) is not allowed; allowed: \(allowed)"
        case .visitIdTaken(let visitId, let path, let registeredPath, let date, let city):
            return "\(path): visit id \(visitId) is registered already for another visit (\(date), \(city)"
                + (registeredPath.map { ", from \($0)" } ?? "")
                + "); nothing was changed — give this visit its own id, "
                + "or add it with --replace to replace the registered one"
        case .heatingBaselineEstimated(let visitId):
            return
                "follow-up of \(visitId): the heating at the advice visit was an estimate, not a bill, so no heating "
                + "saving can be measured against it; record the electricity only, or register the visit again with "
                + "the heating bill of the year before the advice"
        case .notRecommended(let visitId, let kinds, let recommended):
            return "follow-up of \(visitId): \(kinds.map(\.rawValue).joined(separator: ", ")) "
                + "\(kinds.count == 1 ? "was" : "were") not recommended at the visit; recommended were: "
                + (recommended.isEmpty ? "none" : recommended.map(\.rawValue).joined(separator: ", "))
        }
    }

}
