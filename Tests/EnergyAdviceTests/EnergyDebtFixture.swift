import EnergyAdvice

/// The law of cut-offs built in code with the figures of EnWG §§ 41f, 41g and the rules before them, and a few
/// holidays of three states, so every date and euro below can be worked by hand.
enum DebtFixture {
    static let src = Fixture.src
    static func s(_ v: Double) -> Sourced<Double> { Sourced(v, src) }
    static func n(_ v: Int) -> Sourced<Int> { Sourced(v, src) }
    static func date(_ text: String) -> CalendarDate { Fixture.date(text) }

    /// From 23 December 2025, every supply; the basic supplier offers an agreement within a week.
    static let rules2025 = CutOffRules(
        id: "enwg-2025", law: "§§ 41f, 41g EnWG", validFrom: date("2025-12-23"), validUntil: nil,
        supplies: [.basic, .replacement, .contract], minimumArrearsEUR: s(100), installmentMultiple: s(2),
        annualBillDivisor: s(6), threatWeeks: n(4), announcementWorkingDays: n(8), periodCounting: src,
        workingDays: src, disproportionality: src,
        agreement: AgreementRules(
            supplies: [.basic], offerWithinDays: n(7),
            terms: [
                TermBand(aboveEUR: 0, minMonths: 6, maxMonths: 18, source: src),
                TermBand(aboveEUR: 300, minMonths: 12, maxMonths: 24, source: src),
            ], source: src),
        socialOfficeContact: SocialOfficeContact(supplies: [.basic], workingDays: n(8)), source: src)

    /// 1 December 2021 to 22 December 2025, basic and replacement supply only, one band, no offer period.
    static let rules2021 = CutOffRules(
        id: "gvv-2021", law: "§ 19 StromGVV/GasGVV", validFrom: date("2021-12-01"), validUntil: date("2025-12-22"),
        supplies: [.basic, .replacement], minimumArrearsEUR: s(100), installmentMultiple: s(2),
        annualBillDivisor: s(6), threatWeeks: n(4), announcementWorkingDays: n(8), periodCounting: src,
        workingDays: src, disproportionality: src,
        agreement: AgreementRules(
            supplies: [.basic, .replacement], offerWithinDays: nil,
            terms: [TermBand(aboveEUR: 0, minMonths: 6, maxMonths: 18, source: src)], source: src),
        socialOfficeContact: nil, source: src)

    static let holidays: [PublicHoliday] = [
        PublicHoliday(
            name: "Neujahr", rule: .fixed(month: 1, day: 1), states: [.bavaria, .bremen, .saxony], source: src),
        PublicHoliday(name: "Heilige Drei Könige", rule: .fixed(month: 1, day: 6), states: [.bavaria], source: src),
        PublicHoliday(name: "Allerheiligen", rule: .fixed(month: 11, day: 1), states: [.bavaria], source: src),
        PublicHoliday(
            name: "Reformationstag", rule: .fixed(month: 10, day: 31), states: [.bremen], fromYear: 2018, source: src),
        PublicHoliday(name: "Reformationsfest", rule: .fixed(month: 10, day: 31), states: [.saxony], source: src),
        PublicHoliday(
            name: "Buß- und Bettag", rule: .weekdayOnOrBefore(weekday: 3, month: 11, day: 22), states: [.saxony],
            source: src),
    ]

    static let loans = [
        BenefitLoan(
            benefits: [.buergergeld], office: .jobcenter,
            bases: [
                LoanBasis(
                    law: "§ 22 Abs. 8 SGB II", carriers: [.electricity, .gas], grantPossible: false,
                    offsets: [
                        LoanOffset(
                            percent: 5, upTo: false, standardRateLevel: nil, validFrom: date("2023-07-01"),
                            validUntil: nil, source: src)
                    ], source: src)
            ]),
        BenefitLoan(
            benefits: [.sozialhilfe, .grundsicherung], office: .socialOffice,
            bases: [
                LoanBasis(
                    law: "§ 36 Abs. 1 SGB XII", carriers: [.electricity, .gas], grantPossible: true, offsets: [],
                    source: src),
                LoanBasis(
                    law: "§ 37 Abs. 1 SGB XII", carriers: [.electricity], grantPossible: false,
                    offsets: [
                        LoanOffset(
                            percent: 5, upTo: true, standardRateLevel: 1, validFrom: nil, validUntil: nil, source: src)
                    ], source: src),
            ]),
        BenefitLoan(
            benefits: [.none, .wohngeld, .kinderzuschlag], office: .socialOffice,
            bases: [
                LoanBasis(
                    law: "§ 36 Abs. 1 SGB XII", carriers: [.electricity, .gas], grantPossible: true, offsets: [],
                    source: src)
            ]),
    ]

