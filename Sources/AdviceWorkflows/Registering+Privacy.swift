import AdvicePDF
import EnergyAdvice
import OfficeReports
import VisitRecords

/// Accountability and privacy of the register, for any store: the audit log, subject-access disclosures and purges
/// after each city's retention period.
extension Registering {
    /// Every recorded read and change of a household's data.
    public func auditTrail(visitId: String) async throws(WorkflowError) -> [AuditEvent] {
        do {
            return try await store.auditTrail(visitId: visitId)
        } catch {
            throw .store(error)
        }
    }

    /// Everything held about a household (GDPR Art. 15); the disclosure is itself logged.
    public func disclose(visitId: String) async throws(WorkflowError) -> HouseholdDisclosure {
        do {
            return try await store.disclose(visitId: visitId)
        } catch {
            throw .store(error)
        }
    }

    /// A disclosure as the household gets it: a readable PDF in the staff's language, with the rights and the day
    /// the data will be deleted (from the city file's retention, when ``advising``'s data holds the city).
    public func disclosurePDF(_ disclosure: HouseholdDisclosure, staffLanguage: String, creationDate: String)
        throws(WorkflowError) -> PDFBytes
    {
        let text = try advising.data.staff(staffLanguage)
        let years = (try? advising.data.calculator(city: disclosure.visit.city))?.city.retention?.value
        let document = DisclosureReportBuilder(text: text, retentionYears: years).report(disclosure)
        // No personal data in the file's metadata, which file managers show.
        let info = PDFDocumentInfo(
            title: document.title, author: "esp", subject: document.title,
            keywords: "esp; GDPR Art. 15; language=\(text.language)", creationDate: creationDate)
        do {
            return try PDFRenderer.render(document, info: info)
        } catch {
            throw .pdf(error)
        }
    }

    /// Deletes the personal data of every household whose city's retention period has ended by `today`, city by
    /// city, as each city file says (``EnergyAdvice/CityTariffs/retention``); cities without a period are left
    /// alone and said.
    public func purge(today: CalendarDate) async throws(WorkflowError) -> [CityPurge] {
        let cities: [String]
        do {
            cities = try await store.cities()
        } catch {
            throw .store(error)
        }
        var results: [CityPurge] = []
        for city in cities {
            guard let rule = try advising.data.calculator(city: city).city.retention else {
                results.append(CityPurge(city: city, rule: nil, cutoff: nil, purged: []))
                continue
            }
            let cutoff = Retention.cutoff(today: today, years: rule.value)
            let words =
                "kept to the end of the year of the last contact + \(rule.value) years "
                + "(\(city).xml, source \(rule.source.id))"
            do {
                let purged = try await store.purge(city: city, lastContactBefore: cutoff, rule: words)
                results.append(CityPurge(city: city, rule: rule, cutoff: cutoff, purged: purged))
            } catch {
                throw .store(error)
            }
        }
        return results
    }
}

/// What a purge did in one city.
public struct CityPurge: Sendable, Equatable {
    /// The city id.
    public var city: String
    /// The city file's retention period with its source; nil when it gives none (nothing was deleted).
    public var rule: Sourced<Int>?
    /// Households last seen before this day were due.
    public var cutoff: CalendarDate?
    /// The households whose personal data was deleted.
    public var purged: [PurgedVisit]

    /// A city's purge.
    public init(city: String, rule: Sourced<Int>?, cutoff: CalendarDate?, purged: [PurgedVisit]) {
        self.city = city
        self.rule = rule
        self.cutoff = cutoff
        self.purged = purged
    }
}
