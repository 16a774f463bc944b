import EnergyAdvice
import JSONText

/// kWh, € and CO2 of one energy carrier.
public struct CarrierFigures: Sendable, Equatable {
    public var kWh: Double
    public var eur: Double
    public var co2Kg: Double
    /// CO2 in tonnes, to 0.001.
    public var co2Tonnes: Double { (co2Kg).rounded() / 1000 }

    /// Creates the figures of one carrier.
    public init(kWh: Double, eur: Double, co2Kg: Double) {
        self.kWh = kWh
        self.eur = eur
        self.co2Kg = co2Kg
    }
}

/// Predicted yearly savings, electricity and heating apart.
public struct SavingFigures: Sendable, Equatable {
    /// Electricity kWh saved, valued at each visit's electricity price and CO2 factor.
    public var electricity: CarrierFigures
    /// Heating kWh saved, valued at each visit's heating price and CO2 factor.
    public var heating: CarrierFigures
    public var waterM3: Double
    /// Money not from electricity or heating kWh: water and wastewater (total − electricity − heating); under rules v1
    /// also the tariff switch, which rules v2 keep out of the totals.
    public var otherEUR: Double
    /// Σ of the advices' `totals.savingEUR`.
    public var totalEUR: Double
    public var householdEUR: Double
    /// Jobcenter and social office.
    public var publicEUR: Double
    public var landlordEUR: Double
    /// The public part the jobcenter saves (federal money: Bürgergeld).
    public var jobcenterEUR: Double
    /// The public part the social office saves (the city's own budget: Sozialhilfe, Grundsicherung).
    public var socialOfficeEUR: Double
    /// Σ of the advices' `totals.co2Kg`.
    public var co2Kg: Double

    /// Creates the value from all its parts.
    public init(
        electricity: CarrierFigures, heating: CarrierFigures, waterM3: Double, otherEUR: Double, totalEUR: Double,
        householdEUR: Double, publicEUR: Double, landlordEUR: Double, jobcenterEUR: Double, socialOfficeEUR: Double,
        co2Kg: Double
    ) {
        self.electricity = electricity
        self.heating = heating
        self.waterM3 = waterM3
        self.otherEUR = otherEUR
        self.totalEUR = totalEUR
        self.householdEUR = householdEUR
        self.publicEUR = publicEUR
        self.landlordEUR = landlordEUR
        self.jobcenterEUR = jobcenterEUR
        self.socialOfficeEUR = socialOfficeEUR
        self.co2Kg = co2Kg
    }
    public var co2Tonnes: Double { co2Kg.rounded() / 1000 }
}

/// Savings measured at follow-ups, compared with the advice's predictions for the same households.
public struct RealisedFigures: Sendable, Equatable {
    /// Households whose follow-ups gave electricity figures.
    public var householdsWithElectricity: Int
    /// Households whose follow-ups gave a heating figure.
    public var householdsWithHeating: Int
    public var electricity: CarrierFigures
    public var heating: CarrierFigures
    public var totalEUR: Double
    public var householdEUR: Double
    public var publicEUR: Double
    public var landlordEUR: Double
    public var co2Kg: Double
    /// Predicted savings of the measures the followed-up households implemented (latest follow-up).
    public var predictedImplemented: PredictedSaving
    /// Predicted savings of all recommended measures of the followed-up households.
    public var predictedRecommended: PredictedSaving

    /// Creates the value from all its parts.
    public init(
        householdsWithElectricity: Int, householdsWithHeating: Int, electricity: CarrierFigures,
        heating: CarrierFigures, totalEUR: Double, householdEUR: Double, publicEUR: Double, landlordEUR: Double,
        co2Kg: Double, predictedImplemented: PredictedSaving, predictedRecommended: PredictedSaving
    ) {
        self.householdsWithElectricity = householdsWithElectricity
        self.householdsWithHeating = householdsWithHeating
        self.electricity = electricity
        self.heating = heating
        self.totalEUR = totalEUR
        self.householdEUR = householdEUR
        self.publicEUR = publicEUR
        self.landlordEUR = landlordEUR
        self.co2Kg = co2Kg
        self.predictedImplemented = predictedImplemented
        self.predictedRecommended = predictedRecommended
    }
    public var co2Tonnes: Double { co2Kg.rounded() / 1000 }
}

