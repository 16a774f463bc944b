import EnergyAdvice
import JSONText

/// kWh, € and CO2 of one energy carrier.
public struct CarrierFigures: Sendable, Equatable {
    /// Kilowatt hours a year.
    public var kWh: Double
    /// Euros a year at each visit's energy price (heating at the share that reaches the bill).
    public var eur: Double
    /// Kilograms of CO2 a year.
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
    /// Water and wastewater saved, m³ a year.
    public var waterM3: Double
    /// Money not from electricity or heating kWh: water and wastewater (total − electricity − heating); under rules v1
    /// also the tariff switch, which rules v2 keep out of the totals.
    public var otherEUR: Double
    /// Σ of the advices' `totals.savingEUR`.
    public var totalEUR: Double
    /// The part the households keep.
    public var householdEUR: Double
    /// Jobcenter and social office.
    public var publicEUR: Double
    /// The part landlords save (costs they pay).
    public var landlordEUR: Double
    /// The public part the jobcenter saves (federal money: Bürgergeld).
    public var jobcenterEUR: Double
    /// The public part the social office saves (the city's own budget: Sozialhilfe, Grundsicherung).
    public var socialOfficeEUR: Double
    /// Σ of the advices' `totals.co2Kg`.
    public var co2Kg: Double
    /// How many households each of ``householdEUR``, ``jobcenterEUR``, ``socialOfficeEUR`` and ``landlordEUR``
    /// rests on: a figure about few households is not published.
    public var householdsByPayer: PayerHouseholds

    /// Creates the value from all its parts.
    public init(
        electricity: CarrierFigures, heating: CarrierFigures, waterM3: Double, otherEUR: Double, totalEUR: Double,
        householdEUR: Double, publicEUR: Double, landlordEUR: Double, jobcenterEUR: Double, socialOfficeEUR: Double,
        co2Kg: Double, householdsByPayer: PayerHouseholds
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
        self.householdsByPayer = householdsByPayer
    }
    /// CO2 in tonnes, to 0.001.
    public var co2Tonnes: Double { co2Kg.rounded() / 1000 }
}

/// Advised households whose expected saving gives a payer more than 0 €, per payer. A household counts for every
/// payer it saves money for (its electricity for itself, its heating for the jobcenter), so the four do not add up
/// to the households advised.
public struct PayerHouseholds: Sendable, Equatable {
    /// Households that keep some of the saving themselves.
    public var household: Int
    /// Households whose saving lowers what the jobcenter pays (Bürgergeld).
    public var jobcenter: Int
    /// Households whose saving lowers what the social office pays (Sozialhilfe, Grundsicherung).
    public var socialOffice: Int
    /// Households whose saving lowers costs their landlord pays.
    public var landlord: Int

    /// Creates the value from all its parts.
    public init(household: Int, jobcenter: Int, socialOffice: Int, landlord: Int) {
        self.household = household
        self.jobcenter = jobcenter
        self.socialOffice = socialOffice
        self.landlord = landlord
    }
}

/// Savings measured at follow-ups, compared with the advice's predictions for the same households.
///
/// A household's measurement is its latest follow-up with a usable figure: electricity from 90 days after the visit
/// on, heating against a heating the visit measured (not estimated). ``electricity`` rests on
/// ``householdsWithElectricity`` households and ``expectedElectricity`` is what the advice expected of exactly those;
/// the same for heating.
public struct RealisedFigures: Sendable, Equatable {
    /// Households whose follow-ups gave electricity figures.
    public var householdsWithElectricity: Int
    /// Households whose follow-ups gave a heating figure.
    public var householdsWithHeating: Int
    /// Households with an electricity or a heating figure or both: what ``totalEUR`` rests on.
    public var householdsWithFigures: Int
    /// Measured electricity saving of the ``householdsWithElectricity`` households.
    public var electricity: CarrierFigures
    /// Measured heating saving of the ``householdsWithHeating`` households.
    public var heating: CarrierFigures
    /// What the advice expected of the electricity of the same ``householdsWithElectricity`` households.
    public var expectedElectricity: ExpectedFigures
    /// What the advice expected of the heating of the same ``householdsWithHeating`` households.
    public var expectedHeating: ExpectedFigures
    /// Electricity and heating euros together.
    public var totalEUR: Double
    /// The part the households keep.
    public var householdEUR: Double
    /// The part the jobcenters and social offices save.
    public var publicEUR: Double
    /// The part landlords save.
    public var landlordEUR: Double
    /// Kilograms of CO2 a year.
    public var co2Kg: Double
    /// Predicted savings of the measures the followed-up households implemented (latest follow-up).
    public var predictedImplemented: PredictedSaving
    /// Predicted savings of all recommended measures of the followed-up households.
    public var predictedRecommended: PredictedSaving

