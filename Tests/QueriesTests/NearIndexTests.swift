import EventModel
import Foundation
import GeoModel
import Geodesy
import Queries
import TestSupport
import XCTest

final class NearIndexTests: XCTestCase {
    /// Centres that stress the boxes: ordinary, across the antimeridian, near and at the poles, on the equator.
    private let hardCentres = [
        Coordinate(lon: 36.8006, lat: 35.8644), Coordinate(lon: 179.95, lat: 10), Coordinate(lon: -179.99, lat: -40),
        Coordinate(lon: 180, lat: 65), Coordinate(lon: 20, lat: 89.7), Coordinate(lon: -100, lat: -89.9),
        Coordinate(lon: 0, lat: 90), Coordinate(lon: 0, lat: 0), Coordinate(lon: -45, lat: 80),
    ]

    private func radii(_ rng: inout SplitMix64, count: Int) -> [Double] {
        [10, 2_000_000] + (0..<count).map { _ in pow(10, rng.uniform(1, log10(2_000_000))) }
    }

    /// Points around `c`: some near the circle's edge (at 0.5–1.5 r), some anywhere on Earth.
    private func points(around c: Coordinate, radius r: Double, _ rng: inout SplitMix64, n: Int) -> [Coordinate] {
        let g = Geodesic.wgs84
        return (0..<n).map { k in
            if k % 5 == 0 {
                return Coordinate(lon: rng.uniform(-180, 180), lat: asin(rng.uniform(-1, 1)) * 180 / .pi)
            }
            let d = k % 5 == 1 ? r * (1 + rng.uniform(-1e-7, 1e-7)) : r * rng.uniform(0, 1.5)
            return g.destination(from: c, azimuth: rng.uniform(0, 360), distance: d).point
        }
    }

    func testIndexAndFullScanFindTheSameEventsOnRandomCases() {
        var rng = SplitMix64(seed: 7)
        var checked = 0, found = 0
        for c in hardCentres + (0..<12).map({ _ in Coordinate(lon: rng.uniform(-180, 180), lat: rng.uniform(-90, 90)) }) {
            for r in radii(&rng, count: 4) {
                let pts = points(around: c, radius: r, &rng, n: 600)
                let grid = PointGrid(pts, pointsPerCell: 4)
                let circle = GeodesicCircle(center: c, radius: r)
                let expected = FullScan.indices(pts, center: c, radius: r)
                XCTAssertEqual(grid.indices(in: circle).sorted(), expected, "centre \(c), radius \(r) m")
                XCTAssertEqual(grid.count(in: circle), expected.count, "centre \(c), radius \(r) m")
                // Another grid shape over the same points must agree too.
                XCTAssertEqual(PointGrid(pts, pointsPerCell: 50).count(in: circle), expected.count)
                checked += 1; found += expected.count
            }
        }
        XCTAssertEqual(checked, 21 * 6)
        XCTAssertGreaterThan(found, 10_000, "the cases must hold many points inside")
    }

    func testTheBoxesHoldEveryPointOfTheCircle() {
        var rng = SplitMix64(seed: 11)
        let g = Geodesic.wgs84
        for c in hardCentres + (0..<20).map({ _ in Coordinate(lon: rng.uniform(-180, 180), lat: rng.uniform(-90, 90)) }) {
            for r in radii(&rng, count: 6) {
                let circle = GeodesicCircle(center: c, radius: r)
                for k in 0..<720 {
                    let p = g.destination(from: c, azimuth: Double(k) * 0.5, distance: r).point
                    XCTAssertTrue(circle.boxesContain(p), "\(p) at azimuth \(Double(k) * 0.5) of \(c), r = \(r) m: \(circle.boxes)")
                }
                XCTAssertTrue(circle.boxes.allSatisfy { $0.west <= $0.east && $0.west >= -180 && $0.east <= 180 })
            }
        }
    }

