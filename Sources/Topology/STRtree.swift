internal import CGEOS
import GeoModel

/// A static spatial index of boxes through GEOS's STRtree (`GEOSSTRtree_*_r`).
/// GEOS 3.11 builds the tree on its first query and takes no inserts after, so all items are given at once.
/// Owns its GEOS context: use one instance per thread.
public final class STRtree {
    private let ctx = GEOSContext()
    private let items: [GEOSGeometryOwner]
    private let boxes: [BoundingBox]
    private let tree: OpaquePointer

    /// An index of `boxes`; queries answer with positions in this array. Throws `TopologyError`.
    public init(boxes: [BoundingBox], nodeCapacity: Int = 10) throws {
        self.boxes = boxes
        items = try boxes.map { [ctx] b in try ctx.make(STRtree.geometry(of: b)) }
        guard let t = GEOSSTRtree_create_r(ctx.handle, max(nodeCapacity, 2)) else {  // NULL on exception
            throw ctx.error("creating an STRtree")
        }
        tree = t
        for (i, g) in items.enumerated() {
            // the tree borrows the geometry (kept alive by `items`); the item is the index + 1
            GEOSSTRtree_insert_r(ctx.handle, tree, g.pointer, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
    }

    /// An index of points; queries answer with positions in `points`.
    public convenience init(points: [Coordinate], nodeCapacity: Int = 10) throws {
        try self.init(boxes: points.map { BoundingBox(west: $0.x, south: $0.y, east: $0.x, north: $0.y) },
                      nodeCapacity: nodeCapacity)
    }

    deinit { GEOSSTRtree_destroy_r(ctx.handle, tree) }

    private static func geometry(of b: BoundingBox) -> Geometry {
        if b.west == b.east && b.south == b.north { return .point(Coordinate(x: b.west, y: b.south)) }
        return .polygon([[Coordinate(x: b.west, y: b.south), Coordinate(x: b.east, y: b.south),
                          Coordinate(x: b.east, y: b.north), Coordinate(x: b.west, y: b.north),
                          Coordinate(x: b.west, y: b.south)]])
    }

    /// Positions of the items whose box intersects `box`, in ascending order. Throws `TopologyError`.
    public func query(_ box: BoundingBox) throws -> [Int] {
        let q = try ctx.make(STRtree.geometry(of: box))
        let hits = IndexHits()
        GEOSSTRtree_query_r(ctx.handle, tree, q.pointer, { item, userdata in
            guard let item, let userdata else { return }
            Unmanaged<IndexHits>.fromOpaque(userdata).takeUnretainedValue().items.append(Int(bitPattern: item) - 1)
        }, Unmanaged.passUnretained(hits).toOpaque())
        return hits.items.sorted()
    }

    /// The position of the item nearest `point` by planar distance to its box, or nil for an empty index
    /// (`GEOSSTRtree_nearest_generic_r`). Throws `TopologyError`.
    public func nearest(to point: Coordinate) throws -> Int? {
        guard !boxes.isEmpty else { return nil }
        let q = try ctx.make(.point(point))
        let query = NearestQuery(point: point, boxes: boxes)
        // returns the nearest item, or NULL on exception or when the tree is empty
        let item = GEOSSTRtree_nearest_generic_r(ctx.handle, tree, nil, q.pointer, { item1, item2, distance, userdata in
            guard let userdata, let distance else { return 0 }
            let query = Unmanaged<NearestQuery>.fromOpaque(userdata).takeUnretainedValue()
            // one of the two items is the query (NULL); the other is a tree item
            guard let item = item1 ?? item2 else { return 0 }
            distance.pointee = query.distance(to: Int(bitPattern: item) - 1)
            return 1
        }, Unmanaged.passUnretained(query).toOpaque())
        guard let item else { throw ctx.error("nearest neighbour") }
        return Int(bitPattern: item) - 1
    }
}

/// The state of one nearest-neighbour search.
private final class NearestQuery {
    let point: Coordinate
    let boxes: [BoundingBox]
    init(point: Coordinate, boxes: [BoundingBox]) { self.point = point; self.boxes = boxes }

    func distance(to i: Int) -> Double {
        let b = boxes[i]
        let dx = max(b.west - point.x, 0, point.x - b.east)
        let dy = max(b.south - point.y, 0, point.y - b.north)
        return (dx * dx + dy * dy).squareRoot()
    }
}
