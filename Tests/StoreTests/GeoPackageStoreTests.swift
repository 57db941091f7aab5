import EventModel
import Foundation
import GeoModel
import Queries
import Store
import TestSupport
import XCTest

/// The GeoPackage store: events in, the same events out; the R-tree registered and filled as GeoPackage 1.3
/// says; `near` through the R-tree equal to a scan; a failed ingest changing nothing; other files refused.
final class GeoPackageStoreTests: XCTestCase {
    /// Varied events as JSON Lines reads them (the form every format reproduces: assoc actors carry no type).
    static func canonical(_ n: Int) throws -> [Event] {
        try EventJSONLines.decode(EventJSONLines.encode(VariedEvents.make(n)), file: "varied.jsonl")
    }

    func newStore() throws -> (path: String, store: GeoPackageStore) {
        let path = try temporaryDirectory("placemap-store").appendingPathComponent("store.gpkg").path
        return (path, try GeoPackageStore(path: path, create: true))
    }

    static func input(_ name: String, _ events: [Event], kind: StoreInput.Kind = .events) -> StoreInput {
        let all = events.map { EventJSONLines.encode([$0]) }.joined()
        return StoreInput(name: name, kind: kind, date: nil, sha256: SHA256.hex(Array(all.utf8)),
                          events: events.filter { $0.kind == .event }, statements: events.filter { $0.kind == .statement })
    }

    func testEventsComeOutAsTheyWentIn() throws {
        let events = try Self.canonical(3000)
        let (_, store) = try newStore()
        let outcome = try store.ingest(IngestBatch(inputs: [Self.input("varied.jsonl", events)]), readAt: "2020-02-06T00:00:00Z")
        XCTAssertEqual(outcome.added, ["varied.jsonl"])
        let read = try store.read(gazetteer: nil)
        XCTAssertEqual(read.events, events.filter { $0.kind == .event })
        XCTAssertEqual(read.statements, events.filter { $0.kind == .statement })
        XCTAssertEqual(EventGeoJSON.encode(read.events), EventGeoJSON.encode(events.filter { $0.kind == .event }),
                       "byte-stable layers from the store and from the file")
    }

    func testTheSameFileTwiceChangesNothingAndAnEventFileReplacesByID() throws {
        let events = try Self.canonical(200).filter { $0.kind == .event }
        let (_, store) = try newStore()
        _ = try store.ingest(IngestBatch(inputs: [Self.input("a.jsonl", events)]), readAt: "t1")
        let again = try store.ingest(IngestBatch(inputs: [Self.input("a.jsonl", events)]), readAt: "t2")
        XCTAssertEqual(again.added, [])
        XCTAssertEqual(again.skipped, ["a.jsonl"])
        XCTAssertEqual(try store.reports().map(\.readAt), ["t1"])
        var edited = events[5]
        edited.place = "Edited place"
        _ = try store.ingest(IngestBatch(inputs: [Self.input("b.jsonl", [edited])]), readAt: "t3")
        let read = try store.read(gazetteer: nil).events
        XCTAssertEqual(read.count, events.count, "never a second event of one id")
        XCTAssertEqual(read.first { $0.id == edited.id }?.place, "Edited place")
    }

