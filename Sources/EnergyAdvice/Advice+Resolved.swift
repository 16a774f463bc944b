extension Advice {
    /// The household's benefit as the advice resolved it (`none` when the visit named none).
    public var benefit: Benefit { household.benefit ?? .none }

    /// Who pays the heating, as the advice resolved it from the visit or the benefit's default.
    public var heatingPayer: Payer { household.heatingCostsPaidBy ?? .household }
}
