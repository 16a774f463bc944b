import Foundation
import GRDB
import JSONText
import TestSupport
import Testing

@testable import VisitRegister

@Suite struct ExportTests {
    @Test func exportsCarryNoNotesAndPseudonymisedIDs() throws {
        let dir = try TemporaryDirectory()
        let register = try VisitRegister.open(path: dir.file("register.sqlite"))
        let own = try dir.write("v.json", smallVisit(notes: "Frau Mustermann, Hauptstr. 5, Tel. 0911 123456"))
        let results = register.add(visitPaths: Checkout.examplePaths + [own], session: Checkout.session())
        #expect(results.allSatisfy { $0.error == nil })
        let ids = try register.list().map(\.visitId)
        #expect(ids.count == Checkout.examplePaths.count + 1)
        // The notes are kept in the register (personal data, mode 0600) ...
        #expect(try register.show(visitId: "NUE-TEST-1").documents?.visitJSON.contains("Mustermann") == true)

        // ... the pseudonym is the first 12 hex digits of SHA-256(salt + id), with the register's own salt.
        let salt = try register.queue.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM register_info WHERE key = 'pseudonym-salt'")
        }
        let pseudonym = register.pseudonym(visitId: "NUE-TEST-1")
        #expect(pseudonym == String(SHA256.hex((salt ?? "") + "NUE-TEST-1").prefix(12)))
        #expect(pseudonym.count == 12 && pseudonym.allSatisfy { $0.isHexDigit && !$0.isUppercase })

        for format in ExportFormat.allCases {
            let text = try register.export(format: format, withIDs: false)
            // "0911 123456" with its space: four digits alone turn up in a hexadecimal pseudonym now and then.
            for forbidden in ["Mustermann", "Hauptstr", "0911 123456", "Zählerstand", "Küche", "Fernseher"] {
                #expect(!text.contains(forbidden), "\(format) export carries \(forbidden)")
            }
            for id in ids {
                #expect(!text.contains(id), "\(format) export carries the visit id \(id)")
                #expect(text.contains(register.pseudonym(visitId: id)))
            }
            let named = try register.export(format: format, withIDs: true)
            for id in ids { #expect(named.contains(id)) }
            #expect(!named.contains("Mustermann"))
        }

        let csv = try register.export(format: .csv).split(separator: "\n")
        #expect(csv.count == Checkout.examplePaths.count + 2)
        #expect(csv.first?.hasPrefix("id,date,city,language,benefit,persons,") == true)
        let json = try JSONParser.parse(Array(try register.export(format: .json).utf8))
        guard case .object(let members) = json.kind else {
            Issue.record("export is not an object")
            return
        }
        #expect(members.first { $0.key == "idsPseudonymised" }?.value.value == .bool(true))
    }

    @Test func pseudonymsDifferBetweenRegisters() throws {
        let dir = try TemporaryDirectory()
        let a = try VisitRegister.open(path: dir.file("a.sqlite"))
        let b = try VisitRegister.open(path: dir.file("b.sqlite"))
        #expect(a.pseudonym(visitId: "NUE-1") != b.pseudonym(visitId: "NUE-1"))
    }

    @Test func summaryRendersAsJSONAndCSV() throws {
        let dir = try TemporaryDirectory()
        let register = try VisitRegister.open(path: dir.file("register.sqlite"))
        let path = try dir.write("v.json", smallVisit())
        _ = register.add(visitPaths: [path], session: Checkout.session())
        let summary = try register.summary(city: "nuernberg")
        // Expected: LED 91.45 + standby 52.56 = 144.01 kWh (see FollowUpTests); the tariff switch saves money, not kWh.
        #expect(summary.predicted.electricity.kWh == 144.01)
        #expect(summary.predicted.electricity.eur == 52.39)  // 144.01 · 0.3638 = 52.390838
        #expect(summary.predicted.heating.kWh == 0)

        let csv = summary.csv()
        #expect(csv.hasPrefix("section,group,quantity,value\n"))
        #expect(csv.contains("\nhouseholds,,advised,1\n"))
        #expect(csv.contains("\npredicted,electricity,kWh,144.01\n"))
        #expect(csv.contains("\nbyMeasure,led,electricityKWh,91.45\n"))
        #expect(csv.contains("\nbyLanguage,de,households,1\n"))
        #expect(csv.contains("\nbyBenefit,buergergeld,households,1\n"))
        #expect(csv.contains("\nfilter,,city,nuernberg\n"))
        #expect(!csv.contains("NUE-TEST-1"))

        let json = summary.json()
        #expect(json.contains("\"schema\": \"esp-programme-summary/1\""))
        #expect((try? JSONParser.parse(Array(json.utf8))) != nil)
        #expect(!json.contains("NUE-TEST-1"))
    }
}
