import EnergyAdvice
import PostgresNIO
import VisitRecords

extension PostgresVisitStore {
    /// The server adds the figures up (``PostgresSummarySQL``), three queries at once on one snapshot of the
    /// register; esp rounds and orders them as every store does (``VisitRecords/ProgrammeSummary/Accumulator``).
    public func summary(_ filter: VisitFilter) async throws(StoreError) -> ProgrammeSummary {
        // A lead sees no visit: the owner's functions add up for them and return only the sums.
        let prefix = role == .lead ? "esp.programme_" : "esp.summary_"
        let location = self.location
        let logger = self.logger
        @Sendable func rows(_ connection: PostgresConnection, _ name: String) async throws -> PostgresRowSequence {
            var binds = PostgresBindings()
            binds.append(filter.from?.description)
            binds.append(filter.to?.description)
            binds.append(filter.city)
            return try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT * FROM \(prefix)\(name)($1::date, $2::date, $3)", binds: binds),
                logger: logger)
        }
        let queries: [@Sendable (PostgresConnection) async throws -> SummaryPart] = [
            { connection in SummaryPart.groups(try await Self.groups(rows(connection, "groups"), location)) },
            { connection in SummaryPart.totals(try await Self.totals(rows(connection, "totals"), location)) },
            { connection in
                SummaryPart.measures(
                    try await Self.measures(rows(connection, "measures"), location),
                    try await Self.implemented(rows(connection, "implemented"), location),
                    try await Self.calibration(rows(connection, "calibration"), location))
            },
            { connection in SummaryPart.debt(try await Self.debt(rows(connection, "energy_debt"))) },
        ]
        let parts = try await onOneSnapshot(queries)
        var sums = ProgrammeSummary.Accumulator(filter: filter)
        for part in parts { part.fill(&sums) }
        return sums.summary()
    }

    /// What one of the summary's queries read, to fill into the sums.
    enum SummaryPart: Sendable {
        case groups([(group: String, key: String, sums: GroupSums)])
        case totals(Totals)
        case measures([(MeasureKind, MeasureSums, HandOutSums)], [(MeasureKind, Int)], [MeasureKind: SampleSums])
        case debt(DebtSums)

        /// The `totals` row.
        struct Totals: Sendable {
            var numbers: [Double]
            var counts: [Int]
            var electricityByPayer: [Double]
            var heatingByPayer: [Double]
            /// Households for each payer, handed something out, promised a voucher, with a measured figure.
            var households: [Int]
            /// Expected electricity (recommended, carried out) and heating likewise, each kWh, €, kg CO2.
            var expected: [Double]
        }

        func fill(_ sums: inout ProgrammeSummary.Accumulator) {
            switch self {
            case .groups(let groups):
                for (group, key, values) in groups {
                    switch group {
                    case "language": sums.byLanguage[key] = values
                    case "benefit":
                        if let index = Benefit.allCases.firstIndex(where: { $0.rawValue == key }) {
                            sums.byBenefit[index] = values
                        }
                    case "quarter": sums.byQuarter[key] = values
                    case "city": sums.cities.insert(key)
                    case "rules": if let version = Int(key) { sums.rulesVersions.insert(version) }
                    default: sums.all = values
                    }
                }
            case .totals(let t):
                let d = t.numbers
                (sums.electricityEUR, sums.heatingEUR, sums.electricityCO2, sums.heatingCO2) = (d[0], d[1], d[2], d[3])
                (sums.waterM3, sums.landlordEUR, sums.jobcenterEUR, sums.socialOfficeEUR) = (d[4], d[5], d[6], d[7])
                sums.switches = (t.counts[0], d[8])
                (sums.estimatedHeating, sums.persons, sums.replacementsReported) = (
                    t.counts[1], t.counts[2], t.counts[3]
                )
                sums.realised.electricity.households = t.counts[4]
                (sums.realised.electricity.kWh, sums.realised.electricity.eur) = (d[9], d[10])
                sums.realised.electricity.co2Kg = d[11]
                sums.realised.heating.households = t.counts[5]
                (sums.realised.heating.kWh, sums.realised.heating.eur, sums.realised.heating.co2Kg) = (
                    d[12], d[13], d[14]
                )
                sums.realised.predictedImplemented = PredictionSums(
                    electricityKWh: d[15], heatKWh: d[16], savingEUR: d[17], co2Kg: d[18])
                sums.realised.predictedRecommended = PredictionSums(
                    electricityKWh: d[19], heatKWh: d[20], savingEUR: d[21], co2Kg: d[22])
                let h = t.households
                sums.payers = PayerHouseholds(household: h[0], jobcenter: h[1], socialOffice: h[2], landlord: h[3])
                (sums.householdsHandedOut, sums.vouchers.households) = (h[4], h[5])
                sums.realised.householdsWithFigures = h[6]
                let x = t.expected
                sums.realised.expectedElectricity = (
                    ValuedSums(kWh: x[0], eur: x[1], co2Kg: x[2]), ValuedSums(kWh: x[3], eur: x[4], co2Kg: x[5])
                )
                sums.realised.expectedHeating = (
                    ValuedSums(kWh: x[6], eur: x[7], co2Kg: x[8]), ValuedSums(kWh: x[9], eur: x[10], co2Kg: x[11])
                )
                for (payer, eur) in zip(Payer.allCases, t.electricityByPayer) where eur != 0 {
                    sums.realised.electricityEURByPayer[payer] = eur
                }
                for (payer, eur) in zip(Payer.allCases, t.heatingByPayer) where eur != 0 {
                    sums.realised.heatingEURByPayer[payer] = eur
                }
            case .measures(let kinds, let implemented, let samples):
                for (kind, measure, handedOut) in kinds {
                    guard let index = MeasureKind.allCases.firstIndex(of: kind) else { continue }
                    sums.byKind[index] = measure
                    sums.handedOut[index] = handedOut
                    if kind == .fridgeReplacement {
                        (sums.vouchers.count, sums.vouchers.eur) = (measure.vouchers, measure.voucherEUR)
                    }
                }
                for (kind, households) in implemented {
                    if let index = MeasureKind.allCases.firstIndex(of: kind) {
                        sums.byKind[index].householdsImplemented = households
                    }
                }
                sums.sampleSums = samples
            case .debt(let debt):
                sums.debt = debt
            }
        }
    }

    static func groups(_ rows: PostgresRowSequence, _ location: String) async throws
        -> [(group: String, key: String, sums: GroupSums)]
    {
        var groups: [(group: String, key: String, sums: GroupSums)] = []
        for try await row in rows {
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
            let kind = try r[0].decode(String.self)
            var key = try r[1].decode(String?.self) ?? ""
            if kind == "benefit" { let _: Benefit = try decodeEnum(key, "benefit", location) }
            if kind == "quarter" {
                key = ProgrammeSummary.Accumulator.quarter(of: try decodeDate(key, "date", location))
            }
            groups.append((kind, key, group))
        }
        return groups
    }

    static func totals(_ rows: PostgresRowSequence, _ location: String) async throws -> SummaryPart.Totals {
        var totals = SummaryPart.Totals(
            numbers: [], counts: [], electricityByPayer: [], heatingByPayer: [], households: [], expected: [])
        for try await row in rows {
            let r = row.makeRandomAccess()
            func d(_ i: Int) throws -> Double { try r[i].decode(Double.self) }
            func n(_ i: Int) throws -> Int { try r[i].decode(Int.self) }
            totals.counts = [try n(8), try n(10), try n(11), try n(12), try n(13), try n(17)]
            totals.numbers =
                try [0, 1, 2, 3, 4, 5, 6, 7, 9, 14, 15, 16, 18, 19, 20].map(d)
                + (21...28).map(d)
            totals.electricityByPayer = try r[29].decode([Double].self)
            totals.heatingByPayer = try r[30].decode([Double].self)
            totals.households = try r[31].decode([Int].self)
            totals.expected = try r[32].decode([Double].self)
        }
        return totals
    }

    static func measures(_ rows: PostgresRowSequence, _ location: String) async throws
        -> [(MeasureKind, MeasureSums, HandOutSums)]
    {
        var kinds: [(MeasureKind, MeasureSums, HandOutSums)] = []
        for try await row in rows {
            let r = row.makeRandomAccess()
            func d(_ i: Int) throws -> Double { try r[i].decode(Double.self) }
            func n(_ i: Int) throws -> Int { try r[i].decode(Int.self) }
            let kind: MeasureKind = try decodeEnum(try r[0].decode(String.self), "kind", location)
            var m = MeasureSums()
            (m.measures, m.households) = (try n(1), try n(2))
            (m.electricityKWh, m.heatKWh, m.waterM3) = (try d(3), try d(4), try d(5))
            (m.savingEUR, m.householdEUR, m.publicEUR, m.co2Kg) = (try d(6), try d(7), try d(8), try d(9))
            (m.vouchers, m.voucherEUR) = (try n(10), try d(11))
            var handedOut = HandOutSums()
            (handedOut.items, handedOut.households, handedOut.eur) = (try n(12), try n(13), try d(14))
            kinds.append((kind, m, handedOut))
        }
        return kinds
    }

    static func debt(_ rows: PostgresRowSequence) async throws -> DebtSums {
        var sums = DebtSums()
        for try await row in rows {
            let r = row.makeRandomAccess()
            func n(_ i: Int) throws -> Int { try r[i].decode(Int.self) }
            (sums.households, sums.threatened, sums.announced, sums.cutOff) = (try n(0), try n(1), try n(2), try n(3))
            sums.arrearsEUR = try r[4].decode(Double.self)
            (sums.followedUp, sums.cutOffsAverted, sums.agreementsReached) = (try n(5), try n(6), try n(7))
        }
        return sums
    }

    static func implemented(_ rows: PostgresRowSequence, _ location: String) async throws -> [(MeasureKind, Int)] {
        var implemented: [(MeasureKind, Int)] = []
        for try await (kind, households) in rows.decode((String, Int).self) {
            implemented.append((try decodeEnum(kind, "implemented", location), households))
        }
        return implemented
    }

    static func calibration(_ rows: PostgresRowSequence, _ location: String) async throws
        -> [MeasureKind: SampleSums]
    {
        var samples: [MeasureKind: SampleSums] = [:]
        for try await (kind, count, total, deviations) in rows.decode((String, Int, Double, Double).self) {
            samples[try decodeEnum(kind, "kind", location)] = SampleSums(
                count: count, sum: total, squaredDeviations: deviations)
        }
        return samples
    }

    /// Runs `bodies` at the same time, on as many connections as can be had at once (one at least), all reading one
    /// snapshot of the register (REPEATABLE READ, the first transaction's snapshot exported to the others): a push
    /// arriving meanwhile is in all of them or in none.
    func onOneSnapshot<T: Sendable>(_ bodies: [@Sendable (PostgresConnection) async throws -> T])
        async throws(StoreError) -> [T]
    {
        var connections: [PostgresConnection] = []
        do {
            connections = try await pool.acquire(upTo: bodies.count)
            var snapshot = ""
            try await connections[0].query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            for try await id in try await connections[0].query("SELECT pg_export_snapshot()", logger: logger)
                .decode(String.self)
            {
                snapshot = id
            }
            // The server's own id (hex and dashes); SET TRANSACTION SNAPSHOT takes no parameters.
            guard !snapshot.isEmpty, snapshot.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
                throw StoreError.database(location: location, reason: "the server gave no snapshot")
            }
            for connection in connections.dropFirst() {
                try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                try await connection.query(
                    PostgresQuery(unsafeSQL: "SET TRANSACTION SNAPSHOT '\(snapshot)'"), logger: logger)
            }
            let at = connections
            let results = try await withThrowingTaskGroup(of: [(Int, T)].self) { group in
                // Each connection runs every n-th body, one after the other.
                for (slot, connection) in at.enumerated() {
                    group.addTask {
                        var done: [(Int, T)] = []
                        for index in stride(from: slot, to: bodies.count, by: at.count) {
                            done.append((index, try await bodies[index](connection)))
                        }
                        return done
                    }
                }
                var results: [(Int, T)] = []
                for try await done in group { results += done }
                return results.sorted { $0.0 < $1.0 }.map(\.1)
            }
            for connection in connections { try await connection.query("COMMIT", logger: logger) }
            for connection in connections { await pool.release(connection, broken: false) }
            return results
        } catch {
            for connection in connections {
                var broken = connection.isClosed
                if !broken {
                    do { try await connection.query("ROLLBACK", logger: logger) } catch { broken = true }
                }
                await pool.release(connection, broken: broken)
            }
            throw PostgresErrors.map(error, location: location, user: user)
        }
    }
}
