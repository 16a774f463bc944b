import EnergyAdvice
import Foundation

/// Every German word of the terminal advice, in one place, until the texts move to Locales/.
enum GermanWording {
    static let locale = Locale(identifier: "de_DE")

    static func title(_ advice: Advice, cityName: String) -> String {
        "Energiesparberatung – Besuch \(advice.visitId) am \(date(advice.date)) in \(cityName)"
    }

    static func measureTitle(_ m: MeasureResult) -> String {
        func text(_ key: String) -> String? {
            if case .text(let s)? = m.detail(key) { return s }
            return nil
        }
        switch m.kind {
        case .led:
            let old = ["incandescent": "Glühlampen", "halogen": "Halogenlampen", "cfl": "Energiesparlampen"][text("technology") ?? ""] ?? "Lampen"
            return "LED statt \(old)" + (text("room").map { " (\($0))" } ?? "")
        case .standby:
            return "Steckerleiste mit Schalter" + (text("label").map { " für \($0)" } ?? "")
        case .fridgeReplacement:
            return ["fridge": "Neuer sparsamer Kühlschrank", "fridge-freezer": "Neue sparsame Kühl-Gefrier-Kombination",
                    "freezer": "Neuer sparsamer Gefrierschrank"][text("kind") ?? ""] ?? "Neues sparsames Kühlgerät"
        case .showerhead: return "Sparduschkopf (7 l/min)"
        case .roomTemperature: return "Raumtemperatur senken"
        case .ventilation: return "Stoßlüften statt Kippfenster"
        case .tariffSwitch: return "Stromtarif wechseln" + (text("name").map { " zu \($0)" } ?? "")
        }
    }

    static let tableHeader = ["Schritt", "kWh/Jahr", "€/Jahr", "kg CO₂", "Kosten", "Amortisation"]
    static let notRecommendedHeading = "Geprüft, aber nicht empfohlen:"
    static let recommendedHeading = "Empfohlene Schritte"
    static let total = "Summe"

    static func payer(_ payer: Payer) -> String {
        switch payer {
        case .household: "Ihr Haushalt"
        case .jobcenter: "das Jobcenter"
        case .socialOffice: "das Sozialamt"
        case .landlord: "Ihr Vermieter"
        }
    }

    static func fuel(_ fuel: HeatingFuel) -> String {
        switch fuel {
        case .gas: "Gas"
        case .oil: "Heizöl"
        case .district: "Fernwärme"
        case .electricStorage: "Nachtspeicher"
        case .heatPump: "Wärmepumpe"
        case .pellets: "Pellets"
        }
    }

    static func electricityLine(_ e: ElectricitySummary) -> String {
        "Strom: \(kWh(e.annualKWh)) im Jahr, \(euro(e.annualCostEUR)) – Klasse \(e.benchmark.classLetter) "
            + "auf der Skala A–G (Durchschnitt vergleichbarer Haushalte: \(kWh(e.benchmark.averageKWh)))"
    }

    static func heatingLine(_ h: HeatingSummary) -> String {
        "Heizung (\(fuel(h.fuel))): \(kWh(h.annualKWh))\(h.estimated ? " (geschätzt)" : "") im Jahr, "
            + "\(number(h.kWhPerM2, digits: 0))\u{00A0}kWh/m² (Durchschnitt \(number(h.benchmark.averageKWhPerM2, digits: 0))\u{00A0}kWh/m²), "
            + "\(euro(h.annualCostEUR))"
    }

    static func scale(_ b: ElectricityBenchmark) -> String {
        let letters = ElectricityBenchmarkTable.classLetters
        var parts = b.classUpperKWh.enumerated().map { "\(letters[$0]) ≤\(number($1, digits: 0))" }
        parts.append("G darüber")
        return "  " + parts.enumerated().map { $0 == b.classIndex ? "[\($1)]" : $1 }.joined(separator: " | ")
    }

    /// Who keeps how much, summed over the recommended measures.
    static func split(_ measures: [MeasureResult]) -> String {
        var byPayer: [Payer: Double] = [:]
        for m in measures { byPayer.merge(m.split, uniquingKeysWith: +) }
        let parts = Payer.allCases.compactMap { payer -> String? in
            guard let amount = byPayer[payer], amount > 0 else { return nil }
            return payer == .household
                ? "Ihr Haushalt spart \(euro(amount)) im Jahr"
                : "\(self.payer(payer)) spart \(euro(amount)) Heizkosten"
        }
        return parts.isEmpty ? "Keine Ersparnis berechnet." : parts.joined(separator: "; ") + "."
    }

    static func installment(_ label: String, _ i: Installment) -> String {
        var line = "Abschlag \(label): erwartet \(euro(i.expectedAnnualEUR)) im Jahr, empfohlen \(euro(i.recommendedMonthlyEUR, digits: 0)) im Monat"
        if let current = i.currentMonthlyEUR, let balance = i.balanceEUR {
            line += "; Sie zahlen \(euro(current)) im Monat → "
            line += balance < 0 ? "Nachzahlung von etwa \(euro(-balance))" : "Guthaben von etwa \(euro(balance))"
        }
        return line
    }

