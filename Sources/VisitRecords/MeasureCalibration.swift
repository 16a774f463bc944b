import EnergyAdvice

/// What a city's follow-ups say about one measure: how much of the expected saving the households that carried it
/// out really saved, with a 95 % confidence interval.
///
/// A follow-up measures a household's whole meter, not one step; each household that carried out the step gives one
/// sample, realised ÷ expected for the steps it carried out on that meter (electricity or heating). The mean of the
/// samples and its interval (mean ± 1.96 · s / √n) tell whether the advice's realisation factor holds in the city.
public struct MeasureCalibration: Sendable, Equatable {
    /// The step.
    public var kind: MeasureKind
    /// Households with a usable follow-up (90 days or more, a measured baseline) that carried the step out.
    public var households: Int
    /// Mean of realised ÷ expected; 1 means the advice's expectation held.
    public var ratio: Double
    /// The 95 % confidence interval of ``ratio``; nil below two households.
    public var low: Double?
    /// See ``low``.
    public var high: Double?

    /// Creates the value from all its parts.
    public init(kind: MeasureKind, households: Int, ratio: Double, low: Double?, high: Double?) {
        self.kind = kind
        self.households = households
        self.ratio = ratio
        self.low = low
        self.high = high
    }

    /// Follow-ups needed before esp suggests a new realisation factor.
    public static let enoughHouseholds = 10

    /// Calibration of every measure with at least one sample, in the order of the rules.
    public static func from(_ visits: [RegisteredVisit]) -> [MeasureCalibration] {
        var samples: [MeasureKind: [Double]] = [:]
        for visit in visits {
            for sample in SummaryContribution(visit: visit).calibrationSamples {
                samples[sample.kind, default: []].append(sample.ratio)
            }
        }
        return from(samples.mapValues(SampleSums.init))
    }

    /// Calibration of every measure with at least one sample, from the samples' statistics.
    package static func from(_ sums: [MeasureKind: SampleSums]) -> [MeasureCalibration] {
        MeasureKind.allCases.compactMap { kind in
            guard let s = sums[kind], s.count > 0 else { return nil }
            let n = Double(s.count)
            let mean = s.sum / n
            guard s.count >= 2 else {
                return MeasureCalibration(kind: kind, households: 1, ratio: cents(mean), low: nil, high: nil)
            }
            let variance = s.squaredDeviations / (n - 1)
            let margin = 1.96 * variance.squareRoot() / n.squareRoot()
            return MeasureCalibration(
                kind: kind, households: s.count, ratio: cents(mean), low: cents(mean - margin),
                high: cents(mean + margin))
        }
    }
}

/// A realisation factor the follow-ups suggest, with its range.
public struct FactorSuggestion: Sendable, Equatable {
    /// The lower end of the suggested range, at most ``likely``.
    public var low: Double
    /// The share of the technical saving the follow-ups suggest households realise, 0.05…1.
    public var likely: Double
    /// The upper end of the suggested range, at least ``likely``.
    public var high: Double

    /// Creates the value from all its parts.
    public init(low: Double, likely: Double, high: Double) {
        self.low = low
        self.likely = likely
        self.high = high
    }
}

extension MeasureCalibration {
    /// The factor these follow-ups suggest in place of `current` (the likely factor the advice used): `current` times
    /// realised ÷ expected, its range the same with the interval's ends, each within 0.05…1 and rounded to 0.01.
    /// Nil below ``enoughHouseholds`` households, whose mean is still too uncertain to change the data by.
    public func suggestion(current: Double) -> FactorSuggestion? {
        guard households >= Self.enoughHouseholds, let low, let high else { return nil }
        func clamp(_ x: Double) -> Double { cents(min(1, max(0.05, x))) }
        let likely = clamp(current * ratio)
        return FactorSuggestion(
            low: min(likely, clamp(current * low)), likely: likely, high: max(likely, clamp(current * high)))
    }
}
