import EnergyAdvice
import PostgresNIO
import VisitRecords

extension PostgresVisitStore {
    /// The server adds the figures up (``PostgresSummarySQL``); esp rounds and orders them as every store does
    /// (``VisitRecords/ProgrammeSummary/Accumulator``).
    public func summary(_ filter: VisitFilter) async throws(StoreError) -> ProgrammeSummary {
        // A lead sees no visit: the owner's functions add up for them and return only the sums.
        let prefix = role == .lead ? "esp.programme_" : "esp.summary_"
        let location = self.location
        return try await transaction { connection in
            var sums = ProgrammeSummary.Accumulator(filter: filter)
            func rows(_ name: String) async throws -> PostgresRowSequence {
                var binds = PostgresBindings()
                binds.append(filter.from?.description)
                binds.append(filter.to?.description)
                binds.append(filter.city)
                return try await connection.query(
                    PostgresQuery(unsafeSQL: "SELECT * FROM \(prefix)\(name)($1::date, $2::date, $3)", binds: binds),
                    logger: self.logger)
            }
            for try await row in try await rows("groups") {
                let r = row.makeRandomAccess()
                var group = GroupSums()
                group.households = try r[2].decode(Int.self)
                group.followedUp = try r[3].decode(Int.self)
                group.electricityKWh = try r[4].decode(Double.self)
                group.heatKWh = try r[5].decode(Double.self)
                group.savingEUR = try r[6].decode(Double.self)
                group.householdEUR = try r[7].decode(Double.self)
                group.publicEUR = try r[8].decode(Double.self)
                group.co2Kg = try r[9].decode(Double.self)
                let key = try r[1].decode(String?.self) ?? ""
                switch try r[0].decode(String.self) {
                case "language":
                    sums.byLanguage[key] = group
                case "benefit":
                    let benefit: Benefit = try Self.decodeEnum(key, "benefit", location)
                    if let index = Benefit.allCases.firstIndex(of: benefit) { sums.byBenefit[index] = group }
                case "quarter":
                    let day = try Self.decodeDate(key, "date", location)
                    sums.byQuarter[ProgrammeSummary.Accumulator.quarter(of: day)] = group
                default:
                    sums.all = group
                }
            }
            for try await row in try await rows("totals") {
                let r = row.makeRandomAccess()
                func d(_ i: Int) throws -> Double { try r[i].decode(Double.self) }
                func n(_ i: Int) throws -> Int { try r[i].decode(Int.self) }
                sums.electricityEUR = try d(0)
                sums.heatingEUR = try d(1)
                sums.electricityCO2 = try d(2)
                sums.heatingCO2 = try d(3)
                sums.waterM3 = try d(4)
                sums.landlordEUR = try d(5)
                sums.jobcenterEUR = try d(6)
                sums.socialOfficeEUR = try d(7)
                sums.switches = (try n(8), try d(9))
                sums.estimatedHeating = try n(10)
                sums.persons = try n(11)
                sums.replacementsReported = try n(12)
                sums.realised.electricity = CarrierSums()
                sums.realised.electricity.households = try n(13)
                sums.realised.electricity.kWh = try d(14)
                sums.realised.electricity.eur = try d(15)
                sums.realised.electricity.co2Kg = try d(16)
                sums.realised.heating.households = try n(17)
                sums.realised.heating.kWh = try d(18)
                sums.realised.heating.eur = try d(19)
                sums.realised.heating.co2Kg = try d(20)
                sums.realised.predictedImplemented = PredictionSums(
                    electricityKWh: try d(21), heatKWh: try d(22), savingEUR: try d(23), co2Kg: try d(24))
                sums.realised.predictedRecommended = PredictionSums(
                    electricityKWh: try d(25), heatKWh: try d(26), savingEUR: try d(27), co2Kg: try d(28))
                sums.cities = Set(try r[29].decode([String].self))
                sums.rulesVersions = Set(try r[30].decode([Int32].self).map(Int.init))
            }
            for try await row in try await rows("measures") {
                let r = row.makeRandomAccess()
                func d(_ i: Int) throws -> Double { try r[i].decode(Double.self) }
                func n(_ i: Int) throws -> Int { try r[i].decode(Int.self) }
                let kind: MeasureKind = try Self.decodeEnum(try r[0].decode(String.self), "kind", location)
                guard let index = MeasureKind.allCases.firstIndex(of: kind) else { continue }
                var m = sums.byKind[index]
                m.measures = try n(1)
                m.households = try n(2)
                (m.electricityKWh, m.heatKWh, m.waterM3) = (try d(3), try d(4), try d(5))
                (m.savingEUR, m.householdEUR, m.publicEUR, m.co2Kg) = (try d(6), try d(7), try d(8), try d(9))
                (m.vouchers, m.voucherEUR) = (try n(10), try d(11))
                sums.byKind[index] = m
                sums.handedOut[index].items = try n(12)
                sums.handedOut[index].households = try n(13)
                sums.handedOut[index].eur = try d(14)
                if kind == .fridgeReplacement { sums.vouchers = (m.vouchers, m.voucherEUR) }
            }
            for try await (kindText, households) in try await rows("implemented").decode((String, Int).self) {
                let kind: MeasureKind = try Self.decodeEnum(kindText, "implemented", location)
                if let index = MeasureKind.allCases.firstIndex(of: kind) {
                    sums.byKind[index].householdsImplemented = households
                }
            }
            for try await (carrier, payerText, eur) in try await rows("realised").decode((String, String, Double).self)
            {
                let payer: Payer = try Self.decodeEnum(payerText, "realised payer", location)
                if carrier == "electricity" {
                    sums.realised.electricityEURByPayer[payer] = eur
                } else {
                    sums.realised.heatingEURByPayer[payer] = eur
                }
            }
            var samples: [MeasureKind: SampleSums] = [:]
            for try await (kindText, count, total, deviations) in try await rows("calibration").decode(
                (String, Int, Double, Double).self)
            {
                let kind: MeasureKind = try Self.decodeEnum(kindText, "kind", location)
                samples[kind] = SampleSums(count: count, sum: total, squaredDeviations: deviations)
            }
            sums.sampleSums = samples
            return sums.summary()
        }
    }
}