    static func warning(_ w: AdviceWarning) -> String {
        switch w {
        case .electricityImplausiblyHigh(let v, let limit):
            "Stromverbrauch \(kWh(v)) ist sehr hoch (über \(kWh(limit))) – bitte Zählerstände prüfen."
        case .electricityImplausiblyLow(let v, let limit):
            "Stromverbrauch \(kWh(v)) ist sehr niedrig (unter \(kWh(limit))) – bitte Zählerstände prüfen."
        case .heatingImplausiblyHigh(let v, let limit):
            "Heizverbrauch \(number(v, digits: 0))\u{00A0}kWh/m² ist sehr hoch (über \(number(limit, digits: 0))\u{00A0}kWh/m²) – bitte Abrechnung prüfen."
        case .heatingImplausiblyLow(let v, let limit):
            "Heizverbrauch \(number(v, digits: 0))\u{00A0}kWh/m² ist sehr niedrig (unter \(number(limit, digits: 0))\u{00A0}kWh/m²) – bitte Abrechnung prüfen."
        case .cityTariffsExpired(let city, let until):
            "Die Tarifdatei für \(city) galt nur bis \(date(until)) – Preise bitte aktualisieren."
        case .referenceDataExpired(let until):
            "Die Referenzdaten galten nur bis \(date(until)) – bitte aktualisieren."
        case .tariffNotYetValid(let name, let from):
            "Tarif \(name) gilt erst ab \(date(from)); er wurde trotzdem verwendet."
        case .showerEnergyCarrierUnknown:
            "Unklar, womit das Duschwasser erwärmt wird – nur die Wasserersparnis ist gerechnet."
        case .voucherNeedsAge(let index):
            "Alter von Gerät \(index + 1) fehlt – ohne Alter ist kein Gutschein sicher."
        }
    }

    static let warningsHeading = "Bitte prüfen:"
    static let assumptionsHeading = "Annahmen:"
    static let sourcesHeading = "Preise und Quellen:"

    static func assumption(_ input: AssumedInput) -> String {
        let value: String
        switch input.value {
        case .number(let x): value = number(x, digits: x == x.rounded() ? 0 : 2)
        case .text(let s): value = s
        case .flag(let b): value = b ? "ja" : "nein"
        }
        let how = ["default": "Vorgabe", "estimate": "Schätzung", "city-tariff": "Tarif der Stadt"][input.kind.rawValue] ?? ""
        return "  \(input.path) = \(value) (\(how)\(input.source.map { ", \(sourceName($0))" } ?? ""))"
    }

    static func tariff(_ t: UsedTariff) -> String {
        let label: String
        switch t.use {
        case .water: label = "Wasser und Abwasser"
        case .co2: label = "CO₂-Faktor \(["electricity": "Strom", "gas": "Gas", "oil": "Heizöl", "district": "Fernwärme", "wood": "Holz"][t.name] ?? t.name) (\(t.supplier))"
        default: label = "\(t.supplier), \(t.name)"
        }
        var line = "  \(label):"
        if let ct = t.energyPriceCtPerKWh { line += " \(number(ct, digits: 2))\u{00A0}ct/kWh" }
        if let base = t.basePriceEURPerYear, base > 0 { line += " + \(euro(base)) im Jahr" }
        if let m3 = t.eurPerM3 { line += " \(euro(m3))/m³" }
        if let co2 = t.co2KgPerKWh { line += " \(number(co2, digits: 3))\u{00A0}kg CO₂/kWh" }
        if let from = t.validFrom { line += ", ab \(date(from))" }
        if let s = t.source { line += " – \(sourceName(s))" }
        return line
    }

    static func sourceName(_ s: Source) -> String {
        "\(s.publisher) \(s.year)\(s.confirmed ? "" : ", unbestätigt")"
    }

    // MARK: Numbers, German style, no-break space before units

    static func number(_ x: Double, digits: Int) -> String {
        let f = NumberFormatter()
        f.locale = locale
        f.numberStyle = .decimal
        f.minimumFractionDigits = digits
        f.maximumFractionDigits = digits
        f.roundingMode = .halfUp
        return f.string(from: NSNumber(value: x)) ?? String(x)
    }

    static func kWh(_ x: Double) -> String { "\(number(x, digits: 0))\u{00A0}kWh" }
    static func euro(_ x: Double, digits: Int = 2) -> String { "\(number(x, digits: digits))\u{00A0}€" }
    static func kg(_ x: Double) -> String { "\(number(x, digits: 0))\u{00A0}kg" }

    static func months(_ x: Double?) -> String {
        guard let x else { return "–" }
        if x == 0 { return "sofort" }
        if x < 1.5 { return x < 1 ? "unter 1\u{00A0}Monat" : "1\u{00A0}Monat" }
        return "\(number(x, digits: 0))\u{00A0}Monate"
    }

    static func date(_ d: CalendarDate) -> String {
        "\(d.day < 10 ? "0" : "")\(d.day).\(d.month < 10 ? "0" : "")\(d.month).\(d.year)"
    }
}
