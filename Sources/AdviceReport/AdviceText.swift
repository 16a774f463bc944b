import EnergyAdvice

/// The advice as plain text for the advisor's terminal: the same numbers as the JSON, laid out to read.
public enum AdviceText {
    public static func render(_ advice: Advice, city: CityTariffs? = nil) -> String {
        typealias W = GermanWording
        var lines = [W.title(advice, cityName: city?.name ?? advice.city)]
        if let office = city?.office { lines.append("\(office.name), \(office.address), Tel. \(office.phone)") }
        lines.append("")
        lines.append(W.electricityLine(advice.electricity))
        lines.append(W.scale(advice.electricity.benchmark))
        if let heating = advice.heating { lines.append(W.heatingLine(heating)) }
        lines.append("")

        let recommended = advice.measures.filter(\.recommended)
        lines.append(W.recommendedHeading)
        var rows = [W.tableHeader]
        for m in recommended {
            rows.append([
                W.measureTitle(m), W.number(m.electricityKWh + m.heatKWh, digits: 0), W.number(m.savingEUR, digits: 2),
                W.number(m.co2Kg, digits: 0), W.number(m.investmentEUR - m.voucherEUR, digits: 2), W.months(m.paybackMonths),
            ])
        }
        let t = advice.totals
        rows.append([W.total, W.number(t.electricityKWh + t.heatKWh, digits: 0), W.number(t.savingEUR, digits: 2),
                     W.number(t.co2Kg, digits: 0), "", ""])
        lines += table(rows)
        let rejected = advice.measures.filter { !$0.recommended }
        if !rejected.isEmpty {
            lines.append(W.notRecommendedHeading)
            lines += rejected.map { "  \(W.measureTitle($0)): \(W.kWh($0.electricityKWh + $0.heatKWh)) im Jahr" }
        }
        lines.append("")
        lines.append(W.split(advice.measures.filter(\.recommended)))
        lines.append(W.installment("Strom", advice.installment.electricity))
        if let heating = advice.installment.heating { lines.append(W.installment("Heizung", heating)) }
        if !advice.warnings.isEmpty {
            lines.append("")
            lines.append(W.warningsHeading)
            lines += advice.warnings.map { "  ! " + W.warning($0) }
        }
        if !advice.inputs.isEmpty {
            lines.append("")
            lines.append(W.assumptionsHeading)
            lines += advice.inputs.map(W.assumption)
        }
        lines.append("")
        lines.append(W.sourcesHeading)
        lines += advice.tariffs.map(W.tariff)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Left-aligns the first column and right-aligns the numbers.
    static func table(_ rows: [[String]]) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        let widths = (0..<columns).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }
}
