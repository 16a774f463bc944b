/// The office register's tables, roles and policies in PostgreSQL, one step per schema version (the same numbers as
/// ``VisitRecords/RegisterSchema/version`` and the SQLite register's steps). A step, once released, never changes.
///
/// Everything lives in the schema `esp`. Three group roles hold the rights; each user is a login role in one of them:
/// - `esp_advisor` reads and changes the visits it registered or was assigned (row-level security on every table
///   that holds a household's data);
/// - `esp_clerk` reads and changes the visits of its cities (``register_user.cities``);
/// - `esp_lead` reads no household at all: only the programme's aggregates, through SECURITY DEFINER functions.
/// Every change of a household's data is logged by triggers, every read by esp through `esp.log_read`, in the
/// append-only `esp.audit_event`; nobody but the register's owner can write it, and not even the owner can change it.
enum PostgresSchema {
    /// The steps in order; the first PostgreSQL register was schema 6.
    static let steps: [(version: Int, sql: String)] = [(6, version6), (7, version7)]

    /// The group roles, cluster-wide, created by the first register of a cluster (a second one finds them).
    static let groupRoles = ["esp_advisor", "esp_clerk", "esp_lead"]

    /// The columns a summary adds up, kept with each visit and worked out by ``VisitRecords/SummaryContribution``.
    static let contributionColumns = [
        "valued_electricity_eur", "valued_electricity_co2_kg", "valued_heating_eur", "valued_heating_co2_kg",
        "followed_up", "implemented", "realised_electricity_kwh", "realised_electricity_eur",
        "realised_electricity_co2_kg", "realised_electricity_payer", "realised_heating_kwh", "realised_heating_eur",
        "realised_heating_co2_kg", "realised_heating_payer", "implemented_electricity_kwh", "implemented_heat_kwh",
        "implemented_eur", "implemented_co2_kg", "recommended_electricity_kwh", "recommended_heat_kwh",
        "recommended_eur", "recommended_co2_kg", "last_contact", "handed_out", "voucher_promised",
        "expected_implemented_electricity_kwh", "expected_implemented_electricity_eur",
        "expected_implemented_electricity_co2_kg", "expected_implemented_heat_kwh", "expected_implemented_heat_eur",
        "expected_implemented_heat_co2_kg",
    ]

