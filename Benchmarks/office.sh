#!/usr/bin/env bash
# Benchmark of the office register on PostgreSQL (release build), run beside a throw-away cluster
# (Scripts/with-test-postgres.sh): ADVISORS advisors push PER_ADVISOR visits each at the same time (every fifth
# with a follow-up), then the programme summary and the council's report over TOTAL visits, added up in SQL, read
# by the programme lead (aggregates only).
# Usage: Scripts/with-test-postgres.sh Benchmarks/office.sh [ADVISORS] [PER_ADVISOR] [TOTAL]
#        (default 10 advisors × 1,000 visits, then 1,000,000 visits)
set -euo pipefail
cd "$(dirname "$0")/.."
advisors="${1:-10}"
per_advisor="${2:-1000}"
total="${3:-1000000}"
: "${ESP_TEST_POSTGRES:?run beside a cluster: Scripts/with-test-postgres.sh Benchmarks/office.sh}"
source Benchmarks/common.sh
esp="$(release_binary esp)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ESP_DATA="$PWD" ESP_TODAY=2030-01-01 HOME="$work"
admin="${ESP_TEST_POSTGRES%%\?*}"
admin="${admin%/*}"
server="$admin"
server="${server#postgresql://*@}"
psql_admin() { PGPASSWORD="$ESP_TEST_POSTGRES_PASSWORD" "$ESP_TEST_POSTGRES_BIN/psql" -qAtX -v ON_ERROR_STOP=1 "$@"; }

psql_admin "$ESP_TEST_POSTGRES" -c "CREATE DATABASE office"
office="postgresql://esp_test_admin@$server/office?sslmode=disable"
PGPASSWORD="$ESP_TEST_POSTGRES_PASSWORD" "$esp" register setup --register "$office" >/dev/null

# The advisors' laptops: generated visit files, registered, a follow-up for every fifth visit (half a year
# later, 45 % of the visit's yearly use: a plausible saving).
Benchmarks/generate-visits.py "$work/visits" $((advisors * per_advisor))
for a in $(seq 0 $((advisors - 1))); do
  mkdir -p "$work/laptop$a"
  for i in $(seq $((a * per_advisor)) $(((a + 1) * per_advisor - 1))); do
    mv "$work/visits/$(printf 'v%06d.json' "$i")" "$work/laptop$a/"
  done
  "$esp" register add "$work/laptop$a" --register "$work/laptop$a.sqlite" >/dev/null
  python3 - "$work/laptop$a.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("""INSERT INTO follow_up (visit_id, date, electricity_kwh_since_visit, implemented, recorded_at)
              SELECT visit_id, date(date, '+182 days'), round(electricity_kwh * 0.45), '', updated_at
              FROM visit WHERE rowid % 5 = 0""")
db.commit()
PY
  printf 'password-of-advisor-%s\n' "$a" | PGPASSWORD="$ESP_TEST_POSTGRES_PASSWORD" \
    "$esp" register users add "advisor$a" --role advisor --register "$office" >/dev/null
done

# All advisors at once.
start=$(date +%s.%N)
pids=()
for a in $(seq 0 $((advisors - 1))); do
  PGPASSWORD="password-of-advisor-$a" "$esp" register push --to "postgresql://advisor$a@$server/office?sslmode=disable" \
    --register "$work/laptop$a.sqlite" >"$work/push$a.out" 2>&1 &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
end=$(date +%s.%N)
[ "$failed" = 0 ] || { cat "$work"/push*.out; exit 1; }
read -r visits distinct followups <<<"$(psql_admin "$admin/office" -F ' ' -c \
  "SELECT count(*), count(DISTINCT visit_id), (SELECT count(*) FROM esp.follow_up) FROM esp.visit")"
echo "push, $advisors advisors × $per_advisor visits at once: $(python3 -c "print(round($end - $start, 2))") s wall;" \
  "$visits visits ($distinct distinct), $followups follow-ups at the office"
[ "$visits" = $((advisors * per_advisor)) ] && [ "$distinct" = "$visits" ] || { echo "LOST OR DUPLICATED"; exit 1; }

# TOTAL visits: the pushed ones copied under new ids and later dates by the server (the copies' figures are the
# originals', their follow-up figures kept), so the summary adds up rows of every kind.
copies=$(((total + visits - 1) / visits - 1))
psql_admin "$admin/office" <<SQL
ALTER TABLE esp.visit DISABLE TRIGGER visit_logged;
DO \$\$
DECLARE
    t text;
    cols text;
    exprs text;
BEGIN
    FOREACH t IN ARRAY ARRAY['visit', 'measure', 'calibration_sample'] LOOP
        SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
               string_agg(CASE column_name
                   WHEN 'visit_id' THEN 'visit_id || ''.'' || n'
                   WHEN 'date' THEN 'date + n * 3'
                   WHEN 'last_contact' THEN 'last_contact + n * 3'
                   ELSE quote_ident(column_name) END, ', ' ORDER BY ordinal_position)
          INTO cols, exprs
          FROM information_schema.columns WHERE table_schema = 'esp' AND table_name = t;
        EXECUTE format('INSERT INTO esp.%I (%s) SELECT %s FROM esp.%I, generate_series(1, $copies) AS n',
            t, cols, exprs, t);
    END LOOP;
END \$\$;
ALTER TABLE esp.visit ENABLE TRIGGER visit_logged;
VACUUM ANALYZE;
SQL
read -r visits measures followed <<<"$(psql_admin "$admin/office" -F ' ' -c \
  "SELECT count(*), (SELECT count(*) FROM esp.measure), count(*) FILTER (WHERE followed_up) FROM esp.visit")"
echo "office register: $visits visits, $measures measures, $followed followed up"

printf 'password-of-the-lead\n' | PGPASSWORD="$ESP_TEST_POSTGRES_PASSWORD" \
  "$esp" register users add lead --role lead --register "$office" >/dev/null
lead="postgresql://lead@$server/office?sslmode=disable"
export PGPASSWORD=password-of-the-lead
measure "summary (lead, SQL aggregates), $visits visits:" 5 "$esp" summary --register "$lead"
measure "summary --format json, $visits visits:" 5 "$esp" summary --register "$lead" --format json
measure "summary --format pdf (council report), $visits visits:" 5 \
  "$esp" summary --register "$lead" --format pdf -o "$work/report.pdf" --force