    /// Creates the value from all its parts.
    public init(
        householdsWithElectricity: Int, householdsWithHeating: Int, householdsWithFigures: Int,
        electricity: CarrierFigures, heating: CarrierFigures, expectedElectricity: ExpectedFigures,
        expectedHeating: ExpectedFigures, totalEUR: Double, householdEUR: Double, publicEUR: Double,
        landlordEUR: Double, co2Kg: Double, predictedImplemented: PredictedSaving, predictedRecommended: PredictedSaving
    ) {
        self.householdsWithElectricity = householdsWithElectricity
        self.householdsWithHeating = householdsWithHeating
        self.householdsWithFigures = householdsWithFigures
        self.electricity = electricity
        self.heating = heating
        self.expectedElectricity = expectedElectricity
        self.expectedHeating = expectedHeating
        self.totalEUR = totalEUR
        self.householdEUR = householdEUR
        self.publicEUR = publicEUR
        self.landlordEUR = landlordEUR
        self.co2Kg = co2Kg
        self.predictedImplemented = predictedImplemented
        self.predictedRecommended = predictedRecommended
    }
    /// CO2 in tonnes, to 0.001.
    public var co2Tonnes: Double { co2Kg.rounded() / 1000 }
}

/// What the advice expected of one carrier (kWh, valued with each visit's prices) for the households measured.
public struct ExpectedFigures: Sendable, Equatable {
    /// All the steps the advice recommended to these households (`totals` of their advice).
    public var recommended: CarrierFigures
    /// The steps the households had carried out by the follow-up that measured them.
    public var implemented: CarrierFigures

    /// Creates the value from all its parts.
    public init(recommended: CarrierFigures, implemented: CarrierFigures) {
        self.recommended = recommended
        self.implemented = implemented
    }
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
    /// Electricity saved, kWh a year.
    public var electricityKWh: Double
    /// Heating fuel saved, kWh a year.
    public var heatKWh: Double
    /// Water saved, m³ a year.
    public var waterM3: Double
    /// Euros saved a year.
    public var savingEUR: Double
    /// The part the households keep.
    public var householdEUR: Double
    /// The part the jobcenters and social offices save.
    public var publicEUR: Double
    /// Kilograms of CO2 a year.
    public var co2Kg: Double
    /// Fridge vouchers promised with this step.
    public var vouchers: Int
    /// Their sum, euros.
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
    /// Households advised.
    public var households: Int
    /// Of those, the households with a follow-up.
    public var householdsFollowedUp: Int
    /// Electricity expected to be saved, kWh a year.
    public var electricityKWh: Double
    /// Heating fuel expected to be saved, kWh a year.
    public var heatKWh: Double
    /// Euros expected to be saved a year.
    public var savingEUR: Double
    /// The part the households keep.
    public var householdEUR: Double
    /// The part the jobcenters and social offices save.
    public var publicEUR: Double
    /// Kilograms of CO2 a year.
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
    /// Households promised at least one (a household with two old fridges may get two).
    public var households: Int

    /// Creates the value from all its parts.
    public init(count: Int, eur: Double, households: Int) {
        self.count = count
        self.eur = eur
        self.households = households
    }
}

/// Tariff switches offered by the advice: households and their yearly saving, €.
public struct TariffSwitchFigures: Sendable, Equatable {
    /// Households offered a switch.
    public var households: Int
    /// What the switches save them a year, euros.
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

/// The households advised with energy debt, and what their follow-ups say of the supply.
public struct EnergyDebtFigures: Sendable, Equatable {
    /// Households that recorded a debt with their energy supplier.
    public var households: Int
    /// Of those, the households with a cut-off threat (an Androhung).
    public var threatened: Int
    /// Of those, the households with an announced cut-off date (an Ankündigung).
    public var announced: Int
    /// Of those, the households whose supply was already cut off at the visit.
    public var cutOff: Int
    /// The arrears of all those households, €.
    public var arrearsEUR: Double
    /// Debt households whose follow-up said whether the supply continued.
    public var followedUp: Int
    /// Households with a threatened or announced cut-off whose latest answer says the supply continued.
    public var cutOffsAverted: Int
    /// Debt households whose latest answer says an agreement with the supplier was reached.
    public var agreementsReached: Int

    /// Creates the value from all its parts; none by default.
    public init(
        households: Int = 0, threatened: Int = 0, announced: Int = 0, cutOff: Int = 0, arrearsEUR: Double = 0,
        followedUp: Int = 0, cutOffsAverted: Int = 0, agreementsReached: Int = 0
    ) {
        self.households = households
        self.threatened = threatened
        self.announced = announced
        self.cutOff = cutOff
        self.arrearsEUR = arrearsEUR
        self.followedUp = followedUp
        self.cutOffsAverted = cutOffsAverted
        self.agreementsReached = agreementsReached
    }
}
