import PostgresVisitStore
import TestSupport
import Testing
import VisitRecords
import VisitStoreContract

@Suite("The PostgreSQL register keeps the store contract", .enabled(if: TestCluster.available, TestCluster.note))
struct PostgresContractTests {
    @Test(arguments: VisitStoreContract.cases)
    func contract(_ check: VisitStoreContract.Case) async throws {
        let store = try await PostgresVisitStore.open(try await TestCluster.newDatabase(), access: .write)
        do {
            try await check.run(store)
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }
}