    static let dangers: [DangerRule] =
        [
            DangerRule(risk: .medicalDevice, carrier: .electricity, heatingSeasonOnly: false, source: src)
        ]
        + [HouseholdRisk.infant, .pregnancy, .elderly, .seriousIllness, .disability].map {
            DangerRule(risk: $0, carrier: .heating, heatingSeasonOnly: true, source: src)
        }

    static let law = EnergyDebtLaw(
        validFrom: date("2021-12-01"), validUntil: date("2027-12-31"), cutOffRules: [rules2025, rules2021],
        loans: loans, standardRates: [StandardRate(level: 1, eur: 563, validFrom: date("2024-01-01"), source: src)],
        holidays: holidays, heatingSeason: Sourced(HeatingSeason(fromMonth: 10, untilMonth: 4), src), dangers: dangers)

    /// The test city in `state`, with its hardship funds.
    static func city(_ state: GermanState? = .saxony, funds: [HardshipFund] = []) -> CityTariffs {
        var city = Fixture.city
        city.state = state
        city.hardshipFunds = funds
        return city
    }

    /// A visit of a flat with 2,000 kWh a year at the test city's 41.18 ct/kWh and no base price: an expected bill
    /// of 823.60 € (68.63 € a month), no steps that save anything unless `lighting` is given.
    static func visit(
        _ debts: [EnergyDebt], date: String = "2026-03-14", benefit: Benefit? = nil, installment: Double? = nil,
        heating: HeatingUse? = nil, lighting: [LightingRow] = []
    ) -> Visit {
        var visit = Fixture.visit(benefit: benefit, heating: heating, lighting: lighting, date: date)
        visit.electricity.monthlyInstallmentEUR = installment
        visit.energyDebt = debts
        return visit
    }

    static func advise(_ visit: Visit, city: CityTariffs = city()) throws -> [EnergyDebtAdvice] {
        try AdviceCalculator(reference: Fixture.reference, city: city, energyLaw: law).advise(visit).energyDebt
    }

    /// The one debt's advice.
    static func one(
        _ debt: EnergyDebt, city: CityTariffs = city(), date: String = "2026-03-14",
        benefit: Benefit? = nil, installment: Double? = nil, heating: HeatingUse? = nil,
        lighting: [LightingRow] = []
    ) throws -> EnergyDebtAdvice {
        let all = try advise(
            visit(
                [debt], date: date, benefit: benefit, installment: installment, heating: heating,
                lighting: lighting), city: city)
        guard let first = all.first else { throw FixtureError.noAdvice }
        return first
    }

    enum FixtureError: Error { case noAdvice }

    /// A debt whose periods have passed by 14 March 2026: the threat came on Monday 5 January (four weeks end on
    /// Monday 2 February), the announcement on Monday 2 February (eight working days end on Wednesday 11 February).
    static func overdue(
        _ arrears: Double, installment: Double? = nil, bill: Double? = nil, supply: SupplyKind? = nil,
        risks: [HouseholdRisk] = [], carrier: DebtCarrier = .electricity
    ) -> EnergyDebt {
        EnergyDebt(
            carrier: carrier, arrearsEUR: arrears, monthlyInstallmentEUR: installment, annualBillEUR: bill,
            supply: supply, threatDate: date("2026-01-05"), announcementDate: date("2026-02-02"), risks: risks)
    }
}
