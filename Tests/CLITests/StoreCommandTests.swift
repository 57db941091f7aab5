import Foundation
import GeoModel
import TestSupport
import XCTest

/// The daily workflow on a store: ingest each day's reports into `placemap.gpkg`, map it, ask `near` of
/// it; the same on PostGIS; and the bad stores, each one clear line with nothing changed.
final class StoreCommandTests: XCTestCase {
    static let examples = ProjectPaths.root.appendingPathComponent("Examples")
    static let day1 = ["2020-02-04_gaziantep_border_posts.txt", "2020-02-05_saraqeb_encircled.txt"]
    static let day2 = ["2020-02-06_idleb_city_nairab.txt", "2020-02-06_taftanaz_air_base.txt"]

    /// A folder holding the named example reports (and their sidecars).
    func reports(_ names: [String]) throws -> URL {
        let dir = try temporaryDirectory("placemap-day")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        for n in names {
            try FileManager.default.copyItem(at: Self.examples.appendingPathComponent(n), to: dir.appendingPathComponent(n))
            let meta = (n as NSString).deletingPathExtension + ".meta.json"
            if FileManager.default.fileExists(atPath: Self.examples.appendingPathComponent(meta).path) {
                try FileManager.default.copyItem(at: Self.examples.appendingPathComponent(meta), to: dir.appendingPathComponent(meta))
            }
        }
        return dir
    }

    static let layers = ["events.geojson", "events.csv", "sources.csv", "statements.jsonl", "ongoing.geojson", "undated.geojson",
                         "frontlines.geojson", "movements.geojson", "places.geojson", "footprints.geojson"]

    /// Day 1, then day 2, into the default store in the current folder; then the same reports again: the
    /// store maps to exactly the layers of reading every report at once.
    func testDayByDayGivesTheEventsOfReadingEveryDayAtOnce() throws {
        let work = try temporaryDirectory("placemap-daily")
        let first = try Run.placemap(["ingest", try reports(Self.day1).path], cwd: work)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("placemap.gpkg: 2 new file(s), 0 read before"), first.stdout)
        let second = try Run.placemap(["ingest", try reports(Self.day2).path], cwd: work)
        XCTAssertEqual(second.status, 0, second.stderr)
        let store = work.appendingPathComponent("placemap.gpkg")
        let before = try Data(contentsOf: store)
        let again = try Run.placemap(["ingest", Self.examples.path], cwd: work)
        XCTAssertTrue(again.stdout.contains("0 new file(s), 4 read before"), again.stdout)
        XCTAssertTrue(again.stdout.contains("events 18 → 18"), again.stdout)
        XCTAssertEqual(try Data(contentsOf: store), before, "re-ingesting the same reports changes nothing")

        let fromStore = work.appendingPathComponent("from-store"), fromFiles = work.appendingPathComponent("from-files")
        XCTAssertEqual(try Run.placemap(["map", "--store", store.path, "--out", fromStore.path]).status, 0)
        XCTAssertEqual(try Run.placemap(["map", Self.examples.path, "--out", fromFiles.path]).status, 0)
        for layer in Self.layers + ["index.html", "map.svg"] {
            XCTAssertEqual(try Data(contentsOf: fromStore.appendingPathComponent(layer)),
                           try Data(contentsOf: fromFiles.appendingPathComponent(layer)), layer)
        }
        let asInput = work.appendingPathComponent("as-input")
        XCTAssertEqual(try Run.placemap(["map", store.path, "--out", asInput.path]).status, 0, "a .gpkg input is a store")
        XCTAssertEqual(try Data(contentsOf: asInput.appendingPathComponent("events.geojson")),
                       try Data(contentsOf: fromFiles.appendingPathComponent("events.geojson")))

