import Foundation
import TestSupport
import XCTest

/// `placemap map` on a small event file written for the tests (Tests/LayersTests/Fixtures): every
/// layer written, readable by GDAL and shapely, RFC 7946, byte-stable, and the page works in Chromium.
final class MapCommandTests: XCTestCase {
    static let fixture = ProjectPaths.root.appendingPathComponent("Tests/LayersTests/Fixtures/idlib_events.jsonl").path

    /// One map of the fixture, made once for the tests that only read it.
    nonisolated(unsafe) static var mapped: URL?

    func map() throws -> URL {
        if let m = Self.mapped { return m }
        let out = try temporaryDirectory("placemap-map").appendingPathComponent("out")
        let r = try Run.placemap(["map", Self.fixture, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        Self.mapped = out
        return out
    }

    static func geojsonFiles(in dir: URL) throws -> [URL] {
        let fm = FileManager.default
        var files: [URL] = []
        for name in try fm.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".geojson") {
            files.append(dir.appendingPathComponent(name))
        }
        let days = dir.appendingPathComponent("days")
        for day in try fm.contentsOfDirectory(atPath: days.path).sorted() {
            for name in try fm.contentsOfDirectory(atPath: days.appendingPathComponent(day).path).sorted() {
                files.append(days.appendingPathComponent(day).appendingPathComponent(name))
            }
        }
        return files
    }

    static func features(_ url: URL) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return json?["features"] as? [[String: Any]] ?? []
    }

    static func eventIDs(_ url: URL) throws -> [String] {
        try features(url).compactMap { f in
            let p = f["properties"] as? [String: Any]
            return p?["kind"] as? String == "event" ? p?["id"] as? String : nil
        }
    }

