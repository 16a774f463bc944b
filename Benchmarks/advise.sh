#!/usr/bin/env bash
# `esp advise EXAMPLE --format json` as a whole process (start-up, data loading, advice, output), release build:
# the median of RUNS runs after 3 warm-ups.
# Usage: Benchmarks/advise.sh [RUNS] [EXAMPLE]   (default 30, Examples/nuernberg-pensioner.json)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-30}"
example="${2:-Examples/nuernberg-pensioner.json}"
source Benchmarks/common.sh
esp="$(release_binary esp)"
python3 - "$esp" "$example" "$runs" <<'PY'
import statistics, subprocess, sys, time
esp, example, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
command = [esp, "advise", example, "--format", "json"]
for _ in range(3):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times.append((time.perf_counter() - start) * 1000)
print(f"advise --format json, whole process, {runs} runs: median {statistics.median(times):.1f} ms (target <= 30 ms), "
      f"min {min(times):.1f}, max {max(times):.1f}")
PY
