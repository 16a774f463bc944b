#!/usr/bin/env python3
"""Writes the calibration cohort: 24 typical client households of an energy-saving programme for low-income
households (Stromspar-Check, ESP Nürnberg), as esp-visit/1 files.

The households are drawn by hand from what the programmes report about their clients, not at random:
- about 2.5 persons and 2,900 kWh a year on average (Stromspar-Check press release, about 2012: 2,928 kWh);
- Bürgergeld (SGB II), Grundsicherung in old age (SGB XII), Wohngeld and a few others; almost all in rented flats
  with central (building) gas or district heating, some with an electric instantaneous heater in the bathroom;
- lamps left over from before the LED era (halogen spots, some incandescent and compact fluorescent lamps),
  standby devices, old fridges (some measured with a plug meter, some known only by age), showerheads of
  9–14 L/min and kitchen taps of 8–13 L/min, rooms kept at 21–23 °C, windows tilted in about a quarter of homes;
- heating bills for about half of the households, the rest estimated;
- the programme hands out and fits LED lamps, switchable strips, showerheads and aerators at the visit.

Run `python3 Tests/CalibrationCohort/generate.py` to rewrite the files; the test CalibrationCohortTests checks that
the cohort's mean expected saving lies where the programmes measured (187–250 € a year).
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# id, city, date, benefit, persons, area, kWh, hot water, heating (fuel, kWh or None, includesHotWater), room °C,
# tilted, lamps [(n, W, tech, h)], standby [(W, h)], fridges [(kind, age, kWh/day or None)],
# shower (perWeek, min, flow) or None, kitchen tap flow or None
COHORT = [
    ("NUE-C01", "nuernberg", "2026-02-03", "buergergeld", 1, 45, 1900, None, ("gas", 6200, True), 22, False,
     [(3, 40, "halogen", 3), (1, 60, "incandescent", 2)], [(8, 20)], [("fridge", 14, 0.75)], (6, 7, 12), 11),
    ("NUE-C02", "nuernberg", "2026-02-10", "grundsicherung", 1, 52, 1600, "electric-instantaneous", ("gas", 5400, False),
     23, False, [(2, 35, "halogen", 4), (2, 11, "cfl", 3)], [(6, 22)], [("fridge", 22, None)], (5, 6, 11), 10),
    ("NUE-C03", "nuernberg", "2026-03-04", "buergergeld", 4, 78, 3900, None, ("district", None, True), 21, True,
     [(6, 35, "halogen", 4), (3, 11, "cfl", 3)], [(12, 20), (7, 22)], [("fridge-freezer", 13, 1.05)], (24, 6, 13), 12),
    ("NUE-C04", "nuernberg", "2026-03-18", "wohngeld", 3, 70, 3100, None, ("gas", 9800, True), 22, False,
     [(4, 40, "halogen", 3)], [(10, 20)], [("fridge", 9, None)], (16, 6, 11), 9),
    ("NUE-C05", "nuernberg", "2026-04-08", "grundsicherung", 2, 58, 2300, None, ("gas", 8300, True), 23, True,
     [(3, 60, "incandescent", 3), (2, 40, "halogen", 2)], [(9, 22)], [("fridge-freezer", 18, 1.3)], (8, 7, 12), 10),
    ("NUE-C06", "nuernberg", "2026-05-06", "sozialhilfe", 1, 40, 1500, None, ("district", 4300, True), 22, False,
     [(2, 35, "halogen", 3)], [(5, 20)], [("fridge", 12, None)], (5, 6, 10), None),
    ("NUE-C07", "nuernberg", "2026-06-02", "buergergeld", 5, 90, 4600, None, ("gas", None, True), 21, False,
     [(6, 40, "halogen", 4), (2, 60, "incandescent", 3)], [(15, 20), (8, 24)], [("fridge-freezer", 11, 1.0)],
     (30, 6, 12), 12),
    ("NUE-C08", "nuernberg", "2026-09-15", "kinderzuschlag", 4, 82, 3600, "electric-instantaneous",
     ("gas", 11000, False), 21, False, [(4, 35, "halogen", 3), (2, 15, "cfl", 3)], [(10, 20)], [("fridge", 7, None)],
     (20, 6, 11), 11),
    ("HB-C09", "bremen", "2026-01-20", "buergergeld", 2, 55, 2500, None, ("gas", None, True), 22, True,
     [(4, 50, "halogen", 3)], [(10, 22)], [("fridge", 16, 0.9)], (10, 7, 12), 11),
    ("HB-C10", "bremen", "2026-02-24", "grundsicherung", 1, 48, 1700, None, ("gas", 6800, True), 23, False,
     [(2, 60, "incandescent", 3), (1, 40, "halogen", 2)], [(6, 20)], [("fridge", 25, None)], (4, 8, 11), 9),
    ("HB-C11", "bremen", "2026-03-12", "buergergeld", 3, 68, 3300, "electric-instantaneous", ("gas", 8900, False), 22,
     False, [(5, 35, "halogen", 4)], [(12, 20)], [("fridge-freezer", 15, 1.2)], (18, 7, 12), 10),
    ("HB-C12", "bremen", "2026-04-21", "wohngeld", 4, 85, 3400, None, ("gas", None, True), 21, False,
     [(3, 35, "halogen", 3), (3, 11, "cfl", 3)], [(9, 20)], [("fridge", 8, None)], (22, 6, 10), 9),
    ("HB-C13", "bremen", "2026-06-09", "buergergeld", 1, 42, 2100, None, ("district", 5100, True), 22, False,
     [(3, 40, "halogen", 4)], [(11, 22)], [("fridge", 19, None)], (6, 8, 13), 12),
    ("HB-C14", "bremen", "2026-09-08", "grundsicherung", 2, 60, 2200, None, ("gas", 9500, True), 22, True,
     [(4, 60, "incandescent", 2)], [(7, 20)], [("fridge-freezer", 21, 1.4)], (7, 7, 11), 10),
    ("HB-C15", "bremen", "2026-10-13", "buergergeld", 6, 95, 5200, None, ("gas", 13200, True), 21, False,
     [(6, 35, "halogen", 4), (2, 60, "incandescent", 3)], [(14, 20), (9, 24)], [("fridge-freezer", 12, 1.1)],
     (35, 6, 12), 13),
    ("HB-C16", "bremen", "2026-11-03", "sozialhilfe", 1, 38, 1400, None, ("gas", None, True), 22, False,
     [(2, 40, "halogen", 2)], [(5, 20)], [], (5, 6, 9), None),
    ("L-C17", "leipzig", "2026-01-27", "buergergeld", 2, 56, 2600, None, ("district", 6400, True), 22, False,
     [(4, 35, "halogen", 3)], [(10, 20)], [("fridge", 17, 0.85)], (10, 7, 12), 11),
    ("L-C18", "leipzig", "2026-02-17", "wohngeld", 3, 66, 2900, None, ("district", None, True), 21, True,
     [(3, 40, "halogen", 3), (2, 11, "cfl", 4)], [(8, 20)], [("fridge", 10, None)], (15, 6, 11), 10),
    ("L-C19", "leipzig", "2026-03-24", "grundsicherung", 1, 45, 1500, None, ("district", 5200, True), 23, False,
     [(2, 60, "incandescent", 3)], [(6, 22)], [("fridge", 23, 1.0)], (5, 7, 10), 9),
    ("L-C20", "leipzig", "2026-05-12", "buergergeld", 4, 75, 3700, "electric-instantaneous", ("district", 8100, False),
     22, False, [(5, 35, "halogen", 4)], [(12, 20), (6, 24)], [("fridge-freezer", 14, None)], (22, 6, 12), 11),
    ("L-C21", "leipzig", "2026-06-16", "wohngeld", 2, 60, 2400, None, ("gas", 8600, True), 21, False,
     [(3, 35, "halogen", 3)], [(8, 20)], [("fridge", 6, None)], (9, 6, 10), 8),
    ("L-C22", "leipzig", "2026-09-22", "buergergeld", 3, 64, 3200, None, ("district", None, True), 22, True,
     [(4, 40, "halogen", 3), (1, 60, "incandescent", 2)], [(10, 22)], [("fridge-freezer", 16, 1.15)], (16, 7, 12), 11),
    ("L-C23", "leipzig", "2026-10-20", "grundsicherung", 2, 55, 2100, None, ("district", 6900, True), 23, False,
     [(3, 35, "halogen", 3)], [(7, 20)], [("fridge", 20, None)], (8, 6, 11), 10),
    ("L-C24", "leipzig", "2026-11-10", "asylblg", 4, 70, 3300, None, ("district", None, True), 22, False,
     [(4, 40, "halogen", 3), (2, 11, "cfl", 3)], [(9, 20)], [("fridge", 13, 0.8)], (24, 5, 11), 12),
]


def visit(row):
    (vid, city, date, benefit, persons, area, kwh, hot, heating, room, tilted, lamps, standby, fridges, shower,
     tap) = row
    v = {
        "schema": "esp-visit/1", "visitId": vid, "date": date, "city": city, "language": "de",
        "household": {"persons": persons, "dwelling": "flat", "livingAreaM2": area, "benefit": benefit},
        "electricity": {"annualKWh": kwh},
    }
    if hot:
        v["electricity"]["hotWater"] = hot
    fuel, heat_kwh, includes = heating
    h = {"fuel": fuel, "includesHotWater": includes, "roomTemperatureC": room, "windowsTiltedInWinter": tilted}
    if heat_kwh:
        h["annualKWh"] = heat_kwh
    v["heating"] = h
    v["lighting"] = [{"lamps": n, "watts": w, "technology": t, "hoursPerDay": hrs, "installedAtVisit": True}
                     for n, w, t, hrs in lamps]
    appliances = [{"kind": "standby", "watts": w, "hoursPerDay": hrs, "installedAtVisit": True} for w, hrs in standby]
    for kind, age, per_day in fridges:
        f = {"kind": kind, "ageYears": age}
        if per_day:
            f["measuredKWhPerDay"] = per_day
        appliances.append(f)
    v["appliances"] = appliances
    if shower:
        per_week, minutes, flow = shower
        v["showers"] = {"perWeek": per_week, "minutes": minutes, "flowLitresPerMinute": flow,
                        "installedAtVisit": flow > 9}
    if tap:
        v["taps"] = [{"room": "kitchen", "flowLitresPerMinute": tap, "installedAtVisit": tap > 9}]
    return v


def main():
    for name in os.listdir(HERE):
        if name.endswith(".json"):
            os.remove(os.path.join(HERE, name))
    for row in COHORT:
        with open(os.path.join(HERE, row[0] + ".json"), "w", encoding="utf-8") as f:
            json.dump(visit(row), f, ensure_ascii=False, indent=2)
            f.write("\n")
    print(f"{len(COHORT)} visits")


if __name__ == "__main__":
    main()