        // near, along and frontline read the store as they read the map's folder
        for args in [["near", "Saraqeb", "--km", "15", "--format", "jsonl"],
                     ["near", "--at", "36.63,35.93", "--km", "40", "--include-regions", "--format", "csv"],
                     ["along", "M5", "--km", "5", "--format", "jsonl"]] {
            let a = try Run.placemap(args + ["--events", store.path]), b = try Run.placemap(args + ["--events", fromFiles.path])
            XCTAssertEqual(a.status, 0, a.stderr)
            XCTAssertEqual(a.stdout, b.stdout, args.joined(separator: " "))
            XCTAssertFalse(a.stdout.isEmpty)
        }
        let f = ["frontline", "--day", "2020-02-06", "--format", "json"]
        XCTAssertEqual(try Run.placemap(f + ["--events", store.path]).stdout, try Run.placemap(f + ["--events", fromFiles.path]).stdout)
    }

    func testOverridesGivenToIngestAreKeptAndAppliedOnEveryRead() throws {
        let work = try temporaryDirectory("placemap-overrides")
        let files = work.appendingPathComponent("files")
        XCTAssertEqual(try Run.placemap(["map", Self.examples.path, "--out", files.path]).status, 0)
        let events = try GeoJSON.decodeCollection(try String(contentsOf: files.appendingPathComponent("events.geojson"), encoding: .utf8))
        let dropped = try XCTUnwrap(events.features.first?.id?.stringValue)
        let fixes = work.appendingPathComponent("fixes.csv")
        try "id,action,value\n\(dropped),drop,\n".write(to: fixes, atomically: true, encoding: .utf8)
        let r = try Run.placemap(["ingest", Self.examples.path, "--store", "s.gpkg", "--overrides", fixes.path], cwd: work)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("1 override(s) kept"), r.stdout)
        let out = work.appendingPathComponent("out")
        XCTAssertEqual(try Run.placemap(["map", "--store", work.appendingPathComponent("s.gpkg").path, "--out", out.path]).status, 0)
        let mapped = try GeoJSON.decodeCollection(try String(contentsOf: out.appendingPathComponent("events.geojson"), encoding: .utf8))
        XCTAssertEqual(mapped.features.count, events.features.count - 1)
        XCTAssertFalse(mapped.features.contains { $0.id?.stringValue == dropped })
    }

    func testTheStoreOpensInOGRInfoWithoutAWarning() throws {
        let ogrinfo = try Run.require("ogrinfo", installedBy: "Debian gdal-bin")
        let work = try temporaryDirectory("placemap-ogrinfo")
        XCTAssertEqual(try Run.placemap(["ingest", Self.examples.path], cwd: work).status, 0)
        let r = try Run.program(ogrinfo, ["-al", "-so", work.appendingPathComponent("placemap.gpkg").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "", "no warning")
        for layer in ["events (Point)", "frontlines (Multi Line String)", "sides (Multi Polygon)", "control (Point)", "sources (None)",
                      "reports (None)"] {
            XCTAssertTrue(r.stdout.contains("Layer name: \(layer.split(separator: " ")[0])"), layer)
        }
        XCTAssertTrue(r.stdout.contains("Feature Count: 18"), "the events")
        let all = try Run.program(ogrinfo, ["-ro", "-al", work.appendingPathComponent("placemap.gpkg").path])
        XCTAssertEqual(all.stderr, "", "no warning reading every feature")
    }

    // MARK: Bad stores: one clear line, nothing changed

    func assertOneLine(_ r: ProcessResult, mentions: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(r.status, 0, file: file, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("placemap: error: ") && r.stderr.contains(mentions), r.stderr, file: file, line: line)
    }

    func testAStoreThatIsNotAGeoPackageOrNotPlaceMapsIsOneLineAndUntouched() throws {
        let work = try temporaryDirectory("placemap-bad-store")
        let text = work.appendingPathComponent("notes.gpkg")
        try "meeting notes, not a database\n".write(to: text, atomically: true, encoding: .utf8)
        assertOneLine(try Run.placemap(["ingest", Self.examples.path, "--store", text.path]), mentions: "is not a GeoPackage")
        assertOneLine(try Run.placemap(["near", "Saraqeb", "--km", "5", "--events", text.path]), mentions: "is not a GeoPackage")
        XCTAssertEqual(try String(contentsOf: text, encoding: .utf8), "meeting notes, not a database\n")

        let ogr2ogr = try Run.require("ogr2ogr", installedBy: "Debian gdal-bin")
        let other = work.appendingPathComponent("other.gpkg")
        let source = work.appendingPathComponent("p.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":1},"geometry":{"type":"Point","coordinates":[36.8,35.86]}}]}"#
            .write(to: source, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Run.program(ogr2ogr, ["-f", "GPKG", other.path, source.path]).status, 0)
        let bytes = try Data(contentsOf: other)
        assertOneLine(try Run.placemap(["ingest", Self.examples.path, "--store", other.path]), mentions: "is not a PlaceMap store")
        assertOneLine(try Run.placemap(["map", "--store", other.path, "--out", work.appendingPathComponent("o").path]),
                      mentions: "is not a PlaceMap store")
        XCTAssertEqual(try Data(contentsOf: other), bytes, "the other program's GeoPackage is untouched")

        assertOneLine(try Run.placemap(["near", "Saraqeb", "--km", "5", "--events", work.appendingPathComponent("none.gpkg").path]),
                      mentions: "no such store")
    }

    func testAFailedIngestLeavesTheStoreAsItWasAndANewOneIsNotLeftBehind() throws {
        let work = try temporaryDirectory("placemap-failed-ingest")
        let bad = work.appendingPathComponent("bad.jsonl")
        try "{\"id\": \"x\", \"lon\": 36.1, \"lat\": 95}\n".write(to: bad, atomically: true, encoding: .utf8)
        assertOneLine(try Run.placemap(["ingest", Self.examples.path, bad.path], cwd: work), mentions: "bad.jsonl:1")
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("placemap.gpkg").path))
        XCTAssertEqual(try Run.placemap(["ingest", try reports(Self.day1).path], cwd: work).status, 0)
        let before = try Data(contentsOf: work.appendingPathComponent("placemap.gpkg"))
        assertOneLine(try Run.placemap(["ingest", try reports(Self.day2).path, bad.path], cwd: work), mentions: "bad.jsonl:1")
        XCTAssertEqual(try Data(contentsOf: work.appendingPathComponent("placemap.gpkg")), before)
    }

    func testAnUnreachableServerIsOneLine() throws {
        assertOneLine(try Run.placemap(["ingest", Self.examples.path, "--store", "postgresql://analyst:secret@127.0.0.1:1/events"]),
                      mentions: "postgresql://analyst:***@127.0.0.1:1/events: cannot connect: ")
        assertOneLine(try Run.placemap(["near", "Saraqeb", "--km", "5", "--events", "postgresql://analyst@127.0.0.1:1/events"]),
                      mentions: "cannot connect")
    }
}

