#!/usr/bin/env bash
# Benchmark of the visit register (release build): `esp register add` of COUNT generated visit files into a new
# register, then `esp summary` over ten times as many registered visits.
# Usage: Benchmarks/register.sh [COUNT]   (default 10000; the summary then runs over 100,000 visits)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
source Benchmarks/common.sh
esp="$(release_binary esp)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

Benchmarks/generate-visits.py "$work/visits" "$count"


# A folder argument: ten thousand file names would pass through the argument parser, whose cost grows with the
# square of the count.
measure "register add, $count visit files:" 7 "$esp" register add "$work/visits" --register "$work/register.sqlite"

# Ten times as many visits for the summary: the imported rows copied under new ids (SQLite through python3),
# with a follow-up for every fifth visit, so the summary walks measures and follow-ups too.
python3 - "$work/register.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
visit_cols = [r[1] for r in db.execute("PRAGMA table_info(visit)")]
measure_cols = [r[1] for r in db.execute("PRAGMA table_info(measure)")]
def copy(table, cols, suffix):
    select = ", ".join(f"visit_id || '{suffix}'" if c == "visit_id" else c for c in cols)
    db.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {select} FROM {table} WHERE visit_id NOT LIKE '%~%'")
for k in range(1, 10):
    copy("visit", visit_cols, f"~{k}")
    copy("measure", measure_cols, f"~{k}")
db.execute("""INSERT INTO follow_up (visit_id, date, electricity_kwh_since_visit, implemented, recorded_at)
              SELECT v.visit_id, date(v.date, '+182 days'), v.electricity_kwh * 0.45,
                     coalesce((SELECT group_concat(kind, ',') FROM (SELECT DISTINCT kind FROM measure m
                               WHERE m.visit_id = v.visit_id AND m.kind IN ('led', 'standby') ORDER BY kind)), ''),
                     v.updated_at
              FROM visit v WHERE v.rowid % 5 = 0""")
db.commit()
print(f"register: {db.execute('SELECT count(*) FROM visit').fetchone()[0]} visits, "
      f"{db.execute('SELECT count(*) FROM measure').fetchone()[0]} measures, "
      f"{db.execute('SELECT count(*) FROM follow_up').fetchone()[0]} follow-ups")
PY
measure "summary, $((count * 10)) visits:" 1 "$esp" summary --register "$work/register.sqlite"
measure "summary --format json, $((count * 10)) visits:" 3 "$esp" summary --register "$work/register.sqlite" --format json
# The council's report: the same summary, laid out with its charts.
measure "summary --format pdf (council report), $((count * 10)) visits:" 3 "$esp" summary --register "$work/register.sqlite" --format pdf -o "$work/report.pdf" --force
