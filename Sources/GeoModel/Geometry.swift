/// A geometry of the GeoJSON model (RFC 7946 §3.1), longitude first.
///
/// Polygons are arrays of linear rings, the exterior first; each ring closes
/// (first position equals last).
public indirect enum Geometry: Hashable, Sendable {
    case point(Coordinate)
    case multiPoint([Coordinate])
    case lineString([Coordinate])
    case multiLineString([[Coordinate]])
    case polygon([[Coordinate]])
    case multiPolygon([[[Coordinate]]])
    case geometryCollection([Geometry])

    /// The GeoJSON type name ("Point", "LineString", ...).
    public var typeName: String {
        switch self {
        case .point: return "Point"
        case .multiPoint: return "MultiPoint"
        case .lineString: return "LineString"
        case .multiLineString: return "MultiLineString"
        case .polygon: return "Polygon"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }

    /// Every position of the geometry, in order.
    public var coordinates: [Coordinate] {
        switch self {
        case .point(let c): return [c]
        case .multiPoint(let cs), .lineString(let cs): return cs
        case .multiLineString(let ls), .polygon(let ls): return ls.flatMap { $0 }
        case .multiPolygon(let ps): return ps.flatMap { $0.flatMap { $0 } }
        case .geometryCollection(let gs): return gs.flatMap(\.coordinates)
        }
    }

    /// True when the geometry holds no position.
    public var isEmpty: Bool {
        switch self {
        case .point: return false
        case .multiPoint(let cs), .lineString(let cs): return cs.isEmpty
        case .multiLineString(let ls), .polygon(let ls): return ls.allSatisfy(\.isEmpty)
        case .multiPolygon(let ps): return ps.allSatisfy { $0.allSatisfy(\.isEmpty) }
        case .geometryCollection(let gs): return gs.allSatisfy(\.isEmpty)
        }
    }

    /// The bounding box of all positions; nil for an empty geometry.
    public var boundingBox: BoundingBox? { BoundingBox(covering: coordinates) }

    /// The polygons of a Polygon or MultiPolygon (each an array of rings); empty for other types.
    public var polygons: [[[Coordinate]]] {
        switch self {
        case .polygon(let rings): return [rings]
        case .multiPolygon(let ps): return ps
        case .geometryCollection(let gs): return gs.flatMap(\.polygons)
        default: return []
        }
    }

    /// The lines of a LineString or MultiLineString; empty for other types.
    public var lines: [[Coordinate]] {
        switch self {
        case .lineString(let l): return [l]
        case .multiLineString(let ls): return ls
        case .geometryCollection(let gs): return gs.flatMap(\.lines)
        default: return []
        }
    }

    /// A copy with every position passed through `transform`.
    public func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) rethrows -> Geometry {
        switch self {
        case .point(let c): return .point(try transform(c))
        case .multiPoint(let cs): return .multiPoint(try cs.map(transform))
        case .lineString(let cs): return .lineString(try cs.map(transform))
        case .multiLineString(let ls): return .multiLineString(try ls.map { try $0.map(transform) })
        case .polygon(let rs): return .polygon(try rs.map { try $0.map(transform) })
        case .multiPolygon(let ps): return .multiPolygon(try ps.map { try $0.map { try $0.map(transform) } })
        case .geometryCollection(let gs): return .geometryCollection(try gs.map { try $0.mapCoordinates(transform) })
        }
    }
}

/// Planar ring orientation, used to wind polygons as RFC 7946 §3.1.6 asks.
public enum Winding {
    /// Twice the signed planar area of a ring (positive when counter-clockwise).
    public static func signedArea2(_ ring: [Coordinate]) -> Double {
        guard ring.count > 2 else { return 0 }
        var s = 0.0
        for i in 0..<(ring.count - 1) {
            let a = ring[i], b = ring[i + 1]
            s += (a.x * b.y - b.x * a.y)
        }
        return s
    }

    /// True when the ring runs counter-clockwise in the plane (x east, y north).
    public static func isCounterClockwise(_ ring: [Coordinate]) -> Bool { signedArea2(ring) > 0 }
}

extension Geometry {
    /// The geometry with exterior rings counter-clockwise and holes clockwise (the right-hand rule of RFC 7946).
    public var rightHanded: Geometry {
        func fix(_ rings: [[Coordinate]]) -> [[Coordinate]] {
            rings.enumerated().map { i, ring in
                let ccw = Winding.isCounterClockwise(ring)
                return (i == 0) == ccw ? ring : ring.reversed()
            }
        }
        switch self {
        case .polygon(let rs): return .polygon(fix(rs))
        case .multiPolygon(let ps): return .multiPolygon(ps.map(fix))
        case .geometryCollection(let gs): return .geometryCollection(gs.map(\.rightHanded))
        default: return self
        }
    }
}
