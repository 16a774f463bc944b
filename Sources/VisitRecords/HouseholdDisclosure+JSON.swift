import EnergyAdvice
import JSONText

/// A subject-access disclosure as a JSON document (`esp-disclosure/1`): everything the register holds about the
/// household, the stored visit and advice documents embedded as they are.
extension HouseholdDisclosure {
    /// The schema name of ``json()``.
    public static let schema = "esp-disclosure/1"

    /// The disclosure as JSON text.
    public func json() -> String { document().serialized() + "\n" }

    /// The disclosure as a JSON document.
    public func document() -> JSONValue {
        let v = visit
        func embedded(_ text: String?) -> JSONValue {
            guard let text else { return .null }
            // The documents were written by esp; should one not parse, it is still disclosed, as text.
            return (try? JSONParser.parse(Array(text.utf8)).value) ?? .string(text)
        }
        func number(_ x: Double?) -> JSONValue { x.map { .number($0) } ?? .null }
        func bool(_ x: Bool?) -> JSONValue { x.map { .bool($0) } ?? .null }
        func record(_ r: FollowUpRecord) -> [JSONField] {
            [
                JSONField("date", .string(r.date.description)),
                JSONField("electricityKWhSinceVisit", number(r.electricityKWhSinceVisit)),
                JSONField("meterAtVisitKWh", number(r.meterAtVisitKWh)),
                JSONField("meterNowKWh", number(r.meterNowKWh)),
                JSONField("heatingKWhPerYear", number(r.heatingKWhPerYear)),
                JSONField("implemented", .array(r.implemented.map { .string($0.rawValue) })),
                JSONField("supplyContinued", bool(r.supplyContinued)),
                JSONField("agreementReached", bool(r.agreementReached)),
            ]
        }
        return .object([
            JSONField("schema", .string(Self.schema)),
            JSONField("madeAt", .string(madeAt)),
            JSONField("register", .string(register)),
            JSONField("visitId", .string(v.visitId)),
            JSONField(
                "held",
                .object([
                    JSONField("date", .string(v.date.description)),
                    JSONField("city", .string(v.city)),
                    JSONField("language", .string(v.language)),
                    JSONField("advisor", v.advisor.map { .string($0) } ?? .null),
                    JSONField("registeredBy", registeredBy.map { .string($0) } ?? .null),
                    JSONField("assignedTo", .array(assignedTo.map { .string($0) })),
                    JSONField("addedAt", .string(v.addedAt)),
                    JSONField("updatedAt", .string(v.updatedAt)),
                    JSONField("forgottenAt", v.forgottenAt.map { .string($0) } ?? .null),
                    JSONField("contentHash", .string(v.contentHash)),
                ])),
            JSONField("visit", embedded(v.documents?.visitJSON)),
            JSONField("advice", embedded(v.documents?.adviceJSON)),
            JSONField(
                "figures",
                .object([
                    JSONField("persons", .number(Double(v.persons))),
                    JSONField("benefit", .string(v.benefit.rawValue)),
                    JSONField("electricityKWh", .number(v.electricityKWh)),
                    JSONField("heatingKWh", number(v.heating?.annualKWh)),
                    JSONField("meterReadingKWh", number(v.meterReadingKWh)),
                    JSONField("savingEUR", .number(v.totals.savingEUR)),
                    JSONField("co2Kg", .number(v.totals.co2Kg)),
                    JSONField(
                        "energyDebt",
                        .object([
                            JSONField("debts", .number(Double(v.energyDebt.debts))),
                            JSONField("threatened", .number(Double(v.energyDebt.threatened))),
                            JSONField("announced", .number(Double(v.energyDebt.announced))),
                            JSONField("cutOff", .number(Double(v.energyDebt.cutOff))),
                            JSONField("arrearsEUR", .number(v.energyDebt.arrearsEUR)),
                        ])),
                    JSONField(
                        "measures",
                        .array(
                            v.measures.map { m in
                                .object([
                                    JSONField("kind", .string(m.kind.rawValue)),
                                    JSONField("electricityKWh", .number(m.electricityKWh)),
                                    JSONField("heatKWh", .number(m.heatKWh)),
                                    JSONField("savingEUR", .number(m.savingEUR)),
                                    JSONField("items", .number(Double(m.items))),
                                ])
                            })),
                ])),
            JSONField("followUps", .array(followUps.map { .object(record($0)) })),
            JSONField(
                "followUpHistory",
                .array(
                    history.map { change in
                        .object(
                            [
                                JSONField("change", .string(change.kind.rawValue)),
                                JSONField("changedAt", .string(change.changedAt)),
                            ] + record(change.previous))
                    })),
            JSONField(
                "audit",
                .array(
                    audit.map { event in
                        .object([
                            JSONField("at", .string(event.at)),
                            JSONField("actor", .string(event.actor)),
                            JSONField("action", .string(event.action.rawValue)),
                            JSONField("detail", event.detail.map { .string($0) } ?? .null),
                        ])
                    })),
        ])
    }
}

/// The retention rule of a city file, applied: to the end of the Nth calendar year after the last contact.
public enum Retention {
    /// The first day on which the personal data of a household last seen on `lastContact` is due for deletion.
    public static func deletionDay(lastContact: CalendarDate, years: Int) -> CalendarDate {
        CalendarDate(year: lastContact.year + years + 1, month: 1, day: 1)!
    }

    /// The last day the data is kept: 31 December of the Nth year after the last contact.
    public static func lastDayKept(lastContact: CalendarDate, years: Int) -> CalendarDate {
        CalendarDate(year: lastContact.year + years, month: 12, day: 31)!
    }

    /// A purge on `today` deletes the households whose last contact was before this day: January 1st of the year
    /// `years` before today's (2030 with 3 years: last contact in 2026 or earlier).
    public static func cutoff(today: CalendarDate, years: Int) -> CalendarDate {
        CalendarDate(year: today.year - years, month: 1, day: 1)!
    }
}
