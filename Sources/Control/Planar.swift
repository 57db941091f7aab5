import Foundation
import GeoModel
import Geodesy
import Topology

/// Planar helpers in projected metres (UTM): nearest points on lines, and batch projection of geometries.
enum Planar {
    /// The point of `lines` nearest `p`, with its distance in the plane's units; nil when `lines` has no segment.
    static func nearest(to p: Coordinate, on lines: [[Coordinate]]) -> (point: Coordinate, distance: Double)? {
        var best: (Coordinate, Double)?
        for line in lines {
            if line.count == 1 {
                let d = hypot(line[0].x - p.x, line[0].y - p.y)
                if best == nil || d < best!.1 { best = (line[0], d) }
            }
            for i in stride(from: 1, to: line.count, by: 1) {
                let q = closest(on: line[i - 1], line[i], to: p)
                let d = hypot(q.x - p.x, q.y - p.y)
                if best == nil || d < best!.1 { best = (q, d) }
            }
        }
        return best.map { (point: $0.0, distance: $0.1) }
    }

    /// The point of segment `a`–`b` nearest `p`.
    static func closest(on a: Coordinate, _ b: Coordinate, to p: Coordinate) -> Coordinate {
        let dx = b.x - a.x, dy = b.y - a.y
        let len2 = dx * dx + dy * dy
        guard len2 > 0 else { return a }
        let t = min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0), 1)
        return Coordinate(x: a.x + t * dx, y: a.y + t * dy)
    }

    /// The positions of every ring of `polygons` with extra points so that no two consecutive ones are
    /// more than `step` apart: the sample over which a largest distance is taken.
    static func densifiedVertices(of g: Geometry, step: Double) -> [Coordinate] {
        var out: [Coordinate] = []
        for polygon in g.polygons {
            for ring in polygon where !ring.isEmpty {
                out.append(ring[0])
                for i in stride(from: 1, to: ring.count, by: 1) {
                    let a = ring[i - 1], b = ring[i]
                    let n = Int((hypot(b.x - a.x, b.y - a.y) / step).rounded(.up))
                    if n > 1 {
                        for k in 1..<n {
                            let t = Double(k) / Double(n)
                            out.append(Coordinate(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)))
                        }
                    }
                    out.append(b)
                }
            }
        }
        return out
    }

    /// `g` with every position transformed in one PROJ call (forward, or backward when `inverse`).
    static func transform(_ g: Geometry, _ t: Transformation, inverse: Bool = false) throws -> Geometry {
        let source = g.coordinates
        guard !source.isEmpty else { return g }
        let moved = inverse ? try t.inverse(source) : try t.forward(source)
        var i = 0
        return g.mapCoordinates { _ in defer { i += 1 }; return moved[i] }
    }
}

extension Geometry {
    /// The polygons of this geometry as one MultiPolygon (empty when it has none).
    var asMultiPolygon: Geometry { .multiPolygon(polygons.filter { !($0.first?.isEmpty ?? true) }) }
    /// The lines of this geometry as one MultiLineString (empty when it has none).
    var asMultiLineString: Geometry { .multiLineString(lines.filter { $0.count > 1 }) }
}
