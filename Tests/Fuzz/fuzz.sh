#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets with AddressSanitizer and runs each for a chosen time.
# Usage: Tests/Fuzz/fuzz.sh [SECONDS-PER-TARGET] [TARGET...]   (default 600 s; all four targets)
# Working corpora and findings stay in .build-fuzz/ (not in git); a finding becomes a file under
# Tests/AdversarialCorpus (listed in its manifest with its expected error).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(visit-json tariff-xml xliff icu-message)
parallel="${FUZZ_PARALLEL:-$(nproc)}"

swift build -c release --product esp-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DESP_FUZZ 2>&1 | grep -vE "Cannot export local symbol|prohibited flag" | tail -1
fuzzer="$(swift build -c release --scratch-path .build-fuzz --show-bin-path)/esp-fuzz"
work=.build-fuzz/fuzzing

# Seeds from the real files of the checkout, rebuilt every run so they follow the data.
seed() {
  local target="$1" dir="$work/$1/seeds"
  rm -rf "$dir"; mkdir -p "$dir" "$work/$target/corpus" "$work/$target/findings"
  case "$target" in
    visit-json) cp Examples/*.json "$dir/" ;;
    tariff-xml)  # first byte mod 3: 0 = reference file, 1 = city file, 2 = energy law
      { printf '\x00'; cat Tariffs/reference.xml; } >"$dir/reference"
      { printf '\x02'; cat Tariffs/energy-law.xml; } >"$dir/energy-law"
      for f in Tariffs/*.xml; do
        case "$f" in Tariffs/reference.xml|Tariffs/energy-law.xml) ;; *) { printf '\x01'; cat "$f"; } >"$dir/$(basename "$f")" ;; esac
      done ;;
    xliff) cp Locales/*.xlf "$dir/" ;;
    icu-message)
      python3 - "$dir" Locales/*.xlf <<'PY'
import sys, re, html
out, files = sys.argv[1], sys.argv[2:]
n = 0
for f in files:
    for m in re.finditer(r"<(?:source|target)[^>]*>(.*?)</(?:source|target)>", open(f, encoding="utf-8").read(), re.S):
        open(f"{out}/m{n:04d}", "w", encoding="utf-8").write(html.unescape(m.group(1))); n += 1
PY
      ;;
  esac
}

run() {
  local target="$1" dict maxlen
  case "$target" in
    visit-json) dict=visit-json; maxlen=16384 ;;
    tariff-xml) dict=xml; maxlen=65536 ;;
    xliff) dict=xml; maxlen=65536 ;;
    icu-message) dict=icu-message; maxlen=2048 ;;
  esac
  ESP_FUZZ_TARGET="$target" ESP_DATA="$PWD" "$fuzzer" "$work/$target/corpus" "$work/$target/seeds" \
    -dict="Tests/Fuzz/Dictionaries/$dict.dict" -max_len="$maxlen" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=512 -print_final_stats=1 -artifact_prefix="$work/$target/findings/" \
    >"$work/$target/log" 2>&1 || true
  local runs findings
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target/log" | grep -o '[0-9]*$' || echo "?")
  findings=$(find "$work/$target/findings" -type f | wc -l)
  echo "fuzz $target: ${runs} inputs in ${seconds} s, corpus $(ls "$work/$target/corpus" | wc -l) files, findings ${findings} (log: $work/$target/log)"
}

for t in "${targets[@]}"; do seed "$t"; done
export -f run; export fuzzer work seconds
printf '%s\n' "${targets[@]}" | xargs -P "$parallel" -I{} bash -c 'run {}'
! find "$work" -path '*/findings/*' -type f | grep -q .
