import AdviceWorkflows
import EnergyAdvice
import VisitQuestionnaire
import VisitRecords

/// How the pages word a use case's error for staff: in German, what happened and what to do, for the errors a clerk
/// or advisor meets at the register and its follow-ups; other errors keep the use case's own (English) words.
enum PageWords {
    static func text(_ error: WorkflowError, language: String) -> String {
        guard language == "de", case .store(let storeError) = error else { return error.description }
        switch storeError {
        case .unknownVisit(let visitId): return "Der Besuch \(visitId) ist nicht im Register."
        case .visitIdTaken(let visitId, let registered):
            return
                "Die Besuchsnummer \(visitId) hat im Register schon ein anderer Besuch (vom \(day(registered.date)), "
                + "\(registered.city)\(registered.advisor.map { ", Beratung: \($0)" } ?? "")). Nichts wurde geändert. "
                + "Bitte dem Besuch eine eigene Nummer geben (Besuch ändern)."
        case .forgotten(let visitId, let at):
            return "Die persönlichen Daten von \(visitId) wurden am \(at.prefix(10)) gelöscht; nur die anonymen Zahlen "
                + "sind noch da."
        case .locked: return "Das Register wird gerade von einem anderen Programm benutzt. Bitte gleich noch einmal."
        case .followUp(_, let problem): return followUp(problem)
        default: return error.description
        }
    }

    static func followUp(_ problem: FollowUpProblem) -> String {
        func kWh(_ x: Double) -> String { "\(FormNumber.text((x * 10).rounded() / 10)) kWh" }
        switch problem {
        case .invalidNumber(_, let value, let upper):
            return "\(FormNumber.text(value)) geht nicht; erlaubt sind 0 bis \(kWh(upper))."
        case .electricityGivenTwice:
            return "Bitte entweder den Verbrauch seit dem Besuch oder die Zählerstände angeben, nicht beides."
        case .meterNowMissing: return "Zum Zählerstand beim Besuch gehört auch der Zählerstand jetzt."
        case .notAfterVisit(let visitDate):
            return "Der Nachbesuch muss nach dem Beratungsbesuch am \(day(visitDate)) liegen."
        case .dateInFuture(let today):
            return
                "Das Datum liegt nach heute (\(day(today))). Wenn es stimmt: „Ungewöhnliche Werte stimmen“ ankreuzen."
        case .alreadyRecorded(let date):
            return "Am \(day(date)) ist schon ein Nachbesuch erfasst. Bitte dort „Korrigieren“ wählen."
        case .notAfterPrevious(let previous):
            return "Der Nachbesuch muss nach dem letzten Nachbesuch am \(day(previous)) liegen."
        case .noFollowUpOn(let date, _): return "Am \(day(date)) ist kein Nachbesuch erfasst."
        case .noHeatingAtVisit:
            return "Beim Beratungsbesuch wurde keine Heizung erfasst; es gibt nichts zu vergleichen."
        case .noEnergyDebtAtVisit:
            return "Beim Beratungsbesuch wurden keine Energieschulden erfasst; Versorgung und Vereinbarung bitte leer "
                + "lassen."
        case .heatingBaselineEstimated:
            return "Die Heizung wurde beim Beratungsbesuch nur geschätzt (keine Abrechnung). Eine Heizungs-Einsparung "
                + "lässt sich daran nicht messen; bitte nur den Strom erfassen."
        case .notRecommended(let kinds, _):
            return "Nicht empfohlen war: \(kinds.map(\.rawValue).joined(separator: ", "))."
        case .meterAtVisitConflict(let recorded, let given):
            return "Der Zählerstand beim Besuch ist mit \(kWh(recorded)) erfasst, nicht mit \(kWh(given))."
        case .meterAtVisitMissing:
            return "Beim ersten Nachbesuch mit Zählerstand bitte auch den Zählerstand beim Beratungsbesuch angeben."
        case .meterReadingFalls(let previous, let now):
            return "Der Zählerstand \(kWh(now)) ist kleiner als der frühere \(kWh(previous)). Ein Zähler zählt nur "
                + "aufwärts – wurde er getauscht oder eine Ziffer vergessen?"
        case .meterReadingAboveLater(let date, let later, let now):
            return "Der Zählerstand \(kWh(now)) ist größer als \(kWh(later)) beim späteren Nachbesuch am \(day(date))."
        case .consumptionFalls(let previous, let now):
            return "\(kWh(now)) seit dem Besuch ist weniger als die \(kWh(previous)) eines früheren Nachbesuchs."
        case .unusualElectricity(let perYear, let visit):
            return "Das wären \(kWh(perYear)) im Jahr, mehr als dreimal die \(kWh(visit)) beim Besuch. Bitte den "
                + "Zählerstand prüfen; wenn er stimmt: „Ungewöhnliche Werte stimmen“ ankreuzen."
        case .unusualHeating(let perYear, let visit):
            return "\(kWh(perYear)) Heizung im Jahr ist mehr als dreimal die \(kWh(visit)) beim Besuch. Bitte prüfen; "
                + "wenn es stimmt: „Ungewöhnliche Werte stimmen“ ankreuzen."
        }
    }

    static func day(_ date: CalendarDate) -> String {
        let parts = date.description.split(separator: "-")
        return parts.count == 3 ? "\(parts[2]).\(parts[1]).\(parts[0])" : date.description
    }
}
