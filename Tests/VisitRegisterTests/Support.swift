import AdviceData
import Foundation
import TestSupport
import Testing
import VisitRegister

func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

/// A small Nürnberg visit, worked by hand in FollowUpTests:
/// 3,400 kWh a year; 2 incandescent lamps of 60 W for 3 h a day; a 10 W standby device around the clock.
func smallVisit(
    id: String = "NUE-TEST-1", date: String = "2026-01-10", annualKWh: Double = 3400,
    notes: String? = nil, meterKWh: Double? = nil, persons: Int = 1, ledInstalled: Bool = false
) -> String {
    let notesLine = notes.map { ",\n  \"notes\": \"\($0)\"" } ?? ""
    let meter = meterKWh.map { ", \"meterReading\": { \"date\": \"\(date)\", \"kWh\": \($0) }" } ?? ""
    let installed = ledInstalled ? ", \"installedAtVisit\": true" : ""
    return """
        {
          "schema": "esp-visit/1",
          "visitId": "\(id)",
          "date": "\(date)",
          "city": "nuernberg",
          "language": "de",
          "household": { "persons": \(persons), "dwelling": "flat", "livingAreaM2": 40, "benefit": "buergergeld" },
          "electricity": { "annualKWh": \(annualKWh)\(meter) },
          "lighting": [ { "room": "Küche", "lamps": 2, "watts": 60, "technology": "incandescent", "hoursPerDay": 3\(installed) } ],
          "appliances": [ { "kind": "standby", "label": "Fernseher", "watts": 10, "hoursPerDay": 24 } ]\(notesLine)
        }
        """
}
