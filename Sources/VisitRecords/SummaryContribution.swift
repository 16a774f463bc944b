import EnergyAdvice

/// What one visit adds to a programme summary beyond the figures it is stored with: its predicted savings valued
/// through the core's prices (rules 3 and 4), and what its follow-ups show. The summary sums these, and a store that
/// aggregates in its database keeps them with the visit (worked out here when the visit or its follow-ups change),
/// so both ways give one summary.
public struct SummaryContribution: Sendable, Equatable {
    /// The predicted electricity saving valued at the visit's price, €, and its CO2 factor, kg (0 without one).
    public var electricityEUR: Double
    /// See ``electricityEUR``.
    public var electricityCO2Kg: Double
    /// The predicted heating saving valued at the visit's heating price and bill share, €, and its CO2, kg (0 where
    /// the advice had no price or factor).
    public var heatingEUR: Double
    /// See ``heatingEUR``.
    public var heatingCO2Kg: Double
    /// The measures the latest follow-up reports carried out; nil when the visit was not followed up.
    public var implemented: [MeasureKind]?
    /// The electricity saving of the latest follow-up that gave one over 90 days or more.
    public var realisedElectricity: RealisedSaving?
    /// The heating saving of the latest follow-up that gave one against a measured baseline.
    public var realisedHeating: RealisedSaving?
    /// The predicted savings of the measures carried out (latest follow-up), unrounded; zero when not followed up.
    public var predictedImplemented: PredictionSums
    /// The predicted savings of all recommended measures of a followed-up visit, unrounded; zero otherwise.
    public var predictedRecommended: PredictionSums
    /// One realised ÷ expected sample per measure carried out, for the calibration (``MeasureCalibration``).
    public var calibrationSamples: [CalibrationSample]
    /// What the advice expected of the steps carried out by the follow-up that measured electricity (its kWh valued
    /// with the visit's prices); nil without such a follow-up.
    public var expectedImplementedElectricity: ValuedKWh?
    /// The same for heating.
    public var expectedImplementedHeating: ValuedKWh?
    /// Whether an item was handed out or fitted at the visit.
    public var handedOut: Bool
    /// Whether a fridge voucher was promised.
    public var voucherPromised: Bool
    /// What the follow-ups of a visit with energy debt say of its supply; nil without debt.
    public var debtOutcome: DebtOutcome?

    /// The contribution of `visit`, with its measures and follow-ups.
    public init(visit: RegisteredVisit) {
        debtOutcome = visit.energyDebt.isRecorded ? DebtOutcome(followUps: visit.followUps) : nil
        let t = visit.totals
        let electricity = visit.prices.electricity(kWh: t.electricityKWh)
        let heating = visit.prices.heating(kWh: t.heatKWh)
        electricityEUR = electricity.eur
        electricityCO2Kg = electricity.co2Kg ?? 0
        heatingEUR = heating.eur ?? 0
        heatingCO2Kg = heating.co2Kg ?? 0
        handedOut = visit.measures.contains { $0.items > 0 }
        voucherPromised = visit.measures.contains { $0.kind == .fridgeReplacement && $0.voucherEUR > 0 }
        guard let latest = visit.followUps.last else {
            implemented = nil
            realisedElectricity = nil
            realisedHeating = nil
            predictedImplemented = PredictionSums()
            predictedRecommended = PredictionSums()
            calibrationSamples = []
            expectedImplementedElectricity = nil
            expectedImplementedHeating = nil
            return
        }
        implemented = latest.implemented
        // A follow-up sooner than 90 days after the visit, or a heating figure against an estimated baseline,
        // measures too little to report to a council (``RegisteredVisit/measuredFollowUps``).
        let (electricityFollowUp, heatingFollowUp) = visit.measuredFollowUps
        realisedElectricity = electricityFollowUp?.electricity
        realisedHeating = heatingFollowUp?.heating
        let prices = visit.prices
        expectedImplementedElectricity = electricityFollowUp.map { f in
            let kWh = f.predicted.electricityKWh
            let value = prices.electricity(kWh: kWh)
            return ValuedKWh(kWh: kWh, eur: value.eur, co2Kg: value.co2Kg ?? 0)
        }
        expectedImplementedHeating = heatingFollowUp.map { f in
            let kWh = f.predicted.heatKWh
            let value = prices.heating(kWh: kWh)
            return ValuedKWh(kWh: kWh, eur: value.eur ?? 0, co2Kg: value.co2Kg ?? 0)
        }
        let carriedOut = visit.measures.filter { latest.implemented.contains($0.kind) }
        predictedImplemented = PredictionSums(carriedOut)
        predictedRecommended = PredictionSums(visit.measures)

        var samples: [CalibrationSample] = []
        var added: Set<MeasureKind> = []
        if let e = electricityFollowUp?.electricity, let expected = electricityFollowUp?.predicted.electricityKWh,
            expected > 0
        {
            for m in carriedOut where m.electricityKWh > 0 && added.insert(m.kind).inserted {
                samples.append(CalibrationSample(kind: m.kind, ratio: e.savedKWhPerYear / expected))
            }
        }
        if let h = heatingFollowUp?.heating, let expected = heatingFollowUp?.predicted.heatKWh, expected > 0 {
            for m in carriedOut where m.heatKWh > 0 && added.insert(m.kind).inserted {
                samples.append(CalibrationSample(kind: m.kind, ratio: h.savedKWhPerYear / expected))
            }
        }
        calibrationSamples = samples
    }
}

