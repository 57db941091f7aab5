import XCTest
@testable import Control
import GeoModel
import Topology

final class PlanarTests: XCTestCase {
    /// A small deterministic generator for test positions.
    struct LCG { var s: UInt64; mutating func unit() -> Double { s = s &* 6364136223846793005 &+ 1442695040888963407; return Double(s >> 11) / Double(1 << 53) } }

    func testTheSegmentGridFindsTheSameNearestPointAsATestOfEverySegment() {
        var r = LCG(s: 3)
        var lines: [[Coordinate]] = []
        for _ in 0..<30 {
            var x = r.unit() * 50_000, y = r.unit() * 50_000
            lines.append((0..<20).map { _ in x += r.unit() * 2000 - 1000; y += r.unit() * 2000 - 1000; return Coordinate(x: x, y: y) })
        }
        let index = SegmentIndex(lines: lines)
        for _ in 0..<500 {
            let p = Coordinate(x: r.unit() * 80_000 - 15_000, y: r.unit() * 80_000 - 15_000)
            var best = Double.infinity
            for l in lines { for i in 1..<l.count {
                let q = Planar.closest(on: l[i - 1], l[i], to: p)
                best = min(best, ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot())
            } }
            XCTAssertEqual(index.nearest(to: p)!.distance, best, accuracy: 1e-9, "at \(p)")
        }
        XCTAssertNil(SegmentIndex(lines: []).nearest(to: Coordinate(x: 0, y: 0)))
    }

    func testTheCoverageUnionOfVoronoiCellsEqualsTheirUnaryUnion() throws {
        var r = LCG(s: 11)
        let sites = (0..<300).map { _ in Coordinate(x: r.unit() * 10_000, y: r.unit() * 10_000) }
        let cells = try Voronoi.cells(sites: sites).compactMap { $0 }
        let some = Geometry.multiPolygon(cells.enumerated().filter { $0.offset % 3 != 0 }.flatMap { $0.element.polygons })
        let fast = try some.coverageUnion(), slow = try some.unaryUnion()
        XCTAssertEqual(try fast.planarArea(), try slow.planarArea(), accuracy: 1e-3)
        XCTAssertEqual(try fast.symmetricDifference(slow).planarArea(), 0, accuracy: 1e-3)
        XCTAssertEqual(try FrontlineSplit.union(of: some.polygons).planarArea(), try slow.planarArea(), accuracy: 1e-3)
    }
}