    static let version6 = """
        DO $$ BEGIN CREATE ROLE esp_advisor NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
        DO $$ BEGIN CREATE ROLE esp_clerk NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
        DO $$ BEGIN CREATE ROLE esp_lead NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;

        CREATE SCHEMA IF NOT EXISTS esp;
        REVOKE ALL ON SCHEMA esp FROM PUBLIC;
        GRANT USAGE ON SCHEMA esp TO esp_advisor, esp_clerk, esp_lead;

        CREATE TABLE esp.register_info (
            key text PRIMARY KEY,
            value text NOT NULL
        );

        CREATE TABLE esp.register_user (
            role_name name PRIMARY KEY,
            kind text NOT NULL CHECK (kind IN ('advisor', 'clerk', 'lead')),
            cities text[] NOT NULL DEFAULT '{}',
            created_at timestamptz NOT NULL DEFAULT now()
        );

        CREATE TABLE esp.visit (
            visit_id text COLLATE "C" PRIMARY KEY CHECK (visit_id ~ '^[A-Za-z0-9._-]{1,64}$'),
            date date NOT NULL,
            city text COLLATE "C" NOT NULL,
            language text COLLATE "C" NOT NULL,
            benefit text NOT NULL,
            persons integer NOT NULL,
            heating_paid_by text NOT NULL,
            electricity_kwh double precision NOT NULL,
            electricity_eur_per_kwh double precision NOT NULL,
            electricity_co2_kg_per_kwh double precision,
            heating_fuel text,
            heating_kwh double precision,
            heating_estimated boolean,
            heating_eur_per_kwh double precision,
            heating_co2_kg_per_kwh double precision,
            heating_bill_share double precision,
            saved_electricity_kwh double precision NOT NULL,
            saved_heat_kwh double precision NOT NULL,
            saved_water_m3 double precision NOT NULL,
            saving_eur double precision NOT NULL,
            household_eur double precision NOT NULL,
            public_eur double precision NOT NULL,
            landlord_eur double precision NOT NULL,
            co2_kg double precision NOT NULL,
            jobcenter_eur double precision NOT NULL,
            social_office_eur double precision NOT NULL,
            range_low_eur double precision NOT NULL,
            range_high_eur double precision NOT NULL,
            tariff_switch_eur double precision NOT NULL,
            meter_reading_kwh double precision,
            rules_version integer NOT NULL,
            content_hash text NOT NULL,
            advisor text,
            added_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            forgotten_at timestamptz,
            registered_by name NOT NULL DEFAULT current_user,
            valued_electricity_eur double precision NOT NULL,
            valued_electricity_co2_kg double precision NOT NULL,
            valued_heating_eur double precision NOT NULL,
            valued_heating_co2_kg double precision NOT NULL,
            followed_up boolean NOT NULL,
            implemented text[],
            realised_electricity_kwh double precision,
            realised_electricity_eur double precision,
            realised_electricity_co2_kg double precision,
            realised_electricity_payer text,
            realised_heating_kwh double precision,
            realised_heating_eur double precision,
            realised_heating_co2_kg double precision,
            realised_heating_payer text,
            implemented_electricity_kwh double precision NOT NULL,
            implemented_heat_kwh double precision NOT NULL,
            implemented_eur double precision NOT NULL,
            implemented_co2_kg double precision NOT NULL,
            recommended_electricity_kwh double precision NOT NULL,
            recommended_heat_kwh double precision NOT NULL,
            recommended_eur double precision NOT NULL,
            recommended_co2_kg double precision NOT NULL,
            last_contact date NOT NULL,
            handed_out boolean NOT NULL,
            voucher_promised boolean NOT NULL,
            expected_implemented_electricity_kwh double precision,
            expected_implemented_electricity_eur double precision,
            expected_implemented_electricity_co2_kg double precision,
            expected_implemented_heat_kwh double precision,
            expected_implemented_heat_eur double precision,
            expected_implemented_heat_co2_kg double precision
        );
        CREATE INDEX visit_by_city_date ON esp.visit (city, date);
        CREATE INDEX visit_by_date ON esp.visit (date);
        CREATE INDEX visit_by_registered_by ON esp.visit (registered_by);
        CREATE INDEX visit_followed_up ON esp.visit (date) WHERE followed_up;

        CREATE TABLE esp.visit_document (
            visit_id text COLLATE "C" PRIMARY KEY REFERENCES esp.visit ON DELETE CASCADE,
            visit_json text NOT NULL,
            advice_json text NOT NULL
        );

        CREATE TABLE esp.measure (
            visit_id text COLLATE "C" NOT NULL REFERENCES esp.visit ON DELETE CASCADE,
            position integer NOT NULL,
            kind text NOT NULL,
            electricity_kwh double precision NOT NULL,
            heat_kwh double precision NOT NULL,
            water_m3 double precision NOT NULL,
            saving_eur double precision NOT NULL,
            co2_kg double precision NOT NULL,
            investment_eur double precision NOT NULL,
            voucher_eur double precision NOT NULL,
            beneficiary text NOT NULL,
            household_eur double precision NOT NULL,
            public_eur double precision NOT NULL,
            landlord_eur double precision NOT NULL,
            installed_at_visit boolean NOT NULL,
            items integer NOT NULL,
            programme_cost_eur double precision NOT NULL,
            first_of_kind boolean NOT NULL,
            first_given_of_kind boolean NOT NULL,
            date date NOT NULL,
            city text COLLATE "C" NOT NULL,
            PRIMARY KEY (visit_id, position)
        );
        CREATE INDEX measure_by_city_date ON esp.measure (city, date);

        CREATE TABLE esp.follow_up (
            visit_id text COLLATE "C" NOT NULL REFERENCES esp.visit ON DELETE CASCADE,
            date date NOT NULL,
            electricity_kwh_since_visit double precision,
            meter_at_visit_kwh double precision,
            meter_now_kwh double precision,
            heating_kwh_per_year double precision,
            implemented text[] NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (visit_id, date)
        );

        CREATE TABLE esp.follow_up_history (
            id bigserial PRIMARY KEY,
            visit_id text COLLATE "C" NOT NULL REFERENCES esp.visit ON DELETE CASCADE,
            date date NOT NULL,
            change text NOT NULL CHECK (change IN ('corrected', 'deleted')),
            electricity_kwh_since_visit double precision,
            meter_at_visit_kwh double precision,
            meter_now_kwh double precision,
            heating_kwh_per_year double precision,
            implemented text[] NOT NULL,
            changed_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX follow_up_history_by_visit ON esp.follow_up_history (visit_id);

        CREATE TABLE esp.calibration_sample (
            visit_id text COLLATE "C" NOT NULL REFERENCES esp.visit ON DELETE CASCADE,
            kind text NOT NULL,
            ratio double precision NOT NULL,
            date date NOT NULL,
            city text COLLATE "C" NOT NULL,
            PRIMARY KEY (visit_id, kind)
        );

        CREATE TABLE esp.visit_assignment (
            visit_id text COLLATE "C" NOT NULL REFERENCES esp.visit ON DELETE CASCADE,
            role_name name NOT NULL,
            assigned_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (visit_id, role_name)
        );
        CREATE INDEX visit_assignment_by_role ON esp.visit_assignment (role_name);

        CREATE TABLE esp.audit_event (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL DEFAULT now(),
            actor text NOT NULL DEFAULT session_user,
            action text NOT NULL,
            visit_id text COLLATE "C" NOT NULL,
            detail text
        );
        CREATE INDEX audit_event_by_visit ON esp.audit_event (visit_id);

        -- The audit log only grows: no role may change or remove an entry, the owner included (only dropping the
        -- trigger, which the server's own log shows, would allow it).
        CREATE FUNCTION esp.audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
        END $f$;
        CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON esp.audit_event
            FOR EACH ROW EXECUTE FUNCTION esp.audit_is_append_only();
        CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON esp.audit_event
            FOR EACH STATEMENT EXECUTE FUNCTION esp.audit_is_append_only();

        -- Changes are logged by the database itself, whoever makes them and however: esp or plain SQL. esp names
        -- the occasion (a push, a purge) in the transaction's esp.action and esp.detail settings.
        CREATE FUNCTION esp.log_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = esp, pg_temp AS $f$
        DECLARE
            v_occasion text := nullif(current_setting('esp.action', true), '');
            v_detail text := nullif(current_setting('esp.detail', true), '');
            v_action text;
            v_id text;
        BEGIN
            IF TG_TABLE_NAME = 'visit' THEN
                IF TG_OP = 'INSERT' THEN
                    v_action := coalesce(v_occasion, 'added');
                    v_id := NEW.visit_id;
                ELSE
                    v_id := NEW.visit_id;
                    IF NEW.forgotten_at IS NOT NULL AND OLD.forgotten_at IS NULL THEN
                        v_action := coalesce(v_occasion, 'forgotten');
                    ELSIF (to_jsonb(OLD) - \(contributionArray)::text[]) = (to_jsonb(NEW) - \(contributionArray)::text[]) THEN
                        RETURN NULL; -- only the figures worked out from the follow-ups moved; their change is logged
                    ELSE
                        v_action := 'updated';
                    END IF;
                END IF;
            ELSIF TG_TABLE_NAME = 'follow_up' THEN
                IF TG_OP = 'INSERT' THEN
                    v_action := 'follow-up-recorded'; v_id := NEW.visit_id; v_detail := NEW.date::text;
                ELSIF TG_OP = 'UPDATE' THEN
                    v_action := 'follow-up-corrected'; v_id := NEW.visit_id; v_detail := NEW.date::text;
                ELSE
                    v_action := 'follow-up-deleted'; v_id := OLD.visit_id; v_detail := OLD.date::text;
                END IF;
            ELSIF TG_TABLE_NAME = 'visit_document' THEN
                IF TG_OP = 'DELETE' AND EXISTS (
                    SELECT 1 FROM esp.visit v WHERE v.visit_id = OLD.visit_id AND v.forgotten_at IS NOT NULL
                ) THEN
                    RETURN NULL; -- part of forgetting, logged as such
                END IF;
                v_id := coalesce(NEW.visit_id, OLD.visit_id);
                -- A new visit's documents come with its own entry, a changed visit's with its 'updated' one.
                IF TG_OP = 'INSERT' OR EXISTS (SELECT 1 FROM esp.audit_event e WHERE e.visit_id = v_id
                    AND e.at = now() AND e.action IN ('added', 'updated', 'received')) THEN
                    RETURN NULL;
                END IF;
                v_action := 'updated'; v_detail := coalesce(v_detail, 'documents');
            ELSIF TG_TABLE_NAME = 'visit_assignment' THEN
                v_action := 'assigned';
                v_id := coalesce(NEW.visit_id, OLD.visit_id);
                v_detail := CASE TG_OP WHEN 'DELETE' THEN 'taken back from ' || OLD.role_name
                    ELSE 'given to ' || NEW.role_name END;
            END IF;
            INSERT INTO esp.audit_event (action, visit_id, detail) VALUES (v_action, v_id, v_detail);
            RETURN NULL;
        END $f$;
        CREATE TRIGGER visit_logged AFTER INSERT OR UPDATE ON esp.visit
            FOR EACH ROW EXECUTE FUNCTION esp.log_change();
        CREATE TRIGGER follow_up_logged AFTER INSERT OR UPDATE OR DELETE ON esp.follow_up
            FOR EACH ROW EXECUTE FUNCTION esp.log_change();
        CREATE TRIGGER visit_document_logged AFTER INSERT OR UPDATE OR DELETE ON esp.visit_document
            FOR EACH ROW EXECUTE FUNCTION esp.log_change();
        CREATE TRIGGER visit_assignment_logged AFTER INSERT OR DELETE ON esp.visit_assignment
            FOR EACH ROW EXECUTE FUNCTION esp.log_change();

        -- Reads cannot fire triggers: esp logs each read of a household's data here, in the transaction that reads.
        -- Who and when come from the server, not from the caller.
        CREATE FUNCTION esp.log_read(p_action text, p_visit_ids text[], p_detail text DEFAULT NULL)
            RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = esp, pg_temp AS $f$
            INSERT INTO esp.audit_event (action, visit_id, detail)
            SELECT p_action, id, p_detail FROM unnest(p_visit_ids) AS id
            WHERE p_action IN ('viewed', 'listed', 'disclosed', 'sent');
        $f$;

        -- Users: a login role in one of the three groups, and its entry. The password arrives as a SCRAM verifier
        -- worked out by esp, so the password itself never reaches the server or its logs. Only a role that may create
        -- roles (the register's administrator) can call these; anyone may change their own password.
        CREATE FUNCTION esp.add_user(p_name text, p_kind text, p_cities text[], p_verifier text)
            RETURNS void LANGUAGE plpgsql SET search_path = esp, pg_temp AS $f$
        BEGIN
            IF p_kind NOT IN ('advisor', 'clerk', 'lead') THEN
                RAISE EXCEPTION 'unknown kind of user %', p_kind USING ERRCODE = 'invalid_parameter_value';
            END IF;
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_name, p_verifier);
            EXECUTE format('GRANT %I TO %I', 'esp_' || p_kind, p_name);
            INSERT INTO esp.register_user (role_name, kind, cities) VALUES (p_name, p_kind, p_cities);
        END $f$;
        CREATE FUNCTION esp.set_password(p_name text, p_verifier text)
            RETURNS void LANGUAGE plpgsql SET search_path = esp, pg_temp AS $f$
        BEGIN
            EXECUTE format('ALTER ROLE %I PASSWORD %L', p_name, p_verifier);
        END $f$;
        -- A removed user can no longer log in and loses every right; the role stays, so that its name, which the
        -- audit log and its visits carry, is never given to someone else.
        CREATE FUNCTION esp.remove_user(p_name text)
            RETURNS void LANGUAGE plpgsql SET search_path = esp, pg_temp AS $f$
        DECLARE
            v_kind text;
        BEGIN
            SELECT kind INTO v_kind FROM esp.register_user WHERE role_name = p_name;
            IF v_kind IS NULL THEN
                RAISE EXCEPTION 'no user %', p_name USING ERRCODE = 'undefined_object';
            END IF;
            EXECUTE format('ALTER ROLE %I NOLOGIN', p_name);
            EXECUTE format('REVOKE %I FROM %I', 'esp_' || v_kind, p_name);
            DELETE FROM esp.register_user WHERE role_name = p_name;
            DELETE FROM esp.visit_assignment WHERE role_name = p_name;
        END $f$;

        -- The cities of the clerk logged in.
        CREATE FUNCTION esp.my_cities() RETURNS text[] LANGUAGE sql STABLE SET search_path = esp, pg_temp AS $f$
            SELECT coalesce((SELECT cities FROM esp.register_user WHERE role_name = current_user), '{}');
        $f$;

        -- Who may see which rows. The tables of a visit's parts follow the visit: the subquery is itself filtered by
        -- the visit's policy, and looks one visit up by its key (a list of all the user's visits for every row
        -- written made a push slow down with each visit).
        ALTER TABLE esp.visit ENABLE ROW LEVEL SECURITY;
        CREATE POLICY advisor_own ON esp.visit TO esp_advisor
            USING (registered_by = current_user OR visit_id IN (
                SELECT a.visit_id FROM esp.visit_assignment a WHERE a.role_name = current_user))
            WITH CHECK (registered_by = current_user OR visit_id IN (
                SELECT a.visit_id FROM esp.visit_assignment a WHERE a.role_name = current_user));
        CREATE POLICY clerk_city ON esp.visit TO esp_clerk
            USING (city = ANY (esp.my_cities())) WITH CHECK (city = ANY (esp.my_cities()));
        ALTER TABLE esp.visit_document ENABLE ROW LEVEL SECURITY;
        CREATE POLICY through_visit ON esp.visit_document TO esp_advisor, esp_clerk
            USING (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = visit_document.visit_id))
            WITH CHECK (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = visit_document.visit_id));
        ALTER TABLE esp.measure ENABLE ROW LEVEL SECURITY;
        CREATE POLICY through_visit ON esp.measure TO esp_advisor, esp_clerk
            USING (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = measure.visit_id))
            WITH CHECK (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = measure.visit_id));
        ALTER TABLE esp.follow_up ENABLE ROW LEVEL SECURITY;
        CREATE POLICY through_visit ON esp.follow_up TO esp_advisor, esp_clerk
            USING (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = follow_up.visit_id))
            WITH CHECK (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = follow_up.visit_id));
        ALTER TABLE esp.follow_up_history ENABLE ROW LEVEL SECURITY;
        CREATE POLICY through_visit ON esp.follow_up_history TO esp_advisor, esp_clerk
            USING (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = follow_up_history.visit_id))
            WITH CHECK (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = follow_up_history.visit_id));
        ALTER TABLE esp.calibration_sample ENABLE ROW LEVEL SECURITY;
        CREATE POLICY through_visit ON esp.calibration_sample TO esp_advisor, esp_clerk
            USING (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = calibration_sample.visit_id))
            WITH CHECK (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = calibration_sample.visit_id));
        ALTER TABLE esp.visit_assignment ENABLE ROW LEVEL SECURITY;
        CREATE POLICY own_assignment ON esp.visit_assignment FOR SELECT TO esp_advisor
            USING (role_name = current_user);
        CREATE POLICY city_assignment ON esp.visit_assignment TO esp_clerk
            USING (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = visit_assignment.visit_id))
            WITH CHECK (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = visit_assignment.visit_id));
        ALTER TABLE esp.audit_event ENABLE ROW LEVEL SECURITY;
        CREATE POLICY through_visit ON esp.audit_event FOR SELECT TO esp_advisor, esp_clerk
            USING (EXISTS (SELECT 1 FROM esp.visit v WHERE v.visit_id = audit_event.visit_id));
        CREATE POLICY whole_log ON esp.audit_event FOR SELECT TO esp_lead USING (true);
        ALTER TABLE esp.register_user ENABLE ROW LEVEL SECURITY;
        CREATE POLICY own_entry ON esp.register_user FOR SELECT TO esp_advisor, esp_clerk, esp_lead
            USING (role_name = current_user);

        REVOKE ALL ON ALL TABLES IN SCHEMA esp FROM PUBLIC;
        GRANT SELECT ON esp.register_info, esp.register_user TO esp_advisor, esp_clerk, esp_lead;
        GRANT SELECT, INSERT, DELETE ON esp.visit_document, esp.measure, esp.calibration_sample
            TO esp_advisor, esp_clerk;
        GRANT UPDATE ON esp.visit_document TO esp_advisor, esp_clerk;
        GRANT SELECT, INSERT, UPDATE, DELETE ON esp.follow_up TO esp_advisor, esp_clerk;
        GRANT SELECT, INSERT ON esp.follow_up_history TO esp_advisor, esp_clerk;
        GRANT USAGE ON SEQUENCE esp.follow_up_history_id_seq TO esp_advisor, esp_clerk;
        GRANT SELECT ON esp.visit_assignment TO esp_advisor;
        GRANT SELECT, INSERT, DELETE ON esp.visit_assignment TO esp_clerk;
        GRANT SELECT ON esp.audit_event TO esp_advisor, esp_clerk, esp_lead;
        -- A visit is never deleted (forgetting keeps its figures), and who registered it is the server's word.
        GRANT SELECT, INSERT ON esp.visit TO esp_advisor, esp_clerk;
        GRANT UPDATE (date, city, language, benefit, persons, heating_paid_by, electricity_kwh,
            electricity_eur_per_kwh, electricity_co2_kg_per_kwh, heating_fuel, heating_kwh, heating_estimated,
            heating_eur_per_kwh, heating_co2_kg_per_kwh, heating_bill_share, saved_electricity_kwh, saved_heat_kwh,
            saved_water_m3, saving_eur, household_eur, public_eur, landlord_eur, co2_kg, jobcenter_eur,
            social_office_eur, range_low_eur, range_high_eur, tariff_switch_eur, meter_reading_kwh, rules_version,
            content_hash, advisor, updated_at, forgotten_at, \(contributionColumns.joined(separator: ", "))) ON esp.visit TO esp_advisor, esp_clerk;

        REVOKE ALL ON ALL FUNCTIONS IN SCHEMA esp FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION esp.log_read(text, text[], text), esp.my_cities(), esp.set_password(text, text)
            TO esp_advisor, esp_clerk, esp_lead;

        \(PostgresSummarySQL.functions)
        """

