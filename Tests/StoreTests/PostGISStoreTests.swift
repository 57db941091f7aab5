import EventModel
import Foundation
import GeoModel
import Queries
import Store
import TestSupport
import XCTest

/// The PostGIS store against a real server (a private PostgreSQL with PostGIS, started for this class and
/// stopped after it): the same input gives the same events and the same `near` answers as the GeoPackage
/// store; the server's GiST index is there; a bad URL or password is one clear line.
final class PostGISStoreTests: XCTestCase {
    nonisolated(unsafe) static var server: PrivatePostgres?
    nonisolated(unsafe) static var serverError: Error?
    nonisolated(unsafe) static var databases = 0

    override class func setUp() {
        do { server = try PrivatePostgres.start() } catch { serverError = error }
    }

    override class func tearDown() {
        server?.stop()
        server = nil
    }

    /// A fresh database on the private server (skips or fails as `PrivatePostgres.start` says).
    func database() throws -> (url: String, name: String) {
        if let e = Self.serverError { throw e }
        guard let server = Self.server else { throw XCTSkip("no private PostgreSQL") }
        Self.databases += 1
        let name = "store\(Self.databases)"
        return (try server.createDatabase(name), name)
    }

    func testTheSameInputGivesTheSameEventsAndNearAnswersAsTheGeoPackage() throws {
        let (url, name) = try database()
        let events = try GeoPackageStoreTests.canonical(1500)
        let input = GeoPackageStoreTests.input("varied.jsonl", events)
        let pg = try PostGISStore(url: url, create: true)
        let gpkgPath = try temporaryDirectory("placemap-pg-vs-gpkg").appendingPathComponent("s.gpkg").path
        let gpkg = try GeoPackageStore(path: gpkgPath, create: true)
        let moved = events.first { $0.kind == .event && $0.coordinate != nil }!
        let overrides = ("fixes.csv", [Override(id: moved.id, action: .move, value: "36.6,35.9", line: 2)])
        for store in [pg, gpkg] as [any EventStore] {
            let o = try store.ingest(IngestBatch(inputs: [input], overrides: overrides), readAt: "2020-02-06T08:00:00Z")
            XCTAssertEqual(o.added, ["varied.jsonl"])
        }
        let a = try pg.read(gazetteer: nil), b = try gpkg.read(gazetteer: nil)
        XCTAssertEqual(a.events, b.events)
        XCTAssertEqual(a.statements, b.statements)
        XCTAssertEqual(a.events.count, events.filter { $0.kind == .event }.count)
        XCTAssertEqual(try pg.reports(), try gpkg.reports())
        var g = SplitMix64(seed: 5)
        for k in 0..<16 {
            let center = k == 0 ? Coordinate(lon: 36.6, lat: 35.9)
                : Coordinate(lon: Double.random(in: 35...38, using: &g), lat: Double.random(in: 34...37, using: &g))
            let query = try NearQuery(center: center, km: [2, 25, 80, 250][k % 4], filter: EventFilter(includeRegions: k % 2 == 1))
            let fromServer = try pg.near(query, gazetteer: nil)
            XCTAssertEqual(fromServer, try gpkg.near(query, gazetteer: nil), "query \(k)")
            XCTAssertEqual(fromServer, query.run(b.events), "query \(k)")
        }
        let again = try pg.ingest(IngestBatch(inputs: [input]), readAt: "later")
        XCTAssertEqual(again.skipped, ["varied.jsonl"])
        XCTAssertEqual(again.eventsAfter, again.eventsBefore)
        let indexes = try Self.server!.psql("SELECT indexdef FROM pg_indexes WHERE schemaname = 'placemap' AND tablename = 'events' ORDER BY 1",
                                            database: name)
        XCTAssertTrue(indexes.contains("USING gist (geog)"), indexes)
        let type = try Self.server!.psql("SELECT type FROM geography_columns WHERE f_table_schema = 'placemap' AND f_table_name = 'events'",
                                         database: name)
        XCTAssertEqual(type.trimmingCharacters(in: .whitespacesAndNewlines), "Point")
    }

    func testAFailedIngestLeavesTheDatabaseAsItWas() throws {
        let (url, _) = try database()
        let events = try GeoPackageStoreTests.canonical(200).filter { $0.kind == .event }
        let pg = try PostGISStore(url: url, create: true)
        _ = try pg.ingest(IngestBatch(inputs: [GeoPackageStoreTests.input("a.jsonl", Array(events.prefix(100)))]), readAt: "2020-02-06T08:00:00Z")
        struct Broken: Error {}
        XCTAssertThrowsError(try pg.ingest(IngestBatch(inputs: [GeoPackageStoreTests.input("b.jsonl", Array(events.suffix(100)))],
                                                       frontlines: { _ in throw Broken() }), readAt: "2020-02-07T08:00:00Z"))
        XCTAssertEqual(try pg.eventCount(), 100)
        XCTAssertEqual(try pg.reports().map(\.name), ["a.jsonl"])
    }

    func testAWrongPasswordAndAnUnreachableServerAreOneClearLine() throws {
        if let e = Self.serverError { throw e }
        guard let server = Self.server else { throw XCTSkip("no private PostgreSQL") }
        XCTAssertThrowsError(try PostGISStore(url: server.url(password: "wrong"), create: true)) { e in
            let line = "\(e)"
            XCTAssertTrue(line.contains("password authentication failed"), line)
            XCTAssertFalse(line.contains("wrong"), "the password is not printed: \(line)")
            XCTAssertFalse(line.contains("\n"))
        }
        XCTAssertThrowsError(try PostGISStore(url: "postgresql://placemap:x@127.0.0.1:1/none", create: true)) { e in
            let line = "\(e)"
            XCTAssertTrue(line.hasPrefix("postgresql://placemap:***@127.0.0.1:1/none: cannot connect: "), line)
            XCTAssertTrue(line.contains("refused"), line)
            XCTAssertFalse(line.contains("\n"))
        }
        XCTAssertThrowsError(try PostGISStore(url: server.url(), create: false)) { e in
            XCTAssertEqual(e as? StoreError, .notAPlaceMapStore(location: server.url(password: "***")))
        }
    }
}
