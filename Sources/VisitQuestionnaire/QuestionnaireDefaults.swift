import EnergyAdvice

/// Defaults of the questionnaire that the visit format does not name, each with its reason. Values that the
/// format itself defines (language, target temperature, heating payer) come from ``VisitRules``.
///
/// Readings from a bill or a meter have no default on purpose: an accidental Enter must not record an invented
/// consumption.
public enum QuestionnaireDefaults {
    /// The most common household size among visited households is small; 2 is a middle guess.
    public static let persons = 2
    /// Close to the floor space social benefits accept: about 50 m² for one person and 15 m² for each further one.
    public static func livingAreaM2(persons: Int) -> Double {
        let guess = 50.0 + 15.0 * Double(max(0, persons - 1))
        return min(max(guess, VisitRules.livingAreaM2.lower), VisitRules.livingAreaM2.upper)
    }
    /// Room names suggested for the first lamp rows, in the order an advisor usually walks through a flat.
    public static let rooms = ["Wohnzimmer", "Küche", "Schlafzimmer", "Bad", "Flur", "Kinderzimmer"]
    /// Typical watts of one lamp by technology: a 60 W bulb, a 40 W halogen spot, an 11 W CFL, a 7 W LED.
    public static func lampWatts(_ technology: LampTechnology) -> Double {
        switch technology {
        case .incandescent: 60
        case .halogen: 40
        case .cfl: 11
        case .led: 7
        }
    }
    /// Hours a lamp is on per day in a living room in winter.
    public static let lightingHoursPerDay = 3.0
    /// A TV with receiver in standby draws a few watts.
    public static let standbyWatts = 5.0
    /// Devices are in standby whenever they are not used, most of the day.
    public static let standbyHoursPerDay = 20.0
    /// About five showers per person and week.
    public static let showersPerPersonPerWeek = 5.0
    /// Minutes per shower.
    public static let showerMinutes = 6.0
    /// Typical of old shower heads; measuring with a jug and a watch is better.
    public static let flowLitresPerMinute = 12.0
    /// Far more lamp rows, fridges or standby devices than any flat has, and well inside the visit format's limits.
    public static let maxRows = 60
    /// Electricity meter readings: the visit format's range, so every reading the questionnaire takes can be written.
    public static let meterReadingKWh = VisitRules.meterKWh
    /// Heizkostenverordnung: 50–70 % of a building's heating bill follow each flat's use; the bill states the split.
    public static let consumptionSharePercent = AllowedRange(50, 100)

    // MARK: Visit ids

    /// Prefixes of the shipped cities, as their example visits use them (`NUE-2026-0142`, `HB-2026-0057`,
    /// `L-2026-0231`): the prefixes the programmes' visit lists already know.
    public static let visitIdPrefixes = ["nuernberg": "NUE", "bremen": "HB", "leipzig": "L"]

    /// The prefix of a city's visit ids: the known one, else the first three letters or digits of the city id
    /// upper-cased (`muenchen` → `MUE`), else `ESP`.
    public static func visitIdPrefix(city: String) -> String {
        if let known = visitIdPrefixes[city] { return known }
        let letters = city.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        let prefix = String(String.UnicodeScalarView(letters.prefix(3))).uppercased()
        return prefix.isEmpty ? "ESP" : prefix
    }

    // MARK: Gas in m³

    // Gas meters count cubic metres at the meter; bills count kWh = m³ × Zustandszahl × Brennwert (DVGW-Arbeitsblatt
    // G 685 "Gasabrechnung", as explained by the network operators, e.g. enercity Netz, "Wie rechne ich meinen
    // Gasverbrauch von Kubikmeter in Kilowattstunden um?", helpcenter.enercity-netz.de, and MVV Energie, FAQ Gas:
    // "Umrechnungsfaktor … Brennwert und Zustandszahl nach DVGW G 685"). H-gas, which most of Germany now receives,
    // has a Brennwert of about 10 to 12 kWh/m³ (kesselheld.de, "Brennwert Gas"; vergleich.de gives 8.0–12.5 for all
    // gas); the Zustandszahl of a household meter at about 21–22 mbar is about 0.93–0.97 depending on altitude
    // (Gemeindewerke Börnsen, near sea level: 0.9674). esp takes 11.2 × 0.95 = 10.64 kWh/m³; the operators' own rule of
    // thumb is × 10. Tariffs/reference.xml has no such figures yet; the household's gas bill states the exact ones.

    /// Brennwert of typical H-gas, kWh per norm cubic metre.
    public static let gasCalorificValueKWhPerCubicMetre = 11.2
    /// Zustandszahl of a household gas meter: norm volume per metered volume.
    public static let gasConditionFactor = 0.95
    /// kWh per metered cubic metre: Brennwert × Zustandszahl, 10.64.
    public static let gasKWhPerCubicMetre = GermanNumber.rounded(
        gasCalorificValueKWhPerCubicMetre * gasConditionFactor, decimals: 2)
}
