import AdviceData
import EnergyAdvice
import TestSupport
import Testing

/// `household.name` and `household.address`: the name and address the letters are signed with, checked like every
/// other key, written back unchanged, and never part of the household the advice is computed from.
@Suite("Visit files: the household's name and address for its letters")
struct ContactKeysTests {
    func text(_ keys: String) -> String {
        VisitDecoderTests.valid.replacingOccurrences(
            of: "\"livingAreaM2\": 60 }", with: "\"livingAreaM2\": 60\(keys) }")
    }

    func decode(_ text: String) throws(DataError) -> Visit {
        try VisitDecoder.decode(Array(text.utf8), path: "visit.json")
    }

    func message(_ keys: String) -> String? {
        caught { () throws(DataError) in try decode(text(keys)) }?.description
    }

    @Test func decodedKeptApartAndWrittenBack() throws {
        let visit = try decode(text(#", "name": "Anna Muster", "address": "Lindenweg 3a, 04109 Leipzig""#))
        #expect(visit.contact == HouseholdContact(name: "Anna Muster", address: "Lindenweg 3a, 04109 Leipzig"))
        #expect(visit.contact?.addressLines == ["Lindenweg 3a", "04109 Leipzig"])
        #expect(visit.household == Household(persons: 2, dwelling: .flat, livingAreaM2: 60))
        let written = VisitEncoder.text(visit)
        #expect(written.contains(#""name": "Anna Muster""#))
        #expect(try decode(written) == visit)
        // Without the keys, no contact and nothing written.
        let plain = try decode(VisitDecoderTests.valid)
        #expect(plain.contact == nil)
        #expect(!VisitEncoder.text(plain).contains("\"name\""))
        // One without the other.
        #expect(
            try decode(text(#", "address": "Weg 1, 28195 Bremen""#)).contact
                == HouseholdContact(address: "Weg 1, 28195 Bremen"))
    }

    @Test func badValuesNameTheKeyAndWhatIsAllowed() {
        #expect(
            message(#", "name": "  ""#)
                == "visit.json:6:80: household.name: empty; give the name the letters are signed with, or leave the key out"
        )
        #expect(
            message(#", "address": 12"#) == "visit.json:6:83: household.address: expected a string, found number")
        #expect(
            message(", \"name\": \"\(String(repeating: "x", count: 101))\"")
                == "visit.json:6:80: household.name: text longer than 100 characters")
        #expect(
            message(#", "address": "Weg 1\n04109 Leipzig""#)
                == "visit.json:6:83: household.address: the control character U+000A is not allowed; write plain text")
    }
}
