#!/usr/bin/env python3
"""Writes COUNT generated visit files into FOLDER for the benchmarks: the examples of Examples/ varied in
persons, electricity use and lamp hours, each with its own visit id. Same seed, same files.
Usage: Benchmarks/generate-visits.py FOLDER COUNT"""
import json, os, random, sys

folder, count = sys.argv[1], int(sys.argv[2])
random.seed(7)
examples_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Examples")
examples = [json.load(open(os.path.join(examples_dir, f))) for f in sorted(os.listdir(examples_dir)) if f.endswith(".json")]
os.makedirs(folder, exist_ok=True)
for i in range(count):
    v = json.loads(json.dumps(examples[i % len(examples)]))
    v["visitId"] = f"BENCH-{i:06d}"
    # Enough persons for the example's showers (at most 21 a week per person, as esp checks).
    showers = (v.get("showers") or {}).get("perWeek", 0)
    v["household"]["persons"] = random.randint(max(1, -(-showers // 21)), 6)
    v["electricity"]["annualKWh"] = random.randint(1200, 6500)
    for row in v.get("lighting", []):
        row["hoursPerDay"] = round(random.uniform(0.5, 6), 1)
    with open(os.path.join(folder, f"v{i:06d}.json"), "w") as f:
        json.dump(v, f)
