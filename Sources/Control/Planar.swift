import Foundation
import GeoModel
import Geodesy
import Topology

/// Planar helpers in projected metres (UTM): nearest points on lines, and batch projection of geometries.
enum Planar {
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

/// The segments of a set of lines in a uniform grid, for nearest-point queries in the plane: each query
/// looks at the grid cells in rings around the point until no unseen cell can hold a nearer segment.
struct SegmentIndex {
    private var starts: [Coordinate] = [], ends: [Coordinate] = []
    private var buckets: [[Int32]] = []
    private var minX = 0.0, minY = 0.0, size = 1.0, nx = 0, ny = 0

    /// An index of every segment of `lines` (a one-point line counts as a segment of length 0).
    init(lines: [[Coordinate]]) {
        for line in lines {
            if line.count == 1 { starts.append(line[0]); ends.append(line[0]) }
            for i in stride(from: 1, to: line.count, by: 1) { starts.append(line[i - 1]); ends.append(line[i]) }
        }
        guard let box = BoundingBox(covering: starts + ends) else { return }
        minX = box.west; minY = box.south
        let extent = max(box.east - box.west, box.north - box.south, 1e-9)
        let side = min(max(Int(Double(starts.count).squareRoot()), 1), 512)
        size = extent / Double(side)
        nx = min(Int((box.east - box.west) / size) + 1, side + 1)
        ny = min(Int((box.north - box.south) / size) + 1, side + 1)
        buckets = Array(repeating: [], count: nx * ny)
        for k in starts.indices {
            let (a, b) = (starts[k], ends[k])
            let (x0, y0) = cell(Swift.min(a.x, b.x), Swift.min(a.y, b.y)), (x1, y1) = cell(Swift.max(a.x, b.x), Swift.max(a.y, b.y))
            for y in y0...y1 { for x in x0...x1 { buckets[y * nx + x].append(Int32(k)) } }
        }
    }

    private func cell(_ x: Double, _ y: Double) -> (Int, Int) {
        (min(max(Int((x - minX) / size), 0), nx - 1), min(max(Int((y - minY) / size), 0), ny - 1))
    }

    /// True when the index holds no segment.
    var isEmpty: Bool { starts.isEmpty }

    /// The point of the indexed lines nearest `p`, with its distance; nil when the index is empty.
    func nearest(to p: Coordinate) -> (point: Coordinate, distance: Double)? {
        guard !starts.isEmpty else { return nil }
        let (cx, cy) = cell(p.x, p.y)
        var best: (point: Coordinate, distance: Double)?
        var r = 0
        while true {
            for y in max(cy - r, 0)...min(cy + r, ny - 1) {
                let ring = y == cy - r || y == cy + r
                for x in max(cx - r, 0)...min(cx + r, nx - 1) where ring || x == cx - r || x == cx + r {
                    for k in buckets[y * nx + x] {
                        let q = Planar.closest(on: starts[Int(k)], ends[Int(k)], to: p)
                        let d = hypot(q.x - p.x, q.y - p.y)
                        if best == nil || d < best!.distance { best = (q, d) }
                    }
                }
            }
            let (x0, x1) = (cx - r, cx + r), (y0, y1) = (cy - r, cy + r)
            if x0 <= 0, y0 <= 0, x1 >= nx - 1, y1 >= ny - 1 { return best }
            // Every cell not yet seen lies outside the square of rings 0...r: no nearer than its border.
            let inside = p.x >= minX + Double(x0) * size && p.x <= minX + Double(x1 + 1) * size
                && p.y >= minY + Double(y0) * size && p.y <= minY + Double(y1 + 1) * size
            if inside, let b = best {
                var bound = Double.infinity
                if x0 > 0 { bound = min(bound, p.x - (minX + Double(x0) * size)) }
                if x1 < nx - 1 { bound = min(bound, minX + Double(x1 + 1) * size - p.x) }
                if y0 > 0 { bound = min(bound, p.y - (minY + Double(y0) * size)) }
                if y1 < ny - 1 { bound = min(bound, minY + Double(y1 + 1) * size - p.y) }
                if b.distance <= bound { return best }
            }
            r += 1
        }
    }
}

extension Geometry {
    /// The polygons of this geometry as one MultiPolygon (empty when it has none).
    var asMultiPolygon: Geometry { .multiPolygon(polygons.filter { !($0.first?.isEmpty ?? true) }) }
    /// The lines of this geometry as one MultiLineString (empty when it has none).
    var asMultiLineString: Geometry { .multiLineString(lines.filter { $0.count > 1 }) }
}
