import Foundation
import TestSupport
import XCTest

final class PlacesCommandTests: XCTestCase {
    func testResolveJSONHasExactlyTheKeysScriptsRelyOn() throws {
        let r = try Run.placemap(["resolve", "Sarakeb", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 1, r.stdout)
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set(o.keys), ["id", "name", "kind", "lon", "lat", "geo_precision", "score", "ambiguous", "candidates"])
        XCTAssertEqual(o["id"] as? String, "geonames:164816")
        XCTAssertEqual(o["geo_precision"] as? Int, 1)
        XCTAssertEqual(o["ambiguous"] as? Bool, false)
        XCTAssertEqual((o["candidates"] as? [Any])?.count, 0)
    }

    func testAmbiguousNamesListTheirCandidates() throws {
        let r = try Run.placemap(["resolve", "Idleb", "--context", "Strikes hit Idleb province.", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(o["id"] as? String, "pm:gov-idlib")
        XCTAssertEqual(o["geo_precision"] as? Int, 3)
        XCTAssertEqual(o["ambiguous"] as? Bool, true)
        let c = try XCTUnwrap((o["candidates"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(c.keys), ["id", "name", "lon", "lat", "score"])
        XCTAssertEqual(c["id"] as? String, "geonames:169389")
    }

    func testAnUnknownNameFailsWithSuggestionsOnStderr() throws {
        let r = try Run.placemap(["resolve", "Taftanas", "--format", "json"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("placemap: error: unknown place 'Taftanas'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("Taftanaz"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    }

    func testDistanceTakesPlaceNames() throws {
        let r = try Run.placemap(["distance", "Saraqeb", "Taftanaz"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("14,962.27 m"), r.stdout)
        let unknown = try Run.placemap(["distance", "Saraqeb", "Nowhereville"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("unknown place"), unknown.stderr)
    }

    func testPlacesNearAPlace() throws {
        let r = try Run.placemap(["places", "--near", "Saraqeb", "--km", "10", "--kind", "town", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.compactMap { $0["name"] as? String }, ["Afis", "Sarmin"])
        let geo = try Run.placemap(["places", "--kind", "airbase", "--format", "geojson"])
        XCTAssertTrue(geo.stdout.contains("\"Taftanaz Air Base\""), geo.stdout)
    }

    func testResolveUsesPLACEMAP_GAZETTEER() throws {
        let p = Process()
        p.executableURL = ProjectPaths.placemap
        p.arguments = ["resolve", "Saraqeb"]
        p.environment = ["PLACEMAP_GAZETTEER": "/nonexistent/gazetteer"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run(); p.waitUntilExit()
        XCTAssertNotEqual(p.terminationStatus, 0)
        XCTAssertTrue(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("PLACEMAP_GAZETTEER"))
    }

    func testGazetteerImportWritesAPlaceFile() throws {
        let dir = try temporaryDirectory()
        let dump = dir.appendingPathComponent("SY.txt")
        let row = ["164816", "Saraqib", "Saraqib", "Saraqeb", "35.86447", "36.80591", "P", "PPL", "SY", "", "12", "", "", "",
                   "34231", "", "360", "Asia/Damascus", "2020-06-10"]
        try (row.joined(separator: "\t") + "\n").write(to: dump, atomically: true, encoding: .utf8)
        let r = try Run.placemap(["gazetteer", "import", dump.path, "--country", "SY", "--into", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = try String(contentsOf: dir.appendingPathComponent("geonames_SY.tsv"), encoding: .utf8)
        XCTAssertTrue(out.hasPrefix("id\tname\tkind\tlon\tlat\tcountry\tadmin1\tpopulation\talternate_names\tsource\n"), out)
        XCTAssertTrue(out.contains("geonames:164816\tSaraqib\ttown\t36.805910\t35.864470\tSY\t12\t34231\tSaraqeb\tGeoNames"), out)
        let bad = try Run.placemap(["gazetteer", "import", dir.appendingPathComponent("geonames_SY.tsv").path, "--into", dir.path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains(":1: expected the 19"), bad.stderr)
    }
}