    func testTheLongitudeExtentIsTheTangentPointNotTheDueEastPoint() {
        let c = Coordinate(lon: 36.8, lat: 60), r = 1_000_000.0
        let circle = GeodesicCircle(center: c, radius: r)
        let dueEast = Geodesic.wgs84.destination(from: c, azimuth: 90, distance: r).point.lon
        let east = circle.boxes[0].east
        XCTAssertGreaterThan(east, dueEast + 0.5, "at 60° N the tangent point lies well east of the due-east point")
        // And the box is tight: some point of the circle comes within a micro-degree of its edge.
        let reach = (0..<36_000).map { Geodesic.wgs84.destination(from: c, azimuth: Double($0) / 100, distance: r).point.lon }.max()!
        XCTAssertEqual(east, reach, accuracy: 1e-6)
    }

    func testAcrossTheAntimeridianTheBoxIsSplitInTwo() {
        let circle = GeodesicCircle(center: Coordinate(lon: 179.9, lat: 0), radius: 50_000)
        XCTAssertEqual(circle.boxes.count, 2)
        XCTAssertTrue(circle.contains(Coordinate(lon: -179.9, lat: 0)))
        XCTAssertTrue(circle.boxesContain(Coordinate(lon: -179.9, lat: 0)))
    }

    func testACircleOverAPoleTakesEveryLongitude() {
        let circle = GeodesicCircle(center: Coordinate(lon: 10, lat: 89.9), radius: 20_000)
        XCTAssertEqual(circle.boxes.count, 1)
        XCTAssertEqual(circle.boxes[0].north, 90)
        XCTAssertEqual(circle.boxes[0].west, -180)
        XCTAssertEqual(circle.boxes[0].east, 180)
        XCTAssertTrue(circle.contains(Coordinate(lon: -170, lat: 89.95)))
    }

    func testDistanceAndBearingAgreeWithGeographicLib() throws {
        let centre = Coordinate(lon: 36.80591, lat: 35.86447)
        let targets = [Coordinate(lon: 36.78579, lat: 35.99832), Coordinate(lon: 36.63393, lat: 35.93062),
                       Coordinate(lon: 36.83, lat: 35.80), Coordinate(lon: 37.16, lat: 36.20)]
        let events = targets.enumerated().map { i, c in
            Event(id: "e\(i)", category: EventCategory(unspecified: .battles), start: nil, end: nil, datePrecision: .unknown,
                  place: "", placeID: nil, coordinate: c, geoPrecision: 1)
        }
        let hits = try NearQuery(center: centre, km: 100).run(events)
        XCTAssertEqual(hits.map(\.event.id), ["e2", "e0", "e1", "e3"], "nearest first")
        let input = targets.map { "\(centre.lat) \(centre.lon) \($0.lat) \($0.lon)" }.joined(separator: "\n")
        let out = try Python.run("""
            import sys
            from geographiclib.geodesic import Geodesic
            for line in sys.stdin.read().split("\\n"):
                a, b, c, d = map(float, line.split())
                r = Geodesic.WGS84.Inverse(a, b, c, d)
                print(r["s12"], r["azi1"] % 360)
            """, input: input, modules: ["geographiclib"])
        let expected = out.split(separator: "\n").map { $0.split(separator: " ").map { Double($0)! } }
        for (i, e) in expected.enumerated() {
            let hit = try XCTUnwrap(hits.first { $0.event.id == "e\(i)" })
            XCTAssertEqual(hit.distance, e[0], accuracy: 1e-6)
            XCTAssertEqual(hit.bearing, e[1], accuracy: 1e-9)
            XCTAssertTrue((0..<360).contains(hit.bearing))
        }
    }

