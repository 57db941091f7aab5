internal import CGEOS
import GeoModel

/// Voronoi diagrams through GEOS, with each cell matched to its site.
public enum Voronoi {
    /// Runs `GEOSVoronoiDiagram_r` on the sites and returns the number of cells, without reading the
    /// cells back into Swift: the cost GEOS itself needs, used as a benchmark baseline.
    /// Throws `TopologyError` when GEOS fails.
    public static func diagramOnly(sites: [Coordinate], tolerance: Double = 0) throws -> Int {
        try withGEOS { ctx in
            let points = try ctx.make(.multiPoint(sites))
            let diagram = try ctx.own(GEOSVoronoiDiagram_r(ctx.handle, points.pointer, nil, tolerance, 0),  // NULL on exception
                                      "Voronoi diagram")
            let n = GEOSGetNumGeometries_r(ctx.handle, diagram.pointer)  // -1 on exception
            guard n >= 0 else { throw ctx.error("counting Voronoi cells") }
            return Int(n)
        }
    }

    /// The Voronoi cell of every site (`GEOSVoronoiDiagram_r`), planar: `cells[i]` is the cell of
    /// `sites[i]`, or nil when the site repeats an earlier one. `envelope`, when given, is the area the
    /// diagram must cover (cells are not clipped to it). GEOS 3.11 returns cells in no set order, so
    /// each cell is matched to the site it holds through an STRtree and a point-in-polygon test.
    /// Throws `TopologyError` when fewer than two distinct sites are given or GEOS fails.
    public static func cells(sites: [Coordinate], envelope: Geometry? = nil, tolerance: Double = 0) throws -> [Geometry?] {
        guard Set(sites).count >= 2 else { throw TopologyError.invalidInput("a Voronoi diagram needs at least two distinct sites") }
        return try withGEOS { ctx in
            let points = try ctx.make(.multiPoint(sites))
            let env = try envelope.map(ctx.make)
            let diagram = try ctx.own(
                GEOSVoronoiDiagram_r(ctx.handle, points.pointer, env?.pointer, tolerance, 0),  // NULL on exception
                "Voronoi diagram")
            let polygons = try ctx.parts(diagram.pointer)
            let index = try GEOSPointIndex(ctx: ctx, sites: sites)
            var result = [Geometry?](repeating: nil, count: sites.count)
            for cell in polygons {
                // Each cell holds exactly one site, strictly inside: a planar ring test on the cell's
                // exterior is enough (and much cheaper than a GEOS predicate).
                let geometry = try ctx.geometry(cell)
                guard let ring = geometry.polygons.first?.first else { continue }
                for i in index.candidates(inEnvelopeOf: cell) where result[i] == nil && Voronoi.ring(ring, contains: sites[i]) {
                    result[i] = geometry
                    break
                }
            }
            return result
        }
    }
}

extension Voronoi {
    /// True when `p` lies inside the closed ring `ring` (even-odd crossing test; points on the edge may go either way).
    static func ring(_ ring: [Coordinate], contains p: Coordinate) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
            j = i
        }
        return inside
    }
}

/// An STRtree of GEOS points keyed by their index, used inside one operation.
final class GEOSPointIndex {
    let ctx: GEOSContext
    let points: [GEOSGeometryOwner]
    private let tree: OpaquePointer

    init(ctx: GEOSContext, sites: [Coordinate]) throws {
        self.ctx = ctx
        points = try sites.map { try ctx.make(.point($0)) }
        guard let t = GEOSSTRtree_create_r(ctx.handle, 10) else { throw ctx.error("creating an STRtree") }  // NULL on exception
        tree = t
        for (i, p) in points.enumerated() {
            // the tree borrows the geometry (kept alive by `points`); the item is the index + 1
            GEOSSTRtree_insert_r(ctx.handle, tree, p.pointer, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
    }

    deinit { GEOSSTRtree_destroy_r(ctx.handle, tree) }

    /// Indices whose point lies in the envelope of `g`.
    func candidates(inEnvelopeOf g: OpaquePointer) -> [Int] {
        let hits = IndexHits()
        GEOSSTRtree_query_r(ctx.handle, tree, g, { item, userdata in
            guard let item, let userdata else { return }
            Unmanaged<IndexHits>.fromOpaque(userdata).takeUnretainedValue().items.append(Int(bitPattern: item) - 1)
        }, Unmanaged.passUnretained(hits).toOpaque())
        return hits.items
    }
}

/// Collects item indices from STRtree callbacks.
final class IndexHits {
    var items: [Int] = []
}