    func testEveryLayerIsWrittenWithTheEventsInTheirPlace() throws {
        let out = try map()
        for file in ["events.geojson", "events.geojsonseq", "events.csv", "statements.jsonl", "ongoing.geojson",
                     "undated.geojson", "places.geojson", "highways.geojson", "borders.geojson", "border_lines.geojson", "footprints.geojson",
                     "movements.geojson", "frontlines.geojson", "map.svg", "index.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), file)
        }
        XCTAssertEqual(try Self.eventIDs(out.appendingPathComponent("events.geojson")).count, 11)
        XCTAssertEqual(try Self.eventIDs(out.appendingPathComponent("ongoing.geojson")), ["fx-09"])
        XCTAssertEqual(try Self.eventIDs(out.appendingPathComponent("undated.geojson")), ["fx-10"])
        let days = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("days").path).sorted()
        XCTAssertEqual(days, ["2020-02-03", "2020-02-04", "2020-02-05", "2020-02-06"])
        let feb6 = try Self.eventIDs(out.appendingPathComponent("days/2020-02-06/events.geojson"))
        XCTAssertEqual(Set(feb6), ["fx-01", "fx-02", "fx-03", "fx-05", "fx-07", "fx-08", "fx-11"])
        XCTAssertEqual(try Self.eventIDs(out.appendingPathComponent("days/2020-02-04/events.geojson")), ["fx-04"])
        // each day's front line, sides and control in their own files, one geometry type each
        for (file, kind, type) in [("frontline", "front_line", "MultiLineString"), ("sides", "side", "MultiPolygon"),
                                   ("control", "control", "Point")] {
            let features = try Self.features(out.appendingPathComponent("days/2020-02-06/\(file).geojson"))
            let kinds = Set(features.compactMap { ($0["properties"] as? [String: Any])?["kind"] as? String })
            XCTAssertTrue(kinds.contains(kind), "\(file): \(kinds)")
            XCTAssertEqual(Set(features.compactMap { ($0["geometry"] as? [String: Any])?["type"] as? String }), [type], file)
        }
        XCTAssertEqual(try Self.features(out.appendingPathComponent("frontlines.geojson")).count, 4)
        // statements stay out of the event layers
        let statements = try String(contentsOf: out.appendingPathComponent("statements.jsonl"), encoding: .utf8)
        XCTAssertTrue(statements.contains("\"fx-12\""))
        XCTAssertFalse(try Self.eventIDs(out.appendingPathComponent("events.geojson")).contains("fx-12"))
    }

    func testEventPropertiesAreExtractsJSONWithTimeAndTimestamp() throws {
        let out = try map()
        let f = try Self.features(out.appendingPathComponent("events.geojson")).first { ($0["id"] as? String) == "fx-01" }
        let p = try XCTUnwrap(f?["properties"] as? [String: Any])
        for key in ["id", "type", "sub_type", "start", "end", "date_precision", "place", "place_id",
                    "geo_precision", "direction", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                    "actors", "fatalities", "fatalities_reported", "fatalities_detail", "claimed", "displaced",
                    "unresolved_place", "sources", "source_report", "source_sentence"] {
            XCTAssertTrue(p.keys.contains(key), key)
        }
        XCTAssertFalse(p.keys.contains("lon"), "the point is the geometry's, not a property")
        XCTAssertEqual(p["time"] as? String, "2020-02-06T00:00:00Z")
        XCTAssertEqual((p["timestamp"] as? NSNumber)?.int64Value, 1_580_947_200_000)
        let geometry = try XCTUnwrap(f?["geometry"] as? [String: Any])
        XCTAssertEqual(geometry["type"] as? String, "Point")
        XCTAssertEqual((geometry["coordinates"] as? [Double])?.first ?? 0, 36.78306, accuracy: 1e-9)
    }

    func testRegionEventsHaveTheirPolygonInFootprints() throws {
        let out = try map()
        let f = try Self.features(out.appendingPathComponent("footprints.geojson"))
        XCTAssertEqual(f.count, 1)
        let p = f.first?["properties"] as? [String: Any]
        XCTAssertEqual(p?["id"] as? String, "pm:gov-idlib")
        XCTAssertEqual(Set((p?["event_ids"] as? String ?? "").components(separatedBy: "; ")), ["fx-06", "fx-09", "fx-10"])
    }

    func testMovementsCarryGeodesicLengthsFromTheirOrigin() throws {
        let out = try map()
        let moves = try Self.features(out.appendingPathComponent("movements.geojson"))
        let props = moves.compactMap { $0["properties"] as? [String: Any] }
        let reinforcement = try XCTUnwrap(props.first { $0["event_id"] as? String == "fx-07" })
        XCTAssertEqual(reinforcement["kind"] as? String, "reinforcement")
        XCTAssertEqual(reinforcement["from"] as? String, "Bab al-Hawa Border Crossing")
        // Bab al-Hawa to Saraqib: about 42 km (independent check below with geographiclib)
        let km = try XCTUnwrap(reinforcement["length_km"] as? Double)
        let check = try Python.run("""
            from geographiclib.geodesic import Geodesic
            print(Geodesic.WGS84.Inverse(36.230639, 36.692639, 35.86447, 36.80591)['s12'] / 1000)
            """, modules: ["geographiclib"])
        XCTAssertEqual(km, Double(check.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, accuracy: 0.001)
        XCTAssertTrue(props.contains { $0["kind"] as? String == "displacement" })
        XCTAssertTrue(props.contains { $0["kind"] as? String == "offensive" }, "the front-line model's advance arrows")
    }

    func testGDALOpensEveryLayerWithTheExpectedFeatureCounts() throws {
        let ogrinfo = try Run.require("ogrinfo", installedBy: "Debian gdal-bin")
        let out = try map()
        for url in try Self.geojsonFiles(in: out) {
            let r = try Run.program(ogrinfo, ["-ro", "-al", "-so", url.path])
            XCTAssertEqual(r.status, 0, "\(url.lastPathComponent): \(r.stderr)")
            let count = r.stdout.components(separatedBy: "\n").first { $0.hasPrefix("Feature Count:") }
                .flatMap { Int($0.dropFirst("Feature Count:".count).trimmingCharacters(in: .whitespaces)) }
            XCTAssertEqual(count, try Self.features(url).count, url.lastPathComponent)
        }
    }

    /// shapely loads every geometry and finds it valid; the RFC 7946 rules hold: no crs, lon/lat ranges,
    /// exterior rings counter-clockwise and holes clockwise, a bbox holding every position, at most six
    /// decimals, an attribution member.
    func testShapelyAndAnRFC7946CheckAcceptEveryLayer() throws {
        let out = try map()
        let files = try Self.geojsonFiles(in: out).map(\.path).joined(separator: "\n")
        let report = try Python.run(#"""
            import json, re, sys
            from shapely.geometry import shape
            problems, checked = [], 0
            def rings_ok(poly, where):
                def area(r):
                    return sum(r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1] for i in range(len(r)-1)) / 2
                for k, r in enumerate(poly):
                    if r[0] != r[-1]: problems.append(where + ": ring not closed")
                    a = area(r)
                    if (k == 0 and a < 0) or (k > 0 and a > 0): problems.append(where + ": ring %d wound wrongly" % k)
            def positions(c):
                if isinstance(c[0], (int, float)): yield c
                else:
                    for x in c: yield from positions(x)
            for path in sys.stdin.read().split("\n"):
                text = open(path, encoding="utf-8").read()
                doc = json.loads(text)
                name = path.split("/out/")[-1]
                if "crs" in doc: problems.append(name + ": has crs")
                if "attribution" not in doc: problems.append(name + ": no attribution")
                if re.search(r'"coordinates":[^"]*\d\.\d{7,}', text): problems.append(name + ": more than 6 decimals")
                box = doc.get("bbox")
                if doc["features"] and box is None: problems.append(name + ": no bbox")
                for i, f in enumerate(doc["features"]):
                    g = f["geometry"]
                    if g is None: continue
                    where = "%s feature %d" % (name, i)
                    s = shape(g)
                    checked += 1
                    if not s.is_valid: problems.append(where + ": invalid geometry")
                    for p in positions(g["coordinates"]) if g["coordinates"] else []:
                        if not (-180 <= p[0] <= 180 and -90 <= p[1] <= 90): problems.append(where + ": out of range")
                        if box and not (box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]):
                            problems.append(where + ": outside bbox")
                    if g["type"] == "Polygon": rings_ok(g["coordinates"], where)
                    if g["type"] == "MultiPolygon":
                        for poly in g["coordinates"]: rings_ok(poly, where)
            print(checked)
            print("\n".join(problems[:20]))
            """#, input: files, modules: ["shapely"])
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertGreaterThan(Int(lines.first ?? "") ?? 0, 100, "geometries checked")
        XCTAssertEqual(lines.dropFirst().joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines), "")
    }

    func testTheSequenceIsRFC8142AndTheCSVHasARowAnEvent() throws {
        let out = try map()
        let seq = try Data(contentsOf: out.appendingPathComponent("events.geojsonseq"))
        XCTAssertEqual(seq.first, 0x1E)
        let records = seq.split(separator: 0x1E)
        XCTAssertEqual(records.count, 11)
        for r in records {
            XCTAssertEqual(r.last, 0x0A)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(r.dropLast())))
        }
        let csv = try String(contentsOf: out.appendingPathComponent("events.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("event_id_cnty,event_date,"))
        XCTAssertEqual(csv.split(separator: "\n").count, 12)
    }

    func testTwoRunsGiveTheSameBytesWhereverTheyWrite() throws {
        let a = try map()
        let b = try temporaryDirectory("placemap-other-place").appendingPathComponent("elsewhere")
        XCTAssertEqual(try Run.placemap(["map", Self.fixture, "--out", b.path]).status, 0)
        let fm = FileManager.default
        let names = try fm.subpathsOfDirectory(atPath: a.path).sorted()
        XCTAssertEqual(names, try fm.subpathsOfDirectory(atPath: b.path).sorted())
        for name in names {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: a.appendingPathComponent(name).path, isDirectory: &isDir)
            if isDir.boolValue { continue }
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(name)),
                           try Data(contentsOf: b.appendingPathComponent(name)), name)
        }
        let all = names.filter { !$0.hasSuffix("/") }.compactMap {
            try? String(contentsOf: a.appendingPathComponent($0), encoding: .utf8)
        }.joined()
        XCTAssertFalse(all.contains(a.path), "no absolute path of the run in the output")
        XCTAssertFalse(all.contains(ProjectPaths.root.path), "no absolute path of the clone in the output")
    }

    func testTheMapIsValidSVGWithItsLayers() throws {
        let out = try map()
        let summary = try Python.run("""
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.stdin.read().strip()).getroot()
            ns = '{http://www.w3.org/2000/svg}'
            ids = sorted(g.get('id') for g in root.iter(ns + 'g') if g.get('id'))
            print(root.tag == ns + 'svg', ' '.join(ids))
            print(sum(1 for t in root.iter(ns + 'title')))
            """, input: out.appendingPathComponent("map.svg").path, modules: ["xml"])
        let lines = summary.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("True") ?? false, summary)
        for id in ["base", "control", "events", "frame", "legend", "movements", "places", "scale-bar"] {
            XCTAssertTrue(lines.first?.split(separator: " ").contains(Substring(id)) ?? false, "\(id) in \(summary)")
        }
        let svg = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("3–6 February 2020"), "the dates covered")
        XCTAssertTrue(svg.contains("GeoNames") && svg.contains("Natural Earth"), "the credits")
        XCTAssertTrue(svg.contains("Taftanaz Air Base"), "places labelled")
    }

    // MARK: Bad input: one clear line, a non-zero status, and the earlier output intact

    func assertFailsCleanly(_ arguments: [String], mentions: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let earlier = try map()
        let out = try temporaryDirectory("placemap-kept").appendingPathComponent("out")
        try FileManager.default.copyItem(at: earlier, to: out)
        let before = try snapshot(out)
        let r = try Run.placemap(["map"] + arguments + ["--out", out.path])
        XCTAssertNotEqual(r.status, 0, file: file, line: line)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, r.stderr, file: file, line: line)
        XCTAssertTrue(lines.first?.hasPrefix("placemap: error: ") ?? false, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains(mentions), r.stderr, file: file, line: line)
        XCTAssertEqual(try snapshot(out), before, "the earlier output is intact", file: file, line: line)
    }

    func snapshot(_ dir: URL) throws -> [String: Data] {
        var s: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: dir.path) {
            let url = dir.appendingPathComponent(name)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                s[name] = try Data(contentsOf: url)
            }
        }
        return s
    }

    func testAMissingInputFailsCleanly() throws {
        try assertFailsCleanly(["no/such/report.txt"], mentions: "no/such/report.txt")
    }

    func testAnEmptyFolderFailsCleanly() throws {
        let empty = try temporaryDirectory("placemap-empty")
        try assertFailsCleanly([empty.path], mentions: "holds no report")
    }

    func testAMalformedEventFileNamesTheLine() throws {
        let dir = try temporaryDirectory("placemap-bad")
        let bad = dir.appendingPathComponent("bad.jsonl")
        let good = try String(contentsOfFile: Self.fixture, encoding: .utf8).split(separator: "\n")[0]
        try "\(good)\n{\"id\": \"x\", \"lon\": 36.1, \"lat\": 95}\n".write(to: bad, atomically: true, encoding: .utf8)
        try assertFailsCleanly([bad.path], mentions: "bad.jsonl:2")
    }

    func testAnUnwritableOutputFailsCleanlyAndLeavesNothingBehind() throws {
        let dir = try temporaryDirectory("placemap-blocked")
        let blocker = dir.appendingPathComponent("file")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let r = try Run.placemap(["map", Self.fixture, "--out", blocker.appendingPathComponent("out").path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("placemap: error: cannot write to "), r.stderr)
        let r2 = try Run.placemap(["map", Self.fixture, "--out", blocker.path])
        XCTAssertNotEqual(r2.status, 0)
        XCTAssertTrue(r2.stderr.contains("in the way"), r2.stderr)
        XCTAssertEqual(try String(contentsOf: blocker, encoding: .utf8), "x")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["file"])
    }

    func testABrokenControlTableStopsTheMapOrIsAWarningWithNoFrontline() throws {
        let gazetteer = try Run.gazetteerCopy()
        addTeardownBlock { try? FileManager.default.removeItem(at: gazetteer) }
        let table = gazetteer.appendingPathComponent("control/control.csv")
        let rows = try String(contentsOf: table, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try (rows.prefix(2) + ["pm:nowhere,Nowhere,government,2020-02-01,made up"] + rows.dropFirst(2)).joined(separator: "\n")
            .write(to: table, atomically: true, encoding: .utf8)
        let out = try temporaryDirectory("placemap-control").appendingPathComponent("out")
        let env = ["PLACEMAP_GAZETTEER": gazetteer.path]
        let r = try Run.placemap(["map", Self.fixture, "--out", out.path], environment: env)
        XCTAssertNotEqual(r.status, 0, "a control table that cannot be used is not silently dropped")
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("control.csv:3"), "the error names the table's line: \(r.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
        let w = try Run.placemap(["map", Self.fixture, "--out", out.path, "--no-frontline"], environment: env)
        XCTAssertEqual(w.status, 0, w.stderr)
        XCTAssertTrue(w.stderr.contains("placemap: warning: no front lines drawn: ") && w.stderr.contains("control.csv:3"), w.stderr)
        XCTAssertEqual(try Self.features(out.appendingPathComponent("frontlines.geojson")).count, 0)
    }
}
