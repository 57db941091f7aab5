import Foundation
import TestSupport
import XCTest

/// `placemap extract` as a user runs it.
final class ExtractCommandTests: XCTestCase {
    func testAReportWithoutADateIsOneClearErrorNamingTheFile() throws {
        let dir = try temporaryDirectory("extract")
        let file = dir.appendingPathComponent("undated.txt")
        try "Jets bombed Sarmin on Monday.".write(to: file, atomically: true, encoding: .utf8)
        let r = try Run.placemap(["extract", file.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "")
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("placemap: error: \(file.path)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("--date"))
    }

    func testDateOptionStatementsExplainAndOverrides() throws {
        let dir = try temporaryDirectory("extract")
        let file = dir.appendingPathComponent("r.txt")
        try "Jets bombed Sarmin on Monday.\n\nThe Kremlin said talks would continue.\n".write(to: file, atomically: true, encoding: .utf8)
        let plain = try Run.placemap(["extract", file.path, "--date", "2020-02-06"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let lines = plain.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let event = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(event["place"] as? String, "Sarmin")
        XCTAssertEqual(event["start"] as? String, "2020-02-03")
        XCTAssertEqual((event["sources"] as? [[String: Any]])?.first?["report"] as? String, "r.txt")

        let all = try Run.placemap(["extract", file.path, "--date", "2020-02-06", "--statements", "--explain"])
        XCTAssertEqual(all.stdout.split(separator: "\n").count, 2)
        XCTAssertTrue(all.stderr.contains("sentence r.txt@0: Jets bombed Sarmin on Monday."), all.stderr)
        XCTAssertTrue(all.stderr.contains("weekday 'monday'"), all.stderr)

        let id = try XCTUnwrap(event["id"] as? String)
        let fix = dir.appendingPathComponent("fix.csv")
        try "id,action,value\n\(id),drop,\nffffffffffffffff,drop,\n".write(to: fix, atomically: true, encoding: .utf8)
        let fixed = try Run.placemap(["extract", file.path, "--date", "2020-02-06", "--overrides", fix.path])
        XCTAssertEqual(fixed.status, 0)
        XCTAssertEqual(fixed.stdout, "")
        XCTAssertTrue(fixed.stderr.contains("no event has the id ffffffffffffffff"), fixed.stderr)
    }

    func testCSVAndGeoJSONOutputs() throws {
        let input = " date 2020-02-06 BEIRUT -- Rebels shelled Saraqeb on Tuesday.\n"
        let csv = try Run.placemap(["extract", "-", "--format", "csv"], input: input)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.stdout.hasPrefix("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1"), csv.stdout)
        XCTAssertTrue(csv.stdout.contains("2020-02-04,2020,1,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Rebels,,Rebel group"), csv.stdout)
        let geo = try Run.placemap(["extract", "-", "--format", "geojson"], input: input)
        XCTAssertEqual(geo.status, 0, geo.stderr)
        XCTAssertTrue(geo.stdout.contains("\"FeatureCollection\""))
        XCTAssertTrue(geo.stdout.contains("[36.80591,35.86447]"), geo.stdout)
        XCTAssertTrue(geo.stdout.contains("\"time\":\"2020-02-04T00:00:00Z\""), "extract's GeoJSON is map's: time, id, flat fields: \(geo.stdout)")
        XCTAssertTrue(geo.stdout.contains("\"type\":\"Feature\""))
    }

    func testStandardInputWithADateline() throws {
        let r = try Run.placemap(["extract", "-"], input: " date 2020-02-06 BEIRUT -- Rebels shelled Saraqeb on Tuesday.\r\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\"place\":\"Saraqib\""), r.stdout)
        XCTAssertTrue(r.stdout.contains("\"start\":\"2020-02-04\""), r.stdout)
        XCTAssertFalse(r.stdout.localizedCaseInsensitiveContains("beirut"))
    }

    func testAFolderIsReadAsItsReportsInNameOrder() throws {
        let dir = try temporaryDirectory("extract-folder")
        try " date 2020-02-06 BEIRUT -- Rebels shelled Sarmin on Tuesday.".write(
            to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try " date 2020-02-06 BEIRUT -- Government jets bombed Binnish on Wednesday.".write(
            to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "{\"date\": \"2020-02-06\"}".write(to: dir.appendingPathComponent("a.meta.json"), atomically: true, encoding: .utf8)
        let r = try Run.placemap(["extract", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, r.stdout)
        XCTAssertTrue(lines.first?.contains("\"report\":\"a.txt\"") ?? false, r.stdout)
        XCTAssertTrue(lines.last?.contains("\"report\":\"b.txt\"") ?? false, r.stdout)
        // The same events as naming the files one by one.
        let byFile = try Run.placemap(["extract", dir.appendingPathComponent("a.txt").path, dir.appendingPathComponent("b.txt").path])
        XCTAssertEqual(byFile.stdout, r.stdout)
        let empty = try temporaryDirectory("extract-empty")
        let e = try Run.placemap(["extract", empty.path])
        XCTAssertNotEqual(e.status, 0)
        XCTAssertTrue(e.stderr.hasPrefix("placemap: error: \(empty.path) holds no report"), e.stderr)
    }
}