    /// Energy debt: per visit the debts recorded, with a threat, with an announced date, already cut off, and the
    /// arrears (anonymous figures, kept when a household is forgotten); per follow-up whether the supply continued
    /// and an agreement was reached; the summary's function over them. Visits registered before get their figures
    /// from the stored visit, without an audit entry (nothing of the household changed).
    static let version7 = """
        ALTER TABLE esp.visit ADD COLUMN debt_count integer NOT NULL DEFAULT 0,
            ADD COLUMN debt_threatened integer NOT NULL DEFAULT 0,
            ADD COLUMN debt_announced integer NOT NULL DEFAULT 0,
            ADD COLUMN debt_cut_off integer NOT NULL DEFAULT 0,
            ADD COLUMN debt_arrears_eur double precision NOT NULL DEFAULT 0;
        ALTER TABLE esp.follow_up ADD COLUMN supply_continued boolean, ADD COLUMN agreement_reached boolean;
        ALTER TABLE esp.follow_up_history ADD COLUMN supply_continued boolean, ADD COLUMN agreement_reached boolean;
        GRANT UPDATE (\(debtColumns.joined(separator: ", "))) ON esp.visit TO esp_advisor, esp_clerk;
        CREATE INDEX visit_with_debt ON esp.visit (date) WHERE debt_count > 0;

        ALTER TABLE esp.visit DISABLE TRIGGER visit_logged;
        WITH debt AS (
            SELECT d.visit_id, e.value AS e FROM esp.visit_document d,
                jsonb_array_elements(CASE WHEN jsonb_typeof(d.visit_json::jsonb -> 'energyDebt') = 'array'
                    THEN d.visit_json::jsonb -> 'energyDebt' ELSE '[]'::jsonb END) AS e
        ), counted AS (
            SELECT visit_id, count(*) AS debts,
                count(*) FILTER (WHERE jsonb_typeof(e -> 'threatDate') = 'string') AS threatened,
                count(*) FILTER (WHERE jsonb_typeof(e -> 'announcementDate') = 'string') AS announced,
                count(*) FILTER (WHERE e -> 'cutOff' = 'true'::jsonb) AS cut_off,
                round(sum((e ->> 'arrearsEUR')::numeric), 2)::double precision AS arrears
            FROM debt GROUP BY visit_id
        )
        UPDATE esp.visit v SET debt_count = c.debts, debt_threatened = c.threatened, debt_announced = c.announced,
            debt_cut_off = c.cut_off, debt_arrears_eur = c.arrears
        FROM counted c WHERE v.visit_id = c.visit_id;
        ALTER TABLE esp.visit ENABLE TRIGGER visit_logged;

        \(PostgresSummarySQL.added([PostgresSummarySQL.energyDebt]))
        """

