import Foundation
import TestSupport
import XCTest

/// Places of another country imported by the user (Ukraine's places are also bundled since the theatres came: an
/// import of them merges), reports about them, and the bundled Ukrainian example.
final class OtherTheatresTests: XCTestCase {
    /// GeoNames rows (19 columns) written for the test: Kharkiv, Izium and Balakliia (ids 706483, 707292,
    /// 712926; coordinates and populations as GeoNames gives them), and Beirut again (276781, a bundled id).
    static let dump = [
        ["706483", "Kharkiv", "Kharkiv", "Kharkov,Харків", "49.98177", "36.25475", "P", "PPLA", "UA", "", "07", "", "", "", "1421125", "", "152", "Europe/Kyiv", ""],
        ["707292", "Izyum", "Izyum", "Izium,Ізюм", "49.20697", "37.27679", "P", "PPL", "UA", "", "07", "", "", "", "45884", "", "100", "Europe/Kyiv", ""],
        ["712926", "Balakliya", "Balakliya", "Balakliia,Балаклія", "49.45595", "36.84433", "P", "PPL", "UA", "", "07", "", "", "", "26334", "", "100", "Europe/Kyiv", ""],
        ["276781", "Beirut", "Beirut", "Bayrut", "33.89332", "35.50157", "P", "PPLC", "LB", "", "04", "", "", "", "1916100", "", "40", "Asia/Beirut", ""],
    ].map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"

    /// A report in the project's own words that names only Ukrainian places.
    static let report = """
         date 2022-09-11 KYIV -- Ukrainian troops retook Izium on Saturday after Russian forces pulled back east, \
        officials said. Russian artillery shelled Kharkiv overnight.

        On Thursday Ukrainian forces entered Balakliia, south-east of Kharkiv.

        """

    struct Point { var lon: Double; var lat: Double }

    /// The points of a JSON Lines event file.
    func points(_ jsonl: String) throws -> [Point] {
        try jsonl.split(separator: "\n").map { line in
            let o = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return Point(lon: try XCTUnwrap(o["lon"] as? Double), lat: try XCTUnwrap(o["lat"] as? Double))
        }
    }

    static func inUkraine(_ p: Point) -> Bool { (22.1...40.3).contains(p.lon) && (44.3...52.4).contains(p.lat) }
    static func inSyria(_ p: Point) -> Bool { (35.7...42.4).contains(p.lon) && (32.3...37.4).contains(p.lat) }

    func testAReportNamingOnlyUkrainianPlacesGivesEventsInUkraineAndNoneInSyriaAfterAnImport() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dump = dir.appendingPathComponent("UA-test.txt"), report = dir.appendingPathComponent("kharkiv.txt")
        try Self.dump.write(to: dump, atomically: true, encoding: .utf8)
        try Self.report.write(to: report, atomically: true, encoding: .utf8)
        // Before the import the bundled places of Ukraine already place it, and nothing lands in Syria.
        let before = try Run.placemap(["extract", report.path])
        XCTAssertEqual(before.status, 0, before.stderr)
        let bundled = try points(before.stdout)
        XCTAssertGreaterThanOrEqual(bundled.count, 3, before.stdout)
        XCTAssertTrue(bundled.allSatisfy(Self.inUkraine), before.stdout)
        // The import creates the folder; every row is already in the gazetteer and merges.
        let folder = dir.appendingPathComponent("places/ukraine")
        let imported = try Run.placemap(["gazetteer", "import", dump.path, "--into", folder.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("wrote 4 places"), imported.stderr)
        XCTAssertTrue(imported.stderr.contains("0 new, 4 already known"), imported.stderr)
        let env = ["PLACEMAP_GAZETTEER_PATH": folder.path]
        let after = try Run.placemap(["extract", report.path], environment: env)
        XCTAssertEqual(after.status, 0, after.stderr)
        let events = try points(after.stdout)
        XCTAssertGreaterThanOrEqual(events.count, 3, after.stdout)
        XCTAssertTrue(events.allSatisfy(Self.inUkraine), after.stdout)
        XCTAssertTrue(after.stdout.contains("\"place_id\":\"geonames:707292\""), after.stdout)
        XCTAssertTrue(after.stdout.contains("Ukrainian government forces"), after.stdout)
        XCTAssertTrue(after.stdout.contains("Government regains territory"), after.stdout)
        XCTAssertFalse(after.stdout.contains("Syrian government"), after.stdout)
        // The bundled places still resolve with the folder in use.
        let saraqeb = try Run.placemap(["resolve", "Saraqeb", "--format", "json"], environment: env)
        XCTAssertTrue(saraqeb.stdout.contains("\"id\":\"geonames:164816\""), saraqeb.stdout)
    }

