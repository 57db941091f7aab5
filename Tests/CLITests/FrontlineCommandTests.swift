import Foundation
import TestSupport
import XCTest

final class FrontlineCommandTests: XCTestCase {
    func testARangePrintsARowADayWithTheFigures() throws {
        let r = try Run.placemap(["frontline", "--from", "2020-02-01", "--to", "2020-02-10"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 11)
        XCTAssertTrue(lines[0].hasPrefix("date"), String(lines[0]))
        XCTAssertTrue(lines[0].contains("length_km") && lines[0].contains("changed_km2") && lines[0].contains("advance_km"))
        XCTAssertTrue(lines[1].hasPrefix("2020-02-01"))
        XCTAssertTrue(lines[10].hasPrefix("2020-02-10"))
    }

    func testJSONIsAnArrayWithOneObjectADay() throws {
        let r = try Run.placemap(["frontline", "--from", "2020-02-05", "--to", "2020-02-06", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let days = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(days.map { $0["date"] as? String }, ["2020-02-05", "2020-02-06"])
        for d in days {
            for key in ["length_km", "changed_km2", "advance_km"] { XCTAssertNotNil(d[key] as? Double, key) }
            let area = try XCTUnwrap(d["area_km2"] as? [String: Double])
            XCTAssertEqual(Set(area.keys), ["government", "opposition", "turkish", "contested"])
            let control = try XCTUnwrap(d["control"] as? [[String: Any]])
            XCTAssertFalse(control.isEmpty)
            XCTAssertNotNil(control[0]["place_id"] as? String)
            XCTAssertNotNil(control[0]["side"] as? String)
        }
        // 2020-02-05 compares with 2020-02-04, which the table covers.
        XCTAssertGreaterThan(days[0]["changed_km2"] as? Double ?? 0, 0)
    }

    func testGeoJSONHoldsTheLineAndTheSidesRightHandWound() throws {
        let r = try Run.placemap(["frontline", "--day", "2020-02-06", "--format", "geojson"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let fc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(fc["type"] as? String, "FeatureCollection")
        let features = try XCTUnwrap(fc["features"] as? [[String: Any]])
        let kinds = features.compactMap { ($0["properties"] as? [String: Any])?["kind"] as? String }
        XCTAssertEqual(kinds.first, "front_line")
        XCTAssertTrue(kinds.contains("side"))
        for f in features {
            let g = try XCTUnwrap(f["geometry"] as? [String: Any])
            guard g["type"] as? String == "MultiPolygon", let ps = g["coordinates"] as? [[[[Double]]]] else { continue }
            for p in ps {
                var s = 0.0
                let ring = p[0]
                for i in 0..<(ring.count - 1) { s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] }
                XCTAssertGreaterThan(s, 0, "exterior rings run counter-clockwise (RFC 7946 §3.1.6)")
            }
        }
    }

    func testEventsFillTheTablesGaps() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let events = dir.appendingPathComponent("events.jsonl")
        // Binnish is opposition throughout the table; an extracted event says the government took it on 8 February.
        try Data(#"{"id":"t1","type":"Battles","sub_type":"Government regains territory","start":"2020-02-08","end":"2020-02-08","place":"Binnish","place_id":"geonames:171451"}"#.utf8)
            .write(to: events)
        let r = try Run.placemap(["frontline", "--day", "2020-02-08", "--events", events.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let days = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let control = try XCTUnwrap(days.first?["control"] as? [[String: Any]])
        XCTAssertEqual(control.first { $0["place"] as? String == "Binnish" }?["side"] as? String, "government")
        let moved = try XCTUnwrap(days.first?["movements"] as? [[String: Any]])
        XCTAssertTrue(moved.contains { $0["place"] as? String == "Binnish" })
    }

    func testAnAreaFileReplacesTheDefaultArea() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let area = dir.appendingPathComponent("area.geojson")
        // A box around Saraqib, Nairab, Idlib and Binnish.
        try Data(#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[36.55,35.80],[36.90,35.80],[36.90,36.00],[36.55,36.00],[36.55,35.80]]]}}"#.utf8)
            .write(to: area)
        let r = try Run.placemap(["frontline", "--day", "2020-02-06", "--area", area.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let days = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let sides = try XCTUnwrap(days.first?["area_km2"] as? [String: Double])
        // 0.35° × 0.2° at 35.9° N: about 31.6 km × 22.2 km; pyproj Geod.geometry_area_perimeter gives 701.18 km².
        XCTAssertEqual(sides.values.reduce(0, +), 701.18, accuracy: 0.05)
        let bad = try Run.placemap(["frontline", "--day", "2020-02-06", "--area", dir.appendingPathComponent("none.geojson").path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.hasPrefix("placemap: error: area of interest: cannot read"), bad.stderr)
    }

    func testBadInputGivesOneClearLine() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("control.csv")
        try Data("place_id,place,side,from,source\ngeonames:164816,Saraqib,pro regime,2020-02-01,x\n".utf8).write(to: table)
        let cases: [([String], String)] = [
            (["frontline", "--day", "2020-02-01", "--table", table.path], "control.csv:2: the side \"pro regime\" of Saraqib is not a side"),
            (["frontline", "--day", "2020-03-07"], "no control data for 2020-03-07: the control table ends on 2020-03-06"),
            (["frontline", "--day", "2020-01-01"], "no control data for 2020-01-01: the control table starts on 2020-01-20"),
            (["frontline", "--from", "2020-02-01"], "give either --day D, or --from D1 and --to D2"),
            (["frontline", "--day", "2020-02-30"], "'2020-02-30' is not a date YYYY-MM-DD"),
        ]
        for (args, message) in cases {
            let r = try Run.placemap(args)
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertTrue(r.stderr.contains(message), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").filter { !$0.isEmpty }.count, 1, r.stderr)
            XCTAssertTrue(r.stdout.isEmpty)
        }
    }
}
