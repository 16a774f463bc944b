import AdviceLocalization
import EnergyAdvice
import OfficeReports
import TestSupport
import VisitRecords
import VisitStoreContract

/// Hand-made groups of households for the reports: copies of the shipped examples under their own ids, with the
/// language, date and follow-ups a test needs.
enum Households {
    /// `count` copies of the example `name` (a file of Examples/) speaking `language`, numbered from `first`.
    static func copies(
        _ name: String, _ count: Int, language: String = "de", first: Int = 0, date: String? = nil
    ) throws -> [RegisteredVisit] {
        let example = try StoreFixtures.example(name)
        return (first..<first + count).map { index in
            var visit = example
            visit.visitId = "\(example.visitId)-\(index)"
            visit.language = language
            if let date, let day = CalendarDate(iso: date) { visit.date = day }
            return visit
        }
    }

    /// The visit followed up a year later: the electricity steps carried out, and `share` of their expected
    /// electricity saving measured at the meter.
    static func followedUp(_ visit: RegisteredVisit, share: Double = 0.8) -> RegisteredVisit {
        var visit = visit
        let steps = visit.measures.filter { $0.electricityKWh > 0 }
        let expected = steps.reduce(0) { $0 + $1.electricityKWh }
        let later = CalendarDate(year: visit.date.year + 1, month: visit.date.month, day: visit.date.day)!
        let record = FollowUpRecord(
            visitId: visit.visitId, date: later, electricityKWhSinceVisit: visit.electricityKWh - share * expected,
            meterAtVisitKWh: nil, meterNowKWh: nil, heatingKWhPerYear: nil,
            implemented: MeasureKind.allCases.filter { kind in steps.contains { $0.kind == kind } })
        visit.followUps = [FollowUpResult(visit: visit, record: record)]
        return visit
    }

    /// Whole euros as the German report prints them (`1.234 €`).
    static func money(_ eur: Double) -> String { LocaleFormatter(language: "de").money(eur, fractionDigits: 0) }

    /// The staff texts of the checkout, with the shipped cities' names.
    static func staff(_ language: String) throws -> StaffText {
        let localizer = try LocaleLibrary(directory: Checkout.locales + "/" + StaffText.folder).localizer(
            language: language)
        return StaffText(
            localizer: localizer, cityNames: ["nuernberg": "Nürnberg", "bremen": "Bremen", "leipzig": "Leipzig"])
    }
}

extension String {
    /// The text with its no-break spaces (between a number and its unit) as plain spaces, for comparing.
    var plain: String { replacingOccurrences(of: "\u{00A0}", with: " ") }
}
