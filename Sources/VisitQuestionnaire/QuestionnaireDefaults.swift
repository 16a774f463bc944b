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
}
