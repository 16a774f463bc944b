import EnergyAdvice
import JSONText

extension VisitReader {
    /// `household.name` and `household.address`: who signs the letters and where they live. Both optional, plain
    /// text on one line; nil when neither is given. The keys themselves were checked with the household.
    func contact(_ node: JSONNode) -> HouseholdContact? {
        guard case .object(let members) = node.kind else { return nil }
        let fields = Fields(
            node: node, path: "household",
            members: Dictionary(
                members.filter { ["name", "address"].contains($0.key) }.map { ($0.key, $0.value) },
                uniquingKeysWith: { first, _ in first }))
        let name = line(
            fields, "name", maxLength: VisitRules.contactNameMaxLength, what: "the name the letters are signed with")
        let address = line(
            fields, "address", maxLength: VisitRules.contactAddressMaxLength,
            what: "street, postcode and town, e.g. \"Musterstraße 1, 04109 Leipzig\"")
        guard name != nil || address != nil else { return nil }
        return HouseholdContact(name: name, address: address)
    }

    /// An optional text that is printed on a letter: not empty, at most `maxLength` characters.
    private func line(_ fields: Fields, _ key: String, maxLength: Int, what: String) -> String? {
        guard let text = string(fields, key, required: false, maxLength: maxLength) else { return nil }
        guard !text.trimmingSpaces.isEmpty else {
            if let node = fields.members[key] {
                report(node, fields.path(key), "empty; give \(what), or leave the key out")
            }
            return nil
        }
        return text
    }
}