    func testAPlaceAddedByHandIsUsedByEveryCommand() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = ["PLACEMAP_GAZETTEER_PATH": folder.path]
        let added = try Run.placemap(["gazetteer", "add", "Hrakove", "37.1,49.6", "--kind", "village", "--country", "UA",
                                      "--source", "test fixture"], environment: env)
        XCTAssertEqual(added.status, 0, added.stderr)
        let r = try Run.placemap(["resolve", "Hrakove", "--format", "json"], environment: env)
        XCTAssertTrue(r.stdout.contains("\"id\":\"pm:hrakove\""), r.stdout + r.stderr)
        for bad in [["Nowhere", "200,1", "--kind", "village"], ["Nowhere", "20,1", "--kind", "hut"]] {
            let b = try Run.placemap(["gazetteer", "add"] + bad + ["--country", "UA", "--source", "t"], environment: env)
            XCTAssertNotEqual(b.status, 0, "\(bad)")
        }
        let stats = try Run.placemap(["gazetteer", "stats"], environment: env)
        XCTAssertTrue(stats.stdout.contains("user folder: \(folder.path)"), stats.stdout)
    }

    func testTheStatsCountTheSettlementsAroundSaraqeb() throws {
        let r = try Run.placemap(["gazetteer", "stats", "--near", "Saraqeb", "--km", "25"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let line = try XCTUnwrap(r.stdout.split(separator: "\n").first { $0.hasPrefix("settlements: ") })
        let count = try XCTUnwrap(Int(line.dropFirst("settlements: ".count).prefix { $0.isNumber }))
        XCTAssertGreaterThanOrEqual(count, 90, String(line))
        XCTAssertTrue(line.contains("osm"), String(line))
    }

    func testTheUkrainianExampleMapsItsEventsInUkraine() throws {
        let example = ProjectPaths.root.appendingPathComponent("Examples-Ukraine")
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try Run.placemap(["map", example.path, "--out", out.path],
                                 environment: ["PLACEMAP_GAZETTEER_PATH": example.appendingPathComponent("gazetteer").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let events = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("events.geojson"))) as? [String: Any])
        let features = try XCTUnwrap(events["features"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(features.count, 6)
        for f in features {
            let c = try XCTUnwrap((f["geometry"] as? [String: Any])?["coordinates"] as? [Double])
            XCTAssertTrue(Self.inUkraine(Point(lon: c[0], lat: c[1])), "\(f)")
        }
        let places = features.compactMap { ($0["properties"] as? [String: Any])?["place"] as? String }
        // The example's rows merge into the bundled places, which keep their names.
        XCTAssertTrue(Set(places).isSuperset(of: ["Balakliya", "Izium", "Kupiansk", "Kharkiv", "Lyman"]), "\(places)")
        XCTAssertFalse(places.contains("Donets"), "the Siverskyi Donets river is no village: \(places)")
        // Lyman of the Donetsk region, not the village of that name in the Kharkiv region.
        XCTAssertTrue(features.contains { ($0["properties"] as? [String: Any])?["place_id"] as? String == "geonames:704204" })
        XCTAssertTrue((events["attribution"] as? String)?.contains("GeoNames") ?? false)
        // The bundled control table is about Idlib: no front line for these days.
        let fronts = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("frontlines.geojson"))) as? [String: Any])
        XCTAssertEqual((fronts["features"] as? [Any])?.count, 0)
    }
}