    /// The visit's energy-debt figures (schema 7).
    static let debtColumns = ["debt_count", "debt_threatened", "debt_announced", "debt_cut_off", "debt_arrears_eur"]

    /// The statements of a step, one by one (the extended protocol takes one at a time): each ends with a `;` at the
    /// end of a line, outside dollar-quoted function bodies.
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var openQuote: Substring?
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            current += line + "\n"
            var rest = line[...]
            while let start = rest.firstIndex(of: "$") {
                let after = rest[rest.index(after: start)...]
                guard let end = after.firstIndex(of: "$") else { break }
                let tag = rest[start...end]
                if tag.dropFirst().dropLast().allSatisfy({ $0.isLetter || $0 == "_" }) {
                    if openQuote == nil {
                        openQuote = tag
                    } else if openQuote == tag {
                        openQuote = nil
                    }
                    rest = rest[rest.index(after: end)...]
                } else {
                    rest = after
                }
            }
            if openQuote == nil && line.trimmingSuffix(" ").hasSuffix(";") {
                let statement = current.trimmingWhitespace()
                if !statement.isEmpty && !statement.hasPrefix("--") || statement.contains("\n") {
                    statements.append(statement)
                }
                current = ""
            }
        }
        let last = current.trimmingWhitespace()
        if !last.isEmpty && last.split(separator: "\n").contains(where: { !$0.trimmingWhitespace().hasPrefix("--") }) {
            statements.append(last)
        }
        return statements
    }

    /// The contribution columns as an SQL text array literal.
    static var contributionArray: String {
        "'{" + contributionColumns.joined(separator: ",") + "}'"
    }
}

extension StringProtocol {
    func trimmingSuffix(_ character: Character) -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == character { end = index(before: end) }
        return self[..<end]
    }

    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
