import AdviceData
import Foundation
import Testing
import VisitRegister

/// The checkout this test file lives in, for the shipped Tariffs/ and Examples/.
enum Checkout {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static var data: DataDirectory { DataDirectory(root: root) }
    static var examples: String { root + "/Examples" }
    static let exampleNames = [
        "bremen-family-buergergeld.json", "bremen-house-heatpump.json", "leipzig-couple-tr.json",
        "nuernberg-family-ru.json", "nuernberg-pensioner.json",
    ]
    static var examplePaths: [String] { exampleNames.map { examples + "/" + $0 } }
    static func session() -> AdviceSession { AdviceSession(data: data) }
}

/// A temporary folder removed when the value is dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "esp-register-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func file(_ name: String) -> String { path + "/" + name }
}

func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

/// Runs a call and returns the RegisterError it threw, or nil (also for any other error, which is recorded).
func registerError<T>(_ body: () throws -> T) -> RegisterError? {
    do {
        _ = try body()
        return nil
    } catch let error as RegisterError {
        return error
    } catch {
        Issue.record("expected a RegisterError, got \(error)")
        return nil
    }
}

/// A small Nürnberg visit, worked by hand in FollowUpTests:
/// 3,400 kWh a year; 2 incandescent lamps of 60 W for 3 h a day; a 10 W standby device around the clock.
func smallVisit(id: String = "NUE-TEST-1", date: String = "2026-01-10", annualKWh: Double = 3400,
                notes: String? = nil) -> String {
    let notesLine = notes.map { ",\n  \"notes\": \"\($0)\"" } ?? ""
    return """
        {
          "schema": "esp-visit/1",
          "visitId": "\(id)",
          "date": "\(date)",
          "city": "nuernberg",
          "language": "de",
          "household": { "persons": 1, "dwelling": "flat", "livingAreaM2": 40, "benefit": "buergergeld" },
          "electricity": { "annualKWh": \(annualKWh) },
          "lighting": [ { "room": "Küche", "lamps": 2, "watts": 60, "technology": "incandescent", "hoursPerDay": 3 } ],
          "appliances": [ { "kind": "standby", "label": "Fernseher", "watts": 10, "hoursPerDay": 24 } ]\(notesLine)
        }
        """
}