/// What a debt household's follow-ups say: each answer from the latest follow-up that gave it.
public struct DebtOutcome: Sendable, Equatable {
    /// Whether the supply continued (not cut off, or restored); nil when no follow-up answered.
    public var supplyContinued: Bool?
    /// Whether an agreement with the supplier was reached; nil when no follow-up answered.
    public var agreementReached: Bool?

    /// The answers as stored.
    public init(supplyContinued: Bool?, agreementReached: Bool?) {
        self.supplyContinued = supplyContinued
        self.agreementReached = agreementReached
    }

    /// The latest answers of `followUps` (oldest first): a later follow-up knows better what became of the supply.
    public init(followUps: [FollowUpResult]) {
        supplyContinued = followUps.last { $0.supplyContinued != nil }?.supplyContinued
        agreementReached = followUps.last { $0.agreementReached != nil }?.agreementReached
    }
}

/// Running sums of the energy debt of the visits.
package struct DebtSums: Sendable {
    package var households = 0
    package var threatened = 0
    package var announced = 0
    package var cutOff = 0
    package var arrearsEUR = 0.0
    package var followedUp = 0
    package var cutOffsAverted = 0
    package var agreementsReached = 0

    package init() {}

    mutating func add(_ debt: RegisteredDebt, _ outcome: DebtOutcome?) {
        guard debt.isRecorded else { return }
        households += 1
        if debt.threatened > 0 { threatened += 1 }
        if debt.announced > 0 { announced += 1 }
        if debt.cutOff > 0 { cutOff += 1 }
        arrearsEUR += debt.arrearsEUR
        if outcome?.supplyContinued != nil { followedUp += 1 }
        if debt.isCutOffThreatened && outcome?.supplyContinued == true { cutOffsAverted += 1 }
        if outcome?.agreementReached == true { agreementsReached += 1 }
    }

    var figures: EnergyDebtFigures {
        EnergyDebtFigures(
            households: households, threatened: threatened, announced: announced, cutOff: cutOff,
            arrearsEUR: cents(arrearsEUR), followedUp: followedUp, cutOffsAverted: cutOffsAverted,
            agreementsReached: agreementsReached)
    }
}