/// The same workflow on PostGIS (a private server for this class): the same maps and answers as the
/// GeoPackage, and a wrong password is one line.
final class PostGISCommandTests: XCTestCase {
    nonisolated(unsafe) static var server: PrivatePostgres?
    nonisolated(unsafe) static var serverError: Error?

    override class func setUp() {
        do { server = try PrivatePostgres.start() } catch { serverError = error }
    }

    override class func tearDown() {
        server?.stop()
        server = nil
    }

    func testIngestMapAndNearOnPostGISEqualTheGeoPackage() throws {
        if let e = Self.serverError { throw e }
        guard let server = Self.server else { throw XCTSkip("no private PostgreSQL") }
        let url = try server.createDatabase("daily")
        let work = try temporaryDirectory("placemap-postgis-cli")
        for day in [StoreCommandTests.day1, StoreCommandTests.day2] {
            let folder = work.appendingPathComponent("day\(day.count)-\(day[0].prefix(10))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for n in day {
                for f in [n, (n as NSString).deletingPathExtension + ".meta.json"]
                where FileManager.default.fileExists(atPath: StoreCommandTests.examples.appendingPathComponent(f).path) {
                    try FileManager.default.copyItem(at: StoreCommandTests.examples.appendingPathComponent(f), to: folder.appendingPathComponent(f))
                }
            }
            for store in [url, "placemap.gpkg"] {
                let r = try Run.placemap(["ingest", folder.path, "--store", store], cwd: work)
                XCTAssertEqual(r.status, 0, r.stderr)
            }
        }
        let pg = work.appendingPathComponent("pg"), gpkg = work.appendingPathComponent("gpkg")
        XCTAssertEqual(try Run.placemap(["map", "--store", url, "--out", pg.path]).status, 0)
        XCTAssertEqual(try Run.placemap(["map", "--store", work.appendingPathComponent("placemap.gpkg").path, "--out", gpkg.path]).status, 0)
        for layer in StoreCommandTests.layers {
            XCTAssertEqual(try Data(contentsOf: pg.appendingPathComponent(layer)), try Data(contentsOf: gpkg.appendingPathComponent(layer)), layer)
        }
        let near = ["near", "Saraqeb", "--km", "25", "--format", "jsonl", "--include-regions"]
        let a = try Run.placemap(near + ["--events", url]), b = try Run.placemap(near + ["--events", work.appendingPathComponent("placemap.gpkg").path])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, b.stdout)
        let wrong = try Run.placemap(["near", "Saraqeb", "--km", "5", "--events", server.url(database: "daily", password: "nope")])
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertEqual(wrong.stderr.split(separator: "\n").count, 1, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("password authentication failed"), wrong.stderr)
    }
}
