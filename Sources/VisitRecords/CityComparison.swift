import EnergyAdvice

/// Cities side by side from their programme summaries: aggregates only, never a household's row. How Bremen learns
/// from Nürnberg: households, savings per household, follow-up rate, realised ÷ expected per measure, the
/// programme's cost per tonne of CO₂.
public struct CityComparison: Sendable, Equatable {
    /// One city's summary.
    public struct City: Sendable, Equatable {
        /// The city id (the name to print comes from its city file).
        public var id: String
        /// Its programme summary.
        public var summary: ProgrammeSummary

        /// Households advised.
        public var households: Int { summary.householdsAdvised }
        /// Expected € a year per advised household.
        public var savingPerHousehold: Double {
            households > 0 ? summary.predicted.totalEUR / Double(households) : 0
        }
        /// Share of advised households followed up.
        public var followUpRate: Double { summary.followUpRate }
        /// What the items handed out cost the programme per tonne of CO₂ the advice expects to avoid a year; nil when
        /// either is zero.
        public var costPerTonne: Double? {
            let tonnes = summary.predicted.co2Tonnes
            return tonnes > 0 && summary.programmeCostEUR > 0 ? summary.programmeCostEUR / tonnes : nil
        }
        /// Realised ÷ expected of a measure, when the city has follow-ups for it.
        public func calibration(_ kind: MeasureKind) -> MeasureCalibration? {
            summary.calibration.first { $0.kind == kind }
        }
    }

    /// Why summaries cannot be compared.
    public enum Problem: Error, Sendable, Equatable {
        /// Fewer than two summaries.
        case tooFew
        /// A summary covers several cities (`cities`) or none.
        case notOneCity(source: String, cities: [String])
        /// A summary without visits.
        case empty(source: String)
        /// Two summaries of one city.
        case sameCityTwice(city: String, first: String, second: String)
    }

    /// The cities, in the order given.
    public var cities: [City]

    /// Compares one summary per city; `source` names each (a file) in problems.
    public static func compare(_ summaries: [(source: String, summary: ProgrammeSummary)]) throws(Problem)
        -> CityComparison
    {
        guard summaries.count >= 2 else { throw .tooFew }
        var cities: [City] = []
        var seen: [String: String] = [:]
        for (source, summary) in summaries {
            guard summary.cities.count == 1, let name = summary.cities.first else {
                throw summary.cities.isEmpty
                    ? .empty(source: source) : .notOneCity(source: source, cities: summary.cities)
            }
            guard summary.householdsAdvised > 0 else { throw .empty(source: source) }
            if let first = seen[name] { throw .sameCityTwice(city: name, first: first, second: source) }
            seen[name] = source
            cities.append(City(id: name, summary: summary))
        }
        return CityComparison(cities: cities)
    }

    /// The measures any city has calibration for, in the order of the rules.
    public var calibratedMeasures: [MeasureKind] {
        MeasureKind.allCases.filter { kind in cities.contains { $0.calibration(kind) != nil } }
    }
}
