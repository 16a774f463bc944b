#!/usr/bin/env bash
# esp serve on a release build: time from start to listening and to the first page (RUNS times, a new register each),
# then request times of a page, the form and the advice and sheet APIs (Benchmarks/serve-requests.py).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
ESP="$(swift build ${ESP_RELEASE_FLAGS:--c release -Xswiftc -static-stdlib} --show-bin-path)/esp"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$RUNS"); do
  rm -rf "$work/register.sqlite" "$work/web"
  start=$(date +%s%N)
  "$ESP" serve --port 0 --register "$work/register.sqlite" >"$work/out" 2>/dev/null &
  pid=$!
  until grep -q http "$work/out" 2>/dev/null; do sleep 0.002; done
  ready=$(date +%s%N)
  port=$(grep -o '127.0.0.1:[0-9]*' "$work/out" | cut -d: -f2)
  curl -s -o /dev/null "http://127.0.0.1:$port/"
  answered=$(date +%s%N)
  echo "esp serve: listening after $(( (ready - start) / 1000000 )) ms, first page after $(( (answered - start) / 1000000 )) ms"
  if [ "$i" = "$RUNS" ]; then python3 Benchmarks/serve-requests.py "$port" Examples/nuernberg-family-ru.json; fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
