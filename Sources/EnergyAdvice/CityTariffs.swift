/// A city's programme: its advice office, prices and voucher rules. Values here beat the national ones.
public struct CityTariffs: Sendable, Equatable {
    /// The file name in Tariffs/ without `.xml`; visits name their city by it.
    public var id: String
    /// The city's name as the sheet prints it.
    public var name: String
    /// The name of the city's advice programme, printed on the sheet.
    public var programme: String
    /// Where the household can call; nil gives a warning in the tariff check.
    public var office: AdviceOffice?
    /// The first day the city's figures apply.
    public var validFrom: CalendarDate
    /// The date by which the city reviews its file; advice after it warns.
    public var validUntil: CalendarDate
    /// Every electricity tariff with its price history: one default, perhaps named products to switch to.
    public var electricityTariffs: [ElectricityTariff]
    /// One price per heating fuel.
    public var heatingTariffs: [HeatingFuel: EnergyTariff]
    /// Drinking water plus wastewater, gross, €/m³.
    public var waterPriceEURPerM3: Sourced<Double>
    /// The city's own CO2 factors where they differ from the national ones (district heating, mostly).
    public var co2Factors: [EnergyCarrier: Sourced<Double>]
    /// Nil: the national rule applies.
    public var fridgeVoucher: VoucherRule?
    /// What the city's programme pays for the items it hands out; missing items cost the national kit price.
    public var kitPrices: [KitItem: Sourced<Double>]
    /// The city's own realisation factors, e.g. from its follow-ups; missing measures use the national ones.
    public var realisation: [MeasureKind: RealisationFactor]
    /// The usual consumption share of building heating bills in the city; nil: the national value.
    public var consumptionShare: Sourced<Double>?
    /// How long the register keeps a household's personal data: to the end of this many calendar years after the
    /// year of its last visit or follow-up; nil when the city file gives no period.
    public var retention: Sourced<Int>?
    /// The state the city lies in: its public holidays are not working days. Nil: only nationwide holidays count.
    public var state: GermanState?
    /// The city's own public holidays besides its state's (Augsburg's Friedensfest).
    public var holidays: [PublicHoliday]
    /// Debt counselling for households in arrears.
    public var debtCounselling: [DebtCounselling]
    /// Funds that pay energy debts in hardship cases.
    public var hardshipFunds: [HardshipFund]

    /// A city file as the loader read it; the optional elements default to "use the national value".
    public init(
        id: String, name: String, programme: String, office: AdviceOffice?, validFrom: CalendarDate,
        validUntil: CalendarDate, electricityTariffs: [ElectricityTariff],
        heatingTariffs: [HeatingFuel: EnergyTariff], waterPriceEURPerM3: Sourced<Double>,
        co2Factors: [EnergyCarrier: Sourced<Double>] = [:], fridgeVoucher: VoucherRule? = nil,
        kitPrices: [KitItem: Sourced<Double>] = [:], realisation: [MeasureKind: RealisationFactor] = [:],
        consumptionShare: Sourced<Double>? = nil, state: GermanState? = nil, holidays: [PublicHoliday] = [],
        debtCounselling: [DebtCounselling] = [], hardshipFunds: [HardshipFund] = [], retention: Sourced<Int>? = nil
    ) {
        self.id = id
        self.name = name
        self.programme = programme
        self.office = office
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.electricityTariffs = electricityTariffs
        self.heatingTariffs = heatingTariffs
        self.waterPriceEURPerM3 = waterPriceEURPerM3
        self.co2Factors = co2Factors
        self.fridgeVoucher = fridgeVoucher
        self.kitPrices = kitPrices
        self.realisation = realisation
        self.consumptionShare = consumptionShare
        self.retention = retention
        self.state = state
        self.holidays = holidays
        self.debtCounselling = debtCounselling
        self.hardshipFunds = hardshipFunds
    }
}

/// The advice office the household can call.
public struct AdviceOffice: Sendable, Equatable {
    /// The office's name.
    public var name: String
    /// Street, postcode and town.
    public var address: String
    /// The phone number, as it should be dialled.
    public var phone: String
    /// An e-mail address, where the office gives one.
    public var email: String?

    /// The `<office>` of a city file.
    public init(name: String, address: String, phone: String, email: String? = nil) {
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
    }
}

/// A gross energy price as published by a supplier.
public struct EnergyTariff: Sendable, Equatable {
    /// The supplier, or a description of an average ("Gas (Durchschnitt, geschätzt)").
    public var supplier: String
    /// The product's name.
    public var name: String
    /// Gross energy price, ct/kWh: the worth of each saved kWh (rule 3).
    public var energyPriceCtPerKWh: Double
    /// Gross base price, €/year: paid whatever the use, so never part of a saving.
    public var basePriceEURPerYear: Double
    /// The day this price took effect; it stays until a later entry of the same tariff.
    public var validFrom: CalendarDate
    /// Nil for a price the household showed from its own bill.
    public var source: Source?

    /// A price as a city file or a household's bill gives it.
    public init(
        supplier: String, name: String, energyPriceCtPerKWh: Double, basePriceEURPerYear: Double,
        validFrom: CalendarDate, source: Source?
    ) {
        self.supplier = supplier
        self.name = name
        self.energyPriceCtPerKWh = energyPriceCtPerKWh
        self.basePriceEURPerYear = basePriceEURPerYear
        self.validFrom = validFrom
        self.source = source
    }

    /// kWh · price + base price, in euros rounded to cents (decimal arithmetic: ``DecimalMoney``).
    public func annualCostEUR(kWh: Double) -> Double {
        cents(DecimalMoney.euros(kWh: kWh, ctPerKWh: energyPriceCtPerKWh) + cents(basePriceEURPerYear))
    }
}

/// An electricity tariff a household in the city can choose.
public struct ElectricityTariff: Sendable, Equatable {
    /// Stable within the city file; several entries with one id are price changes over time.
    public var id: String
    /// The local basic supply (Grundversorgung), where most households are: never a switch target.
    public var basicSupply: Bool
    /// A statistical average (e.g. BDEW's), usable as a price where the local sheet is missing, but nothing a
    /// household can sign. The basic supply priced at a national mean is both: a real supply at an average price.
    public var average: Bool
    /// The tariff assumed when the visit names none.
    public var isDefault: Bool
    /// The prices and where they were published.
    public var price: EnergyTariff
    /// The contract's minimum term in months (0: none); stated for every product a switch may name.
    public var minimumTermMonths: Int?
    /// The supplier checks the household's credit before signing.
    public var creditCheck: Bool

    /// A `<tariff>` of a city file's `<electricity>`.
    public init(
        id: String, basicSupply: Bool, average: Bool = false, isDefault: Bool, price: EnergyTariff,
        minimumTermMonths: Int? = nil, creditCheck: Bool = false
    ) {
        self.id = id
        self.basicSupply = basicSupply
        self.average = average
        self.isDefault = isDefault
        self.price = price
        self.minimumTermMonths = minimumTermMonths
        self.creditCheck = creditCheck
    }

    /// A named product of a named supplier that a household can sign, for a household that may choose one (rules
    /// v2, rule 5); an average is not a product. The basic supply is a target apart: for a household that is not in
    /// it, whatever its debts.
    public var isSwitchTarget: Bool { !basicSupply && !average }
}