/// Unrounded sums of the predicted savings of some measures.
public struct PredictionSums: Sendable, Equatable {
    /// Electricity, kWh a year.
    public var electricityKWh = 0.0
    /// Heating fuel, kWh a year.
    public var heatKWh = 0.0
    /// Euros a year.
    public var savingEUR = 0.0
    /// Kilograms of CO2 a year.
    public var co2Kg = 0.0

    /// Zero.
    public init() {}

    /// The sums over `measures`.
    public init(_ measures: [RegisteredMeasure]) {
        for m in measures { add(m) }
    }

    /// The sums as they are stored.
    public init(electricityKWh: Double, heatKWh: Double, savingEUR: Double, co2Kg: Double) {
        self.electricityKWh = electricityKWh
        self.heatKWh = heatKWh
        self.savingEUR = savingEUR
        self.co2Kg = co2Kg
    }

    mutating func add(_ m: RegisteredMeasure) {
        electricityKWh += m.electricityKWh
        heatKWh += m.heatKWh
        savingEUR += m.savingEUR
        co2Kg += m.co2Kg
    }

    /// Adds other sums.
    package mutating func add(_ other: PredictionSums) {
        electricityKWh += other.electricityKWh
        heatKWh += other.heatKWh
        savingEUR += other.savingEUR
        co2Kg += other.co2Kg
    }

    /// Rounded to cents, as a summary shows them.
    var rounded: PredictedSaving {
        PredictedSaving(
            electricityKWh: cents(electricityKWh), heatKWh: cents(heatKWh), savingEUR: cents(savingEUR),
            co2Kg: cents(co2Kg))
    }
}

/// kWh of one carrier with the euros and kg CO2 the advice valued them at.
public struct ValuedKWh: Sendable, Equatable {
    /// Kilowatt hours a year.
    public var kWh: Double
    /// Euros a year, at the visit's prices.
    public var eur: Double
    /// Kilograms of CO2 a year.
    public var co2Kg: Double

    /// Values as stored.
    public init(kWh: Double, eur: Double, co2Kg: Double) {
        self.kWh = kWh
        self.eur = eur
        self.co2Kg = co2Kg
    }
}

/// One household's realised ÷ expected saving of a measure it carried out.
public struct CalibrationSample: Sendable, Equatable {
    /// The measure.
    public var kind: MeasureKind
    /// Realised ÷ expected.
    public var ratio: Double

    /// A sample.
    public init(kind: MeasureKind, ratio: Double) {
        self.kind = kind
        self.ratio = ratio
    }
}