/// One measure kind across the programme.
public struct MeasureBreakdown: Sendable, Equatable {
    /// The measure.
    public var kind: MeasureKind
    /// Recommended measures of this kind (a household can have several, e.g. one per lamp row).
    public var measures: Int
    /// Households with at least one.
    public var households: Int
    /// Followed-up households that implemented it.
    public var householdsImplemented: Int
    public var electricityKWh: Double
    public var heatKWh: Double
    public var waterM3: Double
    public var savingEUR: Double
    public var householdEUR: Double
    public var publicEUR: Double
    public var co2Kg: Double
    public var vouchers: Int
    public var voucherEUR: Double

    /// Creates the value from all its parts.
    public init(
        kind: MeasureKind, measures: Int, households: Int, householdsImplemented: Int, electricityKWh: Double,
        heatKWh: Double, waterM3: Double, savingEUR: Double, householdEUR: Double, publicEUR: Double, co2Kg: Double,
        vouchers: Int, voucherEUR: Double
    ) {
        self.kind = kind
        self.measures = measures
        self.households = households
        self.householdsImplemented = householdsImplemented
        self.electricityKWh = electricityKWh
        self.heatKWh = heatKWh
        self.waterM3 = waterM3
        self.savingEUR = savingEUR
        self.householdEUR = householdEUR
        self.publicEUR = publicEUR
        self.co2Kg = co2Kg
        self.vouchers = vouchers
        self.voucherEUR = voucherEUR
    }
}

/// Households and predicted savings of one group (a language or a benefit).
public struct GroupBreakdown: Sendable, Equatable {
    /// The language tag or the benefit.
    public var key: String
    public var households: Int
    public var householdsFollowedUp: Int
    public var electricityKWh: Double
    public var heatKWh: Double
    public var savingEUR: Double
    public var householdEUR: Double
    public var publicEUR: Double
    public var co2Kg: Double

    /// Creates the value from all its parts.
    public init(
        key: String, households: Int, householdsFollowedUp: Int, electricityKWh: Double, heatKWh: Double,
        savingEUR: Double, householdEUR: Double, publicEUR: Double, co2Kg: Double
    ) {
        self.key = key
        self.households = households
        self.householdsFollowedUp = householdsFollowedUp
        self.electricityKWh = electricityKWh
        self.heatKWh = heatKWh
        self.savingEUR = savingEUR
        self.householdEUR = householdEUR
        self.publicEUR = publicEUR
        self.co2Kg = co2Kg
    }
}

/// Vouchers issued: how many and how much.
public struct VoucherFigures: Sendable, Equatable {
    /// How many vouchers.
    public var count: Int
    /// Their sum, €.
    public var eur: Double

    /// Creates the value from all its parts.
    public init(count: Int, eur: Double) {
        self.count = count
        self.eur = eur
    }
}

/// Tariff switches offered by the advice: households and their yearly saving, €.
public struct TariffSwitchFigures: Sendable, Equatable {
    public var households: Int
    public var eur: Double

    /// Creates the value from all its parts.
    public init(households: Int, eur: Double) {
        self.households = households
        self.eur = eur
    }
}

/// Items of one measure handed out or fitted at the visits (Soforthilfen).
public struct HandOutFigures: Sendable, Equatable {
    /// The measure the items belong to (LED lamps, strips, showerheads, aerators).
    public var kind: MeasureKind
    /// Lamps, strips, showerheads or aerators.
    public var items: Int
    /// Households that got at least one.
    public var households: Int
    /// What the items cost the programme, € (its kit prices).
    public var programmeCostEUR: Double

    /// Creates the value from all its parts.
    public init(kind: MeasureKind, items: Int, households: Int, programmeCostEUR: Double) {
        self.kind = kind
        self.items = items
        self.households = households
        self.programmeCostEUR = programmeCostEUR
    }
}