    func testTheRTreeIsRegisteredAndHoldsEveryPoint() throws {
        let events = try Self.canonical(500).filter { $0.kind == .event }
        let (path, store) = try newStore()
        _ = try store.ingest(IngestBatch(inputs: [Self.input("a.jsonl", events)]), readAt: "t")
        let report = try Python.run("""
            import sqlite3, sys
            db = sqlite3.connect(sys.stdin.read().strip())
            print(db.execute("PRAGMA application_id").fetchone()[0], db.execute("PRAGMA user_version").fetchone()[0])
            print(db.execute("SELECT extension_name, scope FROM gpkg_extensions WHERE table_name='events' AND column_name='geom'").fetchall())
            print(db.execute("SELECT count(*) FROM rtree_events_geom").fetchone()[0])
            print(db.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name LIKE 'rtree_events_geom_%'").fetchone()[0])
            print(db.execute("SELECT geometry_type_name, srs_id FROM gpkg_geometry_columns WHERE table_name='events'").fetchall())
            """, input: path, modules: ["sqlite3"])
        let lines = report.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "1196444487 10300", "GeoPackage's application id and version 1.3")
        XCTAssertEqual(lines[1], "[('gpkg_rtree_index', 'write-only')]")
        XCTAssertEqual(Int(lines[2]), events.filter { $0.coordinate != nil }.count)
        XCTAssertEqual(lines[3], "6", "insert, update1–4 and delete triggers")
        XCTAssertEqual(lines[4], "[('POINT', 4326)]")
    }

    /// The R-tree's candidates and the exact geodesic give what a scan of every event gives, also across the
    /// antimeridian and near the equator where the varied events put some points.
    func testNearThroughTheRTreeEqualsAScan() throws {
        let events = try Self.canonical(2000).filter { $0.kind == .event }
        let (_, store) = try newStore()
        _ = try store.ingest(IngestBatch(inputs: [Self.input("a.jsonl", events)]), readAt: "t")
        var g = SplitMix64(seed: 11)
        for k in 0..<24 {
            let center = k % 10 == 0 ? Coordinate(lon: Double.random(in: -1...1, using: &g), lat: 0)
                : Coordinate(lon: Double.random(in: 35...38, using: &g), lat: Double.random(in: 34...37, using: &g))
            let filter = EventFilter(from: k % 3 == 0 ? Day(iso: "2020-02-01") : nil, includeRegions: k % 2 == 0)
            let query = try NearQuery(center: center, km: [1, 10, 60, 300][k % 4], filter: filter)
            XCTAssertEqual(try store.near(query, gazetteer: nil), query.run(events), "query \(k)")
        }
    }

    func testKeptOverridesApplyOnEveryReadAndToNear() throws {
        let events = try Self.canonical(300).filter { $0.kind == .event && $0.coordinate != nil && $0.geoPrecision < 3 }
        let (_, store) = try newStore()
        let moved = events[0], dropped = events[1]
        let overrides = [Override(id: moved.id, action: .move, value: "10.5,50.25", line: 2),
                         Override(id: dropped.id, action: .drop, value: "", line: 3)]
        _ = try store.ingest(IngestBatch(inputs: [Self.input("a.jsonl", events)], overrides: ("fixes.csv", overrides)), readAt: "t")
        let read = try store.read(gazetteer: nil).events
        XCTAssertNil(read.first { $0.id == dropped.id })
        XCTAssertEqual(read.first { $0.id == moved.id }?.coordinate, Coordinate(lon: 10.5, lat: 50.25))
        let there = try store.near(try NearQuery(center: Coordinate(lon: 10.5, lat: 50.25), km: 1, filter: EventFilter(includeRegions: true)),
                                   gazetteer: nil)
        XCTAssertEqual(there.map(\.event.id), [moved.id], "near finds the moved event where it was moved to")
        let before = try store.near(try NearQuery(center: dropped.coordinate!, km: 0.001), gazetteer: nil)
        XCTAssertFalse(before.contains { $0.event.id == dropped.id })
    }

    func testAFailedIngestLeavesTheStoreAsItWas() throws {
        let events = try Self.canonical(100).filter { $0.kind == .event }
        let (path, store) = try newStore()
        _ = try store.ingest(IngestBatch(inputs: [Self.input("a.jsonl", Array(events.prefix(50)))]), readAt: "t")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        struct Broken: Error {}
        XCTAssertThrowsError(try store.ingest(IngestBatch(inputs: [Self.input("b.jsonl", Array(events.suffix(50)))],
                                                          frontlines: { _ in throw Broken() }), readAt: "t2"))
        XCTAssertEqual(try store.eventCount(), 50)
        XCTAssertEqual(try store.reports().map(\.name), ["a.jsonl"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "not a byte changed")
    }

    func testAFileThatIsNotAGeoPackageOrNotPlaceMapsIsRefused() throws {
        let dir = try temporaryDirectory("placemap-not-store")
        let text = dir.appendingPathComponent("notes.gpkg")
        try "not a database at all, just words".write(to: text, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try GeoPackageStore(path: text.path, create: true)) { e in
            guard case StoreError.notAGeoPackage = e else { return XCTFail("\(e)") }
            XCTAssertTrue("\(e)".contains("is not a GeoPackage"), "\(e)")
        }
        XCTAssertEqual(try String(contentsOf: text, encoding: .utf8), "not a database at all, just words")
        XCTAssertThrowsError(try GeoPackageStore(path: dir.appendingPathComponent("none.gpkg").path, create: false)) { e in
            XCTAssertEqual(e as? StoreError, .missing(location: dir.appendingPathComponent("none.gpkg").path))
        }
    }
}