    func testFiltersByDateTypeAndPrecision() throws {
        func event(_ id: String, _ day: Int?, type: SubEventType, precision: Int = 1) -> Event {
            let d = day.map { Day(year: 2020, month: 2, day: $0)! }
            return Event(id: id, category: EventCategory(type), start: d, end: d, datePrecision: d == nil ? .unknown : .day,
                         place: "", placeID: nil, coordinate: Coordinate(lon: 36.8, lat: 35.86), geoPrecision: precision)
        }
        let evs = [event("a", 5, type: .armedClash), event("b", 6, type: .shelling),
                   event("c", 7, type: .armedClash, precision: 3), event("d", nil, type: .armedClash)]
        let c = Coordinate(lon: 36.8, lat: 35.86)
        XCTAssertEqual(try NearQuery(center: c, km: 1).run(evs).map(\.event.id), ["a", "b", "d"])
        XCTAssertEqual(try NearQuery(center: c, km: 1, filter: EventFilter(includeRegions: true)).run(evs).count, 4)
        let feb6 = Day(year: 2020, month: 2, day: 6)!
        XCTAssertEqual(try NearQuery(center: c, km: 1, filter: EventFilter(from: feb6)).run(evs).map(\.event.id), ["b"])
        XCTAssertEqual(try NearQuery(center: c, km: 1, filter: EventFilter(type: try TypeFilter(parsing: "battles"))).run(evs)
            .map(\.event.id), ["a", "d"])
        XCTAssertEqual(try NearQuery(center: c, km: 1, filter: EventFilter(type: try TypeFilter(parsing: "armed CLASH"))).run(evs)
            .map(\.event.id), ["a", "d"])
        XCTAssertEqual(try NearQuery(center: c, km: 1, filter: EventFilter(type: try TypeFilter(parsing: "Explosions/Remote violence")))
            .run(evs).map(\.event.id), ["b"])
        XCTAssertThrowsError(try TypeFilter(parsing: "Airstrike")) { error in
            XCTAssertTrue("\(error)".contains("Air/drone strike"), "the message lists the names: \(error)")
        }
        XCTAssertThrowsError(try NearQuery(center: c, km: -1))
        XCTAssertThrowsError(try NearQuery(center: c, km: 20_001))
        XCTAssertThrowsError(try NearQuery(center: c, km: .nan))
        XCTAssertThrowsError(try NearQuery(center: c, km: 1, filter: EventFilter(from: feb6, to: feb6.adding(days: -1))))
    }

    func testTheSharedBenchmarkDataGivesTheCheckValues() throws {
        let bench = try ProjectPaths.shared("bench")
        let dir = try temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let centre = Coordinate(lon: 36.8006, lat: 35.8644)
        for (n, expected) in [(10_000, 632), (1_000_000, 64_671)] {
            let file = dir.appendingPathComponent("ev\(n).csv").path
            _ = try Python.run("""
                import runpy, sys
                sys.argv = ["gen_events.py", "\(n)", "42", "\(file)"]
                runpy.run_path("\(bench.appendingPathComponent("gen_events.py").path)", run_name="__main__")
                """, modules: ["numpy"])
            let query = try NearQuery(center: centre, km: 10)
            XCTAssertEqual(try CSVNearScan.count(file: file, query: query), expected)
            let events = try EventFiles.load(path: file)
            XCTAssertEqual(events.count, n)
            XCTAssertEqual(try EventIndex(events, filter: EventFilter()).count(center: centre, km: 10), expected)
            if n == 10_000 {
                let hits = try CSVNearScan.hits(file: file, query: query)
                XCTAssertEqual(hits, query.run(events))
                XCTAssertEqual(try EventIndex(events, filter: EventFilter()).near(center: centre, km: 10), hits)
            }
        }
    }

    func testAMalformedRowInTheScannedCSVIsNamedByLine() throws {
        let dir = try temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.csv").path
        try "id,date,lon,lat\n1,2020-02-06,36.8,35.86\n2,2020-02-06,36.8,north\n".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CSVNearScan.count(file: file, query: NearQuery(center: Coordinate(lon: 0, lat: 0), km: 1))) { e in
            XCTAssertTrue("\(e)".hasPrefix("\(file):3: "), "\(e)")
        }
    }
}
