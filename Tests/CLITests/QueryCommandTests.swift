import Foundation
import GeoModel
import TestSupport
import XCTest

final class QueryCommandTests: XCTestCase {
    /// A small events CSV: two events by Saraqeb, one near Idlib city (about 17 km away), one region-wide.
    private func fixture() throws -> String {
        let dir = try temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let csv = """
            event_id_cnty,event_date,event_type,sub_event_type,location,latitude,longitude,geo_precision,fatalities,source
            t1,2020-02-06,Battles,Armed clash,Saraqeb,35.8645,36.8059,1,3,"Reuters, AFP"
            t2,2020-02-05,Explosions/Remote violence,Shelling/artillery/missile attack,Nairab,35.8535,36.7380,2,,SOHR
            t3,2020-02-06,Explosions/Remote violence,Air/drone strike,Idlib,35.9306,36.6339,1,,SOHR
            t4,2020-02-06,Battles,Armed clash,Idlib governorate,35.8600,36.8000,3,,SOHR

            """
        let file = dir.appendingPathComponent("events.csv").path
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func testNearAPlaceListsEventsNearestFirstAndLeavesRegionsOut() throws {
        let file = try fixture()
        let r = try Run.placemap(["near", "Saraqeb", "--km", "10", "--events", file, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let hits = try XCTUnwrap(try JSONParser.parse(r.stdout).arrayValue)
        XCTAssertEqual(hits.map { $0["id"]?.stringValue }, ["t1", "t2"])
        let d = try XCTUnwrap(hits[1]["distance_km"]?.numberValue), b = try XCTUnwrap(hits[1]["bearing_deg"]?.numberValue)
        XCTAssertEqual(d, 6.2, accuracy: 0.5)
        XCTAssertTrue((180...360).contains(b), "Nairab lies west of Saraqeb: \(b)")
        let all = try Run.placemap(["near", "Saraqeb", "--km", "10", "--events", file, "--include-regions", "--count"])
        XCTAssertEqual(all.stdout, "3\n")
        let far = try Run.placemap(["near", "--at", "36.8059,35.8645", "--km", "20", "--events", file, "--count"])
        XCTAssertEqual(far.stdout, "3\n", far.stderr)
        let typed = try Run.placemap(["near", "--at", "36.8059,35.8645", "--km", "20", "--events", file, "--count",
                                      "--type", "air/drone strike"])
        XCTAssertEqual(typed.stdout, "1\n", typed.stderr)
        let dated = try Run.placemap(["near", "--at", "36.8059,35.8645", "--km", "20", "--events", file, "--count",
                                      "--to", "2020-02-05"])
        XCTAssertEqual(dated.stdout, "1\n", dated.stderr)
    }

    func testNearWritesGeoJSONAndCSV() throws {
        let file = try fixture()
        let g = try Run.placemap(["near", "--at", "36.8059,35.8645", "--km", "10", "--events", file, "--format", "geojson"])
        XCTAssertEqual(g.status, 0, g.stderr)
        let fc = try GeoJSON.decodeCollection(g.stdout)
        XCTAssertEqual(fc.features.map { $0[property: "id"]?.stringValue }, ["t1", "t2"])
        XCTAssertEqual(fc.features[0].geometry, .point(Coordinate(lon: 36.8059, lat: 35.8645)))
        let c = try Run.placemap(["near", "--at", "36.8059,35.8645", "--km", "10", "--events", file, "--format", "csv"])
        let lines = c.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasSuffix(",distance_km,bearing_deg"))
        XCTAssertTrue(lines[1].hasPrefix("t1,2020-02-06,2020,1,Political violence,Battles,Armed clash"), String(lines[1]))
    }

    func testSaraqebToTaftanazByNameAndAlongTheM5() throws {
        let r = try Run.placemap(["distance", "Saraqeb", "Taftanaz"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("14,962.27 m"), r.stdout)
        let j = try Run.placemap(["distance", "Khan Shaykhun", "Saraqeb", "--format", "json"])
        XCTAssertEqual(j.status, 0, j.stderr)
        let o = try JSONParser.parse(j.stdout)
        let straight = try XCTUnwrap(o["distance_m"]?.numberValue)
        XCTAssertEqual(o["along"]?["highway"]?.stringValue, "M5")
        let along = try XCTUnwrap(o["along"]?["distance_m"]?.numberValue)
        XCTAssertGreaterThanOrEqual(along, straight - 1e-6, "a road is never shorter than the geodesic")
        XCTAssertLessThan(along, straight * 1.3)
        let off = try JSONParser.parse(try Run.placemap(["distance", "Saraqeb", "Idlib", "--format", "json"]).stdout)
        XCTAssertNil(off["along"], "Idlib city lies off the M4 and M5")
    }

    func testAlongTheM5GivesRoadOrder() throws {
        let file = try fixture()
        let r = try Run.placemap(["along", "M5", "--km", "3", "--events", file, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let hits = try XCTUnwrap(try JSONParser.parse(r.stdout).arrayValue)
        XCTAssertEqual(hits.map { $0["id"]?.stringValue }, ["t1"])
        XCTAssertLessThan(try XCTUnwrap(hits[0]["off_road_km"]?.numberValue), 3)
        let bad = try Run.placemap(["along", "M99", "--km", "3", "--events", file])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("unknown highway \"M99\"; known: M"), bad.stderr)
    }

    func testNearestPlacesToSaraqeb() throws {
        let r = try Run.placemap(["nearest", "36.8006,35.8644", "--limit", "3"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[1].contains("Saraqib"), r.stdout)
    }

    private func assertOneLineError(_ args: [String], contains text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try Run.placemap(args)
        XCTAssertNotEqual(r.status, 0, file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("placemap: error: "), r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains(text), r.stderr, file: file, line: line)
    }

    func testBadInputIsOneClearErrorAndANonZeroExit() throws {
        let file = try fixture()
        try assertOneLineError(["near", "Xqzzyville", "--km", "10", "--events", file], contains: "unknown place 'Xqzzyville'")
        try assertOneLineError(["near", "Kafrnobodyhere", "--km", "10", "--events", file, "--count"], contains: "did you mean 'Kafr")
        try assertOneLineError(["near", "--at", "36.8,35.8", "--km", "-1", "--events", file], contains: "radius -1.0 km")
        try assertOneLineError(["near", "--at", "36.8,35.8", "--km", "25000", "--events", file], contains: "radius 25000.0 km")
        try assertOneLineError(["near", "--at", "36.8,95", "--km", "10", "--events", file], contains: "out of range")
        try assertOneLineError(["near", "--at", "36.8,35.8", "--km", "10", "--events", file + ".missing"],
                               contains: "no such file or folder")
        let bad = file.replacingOccurrences(of: "events.csv", with: "bad.csv")
        try "id,date,lon,lat\n1,2020-02-06,36.8,35.86\n2,2020-02-06,36.8,135.86\n".write(toFile: bad, atomically: true, encoding: .utf8)
        try assertOneLineError(["near", "--at", "36.8,35.8", "--km", "10", "--events", bad, "--count"], contains: "bad.csv:3: coordinates")
        try "id,date,lon,lat\n1,2020-02-06,36.8,\"35.86\n".write(toFile: bad, atomically: true, encoding: .utf8)
        try assertOneLineError(["near", "--at", "36.8,35.8", "--km", "10", "--events", bad], contains: "bad.csv:2: a quoted field is never closed")
    }

    func testTheSharedGeneratorsSmallSetGivesItsCheckValue() throws {
        let bench = try ProjectPaths.shared("bench")
        let dir = try temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("ev.csv").path
        _ = try Python.run("""
            import runpy, sys
            sys.argv = ["gen_events.py", "100000", "42", "\(file)"]
            runpy.run_path("\(bench.appendingPathComponent("gen_events.py").path)", run_name="__main__")
            """, modules: ["numpy"])
        let r = try Run.placemap(["near", "--at", "36.8006,35.8644", "--km", "10", "--events", file, "--count"])
        XCTAssertEqual(r.stdout, "6371\n", r.stderr)
    }
}

final class SeedQueryTests: XCTestCase {
    func testTheSeedEventsWithinTenKilometresOfSaraqeb() throws {
        let seeds = try ProjectPaths.shared("seeds")
        let dir = try temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let reports = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { seeds.appendingPathComponent($0).path }
        let extracted = try Run.placemap(["extract"] + reports + ["--date", "2020-02-06"])
        XCTAssertEqual(extracted.status, 0, extracted.stderr)
        let file = dir.appendingPathComponent("seeds.jsonl")
        try extracted.stdout.write(to: file, atomically: true, encoding: .utf8)

        let r = try Run.placemap(["near", "Saraqeb", "--km", "10", "--events", file.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let hits = try XCTUnwrap(try JSONParser.parse(r.stdout).arrayValue)
        let found = hits.map { "\($0["place"]?.stringValue ?? "") / \($0["sub_type"]?.stringValue ?? "")" }
        func count(_ place: String, _ sub: String) -> Int {
            hits.filter { ($0["place"]?.stringValue ?? "").hasPrefix(place) && $0["sub_type"]?.stringValue == sub }.count
        }
        XCTAssertEqual(count("Saraq", "Siege"), 1, "the siege of Saraqeb: \(found)")
        XCTAssertEqual(count("Saraq", "Armed clash"), 1, "the fighting south of the town: \(found)")
        XCTAssertEqual(count("Saraq", "Reinforcement movement"), 1, "the reinforcements north of the town: \(found)")
        XCTAssertEqual(count("Nairab", "Government regains territory"), 1, "the capture of Nairab: \(found)")
        XCTAssertEqual(count("Nairab", "Armed clash"), 1, "the attack on Nairab: \(found)")
        XCTAssertEqual(hits.count, 5, "\(found)")
        XCTAssertFalse(hits.contains { $0["geo_precision"]?.intValue == 3 }, "province-wide events stay out")
        let distances = hits.compactMap { $0["distance_km"]?.numberValue }
        XCTAssertEqual(distances, distances.sorted(), "nearest first")

        // The Idlib-city strikes lie about 17 km away: in at 20 km, out at 10.
        let wide = try Run.placemap(["near", "Saraqeb", "--km", "20", "--events", file.path, "--format", "json"])
        let idlib = try XCTUnwrap(try JSONParser.parse(wide.stdout).arrayValue?.first {
            $0["place"]?.stringValue == "Idlib" && $0["sub_type"]?.stringValue == "Air/drone strike"
        })
        XCTAssertEqual(try XCTUnwrap(idlib["distance_km"]?.numberValue), 17, accuracy: 1)
    }
}
