import AdviceData
import EnergyAdvice
import Foundation
import TestSupport
import VisitRecords

/// Registered visits for store tests, advised with the shipped tariffs as `esp register add` would register them.
public enum StoreFixtures {
    /// A small Nürnberg visit: 1 person on Bürgergeld, 40 m² flat, 3,400 kWh a year; 2 incandescent lamps of 60 W
    /// for 3 h a day and a 10 W standby device around the clock, so it is advised `led` and `standby`.
    public static func smallVisit(
        id: String = "NUE-TEST-1", date: String = "2026-01-10", annualKWh: Double = 3400, meterKWh: Double? = nil,
        advisor: String? = nil
    ) throws -> RegisteredVisit {
        let meter = meterKWh.map { ", \"meterReading\": { \"date\": \"\(date)\", \"kWh\": \($0) }" } ?? ""
        let advisorLine = advisor.map { "\"advisor\": \"\($0)\"," } ?? ""
        return try record(
            """
            {
              "schema": "esp-visit/1", "visitId": "\(id)", "date": "\(date)", "city": "nuernberg", \(advisorLine)
              "household": { "persons": 1, "dwelling": "flat", "livingAreaM2": 40, "benefit": "buergergeld" },
              "electricity": { "annualKWh": \(annualKWh)\(meter) },
              "lighting": [ { "room": "Küche", "lamps": 2, "watts": 60, "technology": "incandescent", "hoursPerDay": 3 } ],
              "appliances": [ { "kind": "standby", "label": "Fernseher", "watts": 10, "hoursPerDay": 24 } ]
            }
            """, source: "\(id).json")
    }

    /// A shipped example as registered.
    public static func example(_ name: String) throws -> RegisteredVisit {
        try record(try String(contentsOfFile: Checkout.examples + "/" + name, encoding: .utf8), source: name)
    }

    /// A visit file's text, advised and made a record (its advice document carries the warnings' codes).
    public static func record(_ text: String, source: String) throws -> RegisteredVisit {
        let visit = try VisitDecoder.decode(Array(text.utf8), path: source)
        let advice = try Checkout.calculator(city: visit.city).advise(visit)
        let warnings = advice.warnings.map { "{\"code\":\"\($0.code)\"}" }.joined(separator: ",")
        return RegisteredVisit(
            visit: visit, advice: advice, visitJSON: VisitEncoder.text(visit),
            adviceJSON: "{\"schema\":\"esp-advice/2\",\"warnings\":[\(warnings)]}", now: "2026-12-01T10:00:00Z")
    }
}
