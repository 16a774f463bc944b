import EnergyAdvice

/// The programme summary as SQL: five aggregate functions over the figures each visit is stored with. Advisors and
/// clerks call `esp.summary_*` as themselves, so row-level security limits them to their visits; a programme lead,
/// who may read no visit, calls the `esp.programme_*` twins, which run as the register's owner and return aggregates
/// only. Each takes the filter `(p_from date, p_to date, p_city text)`.
enum PostgresSummarySQL {
    /// The filter on a table with `date` and `city`.
    static let filter = """
        (p_from IS NULL OR date >= p_from) AND (p_to IS NULL OR date <= p_to) AND (p_city IS NULL OR city = p_city)
        """

    /// One aggregate: its name, the columns it returns and its query.
    struct Function {
        let name: String
        let returns: String
        let query: String
    }

    /// The payers whose realised savings the totals sum apart, in the order of ``EnergyAdvice/Payer/allCases``
    /// (a new payer needs a new schema step).
    static let payers = Payer.allCases.map(\.rawValue)

    static let all: [Function] = [
        // Households and predicted savings: all, by language, by benefit, by quarter (its first day); and the
        // cities and rules versions present. One pass; grouping sets are not run in parallel, so the sums that need
        // no group are left to `totals`, which is.
        Function(
            name: "groups",
            returns: """
                grp text, key text, households bigint, followed_up bigint, electricity_kwh float8, heat_kwh float8,
                saving_eur float8, household_eur float8, public_eur float8, co2_kg float8
                """,
            query: """
                SELECT CASE WHEN GROUPING(language) = 0 THEN 'language' WHEN GROUPING(benefit) = 0 THEN 'benefit'
                        WHEN GROUPING(quarter) = 0 THEN 'quarter' WHEN GROUPING(city) = 0 THEN 'city'
                        WHEN GROUPING(rules_version) = 0 THEN 'rules' ELSE 'all' END,
                    coalesce(language, benefit, quarter::text, city, rules_version::text),
                    count(*), count(*) FILTER (WHERE followed_up), coalesce(sum(saved_electricity_kwh), 0),
                    coalesce(sum(saved_heat_kwh), 0), coalesce(sum(saving_eur), 0), coalesce(sum(household_eur), 0),
                    coalesce(sum(public_eur), 0), coalesce(sum(co2_kg), 0)
                FROM (SELECT *, date_trunc('quarter', date)::date AS quarter FROM esp.visit WHERE \(filter)) v
                GROUP BY GROUPING SETS ((), (language), (benefit), (quarter), (city), (rules_version));
                """),
        // The programme's other sums: valued savings, payers, tariff switches, what the follow-ups show (realised
        // euros by who keeps them, in the order of `payers`).
        Function(
            name: "totals",
            returns: """
                electricity_eur float8, heating_eur float8, electricity_co2_kg float8, heating_co2_kg float8,
                water_m3 float8, landlord_eur float8, jobcenter_eur float8, social_office_eur float8,
                switch_households bigint, switch_eur float8, estimated_heating bigint, persons bigint,
                replacements_reported bigint, realised_electricity_households bigint, realised_electricity_kwh
                float8, realised_electricity_eur float8, realised_electricity_co2_kg float8,
                realised_heating_households bigint, realised_heating_kwh float8, realised_heating_eur float8,
                realised_heating_co2_kg float8, implemented_electricity_kwh float8, implemented_heat_kwh float8,
                implemented_eur float8, implemented_co2_kg float8, recommended_electricity_kwh float8,
                recommended_heat_kwh float8, recommended_eur float8, recommended_co2_kg float8,
                realised_electricity_eur_by_payer float8[], realised_heating_eur_by_payer float8[],
                households bigint[], expected float8[]
                """,
            query: """
                SELECT coalesce(sum(valued_electricity_eur), 0), coalesce(sum(valued_heating_eur), 0),
                    coalesce(sum(valued_electricity_co2_kg), 0), coalesce(sum(valued_heating_co2_kg), 0),
                    coalesce(sum(saved_water_m3), 0), coalesce(sum(landlord_eur), 0), coalesce(sum(jobcenter_eur), 0),
                    coalesce(sum(social_office_eur), 0), count(*) FILTER (WHERE tariff_switch_eur > 0),
                    coalesce(sum(tariff_switch_eur) FILTER (WHERE tariff_switch_eur > 0), 0),
                    count(*) FILTER (WHERE heating_estimated), coalesce(sum(persons), 0),
                    count(*) FILTER (WHERE 'fridge-replacement' = ANY (implemented)),
                    count(realised_electricity_kwh), coalesce(sum(realised_electricity_kwh), 0),
                    coalesce(sum(realised_electricity_eur), 0), coalesce(sum(realised_electricity_co2_kg), 0),
                    count(realised_heating_kwh), coalesce(sum(realised_heating_kwh), 0),
                    coalesce(sum(realised_heating_eur), 0), coalesce(sum(realised_heating_co2_kg), 0),
                    coalesce(sum(implemented_electricity_kwh), 0), coalesce(sum(implemented_heat_kwh), 0),
                    coalesce(sum(implemented_eur), 0), coalesce(sum(implemented_co2_kg), 0),
                    coalesce(sum(recommended_electricity_kwh), 0), coalesce(sum(recommended_heat_kwh), 0),
                    coalesce(sum(recommended_eur), 0), coalesce(sum(recommended_co2_kg), 0),
                    ARRAY[\(byPayer("electricity"))], ARRAY[\(byPayer("heating"))],
                    ARRAY[count(*) FILTER (WHERE household_eur > 0), count(*) FILTER (WHERE jobcenter_eur > 0),
                        count(*) FILTER (WHERE social_office_eur > 0), count(*) FILTER (WHERE landlord_eur > 0),
                        count(*) FILTER (WHERE handed_out), count(*) FILTER (WHERE voucher_promised),
                        count(*) FILTER (WHERE realised_electricity_kwh IS NOT NULL
                            OR realised_heating_kwh IS NOT NULL)],
                    ARRAY[\(expected("electricity", "electricity")), \(expected("heating", "heat"))]
                FROM esp.visit WHERE \(filter);
                """),
        // By measure kind: the recommended measures and what was handed out at the visits.
        Function(
            name: "measures",
            returns: """
                kind text, measures bigint, households bigint, electricity_kwh float8, heat_kwh float8, water_m3
                float8, saving_eur float8, household_eur float8, public_eur float8, co2_kg float8, vouchers bigint,
                voucher_eur float8, items bigint, given_households bigint, programme_cost_eur float8
                """,
            query: """
                SELECT kind, count(*), count(*) FILTER (WHERE first_of_kind), sum(electricity_kwh), sum(heat_kwh),
                    sum(water_m3), sum(saving_eur), sum(household_eur), sum(public_eur), sum(co2_kg),
                    count(*) FILTER (WHERE voucher_eur > 0), coalesce(sum(voucher_eur) FILTER (WHERE voucher_eur > 0), 0),
                    sum(items), count(*) FILTER (WHERE first_given_of_kind),
                    coalesce(sum(programme_cost_eur) FILTER (WHERE items > 0), 0)
                FROM esp.measure WHERE \(filter) GROUP BY kind;
                """),
        // Followed-up households that carried each measure out (their latest follow-up).
        Function(
            name: "implemented",
            returns: "kind text, households bigint",
            query: """
                SELECT k, count(*) FROM esp.visit, unnest(implemented) AS k
                WHERE followed_up AND \(filter) GROUP BY k;
                """),
        // Realised ÷ expected per measure: samples, their sum and squared deviations from their mean (two passes).
        Function(
            name: "calibration",
            returns: "kind text, samples bigint, total float8, squared_deviations float8",
            query: """
                WITH s AS (SELECT kind, ratio FROM esp.calibration_sample WHERE \(filter)),
                    m AS (SELECT kind, count(*) AS n, sum(ratio) AS total FROM s GROUP BY kind)
                SELECT m.kind, m.n, m.total, sum((s.ratio - m.total / m.n) * (s.ratio - m.total / m.n))
                FROM s JOIN m USING (kind) GROUP BY m.kind, m.n, m.total;
                """),
    ]

