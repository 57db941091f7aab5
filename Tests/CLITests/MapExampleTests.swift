import Foundation
import TestSupport
import XCTest

/// `placemap map` on reports: the bundled example (its committed `Output/` must be up to date) and
/// the seed reports from ../shared/seeds.
final class MapExampleTests: XCTestCase {
    func snapshot(_ dir: URL) throws -> [String: Data] {
        var s: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: dir.path) {
            let url = dir.appendingPathComponent(name)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { s[name] = try Data(contentsOf: url) }
        }
        return s
    }

    func testTheCommittedOutputIsWhatMakeDemoWritesNow() throws {
        let out = try temporaryDirectory("placemap-demo").appendingPathComponent("Output")
        let r = try Run.placemap(["map", "Examples", "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let fresh = try snapshot(out)
        let committed = try snapshot(ProjectPaths.root.appendingPathComponent("Output"))
        XCTAssertEqual(committed.keys.sorted(), fresh.keys.sorted(), "Output/ is stale: run `make demo` and commit Output/")
        for (name, bytes) in fresh.sorted(by: { $0.key < $1.key }) {
            XCTAssertTrue(committed[name] == bytes, "Output/\(name) is stale: run `make demo` and commit Output/")
        }
    }

    static func dayEvents(_ dir: URL, _ day: String) throws -> [[String: Any]] {
        let url = dir.appendingPathComponent("days/\(day)/events.geojson")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return (json?["features"] as? [[String: Any]] ?? []).compactMap { $0["properties"] as? [String: Any] }
            .filter { $0["kind"] as? String == "event" }
    }

    func testTheSeedDayLayersHoldTheirEvents() throws {
        let seeds = try ProjectPaths.shared("seeds")
        let out = try temporaryDirectory("placemap-seeds").appendingPathComponent("out")
        let r = try Run.placemap(["map", seeds.appendingPathComponent("000_5382dab4b1826ea1.txt").path,
                                  seeds.appendingPathComponent("001_96e8046d2a8bc20b.txt").path,
                                  "--date", "2020-02-06", "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        func text(_ p: [String: Any], _ k: String) -> String { (p[k] as? String ?? "").lowercased() }
        let feb6 = try Self.dayEvents(out, "2020-02-06")
        XCTAssertTrue(feb6.contains { text($0, "place").contains("taftanaz") && text($0, "place").contains("air")
            && text($0, "sub_type").contains("air") }, "the Taftanaz air-base strike: \(feb6)")
        XCTAssertTrue(feb6.contains { text($0, "place").hasPrefix("saraq") && text($0, "sub_type").contains("siege") },
                      "the Saraqeb siege")
        let violent = ["attack", "clash", "suicide", "shelling"]
        XCTAssertTrue(feb6.contains { p in text(p, "place").contains("nairab") || text(p, "place").contains("neyrab")
            ? violent.contains { text(p, "sub_type").contains($0) } : false }, "the Nairab attack")
        let feb3 = try Self.dayEvents(out, "2020-02-03")
        XCTAssertTrue(feb3.contains { p in
            let actors = (p["actors"] as? String ?? "").lowercased()
            return actors.contains("turkish") && actors.contains("syrian") && ((p["fatalities"] as? Int) ?? 0) >= 8
        }, "the clash that killed Turkish and Syrian soldiers: \(feb3)")
        // no event at the dateline city or where statements were made
        let all = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("events.geojson"))) as? [String: Any]
        let places = (all?["features"] as? [[String: Any]] ?? []).compactMap { ($0["properties"] as? [String: Any])?["place"] as? String }
        for city in ["Beirut", "Moscow", "Ankara", "Brussels", "Baku"] { XCTAssertFalse(places.contains(city), city) }
    }

    func testAReportWithoutADateFailsCleanlyAndKeepsTheEarlierOutput() throws {
        let seeds = try ProjectPaths.shared("seeds")
        let dir = try temporaryDirectory("placemap-nodate")
        let out = dir.appendingPathComponent("out")
        try "earlier".write(to: dir.appendingPathComponent("marker"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try Run.placemap(["map", "Examples", "--out", out.path]).status, 0)
        let before = try snapshot(out)
        let r = try Run.placemap(["map", seeds.appendingPathComponent("001_96e8046d2a8bc20b.txt").path, "--out", out.path])
        XCTAssertNotEqual(r.status, 0)
        let lines = r.stderr.split(separator: "\n").filter { !$0.hasPrefix("placemap: warning") }
        XCTAssertEqual(lines.count, 1, r.stderr)
        XCTAssertTrue(lines.first?.hasPrefix("placemap: error: ") ?? false, r.stderr)
        XCTAssertTrue(r.stderr.contains("001_96e8046d2a8bc20b.txt"), "names the file: \(r.stderr)")
        XCTAssertEqual(try snapshot(out), before)
    }
}