/// Running sums of the realised savings of the followed-up visits.
package struct RealisedSums: Sendable {
    package var electricity = CarrierSums()
    package var heating = CarrierSums()
    /// € of the realised electricity savings by who keeps them (always the household today).
    package var electricityEURByPayer: [Payer: Double] = [:]
    /// € of the realised heating savings by who keeps them (who pays the heating).
    package var heatingEURByPayer: [Payer: Double] = [:]
    package var predictedImplemented = PredictionSums()
    package var predictedRecommended = PredictionSums()
    /// Households with an electricity or a heating figure or both.
    package var householdsWithFigures = 0
    /// What the advice expected of the households measured: all recommended steps, and those carried out.
    package var expectedElectricity = (recommended: ValuedSums(), implemented: ValuedSums())
    package var expectedHeating = (recommended: ValuedSums(), implemented: ValuedSums())

    package init() {}

    mutating func add(_ c: SummaryContribution, _ visit: RegisteredVisit) {
        if let e = c.realisedElectricity {
            electricity.add(e)
            electricityEURByPayer[e.beneficiary, default: 0] += e.savedEURPerYear ?? 0
            expectedElectricity.recommended.add(
                ValuedKWh(kWh: visit.totals.electricityKWh, eur: c.electricityEUR, co2Kg: c.electricityCO2Kg))
            if let expected = c.expectedImplementedElectricity { expectedElectricity.implemented.add(expected) }
        }
        if let h = c.realisedHeating {
            heating.add(h)
            heatingEURByPayer[h.beneficiary, default: 0] += h.savedEURPerYear ?? 0
            expectedHeating.recommended.add(
                ValuedKWh(kWh: visit.totals.heatKWh, eur: c.heatingEUR, co2Kg: c.heatingCO2Kg))
            if let expected = c.expectedImplementedHeating { expectedHeating.implemented.add(expected) }
        }
        if c.realisedElectricity != nil || c.realisedHeating != nil { householdsWithFigures += 1 }
        predictedImplemented.add(c.predictedImplemented)
        predictedRecommended.add(c.predictedRecommended)
    }

    /// The realised figures, rounded once.
    var figures: RealisedFigures {
        let e = electricity.figures
        let h = heating.figures
        func eur(_ who: (Payer) -> Bool) -> Double {
            // In the payers' fixed order: a dictionary's order changes from run to run, and so would the last digit.
            let payers = Payer.allCases.filter(who)
            let fromElectricity = payers.reduce(0) { $0 + (electricityEURByPayer[$1] ?? 0) }
            let fromHeating = payers.reduce(0) { $0 + (heatingEURByPayer[$1] ?? 0) }
            return cents(fromElectricity + fromHeating)
        }
        return RealisedFigures(
            householdsWithElectricity: electricity.households, householdsWithHeating: heating.households,
            householdsWithFigures: householdsWithFigures, electricity: e, heating: h,
            expectedElectricity: ExpectedFigures(
                recommended: expectedElectricity.recommended.figures,
                implemented: expectedElectricity.implemented.figures),
            expectedHeating: ExpectedFigures(
                recommended: expectedHeating.recommended.figures, implemented: expectedHeating.implemented.figures),
            totalEUR: cents(e.eur + h.eur),
            householdEUR: eur { $0 == .household }, publicEUR: eur(\.isPublic), landlordEUR: eur { $0 == .landlord },
            co2Kg: cents(e.co2Kg + h.co2Kg),
            predictedImplemented: predictedImplemented.rounded, predictedRecommended: predictedRecommended.rounded)
    }
}

/// Running sums of valued kWh.
package struct ValuedSums: Sendable {
    package var kWh = 0.0
    package var eur = 0.0
    package var co2Kg = 0.0

    package init(kWh: Double = 0, eur: Double = 0, co2Kg: Double = 0) {
        self.kWh = kWh
        self.eur = eur
        self.co2Kg = co2Kg
    }

    mutating func add(_ value: ValuedKWh) {
        kWh += value.kWh
        eur += value.eur
        co2Kg += value.co2Kg
    }

    var figures: CarrierFigures { CarrierFigures(kWh: cents(kWh), eur: cents(eur), co2Kg: cents(co2Kg)) }
}

/// Running sums of the realised savings of one energy carrier.
package struct CarrierSums: Sendable {
    package var households = 0
    package var kWh = 0.0
    package var eur = 0.0
    package var co2Kg = 0.0

    package init() {}

    mutating func add(_ saving: RealisedSaving) {
        households += 1
        kWh += saving.savedKWhPerYear
        eur += saving.savedEURPerYear ?? 0
        co2Kg += saving.savedCO2KgPerYear ?? 0
    }

    var figures: CarrierFigures { CarrierFigures(kWh: cents(kWh), eur: cents(eur), co2Kg: cents(co2Kg)) }
}

/// Running statistics of the calibration samples of one measure.
package struct SampleSums: Sendable {
    package var count = 0
    package var sum = 0.0
    /// Σ (ratio − mean)², from a second pass once the mean is known.
    package var squaredDeviations = 0.0

    package init(count: Int = 0, sum: Double = 0, squaredDeviations: Double = 0) {
        self.count = count
        self.sum = sum
        self.squaredDeviations = squaredDeviations
    }

    /// The statistics of `values`, in two passes.
    init(_ values: [Double]) {
        count = values.count
        sum = values.reduce(0, +)
        let mean = count == 0 ? 0 : sum / Double(count)
        squaredDeviations = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }
}