    /// What the advice expected of the households measured on one carrier: all recommended steps (kWh, €, kg CO2
    /// as valued with the visit), then the steps carried out by the measuring follow-up.
    static func expected(_ carrier: String, _ short: String) -> String {
        let measured = "realised_\(carrier)_kwh IS NOT NULL"
        return
            ([
                "saved_\(short)_kwh", "valued_\(carrier)_eur", "valued_\(carrier)_co2_kg",
            ].map { "coalesce(sum(\($0)) FILTER (WHERE \(measured)), 0)" }
            + ["kwh", "eur", "co2_kg"].map { "coalesce(sum(expected_implemented_\(short)_\($0)), 0)" })
            .joined(separator: ", ")
    }

    /// The realised euros of one carrier summed by payer, in the order of ``payers``.
    static func byPayer(_ carrier: String) -> String {
        payers.map {
            "coalesce(sum(realised_\(carrier)_eur) FILTER (WHERE realised_\(carrier)_payer = '\($0)'), 0)"
        }.joined(separator: ", ")
    }

    /// Schema 7: the households with energy debt, and each one's latest answers at follow-ups (whether the supply
    /// continued, whether an agreement was reached), as ``VisitRecords/DebtOutcome`` takes them.
    static let energyDebt = Function(
        name: "energy_debt",
        returns: """
            households bigint, threatened bigint, announced bigint, cut_off bigint, arrears_eur float8,
            followed_up bigint, cut_offs_averted bigint, agreements_reached bigint
            """,
        query: """
            SELECT count(*), count(*) FILTER (WHERE debt_threatened > 0), count(*) FILTER (WHERE debt_announced > 0),
                count(*) FILTER (WHERE debt_cut_off > 0), coalesce(sum(debt_arrears_eur), 0),
                count(*) FILTER (WHERE supply IS NOT NULL),
                count(*) FILTER (WHERE supply AND (debt_threatened > 0 OR debt_announced > 0)),
                count(*) FILTER (WHERE agreement)
            FROM (SELECT v.debt_threatened, v.debt_announced, v.debt_cut_off, v.debt_arrears_eur,
                    (SELECT f.supply_continued FROM esp.follow_up f WHERE f.visit_id = v.visit_id
                        AND f.supply_continued IS NOT NULL ORDER BY f.date DESC LIMIT 1) AS supply,
                    (SELECT f.agreement_reached FROM esp.follow_up f WHERE f.visit_id = v.visit_id
                        AND f.agreement_reached IS NOT NULL ORDER BY f.date DESC LIMIT 1) AS agreement
                FROM esp.visit v WHERE v.debt_count > 0 AND \(filter)) d;
            """)

