#!/usr/bin/env bash
# Benchmark of the printed sheet (release build): one sheet as a whole process, and batches of generated
# visits on 2 cores — CPU per sheet and peak memory for 100 and 1,000 sheets (flat memory = no growth).
# Usage: Benchmarks/report-batch.sh [COUNT]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
source Benchmarks/common.sh
esp="$(release_binary esp)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

Benchmarks/generate-visits.py "$work/visits" "$count"


mkdir -p "$work/one" "$work/small" "$work/big"
example="Examples/nuernberg-family-ru.json"
for i in 1 2 3; do "$esp" report "$example" -o "$work/one/warm.pdf" --force >/dev/null 2>&1; done
measure "one sheet (whole process):" "" "$esp" report "$example" -o "$work/one/s.pdf" --force

small=$(( count / 10 )); [ "$small" -ge 1 ] || small=1
measure "$small sheets, --jobs 2:" "" "$esp" report $(ls "$work"/visits/*.json | head -n "$small") --out-dir "$work/small" --jobs 2
read -r _ user sys rss_small <"$work/time"
measure "$count sheets, --jobs 2:" "" "$esp" report "$work/visits" --out-dir "$work/big" --jobs 2
read -r _ user sys rss_big <"$work/time"
python3 -c "print('CPU per sheet: %.2f ms (target <= 10 ms); memory %d MB for $small sheets, %d MB for $count (flat = no growth)' % (($user+$sys)*1000/$count, $rss_small/1024, $rss_big/1024))"
echo "sheets written: $(ls "$work/big" | wc -l)"
