import Foundation
import GeoModel
import TestSupport
import Topology
import XCTest

final class TopologyTests: XCTestCase {
    func square(_ x: Double, _ y: Double, _ s: Double) -> Geometry {
        .polygon([[Coordinate(x: x, y: y), Coordinate(x: x + s, y: y), Coordinate(x: x + s, y: y + s),
                   Coordinate(x: x, y: y + s), Coordinate(x: x, y: y)]])
    }

    func testVoronoiOfFourPointsMatchesEachCellToItsSite() throws {
        let sites = [Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 0, y: 10), Coordinate(x: 10, y: 10)]
        let cells = try Voronoi.cells(sites: sites, envelope: square(-10, -10, 30))
        XCTAssertEqual(cells.count, 4)
        for (site, cell) in zip(sites, cells) {
            let cell = try XCTUnwrap(cell)
            XCTAssertTrue(try PreparedGeometry(cell).contains(site))
            // Each clipped cell is the quarter of the 30 x 30 frame nearest its site.
            XCTAssertEqual(try cell.intersection(square(-10, -10, 30)).planarArea(), 225, accuracy: 1e-9)
        }
    }

    func testVoronoiDiagramAloneCountsOneCellPerSite() throws {
        let sites: [Coordinate] = (0..<50).map { (i: Int) -> Coordinate in
            let row = Double(i / 10), column = Double(i % 10)
            return Coordinate(x: column * 3 + row * 0.1, y: row * 2)
        }
        XCTAssertEqual(try Voronoi.diagramOnly(sites: sites), 50)
    }

    func testVoronoiMarksRepeatedSites() throws {
        let cells = try Voronoi.cells(sites: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 0, y: 0)])
        XCTAssertNotNil(cells[0]); XCTAssertNotNil(cells[1]); XCTAssertNil(cells[2])
    }

    func testBufferOfAPointApproachesTheCircle() throws {
        let area = try Geometry.point(Coordinate(x: 0, y: 0)).buffer(1000, quadrantSegments: 64).planarArea()
        XCTAssertEqual(area, Double.pi * 1e6, accuracy: Double.pi * 1e6 * 1e-3)
    }

    func testHausdorffDistanceOfTwoLines() throws {
        let a = Geometry.lineString([Coordinate(x: 0, y: 0), Coordinate(x: 100, y: 0)])
        let b = Geometry.lineString([Coordinate(x: 0, y: 3), Coordinate(x: 100, y: 7)])
        XCTAssertEqual(try a.hausdorffDistance(to: b), 7, accuracy: 1e-12)
    }

    func testUnionIntersectionDifference() throws {
        let a = square(0, 0, 2), b = square(1, 0, 2)
        XCTAssertEqual(try a.union(b).planarArea(), 6, accuracy: 1e-12)
        XCTAssertEqual(try a.intersection(b).planarArea(), 2, accuracy: 1e-12)
        XCTAssertEqual(try a.difference(b).planarArea(), 2, accuracy: 1e-12)
        XCTAssertEqual(try Geometry.multiPolygon([a.polygons[0], b.polygons[0]]).unaryUnion().planarArea(), 6, accuracy: 1e-12)
    }

    func testHullsAndPolygonize() throws {
        let pts = Geometry.multiPoint([Coordinate(x: 0, y: 0), Coordinate(x: 4, y: 0), Coordinate(x: 4, y: 4),
                                       Coordinate(x: 0, y: 4), Coordinate(x: 2, y: 1)])
        XCTAssertEqual(try pts.convexHull().planarArea(), 16, accuracy: 1e-12)
        XCTAssertLessThanOrEqual(try pts.concaveHull(ratio: 0.1).planarArea(), 16)
        let lines = square(0, 0, 3).polygons[0][0]
        let polys = try Geometry.polygonize([.lineString(lines)])
        XCTAssertEqual(polys.count, 1)
        XCTAssertEqual(try polys[0].planarArea(), 9, accuracy: 1e-12)
    }

    func testLinearReferencingAlongARoad() throws {
        let road = Geometry.lineString([Coordinate(x: 0, y: 0), Coordinate(x: 3, y: 0), Coordinate(x: 3, y: 4)])
        XCTAssertEqual(try road.project(Coordinate(x: 4, y: 2)), 5, accuracy: 1e-12)
        XCTAssertEqual(try road.interpolate(5), Coordinate(x: 3, y: 2))
    }

    func testPreparedPredicates() throws {
        let p = try PreparedGeometry(square(0, 0, 10))
        XCTAssertTrue(try p.contains(Coordinate(x: 5, y: 5)))
        XCTAssertFalse(try p.contains(Coordinate(x: 11, y: 5)))
        XCTAssertTrue(try p.intersects(square(9, 9, 5)))
        XCTAssertTrue(try PreparedGeometry(square(1, 1, 2)).isWithin(square(0, 0, 10)))
    }

    func testSTRtreeQueryAndNearest() throws {
        let pts = (0..<100).map { Coordinate(x: Double($0 % 10), y: Double($0 / 10)) }
        let tree = try STRtree(points: pts)
        XCTAssertEqual(try tree.query(BoundingBox(west: 2.5, south: 2.5, east: 4.5, north: 3.5)), [33, 34])
        XCTAssertEqual(try tree.nearest(to: Coordinate(x: 7.2, y: 8.9)), 97)
    }

    func testWKTAndWKBRoundTrip() throws {
        let g = try Geometry(wkt: "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 1 1))")
        XCTAssertEqual(try g.wkt(), "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 1 1))")
        XCTAssertEqual(try Geometry(wkb: try g.wkb()), g)
        XCTAssertTrue(try g.isValid())
    }

    func testMalformedWKTCarriesGEOSsMessage() {
        XCTAssertThrowsError(try Geometry(wkt: "POLYGON ((0 0, 1 0")) { error in
            guard case .geos(let m) = error as? TopologyError else { return XCTFail("\(error)") }
            XCTAssertTrue(m.contains("ParseException") || m.contains("Expected"), m)
        }
    }

    func testInvalidGeometryReason() throws {
        let bowtie = Geometry.polygon([[Coordinate(x: 0, y: 0), Coordinate(x: 2, y: 2), Coordinate(x: 2, y: 0),
                                        Coordinate(x: 0, y: 2), Coordinate(x: 0, y: 0)]])
        XCTAssertFalse(try bowtie.isValid())
        XCTAssertTrue(try bowtie.validityReason().contains("Self-intersection"))
        XCTAssertTrue(try bowtie.makeValid().isValid())
    }

    func testAMillionGeometriesHoldMemoryFlat() throws {
        func residentKB() -> Int {
            let s = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let line = s.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        let iterations = Int(ProcessInfo.processInfo.environment["PLACEMAP_LEAK_ITERATIONS"] ?? "") ?? 1_000_000
        let ring = square(0, 0, 1)
        for _ in 0..<10_000 { _ = try ring.planarArea() }  // warm up allocator and caches
        let before = residentKB()
        var total = 0.0
        for i in 0..<iterations {
            // Each call creates a GEOS context and a polygon, measures it, and frees both.
            total += try Geometry.polygon([[Coordinate(x: 0, y: 0), Coordinate(x: Double(i % 7 + 1), y: 0),
                                            Coordinate(x: 0, y: 1), Coordinate(x: 0, y: 0)]]).planarArea()
        }
        let after = residentKB()
        print("leak check: \(iterations) geometries, resident memory \(before) kB -> \(after) kB")
        XCTAssertGreaterThan(total, 0)
        XCTAssertLessThan(after - before, 10_000, "resident memory grew by \(after - before) kB over \(iterations) geometries")
    }
}