    /// The functions of schema 6, their lead's twins, and who may call which.
    static var functions: String {
        definitions(all) + """

            CREATE FUNCTION esp.programme_cities() RETURNS SETOF text
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = esp, pg_temp AS $f$
                SELECT DISTINCT city FROM esp.visit $f$;
            REVOKE ALL ON ALL FUNCTIONS IN SCHEMA esp FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION \(signatures(all, "summary")) TO esp_advisor, esp_clerk;
            GRANT EXECUTE ON FUNCTION \(signatures(all, "programme")), esp.programme_cities() TO esp_lead;
            """
    }

    /// Functions a later schema step adds, their lead's twins, and who may call which.
    static func added(_ functions: [Function]) -> String {
        let summary = signatures(functions, "summary")
        let programme = signatures(functions, "programme")
        return definitions(functions) + """

            REVOKE ALL ON FUNCTION \(summary), \(programme) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION \(summary) TO esp_advisor, esp_clerk;
            GRANT EXECUTE ON FUNCTION \(programme) TO esp_lead;
            """
    }

    /// The signatures of `functions` under a prefix, for GRANT and REVOKE.
    static func signatures(_ functions: [Function], _ prefix: String) -> String {
        functions.map { "esp.\(prefix)_\($0.name)(date, date, text)" }.joined(separator: ", ")
    }

    /// Each function run as its caller, and its twin run as the register's owner for a lead.
    static func definitions(_ functions: [Function]) -> String {
        let invoker = functions.map { f in
            """
            CREATE FUNCTION esp.summary_\(f.name)(p_from date, p_to date, p_city text) RETURNS TABLE (\(f.returns))
                LANGUAGE sql STABLE SET search_path = esp, pg_temp AS $f$ \(f.query) $f$;
            """
        }
        let definer = functions.map { f in
            """
            CREATE FUNCTION esp.programme_\(f.name)(p_from date, p_to date, p_city text) RETURNS TABLE (\(f.returns))
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = esp, pg_temp AS $f$
                SELECT * FROM esp.summary_\(f.name)(p_from, p_to, p_city) $f$;
            """
        }
        return (invoker + definer).joined(separator: "\n")
    }
}
